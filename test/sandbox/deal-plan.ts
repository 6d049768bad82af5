/**
 * Decides, before any value is drawn, which deals carry which edge case.
 * Quotas (not coin flips) guarantee every case appears at any size of
 * about 50 deals or more; the assignments are then shuffled by seed.
 */
import type { Random } from './random.js';

/** How a deal's money properties look; see deal-money.ts. */
export type MoneyKind = 'home' | 'foreign' | 'foreign-no-home' | 'empty'
  | 'null' | 'not-a-number';

/** How a deal is linked to companies; see deal-links.ts. */
export type LinkKind = 'single' | 'multi-primary' | 'multi-no-primary'
  | 'none';

/** Where the deal's stage puts it. */
export type Outcome = 'open' | 'won' | 'lost';

/** Everything decided about one deal before dates and values. */
export interface DealPlan {
  outcome: Outcome;
  money: MoneyKind;
  link: LinkKind;
  customPipeline: boolean;
  archived: boolean;
  /** Won, but HubSpot holds no close date (e.g. set by a workflow). */
  wonWithoutCloseDate: boolean;
  /** Index into the list of local month-boundary instants, if any. */
  boundaryIndex?: number;
}

const OUTCOME_SHARES: Array<[Outcome, number]> = [['won', 0.45],
  ['lost', 0.25]];
const MONEY_SHARES: Array<[MoneyKind, number]> = [['foreign', 0.1],
  ['foreign-no-home', 0.03], ['empty', 0.02], ['null', 0.02],
  ['not-a-number', 0.005]];
const LINK_SHARES: Array<[LinkKind, number]> = [['multi-primary', 0.08],
  ['multi-no-primary', 0.04], ['none', 0.04]];
const CUSTOM_PIPELINE_SHARE = 0.25;
const ARCHIVED_SHARE = 0.03;
const WON_WITHOUT_CLOSE_DATE_SHARE = 0.01;

/**
 * Plans `count` deals. Up to `boundaryCount` won deals in the company
 * currency with one primary company get a boundary instant each, most
 * recent boundaries first; never more than a third of the won deals.
 */
export function planDeals(random: Random, count: number,
  companyCount: number, boundaryCount: number): DealPlan[] {
  const outcomes = assign(random, count, OUTCOME_SHARES, 'open');
  const money = assign(random, count, MONEY_SHARES, 'home');
  const links = assign(random, count, LINK_SHARES, 'single')
    .map((kind) => fitLink(kind, companyCount));
  const custom = assign(random, count,
    [[true, CUSTOM_PIPELINE_SHARE]], false);
  const plans: DealPlan[] = outcomes.map((outcome, i) => ({
    outcome, money: money[i] ?? 'home', link: links[i] ?? 'none',
    customPipeline: custom[i] ?? false, archived: false,
    wonWithoutCloseDate: false,
  }));

  const won = random.shuffle(plans.filter((p) => p.outcome === 'won'));
  const wonQuota = atLeastOne(won.length * WON_WITHOUT_CLOSE_DATE_SHARE);
  won.slice(0, wonQuota).forEach((p) => { p.wonWithoutCloseDate = true; });
  // At most a third of won deals, so small portals stay realistic.
  const boundaryQuota = Math.min(boundaryCount, Math.ceil(won.length / 3));
  won.filter((p) => !p.wonWithoutCloseDate && p.money === 'home'
    && p.link === 'single').slice(0, boundaryQuota)
    .forEach((p, index) => { p.boundaryIndex = index; });
  markArchived(random, plans, won);
  return plans;
}

function markArchived(random: Random, plans: DealPlan[],
  won: DealPlan[]): void {
  const total = atLeastOne(plans.length * ARCHIVED_SHARE);
  const isPlain = (p: DealPlan): boolean =>
    !p.wonWithoutCloseDate && p.boundaryIndex === undefined;
  const wonShare = Math.ceil(total / 3);
  const fromWon = won.filter(isPlain).slice(0, wonShare);
  const others = random.shuffle(plans.filter(
    (p) => p.outcome !== 'won' && isPlain(p)));
  [...fromWon, ...others.slice(0, total - fromWon.length)]
    .forEach((p) => { p.archived = true; });
}

function assign<K>(random: Random, count: number,
  shares: Array<[K, number]>, rest: K): K[] {
  const kinds: K[] = [];
  for (const [kind, share] of shares) {
    const quota = atLeastOne(count * share);
    for (let i = 0; i < quota && kinds.length < count; i++) kinds.push(kind);
  }
  while (kinds.length < count) kinds.push(rest);
  return random.shuffle(kinds);
}

function fitLink(kind: LinkKind, companyCount: number): LinkKind {
  if (companyCount === 0) return 'none';
  if (companyCount === 1 && kind !== 'none') return 'single';
  return kind;
}

function atLeastOne(value: number): number {
  return Math.max(1, Math.round(value));
}
