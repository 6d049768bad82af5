/**
 * Runs the official Dataform CLI (the bundle in node_modules) as a child
 * process with exactly the environment it is given, and hands each output
 * line to the caller as it arrives.
 */
import path from 'node:path';
import readline from 'node:readline';

import { spawnTied } from './parent-death.js';
import { PROJECT_ROOT } from './paths.js';

/** The CLI entry point, pinned in package.json with @dataform/core. */
export const DATAFORM_CLI_BUNDLE = path.join(
  PROJECT_ROOT, 'node_modules', '@dataform', 'cli', 'bundle.js',
);

/** Which stream a line came from. */
export type CliStream = 'stdout' | 'stderr';

export interface DataformCliOptions {
  /** The complete environment of the child; nothing else is inherited. */
  env: Record<string, string>;
  /** Working directory of the child. */
  cwd: string;
  /** Kills the child when it runs longer than this. */
  timeoutMillis: number;
  /** Called with every output line, without its line break. */
  onLine?: (line: string, stream: CliStream) => void;
}

/** What a finished CLI process left behind. */
export interface DataformCliResult {
  /** Exit code; null when the process was killed. */
  exitCode: number | null;
  /** The signal that killed it, if any. */
  signal: NodeJS.Signals | null;
  /** True when the process outlived `timeoutMillis` and was killed. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bundle.js ...args` with the Node that runs us and resolves
 * when it exits. Never rejects for a non-zero exit; the caller decides.
 */
export function runDataformCli(
  args: readonly string[],
  options: DataformCliOptions,
): Promise<DataformCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTied(process.execPath, [DATAFORM_CLI_BUNDLE, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Record<CliStream, string[]> = { stdout: [], stderr: [] };
    for (const stream of ['stdout', 'stderr'] as const) {
      readline
        .createInterface({ input: child[stream], crlfDelay: Infinity })
        .on('line', (line) => {
          output[stream].push(line);
          options.onLine?.(line, stream);
        });
    }

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeoutMillis);

    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(
        `could not start the Dataform CLI (${DATAFORM_CLI_BUNDLE}): ` +
          `${error.message}. Run \`npm install\` to install @dataform/cli.`,
        { cause: error },
      ));
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        timedOut,
        stdout: output.stdout.join('\n'),
        stderr: output.stderr.join('\n'),
      });
    });
  });
}
