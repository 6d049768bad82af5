/**
 * The whole transform against the local emulator: raw rows in, through the
 * official Dataform CLI, the mart and the rejected deals out.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { BigQuery } from '@google-cloud/bigquery';

import { createBigQueryClient } from '../../connector/bigquery/client.js';
import { startEmulator, type Emulator } from '../../tools/emulator.js';
import { runTransform, type TransformLogger } from '../../tools/transform.js';
import { queryRows } from '../../connector/bigquery/query-rows.js';
import { appendRawRows, createRawTables } from './raw-tables.js';
import {
  INITIAL_MART,
  INITIAL_WATERMARK,
  REJECTED,
  UPDATED_MART,
  UPDATED_WATERMARK,
  initialRows,
  updateRows,
  type MartRow,
} from './revenue-fixture.js';

const LOCATION = 'US';
const RAW_DATASET = 'hubspot_raw';
const TRANSFORM_SCRIPT = fileURLToPath(
  new URL('../../tools/transform.js', import.meta.url),
);

describe('transform against the local emulator', () => {
  let emulator: Emulator;
  let bigquery: BigQuery;

  before(async () => {
    emulator = await startEmulator();
    bigquery = createBigQueryClient(
      { projectId: emulator.projectId, location: LOCATION },
      emulator.env,
    );
    await createRawTables(bigquery, RAW_DATASET, LOCATION);
    await appendRawRows(bigquery, RAW_DATASET, LOCATION, initialRows());
  });

  after(async () => {
    await emulator?.stop();
  });

  const transform = (fullRefresh = false, logger?: TransformLogger) =>
    runTransform({
      projectId: emulator.projectId,
      location: LOCATION,
      rawDataset: RAW_DATASET,
      fullRefresh,
      env: emulator.env,
      logger,
    });

  it('builds monthly revenue and rejected deals from the raw tables', async () => {
    const lines: string[] = [];
    const result = await transform(false, collectingLogger(lines));

    assert.equal(result.local, true);
    assert.ok(result.actions.every((a) => a.status === 'succeeded'));
    assert.ok(result.actions.some((a) =>
      a.target === 'hubspot_assertions.assert_customer_monthly_revenue_reconciles'));
    assert.ok(lines.some((l) =>
      l.includes('incremental hubspot_revenue.customer_monthly_revenue done')));
    assert.deepEqual(await readMart(bigquery), INITIAL_MART);
    assert.deepEqual(await readRejected(bigquery), REJECTED);
  });

  it('stays equal to a full refresh after an incremental run', async () => {
    await appendRawRows(bigquery, RAW_DATASET, LOCATION, updateRows());

    await transform();
    const incremental = await readMart(bigquery);
    const watermarks = await readWatermarks(bigquery);
    await transform(true);
    const refreshed = await readMart(bigquery);

    assert.deepEqual(incremental, UPDATED_MART);
    assert.deepEqual(refreshed, UPDATED_MART);
    assert.deepEqual(await readRejected(bigquery), REJECTED);
    // Only December was left alone by the incremental run.
    assert.deepEqual(watermarks, {
      '2024-12-01': INITIAL_WATERMARK,
      '2025-01-01': UPDATED_WATERMARK,
      '2025-02-01': UPDATED_WATERMARK,
      '2025-03-01': UPDATED_WATERMARK,
      '2025-04-01': UPDATED_WATERMARK,
    });
  });

  it('exits non-zero and names the failed assertion', async () => {
    // A second portal: months would need two time zones.
    await appendRawRows(bigquery, RAW_DATASET, LOCATION, {
      account_details: [{
        id: '87654321',
        updated_at: '2025-04-04T06:00:00.000Z',
        archived: false,
        properties: { timeZone: 'Europe/Berlin', companyCurrency: 'EUR' },
        associations: null,
        _extracted_at: '2025-04-04T06:00:00.000Z',
        _sync_id: 'sync-other-portal',
      }],
    });

    const cli = await runCli(emulator.env);

    assert.equal(cli.exitCode, 1);
    assert.doesNotMatch(cli.stdout, /\S/, 'progress goes to stderr only');
    assert.match(cli.stderr,
      /assertion hubspot_assertions\.assert_single_hubspot_portal failed/);
    assert.match(cli.stderr, new RegExp(
      'select \\* from `local-project\\.hubspot_assertions\\.' +
        'assert_single_hubspot_portal`'));
  });
});

async function readMart(bigquery: BigQuery): Promise<MartRow[]> {
  const rows = await queryRows(bigquery, `
    select customer_id, customer_name, revenue_month, currency, revenue,
      deals_won
    from hubspot_revenue.customer_monthly_revenue
    order by customer_id, revenue_month`);
  return rows as unknown as MartRow[];
}

async function readWatermarks(
  bigquery: BigQuery,
): Promise<Record<string, string>> {
  const rows = await queryRows(bigquery, `
    select revenue_month, max(_source_watermark) as watermark
    from hubspot_revenue.customer_monthly_revenue
    group by revenue_month`);
  return Object.fromEntries(rows.map((row) => [
    String(row.revenue_month),
    new Date(String(row.watermark)).toISOString(),
  ]));
}

async function readRejected(bigquery: BigQuery) {
  return queryRows(bigquery, `
    select deal_id, rejection_reason
    from hubspot_revenue.revenue_rejected_deals
    order by deal_id`);
}

function collectingLogger(lines: string[]): TransformLogger {
  const add = (message: string) => lines.push(message);
  return { info: add, warn: add, error: add, debug: add };
}

// `npm run transform`, as a user runs it, with only the emulator's
// variables and PATH in its environment.
function runCli(
  emulatorEnv: Record<string, string>,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TRANSFORM_SCRIPT], {
      env: { PATH: process.env.PATH ?? '', ...emulatorEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
