/**
 * Command line of `npm run transform`. Logs to stderr (JSON lines with a
 * severity, or readable lines on a terminal) and exits non-zero when the
 * run fails.
 */
import yargs from 'yargs';

import { operatorLogger } from '../connector/logging/logger.js';
import {
  DEFAULT_RAW_DATASET,
  TransformConfigError,
  TransformRunError,
  runTransform,
} from './transform.js';

const DEFAULT_LOCAL_PROJECT = 'local-project';
const DEFAULT_LOCATION = 'US';

/** Parses `argv`, runs the transform and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = await yargs(argv)
    .scriptName('transform')
    .usage('$0 [options]\n\nBuild the revenue models with Dataform. ' +
      'Set BIGQUERY_EMULATOR_HOST to run against the local emulator.')
    .option('project-id', {
      type: 'string',
      describe: 'Google Cloud project of the datasets. Default: ' +
        'BIGQUERY_PROJECT, else GOOGLE_CLOUD_PROJECT, else ' +
        `${DEFAULT_LOCAL_PROJECT} with the emulator.`,
    })
    .option('location', {
      type: 'string',
      default: process.env.BIGQUERY_LOCATION ?? DEFAULT_LOCATION,
      describe: 'BigQuery location of the datasets.',
    })
    .option('raw-dataset', {
      type: 'string',
      describe: 'Dataset the connector writes the raw tables to. Default: ' +
        `BIGQUERY_RAW_DATASET, else ${DEFAULT_RAW_DATASET}.`,
    })
    .option('vars', {
      type: 'string',
      array: true,
      describe: 'Extra Dataform vars as key=value (repeatable).',
    })
    .option('full-refresh', {
      type: 'boolean',
      default: false,
      describe: 'Rebuild the incremental mart from scratch.',
    })
    .option('timeout-minutes', {
      type: 'number',
      default: 30,
      describe: 'Stop the run after this many minutes.',
    })
    .option('verbose', {
      type: 'boolean',
      default: false,
      describe: "Log every line the Dataform CLI prints.",
    })
    .strict()
    .help()
    // yargs 17's ES module build breaks words when it wraps; don't wrap.
    .wrap(null)
    .parseAsync();

  const logger = operatorLogger({ verbose: args.verbose });
  // Stopped by a scheduler or Ctrl-C: exit, so that the run's 'exit'
  // cleanup removes its work folder and the Dataform CLI dies with us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.error(`${signal}: transform stopped before it finished`);
      process.exit(130);
    });
  }
  const local = Boolean(process.env.BIGQUERY_EMULATOR_HOST);
  try {
    const projectId = args['project-id'] ??
      process.env.BIGQUERY_PROJECT ??
      process.env.GOOGLE_CLOUD_PROJECT ??
      (local ? DEFAULT_LOCAL_PROJECT : '');
    if (!projectId) {
      throw new TransformConfigError(
        'no project id: pass --project-id or set BIGQUERY_PROJECT',
      );
    }
    await runTransform({
      projectId,
      location: args.location,
      rawDataset: args['raw-dataset'] ?? process.env.BIGQUERY_RAW_DATASET,
      vars: parseVars(args.vars ?? []),
      fullRefresh: args['full-refresh'],
      timeoutMillis: args['timeout-minutes'] * 60_000,
      logger,
    });
    return 0;
  } catch (error) {
    if (error instanceof TransformRunError ||
      error instanceof TransformConfigError) {
      logger.error(error.message);
    } else {
      logger.error(`transform crashed: ${(error as Error).stack ?? error}`);
    }
    return 1;
  }
}

function parseVars(pairs: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs.flatMap((p) => p.split(','))) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new TransformConfigError(
        `--vars "${pair}" is not key=value`,
      );
    }
    vars[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return vars;
}
