/**
 * Reads query results through a query job, so a failing query raises.
 */
import type { BigQuery, Query } from '@google-cloud/bigquery';

export type Row = Record<string, unknown>;

/**
 * Runs a query as a query job (jobs.insert) and returns its rows, with
 * DATE, TIMESTAMP and NUMERIC values as plain strings. Not
 * `BigQuery#query`: the local emulator's jobs.query answers a failed query
 * with HTTP 200 and an `errors` list that the client ignores, so it would
 * return no rows instead of an error (docs/local-emulator-gaps.md).
 */
export async function queryRows(
  bigquery: BigQuery,
  query: string | Query,
): Promise<Row[]> {
  const options = typeof query === 'string' ? { query } : query;
  const [job] = await bigquery.createQueryJob({
    useLegacySql: false,
    ...options,
  });
  const [rows] = await job.getQueryResults();
  // JSON turns NUMERIC values (Big) into their decimal strings.
  const plain = JSON.parse(JSON.stringify(rows)) as Row[];
  return plain.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [
      key,
      isWrapped(value) ? value.value : value,
    ])));
}

// The client wraps DATE, TIMESTAMP and similar values as { value }.
function isWrapped(value: unknown): value is { value: string } {
  return typeof value === 'object' && value !== null &&
    Object.keys(value).length === 1 && 'value' in value;
}
