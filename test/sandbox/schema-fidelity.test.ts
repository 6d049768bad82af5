import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { generatePortal } from './generate-portal.js';
import { openApiChecker } from './openapi-schemas.js';
import type { SchemaCheck } from './openapi-schemas.js';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import { call, get, post } from './test-http.js';

const deals = openApiChecker('crm-deals-v3.json');
const companies = openApiChecker('crm-companies-v3.json');
const associations = openApiChecker('crm-associations-v4.json');
const pipelines = openApiChecker('crm-pipelines-v3.json');
const properties = openApiChecker('crm-properties-v3.json');
const account = openApiChecker('account-info-v3.json');

function assertValid(check: SchemaCheck, schema: string, body: unknown): void {
  assert.equal(check(schema, body), null, `${schema}: ${JSON.stringify(body)
    .slice(0, 300)}`);
}

describe('wire format against the reference OpenAPI schemas', () => {
  let sandbox: Sandbox;
  const portal = generatePortal({ seed: 11, companies: 20, deals: 150 });
  const noCompany = portal.deals.find((d) =>
    !d.archived && !portal.dealCompanies.has(d.id));
  const withCompany = portal.deals.find((d) => portal.dealCompanies.has(d.id));

  before(async () => {
    sandbox = await startSandbox({ portal,
      rateLimit: { requestsPerTenSeconds: 30, searchPerSecond: 1 } });
  });
  after(() => sandbox.close());

  it('serves a deal list page, with null for requested empty properties',
    async () => {
      const answer = await get(sandbox.baseUrl, '/crm/v3/objects/deals' +
        '?limit=100&properties=amount,closedate,amount_in_home_currency');
      assert.equal(answer.status, 200);
      assertValid(deals,
        'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging',
        answer.body);
      assert.ok(answer.body.results.some(
        (r: { properties: Record<string, unknown> }) =>
          r.properties.amount_in_home_currency === null));
    });

  it('serves companies and deals with associations', async () => {
    const name =
      'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging';
    const dealPage = await get(sandbox.baseUrl,
      '/crm/v3/objects/deals?limit=50&associations=companies');
    assertValid(deals, name, dealPage.body);
    assert.ok(dealPage.body.results.some(
      (r: { associations?: unknown }) => r.associations));
    const companyPage = await get(sandbox.baseUrl,
      '/crm/v3/objects/companies?limit=5&associations=deals');
    assertValid(companies, name, companyPage.body);
  });

  it('serves archived deals with archivedAt', async () => {
    const answer = await get(sandbox.baseUrl,
      '/crm/v3/objects/deals?archived=true&limit=100');
    assertValid(deals,
      'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging',
      answer.body);
    assert.ok(answer.body.results.length > 0);
  });

  it('serves search results with a total', async () => {
    const answer = await post(sandbox.baseUrl, '/crm/v3/objects/deals/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_is_closed_won',
        operator: 'EQ', value: 'true' }] }],
      sorts: [{ propertyName: 'closedate', direction: 'DESCENDING' }],
      properties: ['amount', 'closedate'], limit: 20,
    });
    assertValid(deals, 'CollectionResponseWithTotalSimplePublicObject',
      answer.body);
  });

  it('serves v4 batch reads, 207 with errors for a deal without company',
    async () => {
      const mixed = await post(sandbox.baseUrl,
        '/crm/v4/associations/deals/companies/batch/read',
        { inputs: [{ id: withCompany?.id }, { id: noCompany?.id }] });
      assert.equal(mixed.status, 207);
      assertValid(associations,
        'BatchResponsePublicAssociationMultiWithLabelWithErrors', mixed.body);
      assert.equal(typeof mixed.body.results[0].to[0].toObjectId, 'number');
      assert.deepEqual(mixed.body.errors[0].context.fromObjectId,
        [noCompany?.id]);

      const complete = await post(sandbox.baseUrl,
        '/crm/v4/associations/deals/companies/batch/read',
        { inputs: [{ id: withCompany?.id }] });
      assert.equal(complete.status, 200);
      assertValid(associations, 'BatchResponsePublicAssociationMultiWithLabel',
        complete.body);
    });

  it('needs the documented relaxations and no others', async () => {
    const answer = await post(sandbox.baseUrl,
      '/crm/v4/associations/deals/companies/batch/read',
      { inputs: [{ id: withCompany?.id }] });
    const strict = openApiChecker('crm-associations-v4.json', { relax: false });
    assert.match(strict('BatchResponsePublicAssociationMultiWithLabel',
      answer.body) ?? '', /toObjectId|label/);
  });

  it('serves pipelines, properties and account details', async () => {
    assertValid(pipelines, 'CollectionResponsePipelineNoPaging',
      (await get(sandbox.baseUrl, '/crm/v3/pipelines/deals')).body);
    for (const type of ['deals', 'companies']) {
      assertValid(properties, 'CollectionResponsePropertyNoPaging',
        (await get(sandbox.baseUrl, `/crm/v3/properties/${type}`)).body);
    }
    assertValid(account, 'PortalInformationResponse',
      (await get(sandbox.baseUrl, '/account-info/v3/details')).body);
  });

  it('answers 400, 401, 404 and 429 with HubSpot error bodies', async () => {
    const bad = await get(sandbox.baseUrl, '/crm/v3/objects/deals?limit=500');
    assert.equal(bad.status, 400);
    assertValid(deals, 'Error', bad.body);

    const anonymous = await call(sandbox.baseUrl, 'GET',
      '/crm/v3/objects/deals', undefined, null);
    assert.equal(anonymous.status, 401);
    assertValid(deals, 'Error', anonymous.body);

    const missing = await get(sandbox.baseUrl, '/crm/v3/objects/tickets/x/y');
    assert.equal(missing.status, 404);
    assertValid(deals, 'Error', missing.body);

    const search = () => post(sandbox.baseUrl,
      '/crm/v3/objects/companies/search', { limit: 1 });
    const answers = await Promise.all([search(), search(), search()]);
    const limited = answers.find((a) => a.status === 429);
    assert.ok(limited, 'one search per second should be exceeded');
    assertValid(deals, 'Error', limited.body);
  });
});
