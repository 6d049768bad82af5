import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from
  '@hubspot/api-client/lib/codegen/crm/deals/models/Filter.js';

import { generatePortal } from './generate-portal.js';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';

describe('the official @hubspot/api-client against the sandbox', () => {
  let sandbox: Sandbox;
  let client: Client;
  const portal = generatePortal({ seed: 31, companies: 25, deals: 300 });
  const live = portal.deals.filter((d) => !d.archived);

  before(async () => {
    sandbox = await startSandbox({ portal, accessToken: 'client-token' });
    client = new Client({ accessToken: 'client-token',
      basePath: sandbox.baseUrl });
  });
  after(() => sandbox.close());

  it('lists every live deal with its companies through getAll', async () => {
    const deals = await client.crm.deals.getAll(100, undefined,
      ['amount', 'closedate', 'amount_in_home_currency'], undefined,
      ['companies']);
    assert.deepEqual(deals.map((d) => d.id), live.map((d) => d.id));
    assert.ok(deals[0]?.createdAt instanceof Date);

    const linked = deals.find((d) => portal.dealCompanies.has(d.id));
    const primary = portal.dealCompanies.get(linked?.id ?? '')
      ?.find((l) => l.associationTypes.some((t) => t.typeId === 5));
    const types = linked?.associations?.companies?.results
      .filter((r) => r.id === String(primary?.toObjectId)).map((r) => r.type);
    assert.deepEqual(types?.sort(),
      ['deal_to_company', 'deal_to_company_unlabeled']);
  });

  it('reads v4 associations in a batch, including a deal with none',
    async () => {
      const withCompany = live.filter((d) => portal.dealCompanies.has(d.id))
        .slice(0, 5);
      const without = live.find((d) => !portal.dealCompanies.has(d.id));
      const answer = await client.crm.associations.v4.batchApi.getPage(
        'deals', 'companies', { inputs: [...withCompany, without]
          .map((d) => ({ id: d?.id ?? '' })) });

      assert.equal(answer.results.length, 5);
      for (const result of answer.results) {
        const expected = portal.dealCompanies.get(result._from.id);
        assert.deepEqual(result.to.map((t) => Number(t.toObjectId)),
          expected?.map((l) => l.toObjectId).sort((a, b) => a - b));
      }
      assert.ok('errors' in answer && answer.errors?.length === 1);
    });

  it('searches and reads pipelines with the typed APIs', async () => {
    const found = await client.crm.deals.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'hs_is_closed_won',
        operator: FilterOperatorEnum.Eq, value: 'true' }] }],
      sorts: ['closedate'], properties: ['amount'], limit: 50, after: '0',
    });
    assert.equal(found.total, live.filter((d) =>
      d.properties.hs_is_closed_won === 'true').length);

    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('deals');
    assert.deepEqual(pipelines.results.map((p) => p.id),
      portal.pipelines.map((p) => p.id));
  });

  it('surfaces a 401 as an ApiException with HubSpot\'s body', async () => {
    const stranger = new Client({ accessToken: 'wrong',
      basePath: sandbox.baseUrl });
    await assert.rejects(stranger.crm.deals.basicApi.getPage(1),
      (error: { code?: number; body?: { category?: string } }) =>
        error.code === 401 && error.body?.category === 'INVALID_AUTHENTICATION');
  });
});
