/**
 * Prints the mart as people read it: monthly revenue of the top customers
 * beside the grand total per month. BigQuery does the aggregation; only
 * the small result comes back.
 */
import type { BigQuery } from '@google-cloud/bigquery';

import { queryRows } from '../connector/bigquery/query-rows.js';

const TOP_CUSTOMERS = 5;
const NAME_WIDTH = 16;
const MART = 'hubspot_revenue.customer_monthly_revenue';
const REJECTED = 'hubspot_revenue.revenue_rejected_deals';
/** The mart's customer id for deals with no company (includes/revenue.js). */
const UNASSIGNED_ID = 'unassigned';

/** Writes the report to `out`, reading the mart in `bigquery`. */
export async function printReport(
  bigquery: BigQuery,
  out: NodeJS.WritableStream,
): Promise<void> {
  const top = await queryRows(bigquery, { query: `
    select customer_id, any_value(customer_name) as customer_name,
      sum(revenue) as revenue, sum(deals_won) as deals_won,
      any_value(currency) as currency
    from ${MART}
    where customer_id != @unassigned
    group by customer_id
    order by revenue desc, customer_id
    limit ${TOP_CUSTOMERS}`, params: { unassigned: UNASSIGNED_ID } });
  const topIds = top.map((r) => String(r.customer_id));
  const months = await queryRows(bigquery, {
    query: `
      select revenue_month, customer_id, sum(revenue) as revenue
      from ${MART}
      group by revenue_month, customer_id
      having customer_id in unnest(@ids)
      union all
      select revenue_month, '*total*' as customer_id, sum(revenue) as revenue
      from ${MART}
      group by revenue_month
      order by revenue_month, customer_id`,
    params: { ids: topIds },
  });
  const [rejected] = await queryRows(bigquery,
    `select count(*) as deals from ${REJECTED}`);
  const [unassigned] = await queryRows(bigquery, {
    query: `select coalesce(sum(revenue), 0) as revenue from ${MART}
      where customer_id = @unassigned`,
    params: { unassigned: UNASSIGNED_ID },
  });

  const currency = String(top[0]?.currency ?? '');
  const names = top.map(
    (r) => String(r.customer_name ?? '?').slice(0, NAME_WIDTH));
  const byMonth = new Map<string, Map<string, number>>();
  for (const row of months) {
    const month = String(row.revenue_month).slice(0, 7);
    const cells = byMonth.get(month) ?? new Map<string, number>();
    cells.set(String(row.customer_id), Number(row.revenue));
    byMonth.set(month, cells);
  }

  const line = (cells: string[]) =>
    out.write(`${cells[0]?.padEnd(8)}${cells.slice(1)
      .map((c) => c.padStart(NAME_WIDTH + 1)).join('')}\n`);
  out.write(`\nMonthly revenue (${currency}) of the top ${topIds.length} ` +
    'customers, and the total over all customers (each figure rounded ' +
    'on its own)\n\n');
  line(['month', ...names, 'all customers']);
  for (const [month, cells] of byMonth) {
    line([month, ...topIds.map((id) => money(cells.get(id))),
      money(cells.get('*total*'))]);
  }
  const total = [...byMonth.values()]
    .reduce((sum, cells) => sum + (cells.get('*total*') ?? 0), 0);
  line(['total', ...top.map((r) => money(Number(r.revenue))), money(total)]);
  out.write(`\nDeals with no company: ${money(Number(
    unassigned?.revenue ?? 0))} ${currency} in the ` +
    `'${UNASSIGNED_ID}' customer row.\n`);
  out.write(`${Number(rejected?.deals ?? 0)} closed-won deals ` +
    `were left out; see ${REJECTED} for why.\n`);
}

function money(value: number | undefined): string {
  return value === undefined
    ? '-'
    : value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
