/**
 * Incremental reads through HubSpot's search endpoint, by modified time.
 */
import { HubSpotResponseError } from '../errors.js';
import { isoTimeOf, resultsOf } from '../hubspot/response-shape.js';
import type { CrmObject, Sourced } from './crm-objects.js';
import type { StreamContext } from './stream.js';

/** HubSpot search refuses to page past this many results per query. */
const SEARCH_RESULT_CAP = 10_000;
/** Modified-time property of every object but contacts. */
const MODIFIED_PROPERTY = 'hs_lastmodifieddate';

/**
 * Records modified after `updatedAfter`, oldest first. Search pages by
 * offset and stops at 10,000 results, so a long window is read as several
 * queries, each starting at the last modified time seen.
 */
export async function* searchModifiedAfter(
  context: StreamContext,
  objectType: string,
  properties: readonly string[],
  updatedAfter: string,
): AsyncGenerator<Sourced> {
  const origin = {
    method: 'POST',
    path: `/crm/v3/objects/${objectType}/search`,
  };
  const pageSize = context.config.search_page_size;
  let lowerBound = updatedAfter;
  let operator: 'GT' | 'GTE' = 'GT';
  for (;;) {
    let offset = 0;
    let lastSeen: string | undefined;
    let exhausted = false;
    while (offset + pageSize <= SEARCH_RESULT_CAP) {
      const page = await context.api.post<{
        paging?: { next?: { after?: unknown } };
      }>(origin.path, {
        filterGroups: [{
          filters: [{
            propertyName: MODIFIED_PROPERTY,
            operator,
            value: String(Date.parse(lowerBound)),
          }],
        }],
        sorts: [{ propertyName: MODIFIED_PROPERTY, direction: 'ASCENDING' }],
        properties,
        limit: pageSize,
        ...(offset ? { after: String(offset) } : {}),
      });
      const results = resultsOf<CrmObject>(page, origin);
      for (const object of results) yield { object, origin };
      const last = results.at(-1);
      if (last) lastSeen = isoTimeOf(last.updatedAt, origin, 'updatedAt');
      const next = page.paging?.next?.after;
      if (next === undefined || next === null || next === '') {
        exhausted = true;
        break;
      }
      offset = nextOffset(next, offset, origin);
    }
    if (exhausted) return;
    if (!lastSeen || lastSeen <= lowerBound) {
      throw new Error(
        `more than ${SEARCH_RESULT_CAP} ${objectType} share the modified ` +
          `time ${lowerBound}; search cannot page past them. Run the sync ` +
          'with --full-refresh to list them instead.',
      );
    }
    // Records at exactly lastSeen are read again; staging keeps one copy.
    lowerBound = lastSeen;
    operator = 'GTE';
  }
}

// Search's `after` is an offset; one that does not move forward would
// read the same page forever.
function nextOffset(
  after: unknown,
  offset: number,
  origin: { method: string; path: string },
): number {
  const next = Number(after);
  if (!Number.isSafeInteger(next) || next <= offset) {
    throw new HubSpotResponseError(origin.method, origin.path,
      `the paging offset ${JSON.stringify(after)} after offset ${offset}; ` +
      'stopping rather than reading the same page again');
  }
  return next;
}
