/**
 * A small hand-made HubSpot portal in raw-table form, with the mart and
 * rejected rows it must produce. Each deal covers one case; its name says
 * which. The portal is in America/New_York with USD as company currency.
 */
import type { RawRow, RawTable } from './raw-tables.js';

type Rows = Partial<Record<RawTable, RawRow[]>>;

interface Sync {
  id: string;
  extractedAt: string;
}

/** A mart row as the test reads it back. */
export interface MartRow {
  customer_id: string;
  customer_name: string | null;
  revenue_month: string;
  currency: string;
  revenue: string;
  deals_won: number;
}

/** A rejected-deal row as the test reads it back. */
export interface RejectedRow {
  deal_id: string;
  rejection_reason: string;
}

const SYNC_1: Sync = { id: 'sync-1', extractedAt: '2025-04-01T06:00:00.000Z' };
const SYNC_2: Sync = { id: 'sync-2', extractedAt: '2025-04-02T06:00:00.000Z' };
const SYNC_3: Sync = { id: 'sync-3', extractedAt: '2025-04-03T06:00:00.000Z' };

/** Newest extraction of the initial rows: the mart's first watermark. */
export const INITIAL_WATERMARK = SYNC_2.extractedAt;
/** Newest extraction after the update. */
export const UPDATED_WATERMARK = SYNC_3.extractedAt;

const PRIMARY = 5;
const UNLABELLED = 341;

/** Two syncs: the portal as the first transform sees it. */
export function initialRows(): Rows {
  return {
    account_details: [portal(SYNC_1), portal(SYNC_2)],
    deal_pipelines: [
      pipeline(SYNC_1, 'default', 'Sales Pipeline', [
        ['appointmentscheduled', 'Appointment', 'false', '0.2'],
        ['closedwon', 'Closed won', 'true', '1.0'],
        ['closedlost', 'Closed lost', 'true', '0.0'],
      ]),
      pipeline(SYNC_1, 'renewals', 'Renewals', [
        ['renewal-open', 'Renewal open', 'false', '0.5'],
        ['renewal-won', 'Renewed', 'true', '1.0'],
      ]),
    ],
    companies: [
      company(SYNC_1, '101', 'Acme Corp'),
      company(SYNC_1, '102', 'Globex'),
      company(SYNC_1, '103', 'Hooli'),
      company(SYNC_1, '9001', 'Initech'),
      company(SYNC_1, '10001', 'Umbrella'),
    ],
    deals: [
      wonDeal(SYNC_1, '1', 'Home currency deal', {
        amount: '1000', deal_currency_code: 'USD',
        amount_in_home_currency: '1000', closedate: '2025-01-15T17:00:00Z',
      }),
      wonDeal(SYNC_1, '2', 'Euro deal with home amount', {
        amount: '500', deal_currency_code: 'EUR',
        amount_in_home_currency: '540.25', closedate: '2025-01-20T15:00:00Z',
      }),
      wonDeal(SYNC_1, '3', 'Euro deal without home amount', {
        amount: '700', deal_currency_code: 'EUR',
        amount_in_home_currency: null, closedate: '2025-01-22T15:00:00Z',
      }),
      wonDeal(SYNC_1, '4', 'Empty amount', {
        amount: '', deal_currency_code: 'USD',
        amount_in_home_currency: '', closedate: '2025-01-25T15:00:00Z',
      }),
      wonDeal(SYNC_1, '5', 'Amount N/A', {
        amount: 'N/A', deal_currency_code: 'USD',
        amount_in_home_currency: null, closedate: '2025-01-26T15:00:00Z',
      }),
      wonDeal(SYNC_1, '6', 'Higher id is primary, no currency code', {
        amount: '300', deal_currency_code: null,
        amount_in_home_currency: null, closedate: '2025-02-10T15:00:00Z',
      }),
      wonDeal(SYNC_1, '7', 'No primary company', {
        amount: '250', deal_currency_code: 'USD',
        amount_in_home_currency: '250', closedate: '2025-02-11T15:00:00Z',
      }),
      wonDeal(SYNC_1, '8', 'Empty association snapshot', {
        amount: '100', deal_currency_code: 'USD',
        amount_in_home_currency: '100', closedate: '2025-02-12T15:00:00Z',
      }),
      wonDeal(SYNC_1, '9', 'Archived won deal', {
        amount: '5000', deal_currency_code: 'USD',
        amount_in_home_currency: '5000', closedate: '2025-02-13T15:00:00Z',
      }),
      archived(wonDeal(SYNC_2, '9', 'Archived won deal', {
        amount: '5000', deal_currency_code: 'USD',
        amount_in_home_currency: '5000', closedate: '2025-02-13T15:00:00Z',
      })),
      wonDeal(SYNC_1, '10', 'Closed 23:30 in New York on Feb 28', {
        amount: '200', deal_currency_code: 'USD',
        amount_in_home_currency: '200', closedate: '2025-03-01T04:30:00Z',
      }),
      deal(SYNC_1, '11', '2025-03-20T10:00:00Z', {
        dealname: 'Lost deal', hs_is_closed_won: 'false',
        hs_is_closed: 'true', dealstage: 'closedlost', pipeline: 'default',
        amount: '999', deal_currency_code: 'USD',
        amount_in_home_currency: '999', closedate: '2025-02-14T15:00:00Z',
      }),
      wonDeal(SYNC_1, '12', 'No association snapshot', {
        amount: '75', deal_currency_code: 'USD',
        amount_in_home_currency: '75', closedate: '2025-02-15T15:00:00Z',
      }),
      wonDeal(SYNC_1, '13', 'Two versions', {
        amount: '100', deal_currency_code: 'USD',
        amount_in_home_currency: '100', closedate: '2025-03-10T15:00:00Z',
      }, '2025-03-01T10:00:00Z'),
      wonDeal(SYNC_2, '13', 'Two versions', {
        amount: '150', deal_currency_code: 'USD',
        amount_in_home_currency: '150', closedate: '2025-03-10T15:00:00Z',
      }, '2025-03-05T10:00:00Z'),
      wonDeal(SYNC_1, '14', 'No close date', {
        amount: '50', deal_currency_code: 'USD',
        amount_in_home_currency: '50', closedate: null,
      }),
      deal(SYNC_1, '15', '2025-03-20T10:00:00Z', {
        dealname: 'Won in a custom pipeline', hs_is_closed_won: 'true',
        hs_is_closed: 'true', dealstage: 'renewal-won', pipeline: 'renewals',
        amount: '400', deal_currency_code: 'USD',
        amount_in_home_currency: '400', closedate: '2025-03-15T15:00:00Z',
      }),
      wonDeal(SYNC_1, '16', 'Untouched by the update', {
        amount: '800', deal_currency_code: 'USD',
        amount_in_home_currency: '800', closedate: '2024-12-05T15:00:00Z',
      }),
    ],
    deal_company_associations: [
      links(SYNC_1, '1', [[101, PRIMARY]]),
      links(SYNC_1, '2', [[101, PRIMARY]]),
      links(SYNC_1, '3', [[101, PRIMARY]]),
      links(SYNC_1, '4', [[102, PRIMARY]]),
      links(SYNC_1, '5', [[102, PRIMARY]]),
      links(SYNC_1, '6', [[102, UNLABELLED], [103, PRIMARY]]),
      links(SYNC_1, '7', [[10001, UNLABELLED], [9001, UNLABELLED]]),
      links(SYNC_1, '8', []),
      links(SYNC_1, '9', [[101, PRIMARY]]),
      links(SYNC_1, '10', [[101, PRIMARY]]),
      links(SYNC_1, '11', [[101, PRIMARY]]),
      links(SYNC_1, '13', [[102, PRIMARY]]),
      links(SYNC_1, '14', [[102, PRIMARY]]),
      links(SYNC_1, '15', [[102, PRIMARY]]),
      links(SYNC_1, '16', [[101, PRIMARY]]),
    ],
  };
}

