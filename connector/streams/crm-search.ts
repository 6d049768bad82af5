/**
 * Incremental reads through HubSpot's search endpoint, by modified time.
 */
import { ConnectorError } from '../errors.js';
import {
  idOf,
  isoTimeOf,
  nextAfter,
  resultsOf,
} from '../hubspot/response-shape.js';
import type { CrmObject, Sourced } from './crm-objects.js';
import type { StreamContext } from './stream.js';

/** HubSpot search refuses to page past this many results per query. */
const SEARCH_RESULT_CAP = 10_000;
/** Modified-time property of every object but contacts. */
const MODIFIED_PROPERTY = 'hs_lastmodifieddate';

/**
 * Records modified after `updatedAfter`, oldest first.
 *
 * Search's `after` is an offset into a result set that changes while we
 * page: a record edited or archived behind the offset shifts the rest, and
 * one would be skipped for good. So every page is a fresh query starting
 * at the last modified time seen (ids already read at that instant are
 * skipped); offsets are used only among records sharing one instant.
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
  let bound = updatedAfter;
  let operator: 'GT' | 'GTE' = 'GT';
  let readAtBound = new Set<string>();
  let offset = 0;
  for (;;) {
    const page = await context.api.post<unknown>(origin.path, {
      filterGroups: [{
        filters: [{
          propertyName: MODIFIED_PROPERTY,
          operator,
          value: String(Date.parse(bound)),
        }],
      }],
      sorts: [{ propertyName: MODIFIED_PROPERTY, direction: 'ASCENDING' }],
      properties,
      limit: pageSize,
      ...(offset ? { after: String(offset) } : {}),
    });
    const results = resultsOf<CrmObject>(page, origin);
    const timed = results.map((object) => ({
      object,
      id: idOf(object?.id, origin),
      updatedAt: isoTimeOf(object.updatedAt, origin, 'updatedAt'),
    }));
    for (const { object, id, updatedAt } of timed) {
      if (updatedAt === bound && readAtBound.has(id)) continue;
      yield { object, origin };
    }
    if (nextAfter(page) === undefined || timed.length === 0) return;

    const last = timed.at(-1)?.updatedAt ?? bound;
    if (last > bound) {
      bound = last;
      operator = 'GTE';
      offset = 0;
      readAtBound = new Set(
        timed.filter((r) => r.updatedAt === last).map((r) => r.id));
    } else {
      // A whole page at one instant: page through that instant by offset.
      for (const { id } of timed) readAtBound.add(id);
      offset += timed.length;
      if (offset + pageSize > SEARCH_RESULT_CAP) {
        throw new ConnectorError(`more than ${SEARCH_RESULT_CAP} ` +
          `${objectType} share the modified time ${bound}; search cannot ` +
          'page past them. Run `sync --full-refresh` (or `read` without ' +
          'state) to list them instead.');
      }
    }
  }
}

