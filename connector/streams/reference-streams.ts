/**
 * Small reference streams: deal pipelines with their stages, and the
 * account's details (time zone, company currency). Both are read whole and
 * land only what changed since the last sync.
 */
import { createHash } from 'node:crypto';

import type { JsonObject } from '../protocol/messages.js';
import { recordSchema } from './record-schema.js';
import type { Stream } from './stream.js';

interface Pipeline extends JsonObject {
  id: string;
  updatedAt: string;
  archived: boolean;
  stages: Array<{ updatedAt?: string }>;
}

export const dealPipelinesStream: Stream = {
  name: 'deal_pipelines',
  async jsonSchema() {
    return recordSchema({ type: 'object' });
  },
  async *read(context, state) {
    const updatedAfter = state?.updated_after as string | undefined;
    const { results } = await context.api.get<{ results: Pipeline[] }>(
      '/crm/v3/pipelines/deals');
    let maxUpdated = updatedAfter;
    for (const pipeline of results) {
      // A stage edit changes the stage's time, not always the pipeline's.
      const updatedAt = [pipeline.updatedAt, ...pipeline.stages.map(
        (stage) => stage.updatedAt ?? pipeline.updatedAt)]
        .map((time) => new Date(time).toISOString())
        .sort()
        .at(-1) ?? new Date(pipeline.updatedAt).toISOString();
      if (updatedAfter && updatedAt <= updatedAfter) continue;
      if (!maxUpdated || updatedAt > maxUpdated) maxUpdated = updatedAt;
      yield {
        id: String(pipeline.id),
        updatedAt,
        archived: Boolean(pipeline.archived),
        properties: pipeline,
        associations: null,
      };
    }
    return maxUpdated ? { updated_after: maxUpdated } : {};
  },
};

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
    const details = await context.api.get<JsonObject>(
      '/account-info/v3/details');
    // The account has no modified time; a digest of it tells a change.
    const digest = createHash('sha256')
      .update(JSON.stringify(details))
      .digest('hex');
    if (state?.digest !== digest) {
      yield {
        id: String(details.portalId),
        updatedAt: new Date().toISOString(),
        archived: false,
        properties: details,
        associations: null,
      };
    }
    return { digest };
  },
};
