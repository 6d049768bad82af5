/**
 * Counts of each edge case in a portal, computed from the data alone (not
 * from the generator's plan), so tests can check the generator and
 * others can see what a seed contains.
 */
import { findStage, stageOutcome } from './generate-pipelines.js';
import type { CrmRecord, Portal } from './portal-types.js';
import { daysInMonth, toLocalTime } from './zoned-time.js';

/** Edge-case counts; "won" means live and closed-won. */
export interface PortalCensus {
  liveDeals: number;
  archivedDeals: number;
  archivedWonDeals: number;
  wonDeals: number;
  openDeals: number;
  lostDeals: number;
  customPipelineWonDeals: number;
  homeCurrencyDeals: number;
  otherCurrencyWithHomeAmount: number;
  otherCurrencyWithoutHomeAmount: number;
  emptyAmount: number;
  nullAmount: number;
  nonNumericAmount: number;
  wonWithoutCloseDate: number;
  noCompanyDeals: number;
  singleCompanyDeals: number;
  multiCompanyWithPrimary: number;
  multiCompanyWithoutPrimary: number;
  /** Won deals closing at local 23:59:59 on a month's last day. */
  wonAtLocalMonthEnd: number;
  /** Won deals closing at local 00:00:00 on the 1st. */
  wonAtLocalMonthStart: number;
  /** Distinct (primary-or-first company, local month) pairs of won deals. */
  customerMonths: number;
}

/** Counts the edge cases in `portal`. */
export function censusOf(portal: Portal): PortalCensus {
  const { timeZone, companyCurrency } = portal.account;
  const census = emptyCensus();
  const customerMonths = new Set<string>();

  for (const deal of portal.deals) {
    const props = deal.properties;
    const outcome = dealOutcome(portal, deal);
    if (deal.archived) {
      census.archivedDeals++;
      if (outcome === 'won') census.archivedWonDeals++;
      continue;
    }
    census.liveDeals++;
    census[`${outcome}Deals`]++;
    countMoney(census, props, companyCurrency);
    countLinks(census, portal, deal.id);
    if (outcome !== 'won') continue;

    if (props.pipeline !== 'default') census.customPipelineWonDeals++;
    if (!props.closedate) {
      census.wonWithoutCloseDate++;
      continue;
    }
    const local = toLocalTime(new Date(props.closedate), timeZone);
    if (isLocalMonthEnd(local)) census.wonAtLocalMonthEnd++;
    if (isLocalMonthStart(local)) census.wonAtLocalMonthStart++;
    const customer = portal.dealCompanies.get(deal.id)?.[0]?.toObjectId;
    customerMonths.add(`${customer}|${local.year}-${local.month}`);
  }
  census.customerMonths = customerMonths.size;
  return census;
}

/** Open, won or lost, from the deal's stage metadata. */
export function dealOutcome(portal: Portal,
  deal: CrmRecord): 'open' | 'won' | 'lost' {
  const stage = findStage(portal.pipelines, deal.properties.dealstage);
  if (!stage) throw new Error(`deal ${deal.id} has unknown stage`);
  return stageOutcome(stage);
}

/** Whether `local` is 23:59:59 on the last day of its month. */
export function isLocalMonthEnd(local: ReturnType<typeof toLocalTime>): boolean {
  return local.day === daysInMonth(local.year, local.month) &&
    local.hour === 23 && local.minute === 59 && local.second === 59;
}

/** Whether `local` is 00:00:00 on the 1st. */
export function isLocalMonthStart(local: ReturnType<typeof toLocalTime>):
  boolean {
  return local.day === 1 && local.hour === 0 && local.minute === 0 &&
    local.second === 0;
}

function countMoney(census: PortalCensus,
  props: CrmRecord['properties'], companyCurrency: string): void {
  const amount = props.amount;
  if (amount === null) census.nullAmount++;
  else if (amount === '') census.emptyAmount++;
  else if (!Number.isFinite(Number(amount))) census.nonNumericAmount++;
  else if (props.deal_currency_code === companyCurrency) {
    census.homeCurrencyDeals++;
  } else if (props.amount_in_home_currency === null) {
    census.otherCurrencyWithoutHomeAmount++;
  } else census.otherCurrencyWithHomeAmount++;
}

function countLinks(census: PortalCensus, portal: Portal,
  dealId: string): void {
  const links = portal.dealCompanies.get(dealId) ?? [];
  const primaries = links.filter((link) =>
    link.associationTypes.some((t) => t.typeId === 5)).length;
  if (links.length === 0) census.noCompanyDeals++;
  else if (links.length === 1) census.singleCompanyDeals++;
  else if (primaries > 0) census.multiCompanyWithPrimary++;
  else census.multiCompanyWithoutPrimary++;
}

function emptyCensus(): PortalCensus {
  return {
    liveDeals: 0, archivedDeals: 0, archivedWonDeals: 0, wonDeals: 0,
    openDeals: 0, lostDeals: 0, customPipelineWonDeals: 0,
    homeCurrencyDeals: 0, otherCurrencyWithHomeAmount: 0,
    otherCurrencyWithoutHomeAmount: 0, emptyAmount: 0, nullAmount: 0,
    nonNumericAmount: 0, wonWithoutCloseDate: 0, noCompanyDeals: 0,
    singleCompanyDeals: 0, multiCompanyWithPrimary: 0,
    multiCompanyWithoutPrimary: 0, wonAtLocalMonthEnd: 0,
    wonAtLocalMonthStart: 0, customerMonths: 0,
  };
}
