/**
 * The connector against a HubSpot that misbehaves in ways the sandbox does
 * not: cursors that repeat, bodies that are not JSON, records without ids.
 * Each must stop the stream with a message naming the request, never loop
 * or land garbage.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { runCli } from '../support/run-cli.js';

type Answer = { status?: number; body: unknown };
type Handler = (url: URL) => Answer;

describe('a misbehaving HubSpot', () => {
  let server: http.Server;
  let baseUrl: string;
  let handler: Handler = () => ({ body: {} });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-hubspot-'));
  const config = path.join(dir, 'config.json');
  const catalog = path.join(dir, 'catalog.json');

  before(async () => {
    server = http.createServer((request, response) => {
      const answer = handler(new URL(request.url ?? '/', 'http://x'));
      const text = typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body);
      response.writeHead(answer.status ?? 200,
        { 'content-type': 'application/json' });
      response.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(config, JSON.stringify({ max_attempts: 2 }));
    fs.writeFileSync(catalog, JSON.stringify({
      streams: [{ stream: { name: 'deals' }, sync_mode: 'incremental' }],
    }));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function readDeals() {
    const result = await runCli(['read', '--config', config,
      '--catalog', catalog], {
      HUBSPOT_ACCESS_TOKEN: 'hostile-test-token',
      HUBSPOT_BASE_URL: baseUrl,
    }, 30_000);
    const messages = result.messages();
    return {
      code: result.code,
      records: messages.filter((m) => m.type === 'RECORD').length,
      states: messages.filter((m) => m.type === 'STATE').length,
      error: messages.find((m) => m.type === 'TRACE')?.trace.error.message,
    };
  }

  const deal = (id: unknown) => ({
    id, properties: {}, updatedAt: '2025-01-01T00:00:00.000Z',
  });

  it('stops when a list cursor comes back', async () => {
    handler = () => ({
      body: { results: [deal('1')], paging: { next: { after: 'same' } } },
    });
    const outcome = await readDeals();
    assert.equal(outcome.code, 1);
    assert.equal(outcome.states, 0, 'no state for a failed stream');
    assert.match(outcome.error, /GET \/crm\/v3\/objects\/deals .*cursor "same" a second time/);
    assert.ok(outcome.records <= 2, `${outcome.records} records emitted`);
  });

  it('retries, then stops, on a 200 whose body is not JSON', async () => {
    handler = () => ({ body: '<html>maintenance</html>' });
    const outcome = await readDeals();
    assert.equal(outcome.code, 1);
    assert.match(outcome.error, /not JSON: "<html>maintenance/);
  });

  it('stops on a page without results', async () => {
    handler = () => ({ body: { items: [] } });
    const outcome = await readDeals();
    assert.match(outcome.error, /no "results" array/);
  });

  it('stops on a record without an id', async () => {
    handler = () => ({ body: { results: [deal(undefined)] } });
    const outcome = await readDeals();
    assert.match(outcome.error, /a record whose id is missing/);
    assert.equal(outcome.records, 0);
  });

  it('stops on a record with an unreadable updatedAt', async () => {
    handler = () => ({
      body: { results: [{ ...deal('7'), updatedAt: 'yesterday' }] },
    });
    const outcome = await readDeals();
    assert.match(outcome.error, /unreadable updatedAt "yesterday"/);
  });

  it('does not take an unexplained gap in a batch read as "no company"',
    async () => {
      const assocCatalog = path.join(dir, 'assoc.json');
      fs.writeFileSync(assocCatalog, JSON.stringify({ streams: [{
        stream: { name: 'deal_company_associations' } }] }));
      handler = (url) => url.pathname.includes('/associations/')
        ? { status: 207, body: { status: 'COMPLETE', results: [], errors: [{
          category: 'RATE_LIMITS', message: 'try later',
          context: { fromObjectId: ['1'] } }] } }
        : { body: { results: [deal('1')] } };
      const result = await runCli(['read', '--config', config,
        '--catalog', assocCatalog], {
        HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_BASE_URL: baseUrl });
      const messages = result.messages();
      assert.equal(result.code, 1);
      assert.equal(messages.filter((m) => m.type === 'RECORD').length, 0);
      assert.match(messages.find((m) => m.type === 'TRACE')
        ?.trace.error.message, /no "no associations" error for deals 1/);
    });

  it('takes a state file of one STATE line', async () => {
    handler = () => ({ body: { results: [] } });
    const state = path.join(dir, 'one-line.json');
    fs.writeFileSync(state, JSON.stringify({ type: 'STATE', state: {
      type: 'STREAM', stream: { stream_descriptor: { name: 'deals' },
        stream_state: { updated_after: '2025-01-01T00:00:00.000Z' } } } }));
    const result = await runCli(['read', '--config', config,
      '--catalog', catalog, '--state', state], {
      HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_BASE_URL: baseUrl });
    assert.equal(result.code, 0, result.stdout);
  });

  it('refuses a state cursor that is not an instant, or in the future',
    async () => {
      handler = () => ({ body: { results: [] } });
      for (const cursor of ['zzz', '2999-01-01T00:00:00.000Z']) {
        const state = path.join(dir, 'state.json');
        fs.writeFileSync(state, JSON.stringify({
          deals: { updated_after: cursor } }));
        const result = await runCli(['read', '--config', config,
          '--catalog', catalog, '--state', state], {
          HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_BASE_URL: baseUrl });
        const trace = result.messages().find((m) => m.type === 'TRACE');
        assert.equal(result.code, 1);
        assert.match(trace?.trace.error.message,
          /state of deals has updated_after .*(not an ISO|in the future)/);
      }
    });
});
