import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { archiveDeals, generatePortal } from './generate-portal.js';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import { get } from './test-http.js';
import type { PublicObject } from './record-view.js';

describe('GET /crm/v3/objects/{type}', () => {
  let sandbox: Sandbox;
  const portal = generatePortal({ seed: 3, companies: 30, deals: 400 });

  before(async () => {
    sandbox = await startSandbox({ portal, rateLimit: false });
  });
  after(() => sandbox.close());

  async function listAll(path: string): Promise<PublicObject[]> {
    const seen: PublicObject[] = [];
    let next: string | undefined = path;
    while (next) {
      const answer = await get(sandbox.baseUrl, next);
      assert.equal(answer.status, 200, answer.text);
      seen.push(...answer.body.results);
      const cursor: string | undefined = answer.body.paging?.next?.after;
      next = cursor === undefined ? undefined
        : `${path}&after=${encodeURIComponent(cursor)}`;
    }
    return seen;
  }

  it('pages through every live record exactly once, in id order', async () => {
    for (const type of ['deals', 'companies'] as const) {
      const seen = await listAll(`/crm/v3/objects/${type}?limit=37`);
      const expected = portal[type].filter((r) => !r.archived).map((r) => r.id);
      assert.deepEqual(seen.map((r) => r.id), expected);
      assert.ok(seen.every((r) => r.archived === false));
    }
  });

  it('defaults to pages of 10 and gives a link to the next page', async () => {
    const first = await get(sandbox.baseUrl, '/crm/v3/objects/deals');
    assert.equal(first.body.results.length, 10);
    const link = new URL(first.body.paging.next.link);
    assert.equal(link.origin, sandbox.baseUrl);
    const second = await get(sandbox.baseUrl, link.pathname + link.search);
    assert.equal(second.body.results[0].id,
      portal.deals.filter((d) => !d.archived)[10]?.id);
  });

  it('lists only archived records, with archivedAt, for archived=true',
    async () => {
      const seen = await listAll('/crm/v3/objects/deals?archived=true&limit=5');
      const expected = portal.deals.filter((d) => d.archived);
      assert.deepEqual(seen.map((r) => r.id), expected.map((d) => d.id));
      assert.ok(seen.every((r) => r.archived && r.archivedAt));
    });

  it('keeps a cursor valid when the next record is archived meanwhile',
    async () => {
      const local = generatePortal({ seed: 4, companies: 5, deals: 60 });
      const own = await startSandbox({ portal: local, rateLimit: false });
      try {
        const first = await get(own.baseUrl, '/crm/v3/objects/deals?limit=5');
        const live = local.deals.filter((d) => !d.archived);
        archiveDeals(local, [live[5]?.id ?? ''], new Date());
        const cursor = encodeURIComponent(first.body.paging.next.after);
        const second = await get(own.baseUrl,
          `/crm/v3/objects/deals?limit=5&after=${cursor}`);
        assert.equal(second.body.results[0].id, live[6]?.id);
      } finally {
        await own.close();
      }
    });

  it('returns null for requested properties without value and drops unknown',
    async () => {
      const answer = await get(sandbox.baseUrl, '/crm/v3/objects/deals' +
        '?limit=100&properties=amount&properties=closedate,no_such_property');
      for (const record of answer.body.results as PublicObject[]) {
        const stored = portal.deals.find((d) => d.id === record.id);
        assert.deepEqual(Object.keys(record.properties).sort(), ['amount',
          'closedate', 'createdate', 'hs_lastmodifieddate', 'hs_object_id']);
        assert.equal(record.properties.closedate,
          stored?.properties.closedate ?? null);
      }
      assert.ok((answer.body.results as PublicObject[])
        .some((r) => r.properties.closedate === null));
    });

  it("returns HubSpot's default properties when none are requested",
    async () => {
      const answer = await get(sandbox.baseUrl, '/crm/v3/objects/deals?limit=1');
      assert.deepEqual(Object.keys(answer.body.results[0].properties).sort(), [
        'amount', 'closedate', 'createdate', 'dealname', 'dealstage',
        'hs_lastmodifieddate', 'hs_object_id', 'pipeline']);
    });

  it('lists the primary company twice and others once as unlabelled',
    async () => {
      const seen = await listAll(
        '/crm/v3/objects/deals?limit=100&associations=companies');
      for (const record of seen) {
        const links = portal.dealCompanies.get(record.id) ?? [];
        const results = record.associations?.companies?.results ?? [];
        if (links.length === 0) assert.equal(record.associations, undefined);
        for (const link of links) {
          const types = results.filter((r) => r.id === String(link.toObjectId))
            .map((r) => r.type).sort();
          const primary = link.associationTypes.some((t) => t.typeId === 5);
          assert.deepEqual(types, primary
            ? ['deal_to_company', 'deal_to_company_unlabeled']
            : ['deal_to_company_unlabeled']);
        }
      }
    });

  it('answers 400 for limit over 100 and for a cursor it did not issue',
    async () => {
      const tooMany = await get(sandbox.baseUrl,
        '/crm/v3/objects/deals?limit=101');
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.body.category, 'VALIDATION_ERROR');
      const forged = await get(sandbox.baseUrl,
        '/crm/v3/objects/deals?after=12345');
      assert.equal(forged.status, 400);
      assert.match(forged.body.message, /paging\.next\.after/);
    });

  it('accepts HubSpot object type ids as well as names', async () => {
    const byId = await get(sandbox.baseUrl, '/crm/v3/objects/0-3?limit=3');
    const byName = await get(sandbox.baseUrl, '/crm/v3/objects/deals?limit=3');
    assert.deepEqual(byId.body.results, byName.body.results);
  });
});
