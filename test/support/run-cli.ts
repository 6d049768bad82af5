/**
 * Runs the built `source-hubspot` CLI as a user would, and collects its
 * stdout lines and exit code.
 */
import { ENTRY_POINTS, runStep } from '../../tools/run-step.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed line by line; throws if a line is not JSON. */
  messages(): Array<Record<string, any>>;
}

/** Runs `source-hubspot ...args` with `env`; resolves whatever the exit. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMillis = 120_000,
): Promise<CliResult> {
  const result = await runStep(ENTRY_POINTS.connector, args, env,
    { acceptFailure: true, timeoutMillis });
  return {
    ...result,
    messages: () => result.stdout.split('\n').filter(Boolean).map(
      (line, i) => {
        try {
          return JSON.parse(line) as Record<string, any>;
        } catch {
          throw new Error(`stdout line ${i + 1} is not JSON: ${line}`);
        }
      }),
  };
}
