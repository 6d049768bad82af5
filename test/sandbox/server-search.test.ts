import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { generatePortal } from './generate-portal.js';
import type { CrmRecord } from './portal-types.js';
import type { PublicObject } from './record-view.js';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import { post } from './test-http.js';

const SEARCH = '/crm/v3/objects/deals/search';

describe('POST /crm/v3/objects/{type}/search', () => {
  let sandbox: Sandbox;
  const portal = generatePortal({ seed: 21, companies: 20, deals: 500 });
  const live = portal.deals.filter((d) => !d.archived);

  before(async () => {
    sandbox = await startSandbox({ portal, rateLimit: false });
  });
  after(() => sandbox.close());

  async function searchAll(body: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    let afterOffset: string | undefined;
    do {
      const answer = await post(sandbox.baseUrl, SEARCH,
        { ...body, limit: 200, ...(afterOffset ? { after: afterOffset } : {}) });
      assert.equal(answer.status, 200, answer.text);
      ids.push(...answer.body.results.map((r: PublicObject) => r.id));
      afterOffset = answer.body.paging?.next?.after;
    } while (afterOffset);
    return ids;
  }

  const idsOf = (records: CrmRecord[]): string[] => records.map((r) => r.id);
  const filter = (propertyName: string, operator: string,
    extra: Record<string, unknown> = {}) => ({
    filterGroups: [{ filters: [{ propertyName, operator, ...extra }] }],
  });

  it('filters datetimes by epoch milliseconds or ISO strings alike',
    async () => {
      const since = Date.parse('2026-06-01T00:00:00Z');
      const expected = idsOf(live.filter((d) =>
        Date.parse(d.properties.hs_lastmodifieddate ?? '') >= since));
      assert.ok(expected.length > 0);
      assert.deepEqual(await searchAll(filter('hs_lastmodifieddate', 'GTE',
        { value: String(since) })), expected);
      assert.deepEqual(await searchAll(filter('hs_lastmodifieddate', 'GTE',
        { value: '2026-06-01T00:00:00.000Z' })), expected);
    });

  it('never returns archived deals and pages by offset over the total',
    async () => {
      const first = await post(sandbox.baseUrl, SEARCH, { limit: 7 });
      assert.equal(first.body.total, live.length);
      assert.equal(first.body.paging.next.after, '7');
      assert.deepEqual(await searchAll({}), idsOf(live));
    });

  it('compares numbers numerically and skips amounts that are not numbers',
    async () => {
      const expected = idsOf(live.filter((d) => {
        const amount = Number(d.properties.amount);
        return d.properties.amount && amount >= 1000 && amount <= 5000;
      }));
      assert.deepEqual(await searchAll(filter('amount', 'BETWEEN',
        { value: '1000', highValue: '5000' })), expected);
      const withAmount = await searchAll(filter('amount', 'HAS_PROPERTY'));
      const without = await searchAll(filter('amount', 'NOT_HAS_PROPERTY'));
      assert.equal(withAmount.length + without.length, live.length);
      assert.ok(without.every((id) => {
        const amount = live.find((d) => d.id === id)?.properties.amount;
        return amount === null || amount === '';
      }));
    });

  it('ANDs filters within a group and ORs groups', async () => {
    const body = { filterGroups: [
      { filters: [
        { propertyName: 'pipeline', operator: 'EQ', value: 'default' },
        { propertyName: 'dealstage', operator: 'IN',
          values: ['closedwon', 'closedlost'] },
      ] },
      { filters: [{ propertyName: 'hs_is_closed', operator: 'NEQ',
        value: 'true' }] },
    ] };
    const expected = idsOf(live.filter((d) => (d.properties.pipeline ===
      'default' && ['closedwon', 'closedlost'].includes(
      d.properties.dealstage ?? '')) || d.properties.hs_is_closed !== 'true'));
    assert.deepEqual(await searchAll(body), expected);
    const notIn = await searchAll(filter('dealstage', 'NOT_IN',
      { values: ['closedwon'] }));
    assert.equal(notIn.length, live.filter((d) =>
      d.properties.dealstage !== 'closedwon').length);
  });

  it('sorts by one property, ties by id, missing values last', async () => {
    const answer = await post(sandbox.baseUrl, SEARCH, { limit: 200,
      sorts: [{ propertyName: 'closedate', direction: 'DESCENDING' }],
      properties: ['closedate'] });
    const dates = (answer.body.results as PublicObject[])
      .map((r) => Date.parse(r.properties.closedate ?? ''));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));

    const ascending = await searchAll({ sorts: [{ propertyName: 'closedate',
      direction: 'ASCENDING' }] });
    const tail = ascending.slice(-3).map((id) =>
      live.find((d) => d.id === id)?.properties.closedate);
    assert.deepEqual(tail, [null, null, null]);
  });

  it('enforces limits on filter groups, filters, sorts and page size',
    async () => {
      const eq = { propertyName: 'pipeline', operator: 'EQ', value: 'default' };
      const group = (size: number) => ({ filters: Array(size).fill(eq) });
      const bodies = [
        { filterGroups: Array(6).fill(group(1)) },
        { filterGroups: [group(7)] },
        { filterGroups: Array(4).fill(group(5)) },
        { sorts: [{ propertyName: 'amount' }, { propertyName: 'closedate' }] },
        { limit: 201 },
        filter('amount', 'CONTAINS_TOKEN', { value: '1' }),
        filter('no_such_property', 'EQ', { value: '1' }),
        filter('closedate', 'GT', { value: 'yesterday' }),
      ];
      for (const body of bodies) {
        const answer = await post(sandbox.baseUrl, SEARCH, body);
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.equal(answer.body.category, 'VALIDATION_ERROR');
      }
      const most = await post(sandbox.baseUrl, SEARCH,
        { filterGroups: [group(6), group(6), group(6)] });
      assert.equal(most.status, 200);
    });

  it('stops at 10,000 results with a 400 past the cap', async () => {
    const big = generatePortal({ seed: 2, companies: 5, deals: 10_400 });
    const own = await startSandbox({ portal: big, rateLimit: false });
    try {
      const total = big.deals.filter((d) => !d.archived).length;
      assert.ok(total > 10_000);
      const last = await post(own.baseUrl, SEARCH, { limit: 200,
        after: '9900' });
      assert.equal(last.status, 200);
      assert.equal(last.body.total, total);
      assert.equal(last.body.results.length, 100);
      assert.equal(last.body.paging.next.after, '10000');
      const past = await post(own.baseUrl, SEARCH, { limit: 200,
        after: '10000' });
      assert.equal(past.status, 400);
      assert.match(past.body.message, /10000/);
    } finally {
      await own.close();
    }
  });

  it('answers 400 for a body that is not JSON', async () => {
    const answer = await post(sandbox.baseUrl, SEARCH, '{"filterGroups": [');
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /Invalid input JSON/);
  });
});
