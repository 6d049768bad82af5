import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { generatePortal } from './generate-portal.js';
import { startSandbox } from './server.js';
import type { Sandbox, SandboxOptions } from './server.js';
import { call, get, post } from './test-http.js';

const portal = generatePortal({ seed: 8, companies: 5, deals: 40 });
const DEALS = '/crm/v3/objects/deals';

async function withSandbox(options: Omit<SandboxOptions, 'portal'>,
  run: (sandbox: Sandbox) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({ portal, ...options });
  try {
    await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe('authentication', () => {
  it('answers 401 INVALID_AUTHENTICATION without or with a wrong token',
    () => withSandbox({ accessToken: 'right' }, async ({ baseUrl }) => {
      for (const token of [null, 'wrong']) {
        for (const [method, path] of [['GET', DEALS],
          ['POST', `${DEALS}/search`], ['GET', '/account-info/v3/details']]) {
          const answer = await call(baseUrl, method ?? '', path ?? '',
            method === 'POST' ? {} : undefined, token);
          assert.equal(answer.status, 401);
          assert.equal(answer.body.category, 'INVALID_AUTHENTICATION');
        }
      }
      assert.equal((await call(baseUrl, 'GET', DEALS, undefined, 'right'))
        .status, 200);
    }));

  it('answers 530 instead in malformedToken mode', () =>
    withSandbox({ faults: { malformedToken: true } }, async (sandbox) => {
      const bad = await call(sandbox.baseUrl, 'GET', DEALS, undefined, 'x');
      assert.equal(bad.status, 530);
      assert.equal((await get(sandbox.baseUrl, DEALS)).status, 200);
      sandbox.faults.setMalformedToken(false);
      assert.equal((await call(sandbox.baseUrl, 'GET', DEALS, undefined, 'x'))
        .status, 401);
    }));
});

describe('rate limits', () => {
  it('answers 429 with headers past the ten-second budget, then recovers',
    async () => {
      let now = 1_000_000;
      await withSandbox({ clock: () => now,
        rateLimit: { requestsPerTenSeconds: 3 } }, async ({ baseUrl }) => {
        for (const remaining of ['2', '1', '0']) {
          const answer = await get(baseUrl, DEALS);
          assert.equal(answer.status, 200);
          assert.equal(answer.headers.get('x-hubspot-ratelimit-max'), '3');
          assert.equal(answer.headers.get('x-hubspot-ratelimit-remaining'),
            remaining);
          assert.equal(answer.headers.get(
            'x-hubspot-ratelimit-interval-milliseconds'), '10000');
          now += 1000;
        }
        const limited = await get(baseUrl, DEALS);
        assert.equal(limited.status, 429);
        assert.equal(limited.body.errorType, 'RATE_LIMIT');
        assert.equal(limited.body.policyName, 'TEN_SECONDLY_ROLLING');
        assert.equal(limited.headers.get('retry-after'), '7');
        assert.equal(limited.headers.get('x-hubspot-ratelimit-remaining'), '0');

        now += 7000;
        assert.equal((await get(baseUrl, DEALS)).status, 200);
      });
    });

  it('gives search its own per-second budget', async () => {
    let now = 5_000_000;
    await withSandbox({ clock: () => now,
      rateLimit: { requestsPerTenSeconds: 100, searchPerSecond: 2 } },
    async ({ baseUrl }) => {
      const search = () => post(baseUrl, `${DEALS}/search`, { limit: 1 });
      assert.equal((await search()).status, 200);
      assert.equal((await search()).status, 200);
      const limited = await search();
      assert.equal(limited.status, 429);
      assert.equal(limited.body.policyName, 'SECONDLY');
      assert.equal(limited.body.message, 'You have reached your secondly limit.');
      assert.equal((await get(baseUrl, DEALS)).status, 200);
      now += 1000;
      assert.equal((await search()).status, 200);
    });
  });

  it('can be switched off', () =>
    withSandbox({ rateLimit: false }, async ({ baseUrl }) => {
      const answers = await Promise.all(Array.from({ length: 250 },
        () => get(baseUrl, '/account-info/v3/details')));
      assert.ok(answers.every((a) => a.status === 200));
      assert.equal(answers[0]?.headers.get('x-hubspot-ratelimit-max'), null);
    }));
});

describe('faults', () => {
  it('fails the next N requests under a path prefix, then serves again',
    () => withSandbox({}, async (sandbox) => {
      sandbox.faults.failNext(2, 503, DEALS);
      assert.equal((await get(sandbox.baseUrl, '/crm/v3/pipelines/deals'))
        .status, 200);
      const failed = await get(sandbox.baseUrl, DEALS);
      assert.equal(failed.status, 503);
      assert.match(failed.headers.get('content-type') ?? '', /text\/html/);
      assert.equal((await get(sandbox.baseUrl, DEALS)).status, 503);
      assert.equal((await get(sandbox.baseUrl, DEALS)).status, 200);
    }));

  it('fails with HubSpot bodies for 500 and 429', () =>
    withSandbox({ faults: { failures: [{ count: 1, status: 500 },
      { count: 1, status: 429 }] } }, async ({ baseUrl }) => {
      const first = await get(baseUrl, DEALS);
      assert.equal(first.status, 500);
      assert.equal(first.body.category, 'INTERNAL_ERROR');
      const second = await get(baseUrl, DEALS);
      assert.equal(second.status, 429);
      assert.equal(second.body.policyName, 'TEN_SECONDLY_ROLLING');
      assert.equal(second.headers.get('retry-after'), '1');
      assert.equal((await get(baseUrl, DEALS)).status, 200);
    }));

  it('adds latency until cleared', () =>
    withSandbox({}, async (sandbox) => {
      sandbox.faults.setLatency(150);
      const started = performance.now();
      await get(sandbox.baseUrl, DEALS);
      assert.ok(performance.now() - started >= 140);
      sandbox.faults.clear();
      assert.equal(sandbox.faults.latencyMillis, 0);
    }));
});

describe('sandbox housekeeping', () => {
  it('records method, path and status of every request', () =>
    withSandbox({}, async (sandbox) => {
      await get(sandbox.baseUrl, `${DEALS}?limit=1`);
      await post(sandbox.baseUrl, `${DEALS}/search`, { limit: 1 });
      await call(sandbox.baseUrl, 'GET', '/nowhere', undefined, null);
      await get(sandbox.baseUrl, '/nowhere');
      assert.deepEqual(sandbox.requests, [
        { method: 'GET', path: DEALS, status: 200 },
        { method: 'POST', path: `${DEALS}/search`, status: 200 },
        { method: 'GET', path: '/nowhere', status: 401 },
        { method: 'GET', path: '/nowhere', status: 404 },
      ]);
    }));

  it('listens on 127.0.0.1 and closes twice without error', async () => {
    const sandbox = await startSandbox({ portal });
    assert.match(sandbox.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    await sandbox.close();
    await sandbox.close();
  });
});
