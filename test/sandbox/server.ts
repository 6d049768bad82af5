/**
 * A local HubSpot on 127.0.0.1 that serves a Portal in HubSpot's wire
 * format, with its auth, rate limits and some of its failures. Every
 * request passes: latency → forced failure → auth → route → rate limit →
 * body → handler. Changes to `portal` show in the next answer.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

import { hasValidToken } from './auth.js';
import { FaultController } from './faults.js';
import type { Faults } from './faults.js';
import {
  authenticationError, errorBody, notFoundError, SandboxHttpError,
} from './hubspot-errors.js';
import { readJsonBody, sendJson, sendText } from './http-io.js';
import type { Portal } from './portal-types.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import type { RateLimitOptions } from './rate-limit.js';
import { matchRoute } from './router.js';
import { sendFault } from './send-fault.js';

export { FaultController } from './faults.js';
export type { FailureRule, Faults } from './faults.js';
export { DEFAULT_RATE_LIMIT } from './rate-limit.js';
export type { RateLimitOptions } from './rate-limit.js';

/** The token the sandbox accepts unless told otherwise. */
export const DEFAULT_ACCESS_TOKEN = 'sandbox-token';

/** How to start a sandbox. */
export interface SandboxOptions {
  /** The data to serve; kept by reference, so later edits show. */
  portal: Portal;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Bearer token to accept; default "sandbox-token". */
  accessToken?: string;
  /** Budgets (default 190 per 10 s, 5 searches per s), or false for none. */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Faults active from the start; change them later via `faults`. */
  faults?: Faults;
  /** Clock in epoch milliseconds for rate limits; default Date.now. */
  clock?: () => number;
  /** Called after each answer, e.g. to log it. */
  onRequest?: (entry: RequestRecord) => void;
}

/** One answered request. `path` has no query string. */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** e.g. "http://127.0.0.1:41234", no trailing slash. */
  baseUrl: string;
  portal: Portal;
  /** Every answered request, in order of answer. */
  requests: RequestRecord[];
  faults: FaultController;
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

interface State {
  portal: Portal;
  accessToken: string;
  limiter: RateLimiter | undefined;
  faults: FaultController;
  clock: () => number;
  requests: RequestRecord[];
  onRequest: ((entry: RequestRecord) => void) | undefined;
  baseUrl: string;
}

/** Starts a sandbox and resolves once it listens. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const state: State = {
    portal: options.portal,
    accessToken: options.accessToken ?? DEFAULT_ACCESS_TOKEN,
    limiter: options.rateLimit === false ? undefined : new RateLimiter(
      { ...DEFAULT_RATE_LIMIT, ...options.rateLimit }, clock),
    faults: new FaultController(options.faults),
    clock,
    requests: [],
    onRequest: options.onRequest,
    baseUrl: '',
  };
  const server = createServer((request, response) => {
    void handle(request, response, state);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl: state.baseUrl,
    portal: state.portal,
    requests: state.requests,
    faults: state.faults,
    close: () => {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse,
  state: State): Promise<void> {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', state.baseUrl);
  response.once('finish', () => {
    const entry = { method, path: url.pathname, status: response.statusCode };
    state.requests.push(entry);
    state.onRequest?.(entry);
  });
  let limitHeaders: Record<string, string> = {};

  try {
    if (state.faults.latencyMillis > 0) await delay(state.faults.latencyMillis);
    const forced = state.faults.takeFailure(url.pathname);
    if (forced !== undefined) return sendFault(response, forced);
    if (!hasValidToken(request, state.accessToken)) {
      if (!state.faults.malformedToken) throw authenticationError();
      return sendText(response, 530, 'error code: 530 (sandbox fault: ' +
        'malformed access token)');
    }
    const match = matchRoute(method, url.pathname);
    if (!match) throw notFoundError(method, url.pathname);
    limitHeaders = state.limiter?.admit(state.accessToken, match.route.kind) ?? {};
    const body = method === 'POST' ? await readJsonBody(request) : undefined;
    const result = match.route.handle({ portal: state.portal, url,
      params: match.params, body, baseUrl: state.baseUrl, now: state.clock() });
    sendJson(response, result.status, result.body, limitHeaders);
  } catch (error) {
    if (error instanceof SandboxHttpError) {
      sendJson(response, error.status, error.body,
        { ...limitHeaders, ...error.headers });
      return;
    }
    sendJson(response, 500, errorBody('INTERNAL_ERROR',
      `Sandbox bug while answering ${method} ${url.pathname}: ` +
      `${(error as Error).message}`));
  }
}
