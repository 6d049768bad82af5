/**
 * The environment the Dataform CLI runs in: only the variables it needs,
 * a credentials file naming project and location, and for the local
 * emulator nothing that could reach past loopback.
 */
import fs from 'node:fs';
import path from 'node:path';

import { parseEmulatorHost } from '../connector/bigquery/client.js';
import { TransformConfigError } from './transform-errors.js';

/** Host names that stay on this machine. */

/** Variables real-BigQuery runs pass on, for credentials and proxies. */
const REAL_MODE_PASSTHROUGH = [
  'HOME',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_CONFIG',
  'METADATA_SERVER_DETECTION',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];

export interface CliEnvironmentInput {
  /** The caller's environment. */
  env: NodeJS.ProcessEnv;
  /** A private temporary folder for HOME and the credentials file. */
  workDir: string;
  projectId: string;
  location: string;
  /** Real mode only: the user's own credentials file. */
  credentialsFile?: string;
}

export interface CliEnvironment {
  /** The complete environment for the CLI process. */
  env: Record<string, string>;
  /** The `--credentials` file for `dataform run`. */
  credentialsFile: string;
  /** True when BIGQUERY_EMULATOR_HOST points the run at the emulator. */
  local: boolean;
  emulatorHost?: string;
}

/**
 * Builds the CLI's environment. Locally (BIGQUERY_EMULATOR_HOST set): PATH,
 * an empty HOME, NO_COLOR, METADATA_SERVER_DETECTION=none and the emulator
 * address, which must be on loopback; no Google credentials at all.
 * Otherwise PATH, NO_COLOR and the credential and proxy variables, so the
 * CLI finds Application Default Credentials.
 */
export function cliEnvironment(input: CliEnvironmentInput): CliEnvironment {
  requireValue('projectId', input.projectId);
  requireValue('location', input.location);
  // The CLI's temporary folders go into our work folder, removed after
  // the run, instead of piling up in /tmp.
  const tmp = path.join(input.workDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const base: Record<string, string> = {
    PATH: input.env.PATH ?? '/usr/bin:/bin',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    TMPDIR: tmp,
  };

  const emulatorHost = input.env.BIGQUERY_EMULATOR_HOST;
  if (emulatorHost) {
    checkLoopback(emulatorHost);
    if (input.credentialsFile) {
      throw new TransformConfigError(
        'a credentials file was given while BIGQUERY_EMULATOR_HOST is set; ' +
          'the emulator needs none. Unset one of them.',
      );
    }
    const home = path.join(input.workDir, 'home');
    fs.mkdirSync(home);
    return {
      env: {
        ...base,
        HOME: home,
        METADATA_SERVER_DETECTION: 'none',
        BIGQUERY_EMULATOR_HOST: emulatorHost,
      },
      credentialsFile: writeCredentials(input),
      local: true,
      emulatorHost,
    };
  }

  const env = { ...base };
  for (const name of REAL_MODE_PASSTHROUGH) {
    const value = input.env[name];
    if (value !== undefined) env[name] = value;
  }
  if (input.credentialsFile && !fs.existsSync(input.credentialsFile)) {
    throw new TransformConfigError(
      `credentials file ${input.credentialsFile} does not exist; create ` +
        'one with `npx dataform init-creds`, or leave the option out to ' +
        'use Application Default Credentials',
    );
  }
  return {
    env,
    credentialsFile: input.credentialsFile ?? writeCredentials(input),
    local: false,
  };
}

/**
 * Rejects vars the CLI's `--vars key=value,key=value` cannot carry:
 * empty keys, and keys or values holding `,` or `=`.
 */
export function checkVars(vars: Record<string, string>): void {
  for (const [key, value] of Object.entries(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new TransformConfigError(
        `var name "${key}" is not usable; use letters, digits and _`,
      );
    }
    if (typeof value !== 'string' || /[,=]/.test(value)) {
      throw new TransformConfigError(
        `var ${key}="${String(value)}" cannot be passed to Dataform: ` +
          'values may not contain "," or "="',
      );
    }
  }
}

// The CLI insists on a credentials file; with only projectId and location
// in it, it falls back to Application Default Credentials, and against
// the emulator it sends no credentials at all.
function writeCredentials(input: CliEnvironmentInput): string {
  const file = path.join(input.workDir, '.df-credentials.json');
  fs.writeFileSync(file, JSON.stringify({
    projectId: input.projectId,
    location: input.location,
  }));
  return file;
}

// parseEmulatorHost refuses anything but an http(s) URL on loopback.
function checkLoopback(emulatorHost: string): void {
  try {
    parseEmulatorHost(emulatorHost);
  } catch (error) {
    throw new TransformConfigError((error as Error).message, { cause: error });
  }
}

function requireValue(name: string, value: string): void {
  if (!value || !value.trim()) {
    throw new TransformConfigError(
      `${name} is empty; pass --${name === 'projectId' ? 'project-id' : name}`,
    );
  }
}
