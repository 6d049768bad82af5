/**
 * Portal settings: GET /crm/v3/pipelines/deals,
 * GET /crm/v3/properties/{type} and GET /account-info/v3/details.
 */
import { validationError } from './hubspot-errors.js';
import { definitionsOf, resolveObjectType } from './object-types.js';
import type { PropertyDefinition } from './portal-types.js';
import type { Route, RouteResult } from './route-types.js';

/** Deal pipelines with their stages. */
export const pipelinesRoute: Route = {
  method: 'GET',
  pattern: /^\/crm\/v3\/pipelines\/([^/]+)$/,
  kind: 'standard',
  handle: ({ portal, params }): RouteResult => {
    if (resolveObjectType(params[0] ?? '') !== 'deals') {
      throw validationError(`The sandbox has pipelines for deals only; got ` +
        `'${params[0]}'.`);
    }
    return { status: 200, body: { results: portal.pipelines } };
  },
};

/** Property definitions of companies or deals. */
export const propertiesRoute: Route = {
  method: 'GET',
  pattern: /^\/crm\/v3\/properties\/([^/]+)$/,
  kind: 'standard',
  handle: ({ portal, params }): RouteResult => {
    const type = resolveObjectType(params[0] ?? '');
    if (!type) {
      throw validationError(`Unable to infer object type from: ` +
        `${params[0]}. The sandbox serves companies and deals.`);
    }
    return { status: 200,
      body: { results: definitionsOf(portal, type).map(toProperty) } };
  },
};

/** Account details: time zone, currencies, portal id. */
export const accountRoute: Route = {
  method: 'GET',
  pattern: /^\/account-info\/v3\/details$/,
  kind: 'standard',
  handle: ({ portal }): RouteResult => ({ status: 200, body: portal.account }),
};

// The full Property shape; HubSpot requires `options`, [] when none.
function toProperty(definition: PropertyDefinition, displayOrder: number) {
  return {
    ...definition,
    options: definition.options ?? [],
    displayOrder,
    hasUniqueValue: definition.name === 'hs_object_id',
    hidden: false,
    formField: !definition.calculated,
    externalOptions: false,
    hubspotDefined: true,
    archived: false,
    modificationMetadata: { archivable: false, readOnlyDefinition: true,
      readOnlyValue: definition.calculated },
  };
}
