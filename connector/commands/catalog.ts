/**
 * Reads the configured catalog and the state file that `read` is given,
 * and rejects up front a catalog naming unknown streams or a state file
 * that is not one.
 */
import fs from 'node:fs';

import { ConfigError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import { ALL_STREAMS, findStream } from '../streams/all-streams.js';
import type { Stream } from '../streams/stream.js';

export interface ConfiguredStream {
  stream: Stream;
  syncMode: 'full_refresh' | 'incremental';
}

/** The streams a configured catalog selects; all of them without one. */
export function loadCatalog(file: string | undefined): ConfiguredStream[] {
  if (!file) {
    return ALL_STREAMS.map((stream) => ({ stream, syncMode: 'incremental' }));
  }
  const catalog = readJson(file, 'catalog') as {
    streams?: Array<{ stream?: { name?: string }; sync_mode?: string } | null>;
  } | null;
  if (!Array.isArray(catalog?.streams)) {
    throw new ConfigError(`catalog ${file} has no "streams" array; ` +
      'write it from the output of `source-hubspot discover`');
  }
  const names = new Set<string>();
  return catalog.streams.map((entry, index) => {
    const name = entry?.stream?.name;
    const stream = name ? findStream(name) : undefined;
    if (!stream) {
      throw new ConfigError(`catalog ${file}: streams[${index}] names ` +
        `unknown stream ${JSON.stringify(name)}; known streams: ` +
        ALL_STREAMS.map((s) => s.name).join(', '));
    }
    if (names.has(stream.name)) {
      throw new ConfigError(`catalog ${file} names stream ${name} twice`);
    }
    names.add(stream.name);
    const syncMode = entry?.sync_mode ?? 'incremental';
    if (syncMode !== 'incremental' && syncMode !== 'full_refresh') {
      throw new ConfigError(`catalog ${file}: stream ${name} has sync_mode ` +
        `"${syncMode}"; use "incremental" or "full_refresh"`);
    }
    return { stream, syncMode };
  });
}

/**
 * Stream states from a state file: the STATE messages `read` wrote, one
 * per line as on stdout or as a JSON array, or an object keyed by stream
 * name. A later state of the same stream wins.
 */
export function loadStates(file: string | undefined): Map<string, JsonObject> {
  const states = new Map<string, JsonObject>();
  if (!file) return states;
  const read = readStateFile(file);
  // One STATE line parses as a single message, not as a map of streams.
  const parsed = (read as JsonObject | null)?.type === 'STATE' ? [read] : read;
  const entries = Array.isArray(parsed)
    ? parsed.map((message: JsonObject | null) => {
        const inner = (message?.state ?? message ?? {}) as {
          stream?: { stream_descriptor?: { name?: string };
            stream_state?: JsonObject };
        };
        return [inner.stream?.stream_descriptor?.name,
          inner.stream?.stream_state] as const;
      })
    : Object.entries(asObject(parsed, file));
  for (const [name, state] of entries) {
    if (!name || typeof state !== 'object' || state === null) {
      throw new ConfigError(`state file ${file} holds an entry without a ` +
        'stream name or state object; pass the STATE messages `read` wrote');
    }
    states.set(name, state);
  }
  return states;
}

// One JSON document, or newline-delimited STATE messages as `read` prints
// them (`grep '"type":"STATE"' out.jsonl > state.json`).
function readStateFile(file: string): unknown {
  const text = readText(file, 'state');
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split('\n').filter((line) => line.trim());
    try {
      return lines.map((line) => JSON.parse(line) as unknown);
    } catch (error) {
      throw new ConfigError(`state file ${file} is neither JSON nor one ` +
        `JSON message per line: ${(error as Error).message}. Pass the ` +
        'STATE messages a previous `read` wrote', { cause: error });
    }
  }
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${what} file ${file}: ` +
      `${(error as Error).message}`, { cause: error });
  }
}

function asObject(value: unknown, file: string): Record<string, JsonObject> {
  if (typeof value !== 'object' || value === null) {
    throw new ConfigError(`state file ${file} must hold STATE messages or ` +
      'an object keyed by stream name');
  }
  return value as Record<string, JsonObject>;
}

function readJson(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`cannot read ${what} file ${file}: ` +
      `${(error as Error).message}`, { cause: error });
  }
}
