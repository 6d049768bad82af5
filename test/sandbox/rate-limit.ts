/**
 * HubSpot's burst limits, per access token: a rolling 10-second window for
 * every request except search, and a separate per-second budget for
 * search (the reference marks search exempt from the ten-secondly limit:
 * `x-hubspot-rate-limit-exemptions: ["ten-secondly"]`). Rejected requests
 * do not use up budget.
 */
import { rateLimitError } from './hubspot-errors.js';

/** Budgets; defaults are HubSpot's Professional private-app numbers. */
export interface RateLimitOptions {
  /** Non-search requests per rolling 10 s; default 190. */
  requestsPerTenSeconds: number;
  /** Search requests per rolling second; default 5. */
  searchPerSecond: number;
}

/** 190 per 10 s and 5 searches per second. */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = {
  requestsPerTenSeconds: 190, searchPerSecond: 5,
};

const TEN_SECONDS_MILLIS = 10_000;
const ONE_SECOND_MILLIS = 1000;

/** Admits or rejects requests against the budgets. */
export class RateLimiter {
  private readonly standard: RollingWindow;
  private readonly search: RollingWindow;

  constructor(options: RateLimitOptions, private readonly clock: () => number) {
    this.standard = new RollingWindow(options.requestsPerTenSeconds,
      TEN_SECONDS_MILLIS);
    this.search = new RollingWindow(options.searchPerSecond,
      ONE_SECOND_MILLIS);
  }

  /**
   * Takes one request from the budget and returns the headers to send, or
   * throws a 429 SandboxHttpError. Search answers carry no
   * X-HubSpot-RateLimit-* headers, since the ten-secondly window does not
   * apply to them.
   */
  admit(token: string, kind: 'standard' | 'search'): Record<string, string> {
    const now = this.clock();
    if (kind === 'search') {
      const verdict = this.search.take(token, now);
      if (!verdict.allowed) {
        throw rateLimitError('SECONDLY',
          'You have reached your secondly limit.',
          { 'Retry-After': retryAfterSeconds(verdict.retryAfterMillis) });
      }
      return {};
    }

    const verdict = this.standard.take(token, now);
    const headers = {
      'X-HubSpot-RateLimit-Max': String(this.standard.max),
      'X-HubSpot-RateLimit-Remaining': String(verdict.remaining),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(TEN_SECONDS_MILLIS),
    };
    if (!verdict.allowed) {
      throw rateLimitError('TEN_SECONDLY_ROLLING',
        'You have reached your ten_secondly_rolling limit.',
        { ...headers,
          'Retry-After': retryAfterSeconds(verdict.retryAfterMillis) });
    }
    return headers;
  }
}

interface Verdict { allowed: boolean; remaining: number;
  retryAfterMillis: number }

class RollingWindow {
  private readonly times = new Map<string, number[]>();

  constructor(readonly max: number, private readonly intervalMillis: number) {}

  take(key: string, now: number): Verdict {
    const recent = (this.times.get(key) ?? [])
      .filter((t) => t > now - this.intervalMillis);
    this.times.set(key, recent);
    if (recent.length >= this.max) {
      const oldest = recent[0] ?? now;
      return { allowed: false, remaining: 0,
        retryAfterMillis: oldest + this.intervalMillis - now };
    }
    recent.push(now);
    return { allowed: true, remaining: this.max - recent.length,
      retryAfterMillis: 0 };
  }
}

function retryAfterSeconds(millis: number): string {
  return String(Math.max(1, Math.ceil(millis / 1000)));
}
