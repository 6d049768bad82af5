/**
 * Builders of raw-table rows shaped like the connector's, for hand-made
 * HubSpot portals in tests, and of the mart rows they must produce.
 */
import type { RawRow, RawTable } from './raw-tables.js';

/** Rows to append, by raw table. */
export type Rows = Partial<Record<RawTable, RawRow[]>>;

/** One connector sync: its id and when it read HubSpot. */
export interface Sync {
  id: string;
  extractedAt: string;
}

/** The portal's settings that revenue depends on. */
export interface PortalSettings {
  /** IANA time zone, for example `America/New_York`. */
  timeZone: string;
  /** HubSpot's utcOffset of that zone, for example `-05:00`. */
  utcOffset: string;
  /** Company currency, for example `USD`. */
  companyCurrency: string;
}

/** A mart row as the test reads it back. */
export interface MartRow {
  customer_id: string;
  customer_name: string | null;
  revenue_month: string;
  currency: string;
  revenue: string;
  deals_won: number;
}

/** A rejected-deal row as the test reads it back. */
export interface RejectedRow {
  deal_id: string;
  rejection_reason: string;
}

/** HubSpot-defined association type of the primary company. */
/** The three syncs the fixtures land, a day apart. */
export const SYNC_1: Sync = { id: 'sync-1', extractedAt: '2025-04-01T06:00:00.000Z' };
export const SYNC_2: Sync = { id: 'sync-2', extractedAt: '2025-04-02T06:00:00.000Z' };
export const SYNC_3: Sync = { id: 'sync-3', extractedAt: '2025-04-03T06:00:00.000Z' };

export const PRIMARY = 5;
/** HubSpot-defined association type of any other company. */
export const UNLABELLED = 341;

/** A mart row in `currency`. */
export function mart(
  customerId: string,
  customerName: string,
  month: string,
  revenue: string,
  dealsWon: number,
  currency = 'USD',
): MartRow {
  return {
    customer_id: customerId,
    customer_name: customerName,
    revenue_month: month,
    currency,
    revenue,
    deals_won: dealsWon,
  };
}

/** The portal's account details as read by `sync`. */
export function portal(sync: Sync, settings: PortalSettings): RawRow {
  return row(sync, '12345678', sync.extractedAt, {
    portalId: 12345678,
    accountType: 'STANDARD',
    timeZone: settings.timeZone,
    companyCurrency: settings.companyCurrency,
    additionalCurrencies: ['EUR'],
    utcOffset: settings.utcOffset,
    uiDomain: 'app.hubspot.com',
  });
}

/** A deal pipeline; each stage is [id, label, isClosed, probability]. */
export function pipeline(
  sync: Sync,
  id: string,
  label: string,
  stages: Array<[string, string, string, string]>,
): RawRow {
  return row(sync, id, '2025-01-01T00:00:00Z', {
    label,
    displayOrder: 0,
    stages: stages.map(([stageId, stageLabel, isClosed, probability], i) => ({
      id: stageId,
      label: stageLabel,
      displayOrder: i,
      archived: false,
      metadata: { isClosed, probability },
    })),
  });
}

/** A company named `name`. */
export function company(
  sync: Sync,
  id: string,
  name: string,
  updatedAt = '2025-01-01T00:00:00Z',
): RawRow {
  return row(sync, id, updatedAt, {
    name,
    domain: `${name.toLowerCase().replace(/\W+/g, '')}.example`,
    hs_object_id: id,
  });
}

/** A deal won in the default pipeline, with `money` and its closedate. */
export function wonDeal(
  sync: Sync,
  id: string,
  name: string,
  money: Record<string, string | null>,
  updatedAt = '2025-03-20T10:00:00Z',
): RawRow {
  return deal(sync, id, updatedAt, {
    dealname: name,
    hs_is_closed_won: 'true',
    hs_is_closed: 'true',
    dealstage: 'closedwon',
    pipeline: 'default',
    ...money,
  });
}

/** A deal with exactly the given properties. */
export function deal(
  sync: Sync,
  id: string,
  updatedAt: string,
  properties: Record<string, string | null>,
): RawRow {
  return row(sync, id, updatedAt, {
    hs_object_id: id,
    hs_lastmodifieddate: updatedAt,
    ...properties,
  });
}

/** The same row, listed by HubSpot as archived. */
export function archived(raw: RawRow): RawRow {
  return { ...raw, archived: true };
}

/** A deal's association snapshot: [company id, association type] pairs. */
export function links(
  sync: Sync,
  dealId: string,
  companies: Array<[number, number]>,
): RawRow {
  return {
    ...row(sync, dealId, sync.extractedAt, null),
    associations: companies.map(([companyId, typeId]) => ({
      toObjectId: companyId,
      // HubSpot lists the primary company with both of its types.
      associationTypes: (typeId === PRIMARY ? [UNLABELLED, PRIMARY] : [typeId])
        .map((type) => ({
          category: 'HUBSPOT_DEFINED',
          typeId: type,
          label: type === PRIMARY ? 'Primary' : null,
        })),
    })),
  };
}

function row(
  sync: Sync,
  id: string,
  updatedAt: string,
  properties: unknown,
): RawRow {
  return {
    id,
    updated_at: updatedAt,
    archived: false,
    properties,
    associations: null,
    _extracted_at: sync.extractedAt,
    _sync_id: sync.id,
  };
}
