import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  backoffMillis,
  DEFAULT_RETRY_POLICY,
} from '../../../connector/hubspot/retry-policy.js';
import { Throttle } from '../../../connector/hubspot/throttle.js';

describe('retry policy', () => {
  it('honours Retry-After in seconds', () => {
    assert.equal(backoffMillis(DEFAULT_RETRY_POLICY, 1, '3'), 3000);
  });

  it('caps Retry-After at the maximum delay', () => {
    assert.equal(backoffMillis(DEFAULT_RETRY_POLICY, 1, '3600'),
      DEFAULT_RETRY_POLICY.maxDelayMillis);
  });

  it('doubles the delay per attempt, within jitter bounds', () => {
    const base = DEFAULT_RETRY_POLICY.baseDelayMillis;
    assert.equal(backoffMillis(DEFAULT_RETRY_POLICY, 1, null, () => 1), base);
    assert.equal(backoffMillis(DEFAULT_RETRY_POLICY, 3, null, () => 1), base * 4);
    assert.equal(backoffMillis(DEFAULT_RETRY_POLICY, 3, null, () => 0), base * 2);
  });
});

describe('throttle', () => {
  it('waits for the window to slide once the budget is spent', async () => {
    let now = 0;
    const slept: number[] = [];
    const throttle = new Throttle(2, 1000, async (millis) => {
      slept.push(millis);
      now += millis;
    }, () => now);
    await throttle.acquire();
    await throttle.acquire();
    assert.deepEqual(slept, []);
    await throttle.acquire();
    assert.equal(slept.length, 1);
    assert.ok(now >= 1000, `third request went out at ${now} ms`);
  });
});
