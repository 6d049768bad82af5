import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

describe('sandbox CLI', () => {
  it('prints only the base URL, logs requests to stderr, stops on SIGTERM',
    async () => {
      const child = spawn(process.execPath, [MAIN, '--port', '0', '--seed',
        '5', '--deals', '50', '--companies', '5', '--token', 'cli-token'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => { stderr += String(chunk); });
      try {
        const lines = createInterface({ input: child.stdout });
        const [baseUrl] = (await once(lines, 'line')) as [string];
        assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);

        const answer = await fetch(`${baseUrl}/account-info/v3/details`,
          { headers: { authorization: 'Bearer cli-token' } });
        assert.equal(answer.status, 200);
        await answer.text();

        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        assert.equal(code, 0);
        assert.match(stderr, /200 GET \/account-info\/v3\/details/);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
});
