/**
 * Validates a CRM search body the way HubSpot does and turns it into a
 * plain query. Limits enforced (each breach is a 400):
 * - at most 5 filter groups, 6 filters per group, 18 filters in all:
 *   the older, stricter numbers from the reference README and HubSpot's
 *   guides; HubSpot now allows 10 per group and 25 in all, so a client
 *   that passes here passes there too;
 * - one sort rule; limit 0–200; an `after` offset below 10,000.
 */
import { validationError } from './hubspot-errors.js';
import type { PropertyDefinition } from './portal-types.js';
import { parseAfter, parseLimit } from './search-paging.js';

/** HubSpot's search filter limits, as chosen above. */
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS_TOTAL = 18;

/** Operators the sandbox evaluates. */
export const OPERATORS = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN',
  'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'] as const;
/** One of OPERATORS. */
export type Operator = (typeof OPERATORS)[number];

/** One filter, with values as strings. */
export interface SearchFilter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

/** A validated search. */
export interface SearchQuery {
  /** OR across groups, AND within a group; [] matches everything. */
  filterGroups: SearchFilter[][];
  sort?: { propertyName: string; descending: boolean };
  properties?: string[];
  limit: number;
  offset: number;
}

type Json = Record<string, unknown>;

/** Parses `body`; throws a 400 SandboxHttpError naming the problem. */
export function parseSearchBody(body: unknown,
  definitions: readonly PropertyDefinition[]): SearchQuery {
  if (!isObject(body)) {
    throw validationError('Search needs a JSON object body, e.g. ' +
      '{"filterGroups":[],"limit":100}');
  }
  if (typeof body.query === 'string' && body.query.trim() !== '') {
    throw validationError("The sandbox does not support the full-text 'query'" +
      '; use filterGroups instead.');
  }
  const known = new Set(definitions.map((d) => d.name));
  const query: SearchQuery = {
    filterGroups: parseGroups(body.filterGroups, known),
    limit: parseLimit(body.limit),
    offset: parseAfter(body.after),
  };
  const sort = parseSorts(body.sorts, known);
  if (sort) query.sort = sort;
  if (Array.isArray(body.properties)) {
    query.properties = body.properties.map(String);
  }
  return query;
}

function parseGroups(raw: unknown, known: Set<string>): SearchFilter[][] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > MAX_FILTER_GROUPS) {
    throw validationError(`filterGroups must be a list of at most ` +
      `${MAX_FILTER_GROUPS} groups; got ${describe(raw)}.`);
  }
  const groups = raw.map((group: unknown, index) => {
    const filters = isObject(group) ? group.filters : undefined;
    if (!Array.isArray(filters) || filters.length > MAX_FILTERS_PER_GROUP) {
      throw validationError(`filterGroups[${index}].filters must be a list ` +
        `of at most ${MAX_FILTERS_PER_GROUP} filters; got ${describe(filters)}.`);
    }
    return filters.map((filter: unknown) => parseFilter(filter, known));
  });
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  if (total > MAX_FILTERS_TOTAL) {
    throw validationError(`A search may hold at most ${MAX_FILTERS_TOTAL} ` +
      `filters in all; got ${total}. Split it into several searches.`);
  }
  return groups;
}

function parseFilter(raw: unknown, known: Set<string>): SearchFilter {
  const filter = isObject(raw) ? raw : {};
  const propertyName = String(filter.propertyName ?? '');
  const operator = String(filter.operator ?? '') as Operator;
  if (!OPERATORS.includes(operator)) {
    throw validationError(`Unsupported filter operator '${operator}' on ` +
      `'${propertyName}'. The sandbox supports ${OPERATORS.join(', ')}.`);
  }
  if (!known.has(propertyName)) {
    throw validationError(`Unknown property '${propertyName}' in a filter. ` +
      'Use a name from GET /crm/v3/properties/{objectType}.');
  }
  const parsed: SearchFilter = { propertyName, operator };
  if (filter.value !== undefined) parsed.value = String(filter.value);
  if (filter.highValue !== undefined) parsed.highValue = String(filter.highValue);
  if (Array.isArray(filter.values)) parsed.values = filter.values.map(String);
  requireOperands(parsed);
  return parsed;
}

function requireOperands(filter: SearchFilter): void {
  const { operator, propertyName } = filter;
  const missing =
    operator === 'BETWEEN' ? filter.value === undefined ||
      filter.highValue === undefined
    : operator === 'IN' || operator === 'NOT_IN' ? !filter.values
    : operator.endsWith('HAS_PROPERTY') ? false
    : filter.value === undefined;
  if (missing) {
    throw validationError(`Filter ${operator} on '${propertyName}' lacks its ` +
      "operand: BETWEEN needs 'value' and 'highValue', IN and NOT_IN need " +
      "'values', the others 'value'.");
  }
}

function parseSorts(raw: unknown,
  known: Set<string>): SearchQuery['sort'] | undefined {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length > 1) {
    throw validationError('sorts must hold at most one sort rule; HubSpot ' +
      `search sorts by a single property. Got ${describe(raw)}.`);
  }
  const rule: unknown = raw[0];
  // The reference types sorts as strings; HubSpot's guides send objects.
  const propertyName = String(isObject(rule) ? rule.propertyName : rule);
  const direction = isObject(rule) ? rule.direction ?? 'ASCENDING' : 'ASCENDING';
  if (!known.has(propertyName) ||
    (direction !== 'ASCENDING' && direction !== 'DESCENDING')) {
    throw validationError(`Invalid sort ${JSON.stringify(rule)}: use ` +
      '{"propertyName": <a known property>, "direction": "ASCENDING" | ' +
      '"DESCENDING"}.');
  }
  return { propertyName, descending: direction === 'DESCENDING' };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} items`;
  return JSON.stringify(value) ?? 'nothing';
}
