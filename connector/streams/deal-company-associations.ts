/**
 * Deal → company associations with their labels (v4), one record per deal
 * holding all of its companies; typeId 5 marks the primary company.
 *
 * HubSpot does not always change a deal's modified time when only its
 * associations change, so besides the deals changed since the last sync,
 * all deals are read again every `associations_full_read_days` (default
 * 7): such a change shows within that many days.
 * TODO: read HubSpot's association change events instead, once we have a
 * way to get them; then the periodic full read can go.
 */
import { HubSpotResponseError } from '../errors.js';
import {
  CursorGuard,
  idOf,
  resultsOf,
} from '../hubspot/response-shape.js';
import type { JsonObject } from '../protocol/messages.js';
import { readCrmObjects, type CrmObjectState } from './crm-objects.js';
import { recordSchema } from './record-schema.js';
import type { Stream, StreamContext, StreamRecord } from './stream.js';

const BATCH_READ_PATH = '/crm/v4/associations/deals/companies/batch/read';
const ORIGIN = { method: 'POST', path: BATCH_READ_PATH };

interface AssociationTarget {
  toObjectId: number | string;
  associationTypes: Array<{
    category: string;
    typeId: number;
    label: string | null;
  }>;
}

interface BatchResult {
  from: { id: unknown };
  to: AssociationTarget[];
  paging?: { next?: { after?: string } };
}

interface BatchError {
  category?: string;
  message?: string;
  context?: { fromObjectId?: unknown[] };
}

/** State: the deal cursor, and when every deal's companies were read. */
interface AssociationState extends CrmObjectState {
  full_read_at?: string;
}

// A change of companies alone may leave the deal's modified time as it
// was, so every `associations_full_read_days` all deals are read again.
function isRefreshDue(
  context: StreamContext,
  state: AssociationState | undefined,
): boolean {
  const days = context.config.associations_full_read_days;
  if (!state?.updated_after) return true;
  if (days === 0) return false;
  const last = Date.parse(state.full_read_at ?? '');
  const age = context.startedAt.getTime() - last;
  // Unreadable or in the future: read all rather than trust it.
  return Number.isNaN(last) || age < 0 || age >= days * 24 * 3_600_000;
}

/** Each changed deal's companies, read in batches of up to 1,000 deals. */
export const dealCompanyAssociationsStream: Stream = {
  name: 'deal_company_associations',
  async jsonSchema() {
    return recordSchema({ type: 'null' }, {
      type: 'array',
      items: {
        type: 'object',
        required: ['toObjectId', 'associationTypes'],
        properties: {
          toObjectId: { type: ['integer', 'string'] },
          associationTypes: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                category: { type: 'string' },
                typeId: { type: 'integer' },
                label: { type: ['string', 'null'] },
              },
            },
          },
        },
      },
    });
  },
  async *read(context, state) {
    const previous = state as AssociationState | undefined;
    const refreshAll = isRefreshDue(context, previous);
    if (refreshAll && previous) {
      context.logger.info('re-reading every deal\'s companies', {
        stream: 'deal_company_associations',
        lastFullReadAt: previous.full_read_at ?? null,
        everyDays: context.config.associations_full_read_days,
      });
    }
    // Archived deals need no associations: their revenue is gone.
    const deals = readCrmObjects(context, 'deals', ['hs_lastmodifieddate'],
      refreshAll ? undefined : previous, { includeArchived: false });
    let batch: string[] = [];
    for (;;) {
      const next = await deals.next();
      if (next.done) {
        if (batch.length) yield* readBatch(context, batch);
        return {
          ...next.value,
          full_read_at: refreshAll
            ? context.startedAt.toISOString()
            : previous?.full_read_at ?? context.startedAt.toISOString(),
        };
      }
      batch.push(next.value.id);
      if (batch.length >= context.config.association_batch_size) {
        yield* readBatch(context, batch);
        batch = [];
      }
    }
  },
};

// Ids that HubSpot reports as having no associated company (a 207 whose
// errors say OBJECT_NOT_FOUND for them).
function noAssociations(errors: BatchError[] | undefined): string[] {
  return (errors ?? [])
    .filter((error) => error?.category === 'OBJECT_NOT_FOUND')
    .flatMap((error) => error.context?.fromObjectId ?? [])
    .map(String);
}

async function* readBatch(
  context: StreamContext,
  dealIds: string[],
): AsyncGenerator<StreamRecord> {
  const extractedAt = new Date().toISOString();
  const companies = new Map<string, AssociationTarget[]>(
    dealIds.map((id) => [id, []]),
  );
  const cursors = new CursorGuard(ORIGIN);
  const answered = new Set<string>();
  let inputs: Array<{ id: string; after?: string }> =
    dealIds.map((id) => ({ id }));
  while (inputs.length) {
    const response = await context.api.post<{ errors?: BatchError[] }>(
      BATCH_READ_PATH, { inputs });
    for (const id of noAssociations(response.errors)) answered.add(id);
    inputs = [];
    for (const result of resultsOf<BatchResult>(response, ORIGIN)) {
      const id = idOf(result?.from?.id, ORIGIN);
      if (!Array.isArray(result.to)) {
        throw new HubSpotResponseError(ORIGIN.method, ORIGIN.path,
          `no "to" array for deal ${id}`);
      }
      answered.add(id);
      companies.get(id)?.push(...result.to);
      const after = result.paging?.next?.after;
      if (after) {
        cursors.check(`${id}/${after}`);
        inputs.push({ id, after });
      }
    }
  }
  // A deal missing from the results has no company only when HubSpot says
  // so; anything else (a rate limit inside a 207, say) must not land as
  // "no companies", which would make its revenue unassigned.
  const unexplained = dealIds.filter((id) => !answered.has(id));
  if (unexplained.length) {
    throw new HubSpotResponseError(ORIGIN.method, ORIGIN.path,
      `no result and no "no associations" error for deals ` +
      `${unexplained.slice(0, 5).join(', ')}` +
      (unexplained.length > 5 ? ` and ${unexplained.length - 5} more` : ''));
  }
  for (const [id, to] of companies) {
    yield {
      id,
      updatedAt: extractedAt,
      archived: false,
      properties: null,
      associations: to as unknown as JsonObject[],
    };
  }
}