/** The mart after the initial rows, ordered by customer_id and month. */
export const INITIAL_MART: MartRow[] = [
  mart('101', 'Acme Corp', '2024-12-01', '800', 1),
  mart('101', 'Acme Corp', '2025-01-01', '1540.25', 2),
  mart('101', 'Acme Corp', '2025-02-01', '200', 1),
  mart('102', 'Globex', '2025-03-01', '550', 2),
  mart('103', 'Hooli', '2025-02-01', '300', 1),
  mart('9001', 'Initech', '2025-02-01', '250', 1),
  mart('unassigned', '(no company)', '2025-02-01', '175', 2),
];

/** The rejected deals, before and after the update. */
export const REJECTED: RejectedRow[] = [
  { deal_id: '14', rejection_reason: 'missing_close_date' },
  { deal_id: '3', rejection_reason: 'missing_home_currency_amount' },
  { deal_id: '4', rejection_reason: 'missing_amount' },
  { deal_id: '5', rejection_reason: 'invalid_amount' },
];

/**
 * A third sync: deal 1 changes amount; deal 10 moves to April and to
 * Globex; deal 6 is archived; deal 7 gains a primary company; Globex is
 * renamed; deal 2's unchanged snapshot is read again.
 */
export function updateRows(): Rows {
  return {
    account_details: [portal(SYNC_3)],
    companies: [
      company(SYNC_3, '102', 'Globex Corporation', '2025-04-02T12:00:00Z'),
    ],
    deals: [
      wonDeal(SYNC_3, '1', 'Home currency deal', {
        amount: '1200', deal_currency_code: 'USD',
        amount_in_home_currency: '1200', closedate: '2025-01-15T17:00:00Z',
      }, '2025-04-02T09:00:00Z'),
      wonDeal(SYNC_3, '10', 'Closed 23:30 in New York on Feb 28', {
        amount: '200', deal_currency_code: 'USD',
        amount_in_home_currency: '200', closedate: '2025-04-10T15:00:00Z',
      }, '2025-04-02T09:30:00Z'),
      archived(wonDeal(SYNC_3, '6', 'Higher id is primary, no currency code', {
        amount: '300', deal_currency_code: null,
        amount_in_home_currency: null, closedate: '2025-02-10T15:00:00Z',
      })),
    ],
    deal_company_associations: [
      links(SYNC_3, '2', [[101, PRIMARY]]),
      links(SYNC_3, '7', [[10001, PRIMARY], [9001, UNLABELLED]]),
      links(SYNC_3, '10', [[102, PRIMARY]]),
    ],
  };
}

