/**
 * Waits for bqemulator to listen, by reading its log: the port it picked,
 * or why it did not start.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const START_TIMEOUT_MILLIS = 60_000;
const POLL_MILLIS = 100;

/**
 * Resolves with the REST port once the log names it; rejects with the
 * log's tail when the emulator exits, times out, or tried to download a
 * DuckDB extension (which must never happen offline).
 */
export function waitForRestPort(
  child: ChildProcess,
  logFile: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const finish = (error?: Error, port?: number) => {
      clearInterval(poll);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(port ?? 0);
    };
    const fail = (why: string) => {
      const tail = readLog(logFile).split('\n').slice(-12).join('\n');
      finish(new Error(`BigQuery emulator ${why}. Its last output:\n${tail}`));
    };
    const poll = setInterval(() => {
      const output = readLog(logFile);
      const line = output.split('\n').find((l) => l.includes('rest.listen'));
      const port = line && /"port": ?(\d+)/.exec(line)?.[1];
      if (port && /Failed to download extension/.test(output)) {
        // Offline by design: a download attempt means the extension copies
        // made by scripts/setup.mjs are missing or of another DuckDB.
        fail('tried to download a DuckDB extension; run `npm install` ' +
          'to install the extensions from PyPI into .venv');
      } else if (port) {
        finish(undefined, Number(port));
      } else if (Date.now() - startedAt > START_TIMEOUT_MILLIS) {
        fail(`did not listen within ${START_TIMEOUT_MILLIS} ms`);
      }
    }, POLL_MILLIS);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited during start-up (code ${code}, signal ${signal})`);
    child.once('exit', onExit);
    child.once('error', (error) => fail(`could not start: ${error.message}`));
  });
}

function readLog(logFile: string): string {
  try {
    return fs.readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}
