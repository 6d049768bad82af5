/**
 * Monthly revenue per customer computed straight from a generated portal,
 * in TypeScript and independently of the SQL models, so the end-to-end
 * test can hold the mart against it.
 */
import type { CrmRecord, Portal } from '../sandbox/portal-types.js';

/** Customer id and name of the row that collects deals with no company. */
export const UNASSIGNED = { id: 'unassigned', name: '(no company)' };

/** NUMERIC keeps 9 decimal places; amounts are compared at that scale. */
const SCALE_DIGITS = 9;
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** Close dates outside this window are placeholders (includes/revenue.js). */
const PLAUSIBLE_CLOSE = {
  from: '1990-01-01T00:00:00.000Z',
  until: '2100-01-01T00:00:00.000Z',
};

export interface ExpectedRow {
  customerId: string;
  customerName: string;
  /** YYYY-MM-01 */
  revenueMonth: string;
  currency: string;
  /** Revenue scaled by 10^9, exact. */
  revenueNanos: bigint;
  dealsWon: number;
}

export interface ExpectedRevenue {
  rows: ExpectedRow[];
  /** Closed-won, live deals that cannot be counted, by deal id. */
  rejectedDealIds: Set<string>;
  /** Closed-won, live deals that were counted. */
  countedDealIds: Set<string>;
}

/** What the mart must hold for `portal`. */
export function expectedRevenue(portal: Portal): ExpectedRevenue {
  const { timeZone, companyCurrency } = portal.account;
  const companyNames = new Map(
    portal.companies.map((c) => [c.id, c.properties.name ?? null]),
  );
  const rows = new Map<string, ExpectedRow>();
  const rejectedDealIds = new Set<string>();
  const countedDealIds = new Set<string>();

  for (const deal of portal.deals) {
    if (deal.archived || deal.properties.hs_is_closed_won !== 'true') continue;
    const amount = homeAmount(deal, companyCurrency);
    const closedAt = deal.properties.closedate;
    // Negative amounts are refunds or typos; the models reject them too.
    const plausible = closedAt && !Number.isNaN(Date.parse(closedAt)) &&
      new Date(closedAt).toISOString() >= PLAUSIBLE_CLOSE.from &&
      new Date(closedAt).toISOString() < PLAUSIBLE_CLOSE.until;
    if (amount === undefined || amount < 0n || !closedAt || !plausible) {
      rejectedDealIds.add(deal.id);
      continue;
    }
    countedDealIds.add(deal.id);
    const customerId = customerOf(portal, deal.id);
    const revenueMonth = localMonth(closedAt, timeZone);
    const key = `${customerId}|${revenueMonth}`;
    const row = rows.get(key) ?? {
      customerId,
      customerName: customerId === UNASSIGNED.id
        ? UNASSIGNED.name
        : companyNames.get(customerId) ?? '',
      revenueMonth,
      currency: companyCurrency,
      revenueNanos: 0n,
      dealsWon: 0,
    };
    row.revenueNanos += amount;
    row.dealsWon += 1;
    rows.set(key, row);
  }
  return { rows: [...rows.values()], rejectedDealIds, countedDealIds };
}

/** Parses a decimal string exactly into nanos; undefined if not a number. */
export function toNanos(value: string | null | undefined): bigint | undefined {
  const text = value?.trim();
  if (!text || !NUMBER_PATTERN.test(text)) return undefined;
  const negative = text.startsWith('-');
  const [rawWhole = '', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const whole = rawWhole || '0';
  const digits = `${whole}${fraction.padEnd(SCALE_DIGITS, '0')}`;
  // Digits past the ninth decimal are rounded half away from zero, as
  // BigQuery's NUMERIC cast does.
  const kept = BigInt(digits.slice(0, whole.length + SCALE_DIGITS) || '0');
  const roundUp = Number(fraction[SCALE_DIGITS] ?? '0') >= 5 ? 1n : 0n;
  const nanos = kept + roundUp;
  return negative ? -nanos : nanos;
}

function homeAmount(deal: CrmRecord, companyCurrency: string) {
  const home = toNanos(deal.properties.amount_in_home_currency);
  if (home !== undefined) return home;
  const currency = deal.properties.deal_currency_code;
  const inHomeCurrency = !currency || currency === companyCurrency;
  return inHomeCurrency ? toNanos(deal.properties.amount) : undefined;
}

// The company labelled Primary (type 5), else the lowest company id.
function customerOf(portal: Portal, dealId: string): string {
  const links = portal.dealCompanies.get(dealId) ?? [];
  if (links.length === 0) return UNASSIGNED.id;
  const primary = links.find((link) =>
    link.associationTypes.some((type) => type.typeId === 5));
  const chosen = primary ?? [...links].sort(
    (a, b) => Number(a.toObjectId) - Number(b.toObjectId))[0];
  return String(chosen?.toObjectId);
}

/** The first day of the month of `instant` in `timeZone`, as YYYY-MM-01. */
export function localMonth(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(instant));
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}-01`;
}
