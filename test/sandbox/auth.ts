/** Bearer-token check for every endpoint. */
import type { IncomingMessage } from 'node:http';

/** Whether the request carries `Authorization: Bearer <accessToken>`. */
export function hasValidToken(request: IncomingMessage,
  accessToken: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1] === accessToken;
}
