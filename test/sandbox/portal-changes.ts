/**
 * Changes to a portal between syncs, made the way HubSpot makes them:
 * editing a deal moves its modified time; archiving and relinking do not.
 */
import { buildLinks } from './deal-links.js';
import { convert, formatAmount } from './deal-money.js';
import { findStage, stageOutcome } from './generate-pipelines.js';
import type { CrmRecord, Pipeline, Portal } from './portal-types.js';
import { createRandom } from './random.js';
import type { Random } from './random.js';

/** Which deals modifyDeals changes, and when. */
export interface ModifyDealsOptions {
  /** How many distinct live deals to change. */
  count: number;
  /** Picks the deals and the changes. */
  seed: number;
  /** The change time: becomes updatedAt and hs_lastmodifieddate. */
  at: Date;
}

/**
 * Edits `count` live deals in place: about half get a new amount (home
 * amount recomputed at the deal's own rate; null stays null), the others
 * move stage (open → won, won → lost, lost → open). A deal entering a
 * closed stage without a close date gets `at`. hs_is_closed_won and
 * hs_is_closed follow the new stage. Returns the changed ids, sorted.
 */
export function modifyDeals(portal: Portal,
  options: ModifyDealsOptions): string[] {
  const live = portal.deals.filter((deal) => !deal.archived);
  if (!Number.isInteger(options.count) || options.count < 0 ||
    options.count > live.length) {
    throw new Error(`modifyDeals: count must be 0..${live.length} (live ` +
      `deals in the portal), got ${options.count}`);
  }
  const random = createRandom(options.seed);
  const chosen = random.shuffle(live).slice(0, options.count);
  const at = options.at.toISOString();

  for (const deal of chosen) {
    if (random.chance(0.5)) changeAmount(random, deal);
    else changeStage(random, deal, portal.pipelines, at);
    deal.properties.hs_lastmodifieddate = at;
    deal.updatedAt = at;
  }
  return chosen.map((deal) => deal.id).sort((a, b) => Number(a) - Number(b));
}

/**
 * Archives deals as HubSpot does: archived=true and archivedAt=`at`;
 * updatedAt and hs_lastmodifieddate stay as they were.
 */
export function archiveDeals(portal: Portal, ids: readonly string[],
  at: Date): void {
  for (const id of ids) {
    const deal = findDeal(portal, id);
    deal.archived = true;
    deal.archivedAt = at.toISOString();
  }
}

/**
 * Replaces a deal's company links. `primaryId` (one of `companyIds`) gets
 * type 5; pass undefined for no primary, and [] to unlink all. The deal's
 * modified time does not change, as in HubSpot.
 */
export function relinkDeal(portal: Portal, dealId: string,
  companyIds: readonly string[], primaryId: string | undefined): void {
  findDeal(portal, dealId);
  if (companyIds.length === 0) {
    portal.dealCompanies.delete(dealId);
    return;
  }
  portal.dealCompanies.set(dealId, buildLinks(companyIds, primaryId));
}

function changeAmount(random: Random, deal: CrmRecord): void {
  const props = deal.properties;
  const oldAmount = Number(props.amount);
  const oldHome = Number(props.amount_in_home_currency);
  const base = props.amount && Number.isFinite(oldAmount) ? oldAmount : 1000;
  const newAmount = formatAmount(base * (1.05 + random.next() * 0.45));

  if (props.amount_in_home_currency === props.amount) {
    props.amount_in_home_currency = newAmount;
  } else if (props.amount_in_home_currency && oldAmount > 0) {
    props.amount_in_home_currency = convert(newAmount, oldHome / oldAmount);
  }
  props.amount = newAmount;
}

function changeStage(random: Random, deal: CrmRecord,
  pipelines: readonly Pipeline[], at: string): void {
  const props = deal.properties;
  const pipeline = pipelines.find((p) => p.id === props.pipeline);
  const current = findStage(pipelines, props.dealstage);
  if (!pipeline || !current) return;
  const from = stageOutcome(current);
  const to = from === 'open' ? 'won' : from === 'won' ? 'lost' : 'open';
  const next = random.pick(pipeline.stages
    .filter((stage) => stageOutcome(stage) === to));

  props.dealstage = next.id;
  props.hs_is_closed_won = String(to === 'won');
  props.hs_is_closed = String(to !== 'open');
  if (to !== 'open' && !props.closedate) props.closedate = at;
}

function findDeal(portal: Portal, id: string): CrmRecord {
  const deal = portal.deals.find((candidate) => candidate.id === id);
  if (!deal) {
    throw new Error(`no deal with id ${id} in portal (seed ` +
      `${portal.seed}); use an id from portal.deals`);
  }
  return deal;
}
