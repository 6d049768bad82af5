/**
 * Starts and stops the local BigQuery emulator (bqemulator from PyPI, in
 * the project's .venv) on a free loopback port.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { waitForRestPort } from './emulator-startup.js';
import { spawnTied } from './parent-death.js';
import { PROJECT_ROOT } from './paths.js';

const BQEMULATOR_BIN = path.join(PROJECT_ROOT, '.venv', 'bin', 'bqemulator');
const DUCKDB_HOME = path.join(PROJECT_ROOT, '.venv', 'duckdb-home');
const STOP_GRACE_MILLIS = 5_000;

/** A running emulator and the addresses clients use to reach it. */
export interface Emulator {
  /** Project id the emulator answers for. */
  readonly projectId: string;
  /** `http://127.0.0.1:PORT`, the client's `apiEndpoint`. */
  readonly apiEndpoint: string;
  /** `http://127.0.0.1:PORT/bigquery/v2`, the BIGQUERY_EMULATOR_HOST value. */
  readonly emulatorHost: string;
  /** Environment that points our client and the Dataform CLI at it. */
  readonly env: Record<string, string>;
  /** Where its own log lines go. */
  readonly logFile: string;
  /** Stops the process and removes its temporary data. Idempotent. */
  stop(): Promise<void>;
}

export interface StartEmulatorOptions {
  projectId?: string;
  /** Keep the emulator's log here instead of a temporary file. */
  logFile?: string;
}

/**
 * Starts bqemulator in ephemeral mode and resolves once its REST port is
 * listening. The process is killed if the Node process exits first.
 */
export async function startEmulator(
  options: StartEmulatorOptions = {},
): Promise<Emulator> {
  if (!fs.existsSync(BQEMULATOR_BIN)) {
    throw new Error(
      `the BigQuery emulator is not installed at ${BQEMULATOR_BIN}; ` +
        'run `npm install` (it creates .venv)',
    );
  }
  const projectId = options.projectId ?? 'local-project';
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqemulator-'));
  const logFile = options.logFile ?? path.join(workDir, 'emulator.log');
  // Output goes straight to the file, not through a pipe: an emulator
  // whose pipe fills while our event loop is busy would stall.
  const logFd = fs.openSync(logFile, 'a');

  const child = spawnTied(
    BQEMULATOR_BIN,
    [
      'start',
      '--rest-host', '127.0.0.1',
      '--rest-port', '0',
      '--grpc-host', '127.0.0.1',
      '--grpc-port', '0',
      '--ephemeral',
      '--project', projectId,
      '--log-format', 'json',
      '--log-level', 'info',
    ],
    {
      cwd: workDir,
      env: emulatorProcessEnv(),
      // Same process group as ours: Ctrl-C in a terminal reaches it too.
      stdio: ['ignore', logFd, logFd],
    },
  );
  fs.closeSync(logFd);
  const killOnExit = () => kill(child, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      await terminate(child);
      fs.rmSync(workDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    const port = await waitForRestPort(child, logFile);
    const apiEndpoint = `http://127.0.0.1:${port}`;
    const emulatorHost = `${apiEndpoint}/bigquery/v2`;
    return {
      projectId,
      apiEndpoint,
      emulatorHost,
      logFile,
      env: {
        BIGQUERY_EMULATOR_HOST: emulatorHost,
        BIGQUERY_PROJECT: projectId,
        METADATA_SERVER_DETECTION: 'none',
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// HOME points DuckDB at the extension folder prepared by scripts/setup.mjs.
// Telemetry exporters stay off so nothing tries to leave the machine.
function emulatorProcessEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: DUCKDB_HOME,
    OTEL_SDK_DISABLED: 'true',
    OTEL_TRACES_EXPORTER: 'none',
    OTEL_METRICS_EXPORTER: 'none',
    OTEL_LOGS_EXPORTER: 'none',
    PYTHONUNBUFFERED: '1',
  };
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  kill(child, 'SIGTERM');
  const timer = setTimeout(() => kill(child, 'SIGKILL'), STOP_GRACE_MILLIS);
  await exited;
  clearTimeout(timer);
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    child.kill(signal);
  } catch {
    // Already gone.
  }
}
