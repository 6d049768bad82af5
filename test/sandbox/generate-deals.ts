/**
 * Deals and their company links, assembled from the plan (deal-plan.ts),
 * times (deal-dates.ts), money (deal-money.ts) and links (deal-links.ts).
 * Ids increase with createdate, as HubSpot's do.
 */
import { drawDealTimes, monthBoundaryInstants } from './deal-dates.js';
import type { DealTimes } from './deal-dates.js';
import { buildLinks, pickCompanies } from './deal-links.js';
import { drawDealMoney } from './deal-money.js';
import type { DealMoney } from './deal-money.js';
import { planDeals } from './deal-plan.js';
import type { DealPlan } from './deal-plan.js';
import { stageOutcome } from './generate-pipelines.js';
import type {
  AccountDetails, CrmRecord, DealCompanyLink, Pipeline, PipelineStage,
} from './portal-types.js';
import type { Random } from './random.js';

const PRODUCTS = ['Annual licence', 'Platform renewal', 'Seat expansion',
  'Onboarding package', 'Support plan', 'Analytics add-on'];
const FIRST_DEAL_ID = 9_800_000_000;

/** What deals are generated against. */
export interface DealContext {
  account: AccountDetails;
  pipelines: readonly Pipeline[];
  companies: readonly CrmRecord[];
  now: Date;
}

interface Draft {
  plan: DealPlan;
  times: DealTimes;
  money: DealMoney;
  pipeline: Pipeline;
  stage: PipelineStage;
  companyIds: string[];
}

/** `count` deals sorted by id, and the links of those with companies. */
export function generateDeals(random: Random, count: number,
  context: DealContext): {
  deals: CrmRecord[]; dealCompanies: Map<string, DealCompanyLink[]>;
} {
  const { account, companies, now } = context;
  const boundaries = monthBoundaryInstants(account.timeZone, now);
  const plans = planDeals(random, count, companies.length, boundaries.length);
  const drafts = plans.map((plan): Draft => {
    const pipeline = pickPipeline(plan, context.pipelines);
    return {
      plan, pipeline, stage: pickStage(random, plan, pipeline),
      times: drawDealTimes(random, plan, now, boundaries),
      money: drawDealMoney(random, plan.money, account),
      companyIds: pickCompanies(random, plan.link, companies),
    };
  }).sort((a, b) => a.times.createMillis - b.times.createMillis);

  const names = new Map(companies.map((c) => [c.id, c.properties.name]));
  const dealCompanies = new Map<string, DealCompanyLink[]>();
  let id = FIRST_DEAL_ID + random.int(0, 99_999);
  const deals = drafts.map((draft, index) => {
    id += random.int(1, 500);
    const dealId = String(id);
    const title = names.get(draft.companyIds[0] ?? '') ??
      `Inbound lead ${index + 1}`;
    if (draft.companyIds.length > 0) {
      const primary = draft.plan.link === 'multi-no-primary'
        ? undefined : draft.companyIds[0];
      dealCompanies.set(dealId, buildLinks(draft.companyIds, primary));
    }
    return toRecord(dealId, `${title} - ${random.pick(PRODUCTS)}`, draft);
  });
  return { deals, dealCompanies };
}

function pickPipeline(plan: DealPlan, pipelines: readonly Pipeline[]): Pipeline {
  const pipeline = pipelines[plan.customPipeline ? 1 : 0] ?? pipelines[0];
  if (!pipeline) throw new Error('generateDeals needs at least one pipeline');
  return pipeline;
}

function pickStage(random: Random, plan: DealPlan,
  pipeline: Pipeline): PipelineStage {
  const candidates = pipeline.stages
    .filter((stage) => stageOutcome(stage) === plan.outcome);
  return random.pick(candidates);
}

function toRecord(id: string, dealname: string, draft: Draft): CrmRecord {
  const { times, money, stage, pipeline } = draft;
  const iso = (millis: number): string => new Date(millis).toISOString();
  const outcome = stageOutcome(stage);
  const record: CrmRecord = {
    id,
    properties: {
      dealname,
      amount: money.amount,
      deal_currency_code: money.deal_currency_code,
      amount_in_home_currency: money.amount_in_home_currency,
      closedate: times.closeMillis === null ? null : iso(times.closeMillis),
      dealstage: stage.id,
      pipeline: pipeline.id,
      hs_is_closed_won: String(outcome === 'won'),
      hs_is_closed: String(outcome !== 'open'),
      createdate: iso(times.createMillis),
      hs_lastmodifieddate: iso(times.modifyMillis),
      hs_object_id: id,
    },
    createdAt: iso(times.createMillis),
    updatedAt: iso(times.modifyMillis),
    archived: draft.plan.archived,
  };
  if (times.archiveMillis !== undefined) {
    record.archivedAt = iso(times.archiveMillis);
  }
  return record;
}
