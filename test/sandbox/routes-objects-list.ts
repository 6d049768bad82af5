/**
 * GET /crm/v3/objects/{type}: a page of live (or, with archived=true,
 * only archived) records in id order.
 */
import { validationError } from './hubspot-errors.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { recordsOf, resolveObjectType } from './object-types.js';
import { boolParam, intParam, listParam } from './query-params.js';
import { associationAdder, toPublicObject } from './record-view.js';
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

  const candidates = recordsOf(portal, type)
    .filter((r) => r.archived === archived && Number(r.id) > afterId)
    .sort((a, b) => Number(a.id) - Number(b.id));
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
