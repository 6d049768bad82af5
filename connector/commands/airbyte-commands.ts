/**
 * The Airbyte source commands: spec, check, discover and read. Each writes
 * protocol messages through a sink; none throws for a HubSpot failure.
 */
import { CONFIG_SCHEMA } from '../config/spec.js';
import { isAuthFailure } from '../errors.js';
import type { HubSpotApi } from '../hubspot/hubspot-api.js';
import {
  errorTrace,
  stateMessage,
  type JsonObject,
  type MessageSink,
} from '../protocol/messages.js';
import { ALL_STREAMS } from '../streams/all-streams.js';
import { drainStream } from '../streams/drain-stream.js';
import type { StreamContext } from '../streams/stream.js';
import type { ConfiguredStream } from './catalog.js';

const DOCUMENTATION_URL =
  'https://developers.hubspot.com/docs/api/crm/understanding-the-crm';

/** Emits the SPEC message: the config schema and what the source supports. */
export function spec(sink: MessageSink): void {
  sink({
    type: 'SPEC',
    spec: {
      documentationUrl: DOCUMENTATION_URL,
      connectionSpecification: CONFIG_SCHEMA,
      supportsIncremental: true,
      supported_destination_sync_modes: ['append', 'append_dedup'],
    },
  });
}

/** One request per scope the streams need; each must succeed. */
const CHECK_PATHS = [
  '/account-info/v3/details',
  '/crm/v3/objects/companies',
  '/crm/v3/objects/deals',
  '/crm/v3/properties/deals',
  '/crm/v3/pipelines/deals',
] as const;

/** Reports whether the token can read what the streams need; never throws. */
export async function check(api: HubSpotApi, sink: MessageSink): Promise<void> {
  try {
    for (const path of CHECK_PATHS) {
      await api.get(path, path.includes('/objects/') ? { limit: 1 } : {});
    }
    sink({
      type: 'CONNECTION_STATUS',
      connectionStatus: { status: 'SUCCEEDED' },
    });
  } catch (error) {
    sink({
      type: 'CONNECTION_STATUS',
      connectionStatus: { status: 'FAILED', message: (error as Error).message },
    });
  }
}

/** Emits the catalog; returns false, after an error trace, on failure. */
export async function discover(
  context: StreamContext,
  sink: MessageSink,
): Promise<boolean> {
  const streams: JsonObject[] = [];
  try {
    for (const stream of ALL_STREAMS) {
      streams.push({
        name: stream.name,
        json_schema: await stream.jsonSchema(context),
        supported_sync_modes: ['full_refresh', 'incremental'],
        source_defined_cursor: true,
        default_cursor_field: ['updatedAt'],
        source_defined_primary_key: [['id']],
      });
    }
  } catch (error) {
    await sink(errorTrace(error as Error));
    return false;
  }
  await sink({ type: 'CATALOG', catalog: { streams } });
  return true;
}

/**
 * Emits the records of each configured stream, then its state. A failing
 * stream is reported and skipped; returns false when any stream failed.
 */
export async function read(
  context: StreamContext,
  configured: ConfiguredStream[],
  states: Map<string, JsonObject>,
  sink: MessageSink,
): Promise<boolean> {
  let allOk = true;
  for (const { stream, syncMode } of configured) {
    const previous = syncMode === 'incremental'
      ? states.get(stream.name)
      : undefined;
    context.logger.info('stream started', {
      stream: stream.name, syncMode, state: previous ?? null });
    let count = 0;
    try {
      const state = await drainStream(stream, context, previous,
        async (record) => {
          await sink({
            type: 'RECORD',
            record: {
              stream: stream.name,
              data: record as unknown as JsonObject,
              emitted_at: Date.now(),
            },
          });
          count++;
        });
      await sink(stateMessage(stream.name, state));
      context.logger.info('stream finished', {
        stream: stream.name, records: count, state });
    } catch (error) {
      allOk = false;
      context.logger.error('stream failed', {
        stream: stream.name, records: count, error: (error as Error).message });
      await sink(errorTrace(error as Error, stream.name));
      // Every other stream would be refused the same way.
      if (isAuthFailure(error)) break;
    }
  }
  return allOk;
}

