/** Reading request bodies and writing responses with node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { validationError } from './hubspot-errors.js';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The parsed JSON body, or undefined for an empty one. Throws a 400 for
 * invalid JSON (HubSpot's "Invalid input JSON" wording) or a body over
 * 5 MB.
 */
export async function readJsonBody(request: IncomingMessage):
  Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw validationError(`Request body over ${MAX_BODY_BYTES} bytes; ` +
        'send fewer inputs per request');
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError(`Invalid input JSON: ${(error as Error).message}`);
  }
}

/** Sends `body` as JSON with `status` and extra headers. */
export function sendJson(response: ServerResponse, status: number,
  body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json;charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Sends a plain-text or HTML body, as gateways in front of HubSpot do. */
export function sendText(response: ServerResponse, status: number,
  text: string, contentType = 'text/plain;charset=utf-8'): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
