/**
 * `source-hubspot sync` against the sandbox and the emulator: what lands,
 * and what happens to state when a stream fails.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { BigQuery } from '@google-cloud/bigquery';

import { createBigQueryClient } from '../../connector/bigquery/client.js';
import { queryRows } from '../../connector/bigquery/query-rows.js';
import {
  LOCAL_ACCESS_TOKEN,
  LOCAL_LOCATION,
  LOCAL_PROJECT,
  startLocalStack,
  type LocalStack,
} from '../../tools/local-stack.js';
import { ENTRY_POINTS, runStep } from '../../tools/run-step.js';

describe('sync', () => {
  let stack: LocalStack;
  let bigquery: BigQuery;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-test-'));
  // Two attempts, so the failing stream gives up quickly.
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ max_attempts: 2 }));

  before(async () => {
    stack = await startLocalStack({ seed: 11, companies: 30, deals: 150 });
    bigquery = createBigQueryClient(
      { projectId: LOCAL_PROJECT, location: LOCAL_LOCATION }, stack.env);
  });
  after(async () => {
    await stack?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the failed stream\'s state and lands the others', async () => {
    stack.sandbox.faults.failNext(1000, 500, '/crm/v3/objects/deals');
    const failed = await runStep(ENTRY_POINTS.connector,
      ['sync', '--verbose', '--config', config], stack.env).catch((error) => error.result);
    stack.sandbox.faults.clear();

    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /stream failed; its state was not advanced/);
    assert.doesNotMatch(failed.stderr, new RegExp(LOCAL_ACCESS_TOKEN));
    const states = await committedStates(bigquery);
    assert.ok(states.has('companies'));
    assert.ok(!states.has('deals'), 'deals failed, so no state for them');
    assert.equal(await countOf(bigquery, 'companies'),
      stack.portal.companies.length);
  });

  it('lands a lone UTF-16 surrogate as U+FFFD instead of failing', async () => {
    const company = stack.portal.companies[0];
    assert.ok(company);
    company.properties.name = 'Acme \ud83d';
    company.updatedAt = new Date(Date.now() - 3_600_000).toISOString();
    company.properties.hs_lastmodifieddate = company.updatedAt;

    await runStep(ENTRY_POINTS.connector, ['sync'], stack.env);
    const [row] = await queryRows(bigquery, {
      query: `select json_value(properties, '$.name') as name
        from hubspot_raw.companies where id = @id
        order by _extracted_at desc limit 1`,
      params: { id: company.id },
    });
    assert.equal(row?.name, 'Acme \ufffd');
    assert.equal(await countOf(bigquery, 'deals'), stack.portal.deals.length);
  });
});

async function committedStates(bigquery: BigQuery): Promise<Set<string>> {
  const rows = await queryRows(bigquery,
    'select distinct stream from hubspot_raw._sync_state');
  return new Set(rows.map((row) => String(row.stream)));
}

async function countOf(bigquery: BigQuery, table: string): Promise<number> {
  const [row] = await queryRows(bigquery,
    `select count(*) as n from hubspot_raw.${table}`);
  return Number(row?.n);
}
