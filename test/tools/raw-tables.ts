/**
 * Creates the connector's raw tables in a BigQuery (the emulator in
 * tests) and appends rows to them with load jobs of newline-delimited
 * JSON, the way the connector lands a sync.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { BigQuery } from '@google-cloud/bigquery';

import { RAW_TABLE_SCHEMA } from '../../connector/bigquery/raw-tables.js';

/** The raw tables the Dataform sources declare. */
export const RAW_TABLES = [
  'companies',
  'deals',
  'deal_company_associations',
  'deal_pipelines',
  'account_details',
] as const;

export type RawTable = (typeof RAW_TABLES)[number];

/** One row of a raw table, as the connector writes it. */
export interface RawRow {
  id: string;
  updated_at: string;
  archived: boolean;
  properties: unknown;
  associations: unknown;
  _extracted_at: string;
  _sync_id: string;
}

/** Creates `dataset` and the five raw tables, laid out as the connector does. */
export async function createRawTables(
  bigquery: BigQuery,
  dataset: string,
  location: string,
): Promise<void> {
  await bigquery.dataset(dataset, { location }).create({ location });
  for (const name of RAW_TABLES) {
    await bigquery.dataset(dataset).table(name).create({
      schema: { fields: RAW_TABLE_SCHEMA },
      timePartitioning: { type: 'DAY', field: '_extracted_at' },
      clustering: { fields: ['id'] },
    });
  }
}

/** Appends `rows` to each named raw table, one load job per table. */
export async function appendRawRows(
  bigquery: BigQuery,
  dataset: string,
  location: string,
  rowsByTable: Partial<Record<RawTable, RawRow[]>>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raw-rows-'));
  try {
    for (const [name, rows] of Object.entries(rowsByTable)) {
      if (!rows || rows.length === 0) continue;
      const file = path.join(dir, `${name}.ndjson`);
      fs.writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
      await bigquery.dataset(dataset).table(name).load(file, {
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: 'WRITE_APPEND',
        createDisposition: 'CREATE_NEVER',
        schema: { fields: RAW_TABLE_SCHEMA },
        location,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
