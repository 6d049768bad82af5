/**
 * JSON Schemas for stream records, using the Airbyte well-known types.
 */
import type { JsonObject } from '../protocol/messages.js';

const WELL_KNOWN = 'WellKnownTypes.json#/definitions';

/** Schema of a StreamRecord whose properties are described by `properties`. */
export function recordSchema(
  properties: JsonObject,
  associations: JsonObject = { type: 'null' },
): JsonObject {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'updatedAt', 'archived', 'properties', 'associations'],
    properties: {
      id: { type: 'string' },
      updatedAt: { $ref: `${WELL_KNOWN}/TimestampWithTimezone` },
      archived: { type: 'boolean' },
      properties,
      associations,
    },
  };
}

/**
 * Schema of HubSpot's properties object: every value is a string on the
 * wire (numbers and dates included) or null, so that is what we declare;
 * the HubSpot type is kept in the description for the models.
 */
export function hubspotPropertiesSchema(
  definitions: Array<{ name: string; type: string; label?: string }>,
): JsonObject {
  return {
    type: 'object',
    additionalProperties: { type: ['string', 'null'] },
    properties: Object.fromEntries(
      definitions.map((definition) => [
        definition.name,
        {
          type: ['string', 'null'],
          description: `${definition.label ?? definition.name} ` +
            `(HubSpot type ${definition.type}, sent as a string)`,
        },
      ]),
    ),
  };
}
