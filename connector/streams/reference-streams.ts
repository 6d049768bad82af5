/**
 * Small reference streams: deal pipelines with their stages, and the
 * account's details (time zone, company currency). Both are read whole and
 * land only what changed since the last sync.
 */
import { createHash } from 'node:crypto';

import { idOf, isoTimeOf, resultsOf } from '../hubspot/response-shape.js';
import type { JsonObject } from '../protocol/messages.js';
import { recordSchema } from './record-schema.js';
import type { Stream } from './stream.js';

interface Pipeline extends JsonObject {
  id: string;
  updatedAt: string;
  archived: boolean;
  stages: Array<{ updatedAt?: string }>;
}

/** Deal pipelines with their stages, landed when one changed. */
export const dealPipelinesStream: Stream = {
  name: 'deal_pipelines',
  async jsonSchema() {
    return recordSchema({ type: 'object' });
  },
  async *read(context, state) {
    const updatedAfter = state?.updated_after as string | undefined;
    const origin = { method: 'GET', path: '/crm/v3/pipelines/deals' };
    const page = await context.api.get<unknown>(origin.path);
    let maxUpdated = updatedAfter;
    for (const pipeline of resultsOf<Pipeline>(page, origin)) {
      const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
      // A stage edit changes the stage's time, not always the pipeline's.
      const updatedAt = [pipeline.updatedAt, ...stages.map(
        (stage) => stage.updatedAt ?? pipeline.updatedAt)]
        .map((time) => isoTimeOf(time, origin, 'pipeline updatedAt'))
        .sort()
        .at(-1) ?? isoTimeOf(pipeline.updatedAt, origin, 'updatedAt');
      if (updatedAfter && updatedAt <= updatedAfter) continue;
      if (!maxUpdated || updatedAt > maxUpdated) maxUpdated = updatedAt;
      yield {
        id: idOf(pipeline.id, origin),
        updatedAt,
        archived: Boolean(pipeline.archived),
        properties: pipeline,
        associations: null,
      };
    }
    return maxUpdated ? { updated_after: maxUpdated } : {};
  },
};

/** The account's details (time zone, company currency), when changed. */
export const accountDetailsStream: Stream = {
  name: 'account_details',
  async jsonSchema() {
    return recordSchema({
      type: 'object',
      properties: {
        portalId: { type: 'integer' },
        timeZone: { type: 'string' },
        companyCurrency: { type: 'string' },
      },
    });
  },
  async *read(context, state) {
    const origin = { method: 'GET', path: '/account-info/v3/details' };
    const details = await context.api.get<JsonObject>(origin.path);
    // The account has no modified time; a digest of it tells a change.
    const digest = createHash('sha256')
      .update(JSON.stringify(details))
      .digest('hex');
    if (state?.digest !== digest) {
      yield {
        id: idOf(details?.portalId, origin),
        updatedAt: new Date().toISOString(),
        archived: false,
        properties: details,
        associations: null,
      };
    }
    return { digest };
  },
};