/** The mart after the update; December is the one month it leaves alone. */
export const UPDATED_MART: MartRow[] = [
  mart('10001', 'Umbrella', '2025-02-01', '250', 1),
  mart('101', 'Acme Corp', '2024-12-01', '800', 1),
  mart('101', 'Acme Corp', '2025-01-01', '1740.25', 2),
  mart('102', 'Globex Corporation', '2025-03-01', '550', 2),
  mart('102', 'Globex Corporation', '2025-04-01', '200', 1),
  mart('unassigned', '(no company)', '2025-02-01', '175', 2),
];

function mart(
  customerId: string,
  customerName: string,
  month: string,
  revenue: string,
  dealsWon: number,
): MartRow {
  return {
    customer_id: customerId,
    customer_name: customerName,
    revenue_month: month,
    currency: 'USD',
    revenue,
    deals_won: dealsWon,
  };
}

function portal(sync: Sync): RawRow {
  return row(sync, '12345678', sync.extractedAt, {
    portalId: 12345678,
    accountType: 'STANDARD',
    timeZone: 'America/New_York',
    companyCurrency: 'USD',
    additionalCurrencies: ['EUR'],
    utcOffset: '-05:00',
    uiDomain: 'app.hubspot.com',
  });
}

function pipeline(
  sync: Sync,
  id: string,
  label: string,
  stages: Array<[string, string, string, string]>,
): RawRow {
  return row(sync, id, '2025-01-01T00:00:00Z', {
    label,
    displayOrder: 0,
    stages: stages.map(([stageId, stageLabel, isClosed, probability], i) => ({
      id: stageId,
      label: stageLabel,
      displayOrder: i,
      archived: false,
      metadata: { isClosed, probability },
    })),
  });
}

function company(
  sync: Sync,
  id: string,
  name: string,
  updatedAt = '2025-01-01T00:00:00Z',
): RawRow {
  return row(sync, id, updatedAt, {
    name,
    domain: `${name.toLowerCase().replace(/\W+/g, '')}.example`,
    hs_object_id: id,
  });
}

function wonDeal(
  sync: Sync,
  id: string,
  name: string,
  money: Record<string, string | null>,
  updatedAt = '2025-03-20T10:00:00Z',
): RawRow {
  return deal(sync, id, updatedAt, {
    dealname: name,
    hs_is_closed_won: 'true',
    hs_is_closed: 'true',
    dealstage: 'closedwon',
    pipeline: 'default',
    ...money,
  });
}

function deal(
  sync: Sync,
  id: string,
  updatedAt: string,
  properties: Record<string, string | null>,
): RawRow {
  return row(sync, id, updatedAt, {
    hs_object_id: id,
    hs_lastmodifieddate: updatedAt,
    ...properties,
  });
}

function archived(raw: RawRow): RawRow {
  return { ...raw, archived: true };
}

function links(
  sync: Sync,
  dealId: string,
  companies: Array<[number, number]>,
): RawRow {
  return {
    ...row(sync, dealId, sync.extractedAt, null),
    associations: companies.map(([companyId, typeId]) => ({
      toObjectId: companyId,
      // HubSpot lists the primary company with both of its types.
      associationTypes: (typeId === PRIMARY ? [UNLABELLED, PRIMARY] : [typeId])
        .map((type) => ({
          category: 'HUBSPOT_DEFINED',
          typeId: type,
          label: type === PRIMARY ? 'Primary' : null,
        })),
    })),
  };
}

function row(
  sync: Sync,
  id: string,
  updatedAt: string,
  properties: unknown,
): RawRow {
  return {
    id,
    updated_at: updatedAt,
    archived: false,
    properties,
    associations: null,
    _extracted_at: sync.extractedAt,
    _sync_id: sync.id,
  };
}
