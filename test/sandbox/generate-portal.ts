/**
 * A deterministic HubSpot portal for tests and the sandbox server: the
 * same seed always gives a deep-equal portal, whatever the real clock.
 * See deal-plan.ts and deal-money.ts for the edge cases it contains.
 */
import { generateAccount } from './generate-account.js';
import { generateCompanies } from './generate-companies.js';
import { generateDeals } from './generate-deals.js';
import { generatePipelines } from './generate-pipelines.js';
import { generateProperties } from './generate-properties.js';
import type { Portal } from './portal-types.js';
import { createRandom } from './random.js';
import type { Random } from './random.js';

export { archiveDeals, modifyDeals, relinkDeal } from './portal-changes.js';
export type { ModifyDealsOptions } from './portal-changes.js';

/** The portal's "now" unless told otherwise: 2026-11-30T12:00:00Z. */
export const DEFAULT_NOW = new Date('2026-11-30T12:00:00.000Z');
/** Default portal size. */
export const DEFAULT_COMPANY_COUNT = 200;
export const DEFAULT_DEAL_COUNT = 2000;

/** What to generate. */
export interface GeneratePortalOptions {
  /** Any integer; equal seeds give deep-equal portals. */
  seed: number;
  /** Number of companies; default 200. */
  companies?: number;
  /** Number of deals, live and archived; default 2,000. */
  deals?: number;
  /** The portal's present; close dates lie up to 24 months before it. */
  now?: Date;
}

/** Generates a complete portal from a seed. */
export function generatePortal(options: GeneratePortalOptions): Portal {
  const companyCount = options.companies ?? DEFAULT_COMPANY_COUNT;
  const dealCount = options.deals ?? DEFAULT_DEAL_COUNT;
  const now = options.now ?? DEFAULT_NOW;
  checkCount('companies', companyCount);
  checkCount('deals', dealCount);

  // One stream per part, so growing one part leaves the others unchanged.
  const seeds = createRandom(options.seed);
  const stream = (): Random => createRandom(seeds.int(0, 2 ** 32 - 1));
  const account = generateAccount(stream(), now);
  const pipelines = generatePipelines(stream(), now);
  const companies = generateCompanies(stream(), companyCount, now);
  const { deals, dealCompanies } = generateDeals(stream(), dealCount,
    { account, pipelines, companies, now });

  return {
    seed: options.seed, account, companies, deals, dealCompanies, pipelines,
    properties: generateProperties(account, pipelines),
  };
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`generatePortal: ${name} must be a whole number ≥ 0, ` +
      `got ${value}; pass e.g. { ${name}: 100 } or leave it out`);
  }
}
