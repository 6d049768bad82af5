import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { loadConfig } from '../../../connector/config/load-config.js';
import { DEFAULTS, HUBSPOT_API_BASE_URL } from '../../../connector/config/spec.js';
import { ConfigError } from '../../../connector/errors.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-test-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

function configFile(content: unknown): string {
  const file = path.join(dir, `config-${++fileCount}.json`);
  fs.writeFileSync(file,
    typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('config', () => {
  it('takes secrets from the environment and fills defaults', () => {
    const config = loadConfig(undefined, { HUBSPOT_ACCESS_TOKEN: 'tok' });
    assert.equal(config.access_token, 'tok');
    assert.equal(config.hubspot_base_url, HUBSPOT_API_BASE_URL);
    assert.equal(config.raw_dataset, 'hubspot_raw');
    assert.equal(config.page_size, DEFAULTS.page_size);
  });

  it('lets environment variables win over the file', () => {
    const file = configFile({ raw_dataset: 'from_file', page_size: 50 });
    const config = loadConfig(file, {
      HUBSPOT_ACCESS_TOKEN: 'tok',
      BIGQUERY_RAW_DATASET: 'from_env',
    });
    assert.equal(config.raw_dataset, 'from_env');
    assert.equal(config.page_size, 50);
  });

  it('names the variable to set when the token is missing', () => {
    assert.throws(() => loadConfig(undefined, {}), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /access_token.*HUBSPOT_ACCESS_TOKEN/);
      return true;
    });
  });

  it('names the option, the limit and the value when out of range', () => {
    const file = configFile({ page_size: 500 });
    assert.throws(() => loadConfig(file, { HUBSPOT_ACCESS_TOKEN: 't' }),
      /"page_size" must be <= 100, got 500/);
  });

  it('rejects unknown options and points at spec', () => {
    const file = configFile({ page_sise: 10 });
    assert.throws(() => loadConfig(file, { HUBSPOT_ACCESS_TOKEN: 't' }),
      /unknown option "page_sise".*source-hubspot spec/);
  });

  it('never echoes the token in an error', () => {
    const file = configFile({ access_token: 12345 });
    assert.throws(() => loadConfig(file, {}), (error: Error) => {
      assert.doesNotMatch(error.message, /12345/);
      assert.match(error.message, /access_token/);
      return true;
    });
  });

  it('says when the file is not JSON', () => {
    const file = configFile('{ not json');
    assert.throws(() => loadConfig(file, {}), /is not valid JSON/);
  });

  it('says when the file is missing', () => {
    assert.throws(() => loadConfig('/nonexistent/config.json', {}),
      /cannot read config file .*--config/);
  });

  it('rejects a base URL that is not http(s)', () => {
    assert.throws(() => loadConfig(undefined, {
      HUBSPOT_ACCESS_TOKEN: 't',
      HUBSPOT_BASE_URL: 'ftp://example',
    }), /hubspot_base_url/);
  });
});
