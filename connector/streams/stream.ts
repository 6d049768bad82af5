/**
 * What every stream offers: a name, a schema, and a reader that yields
 * records and returns the state to commit once they are safely stored.
 */
import type { ConnectorConfig } from '../config/spec.js';
import type { HubSpotApi } from '../hubspot/hubspot-api.js';
import type { Logger } from '../logging/logger.js';
import type { JsonObject } from '../protocol/messages.js';

/** One record, in the shape `read` emits and `sync` lands. */
export interface StreamRecord {
  /** HubSpot's id (deal id for associations, portal id for the account). */
  id: string;
  /** HubSpot's modified time, ISO-8601 UTC; extraction time if it has none. */
  updatedAt: string;
  archived: boolean;
  /** HubSpot's properties, or the whole object for pipelines and account. */
  properties: JsonObject | null;
  /** The deal's companies, for the association stream; otherwise null. */
  associations: unknown[] | null;
}

export interface StreamContext {
  api: HubSpotApi;
  config: ConnectorConfig;
  logger: Logger;
  /** The sync's start; cursors never pass it minus the settle time. */
  startedAt: Date;
}

/** A stream reader: yields records, returns the next state. */
export type StreamReader = AsyncGenerator<StreamRecord, JsonObject, void>;

export interface Stream {
  readonly name: string;
  /** JSON Schema of StreamRecord for this stream. */
  jsonSchema(context: StreamContext): Promise<JsonObject>;
  /** Reads changes since `state`, or everything when state is undefined. */
  read(context: StreamContext, state: JsonObject | undefined): StreamReader;
}
