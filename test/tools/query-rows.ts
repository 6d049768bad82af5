/**
 * Reads query results in tests through a query job, so a failing query
 * fails the test.
 */
import type { BigQuery } from '@google-cloud/bigquery';

/**
 * Runs `sql` as a query job (jobs.insert) and returns its rows with DATE,
 * TIMESTAMP and NUMERIC values as plain strings. Not `BigQuery#query`: the local
 * emulator's jobs.query answers a failed query with HTTP 200 and an
 * `errors` list the client ignores, so it would return no rows instead of
 * an error (see docs/local-emulator-gaps.md).
 */
export async function queryRows(
  bigquery: BigQuery,
  sql: string,
): Promise<Array<Record<string, unknown>>> {
  const [job] = await bigquery.createQueryJob({ query: sql, useLegacySql: false });
  const [rows] = await job.getQueryResults();
  // JSON turns NUMERIC values (Big) into their decimal strings.
  const plain = JSON.parse(JSON.stringify(rows)) as Array<Record<string, unknown>>;
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
