/**
 * HubSpot requests through the official client, with our throttle and
 * retry policy around each one.
 */
import { Client } from '@hubspot/api-client';

import { HubSpotHttpError, RateLimitExhaustedError } from '../errors.js';
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
  sleep?: Sleep;
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
    this.throttle = new Throttle(
      options.requestsPerTenSeconds, TEN_SECONDS_MILLIS, this.sleep);
    this.searchThrottle = new Throttle(
      SEARCH_REQUESTS_PER_SECOND, 1000, this.sleep);
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

      let response: Response | undefined;
      let networkError: unknown;
      const sentAt = Date.now();
      try {
        response = await this.client.apiRequest({ method, path, qs, body });
      } catch (error) {
        networkError = error;
      }
      this.logger.debug('HubSpot request', {
        method, path, status: response?.status ?? 'no response', attempt,
        millis: Date.now() - sentAt,
      });
      if (response?.ok) return (await response.json()) as T;

      const status = response?.status ?? 0;
      const payload = response ? await readErrorBody(response) : undefined;
      const message = payload?.message ??
        (networkError as Error | undefined)?.message ?? 'no response body';
      const dailyLimit = status === 429 &&
        /DAILY/i.test(payload?.policyName ?? '');
      const retryable = !dailyLimit &&
        (status === 0 || this.policy.retryStatuses.includes(status));
      const delay = backoffMillis(
        this.policy, attempt, response?.headers.get('retry-after') ?? null);
      const overBudget =
        Date.now() - startedAt + delay > this.policy.totalBudgetMillis;

      if (!retryable || attempt >= this.policy.maxAttempts || overBudget) {
        const ErrorClass = status === 429
          ? RateLimitExhaustedError
          : HubSpotHttpError;
        throw new ErrorClass(method, path, status, message,
          payload?.correlationId, { cause: networkError });
      }
      this.logger.warn('retrying HubSpot request', {
        method,
        path,
        status,
        attempt,
        maxAttempts: this.policy.maxAttempts,
        delayMillis: delay,
      });
      await this.sleep(delay);
    }
  }
}

interface HubSpotErrorBody {
  message?: string;
  correlationId?: string;
  policyName?: string;
}

async function readErrorBody(response: Response): Promise<HubSpotErrorBody> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as HubSpotErrorBody;
    return typeof parsed === 'object' && parsed !== null
      ? parsed
      : { message: text.slice(0, 300) };
  } catch {
    return { message: text.slice(0, 300) || response.statusText };
  }
}
