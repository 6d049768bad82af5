/**
 * The one loop both `read` and `sync` run over a stream: every record to
 * a handler, then the state the reader returns.
 */
import type { JsonObject } from '../protocol/messages.js';
import type { Stream, StreamContext, StreamRecord } from './stream.js';

/**
 * Reads `stream` from `previous` state, awaiting `onRecord` for each
 * record, and returns the new state. On failure the reader is closed, so
 * it releases what it holds, and the error propagates.
 */
export async function drainStream(
  stream: Stream,
  context: StreamContext,
  previous: JsonObject | undefined,
  onRecord: (record: StreamRecord) => Promise<void>,
): Promise<JsonObject> {
  const reader = stream.read(context, previous);
  try {
    let next = await reader.next();
    while (!next.done) {
      await onRecord(next.value);
      next = await reader.next();
    }
    return next.value;
  } catch (error) {
    await reader.return({}).catch(() => undefined);
    throw error;
  }
}
