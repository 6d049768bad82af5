#!/usr/bin/env node
/**
 * `npm run transform`: compiles the Dataform project with the official
 * Dataform CLI and runs it against BigQuery, or against the local
 * emulator when BIGQUERY_EMULATOR_HOST is set. Tables and views are built
 * in dependency order (the CLI's own scheduler), every assertion runs, and
 * any failed action makes the run fail with the action named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PROJECT_ROOT } from './paths.js';
import { compileForRun, lastLines } from './transform-compile.js';
import { runDataformCli } from './transform-dataform-cli.js';
import { checkVars, cliEnvironment } from './transform-env.js';
import { TransformConfigError, TransformRunError } from './transform-errors.js';
import {
  parseRunLine,
  parseRunOutput,
  summarizeFailures,
  type ActionOutcome,
} from './transform-run-output.js';

/** Dataset of the raw tables when neither option nor var names one. */
export const DEFAULT_RAW_DATASET = 'hubspot_raw';
/** A whole run may take this long before the CLI is stopped. */
export const DEFAULT_TIMEOUT_MILLIS = 30 * 60_000;

export { TransformConfigError, TransformRunError };
export type { ActionOutcome };

/** Where progress goes; a winston logger fits. */
export interface TransformLogger {
  info(message: string, fields?: object): unknown;
  warn(message: string, fields?: object): unknown;
  error(message: string, fields?: object): unknown;
  debug(message: string, fields?: object): unknown;
}

/** What to run, and where. */
export interface TransformOptions {
  /** Google Cloud project of the datasets (Dataform's defaultDatabase). */
  projectId: string;
  /** BigQuery location of the datasets, for example `US` or `EU`. */
  location: string;
  /** Dataset holding the raw tables; the `raw_dataset` var. */
  rawDataset?: string;
  /**
   * Further Dataform vars. Keys and values may not contain `,` or `=`,
   * which the CLI's `--vars` cannot carry.
   */
  vars?: Record<string, string>;
  /** Rebuild incremental tables from scratch. Default false. */
  fullRefresh?: boolean;
  /**
   * Environment to read BIGQUERY_EMULATOR_HOST and credentials settings
   * from; default `process.env`. Only named variables reach the CLI.
   */
  env?: NodeJS.ProcessEnv;
  /** Dataform project folder; default the project root. */
  projectDir?: string;
  /**
   * Real BigQuery only: a credentials JSON file as written by `dataform
   * init-creds`. Default: a temporary one naming project and location,
   * so the CLI uses Application Default Credentials.
   */
  credentialsFile?: string;
  /** Stops the CLI after this long. Default DEFAULT_TIMEOUT_MILLIS. */
  timeoutMillis?: number;
  /** Receives progress lines. Default: nothing is logged. */
  logger?: TransformLogger;
}

/** A successful run. */
export interface TransformResult {
  /** Every action the CLI reported, in the order it finished them. */
  actions: ActionOutcome[];
  /** Whether BIGQUERY_EMULATOR_HOST was used. */
  local: boolean;
  durationMillis: number;
}

/**
 * Compiles and runs the Dataform project. Resolves when every action
 * succeeded; rejects with TransformConfigError before anything runs when
 * an option is wrong or the project does not compile, and with
 * TransformRunError (naming each failed table or assertion) when the run
 * fails.
 */
export async function runTransform(
  options: TransformOptions,
): Promise<TransformResult> {
  const startedAt = Date.now();
  const logger = options.logger ?? SILENT_LOGGER;
  const projectDir = options.projectDir ?? PROJECT_ROOT;
  const vars = {
    raw_dataset: options.rawDataset ?? DEFAULT_RAW_DATASET,
    ...options.vars,
  };
  checkVars(vars);
  if (options.rawDataset && options.vars?.raw_dataset &&
    options.rawDataset !== options.vars.raw_dataset) {
    throw new TransformConfigError(
      `rawDataset "${options.rawDataset}" and vars.raw_dataset ` +
        `"${options.vars.raw_dataset}" disagree; set only one of them`,
    );
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'transform-'));
  // A signal that ends the process skips `finally`; 'exit' still runs.
  const removeWorkDir = () =>
    fs.rmSync(workDir, { recursive: true, force: true });
  process.once('exit', removeWorkDir);
  try {
    const setup = cliEnvironment({
      env: options.env ?? process.env,
      workDir,
      projectId: options.projectId,
      location: options.location,
      credentialsFile: options.credentialsFile,
    });
    const common = [
      projectDir,
      '--default-database', options.projectId,
      '--default-location', options.location,
      '--vars', Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(','),
    ];
    logger.info('transform starting', {
      target: setup.local ? `emulator ${setup.emulatorHost}` : 'BigQuery',
      projectId: options.projectId,
      location: options.location,
      vars,
      fullRefresh: Boolean(options.fullRefresh),
    });

    logger.info('compiled', await compileForRun(common, setup.env, projectDir));

    const runArgs = ['run', ...common, '--credentials', setup.credentialsFile];
    if (options.fullRefresh) runArgs.push('--full-refresh');
    const run = await runDataformCli(runArgs, {
      env: setup.env,
      cwd: projectDir,
      timeoutMillis: options.timeoutMillis ?? DEFAULT_TIMEOUT_MILLIS,
      onLine: (line) => {
        if (line.trim()) logger.debug(`dataform: ${line}`);
        const finished = parseRunLine(line);
        if (finished) logActionOutcome(logger, finished);
      },
    });
    // Read again in full: failures' error lines follow their header.
    const actions = [
      ...parseRunOutput(run.stdout),
      ...parseRunOutput(run.stderr),
    ];

    const failures = actions.filter((a) => a.status === 'failed');
    if (run.exitCode !== 0 || failures.length > 0) {
      throw new TransformRunError(
        runFailureMessage(run, actions, options.projectId),
        failures,
        run.exitCode,
      );
    }
    const durationMillis = Date.now() - startedAt;
    logger.info('transform finished', {
      actions: actions.length,
      durationMillis,
    });
    return { actions, local: setup.local, durationMillis };
  } finally {
    process.removeListener('exit', removeWorkDir);
    removeWorkDir();
  }
}

const SILENT_LOGGER: TransformLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

function logActionOutcome(logger: TransformLogger, action: ActionOutcome) {
  const what = `${action.tableType ?? action.kind} ${action.target}`;
  if (action.status === 'succeeded') logger.info(`${what} done`);
  else if (action.status === 'skipped') {
    logger.warn(`${what} skipped: an action it depends on failed`);
  } else {
    logger.error(`${what} failed`);
  }
}

function runFailureMessage(
  run: { exitCode: number | null; timedOut: boolean; stderr: string },
  actions: ActionOutcome[],
  projectId: string,
): string {
  if (run.timedOut) {
    return 'the Dataform run did not finish in time and was stopped; ' +
      'raise timeoutMillis (--timeout-minutes) or look for a stuck query';
  }
  const summary = summarizeFailures(actions, projectId);
  if (summary) return `the Dataform run failed: ${summary}`;
  return `the Dataform CLI exited with ${run.exitCode} without naming a ` +
    `failed action: ${lastLines(run.stderr)}`;
}

// Run as a script: hand over to the command line. Not a top-level await,
// because transform-cli imports this module back.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  void import('./transform-cli.js')
    .then(({ main }) => main(process.argv.slice(2)))
    .then((exitCode) => {
      process.exitCode = exitCode;
    });
}
