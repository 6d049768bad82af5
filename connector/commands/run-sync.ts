/**
 * `sync`: reads every stream and lands it in BigQuery. A stream's state is
 * committed only after all of its rows are loaded; a failed stream keeps
 * its old state, so the next sync reads the same changes again.
 */
import { randomBytes } from 'node:crypto';

import type { BigQuery } from '@google-cloud/bigquery';

import { NdjsonBatch } from '../bigquery/ndjson-batch.js';
import { RawStore } from '../bigquery/raw-store.js';
import { rawRow } from '../bigquery/raw-tables.js';
import type { ConnectorConfig } from '../config/spec.js';
import type { HubSpotApi } from '../hubspot/hubspot-api.js';
import type { Logger } from '../logging/logger.js';
import type { JsonObject } from '../protocol/messages.js';
import { ALL_STREAMS } from '../streams/all-streams.js';
import { drainStream } from '../streams/drain-stream.js';
import type { Stream, StreamContext } from '../streams/stream.js';
import { CONNECTOR_VERSION } from '../version.js';

export interface SyncOptions {
  config: ConnectorConfig;
  api: HubSpotApi;
  bigquery: BigQuery;
  logger: Logger;
  /** Ignore committed state and read everything again. */
  fullRefresh?: boolean;
  streams?: readonly Stream[];
}

export interface StreamOutcome {
  stream: string;
  ok: boolean;
  rowsLoaded: number;
  error?: Error;
}

export interface SyncSummary {
  syncId: string;
  outcomes: StreamOutcome[];
  hubspotRequests: number;
  loadJobs: number;
}

/**
 * Lands every stream (or `options.streams`) in the raw dataset and returns
 * what happened to each; a failed stream does not stop the others.
 */
export async function runSync(options: SyncOptions): Promise<SyncSummary> {
  const { config, logger } = options;
  const streams = options.streams ?? ALL_STREAMS;
  const startedAt = new Date();
  const syncId = `${startedAt.toISOString()}-${randomBytes(4).toString('hex')}`;
  const store = new RawStore({
    bigquery: options.bigquery,
    dataset: config.raw_dataset,
    location: config.bigquery_location,
  });
  const context: StreamContext = {
    api: options.api, config, logger, startedAt,
  };

  const { access_token: _secret, ...settings } = config;
  logger.info('sync started', {
    syncId,
    version: CONNECTOR_VERSION,
    streams: streams.map((stream) => stream.name),
    fullRefresh: Boolean(options.fullRefresh),
    config: settings,
  });
  await store.prepare(streams.map((stream) => stream.name));
  const states = await store.readStates();

  const outcomes: StreamOutcome[] = [];
  for (const stream of streams) {
    const previous = options.fullRefresh ? undefined : states.get(stream.name);
    outcomes.push(await syncStream(stream, previous, context, store, syncId));
  }

  const summary = {
    syncId,
    outcomes,
    hubspotRequests: options.api.requestCount,
    loadJobs: store.loadJobCount,
  };
  logger.info('sync finished', {
    syncId,
    failedStreams: outcomes.filter((o) => !o.ok).map((o) => o.stream),
    rowsLoaded: Object.fromEntries(
      outcomes.map((o) => [o.stream, o.rowsLoaded])),
    hubspotRequests: summary.hubspotRequests,
    loadJobs: summary.loadJobs,
  });
  return summary;
}

async function syncStream(
  stream: Stream,
  previous: JsonObject | undefined,
  context: StreamContext,
  store: RawStore,
  syncId: string,
): Promise<StreamOutcome> {
  const { logger, config } = context;
  let rowsLoaded = 0;
  let batch = new NdjsonBatch(stream.name);
  logger.info('stream started', {
    stream: stream.name,
    mode: previous ? 'incremental' : 'full',
    state: previous ?? null,
  });
  try {
    const state = await drainStream(stream, context, previous,
      async (record) => {
        await batch.add(rawRow(record, syncId, new Date()));
        if (batch.rowCount >= config.load_batch_rows) {
          rowsLoaded += await loadAndDispose(store, stream.name, batch);
          batch = new NdjsonBatch(stream.name);
        }
      });
    rowsLoaded += await loadAndDispose(store, stream.name, batch);

    if (JSON.stringify(state) !== JSON.stringify(previous ?? null)) {
      await store.commitState(stream.name, state, syncId);
    }
    logger.info('stream finished', { stream: stream.name, rowsLoaded, state });
    return { stream: stream.name, ok: true, rowsLoaded };
  } catch (error) {
    await batch.dispose();
    logger.error('stream failed; its state was not advanced', {
      stream: stream.name,
      rowsLoaded,
      error: (error as Error).message,
    });
    return { stream: stream.name, ok: false, rowsLoaded, error: error as Error };
  }
}

async function loadAndDispose(
  store: RawStore,
  table: string,
  batch: NdjsonBatch,
): Promise<number> {
  try {
    if (batch.rowCount === 0) return 0;
    await store.load(table, batch);
    return batch.rowCount;
  } finally {
    await batch.dispose();
  }
}
