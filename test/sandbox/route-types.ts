/** What route handlers receive and return. */
import type { Portal } from './portal-types.js';

/** One request, parsed. */
export interface RouteContext {
  portal: Portal;
  url: URL;
  /** Capture groups of the route's pattern, URL-decoded. */
  params: string[];
  /** Parsed JSON body of a POST; undefined when empty. */
  body: unknown;
  /** e.g. http://127.0.0.1:41234, for paging links. */
  baseUrl: string;
  /** Epoch milliseconds, from the sandbox's clock. */
  now: number;
}

/** A successful answer; errors are thrown as SandboxHttpError. */
export interface RouteResult {
  status: number;
  body: unknown;
}

/** One endpoint. `kind` picks the rate-limit budget. */
export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  kind: 'standard' | 'search';
  handle(context: RouteContext): RouteResult;
}
