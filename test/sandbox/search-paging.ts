/**
 * Search paging: `limit` of 0–200 (default 10) and `after`, the offset of
 * the next result, which must stay below HubSpot's 10,000-result cap.
 */
import { validationError } from './hubspot-errors.js';

/** Largest search page HubSpot serves. */
export const MAX_SEARCH_PAGE_SIZE = 200;
/** HubSpot returns at most this many results per query. */
export const MAX_SEARCH_RESULTS = 10_000;

/** The page size; a 400 outside 0–200. */
export function parseLimit(raw: unknown): number {
  if (raw === undefined) return 10;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SEARCH_PAGE_SIZE) {
    throw validationError(`Invalid limit ${JSON.stringify(raw)}: search ` +
      `pages hold 0 to ${MAX_SEARCH_PAGE_SIZE} results.`);
  }
  return limit;
}

/** The offset; a 400 unless digits below 10,000. */
export function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const text = String(raw);
  if (!/^\d+$/.test(text)) {
    throw validationError(`Invalid after ${JSON.stringify(raw)}: pass back ` +
      'paging.next.after from the previous page.');
  }
  const offset = Number(text);
  if (offset >= MAX_SEARCH_RESULTS) {
    throw validationError(`Search cannot page past ${MAX_SEARCH_RESULTS} ` +
      `results (after=${offset}). Narrow the filters, e.g. split the ` +
      'time window or page by hs_object_id, to stay below the cap.');
  }
  return offset;
}
