/**
 * When and how long to wait before asking HubSpot again, stated as data.
 */

export interface RetryPolicy {
  /** HTTP statuses worth another attempt. */
  retryStatuses: readonly number[];
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  baseDelayMillis: number;
  /** Cap on one delay, Retry-After included. */
  maxDelayMillis: number;
  /** Cap on the time spent waiting for one request, all attempts together. */
  totalBudgetMillis: number;
  /** Cap on one attempt, from sending to the end of the body. */
  attemptTimeoutMillis: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retryStatuses: [429, 500, 502, 503, 504],
  maxAttempts: 6,
  baseDelayMillis: 500,
  maxDelayMillis: 30_000,
  totalBudgetMillis: 5 * 60_000,
  attemptTimeoutMillis: 60_000,
};

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from
 * 1), honouring a Retry-After header in seconds when HubSpot sends one.
 */
export function backoffMillis(
  policy: RetryPolicy,
  attempt: number,
  retryAfterHeader: string | null,
  random: () => number = Math.random,
): number {
  const retryAfterSeconds = Number(retryAfterHeader);
  if (retryAfterHeader && Number.isFinite(retryAfterSeconds)) {
    return Math.min(policy.maxDelayMillis, Math.max(0, retryAfterSeconds * 1000));
  }
  const exponential = policy.baseDelayMillis * 2 ** (attempt - 1);
  const jittered = exponential * (0.5 + random() / 2);
  return Math.min(policy.maxDelayMillis, Math.round(jittered));
}
