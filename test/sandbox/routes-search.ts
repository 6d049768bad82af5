/**
 * POST /crm/v3/objects/{type}/search: live records only, filtered,
 * sorted, and paged by offset (`after` is the index of the next result).
 * Results stop at 10,000: a page never reaches past it, paging.next can
 * still point at "10000", and asking for it is a 400, as in HubSpot.
 */
import { validationError } from './hubspot-errors.js';
import { definitionsOf, recordsOf, resolveObjectType } from './object-types.js';
import { toPublicObject } from './record-view.js';
import type { Route, RouteContext, RouteResult } from './route-types.js';
import { compileFilters, compileSort } from './search-match.js';
import { MAX_SEARCH_RESULTS } from './search-paging.js';
import { parseSearchBody } from './search-request.js';

/** The search route. */
export const searchRoute: Route = {
  method: 'POST',
  pattern: /^\/crm\/v3\/objects\/([^/]+)\/search$/,
  kind: 'search',
  handle: search,
};

function search(context: RouteContext): RouteResult {
  const { portal, params, body } = context;
  const type = resolveObjectType(params[0] ?? '');
  if (!type) {
    throw validationError(`Unable to infer object type from: ${params[0]}. ` +
      'The sandbox serves companies (0-2) and deals (0-3).');
  }
  const definitions = definitionsOf(portal, type);
  const query = parseSearchBody(body, definitions);
  const matches = compileFilters(query, definitions);

  const found = recordsOf(portal, type)
    .filter((record) => !record.archived && matches(record))
    .sort(compileSort(query, definitions));
  const end = Math.min(query.offset + query.limit, MAX_SEARCH_RESULTS);
  const page = found.slice(query.offset, end);
  const results = page.map((record) =>
    toPublicObject(portal, type, record, query.properties));

  const nextOffset = query.offset + page.length;
  const hasMore = page.length > 0 && nextOffset < found.length;
  return {
    status: 200,
    body: { total: found.length, results,
      ...(hasMore ? { paging: { next: { after: String(nextOffset) } } } : {}) },
  };
}
