/**
 * Airbyte protocol (v0) messages the connector writes, one JSON object per
 * line on stdout. Shapes follow shared/reference/airbyte-protocol.
 */
import { once } from 'node:events';

import { ConfigError, HubSpotHttpError, isAuthFailure } from '../errors.js';

export type JsonObject = Record<string, unknown>;

export type LogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export type AirbyteMessage =
  | { type: 'LOG'; log: { level: LogLevel; message: string } }
  | { type: 'SPEC'; spec: JsonObject }
  | {
      type: 'CONNECTION_STATUS';
      connectionStatus: { status: 'SUCCEEDED' | 'FAILED'; message?: string };
    }
  | { type: 'CATALOG'; catalog: { streams: JsonObject[] } }
  | {
      type: 'RECORD';
      record: { stream: string; data: JsonObject; emitted_at: number };
    }
  | { type: 'STATE'; state: StreamStateMessage }
  | { type: 'TRACE'; trace: JsonObject };

export interface StreamStateMessage {
  type: 'STREAM';
  stream: {
    stream_descriptor: { name: string };
    stream_state: JsonObject;
  };
}

/**
 * Where messages go; stdout in production. The promise, when there is one,
 * settles once the consumer can take more.
 */
export type MessageSink = (message: AirbyteMessage) => void | Promise<void>;

/**
 * Writes each message as one line of JSON to `out`, and makes the writer
 * wait while a slow consumer lets the pipe fill, so memory stays bounded.
 */
export function lineSink(
  out: NodeJS.WritableStream = process.stdout,
): MessageSink {
  return (message: AirbyteMessage) => {
    if (!out.write(`${JSON.stringify(message)}\n`)) {
      return once(out, 'drain').then(() => undefined);
    }
    return undefined;
  };
}

/** A per-stream STATE message carrying `state`. */
export function stateMessage(name: string, state: JsonObject): AirbyteMessage {
  return {
    type: 'STATE',
    state: {
      type: 'STREAM',
      stream: { stream_descriptor: { name }, stream_state: state },
    },
  };
}

/** An error TRACE message, so orchestrators can show why a stream failed. */
export function errorTrace(
  error: Error,
  stream?: string,
  emittedAtMillis = Date.now(),
): AirbyteMessage {
  return {
    type: 'TRACE',
    trace: {
      type: 'ERROR',
      emitted_at: emittedAtMillis,
      error: {
        message: error.message,
        internal_message: error.name,
        failure_type: isConfigProblem(error) ? 'config_error' : 'system_error',
        ...(stream ? { stream_descriptor: { name: stream } } : {}),
      },
    },
  };
}

// Bad config, a token HubSpot refuses, and missing scopes (403) are the
// user's to fix.
function isConfigProblem(error: Error): boolean {
  const status = (error as { status?: unknown }).status;
  return error instanceof ConfigError || isAuthFailure(error) ||
    (error instanceof HubSpotHttpError && status === 403);
}
