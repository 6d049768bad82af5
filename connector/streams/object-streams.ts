/**
 * The companies and deals streams.
 */
import { readCrmObjects, type CrmObjectState } from './crm-objects.js';
import { hubspotPropertiesSchema, recordSchema } from './record-schema.js';
import type { Stream, StreamContext } from './stream.js';

/** Company properties always read; the config can add more. */
export const COMPANY_PROPERTIES = [
  'name',
  'domain',
  'createdate',
  'hs_lastmodifieddate',
  'hs_object_id',
] as const;

/** Deal properties always read: everything the revenue models use. */
export const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'amount_in_home_currency',
  'deal_currency_code',
  'closedate',
  'dealstage',
  'pipeline',
  'hs_is_closed_won',
  'hs_is_closed',
  'createdate',
  'hs_lastmodifieddate',
  'hs_object_id',
] as const;

/** Companies, the customers revenue is attributed to. */
export const companiesStream = crmObjectStream('companies', (context) => [
  ...COMPANY_PROPERTIES,
  ...context.config.company_properties,
]);

/** Deals, live and archived, with the properties revenue needs. */
export const dealsStream = crmObjectStream('deals', (context) => [
  ...DEAL_PROPERTIES,
  ...context.config.deal_properties,
]);

function crmObjectStream(
  objectType: 'companies' | 'deals',
  propertiesToRead: (context: StreamContext) => string[],
): Stream {
  return {
    name: objectType,
    async jsonSchema(context) {
      const wanted = new Set(propertiesToRead(context));
      const { results } = await context.api.get<{
        results: Array<{ name: string; type: string; label?: string }>;
      }>(`/crm/v3/properties/${objectType}`);
      const definitions = results.filter((p) => wanted.has(p.name));
      return recordSchema(hubspotPropertiesSchema(definitions));
    },
    read(context, state) {
      const properties = [...new Set(propertiesToRead(context))];
      return readCrmObjects(
        context, objectType, properties, state as CrmObjectState | undefined);
    },
  };
}

