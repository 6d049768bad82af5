/**
 * Runs one pipeline step (`source-hubspot sync`, the transform) as its own
 * process, the way a scheduler would, with only the variables it needs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { spawnTied } from './parent-death.js';
import { PROJECT_ROOT } from './paths.js';

/** The build output this file belongs to (dist/ normally). */
const BUILD_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)), '..');

/** Compiled entry points of the same build. */
export const ENTRY_POINTS = {
  connector: path.join(BUILD_ROOT, 'connector', 'cli.js'),
  transform: path.join(BUILD_ROOT, 'tools', 'transform.js'),
} as const;

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface StepOptions {
  /** Pass the step's stderr through to ours. */
  echo?: boolean;
  cwd?: string;
  /** Aborting it stops the step with SIGTERM. */
  signal?: AbortSignal;
  /** Kill the step after this long. */
  timeoutMillis?: number;
  /** Resolve on a non-zero exit too, instead of rejecting. */
  acceptFailure?: boolean;
}

/**
 * Runs `node <entry> ...args` (entry: one of ENTRY_POINTS) with `env` on
 * top of PATH and HOME. Rejects on a non-zero exit unless told not to.
 */
export function runStep(
  entry: string,
  args: string[],
  env: Record<string, string>,
  options: StepOptions = {},
): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTied(process.execPath, [entry, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        METADATA_SERVER_DETECTION: 'none',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      killSignal: 'SIGTERM',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMillis ? { timeout: options.timeoutMillis } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code, stdout, stderr };
      if (code === 0 || options.acceptFailure) return resolve(result);
      const tail = stderr.trim().split('\n').slice(-20).join('\n');
      reject(Object.assign(
        new Error(`${path.basename(entry)} ${args.join(' ')} exited with ` +
          `${code}:\n${tail}`),
        { result },
      ));
    });
  });
}
