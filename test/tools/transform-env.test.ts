/**
 * The Dataform CLI's environment: minimal, loopback-only for the
 * emulator, and vars the CLI can carry.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

import { checkVars, cliEnvironment } from '../../tools/transform-env.js';
import { TransformConfigError } from '../../tools/transform-errors.js';

const CALLER_ENV = {
  PATH: '/usr/bin',
  HOME: '/home/someone',
  GOOGLE_APPLICATION_CREDENTIALS: '/home/someone/key.json',
  HTTPS_PROXY: 'http://proxy.example:3128',
  SECRET_TOKEN: 'do-not-pass',
};

describe('transform environment', () => {
  let workDir: string;

  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'transform-env-test-'));
  });

  afterEach(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('gives the CLI only loopback settings and no credentials locally', () => {
    const setup = cliEnvironment({
      env: { ...CALLER_ENV, BIGQUERY_EMULATOR_HOST: 'http://127.0.0.1:9050/bigquery/v2' },
      workDir,
      projectId: 'local-project',
      location: 'US',
    });

    assert.equal(setup.local, true);
    assert.deepEqual(Object.keys(setup.env).sort(), [
      'BIGQUERY_EMULATOR_HOST', 'HOME', 'LANG', 'METADATA_SERVER_DETECTION',
      'NO_COLOR', 'PATH', 'TMPDIR',
    ]);
    assert.equal(setup.env.METADATA_SERVER_DETECTION, 'none');
    assert.ok(setup.env.HOME?.startsWith(workDir));
    assert.ok(setup.env.TMPDIR?.startsWith(workDir),
      'the CLI\'s temporary folders go where the run cleans up');
    assert.deepEqual(JSON.parse(fs.readFileSync(setup.credentialsFile, 'utf8')),
      { projectId: 'local-project', location: 'US' });
  });

  it('refuses an emulator that is not on this machine', () => {
    assert.throws(() => cliEnvironment({
      env: { BIGQUERY_EMULATOR_HOST: 'http://10.0.0.5:9050/bigquery/v2' },
      workDir,
      projectId: 'p',
      location: 'US',
    }), /must point at this machine/);
  });

  it('passes credentials and proxy settings, nothing else, for BigQuery', () => {
    const setup = cliEnvironment({
      env: CALLER_ENV,
      workDir,
      projectId: 'my-project',
      location: 'EU',
    });

    assert.equal(setup.local, false);
    assert.equal(setup.env.GOOGLE_APPLICATION_CREDENTIALS,
      CALLER_ENV.GOOGLE_APPLICATION_CREDENTIALS);
    assert.equal(setup.env.HTTPS_PROXY, CALLER_ENV.HTTPS_PROXY);
    assert.equal(setup.env.SECRET_TOKEN, undefined);
    assert.equal(setup.env.BIGQUERY_EMULATOR_HOST, undefined);
  });

  it('rejects vars the CLI cannot carry', () => {
    assert.doesNotThrow(() => checkVars({ raw_dataset: 'hubspot_raw' }));
    assert.throws(() => checkVars({ raw_dataset: 'a,b' }), TransformConfigError);
    assert.throws(() => checkVars({ raw_dataset: 'a=b' }), /may not contain/);
    assert.throws(() => checkVars({ 'bad key': 'x' }), /not usable/);
  });
});
