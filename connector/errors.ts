/**
 * The connector's errors. Each names what failed, with which value, and
 * what to do next; none carries a secret. The original error is `cause`.
 */

/** Base class: every error the connector raises on purpose. */
export class ConnectorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The config file or environment is wrong; nothing was called yet. */
export class ConfigError extends ConnectorError {}

/** HubSpot answered with an error status that retrying did not fix. */
export class HubSpotHttpError extends ConnectorError {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly hubspotMessage: string,
    readonly correlationId?: string,
    options?: { cause?: unknown },
  ) {
    super(
      `HubSpot ${method} ${path} failed with ${status}: ${hubspotMessage}` +
        `${correlationId ? ` (correlationId ${correlationId})` : ''}. ` +
        nextStepFor(status),
      options,
    );
  }
}

/**
 * Statuses that mean HubSpot refused the token itself; a malformed token
 * can come back as 530 rather than 401.
 */
export const AUTH_FAILURE_STATUSES: readonly number[] = [401, 530];

/** True for a HubSpot answer that refuses the token. */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof HubSpotHttpError &&
    AUTH_FAILURE_STATUSES.includes(error.status);
}

/** HubSpot kept answering 429 until the retry budget ran out. */
export class RateLimitExhaustedError extends HubSpotHttpError {}

/** HubSpot answered 2xx with something the connector cannot read. */
export class HubSpotResponseError extends ConnectorError {
  constructor(
    readonly method: string,
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`HubSpot ${method} ${path} answered with ${detail}. The stream ` +
      'stopped without advancing its state; if HUBSPOT_BASE_URL points at ' +
      'a proxy, check it, else report this with the message.', options);
  }
}

/** A BigQuery job or API call failed. */
export class BigQueryJobError extends ConnectorError {
  constructor(
    readonly operation: string,
    readonly jobId: string | undefined,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `BigQuery ${operation}${jobId ? ` (job ${jobId})` : ''} failed: ` +
        `${detail}. The stream's sync state was not advanced, so the next ` +
        'sync reads the same changes again.',
      options,
    );
  }
}

function nextStepFor(status: number): string {
  if (status === 0) {
    return 'Check HUBSPOT_BASE_URL and that this machine can reach it.';
  }
  if (AUTH_FAILURE_STATUSES.includes(status)) {
    return 'Check HUBSPOT_ACCESS_TOKEN: it must be a valid private app ' +
      'token for this portal.';
  }
  if (status === 403) {
    return 'Grant the private app the scopes the connector needs: ' +
      'crm.objects.companies.read, crm.objects.deals.read, crm.schemas.*.read ' +
      '(see README).';
  }
  if (status === 429) {
    return 'The portal\'s API budget is spent: for the daily limit, run ' +
      'again after midnight in the portal\'s time zone; otherwise lower ' +
      '`requests_per_ten_seconds` in the config.';
  }
  if (status >= 500) {
    return 'HubSpot had a server error; run the sync again later.';
  }
  return 'This is likely a connector bug; please report it with this message.';
}
