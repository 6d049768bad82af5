import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  archiveDeals, generatePortal, modifyDeals, relinkDeal,
} from './generate-portal.js';
import { findStage } from './generate-pipelines.js';
import { startSandbox } from './server.js';
import { get, post } from './test-http.js';

const AT = new Date('2026-12-01T09:30:00.000Z');
const fresh = () => generatePortal({ seed: 12, companies: 15, deals: 200 });

describe('modifyDeals', () => {
  it('changes count live deals, moving their modified time to `at`', () => {
    const portal = fresh();
    const before = structuredClone(portal.deals);
    const ids = modifyDeals(portal, { count: 25, seed: 1, at: AT });

    assert.equal(ids.length, 25);
    assert.deepEqual(ids, [...ids].sort((a, b) => Number(a) - Number(b)));
    for (const deal of portal.deals) {
      const old = before.find((d) => d.id === deal.id);
      if (!ids.includes(deal.id)) {
        assert.deepEqual(deal, old);
        continue;
      }
      assert.equal(deal.archived, false);
      assert.equal(deal.updatedAt, AT.toISOString());
      assert.equal(deal.properties.hs_lastmodifieddate, AT.toISOString());
      assert.ok(deal.properties.amount !== old?.properties.amount ||
        deal.properties.dealstage !== old?.properties.dealstage, deal.id);
    }
  });

  it('keeps stage flags, close dates and home amounts consistent', () => {
    const portal = fresh();
    const wasOpen = new Set(portal.deals.filter((d) =>
      d.properties.hs_is_closed === 'false').map((d) => d.id));
    const ids = modifyDeals(portal, { count: 120, seed: 2, at: AT });
    const home = portal.account.companyCurrency;
    for (const deal of portal.deals.filter((d) => ids.includes(d.id))) {
      const p = deal.properties;
      if (wasOpen.has(deal.id) && p.hs_is_closed === 'true') {
        assert.ok(p.closedate, `deal ${deal.id} closed without a close date`);
      }
      const stage = findStage(portal.pipelines, p.dealstage);
      assert.equal(p.hs_is_closed, stage?.metadata.isClosed);
      assert.equal(p.hs_is_closed_won, String(stage?.metadata.isClosed ===
        'true' && stage.metadata.probability === '1.0'));
      if (p.deal_currency_code === home && p.amount_in_home_currency) {
        assert.equal(p.amount_in_home_currency, p.amount);
      }
    }
  });

  it('is deterministic per seed and refuses more deals than are live', () => {
    const a = fresh();
    const b = fresh();
    assert.deepEqual(modifyDeals(a, { count: 10, seed: 3, at: AT }),
      modifyDeals(b, { count: 10, seed: 3, at: AT }));
    assert.deepEqual(a, b);
    assert.throws(() => modifyDeals(a, { count: 10_000, seed: 1, at: AT }),
      /count must be 0\.\./);
  });
});

describe('archiveDeals and relinkDeal', () => {
  it('archives without moving updatedAt, and the server follows', async () => {
    const portal = fresh();
    const deal = portal.deals.find((d) => !d.archived);
    assert.ok(deal);
    const updatedAt = deal.updatedAt;
    const sandbox = await startSandbox({ portal, rateLimit: false });
    try {
      archiveDeals(portal, [deal.id], AT);
      assert.equal(deal.updatedAt, updatedAt);
      assert.equal(deal.archivedAt, AT.toISOString());
      const archived = await get(sandbox.baseUrl,
        '/crm/v3/objects/deals?archived=true&limit=100');
      assert.ok(archived.body.results.some(
        (r: { id: string }) => r.id === deal.id));
      const search = await post(sandbox.baseUrl,
        '/crm/v3/objects/deals/search', { filterGroups: [{ filters: [{
          propertyName: 'hs_object_id', operator: 'EQ', value: deal.id }] }] });
      assert.equal(search.body.total, 0);
    } finally {
      await sandbox.close();
    }
  });

  it('relinks companies without moving updatedAt', () => {
    const portal = fresh();
    const deal = portal.deals[0];
    const [first, second] = portal.companies;
    assert.ok(deal && first && second);
    const updatedAt = deal.updatedAt;

    relinkDeal(portal, deal.id, [second.id, first.id], second.id);
    const links = portal.dealCompanies.get(deal.id) ?? [];
    assert.deepEqual(links.map((l) => l.toObjectId),
      [Number(first.id), Number(second.id)]);
    assert.deepEqual(links[1]?.associationTypes.map((t) => t.typeId), [5, 341]);
    assert.deepEqual(links[0]?.associationTypes.map((t) => t.typeId), [341]);
    assert.equal(deal.updatedAt, updatedAt);

    relinkDeal(portal, deal.id, [first.id], undefined);
    assert.deepEqual(portal.dealCompanies.get(deal.id)?.[0]?.associationTypes
      .map((t) => t.label), [null]);
    relinkDeal(portal, deal.id, [], undefined);
    assert.equal(portal.dealCompanies.has(deal.id), false);
  });

  it('refuses a primary that is not linked, and unknown deals', () => {
    const portal = fresh();
    const deal = portal.deals[0];
    const [first, second] = portal.companies;
    assert.throws(() => relinkDeal(portal, deal?.id ?? '', [first?.id ?? ''],
      second?.id), /primary company/);
    assert.throws(() => archiveDeals(portal, ['1'], AT), /no deal with id 1/);
  });
});
