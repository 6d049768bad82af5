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
import { exchange } from './exchange.js';
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

  /** GET `path` with `query`; the parsed JSON body. */
  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.send<T>('GET', path, query, undefined);
  }

  /** POST `body` as JSON to `path`; the parsed JSON body. */
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
      const outcome = await exchange<T>(this.client,
        { method, path, qs, body }, this.policy.attemptTimeoutMillis,
        (text) => this.redact(text));
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

  // Config validation keeps the token out of headers errors; this keeps it
  // out of any message that might still quote it.
  private redact(message: string): string {
    return message.split(this.accessToken).join('[token]');
  }
}
