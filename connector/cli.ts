#!/usr/bin/env node
/**
 * `source-hubspot`: the Airbyte commands (spec, check, discover, read) on
 * stdout, and `sync`, which lands every stream in BigQuery.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';

import { createBigQueryClient } from './bigquery/client.js';
import {
  check,
  discover,
  read,
  spec,
} from './commands/airbyte-commands.js';
import { loadCatalog, loadStates } from './commands/catalog.js';
import { runSync } from './commands/run-sync.js';
import { loadConfig } from './config/load-config.js';
import type { ConnectorConfig } from './config/spec.js';
import { ConfigError } from './errors.js';
import { HubSpotApi } from './hubspot/hubspot-api.js';
import { DEFAULT_RETRY_POLICY } from './hubspot/retry-policy.js';
import {
  airbyteLogger,
  operatorLogger,
  type Logger,
} from './logging/logger.js';
import { errorTrace, lineSink } from './protocol/messages.js';
import type { StreamContext } from './streams/stream.js';

const sink = lineSink();
// A consumer that stops reading (`read | head`) ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(1);
});
const logOptions = { verbose: hideBin(process.argv).includes('--verbose') };

await yargs(hideBin(process.argv))
  .scriptName('source-hubspot')
  .usage('$0 <command> [options]')
  .option('verbose', { type: 'boolean', describe: 'Log debug lines too.' })
  .command('spec', 'Print the config schema.', {}, () => spec(sink))
  .command('check', 'Check that the token can read the portal.',
    (y) => withConfig(y), async (args) => {
      const logger = airbyteLogger(sink, logOptions);
      const config = loadOrReport(args.config, 'status');
      if (config) await check(hubspotApi(config, logger), sink);
    })
  .command('discover', 'Print the catalog of streams.',
    (y) => withConfig(y), async (args) => {
      const logger = airbyteLogger(sink, logOptions);
      const config = loadOrReport(args.config, 'trace');
      if (!config) return fail();
      if (!await discover(streamContext(config, logger), sink)) fail();
    })
  .command('read', 'Emit records and state messages.',
    (y) => withConfig(y)
      .option('catalog', { type: 'string', describe: 'Configured catalog JSON.' })
      .option('state', { type: 'string', describe: 'State JSON from a read.' }),
    async (args) => {
      const logger = airbyteLogger(sink, logOptions);
      const config = loadOrReport(args.config, 'trace');
      if (!config) return fail();
      let ok: boolean;
      try {
        const configured = loadCatalog(args.catalog);
        const states = loadStates(args.state);
        ok = await read(streamContext(config, logger), configured, states, sink);
      } catch (error) {
        sink(errorTrace(error as Error));
        ok = false;
      }
      if (!ok) fail();
    })
  .command('sync', 'Land every stream in BigQuery, incrementally.',
    (y) => withConfig(y, false)
      .option('full-refresh', {
        type: 'boolean',
        describe: 'Ignore the saved state and read everything again.',
      }),
    async (args) => {
      const logger = operatorLogger(logOptions);
      let config: ConnectorConfig;
      try {
        config = loadConfig(args.config);
        requireProject(config);
      } catch (error) {
        logger.error((error as Error).message);
        return fail(2);
      }
      try {
        const summary = await runSync({
          config,
          logger,
          api: hubspotApi(config, logger),
          bigquery: createBigQueryClient({
            projectId: config.bigquery_project ?? '',
            location: config.bigquery_location,
          }),
          fullRefresh: args['full-refresh'],
        });
        if (summary.outcomes.some((outcome) => !outcome.ok)) fail();
      } catch (error) {
        logger.error('sync failed', { error: (error as Error).message });
        fail();
      }
    })
  .demandCommand(1, 'Name a command: spec, check, discover, read or sync.')
  .strict()
  .help()
  // yargs 17's ES module build breaks words when it wraps; don't wrap.
  .wrap(null)
  .parseAsync();

function withConfig<T>(y: Argv<T>, required = true) {
  return y.option('config', {
    type: 'string',
    demandOption: required,
    describe: 'Config JSON file; secrets come from the environment.',
  });
}

// Config errors in Airbyte commands become a FAILED status (check) or an
// error trace, never a stack trace on stdout.
function loadOrReport(
  file: string | undefined,
  reportAs: 'status' | 'trace',
): ConnectorConfig | undefined {
  try {
    return loadConfig(file);
  } catch (error) {
    const message = (error as Error).message;
    sink(reportAs === 'status'
      ? {
          type: 'CONNECTION_STATUS',
          connectionStatus: { status: 'FAILED', message },
        }
      : errorTrace(error as Error));
    return undefined;
  }
}

function requireProject(config: ConnectorConfig): void {
  if (!config.bigquery_project) {
    throw new ConfigError('"bigquery_project" is required for sync: set ' +
      'BIGQUERY_PROJECT or put it in the config file');
  }
}

function hubspotApi(config: ConnectorConfig, logger: Logger): HubSpotApi {
  return new HubSpotApi({
    accessToken: config.access_token,
    baseUrl: config.hubspot_base_url,
    logger,
    requestsPerTenSeconds: config.requests_per_ten_seconds,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.max_attempts },
  });
}

function streamContext(config: ConnectorConfig, logger: Logger): StreamContext {
  return {
    api: hubspotApi(config, logger),
    config,
    logger,
    startedAt: new Date(),
  };
}

function fail(code = 1): void {
  process.exitCode = code;
}
