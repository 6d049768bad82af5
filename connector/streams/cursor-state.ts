/**
 * The cursor state of the CRM object streams, and its checks: a state
 * file edited by hand or carried over from another portal must not make
 * a sync skip changes silently.
 */
import { ConfigError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';

/**
 * How far ahead of our clock a cursor may be before it is refused: cursors
 * we write never pass the sync's start, so only clock skew is allowed.
 */
const CLOCK_SKEW_MILLIS = 10 * 60_000;

const NEXT_STEP = 'For `sync`, run it once with --full-refresh; for ' +
  '`read`, pass the state a previous read wrote, or none.';

/** Cursor state of a CRM object stream. */
export interface CrmObjectState extends JsonObject {
  /** Records modified after this instant are read by the next sync. */
  updated_after?: string;
  /** Records archived after this instant are read by the next sync. */
  archived_after?: string;
}

/** Throws a ConfigError when a cursor is not an ISO instant in the past. */
export function checkCursorState(
  state: CrmObjectState | undefined,
  stream: string,
  now: Date,
): void {
  for (const key of ['updated_after', 'archived_after'] as const) {
    const value = state?.[key];
    if (value === undefined) continue;
    const millis = typeof value === 'string' &&
      /^\d{4}-\d{2}-\d{2}T/.test(value)
      ? Date.parse(value)
      : Number.NaN;
    if (Number.isNaN(millis)) {
      throw new ConfigError(`the state of ${stream} has ${key} ` +
        `${JSON.stringify(value)}, not an ISO-8601 instant. ${NEXT_STEP}`);
    }
    if (millis > now.getTime() + CLOCK_SKEW_MILLIS) {
      throw new ConfigError(`the state of ${stream} has ${key} ${value}, ` +
        `in the future, which would skip every change until then. ` +
        NEXT_STEP);
    }
  }
}
