/** A tiny fetch wrapper for sandbox tests. */
import { DEFAULT_ACCESS_TOKEN } from './server.js';

/** An answer with its body parsed as JSON when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON (loosely typed for terse assertions), else undefined. */
  body: any;
  text: string;
}

/** Sends a request with the sandbox token (or `token`, or none if null). */
export async function call(baseUrl: string, method: string, path: string,
  body?: unknown, token: string | null = DEFAULT_ACCESS_TOKEN):
  Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, baseUrl), { method, headers,
    ...(body === undefined ? {} : {
      body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, headers: response.headers, text,
    body: isJson ? JSON.parse(text) : undefined };
}

/** GET shorthand. */
export function get(baseUrl: string, path: string): Promise<Answer> {
  return call(baseUrl, 'GET', path);
}

/** POST shorthand. */
export function post(baseUrl: string, path: string,
  body: unknown): Promise<Answer> {
  return call(baseUrl, 'POST', path, body);
}
