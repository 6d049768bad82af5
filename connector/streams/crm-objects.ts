/**
 * Reads a CRM object type (companies, deals) incrementally: the first time
 * by listing everything, later by searching on the modified time, and every
 * time by listing archived records, which search never returns.
 */
import {
  CursorGuard,
  idOf,
  isoTimeOf,
  nextAfter,
  resultsOf,
  type Origin,
} from '../hubspot/response-shape.js';
import { searchModifiedAfter } from './crm-search.js';
import { checkCursorState, type CrmObjectState } from './cursor-state.js';
import type { StreamContext, StreamRecord, StreamReader } from './stream.js';

export type { CrmObjectState };

/** A CRM record as HubSpot's list and search endpoints send it. */
export interface CrmObject {
  id: unknown;
  properties: Record<string, string | null>;
  updatedAt: unknown;
  archivedAt?: unknown;
}

/**
 * Yields every changed record of `objectType` and returns the new state.
 * `properties` are requested by name; HubSpot answers null for unset ones.
 */
export async function* readCrmObjects(
  context: StreamContext,
  objectType: string,
  properties: readonly string[],
  state: CrmObjectState | undefined,
  options: { includeArchived: boolean } = { includeArchived: true },
): StreamReader {
  checkCursorState(state, objectType, context.startedAt);
  const { logger } = context;
  let maxUpdated = state?.updated_after;
  let maxArchived = state?.archived_after;

  const live = state?.updated_after
    ? searchModifiedAfter(context, objectType, properties, state.updated_after)
    : listAll(context, objectType, properties, false);
  logger.info(`reading ${objectType}`, {
    mode: state?.updated_after ? 'incremental search' : 'full list',
    updatedAfter: state?.updated_after ?? null,
  });
  for await (const { object, origin } of live) {
    const record = toRecord(object, false, origin);
    if (!maxUpdated || record.updatedAt > maxUpdated) {
      maxUpdated = record.updatedAt;
    }
    yield record;
  }

  // Records archived while the listing runs may sit on pages already
  // read, so the cursor never passes the listing's start (less the settle
  // time, for clock skew); later ones are read again next time.
  const archivedCap = settledTime(context, new Date());
  const archived = options.includeArchived
    ? listAll(context, objectType, properties, true)
    : [];
  for await (const { object, origin } of archived) {
    const record = toRecord(object, true, origin);
    const archivedAt = object.archivedAt === undefined
      ? record.updatedAt
      : isoTimeOf(object.archivedAt, origin, 'archivedAt');
    if (state?.archived_after && archivedAt <= state.archived_after) continue;
    if (!maxArchived || archivedAt > maxArchived) maxArchived = archivedAt;
    yield record;
  }

  return {
    ...(maxUpdated
      ? { updated_after: settledCursor(context, maxUpdated, state) }
      : {}),
    ...(maxArchived
      ? { archived_after: laterOf(
          earlierOf(maxArchived, archivedCap), state?.archived_after) }
      : {}),
  };
}

/** A record and the request it came from. */
export interface Sourced {
  object: CrmObject;
  origin: Origin;
}

// A change younger than the settle time may not be searchable yet, so the
// cursor stops short of it and the next sync asks again.
function settledCursor(
  context: StreamContext,
  maxUpdated: string,
  previous: CrmObjectState | undefined,
): string {
  const capped = earlierOf(maxUpdated, settledTime(context, context.startedAt));
  return laterOf(capped, previous?.updated_after);
}

function settledTime(context: StreamContext, at: Date): string {
  const settleMillis = context.config.search_settle_minutes * 60_000;
  return new Date(at.getTime() - settleMillis).toISOString();
}

function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

function laterOf(a: string, b: string | undefined): string {
  return b && b > a ? b : a;
}

async function* listAll(
  context: StreamContext,
  objectType: string,
  properties: readonly string[],
  archived: boolean,
): AsyncGenerator<Sourced> {
  const origin = { method: 'GET', path: `/crm/v3/objects/${objectType}` };
  const cursors = new CursorGuard(origin);
  let after: string | undefined;
  do {
    const page = await context.api.get<unknown>(origin.path, {
      limit: context.config.page_size,
      after,
      properties: properties.join(','),
      archived,
    });
    for (const object of resultsOf<CrmObject>(page, origin)) {
      yield { object, origin };
    }
    after = nextAfter(page);
    if (after) cursors.check(after);
  } while (after);
}

function toRecord(
  object: CrmObject,
  archived: boolean,
  origin: Origin,
): StreamRecord {
  return {
    id: idOf(object?.id, origin),
    updatedAt: isoTimeOf(object.updatedAt, origin, 'updatedAt'),
    archived,
    properties: object.properties ?? {},
    associations: null,
  };
}
