/**
 * Reads the config file, applies environment overrides and validates the
 * result against the spec before any network call.
 */
import fs from 'node:fs';

import { Ajv, type ErrorObject } from 'ajv';

import { ConfigError } from '../errors.js';
import {
  CONFIG_SCHEMA,
  DEFAULTS,
  ENV_OVERRIDES,
  type ConnectorConfig,
} from './spec.js';

/**
 * Builds the config from an optional JSON file and the environment.
 * Environment variables win over the file; defaults fill the rest.
 * @throws ConfigError naming the option, what was expected and what to do.
 */
export function loadConfig(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ConnectorConfig {
  const fromFile = file ? readJsonObject(file) : {};
  const merged: Record<string, unknown> = { ...DEFAULTS, ...fromFile };
  for (const [variable, key] of Object.entries(ENV_OVERRIDES)) {
    const value = env[variable];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  return validateConfig(merged);
}

/** Validates an already-merged config object. */
export function validateConfig(candidate: unknown): ConnectorConfig {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile<ConnectorConfig>(CONFIG_SCHEMA);
  if (validate(candidate)) return checkBaseUrl(candidate);
  const problems = (validate.errors ?? []).map((error) =>
    describe(error, candidate),
  );
  throw new ConfigError(`invalid config:\n  - ${problems.join('\n  - ')}`);
}

// The schema's pattern cannot tell a URL that fetch will refuse.
function checkBaseUrl(config: ConnectorConfig): ConnectorConfig {
  let url: URL;
  try {
    url = new URL(config.hubspot_base_url);
  } catch {
    throw new ConfigError(`invalid config:\n  - "hubspot_base_url" is not ` +
      `a URL, got ${JSON.stringify(config.hubspot_base_url)}`);
  }
  if (url.username || url.password) {
    throw new ConfigError('invalid config:\n  - "hubspot_base_url" must not ' +
      'hold a user name or password; the token goes in HUBSPOT_ACCESS_TOKEN');
  }
  return config;
}

function readJsonObject(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read config file ${file}: ${(error as Error).message}. ` +
        'Pass an existing JSON file with --config.',
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `config file ${file} is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`config file ${file} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function describe(error: ErrorObject, candidate: unknown): string {
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    const variable = Object.entries(ENV_OVERRIDES)
      .find(([, key]) => key === missing)?.[0];
    return `"${missing}" is required` +
      (variable ? `: set ${variable} or put it in the config file` : '');
  }
  if (error.keyword === 'additionalProperties') {
    return `unknown option "${String(error.params.additionalProperty)}"; ` +
      'run `source-hubspot spec` to see the valid ones';
  }
  const option = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (option === 'access_token') {
    return '"access_token" must be one printable word (the private app ' +
      'token as HubSpot shows it, no spaces, quotes or line breaks); ' +
      'check HUBSPOT_ACCESS_TOKEN';
  }
  const value = valueAt(candidate, error.instancePath);
  return `"${option}" ${error.message ?? 'is invalid'}, got ` +
    `${JSON.stringify(value) ?? String(value)}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  return value;
}
