/**
 * The whole pipeline on this machine: the HubSpot sandbox and the BigQuery
 * emulator on loopback, and the environment that points the connector and
 * Dataform at them. Used by the demo and the end-to-end test.
 */
import { generatePortal } from '../test/sandbox/generate-portal.js';
import type { Portal } from '../test/sandbox/portal-types.js';
import { startSandbox, type Sandbox } from '../test/sandbox/server.js';
import { startEmulator, type Emulator } from './emulator.js';

export const LOCAL_ACCESS_TOKEN = 'local-sandbox-token';
export const LOCAL_PROJECT = 'local-project';
export const LOCAL_LOCATION = 'US';

export interface LocalStackOptions {
  seed?: number;
  companies?: number;
  deals?: number;
  /** Apply HubSpot's rate limits in the sandbox (default true). */
  rateLimit?: boolean;
}

export interface LocalStack {
  portal: Portal;
  sandbox: Sandbox;
  emulator: Emulator;
  /** Variables for `source-hubspot sync` and `npm run transform`. */
  env: Record<string, string>;
  /** Stops both servers; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Generates a portal, serves it from the sandbox and starts an emulator,
 * both on free loopback ports. Call `stop()` when done, also on failure.
 */
export async function startLocalStack(
  options: LocalStackOptions = {},
): Promise<LocalStack> {
  const portal = generatePortal({
    seed: options.seed ?? 42,
    ...(options.companies ? { companies: options.companies } : {}),
    ...(options.deals ? { deals: options.deals } : {}),
  });
  const sandbox = await startSandbox({
    portal,
    port: 0,
    accessToken: LOCAL_ACCESS_TOKEN,
    ...(options.rateLimit === false ? { rateLimit: false as const } : {}),
  });
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ projectId: LOCAL_PROJECT });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const env = {
    ...emulator.env,
    HUBSPOT_ACCESS_TOKEN: LOCAL_ACCESS_TOKEN,
    HUBSPOT_BASE_URL: sandbox.baseUrl,
    BIGQUERY_LOCATION: LOCAL_LOCATION,
    BIGQUERY_RAW_DATASET: 'hubspot_raw',
  };
  let stopping: Promise<unknown> | undefined;
  return {
    portal,
    sandbox,
    emulator,
    env,
    stop() {
      stopping ??= Promise.allSettled([sandbox.close(), emulator.stop()]);
      return stopping.then(() => undefined);
    },
  };
}
