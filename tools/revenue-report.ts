/**
 * Prints the mart as people read it: monthly revenue of the top customers
 * beside the grand total per month. BigQuery does the aggregation; only
 * the small result comes back.
 */
import type { BigQuery } from '@google-cloud/bigquery';

const TOP_CUSTOMERS = 5;
const NAME_WIDTH = 14;
const MART = 'hubspot_revenue.customer_monthly_revenue';
const REJECTED = 'hubspot_revenue.revenue_rejected_deals';
/** The mart's customer id for deals with no company (includes/revenue.js). */
const UNASSIGNED_ID = 'unassigned';

interface MonthRow {
  revenue_month: { value: string } | string;
  customer_id: string;
  revenue: string | number;
}

export async function printReport(
  bigquery: BigQuery,
  out: NodeJS.WritableStream,
): Promise<void> {
  const [top] = await bigquery.query({ query: `
    select customer_id, any_value(customer_name) as customer_name,
      sum(revenue) as revenue, sum(deals_won) as deals_won,
      any_value(currency) as currency
    from ${MART}
    where customer_id != @unassigned
    group by customer_id
    order by revenue desc, customer_id
    limit ${TOP_CUSTOMERS}`, params: { unassigned: UNASSIGNED_ID } });
  const topIds = (top as Array<{ customer_id: string }>).map((r) => r.customer_id);
  const [months] = await bigquery.query({
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
  const [[rejected]] = await bigquery.query(
    `select count(*) as deals from ${REJECTED}`);
  const [[unassigned]] = await bigquery.query({
    query: `select coalesce(sum(revenue), 0) as revenue from ${MART}
      where customer_id = @unassigned`,
    params: { unassigned: UNASSIGNED_ID },
  });

  const currency = (top[0] as { currency?: string } | undefined)?.currency ?? '';
  const names = (top as Array<{ customer_name: string | null }>).map(
    (r) => (r.customer_name ?? '?').slice(0, NAME_WIDTH));
  const byMonth = new Map<string, Map<string, number>>();
  for (const row of months as MonthRow[]) {
    const month = typeof row.revenue_month === 'string'
      ? row.revenue_month
      : row.revenue_month.value;
    const cells = byMonth.get(month.slice(0, 7)) ?? new Map();
    cells.set(row.customer_id, Number(row.revenue));
    byMonth.set(month.slice(0, 7), cells);
  }

  const line = (cells: string[]) =>
    out.write(`${cells[0]?.padEnd(8)}${cells.slice(1)
      .map((c) => c.padStart(NAME_WIDTH + 1)).join('')}\n`);
  out.write(`\nMonthly revenue (${currency}) of the top ${topIds.length} ` +
    'customers, and the total over all customers\n\n');
  line(['month', ...names, 'all customers']);
  for (const [month, cells] of byMonth) {
    line([month, ...topIds.map((id) => money(cells.get(id))),
      money(cells.get('*total*'))]);
  }
  const total = [...byMonth.values()]
    .reduce((sum, cells) => sum + (cells.get('*total*') ?? 0), 0);
  line(['total', ...(top as Array<{ revenue: number }>).map(
    (r) => money(Number(r.revenue))), money(total)]);
  out.write(`\nDeals with no company: ${money(Number(
    (unassigned as { revenue: number }).revenue))} ${currency} in the ` +
    `'${UNASSIGNED_ID}' customer row.\n`);
  out.write(`${(rejected as { deals: number }).deals} closed-won deals ` +
    `were left out; see ${REJECTED} for why.\n`);
}

function money(value: number | undefined): string {
  return value === undefined
    ? '-'
    : value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
