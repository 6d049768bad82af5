/**
 * Runs the built `source-hubspot` CLI as a user would, and collects its
 * stdout lines and exit code.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled CLI beside this compiled test support file. */
export const CLI_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)), '..', '..',
  'connector', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed line by line; throws if a line is not JSON. */
  messages(): Array<Record<string, any>>;
}

/** Runs `source-hubspot ...args` with only PATH and `env`. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMillis = 120_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { PATH: process.env.PATH ?? '', METADATA_SERVER_DETECTION: 'none',
        ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`source-hubspot ${args[0]} timed out; stderr:\n${stderr}`));
    }, timeoutMillis);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        messages: () => stdout.split('\n').filter(Boolean).map((line, i) => {
          try {
            return JSON.parse(line);
          } catch {
            throw new Error(`stdout line ${i + 1} is not JSON: ${line}`);
          }
        }),
      });
    });
  });
}
