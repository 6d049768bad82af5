/**
 * Deal → company associations in the v4 shape. Every linked company has
 * type 341 (unlabelled); the primary one has type 5 ("Primary") as well.
 */
import type { LinkKind } from './deal-plan.js';
import type { CrmRecord, DealCompanyLink } from './portal-types.js';
import type { Random } from './random.js';

/** HubSpot-defined deal → company type ids. */
export const DEAL_TO_COMPANY_PRIMARY = 5;
export const DEAL_TO_COMPANY_UNLABELED = 341;

/**
 * Picks companies for a deal: one for `single`, two or three otherwise,
 * none for `none`. Earlier companies are picked more often, so some
 * customers have many deals. The first id is the primary, if any.
 */
export function pickCompanies(random: Random, kind: LinkKind,
  companies: readonly CrmRecord[]): string[] {
  if (kind === 'none' || companies.length === 0) return [];
  const wanted = kind === 'single' ? 1 : Math.min(companies.length,
    random.int(2, 3));
  const picked = new Set<string>();
  while (picked.size < wanted) {
    const index = Math.floor(companies.length * random.next() ** 1.6);
    picked.add(companies[index]?.id ?? '');
  }
  return [...picked];
}

/**
 * Builds the links for `companyIds`, in id order. `primaryId`, when
 * given, must be one of them and gets type 5 before 341.
 */
export function buildLinks(companyIds: readonly string[],
  primaryId: string | undefined): DealCompanyLink[] {
  if (primaryId !== undefined && !companyIds.includes(primaryId)) {
    throw new Error(`primary company ${primaryId} is not among the linked ` +
      `companies [${companyIds.join(', ')}]; pass one of them or undefined`);
  }
  return [...companyIds].sort((a, b) => Number(a) - Number(b))
    .map((id) => ({
      toObjectId: Number(id),
      associationTypes: [
        ...(id === primaryId ? [{ category: 'HUBSPOT_DEFINED' as const,
          typeId: DEAL_TO_COMPANY_PRIMARY, label: 'Primary' }] : []),
        { category: 'HUBSPOT_DEFINED' as const,
          typeId: DEAL_TO_COMPANY_UNLABELED, label: null },
      ],
    }));
}
