import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';

import { generatePortal } from './generate-portal.js';
import { findStage } from './generate-pipelines.js';
import { censusOf, isLocalMonthEnd, isLocalMonthStart } from './portal-census.js';
import { toLocalTime, utcOffsetMillis } from './zoned-time.js';

const portal = generatePortal({ seed: 42 });
const census = censusOf(portal);

describe('generatePortal', () => {
  it('gives a deep-equal portal for the same seed', () => {
    assert.deepEqual(generatePortal({ seed: 42 }), portal);
  });

  it('gives a different portal for a different seed', () => {
    assert.notDeepEqual(generatePortal({ seed: 43 }), portal);
  });

  it('does not depend on the real clock', () => {
    const small = { seed: 5, companies: 10, deals: 80 };
    const today = generatePortal(small);
    mock.timers.enable({ apis: ['Date'], now: Date.parse('2031-01-01') });
    try {
      assert.deepEqual(generatePortal(small), today);
    } finally {
      mock.timers.reset();
    }
  });

  it('defaults to 200 companies and 2,000 deals', () => {
    assert.equal(portal.companies.length, 200);
    assert.equal(portal.deals.length, 2000);
  });

  it('picks a non-UTC time zone and currencies by seed', () => {
    const zones = new Set<string>();
    for (let seed = 0; seed < 12; seed++) {
      const { account } = generatePortal({ seed, companies: 1, deals: 0 });
      assert.notEqual(account.timeZone, 'UTC');
      assert.ok(account.additionalCurrencies.length >= 2);
      assert.ok(!account.additionalCurrencies
        .includes(account.companyCurrency));
      zones.add(account.timeZone);
    }
    assert.ok(zones.size >= 2, `only ${[...zones].join()} across 12 seeds`);
  });

  it('keeps ids, hs_object_id, createdate and modified time consistent', () => {
    for (const records of [portal.companies, portal.deals]) {
      const ids = records.map((r) => Number(r.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      assert.equal(new Set(ids).size, ids.length);
      for (const record of records) {
        assert.equal(record.properties.hs_object_id, record.id);
        assert.equal(record.properties.createdate, record.createdAt);
        assert.equal(record.properties.hs_lastmodifieddate, record.updatedAt);
        assert.ok(record.createdAt <= record.updatedAt, record.id);
      }
    }
  });

  it('has a default pipeline with HubSpot stage ids and a custom one', () => {
    const [standard, custom] = portal.pipelines;
    assert.equal(standard?.id, 'default');
    assert.deepEqual(standard?.stages.map((s) => s.id), [
      'appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled',
      'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost']);
    assert.ok(custom?.stages.every((s) => /^\d{8}$/.test(s.id)));
    const won = custom?.stages.filter((s) => s.metadata.probability === '1.0');
    assert.equal(won?.length, 1);
    assert.equal(won?.[0]?.metadata.isClosed, 'true');
  });

  it('sets hs_is_closed_won and hs_is_closed from stage metadata', () => {
    for (const deal of portal.deals) {
      const stage = findStage(portal.pipelines, deal.properties.dealstage);
      const pipeline = portal.pipelines
        .find((p) => p.id === deal.properties.pipeline);
      assert.ok(stage && pipeline?.stages.includes(stage), deal.id);
      const won = stage.metadata.isClosed === 'true' &&
        stage.metadata.probability === '1.0';
      assert.equal(deal.properties.hs_is_closed_won, String(won));
      assert.equal(deal.properties.hs_is_closed, stage.metadata.isClosed);
    }
  });

  it('holds every money edge case', () => {
    assert.ok(census.homeCurrencyDeals > census.liveDeals / 2);
    for (const key of ['otherCurrencyWithHomeAmount',
      'otherCurrencyWithoutHomeAmount', 'emptyAmount', 'nullAmount',
      'nonNumericAmount', 'wonWithoutCloseDate'] as const) {
      assert.ok(census[key] > 0, `${key} = ${census[key]}`);
    }
  });

  it('converts other currencies at a plausible per-deal rate', () => {
    const home = portal.account.companyCurrency;
    for (const { properties: p } of portal.deals) {
      if (p.deal_currency_code === home && p.amount && Number(p.amount) >= 0) {
        assert.equal(p.amount_in_home_currency, p.amount);
      }
      if (p.deal_currency_code !== home && p.amount_in_home_currency) {
        const rate = Number(p.amount_in_home_currency) / Number(p.amount);
        assert.ok(rate > 0.3 && rate < 3, `rate ${rate}`);
        assert.match(p.amount_in_home_currency, /^\d+(\.\d{1,2})?$/);
      }
    }
  });

  it('holds every association edge case with at most one primary', () => {
    for (const key of ['noCompanyDeals', 'multiCompanyWithPrimary',
      'multiCompanyWithoutPrimary'] as const) {
      assert.ok(census[key] > 0, `${key} = ${census[key]}`);
    }
    const companyIds = new Set(portal.companies.map((c) => Number(c.id)));
    for (const links of portal.dealCompanies.values()) {
      const primaries = links.filter((l) =>
        l.associationTypes.some((t) => t.typeId === 5 && t.label === 'Primary'));
      assert.ok(primaries.length <= 1);
      for (const link of links) {
        assert.ok(companyIds.has(link.toObjectId));
        assert.ok(link.associationTypes.some((t) =>
          t.typeId === 341 && t.label === null));
      }
    }
  });

  it('archives a few percent of deals, some won, without moving updatedAt',
    () => {
      assert.ok(census.archivedDeals >= 20 && census.archivedDeals <= 100);
      assert.ok(census.archivedWonDeals > 0);
      for (const deal of portal.deals.filter((d) => d.archived)) {
        assert.ok(deal.archivedAt && deal.archivedAt > deal.updatedAt);
      }
      assert.ok(portal.deals.filter((d) => !d.archived)
        .every((d) => d.archivedAt === undefined));
    });

  it('closes won deals exactly on local month boundaries, across DST', () => {
    const { timeZone } = portal.account;
    assert.ok(census.wonAtLocalMonthEnd >= 12);
    assert.ok(census.wonAtLocalMonthStart >= 12);
    const boundary = portal.deals.filter((d) => {
      if (!d.properties.closedate || d.properties.hs_is_closed_won !== 'true') {
        return false;
      }
      const local = toLocalTime(new Date(d.properties.closedate), timeZone);
      return isLocalMonthEnd(local) || isLocalMonthStart(local);
    }).map((d) => new Date(d.properties.closedate as string));
    const utcMonthDiffers = boundary.filter((instant) =>
      instant.getUTCMonth() + 1 !== toLocalTime(instant, timeZone).month);
    assert.ok(utcMonthDiffers.length > 0);
    const offsets = new Set(boundary.map((i) => utcOffsetMillis(i, timeZone)));
    assert.ok(offsets.size >= 2, 'boundaries should span a DST change');
  });

  it('spreads won deals over about 24 months and hundreds of customer-months',
    () => {
      const months = new Set(portal.deals
        .filter((d) => d.properties.hs_is_closed_won === 'true')
        .map((d) => d.properties.closedate?.slice(0, 7))
        .filter(Boolean));
      assert.ok(months.size >= 23, `${months.size} months`);
      assert.ok(census.customerMonths >= 200, `${census.customerMonths}`);
      assert.ok(census.customPipelineWonDeals > 0);
      assert.ok(census.openDeals > 200 && census.lostDeals > 200);
    });

  it('keeps every edge case in a small portal', () => {
    const small = censusOf(generatePortal({ seed: 9, companies: 10,
      deals: 100 }));
    for (const [key, value] of Object.entries(small)) {
      assert.ok(value > 0, `${key} = ${value} in a 100-deal portal`);
    }
  });

  it('rejects a negative or fractional size with a hint', () => {
    assert.throws(() => generatePortal({ seed: 1, deals: -1 }),
      /deals must be a whole number/);
  });
});
