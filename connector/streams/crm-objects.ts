/**
 * Reads a CRM object type (companies, deals) incrementally: the first time
 * by listing everything, later by searching on the modified time, and every
 * time by listing archived records, which search never returns.
 */
import type { JsonObject } from '../protocol/messages.js';
import type { StreamContext, StreamRecord, StreamReader } from './stream.js';

/** HubSpot search refuses to page past this many results per query. */
const SEARCH_RESULT_CAP = 10_000;
/** Modified-time property of every object but contacts. */
const MODIFIED_PROPERTY = 'hs_lastmodifieddate';

/** Cursor state of a CRM object stream. */
export interface CrmObjectState extends JsonObject {
  /** Records modified after this instant are read by the next sync. */
  updated_after?: string;
  /** Archived records archived after this instant are read next time. */
  archived_after?: string;
}

interface CrmObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  archivedAt?: string;
}

interface Page {
  results: CrmObject[];
  paging?: { next?: { after: string } };
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
): StreamReader {
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
  for await (const object of live) {
    const record = toRecord(object, false);
    if (!maxUpdated || record.updatedAt > maxUpdated) {
      maxUpdated = record.updatedAt;
    }
    yield record;
  }

  for await (const object of listAll(context, objectType, properties, true)) {
    const archivedAt = isoTime(object.archivedAt ?? object.updatedAt);
    if (state?.archived_after && archivedAt <= state.archived_after) continue;
    if (!maxArchived || archivedAt > maxArchived) maxArchived = archivedAt;
    yield toRecord(object, true);
  }

  return {
    ...(maxUpdated
      ? { updated_after: settledCursor(context, maxUpdated, state) }
      : {}),
    ...(maxArchived ? { archived_after: maxArchived } : {}),
  };
}

// A change younger than the settle time may not be searchable yet, so the
// cursor stops short of it and the next sync asks again.
function settledCursor(
  context: StreamContext,
  maxUpdated: string,
  previous: CrmObjectState | undefined,
): string {
  const settleMillis = context.config.search_settle_minutes * 60_000;
  const settled = new Date(context.startedAt.getTime() - settleMillis)
    .toISOString();
  const capped = maxUpdated < settled ? maxUpdated : settled;
  const floor = previous?.updated_after;
  return floor && floor > capped ? floor : capped;
}

async function* listAll(
  context: StreamContext,
  objectType: string,
  properties: readonly string[],
  archived: boolean,
): AsyncGenerator<CrmObject> {
  let after: string | undefined;
  do {
    const page = await context.api.get<Page>(`/crm/v3/objects/${objectType}`, {
      limit: context.config.page_size,
      after,
      properties: properties.join(','),
      archived,
    });
    yield* page.results;
    after = page.paging?.next?.after;
  } while (after);
}

// Search pages by offset and stops at 10,000 results, so a long window is
// read as several queries, each starting at the last modified time seen.
async function* searchModifiedAfter(
  context: StreamContext,
  objectType: string,
  properties: readonly string[],
  updatedAfter: string,
): AsyncGenerator<CrmObject> {
  const pageSize = context.config.search_page_size;
  let lowerBound = updatedAfter;
  let operator: 'GT' | 'GTE' = 'GT';
  for (;;) {
    let offset = 0;
    let lastSeen: string | undefined;
    let exhausted = false;
    while (offset + pageSize <= SEARCH_RESULT_CAP) {
      const page = await context.api.post<Page>(
        `/crm/v3/objects/${objectType}/search`,
        {
          filterGroups: [{
            filters: [{
              propertyName: MODIFIED_PROPERTY,
              operator,
              value: String(Date.parse(lowerBound)),
            }],
          }],
          sorts: [{ propertyName: MODIFIED_PROPERTY, direction: 'ASCENDING' }],
          properties,
          limit: pageSize,
          ...(offset ? { after: String(offset) } : {}),
        },
      );
      yield* page.results;
      const last = page.results.at(-1);
      lastSeen = last ? isoTime(last.updatedAt) : lastSeen;
      if (!page.paging?.next?.after) {
        exhausted = true;
        break;
      }
      offset = Number(page.paging.next.after);
    }
    if (exhausted) return;
    if (!lastSeen || lastSeen === lowerBound) {
      throw new Error(
        `more than ${SEARCH_RESULT_CAP} ${objectType} share the modified ` +
          `time ${lowerBound}; search cannot page past them. Run the sync ` +
          'with --full-refresh to list them instead.',
      );
    }
    // Records at exactly lastSeen are read again; staging keeps one copy.
    lowerBound = lastSeen;
    operator = 'GTE';
  }
}

function toRecord(object: CrmObject, archived: boolean): StreamRecord {
  return {
    id: String(object.id),
    updatedAt: isoTime(object.updatedAt),
    archived,
    properties: object.properties,
    associations: null,
  };
}

/** Normalises HubSpot's timestamps so that strings compare as instants. */
function isoTime(value: string): string {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    throw new Error(`HubSpot sent an unreadable timestamp "${value}"`);
  }
  return new Date(millis).toISOString();
}
