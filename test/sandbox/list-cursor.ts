/**
 * The list endpoint's `after` cursor: base64 of the id of the last record
 * returned (HubSpot's own cursors look alike, e.g. "NTI1Cg=="). A cursor
 * means "records with a greater id", so it stays valid when records are
 * added, changed or archived between pages. Treat it as opaque.
 */
import { validationError } from './hubspot-errors.js';

/** The cursor that continues after the record with `lastId`. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64');
}

/** The id a cursor continues after; a 400 for anything we did not issue. */
export function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!/^\d+$/.test(decoded) || encodeCursor(decoded) !== cursor) {
    throw validationError(`Invalid 'after' cursor '${cursor}'. Pass back ` +
      'paging.next.after from the previous page unchanged.',
    [{ message: 'after is not a cursor this endpoint issued', in: 'after' }]);
  }
  return Number(decoded);
}
