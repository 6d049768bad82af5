/**
 * Evaluates search filters and sorts against stored records. Values are
 * compared by the property's HubSpot type: datetime and date as epoch
 * milliseconds (a filter value may be epoch ms, as HubSpot documents, or
 * an ISO-8601 string), number numerically, everything else as
 * case-insensitive text. Null and "" count as no value: they match only
 * NOT_HAS_PROPERTY, NEQ and NOT_IN, and sort last in either direction.
 * A stored value that does not parse as its type (amount "N/A") counts
 * as present for HAS_PROPERTY but matches no comparison except NEQ and
 * NOT_IN, and sorts with the missing values.
 */
import { validationError } from './hubspot-errors.js';
import type { CrmRecord, PropertyDefinition } from './portal-types.js';
import type { SearchFilter, SearchQuery } from './search-request.js';

type Comparable = number | string;
type ToComparable = (raw: string) => Comparable | undefined;

/** A predicate for `query`'s filter groups; throws a 400 on bad values. */
export function compileFilters(query: SearchQuery,
  definitions: readonly PropertyDefinition[]): (record: CrmRecord) => boolean {
  const groups = query.filterGroups.map((group) =>
    group.map((filter) => compileFilter(filter, definitions)));
  if (groups.length === 0) return () => true;
  return (record) => groups.some((group) => group.every((test) => test(record)));
}

/** Orders records by the query's sort, ties (and no sort) by id. */
export function compileSort(query: SearchQuery,
  definitions: readonly PropertyDefinition[]):
  (a: CrmRecord, b: CrmRecord) => number {
  const byId = (a: CrmRecord, b: CrmRecord): number =>
    Number(a.id) - Number(b.id);
  const sort = query.sort;
  if (!sort) return byId;
  const convert = converterFor(sort.propertyName, definitions);
  const sign = sort.descending ? -1 : 1;

  return (a, b) => {
    const left = valueOf(a, sort.propertyName, convert);
    const right = valueOf(b, sort.propertyName, convert);
    if (left === undefined || right === undefined) {
      if (left === right) return byId(a, b);
      return left === undefined ? 1 : -1;
    }
    return sign * compare(left, right) || byId(a, b);
  };
}

function compileFilter(filter: SearchFilter,
  definitions: readonly PropertyDefinition[]): (record: CrmRecord) => boolean {
  const convert = converterFor(filter.propertyName, definitions);
  const operand = (raw: string | undefined): Comparable => {
    const value = convert(raw ?? '');
    if (value === undefined) {
      throw validationError(`Filter value '${raw}' for ` +
        `'${filter.propertyName}' is not a valid value of its type; ` +
        'datetimes take epoch milliseconds or ISO-8601, numbers digits.');
    }
    return value;
  };
  const value = filter.value === undefined ? undefined : operand(filter.value);
  const high = filter.highValue === undefined ? undefined
    : operand(filter.highValue);
  const values = (filter.values ?? []).map(operand);

  return (record) => {
    const raw = record.properties[filter.propertyName];
    const present = raw !== null && raw !== undefined && raw !== '';
    const stored = valueOf(record, filter.propertyName, convert);
    const has = stored !== undefined;
    const eq = (other: Comparable | undefined): boolean =>
      has && other !== undefined && compare(stored, other) === 0;
    const cmp = (): number => compare(stored as Comparable, value as Comparable);
    switch (filter.operator) {
      case 'HAS_PROPERTY': return present;
      case 'NOT_HAS_PROPERTY': return !present;
      case 'EQ': return eq(value);
      case 'NEQ': return !eq(value);
      case 'LT': return has && cmp() < 0;
      case 'LTE': return has && cmp() <= 0;
      case 'GT': return has && cmp() > 0;
      case 'GTE': return has && cmp() >= 0;
      case 'BETWEEN': return has && cmp() >= 0 &&
        compare(stored, high as Comparable) <= 0;
      case 'IN': return values.some(eq);
      case 'NOT_IN': return !values.some(eq);
    }
  };
}

function converterFor(propertyName: string,
  definitions: readonly PropertyDefinition[]): ToComparable {
  const type = definitions.find((d) => d.name === propertyName)?.type;
  if (type === 'datetime' || type === 'date') return toMillis;
  if (type === 'number') return toNumber;
  return (raw) => raw.toLowerCase();
}

function valueOf(record: CrmRecord, name: string,
  convert: ToComparable): Comparable | undefined {
  const raw = record.properties[name];
  return raw === null || raw === undefined || raw === '' ? undefined
    : convert(raw);
}

function toMillis(raw: string): number | undefined {
  const millis = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw)
    : Date.parse(raw);
  return Number.isFinite(millis) ? millis : undefined;
}

function toNumber(raw: string): number | undefined {
  const value = raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
