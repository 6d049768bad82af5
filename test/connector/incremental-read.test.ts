/**
 * Incremental reads while the portal changes under them: no record that
 * changed may be lost between two reads, whatever moves while we page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  archiveDeals,
  generatePortal,
  modifyDeals,
  relinkDeal,
} from '../sandbox/generate-portal.js';
import type { RequestRecord } from '../sandbox/server.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { runCli } from '../support/run-cli.js';

const TOKEN = 'incremental-test-token';
const HOUR_MILLIS = 3_600_000;

describe('incremental read while the portal changes', () => {
  let sandbox: Sandbox;
  let onAnswer: (entry: RequestRecord) => void = () => undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incremental-test-'));
  const config = path.join(dir, 'config.json');
  const catalog = path.join(dir, 'catalog.json');

  before(async () => {
    const portal = generatePortal({ seed: 21, companies: 40, deals: 600 });
    sandbox = await startSandbox({
      portal,
      accessToken: TOKEN,
      rateLimit: false,
      onRequest: (entry) => onAnswer(entry),
    });
    fs.writeFileSync(config, JSON.stringify({
      search_page_size: 50, page_size: 5 }));
    fs.writeFileSync(catalog, JSON.stringify({
      streams: [{ stream: { name: 'deals' }, sync_mode: 'incremental' }],
    }));
  });
  after(async () => {
    await sandbox?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function read(stateFile?: string) {
    const result = await runCli(['read', '--config', config,
      '--catalog', catalog, ...(stateFile ? ['--state', stateFile] : [])],
    { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.baseUrl });
    assert.equal(result.code, 0, result.stdout.slice(-1500));
    const messages = result.messages();
    const state = path.join(dir, `state-${Date.now()}.json`);
    fs.writeFileSync(state, JSON.stringify(
      messages.filter((m) => m.type === 'STATE')));
    return {
      state,
      records: messages.filter((m) => m.type === 'RECORD')
        .map((m) => m.record.data as { id: string; archived: boolean }),
    };
  }

  it('reads a deal edited behind the search offset', async () => {
    const first = await read();
    const changed = modifyDeals(sandbox.portal, {
      count: 200, seed: 8, at: new Date(Date.now() - 2 * HOUR_MILLIS) });

    // After the first search page, edit a deal from it: it moves to the
    // end of the result set and every later deal shifts down by one.
    let searches = 0;
    onAnswer = (entry) => {
      if (!entry.path.endsWith('/search') || ++searches !== 1) return;
      const moved = sandbox.portal.deals.find((d) => d.id === changed[0]);
      assert.ok(moved);
      moved.updatedAt = new Date(Date.now() - HOUR_MILLIS).toISOString();
      moved.properties.hs_lastmodifieddate = moved.updatedAt;
    };
    const second = await read(first.state);
    onAnswer = () => undefined;

    const seen = new Set(second.records.map((r) => r.id));
    const missing = changed.filter((id) => !seen.has(id));
    assert.deepEqual(missing, [], 'changed deals the read skipped');
  });

  it('re-reads every deal\'s companies once the full read is due, so a ' +
    'relinked deal shows up', async () => {
    const associations = path.join(dir, 'associations.json');
    fs.writeFileSync(associations, JSON.stringify({ streams: [{
      stream: { name: 'deal_company_associations' } }] }));
    const readAssociations = async (state: object) => {
      const stateFile = path.join(dir, 'association-state.json');
      fs.writeFileSync(stateFile, JSON.stringify(state));
      const result = await runCli(['read', '--config', config, '--catalog',
        associations, '--state', stateFile],
      { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.baseUrl });
      assert.equal(result.code, 0, result.stdout.slice(-1500));
      return result.messages().filter((m) => m.type === 'RECORD')
        .map((m) => m.record.data as { id: string; associations: unknown[] });
    };
    const company = sandbox.portal.companies[0]?.id ?? '';
    const deal = sandbox.portal.deals.find((d) => !d.archived)?.id ?? '';
    // Only the companies change; the deal's modified time stays.
    relinkDeal(sandbox.portal, deal, [company], company);
    const cursor = new Date(Date.now() - 10 * 60_000).toISOString();
    const day = 24 * HOUR_MILLIS;

    const recent = await readAssociations({ deal_company_associations: {
      updated_after: cursor,
      full_read_at: new Date(Date.now() - day).toISOString() } });
    assert.ok(!recent.some((r) => r.id === deal),
      'within the interval only changed deals are read');

    const due = await readAssociations({ deal_company_associations: {
      updated_after: cursor,
      full_read_at: new Date(Date.now() - 8 * day).toISOString() } });
    const relinked = due.find((r) => r.id === deal);
    assert.deepEqual(
      (relinked?.associations as Array<{ toObjectId: number }>)
        .map((a) => String(a.toObjectId)), [company]);
    assert.equal(due.length,
      sandbox.portal.deals.filter((d) => !d.archived).length);
  });

  it('reads a deal archived during the archived listing, next time',
    async () => {
      const first = await read();
      const live = sandbox.portal.deals.filter((d) => !d.archived)
        .sort((a, b) => Number(a.id) - Number(b.id));
      const low = live[0]?.id ?? '';
      const high = live.at(-1)?.id ?? '';

      // The first GET of an incremental read is the archived listing.
      let lists = 0;
      onAnswer = (entry) => {
        if (entry.method !== 'GET' || !entry.path.endsWith('/deals')) return;
        if (++lists === 1) archiveDeals(sandbox.portal, [low], new Date());
        if (lists === 2) archiveDeals(sandbox.portal, [high], new Date());
      };
      const second = await read(first.state);
      onAnswer = () => undefined;
      const third = await read(second.state);

      const archived = new Set([...second.records, ...third.records]
        .filter((r) => r.archived).map((r) => r.id));
      assert.ok(archived.has(high), 'the deal archived ahead of the listing');
      assert.ok(archived.has(low), 'the deal archived behind the listing');
    });
});
