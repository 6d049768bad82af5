/**
 * One HubSpot request and its whole body, within a time limit, as an
 * outcome the retry loop can judge; never throws.
 */
import type { Client } from '@hubspot/api-client';

export interface HubSpotRequest {
  method: string;
  path: string;
  qs: Record<string, unknown>;
  body: unknown;
}

/** What one attempt gave: a parsed body, or why not. */
export type Outcome<T> =
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

/**
 * Sends `request` through the official client and reads the body, giving
 * up after `timeoutMillis`. `redact` cleans text quoted from the body.
 */
export async function exchange<T>(
  client: Client,
  request: HubSpotRequest,
  timeoutMillis: number,
  redact: (text: string) => string,
): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({
      ok: false, status: 0, retryAfter: null,
      message: `no complete answer within ${timeoutMillis} ms`,
    }), timeoutMillis);
  });
  // TODO: the official client takes no AbortSignal, so a timed-out fetch
  // is abandoned rather than cancelled; it ends with undici's own timeout.
  // Calling fetch with AbortSignal.timeout directly would cancel it.
  try {
    return await Promise.race([attempt<T>(client, request, redact), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function attempt<T>(
  client: Client,
  request: HubSpotRequest,
  redact: (text: string) => string,
): Promise<Outcome<T>> {
  let response: Response;
  let text: string;
  try {
    response = await client.apiRequest(request);
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
    return { ok: true, status: response.status, value: JSON.parse(text) as T };
  } catch {
    return { ok: false, status: response.status, retryAfter: null,
      unreadable: true,
      message: `status ${response.status} and a body that is not ` +
        `JSON: ${JSON.stringify(redact(text.slice(0, 120)))}` };
  }
}

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
