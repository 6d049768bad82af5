/**
 * What the end-to-end test reads back from BigQuery, in the shapes of
 * expected-revenue.ts.
 */
import type { BigQuery } from '@google-cloud/bigquery';

import { toNanos, type ExpectedRow } from './expected-revenue.js';

const RAW_TABLES = [
  'companies',
  'deals',
  'deal_company_associations',
  'deal_pipelines',
  'account_details',
] as const;

export type RawCounts = Record<(typeof RAW_TABLES)[number], number>;

/** Row counts of the raw tables. */
export async function rawCounts(bigquery: BigQuery): Promise<RawCounts> {
  const [rows] = await bigquery.query(RAW_TABLES.map((table) =>
    `select '${table}' as name, count(*) as n from hubspot_raw.${table}`,
  ).join(' union all '));
  return Object.fromEntries(
    (rows as Array<{ name: string; n: number }>).map((r) => [r.name, Number(r.n)]),
  ) as RawCounts;
}

/** The mart's rows, revenue as exact nanos. */
export async function martRows(bigquery: BigQuery): Promise<ExpectedRow[]> {
  const [rows] = await bigquery.query(`
    select customer_id, customer_name,
      cast(revenue_month as string) as revenue_month,
      currency, cast(revenue as string) as revenue, deals_won
    from hubspot_revenue.customer_monthly_revenue`);
  return (rows as Array<Record<string, string | number>>).map((r) => ({
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
  const [rows] = await bigquery.query(
    'select deal_id from hubspot_revenue.revenue_rejected_deals');
  return new Set((rows as Array<{ deal_id: string }>).map((r) => String(r.deal_id)));
}
