/**
 * A small hand-made HubSpot portal in raw-table form, with the mart and
 * rejected rows it must produce. Each deal covers one case; its name says
 * which. The portal is in America/New_York with USD as company currency.
 */
import {
  PRIMARY,
  UNLABELLED,
  archived,
  company,
  deal,
  links,
  mart,
  pipeline,
  portal as portalAt,
  wonDeal,
  type MartRow,
  type PortalSettings,
  type RejectedRow,
  type Rows,
  SYNC_1,
  SYNC_2,
  SYNC_3,
  type Sync,
} from './raw-records.js';
import type { RawRow } from './raw-tables.js';

const NEW_YORK: PortalSettings = {
  timeZone: 'America/New_York',
  utcOffset: '-05:00',
  companyCurrency: 'USD',
};


/**
 * Won deals whose closedate is a placeholder or a misread number, as
 * [deal id, closedate, deal name]. The second sync reads them, so the
 * mart's first incremental run looks at them again.
 */
export const IMPLAUSIBLE_CLOSE_DATES: Array<[string, string, string]> = [
  ['17', '9999-12-31T23:59:59Z', 'Placeholder close date 9999-12-31'],
  ['18', '0001-01-01T00:00:00Z', 'Placeholder 0001-01-01, year 0 in New York'],
  ['19', '0', 'Close date 0, read as epoch milliseconds'],
  ['20', '-1', 'Close date -1, before the epoch'],
  ['21', '1718452800', 'Close date in epoch seconds, read as milliseconds'],
  ['23', '2100-01-01T00:00:00Z', 'Closed at the first implausible instant'],
];

/** Newest extraction of the initial rows: the mart's first watermark. */
export const INITIAL_WATERMARK = SYNC_2.extractedAt;
/** Newest extraction after the update. */
export const UPDATED_WATERMARK = SYNC_3.extractedAt;

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
      wonDeal(SYNC_1, '22', 'Closed at the earliest plausible instant', {
        amount: '60', deal_currency_code: 'USD',
        amount_in_home_currency: '60', closedate: '1990-01-01T00:00:00Z',
      }),
      ...IMPLAUSIBLE_CLOSE_DATES.map(([id, closedate, name]) =>
        implausiblyClosed(id, closedate, name)),
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
      links(SYNC_1, '22', [[101, PRIMARY]]),
      ...IMPLAUSIBLE_CLOSE_DATES.map(([id]) =>
        links(SYNC_2, id, [[101, PRIMARY]])),
    ],
  };
}

/** The mart after the initial rows, ordered by customer_id and month. */
export const INITIAL_MART: MartRow[] = [
  mart('101', 'Acme Corp', '1989-12-01', '60', 1),
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
  { deal_id: '17', rejection_reason: 'implausible_close_date' },
  { deal_id: '18', rejection_reason: 'implausible_close_date' },
  { deal_id: '19', rejection_reason: 'implausible_close_date' },
  { deal_id: '20', rejection_reason: 'implausible_close_date' },
  { deal_id: '21', rejection_reason: 'implausible_close_date' },
  { deal_id: '23', rejection_reason: 'implausible_close_date' },
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
  mart('101', 'Acme Corp', '1989-12-01', '60', 1),
  mart('101', 'Acme Corp', '2024-12-01', '800', 1),
  mart('101', 'Acme Corp', '2025-01-01', '1740.25', 2),
  mart('102', 'Globex Corporation', '2025-03-01', '550', 2),
  mart('102', 'Globex Corporation', '2025-04-01', '200', 1),
  mart('unassigned', '(no company)', '2025-02-01', '175', 2),
];

function portal(sync: Sync): RawRow {
  return portalAt(sync, NEW_YORK);
}

function implausiblyClosed(id: string, closedate: string, name: string) {
  return wonDeal(SYNC_2, id, name, {
    amount: '900', deal_currency_code: 'USD',
    amount_in_home_currency: '900', closedate,
  });
}
