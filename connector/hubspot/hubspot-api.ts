/**
 * HubSpot requests through the official client, with our throttle and
 * retry policy around each one.
 */
import { Client } from '@hubspot/api-client';

import {
  HubSpotHttpError,
  HubSpotResponseError,
  RateLimitExhaustedError,
} from '../errors.js';
import type { Logger } from '../logging/logger.js';
import {
  backoffMillis,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from './retry-policy.js';
import { realSleep, Throttle, type Sleep } from './throttle.js';

const TEN_SECONDS_MILLIS = 10_000;
/** HubSpot's search endpoints have their own, smaller budget. */
const SEARCH_REQUESTS_PER_SECOND = 4;

export interface HubSpotApiOptions {
  accessToken: string;
  baseUrl: string;
  logger: Logger;
  requestsPerTenSeconds: number;
  retryPolicy?: RetryPolicy;
  /** Waits and the clock; tests pass a fake pair. */
  sleep?: Sleep;
  now?: () => number;
}

type Query = Record<string, string | number | boolean | undefined>;

/** JSON in, JSON out; throws HubSpotHttpError after the last attempt. */
export class HubSpotApi {
  private readonly client: Client;
  private readonly throttle: Throttle;
  private readonly searchThrottle: Throttle;
  private readonly policy: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly logger: Logger;
  private readonly accessToken: string;
  /** Requests sent, retries included. */
  requestCount = 0;

  constructor(options: HubSpotApiOptions) {
    this.client = new Client({
      accessToken: options.accessToken,
      basePath: options.baseUrl.replace(/\/+$/, ''),
    });
    this.sleep = options.sleep ?? realSleep;
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.logger = options.logger;
    this.accessToken = options.accessToken;
    const now = options.now ?? Date.now;
    this.throttle = new Throttle(
      options.requestsPerTenSeconds, TEN_SECONDS_MILLIS, this.sleep, now);
    this.searchThrottle = new Throttle(
      SEARCH_REQUESTS_PER_SECOND, 1000, this.sleep, now);
  }

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.send<T>('GET', path, query, undefined);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, {}, body);
  }

  private async send<T>(
    method: string,
    path: string,
    query: Query,
    body: unknown,
  ): Promise<T> {
    const qs = Object.fromEntries(
      Object.entries(query).filter(([, value]) => value !== undefined),
    );
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      await this.throttle.acquire();
      if (path.endsWith('/search')) await this.searchThrottle.acquire();
      this.requestCount++;

      const sentAt = Date.now();
      const outcome = await this.exchange<T>(method, path, qs, body);
      this.logger.debug('HubSpot request', {
        method, path, status: outcome.status, attempt,
        millis: Date.now() - sentAt,
      });
      if (outcome.ok) return outcome.value;

      const { status, message } = outcome;
      const dailyLimit = status === 429 &&
        /DAILY/i.test(outcome.policyName ?? '');
      const retryable = !dailyLimit &&
        (status === 0 || outcome.unreadable ||
          this.policy.retryStatuses.includes(status));
      const delay = backoffMillis(this.policy, attempt, outcome.retryAfter);
      const overBudget =
        Date.now() - startedAt + delay > this.policy.totalBudgetMillis;

      if (!retryable || attempt >= this.policy.maxAttempts || overBudget) {
        if (outcome.unreadable) {
          throw new HubSpotResponseError(method, path, message);
        }
        const ErrorClass = status === 429
          ? RateLimitExhaustedError
          : HubSpotHttpError;
        throw new ErrorClass(method, path, status, this.redact(message),
          outcome.correlationId);
      }
      this.logger.warn('retrying HubSpot request', {
        method,
        path,
        status,
        reason: this.redact(message).slice(0, 200),
        attempt,
        maxAttempts: this.policy.maxAttempts,
        delayMillis: delay,
      });
      await this.sleep(delay);
    }
  }

  /** One request and its whole body, within the attempt timeout. */
  private async exchange<T>(
    method: string,
    path: string,
    qs: Record<string, unknown>,
    body: unknown,
  ): Promise<Outcome<T>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome<T>>((resolve) => {
      timer = setTimeout(() => resolve({
        ok: false, status: 0, retryAfter: null,
        message: `no complete answer within ${
          this.policy.attemptTimeoutMillis} ms`,
      }), this.policy.attemptTimeoutMillis);
    });
    // TODO: the official client takes no AbortSignal, so a timed-out fetch
    // is abandoned rather than cancelled; it ends with undici's own timeout.
    const attempt = (async (): Promise<Outcome<T>> => {
      let response: Response;
      let text: string;
      try {
        response = await this.client.apiRequest({ method, path, qs, body });
        text = await response.text();
      } catch (error) {
        return { ok: false, status: 0, retryAfter: null,
          message: networkFailure(error) };
      }
      if (!response.ok) {
        return { ok: false, status: response.status,
          retryAfter: response.headers.get('retry-after'),
          ...errorBody(text, response.statusText) };
      }
      try {
        return { ok: true, status: response.status, value: JSON.parse(text) };
      } catch {
        return { ok: false, status: response.status, retryAfter: null,
          unreadable: true,
          message: `status ${response.status} and a body that is not ` +
            `JSON: ${JSON.stringify(this.redact(text.slice(0, 120)))}` };
      }
    })();
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  // Config validation keeps the token out of headers errors; this keeps it
  // out of any message that might still quote it.
  private redact(message: string): string {
    return message.split(this.accessToken).join('[token]');
  }
}

type Outcome<T> =
  | { ok: true; status: number; value: T }
  | {
      ok: false;
      /** 0 when no HTTP answer came. */
      status: number;
      message: string;
      retryAfter: string | null;
      correlationId?: string;
      policyName?: string;
      /** A 2xx whose body could not be read as JSON. */
      unreadable?: boolean;
    };

function networkFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    .cause;
  const detail = cause?.code ?? cause?.message;
  return `${(error as Error).message}${detail ? ` (${detail})` : ''}`;
}

interface HubSpotErrorBody {
  message?: string;
  correlationId?: string;
  policyName?: string;
}

function errorBody(text: string, statusText: string): {
  message: string;
  correlationId?: string;
  policyName?: string;
} {
  try {
    const parsed = JSON.parse(text) as HubSpotErrorBody;
    if (typeof parsed === 'object' && parsed !== null) {
      return {
        message: String(parsed.message ?? text.slice(0, 300)),
        ...(parsed.correlationId
          ? { correlationId: String(parsed.correlationId) } : {}),
        ...(parsed.policyName ? { policyName: String(parsed.policyName) } : {}),
      };
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, for example.
  }
  return { message: text.slice(0, 300) || statusText };
}
