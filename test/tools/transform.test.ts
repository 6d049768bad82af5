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
import type { MartRow, Rows } from './raw-records.js';
import {
  IMPLAUSIBLE_CLOSE_DATES,
  INITIAL_MART,
  INITIAL_WATERMARK,
  REJECTED,
  UPDATED_MART,
  UPDATED_WATERMARK,
  initialRows,
  updateRows,
} from './revenue-fixture.js';
import {
  FIXED_MART,
  FIXED_WATERMARK,
  PLACEHOLDER_CLOSE_DATE,
  PLACEHOLDER_MART,
  PLACEHOLDER_REJECTED,
  PLACEHOLDER_WATERMARK,
  fixedRows,
  placeholderRows,
} from './close-date-fixture.js';

const LOCATION = 'US';
const RAW_DATASET = 'hubspot_raw';
const TRANSFORM_SCRIPT = fileURLToPath(
  new URL('../../tools/transform.js', import.meta.url),
);

describe('transform against the local emulator', () => {
  let emulator: Emulator;
  let bigquery: BigQuery;

  before(async () => {
    ({ emulator, bigquery } = await startWithRawRows(initialRows()));
  });

  after(async () => {
    await emulator?.stop();
  });

  const transform = (fullRefresh = false, logger?: TransformLogger) =>
    transformOn(emulator, fullRefresh, logger);

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
    assert.deepEqual(await readImplausibleCloseDates(bigquery),
      IMPLAUSIBLE_CLOSE_DATES.map(([dealId, closedate]) =>
        implausible(dealId, closedate)));
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
    // Only the Decembers were left alone by the incremental run.
    assert.deepEqual(watermarks, {
      '1989-12-01': INITIAL_WATERMARK,
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

describe('transform of a placeholder close date east of UTC', () => {
  let emulator: Emulator;
  let bigquery: BigQuery;

  before(async () => {
    ({ emulator, bigquery } = await startWithRawRows(placeholderRows()));
  });

  after(async () => {
    await emulator?.stop();
  });

  it('rejects the deal and runs again incrementally', async () => {
    await transformOn(emulator);
    // The mart exists now, so this run is incremental, and the placeholder
    // version, extracted at the watermark, is examined again.
    await transformOn(emulator);

    assert.deepEqual(await readMart(bigquery), PLACEHOLDER_MART);
    assert.deepEqual(await readRejected(bigquery), PLACEHOLDER_REJECTED);
    assert.deepEqual(await readImplausibleCloseDates(bigquery),
      [implausible('1', PLACEHOLDER_CLOSE_DATE)]);
  });

  it('counts the fixed deal incrementally, as a full refresh does', async () => {
    await appendRawRows(bigquery, RAW_DATASET, LOCATION, fixedRows());

    // Every version of the changed deal is examined, the placeholder too.
    await transformOn(emulator);
    const incremental = await readMart(bigquery);
    const watermarks = await readWatermarks(bigquery);
    await transformOn(emulator, true);
    const refreshed = await readMart(bigquery);

    assert.deepEqual(incremental, FIXED_MART);
    assert.deepEqual(refreshed, FIXED_MART);
    assert.deepEqual(await readRejected(bigquery), []);
    // Rebuilt: March, where the deal counts now. February is left alone.
    assert.deepEqual(watermarks, {
      '2025-02-01': PLACEHOLDER_WATERMARK,
      '2025-03-01': FIXED_WATERMARK,
    });
  });
});

// A fresh emulator holding the raw tables and `rows`.
async function startWithRawRows(
  rows: Rows,
): Promise<{ emulator: Emulator; bigquery: BigQuery }> {
  const emulator = await startEmulator();
  const bigquery = createBigQueryClient(
    { projectId: emulator.projectId, location: LOCATION },
    emulator.env,
  );
  await createRawTables(bigquery, RAW_DATASET, LOCATION);
  await appendRawRows(bigquery, RAW_DATASET, LOCATION, rows);
  return { emulator, bigquery };
}

function transformOn(
  emulator: Emulator,
  fullRefresh = false,
  logger?: TransformLogger,
) {
  return runTransform({
    projectId: emulator.projectId,
    location: LOCATION,
    rawDataset: RAW_DATASET,
    fullRefresh,
    env: emulator.env,
    logger,
  });
}

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

// Rejected for their close date: the raw value is kept, no month drawn.
async function readImplausibleCloseDates(bigquery: BigQuery) {
  return queryRows(bigquery, `
    select deal_id, closed_at_raw, closed_at, revenue_month
    from hubspot_revenue.revenue_rejected_deals
    where rejection_reason = 'implausible_close_date'
    order by deal_id`);
}

function implausible(dealId: string, closedate: string) {
  return {
    deal_id: dealId,
    closed_at_raw: closedate,
    closed_at: null,
    revenue_month: null,
  };
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
