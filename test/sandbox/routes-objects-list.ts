/**
 * GET /crm/v3/objects/{type}: a page of live (or, with archived=true,
 * only archived) records in id order.
 */
import { validationError } from './hubspot-errors.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { recordsOf, resolveObjectType } from './object-types.js';
import { boolParam, intParam, listParam } from './query-params.js';
import { associationAdder, toPublicObject } from './record-view.js';
import type { CrmRecord } from './portal-types.js';
import type { Route, RouteContext, RouteResult } from './route-types.js';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

/** The list route. */
export const listRoute: Route = {
  method: 'GET',
  pattern: /^\/crm\/v3\/objects\/([^/]+)$/,
  kind: 'standard',
  handle: listObjects,
};

function listObjects(context: RouteContext): RouteResult {
  const { portal, url, params } = context;
  const type = resolveObjectType(params[0] ?? '');
  if (!type) {
    throw validationError(`Unable to infer object type from: ${params[0]}. ` +
      'The sandbox serves companies (0-2) and deals (0-3).');
  }
  const limit = intParam(url, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const archived = boolParam(url, 'archived', false);
  const after = url.searchParams.get('after');
  const afterId = after === null ? -1 : decodeCursor(after);

  // One record past the page tells whether there is a next page.
  const candidates = pageAfter(recordsOf(portal, type), afterId, archived,
    limit + 1);
  const page = candidates.slice(0, limit);
  const addAssociations = associationAdder(portal, type,
    listParam(url, 'associations') ?? []);
  const requested = listParam(url, 'properties');
  const results = page.map((record) =>
    addAssociations(toPublicObject(portal, type, record, requested)));

  const last = page.at(-1);
  if (candidates.length <= limit || !last) {
    return { status: 200, body: { results } };
  }
  const next = encodeCursor(last.id);
  const link = new URL(url.pathname, context.baseUrl);
  url.searchParams.forEach((value, key) => {
    if (key !== 'after') link.searchParams.append(key, value);
  });
  link.searchParams.set('after', next);
  return { status: 200,
    body: { results, paging: { next: { after: next, link: link.href } } } };
}

// Records sorted by id, kept per records array and re-sorted when its
// length changes, so paging a large portal is not a sort per page.
const sortedCache = new WeakMap<CrmRecord[], CrmRecord[]>();

function pageAfter(
  records: CrmRecord[],
  afterId: number,
  archived: boolean,
  count: number,
): CrmRecord[] {
  let sorted = sortedCache.get(records);
  if (!sorted || sorted.length !== records.length) {
    sorted = [...records].sort((a, b) => Number(a.id) - Number(b.id));
    sortedCache.set(records, sorted);
  }
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Number(sorted[middle]?.id) > afterId) high = middle;
    else low = middle + 1;
  }
  const page: CrmRecord[] = [];
  for (let i = low; i < sorted.length && page.length < count; i++) {
    const record = sorted[i];
    if (record && record.archived === archived) page.push(record);
  }
  return page;
}
