/**
 * Property definitions for companies and deals, as
 * GET /crm/v3/properties/{type} describes them: HubSpot type, field type,
 * group, and options for enumerations.
 */
import type {
  AccountDetails, Pipeline, PropertyDefinition, PropertyOption,
} from './portal-types.js';

type Spec = [name: string, label: string, type: string, fieldType: string,
  calculated?: boolean];

const COMPANY_SPECS: readonly Spec[] = [
  ['name', 'Company name', 'string', 'text'],
  ['domain', 'Company Domain Name', 'string', 'text'],
  ['createdate', 'Create Date', 'datetime', 'date', true],
  ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', true],
  ['hs_object_id', 'Record ID', 'number', 'number', true],
];

const DEAL_SPECS: readonly Spec[] = [
  ['dealname', 'Deal Name', 'string', 'text'],
  ['amount', 'Amount', 'number', 'number'],
  ['deal_currency_code', 'Currency', 'enumeration', 'select'],
  ['amount_in_home_currency', 'Amount in company currency', 'number',
    'calculation_equation', true],
  ['closedate', 'Close Date', 'datetime', 'date'],
  ['dealstage', 'Deal Stage', 'enumeration', 'radio'],
  ['pipeline', 'Pipeline', 'enumeration', 'select'],
  ['hs_is_closed_won', 'Is Closed Won', 'bool', 'booleancheckbox', true],
  ['hs_is_closed', 'Is Deal Closed?', 'bool', 'booleancheckbox', true],
  ['createdate', 'Create Date', 'datetime', 'date', true],
  ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', true],
  ['hs_object_id', 'Record ID', 'number', 'number', true],
];

const BOOL_OPTIONS: PropertyOption[] = [
  { label: 'True', value: 'true', displayOrder: 0, hidden: false },
  { label: 'False', value: 'false', displayOrder: 1, hidden: false },
];

/** Definitions for both object types, with options from the portal. */
export function generateProperties(account: AccountDetails,
  pipelines: readonly Pipeline[]): {
  companies: PropertyDefinition[]; deals: PropertyDefinition[];
} {
  const currencies = [account.companyCurrency,
    ...account.additionalCurrencies];
  const options: Record<string, PropertyOption[]> = {
    deal_currency_code: toOptions(currencies.map((c) => [c, c])),
    pipeline: toOptions(pipelines.map((p) => [p.id, p.label])),
    dealstage: toOptions(pipelines.flatMap(
      (p) => p.stages.map((s): [string, string] => [s.id, s.label]))),
  };

  return {
    companies: COMPANY_SPECS.map((spec) =>
      definition(spec, 'companyinformation', [])),
    deals: DEAL_SPECS.map((spec) => definition(spec, 'dealinformation',
      spec[2] === 'bool' ? BOOL_OPTIONS : options[spec[0]] ?? [])),
  };
}

function definition([name, label, type, fieldType, calculated]: Spec,
  groupName: string, options: PropertyOption[]): PropertyDefinition {
  return {
    name, label, type, fieldType, groupName, calculated: calculated ?? false,
    description: `${label} (sandbox definition of HubSpot's ${name}).`,
    options,
  };
}

function toOptions(pairs: Array<[string, string]>): PropertyOption[] {
  return pairs.map(([value, label], displayOrder) => ({
    label, value, displayOrder, hidden: false,
  }));
}
