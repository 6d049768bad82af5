/**
 * The raw landing tables: one per stream, append-only, identical columns.
 * Dataform's declarations in definitions/sources read exactly these.
 */
import type { TableField } from '@google-cloud/bigquery';

import type { StreamRecord } from '../streams/stream.js';

/** Table that keeps each stream's committed cursor state. */
export const STATE_TABLE = '_sync_state';

/** Columns of every raw table. */
export const RAW_TABLE_SCHEMA: TableField[] = [
  { name: 'id', type: 'STRING', mode: 'REQUIRED',
    description: 'HubSpot record id (deal id for associations).' },
  { name: 'updated_at', type: 'TIMESTAMP', mode: 'REQUIRED',
    description: "HubSpot's modified time, or the extraction time." },
  { name: 'archived', type: 'BOOL', mode: 'REQUIRED',
    description: 'True when read from the archived (recycle bin) list.' },
  { name: 'properties', type: 'JSON',
    description: 'HubSpot properties (strings or null), or the object.' },
  { name: 'associations', type: 'JSON',
    description: 'Associated companies with their type ids and labels.' },
  { name: '_extracted_at', type: 'TIMESTAMP', mode: 'REQUIRED',
    description: 'When the connector read the record.' },
  { name: '_sync_id', type: 'STRING', mode: 'REQUIRED',
    description: 'The sync run that landed the row.' },
];

/** Columns of the state table: one row per committed stream state. */
export const STATE_TABLE_SCHEMA: TableField[] = [
  { name: 'stream', type: 'STRING', mode: 'REQUIRED' },
  { name: 'state', type: 'STRING', mode: 'REQUIRED',
    description: 'The stream state as JSON text.' },
  { name: '_sync_id', type: 'STRING', mode: 'REQUIRED' },
  { name: 'committed_at', type: 'TIMESTAMP', mode: 'REQUIRED' },
];

/** A row of a raw table, as one line of newline-delimited JSON. */
export function rawRow(
  record: StreamRecord,
  syncId: string,
  extractedAt: Date,
): Record<string, unknown> {
  return {
    id: record.id,
    updated_at: record.updatedAt,
    archived: record.archived,
    properties: record.properties,
    associations: record.associations,
    _extracted_at: extractedAt.toISOString(),
    _sync_id: syncId,
  };
}
