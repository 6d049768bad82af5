/**
 * Close, create and modify times for deals. Close dates of closed deals
 * spread over the 24 months before `now`; chosen won deals close exactly
 * on local month boundaries of the portal's time zone.
 */
import type { DealPlan } from './deal-plan.js';
import type { Random } from './random.js';
import { daysInMonth, fromLocalTime, toLocalTime } from './zoned-time.js';

/** The instants one deal carries, in epoch milliseconds. */
export interface DealTimes {
  closeMillis: number | null;
  createMillis: number;
  modifyMillis: number;
  archiveMillis?: number;
}

const MINUTE_MILLIS = 60_000;
const HOUR_MILLIS = 60 * MINUTE_MILLIS;
const DAY_MILLIS = 24 * HOUR_MILLIS;
/** How far back closed deals reach. */
export const HISTORY_MONTHS = 24;
const HISTORY_MILLIS = HISTORY_MONTHS * 30.4 * DAY_MILLIS;
const OPEN_WITHOUT_CLOSE_DATE_SHARE = 0.1;

/**
 * For each of the last `HISTORY_MONTHS` local month starts up to `now`:
 * the last millisecond of the previous local month (23:59:59.999 on its
 * last day) and the first of the new one (00:00:00.000 on the 1st). On
 * either side of UTC these fall on a different UTC day, often a
 * different UTC month, and the set spans the zone's DST changes.
 */
export function monthBoundaryInstants(timeZone: string, now: Date): number[] {
  const local = toLocalTime(now, timeZone);
  const instants: number[] = [];
  for (let back = 0; back < HISTORY_MONTHS; back++) {
    const monthIndex = local.year * 12 + (local.month - 1) - back;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const prevYear = month === 1 ? year - 1 : year;
    const prevMonth = month === 1 ? 12 : month - 1;
    instants.push(
      fromLocalTime({ year: prevYear, month: prevMonth,
        day: daysInMonth(prevYear, prevMonth), hour: 23, minute: 59,
        second: 59, millis: 999 }, timeZone).getTime(),
      fromLocalTime({ year, month, day: 1, hour: 0, minute: 0, second: 0,
        millis: 0 }, timeZone).getTime());
  }
  return instants;
}

/**
 * Draws the times of one planned deal. A modification that would fall in
 * the last hour before `now` is pinned to exactly now − 1 h, so a few
 * percent of deals share one modified millisecond, as after a HubSpot
 * bulk update; incremental reads must handle such ties.
 */
export function drawDealTimes(random: Random, plan: DealPlan, now: Date,
  boundaries: readonly number[]): DealTimes {
  const nowMillis = now.getTime();
  const closeMillis = drawCloseMillis(random, plan, nowMillis, boundaries);
  const createMillis = drawCreateMillis(random, plan, closeMillis, nowMillis);
  const latest = nowMillis - HOUR_MILLIS;
  const settled = closeMillis !== null && closeMillis < nowMillis
    ? closeMillis : createMillis;
  const modifyMillis = Math.max(settled,
    Math.min(latest, settled + random.int(0, 20 * DAY_MILLIS)));
  if (!plan.archived) return { closeMillis, createMillis, modifyMillis };

  const archiveMillis = Math.max(modifyMillis + 1000, Math.min(
    nowMillis - MINUTE_MILLIS, modifyMillis + random.int(1, 60) * DAY_MILLIS));
  return { closeMillis, createMillis, modifyMillis, archiveMillis };
}

function drawCloseMillis(random: Random, plan: DealPlan, nowMillis: number,
  boundaries: readonly number[]): number | null {
  if (plan.boundaryIndex !== undefined) {
    return boundaries[plan.boundaryIndex] ?? null;
  }
  if (plan.wonWithoutCloseDate) return null;
  if (plan.outcome !== 'open') {
    return random.int(nowMillis - HISTORY_MILLIS, nowMillis - DAY_MILLIS);
  }
  // Open deals hold an expected close date, mostly in the future.
  if (random.chance(OPEN_WITHOUT_CLOSE_DATE_SHARE)) return null;
  return random.int(nowMillis - 20 * DAY_MILLIS, nowMillis + 150 * DAY_MILLIS);
}

function drawCreateMillis(random: Random, plan: DealPlan,
  closeMillis: number | null, nowMillis: number): number {
  if (plan.outcome === 'open') {
    const createMillis = nowMillis - random.int(DAY_MILLIS, 200 * DAY_MILLIS);
    return closeMillis === null
      ? createMillis : Math.min(createMillis, closeMillis - DAY_MILLIS);
  }
  if (closeMillis === null) {
    return random.int(nowMillis - HISTORY_MILLIS, nowMillis - 10 * DAY_MILLIS);
  }
  return closeMillis - random.int(3 * DAY_MILLIS, 150 * DAY_MILLIS);
}
