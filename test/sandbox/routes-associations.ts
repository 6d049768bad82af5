/**
 * POST /crm/v4/associations/{from}/{to}/batch/read for deals ↔ companies.
 *
 * Inputs with no associations (no company linked, or no such record) are
 * reported the way live HubSpot does, as far as public reports show:
 * HTTP 207, no entry in `results`, and one `errors` entry per input with
 * category OBJECT_NOT_FOUND and the id in context.fromObjectId. HubSpot
 * also sends subCategory "crm.associations.NO_ASSOCIATIONS_FOUND"; it is
 * left out because the reference types subCategory as an object. When
 * every input has associations the answer is 200 without `errors`.
 * `toObjectId` is a number and unlabelled types have `label: null`, as
 * live HubSpot sends them (the reference says strings).
 */
import { validationError } from './hubspot-errors.js';
import { resolveObjectType } from './object-types.js';
import type { ObjectType } from './object-types.js';
import type { DealCompanyLink, Portal } from './portal-types.js';
import type { Route, RouteContext, RouteResult } from './route-types.js';

const MAX_INPUTS = 1000;
// Company → deal type ids mirror deal → company's 5 and 341.
const COMPANY_TO_DEAL_PRIMARY = 6;
const COMPANY_TO_DEAL_UNLABELED = 342;
const SINGULAR: Record<ObjectType, string> = { deals: 'deal',
  companies: 'company' };

/** The v4 batch-read route. */
export const batchReadRoute: Route = {
  method: 'POST',
  pattern: /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/read$/,
  kind: 'standard',
  handle: batchRead,
};

function batchRead(context: RouteContext): RouteResult {
  const from = resolveObjectType(context.params[0] ?? '');
  const to = resolveObjectType(context.params[1] ?? '');
  if (!from || !to || from === to) {
    throw validationError(`The sandbox reads deals ↔ companies associations ` +
      `only; got ${context.params[0]} → ${context.params[1]}.`);
  }
  const ids = parseInputs(context.body);
  const links = from === 'deals' ? dealLinks(context.portal)
    : companyLinks(context.portal);

  const results = [];
  const errors = [];
  for (const id of ids) {
    const found = links.get(id) ?? [];
    if (found.length > 0) results.push({ from: { id }, to: found });
    else errors.push(noAssociations(from, to, id));
  }
  const stamp = new Date(context.now).toISOString();
  const body = { status: 'COMPLETE', results, startedAt: stamp,
    completedAt: stamp,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}) };
  return { status: errors.length > 0 ? 207 : 200, body };
}

function parseInputs(body: unknown): string[] {
  const inputs = (body as { inputs?: unknown } | undefined)?.inputs;
  if (!Array.isArray(inputs)) {
    throw validationError('Send {"inputs": [{"id": "123"}, ...]} with up to ' +
      `${MAX_INPUTS} inputs.`);
  }
  if (inputs.length > MAX_INPUTS) {
    throw validationError(`Too many inputs: ${inputs.length}. A batch read ` +
      `takes at most ${MAX_INPUTS}; split the ids into several requests.`);
  }
  const ids = inputs.map((input: unknown) =>
    String((input as { id?: unknown } | null)?.id ?? ''));
  if (ids.some((id) => !/^\d+$/.test(id))) {
    throw validationError('Every input needs a numeric string id, e.g. ' +
      '{"id": "9800012345"}.');
  }
  return [...new Set(ids)];
}

function dealLinks(portal: Portal): Map<string, DealCompanyLink[]> {
  return new Map([...portal.dealCompanies].map(([dealId, links]) =>
    [dealId, [...links].sort((a, b) => a.toObjectId - b.toObjectId)]));
}

function companyLinks(portal: Portal): Map<string, DealCompanyLink[]> {
  const live = new Set(portal.deals.filter((d) => !d.archived).map((d) => d.id));
  const byCompany = new Map<string, DealCompanyLink[]>();
  for (const [dealId, links] of portal.dealCompanies) {
    if (!live.has(dealId)) continue;
    for (const link of links) {
      const primary = link.associationTypes.some((t) => t.typeId === 5);
      const list = byCompany.get(String(link.toObjectId)) ?? [];
      list.push({ toObjectId: Number(dealId), associationTypes: [
        ...(primary ? [{ category: 'HUBSPOT_DEFINED' as const,
          typeId: COMPANY_TO_DEAL_PRIMARY, label: 'Primary' }] : []),
        { category: 'HUBSPOT_DEFINED', typeId: COMPANY_TO_DEAL_UNLABELED,
          label: null },
      ] });
      byCompany.set(String(link.toObjectId), list);
    }
  }
  for (const list of byCompany.values()) {
    list.sort((a, b) => a.toObjectId - b.toObjectId);
  }
  return byCompany;
}

function noAssociations(from: ObjectType, to: ObjectType, id: string) {
  return { status: 'error', category: 'OBJECT_NOT_FOUND',
    message: `No ${SINGULAR[to]} is associated with ${SINGULAR[from]} ${id}.`,
    context: { fromObjectId: [id] }, errors: [], links: {} };
}
