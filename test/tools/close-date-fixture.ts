/**
 * A portal east of UTC (Asia/Tokyo, JPY) whose deal was first synced with
 * HubSpot's "no date" placeholder 9999-12-31T23:59:59Z as its close date,
 * a month that does not exist in Tokyo (10000-01), and fixed in a later
 * sync. Raw tables keep the placeholder version for ever, and the mart's
 * incremental runs look at every version of a changed deal.
 */
import {
  PRIMARY,
  company,
  links,
  mart,
  pipeline,
  portal,
  wonDeal,
  type MartRow,
  type PortalSettings,
  type RejectedRow,
  type Rows,
  SYNC_1,
  SYNC_2,
  SYNC_3,
} from './raw-records.js';

const TOKYO: PortalSettings = {
  timeZone: 'Asia/Tokyo',
  utcOffset: '+09:00',
  companyCurrency: 'JPY',
};


/** Newest extraction of the first two syncs: the mart's first watermark. */
export const PLACEHOLDER_WATERMARK = SYNC_2.extractedAt;
/** Extraction of the sync that fixes the deal. */
export const FIXED_WATERMARK = SYNC_3.extractedAt;

/** The placeholder close date that ends past 9999 in Tokyo. */
export const PLACEHOLDER_CLOSE_DATE = '9999-12-31T23:59:59Z';

/** Two syncs: deal 2 closes on a real date, then deal 1 on the placeholder. */
export function placeholderRows(): Rows {
  return {
    account_details: [portal(SYNC_1, TOKYO), portal(SYNC_2, TOKYO)],
    deal_pipelines: [
      pipeline(SYNC_1, 'default', 'Sales Pipeline', [
        ['closedwon', 'Closed won', 'true', '1.0'],
      ]),
    ],
    companies: [company(SYNC_1, '201', 'Kaisha')],
    deals: [
      wonDeal(SYNC_2, '1', 'Placeholder close date, fixed later', {
        amount: '120000', deal_currency_code: 'JPY',
        amount_in_home_currency: '120000',
        closedate: PLACEHOLDER_CLOSE_DATE,
      }, '2025-03-01T10:00:00Z'),
      wonDeal(SYNC_1, '2', 'Closed 01:00 in Tokyo on Feb 1', {
        amount: '50000', deal_currency_code: 'JPY',
        amount_in_home_currency: '50000', closedate: '2025-01-31T16:00:00Z',
      }),
    ],
    deal_company_associations: [
      links(SYNC_2, '1', [[201, PRIMARY]]),
      links(SYNC_1, '2', [[201, PRIMARY]]),
    ],
  };
}

/** The mart after the two syncs: the placeholder deal is not counted. */
export const PLACEHOLDER_MART: MartRow[] = [
  mart('201', 'Kaisha', '2025-02-01', '50000', 1, 'JPY'),
];

/** The rejected deals after the two syncs. */
export const PLACEHOLDER_REJECTED: RejectedRow[] = [
  { deal_id: '1', rejection_reason: 'implausible_close_date' },
];

/** A third sync: deal 1 gets its real close date, March 10 in Tokyo. */
export function fixedRows(): Rows {
  return {
    account_details: [portal(SYNC_3, TOKYO)],
    deals: [
      wonDeal(SYNC_3, '1', 'Placeholder close date, fixed later', {
        amount: '120000', deal_currency_code: 'JPY',
        amount_in_home_currency: '120000',
        closedate: '2025-03-10T03:00:00Z',
      }, '2025-04-01T12:00:00Z'),
    ],
  };
}

/** The mart once deal 1 is fixed; nothing is rejected any more. */
export const FIXED_MART: MartRow[] = [
  mart('201', 'Kaisha', '2025-02-01', '50000', 1, 'JPY'),
  mart('201', 'Kaisha', '2025-03-01', '120000', 1, 'JPY'),
];
