/**
 * Companies with made-up names and reserved `.example` domains, created
 * 31–42 months before `now`, ids increasing with creation time as
 * HubSpot's do.
 */
import type { CrmRecord } from './portal-types.js';
import type { Random } from './random.js';

const PREFIXES = ['North', 'Blue', 'Bright', 'Iron', 'Silver', 'Quantum',
  'Harbor', 'Summit', 'Cedar', 'Nova', 'Atlas', 'Pioneer', 'Granite',
  'Maple', 'Vector', 'Lumen'];
const CORES = ['field', 'stone', 'wave', 'bridge', 'works', 'logic', 'point',
  'path', 'line', 'forge', 'gate', 'leaf'];
const SUFFIXES = ['Inc.', 'GmbH', 'Ltd', 'Pty Ltd', 'LLC', 'AG', 'Group'];

const DAY_MILLIS = 86_400_000;
const MONTH_MILLIS = 30.4 * DAY_MILLIS;
const FIRST_COMPANY_ID = 4_100_000_000;

/** `count` companies, sorted by id. */
export function generateCompanies(random: Random, count: number,
  now: Date): CrmRecord[] {
  const usedSlugs = new Set<string>();
  const createdTimes = Array.from({ length: count }, () =>
    now.getTime() - random.int(31 * MONTH_MILLIS, 42 * MONTH_MILLIS))
    .sort((a, b) => a - b);
  let id = FIRST_COMPANY_ID + random.int(0, 99_999);

  return createdTimes.map((createdMillis) => {
    id += random.int(1, 997);
    const [name, slug] = uniqueName(random, usedSlugs);
    const createdAt = new Date(createdMillis).toISOString();
    const updatedAt = new Date(random.int(createdMillis,
      now.getTime() - DAY_MILLIS)).toISOString();
    return {
      id: String(id),
      properties: {
        name, domain: `${slug}.example`, createdate: createdAt,
        hs_lastmodifieddate: updatedAt, hs_object_id: String(id),
      },
      createdAt, updatedAt, archived: false,
    };
  });
}

function uniqueName(random: Random, used: Set<string>): [string, string] {
  const base = random.pick(PREFIXES) + random.pick(CORES);
  let copy = 1;
  while (used.has(slugOf(base, copy))) copy++;
  const slug = slugOf(base, copy);
  used.add(slug);
  const display = copy === 1 ? base : `${base} ${copy}`;
  return [`${display} ${random.pick(SUFFIXES)}`, slug];
}

function slugOf(base: string, copy: number): string {
  return copy === 1 ? base.toLowerCase() : `${base.toLowerCase()}${copy}`;
}
