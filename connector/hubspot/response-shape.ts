/**
 * Checks on what HubSpot answers, so a malformed answer stops the stream
 * with a message naming the request instead of landing garbage.
 */
import { HubSpotResponseError } from '../errors.js';

/** Where an answer came from, for messages. */
export interface Origin {
  method: string;
  path: string;
}

/** The `results` array of a page; throws when there is none. */
export function resultsOf<T>(page: unknown, origin: Origin): T[] {
  const results = (page as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) {
    throw new HubSpotResponseError(origin.method, origin.path,
      'no "results" array');
  }
  return results as T[];
}

/** The page's `paging.next.after` cursor, or undefined on the last page. */
export function nextAfter(page: unknown): string | undefined {
  const after = (page as { paging?: { next?: { after?: unknown } } } | null)
    ?.paging?.next?.after;
  return after === undefined || after === null || after === ''
    ? undefined
    : String(after);
}

/** A record id as a non-empty string; throws for a missing or odd one. */
export function idOf(value: unknown, origin: Origin): string {
  if ((typeof value === 'string' && /^[\w-]{1,64}$/.test(value)) ||
    (typeof value === 'number' && Number.isSafeInteger(value))) {
    return String(value);
  }
  throw new HubSpotResponseError(origin.method, origin.path,
    `a record whose id is ${JSON.stringify(value) ?? 'missing'}`);
}

/** An instant as ISO-8601 UTC, so that strings compare as instants. */
export function isoTimeOf(value: unknown, origin: Origin, what: string): string {
  const millis = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) {
    throw new HubSpotResponseError(origin.method, origin.path,
      `an unreadable ${what} ${JSON.stringify(value) ?? 'missing'}`);
  }
  return new Date(millis).toISOString();
}

/**
 * Remembers paging cursors and throws when one comes back, which would
 * otherwise read the same pages forever.
 */
export class CursorGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly origin: Origin) {}

  check(cursor: string): void {
    if (this.seen.has(cursor)) {
      throw new HubSpotResponseError(this.origin.method, this.origin.path,
        `the paging cursor ${JSON.stringify(cursor)} a second time; ` +
        'stopping rather than reading the same pages again');
    }
    this.seen.add(cursor);
  }
}
