/**
 * Where `sync` puts things in BigQuery: raw tables filled by load jobs
 * (never streaming inserts) and the state table, appended only after a
 * stream's data is loaded.
 */
import type { BigQuery, TableField } from '@google-cloud/bigquery';

import { BigQueryJobError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import { NdjsonBatch } from './ndjson-batch.js';
import { queryRows } from './query-rows.js';
import {
  RAW_TABLE_SCHEMA,
  STATE_TABLE,
  STATE_TABLE_SCHEMA,
} from './raw-tables.js';

export interface RawStoreOptions {
  bigquery: BigQuery;
  dataset: string;
  location: string;
}

/** The raw dataset of one sync: its tables, loads and state. */
export class RawStore {
  /** Load jobs run so far. */
  loadJobCount = 0;
  private readonly bigquery: BigQuery;
  private readonly datasetId: string;
  private readonly location: string;

  constructor(options: RawStoreOptions) {
    this.bigquery = options.bigquery;
    this.datasetId = options.dataset;
    this.location = options.location;
  }

  /** Creates the dataset and the tables that are missing. */
  async prepare(streams: readonly string[]): Promise<void> {
    const dataset = this.bigquery.dataset(this.datasetId, {
      location: this.location,
    });
    const [exists] = await wrap('dataset lookup', () => dataset.exists());
    if (!exists) {
      await wrap('create dataset', () =>
        dataset.create({ location: this.location }));
    }
    for (const name of streams) {
      await this.ensureTable(name, RAW_TABLE_SCHEMA, {
        timePartitioning: { type: 'DAY', field: '_extracted_at' },
        clustering: { fields: ['id'] },
      });
    }
    await this.ensureTable(STATE_TABLE, STATE_TABLE_SCHEMA, {});
  }

  /** The last committed state of each stream. */
  async readStates(): Promise<Map<string, JsonObject>> {
    const table = `\`${this.bigquery.projectId}.${this.datasetId}.${STATE_TABLE}\``;
    const rows = await wrap('read sync state', () =>
      queryRows(this.bigquery, {
        query: `select stream, state from ${table} ` +
          'qualify row_number() over ' +
          '(partition by stream order by committed_at desc) = 1',
        location: this.location,
      }));
    return new Map(rows.map((row) => [
      String(row.stream),
      JSON.parse(String(row.state)) as JsonObject,
    ]));
  }

  /** Appends the batch's rows to the stream's raw table with one load job. */
  async load(table: string, batch: NdjsonBatch): Promise<void> {
    await batch.close();
    await this.loadFile(table, batch.file, RAW_TABLE_SCHEMA);
  }

  /** Records `state` as the stream's newest committed state. */
  async commitState(
    stream: string,
    state: JsonObject,
    syncId: string,
  ): Promise<void> {
    const batch = new NdjsonBatch('state');
    try {
      await batch.add({
        stream,
        state: JSON.stringify(state),
        _sync_id: syncId,
        committed_at: new Date().toISOString(),
      });
      await batch.close();
      await this.loadFile(STATE_TABLE, batch.file, STATE_TABLE_SCHEMA);
    } finally {
      await batch.dispose();
    }
  }

  private async loadFile(
    tableId: string,
    file: string,
    schema: TableField[],
  ): Promise<void> {
    const table = this.bigquery.dataset(this.datasetId).table(tableId);
    this.loadJobCount++;
    await wrap(`load into ${this.datasetId}.${tableId}`, () =>
      table.load(file, {
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: 'WRITE_APPEND',
        createDisposition: 'CREATE_NEVER',
        schema: { fields: schema },
        location: this.location,
      }));
  }

  private async ensureTable(
    tableId: string,
    schema: TableField[],
    layout: Record<string, unknown>,
  ): Promise<void> {
    const table = this.bigquery.dataset(this.datasetId).table(tableId);
    const [exists] = await wrap(`lookup of ${tableId}`, () => table.exists());
    if (exists) return;
    await wrap(`create table ${tableId}`, () =>
      table.create({ schema: { fields: schema }, ...layout }));
  }
}

async function wrap<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const detail = error as { message?: string; errors?: unknown;
      metadata?: { jobReference?: { jobId?: string } } };
    throw new BigQueryJobError(
      operation,
      detail.metadata?.jobReference?.jobId,
      detail.message ?? String(error),
      { cause: error },
    );
  }
}
