/** The object types the sandbox serves, by any name HubSpot accepts. */
import type { CrmRecord, Portal, PropertyDefinition } from './portal-types.js';

/** Canonical object type names. */
export type ObjectType = 'companies' | 'deals';

const ALIASES: Readonly<Record<string, ObjectType>> = {
  companies: 'companies', company: 'companies', '0-2': 'companies',
  deals: 'deals', deal: 'deals', '0-3': 'deals',
};

/** Default properties HubSpot returns when none are requested. */
export const DEFAULT_PROPERTIES: Readonly<Record<ObjectType, string[]>> = {
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id',
    'name'],
  deals: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage',
    'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
};

/** Properties HubSpot adds to every v3 object answer. */
export const ALWAYS_RETURNED = ['createdate', 'hs_lastmodifieddate',
  'hs_object_id'];

/** Resolves a path segment such as "deals", "deal" or "0-3". */
export function resolveObjectType(name: string): ObjectType | undefined {
  return ALIASES[name.toLowerCase()];
}

/** The records of one type (live and archived). */
export function recordsOf(portal: Portal, type: ObjectType): CrmRecord[] {
  return type === 'deals' ? portal.deals : portal.companies;
}

/** The property definitions of one type. */
export function definitionsOf(portal: Portal,
  type: ObjectType): PropertyDefinition[] {
  return portal.properties[type];
}
