/**
 * What the end-to-end test reads back from BigQuery, in the shapes of
 * expected-revenue.ts.
 */
import type { BigQuery } from '@google-cloud/bigquery';

import { queryRows } from '../../connector/bigquery/query-rows.js';
import { ALL_STREAMS } from '../../connector/streams/all-streams.js';
import { toNanos, type ExpectedRow } from './expected-revenue.js';

export type RawCounts = Record<
  'companies' | 'deals' | 'deal_company_associations' | 'deal_pipelines' |
  'account_details',
  number
>;

/** Row counts of the raw tables, one per stream. */
export async function rawCounts(bigquery: BigQuery): Promise<RawCounts> {
  const rows = await queryRows(bigquery, ALL_STREAMS.map(({ name }) =>
    `select '${name}' as name, count(*) as n from hubspot_raw.${name}`,
  ).join(' union all '));
  return Object.fromEntries(
    rows.map((r) => [String(r.name), Number(r.n)])) as RawCounts;
}

/** The mart's rows, revenue as exact nanos. */
export async function martRows(bigquery: BigQuery): Promise<ExpectedRow[]> {
  const rows = await queryRows(bigquery, `
    select customer_id, customer_name,
      cast(revenue_month as string) as revenue_month,
      currency, cast(revenue as string) as revenue, deals_won
    from hubspot_revenue.customer_monthly_revenue`);
  return rows.map((r) => ({
    customerId: String(r.customer_id),
    customerName: String(r.customer_name ?? ''),
    revenueMonth: String(r.revenue_month),
    currency: String(r.currency),
    revenueNanos: toNanos(String(r.revenue)) ?? -1n,
    dealsWon: Number(r.deals_won),
  }));
}

/** Ids of the deals in the rejected-rows table. */
export async function rejectedDeals(bigquery: BigQuery): Promise<Set<string>> {
  const rows = await queryRows(bigquery,
    'select deal_id from hubspot_revenue.revenue_rejected_deals');
  return new Set(rows.map((r) => String(r.deal_id)));
}
