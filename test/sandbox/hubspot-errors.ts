/**
 * HubSpot's error bodies. Route handlers throw SandboxHttpError; the
 * server turns it into the response. Bodies follow the reference
 * `Error` schema (message, correlationId, category) plus HubSpot's
 * `status: "error"`.
 */
import { randomUUID } from 'node:crypto';

/** One entry of an error's `errors` list. */
export interface ErrorDetail {
  message: string;
  in?: string;
  code?: string;
}

/** An HTTP error answer, with the body and headers to send. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? `HTTP ${status}`));
    this.name = 'SandboxHttpError';
  }
}

/** A HubSpot-style error body. */
export function errorBody(category: string, message: string,
  extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'error', message, correlationId: randomUUID(), category,
    ...extra };
}

/** 400 VALIDATION_ERROR, as HubSpot answers bad parameters and bodies. */
export function validationError(message: string,
  errors: ErrorDetail[] = []): SandboxHttpError {
  return new SandboxHttpError(400, errorBody('VALIDATION_ERROR', message,
    errors.length > 0 ? { errors } : {}));
}

/** 404 for a path the sandbox does not serve. */
export function notFoundError(method: string, path: string): SandboxHttpError {
  return new SandboxHttpError(404, errorBody('OBJECT_NOT_FOUND',
    `No endpoint for ${method} ${path}. The sandbox serves GET ` +
    '/crm/v3/objects/{companies|deals}, POST .../search, POST ' +
    '/crm/v4/associations/{from}/{to}/batch/read, GET ' +
    '/crm/v3/pipelines/deals, GET /crm/v3/properties/{type} and GET ' +
    '/account-info/v3/details.'));
}

/** 401 INVALID_AUTHENTICATION, HubSpot's wording. */
export function authenticationError(): SandboxHttpError {
  return new SandboxHttpError(401, errorBody('INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 ' +
    'authentication and you can find more details at ' +
    'https://developers.hubspot.com/docs/methods/auth/oauth-overview'));
}

/**
 * 429 as HubSpot sends it (errorType, policyName, requestId). `category`
 * is added so the body also satisfies the reference `Error` schema.
 */
export function rateLimitError(policyName: string, message: string,
  headers: Record<string, string>): SandboxHttpError {
  return new SandboxHttpError(429, {
    ...errorBody('RATE_LIMITS', message),
    errorType: 'RATE_LIMIT', policyName, requestId: randomUUID(),
  }, headers);
}
