/**
 * A deal's money properties for each MoneyKind. `amount` is in
 * `deal_currency_code`; `amount_in_home_currency` is in the company
 * currency at the deal's own exchange rate, or null when HubSpot has none.
 *
 * | kind            | deal_currency_code | amount   | amount_in_home_currency |
 * |-----------------|--------------------|----------|-------------------------|
 * | home            | company currency   | "1234.5" | the same string         |
 * | foreign         | an additional one  | "1000"   | amount × rate, 2 dp     |
 * | foreign-no-home | an additional one  | "1000"   | null                    |
 * | empty           | company currency   | ""       | null                    |
 * | null            | company currency   | null     | null                    |
 * | not-a-number    | company currency   | "N/A"    | null                    |
 */
import { dealExchangeRate } from './generate-account.js';
import type { AccountDetails } from './portal-types.js';
import type { MoneyKind } from './deal-plan.js';
import type { Random } from './random.js';

/** The three money properties of a deal. */
export interface DealMoney {
  deal_currency_code: string;
  amount: string | null;
  amount_in_home_currency: string | null;
}

/** Draws the money properties for one deal of the given kind. */
export function drawDealMoney(random: Random, kind: MoneyKind,
  account: AccountDetails): DealMoney {
  const home = account.companyCurrency;
  const amount = formatAmount(drawAmountCents(random) / 100);

  switch (kind) {
    case 'home':
      return { deal_currency_code: home, amount,
        amount_in_home_currency: amount };
    case 'foreign': {
      const currency = random.pick(account.additionalCurrencies);
      const rate = dealExchangeRate(random, currency, home);
      return { deal_currency_code: currency, amount,
        amount_in_home_currency: convert(amount, rate) };
    }
    case 'foreign-no-home':
      return { deal_currency_code: random.pick(account.additionalCurrencies),
        amount, amount_in_home_currency: null };
    case 'empty':
      return { deal_currency_code: home, amount: '',
        amount_in_home_currency: null };
    case 'null':
      return { deal_currency_code: home, amount: null,
        amount_in_home_currency: null };
    case 'not-a-number':
      return { deal_currency_code: home, amount: 'N/A',
        amount_in_home_currency: null };
  }
}

/** Formats a number as HubSpot serves amounts: "1234.5", "12000". */
export function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `amount` × `rate`, rounded to cents, as a HubSpot amount string. */
export function convert(amount: string, rate: number): string {
  return formatAmount(Number(amount) * rate);
}

function drawAmountCents(random: Random): number {
  const units = random.int(500, 60_000);
  const style = random.next();
  if (style < 0.6) return Math.round(units / 100) * 100 * 100;
  if (style < 0.85) return units * 100;
  return units * 100 + random.int(1, 99);
}
