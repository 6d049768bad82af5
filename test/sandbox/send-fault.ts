/**
 * Answers for forced failures: 500 and 429 with HubSpot's JSON bodies,
 * 502 and 503 with the HTML a gateway sends, so clients must cope with
 * error bodies that are not JSON.
 */
import type { ServerResponse } from 'node:http';

import type { FailureRule } from './faults.js';
import { errorBody, rateLimitError } from './hubspot-errors.js';
import { sendJson, sendText } from './http-io.js';

/** Sends the forced failure `status`. */
export function sendFault(response: ServerResponse,
  status: FailureRule['status']): void {
  if (status === 429) {
    const error = rateLimitError('TEN_SECONDLY_ROLLING',
      'You have reached your ten_secondly_rolling limit.',
      { 'Retry-After': '1', 'X-HubSpot-RateLimit-Remaining': '0' });
    sendJson(response, 429, error.body, error.headers);
    return;
  }
  if (status === 500) {
    sendJson(response, 500, errorBody('INTERNAL_ERROR',
      'internal error (sandbox fault injection)'));
    return;
  }
  const title = status === 502 ? 'Bad Gateway' : 'Service Unavailable';
  sendText(response, status,
    `<html><body><h1>${status} ${title}</h1></body></html>\n`,
    'text/html;charset=utf-8');
}
