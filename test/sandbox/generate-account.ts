/**
 * The portal's account settings: a non-UTC time zone and a company
 * currency, both picked by seed, plus the exchange rates deals use.
 */
import type { AccountDetails } from './portal-types.js';
import type { Random } from './random.js';
import { formatUtcOffset, utcOffsetMillis } from './zoned-time.js';

interface Locale {
  timeZone: string;
  companyCurrency: string;
  dataHostingLocation: string;
  uiDomain: string;
}

const LOCALES: readonly Locale[] = [
  { timeZone: 'America/New_York', companyCurrency: 'USD',
    dataHostingLocation: 'na1', uiDomain: 'app.hubspot.com' },
  { timeZone: 'Europe/Berlin', companyCurrency: 'EUR',
    dataHostingLocation: 'eu1', uiDomain: 'app-eu1.hubspot.com' },
  { timeZone: 'Australia/Sydney', companyCurrency: 'AUD',
    dataHostingLocation: 'na1', uiDomain: 'app.hubspot.com' },
  { timeZone: 'America/Los_Angeles', companyCurrency: 'USD',
    dataHostingLocation: 'na1', uiDomain: 'app.hubspot.com' },
];

/** Value of one unit of each currency in US dollars (rough, fixed). */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1, EUR: 1.08, GBP: 1.27, AUD: 0.66, CAD: 0.74,
};

const ADDITIONAL_CURRENCY_COUNT = 3;

/** Account details for a portal whose clock reads `now`. */
export function generateAccount(random: Random, now: Date): AccountDetails {
  const locale = random.pick(LOCALES);
  const others = Object.keys(USD_PER_UNIT)
    .filter((code) => code !== locale.companyCurrency);
  const offsetMillis = utcOffsetMillis(now, locale.timeZone);

  return {
    portalId: random.int(10_000_000, 99_999_999),
    accountType: 'STANDARD',
    timeZone: locale.timeZone,
    companyCurrency: locale.companyCurrency,
    additionalCurrencies: random.shuffle(others)
      .slice(0, ADDITIONAL_CURRENCY_COUNT).sort(),
    utcOffset: formatUtcOffset(offsetMillis),
    utcOffsetMilliseconds: offsetMillis,
    uiDomain: locale.uiDomain,
    dataHostingLocation: locale.dataHostingLocation,
  };
}

/**
 * A deal's exchange rate from `from` to `to`: the fixed cross rate moved
 * by up to ±3 %, as rates differ by the day each deal closed. Six decimals.
 */
export function dealExchangeRate(random: Random, from: string,
  to: string): number {
  const base = (USD_PER_UNIT[from] ?? 1) / (USD_PER_UNIT[to] ?? 1);
  const drift = 1 + (random.next() - 0.5) * 0.06;
  return Math.round(base * drift * 1e6) / 1e6;
}
