/**
 * How a stored record looks on the v3 wire: the chosen properties (null
 * when a known property has no value, left out when HubSpot has no such
 * property) and, on request, associations in the v3 shape.
 */
import {
  ALWAYS_RETURNED, DEFAULT_PROPERTIES, definitionsOf, resolveObjectType,
} from './object-types.js';
import type { ObjectType } from './object-types.js';
import type { CrmRecord, Portal } from './portal-types.js';

const PRIMARY_TYPE_ID = 5;

/** A v3 object as list and search return it. */
export interface PublicObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: AssociatedId[] }>;
}

/** One v3 association entry. */
export interface AssociatedId { id: string; type: string }

/**
 * The v3 view of `record` with the requested properties (HubSpot's
 * default set when `requested` is undefined) plus createdate,
 * hs_lastmodifieddate and hs_object_id, which HubSpot always returns.
 */
export function toPublicObject(portal: Portal, type: ObjectType,
  record: CrmRecord, requested: readonly string[] | undefined): PublicObject {
  const known = new Set(definitionsOf(portal, type).map((d) => d.name));
  const names = new Set([...(requested ?? DEFAULT_PROPERTIES[type]),
    ...ALWAYS_RETURNED]);
  const properties: Record<string, string | null> = {};
  for (const name of names) {
    if (name in record.properties || known.has(name)) {
      properties[name] = record.properties[name] ?? null;
    }
  }

  const view: PublicObject = { id: record.id, properties,
    createdAt: record.createdAt, updatedAt: record.updatedAt,
    archived: record.archived };
  if (record.archivedAt !== undefined) view.archivedAt = record.archivedAt;
  return view;
}

/**
 * Builds a function that adds v3 associations to a view: deals → companies
 * list the primary company twice (deal_to_company and
 * deal_to_company_unlabeled); companies → deals likewise, over live deals.
 * Unknown association names are ignored, as HubSpot documents. Records
 * with none get no `associations` key.
 */
export function associationAdder(portal: Portal, type: ObjectType,
  requested: readonly string[]): (view: PublicObject) => PublicObject {
  const targets = new Set(requested.map(resolveObjectType));
  const wanted = type === 'deals' ? targets.has('companies')
    : targets.has('deals');
  if (!wanted) return (view) => view;
  const edges = type === 'deals' ? dealEdges(portal) : companyEdges(portal);
  const key = type === 'deals' ? 'companies' : 'deals';

  return (view) => {
    const results = edges.get(view.id);
    if (results && results.length > 0) {
      view.associations = { [key]: { results } };
    }
    return view;
  };
}

function dealEdges(portal: Portal): Map<string, AssociatedId[]> {
  const edges = new Map<string, AssociatedId[]>();
  for (const [dealId, links] of portal.dealCompanies) {
    edges.set(dealId, links.flatMap((link) =>
      entries(String(link.toObjectId), isPrimary(link), 'deal_to_company')));
  }
  return edges;
}

function companyEdges(portal: Portal): Map<string, AssociatedId[]> {
  const live = new Set(portal.deals.filter((d) => !d.archived).map((d) => d.id));
  const edges = new Map<string, AssociatedId[]>();
  for (const [dealId, links] of portal.dealCompanies) {
    if (!live.has(dealId)) continue;
    for (const link of links) {
      const companyId = String(link.toObjectId);
      const list = edges.get(companyId) ?? [];
      list.push(...entries(dealId, isPrimary(link), 'company_to_deal'));
      edges.set(companyId, list);
    }
  }
  for (const list of edges.values()) {
    list.sort((a, b) => Number(a.id) - Number(b.id));
  }
  return edges;
}

function entries(id: string, primary: boolean,
  typeName: string): AssociatedId[] {
  const unlabeled = { id, type: `${typeName}_unlabeled` };
  return primary ? [{ id, type: typeName }, unlabeled] : [unlabeled];
}

function isPrimary(link: { associationTypes: Array<{ typeId: number }> }):
  boolean {
  return link.associationTypes.some((t) => t.typeId === PRIMARY_TYPE_ID);
}
