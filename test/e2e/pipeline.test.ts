/**
 * The whole pipeline on the local stand-ins: sync the sandbox portal into
 * the emulator, run the Dataform project, and hold the mart to revenue
 * computed from the portal itself. The scenario runs in a network
 * namespace that has nothing but loopback, which proves that no request
 * leaves the machine.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { BigQuery } from '@google-cloud/bigquery';

import { createBigQueryClient } from '../../connector/bigquery/client.js';
import {
  LOCAL_LOCATION,
  LOCAL_PROJECT,
  startLocalStack,
  type LocalStack,
} from '../../tools/local-stack.js';
import { ENTRY_POINTS, runStep } from '../../tools/run-step.js';
import { archiveDeals, modifyDeals } from '../sandbox/generate-portal.js';
import { expectedRevenue, localMonth } from './expected-revenue.js';
import { martRows, rawCounts, rejectedDeals } from './warehouse-queries.js';

const INSIDE_NAMESPACE = process.env.E2E_INSIDE_NETNS === '1';
const WITHOUT_NAMESPACE = process.env.E2E_WITHOUT_NETNS === '1';

if (!INSIDE_NAMESPACE && !WITHOUT_NAMESPACE) {
  describe('end to end, isolated', () => {
    it('runs the pipeline in a namespace with only loopback', () => {
      const self = fileURLToPath(import.meta.url);
      // Without NODE_TEST_CONTEXT the inner runner reports as a top-level
      // run would, in text this test can read.
      const { NODE_TEST_CONTEXT: _context, ...env } = process.env;
      const result = spawnSync('unshare', ['--net', '--', 'sh', '-c',
        'ip link set lo up && exec "$0" --test --test-reporter=tap "$1"',
        process.execPath, self], {
        env: { ...env, E2E_INSIDE_NETNS: '1' },
        encoding: 'utf8',
        timeout: 15 * 60_000,
      });
      process.stdout.write(result.stdout ?? '');
      if (result.error || /unshare failed|Operation not permitted/
        .test(result.stderr ?? '')) {
        assert.fail('cannot create a network namespace (`unshare --net` ' +
          'needs root). Run as root, or set E2E_WITHOUT_NETNS=1 to run ' +
          'the scenario without the isolation proof.\n' +
          `${result.error?.message ?? result.stderr}`);
      }
      assert.equal(result.status, 0,
        `the isolated scenario failed:\n${result.stderr}`);
      const passed = Number(/^# pass (\d+)$/m.exec(result.stdout)?.[1] ?? 0);
      assert.ok(passed >= 5, `only ${passed} scenario tests passed`);
    });
  });
} else {
  scenario();
}

function scenario(): void {
  describe('pipeline', () => {
    let stack: LocalStack;
    let bigquery: BigQuery;

    before(async () => {
      stack = await startLocalStack({ seed: 7 });
      bigquery = createBigQueryClient(
        { projectId: LOCAL_PROJECT, location: LOCAL_LOCATION }, stack.env);
    });
    after(async () => {
      await stack?.stop();
    });

    it('has no network interface but loopback', (t) => {
      if (!INSIDE_NAMESPACE) {
        t.skip('E2E_WITHOUT_NETNS=1: isolation is NOT proven in this run');
        return;
      }
      assert.deepEqual(Object.keys(os.networkInterfaces()), ['lo']);
    });

    it('lands every HubSpot record on the first sync', async () => {
      await sync(stack);
      const counts = await rawCounts(bigquery);
      const { portal } = stack;
      const liveDeals = portal.deals.filter((d) => !d.archived).length;
      assert.equal(counts.companies, portal.companies.length);
      assert.equal(counts.deals, portal.deals.length);
      assert.equal(counts.deal_company_associations, liveDeals);
      assert.equal(counts.deal_pipelines, portal.pipelines.length);
      assert.equal(counts.account_details, 1);
    });

    it('computes monthly revenue exactly as the portal says', async () => {
      await transform(stack);
      await assertMartMatchesPortal(bigquery, stack);
    });

    it('loads nothing on a second sync with no changes', async () => {
      const before = await rawCounts(bigquery);
      await sync(stack);
      assert.deepEqual(await rawCounts(bigquery), before);
    });

    it('loads only changed deals and the mart follows', async () => {
      const before = await rawCounts(bigquery);
      // Changes dated well before now, past the search settle time.
      const at = new Date(Date.now() - 60 * 60_000);
      const changed = modifyDeals(stack.portal, { count: 40, seed: 99, at });
      const live = stack.portal.deals.filter(
        (d) => !d.archived && !changed.includes(d.id));
      const archived = live.slice(0, 3).map((d) => d.id);
      archiveDeals(stack.portal, archived, at);

      await sync(stack);
      const afterCounts = await rawCounts(bigquery);
      const changedLive = changed.filter((id) =>
        !stack.portal.deals.find((d) => d.id === id)?.archived);
      assert.equal(afterCounts.deals - before.deals,
        changed.length + archived.length);
      assert.equal(afterCounts.deal_company_associations -
        before.deal_company_associations, changedLive.length);
      assert.equal(afterCounts.companies, before.companies);

      await transform(stack);
      await assertMartMatchesPortal(bigquery, stack);
    });
  });
}

async function sync(stack: LocalStack): Promise<void> {
  await runStep(ENTRY_POINTS.connector, ['sync'], stack.env);
}

async function transform(stack: LocalStack): Promise<void> {
  await runStep(ENTRY_POINTS.transform, [], stack.env);
}

async function assertMartMatchesPortal(
  bigquery: BigQuery,
  stack: LocalStack,
): Promise<void> {
  const expected = expectedRevenue(stack.portal);
  const actual = await martRows(bigquery);
  const key = (r: { customerId: string; revenueMonth: string }) =>
    `${r.customerId}|${r.revenueMonth}`;
  const expectedByKey = new Map(expected.rows.map((r) => [key(r), r]));
  const actualByKey = new Map(actual.map((r) => [key(r), r]));

  assert.deepEqual([...actualByKey.keys()].sort(),
    [...expectedByKey.keys()].sort(), 'customer-months differ');
  for (const [k, want] of expectedByKey) {
    assert.deepEqual(actualByKey.get(k), want, `row ${k} differs`);
  }
  assert.ok(expected.rows.some((r) => r.customerId === 'unassigned'),
    'the portal has deals with no company, so an unassigned row is due');
  const { timeZone } = stack.portal.account;
  const shifted = stack.portal.deals.filter((d) =>
    expected.countedDealIds.has(d.id) && d.properties.closedate &&
    localMonth(d.properties.closedate, timeZone) !==
      `${d.properties.closedate.slice(0, 7)}-01`);
  assert.ok(shifted.length > 0, 'the portal has counted deals whose month ' +
    `in ${timeZone} differs from their UTC month, so the match covers them`);

  const rejected = await rejectedDeals(bigquery);
  assert.deepEqual([...rejected].sort(),
    [...expected.rejectedDealIds].sort(), 'rejected deals differ');
}
