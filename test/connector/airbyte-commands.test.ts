/**
 * The Airbyte commands as an orchestrator runs them: the built CLI against
 * the HubSpot sandbox, every stdout line held to the Airbyte protocol.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CONFIG_SCHEMA } from '../../connector/config/spec.js';
import {
  generatePortal,
  modifyDeals,
} from '../sandbox/generate-portal.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import {
  airbyteMessageValidator,
  recordValidator,
} from '../support/airbyte-protocol.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const TOKEN = 'connector-test-token';
const validMessage = airbyteMessageValidator();

describe('source-hubspot Airbyte commands', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  let configFile: string;

  before(async () => {
    const portal = generatePortal({ seed: 3, companies: 60, deals: 400 });
    sandbox = await startSandbox({ portal, accessToken: TOKEN });
    env = { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: sandbox.baseUrl };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'airbyte-test-'));
    configFile = path.join(dir, 'config.json');
    fs.writeFileSync(configFile, JSON.stringify({ page_size: 100 }));
  });
  after(async () => {
    await sandbox?.close();
    fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
  });

  it('spec prints the config schema', async () => {
    const messages = protocolMessages(await runCli(['spec'], {}));
    assert.equal(messages.length, 1);
    assert.deepEqual(messages[0]?.spec.connectionSpecification,
      JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });

  it('check succeeds with a good token', async () => {
    const result = await runCli(['check', '--config', configFile], env);
    const status = protocolMessages(result)
      .find((m) => m.type === 'CONNECTION_STATUS');
    assert.equal(status?.connectionStatus.status, 'SUCCEEDED');
    assert.equal(result.code, 0);
  });

  it('check reports a bad token as FAILED, saying what to fix', async () => {
    const result = await runCli(['check', '--config', configFile],
      { ...env, HUBSPOT_ACCESS_TOKEN: 'wrong-token' });
    const status = protocolMessages(result)
      .find((m) => m.type === 'CONNECTION_STATUS');
    assert.equal(status?.connectionStatus.status, 'FAILED');
    assert.match(status?.connectionStatus.message, /401.*HUBSPOT_ACCESS_TOKEN/s);
    assert.doesNotMatch(result.stdout, /wrong-token/);
  });

  it('discover reports a refused token as a config error trace',
    async () => {
      const result = await runCli(['discover', '--config', configFile],
        { ...env, HUBSPOT_ACCESS_TOKEN: 'wrong-token' });
      const trace = protocolMessages(result).find((m) => m.type === 'TRACE');
      assert.equal(result.code, 1);
      assert.equal(trace?.trace.error.failure_type, 'config_error');
      assert.match(trace?.trace.error.message, /401.*HUBSPOT_ACCESS_TOKEN/s);
    });

  it('check reports a config error as FAILED', async () => {
    const result = await runCli(['check', '--config', configFile],
      { HUBSPOT_BASE_URL: sandbox.baseUrl });
    const status = protocolMessages(result)
      .find((m) => m.type === 'CONNECTION_STATUS');
    assert.equal(status?.connectionStatus.status, 'FAILED');
    assert.match(status?.connectionStatus.message, /HUBSPOT_ACCESS_TOKEN/);
  });

  it('discover lists every stream with a schema its records meet, and ' +
    'read emits every record then a state per stream', async () => {
    const catalog = protocolMessages(
      await runCli(['discover', '--config', configFile], env),
    ).find((m) => m.type === 'CATALOG')?.catalog;
    assert.deepEqual(catalog.streams.map((s: { name: string }) => s.name).sort(),
      ['account_details', 'companies', 'deal_company_associations',
        'deal_pipelines', 'deals']);

    const result = await runCli(['read', '--config', configFile], env);
    assert.equal(result.code, 0, result.stdout.slice(-2000));
    const messages = protocolMessages(result);
    const validators = new Map(catalog.streams.map(
      (s: { name: string; json_schema: object }) =>
        [s.name, recordValidator(s.json_schema)]));
    for (const { record } of messages.filter((m) => m.type === 'RECORD')) {
      const validate = validators.get(record.stream) as
        ReturnType<typeof recordValidator>;
      assert.ok(validate(record.data),
        `${record.stream} record ${record.data.id}: ` +
        JSON.stringify(validate.errors));
    }

    const { portal } = sandbox;
    const counts = countRecords(messages);
    assert.equal(counts.get('companies'), portal.companies.length);
    assert.equal(counts.get('deals'), portal.deals.length);
    assert.equal(counts.get('deal_company_associations'),
      portal.deals.filter((d) => !d.archived).length);
    assert.equal(counts.get('deal_pipelines'), portal.pipelines.length);
    assert.equal(counts.get('account_details'), 1);
    assert.equal(messages.filter((m) => m.type === 'STATE').length, 5);
  });

  it('read with the last state returns only what changed', async () => {
    const first = await runCli(['read', '--config', configFile], env);
    const stateFile = path.join(path.dirname(configFile), 'state.json');
    fs.writeFileSync(stateFile, JSON.stringify(
      protocolMessages(first).filter((m) => m.type === 'STATE')));

    const changed = modifyDeals(sandbox.portal, {
      count: 9, seed: 5, at: new Date(Date.now() - 60 * 60_000) });
    const second = await runCli(
      ['read', '--config', configFile, '--state', stateFile], env);
    const messages = protocolMessages(second);
    const dealIds = messages
      .filter((m) => m.type === 'RECORD' && m.record.stream === 'deals')
      .map((m) => m.record.data.id);
    assert.deepEqual(dealIds.sort(), [...changed].sort());
    assert.equal(countRecords(messages).get('companies') ?? 0, 0);
    assert.ok(sandbox.requests.some((r) => r.path.endsWith('/deals/search')),
      'incremental reads use the search endpoint');
  });

  it('read takes STATE messages one per line, as stdout had them',
    async () => {
      const first = await runCli(['read', '--config', configFile], env);
      const stateFile = path.join(path.dirname(configFile), 'state.jsonl');
      fs.writeFileSync(stateFile, first.stdout.split('\n')
        .filter((line) => line.includes('"type":"STATE"')).join('\n'));
      const second = await runCli(
        ['read', '--config', configFile, '--state', stateFile], env);
      assert.equal(second.code, 0);
      assert.equal(countRecords(protocolMessages(second)).get('deals') ?? 0, 0);
    });

  it('retries 5xx and 429 answers and logs each retry', async () => {
    sandbox.faults.failNext(2, 503, '/crm/v3/objects/companies');
    sandbox.faults.failNext(1, 429, '/crm/v3/objects/companies');
    const result = await runCli(['read', '--config', configFile], env);
    assert.equal(result.code, 0);
    const retries = protocolMessages(result).filter((m) =>
      m.type === 'LOG' && m.log.level === 'WARN' &&
      /retrying HubSpot request/.test(m.log.message));
    assert.equal(retries.length, 3);
    assert.match(retries[0]?.log.message, /"status":503.*"attempt":1/);
  });

  it('a failing stream is reported, the others still run, exit is 1',
    async () => {
      sandbox.faults.failNext(50, 500, '/crm/v3/pipelines');
      const result = await runCli(['read', '--config', configFile], env);
      sandbox.faults.clear();
      assert.equal(result.code, 1);
      const messages = protocolMessages(result);
      const trace = messages.find((m) => m.type === 'TRACE');
      assert.equal(trace?.trace.error.stream_descriptor.name, 'deal_pipelines');
      assert.match(trace?.trace.error.message, /500/);
      assert.ok(countRecords(messages).get('deals'));
    });

  it('read rejects a catalog naming an unknown stream before any call',
    async () => {
      const catalogFile = path.join(path.dirname(configFile), 'bad.json');
      fs.writeFileSync(catalogFile, JSON.stringify({
        streams: [{ stream: { name: 'contacts' }, sync_mode: 'incremental' }],
      }));
      const before = sandbox.requests.length;
      const result = await runCli(
        ['read', '--config', configFile, '--catalog', catalogFile], env);
      assert.equal(result.code, 1);
      const trace = protocolMessages(result).find((m) => m.type === 'TRACE');
      assert.match(trace?.trace.error.message, /unknown stream "contacts"/);
      assert.equal(sandbox.requests.length, before);
    });
});

/** stdout as messages, each one valid Airbyte protocol. */
function protocolMessages(result: CliResult): Array<Record<string, any>> {
  const messages = result.messages();
  for (const message of messages) {
    assert.ok(validMessage(message),
      `not an Airbyte message: ${JSON.stringify(message).slice(0, 300)} ` +
      JSON.stringify(validMessage.errors));
  }
  return messages;
}

function countRecords(messages: Array<Record<string, any>>) {
  const counts = new Map<string, number>();
  for (const m of messages.filter((m) => m.type === 'RECORD')) {
    counts.set(m.record.stream, (counts.get(m.record.stream) ?? 0) + 1);
  }
  return counts;
}
