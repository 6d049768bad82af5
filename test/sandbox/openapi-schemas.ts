/**
 * Validators for the reference HubSpot OpenAPI schemas, for tests. The
 * schemas are used as published except for the live differences the
 * reference README documents, each relaxed at one named spot:
 * - object property values may be null (HubSpot sends null for a
 *   requested property with no value; the schema says string);
 * - v4 `toObjectId` may be an integer (HubSpot sends a number);
 * - v4 association `label` may be null (unlabelled types).
 * A relaxation whose spot is missing or is no longer `type: "string"`
 * throws, so a changed reference cannot silently widen validation.
 */
import fs from 'node:fs';
import path from 'node:path';

import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';

import { REFERENCE_DIR } from '../../tools/paths.js';

const addFormats = formatsModule.default;
const OPENAPI_DIR = path.join(REFERENCE_DIR, 'hubspot-openapi');

interface Relaxation { schema: string; path: string[]; type: string[] }

const NULLABLE_PROPERTY_VALUES: Relaxation[] = [
  'SimplePublicObject', 'SimplePublicObjectWithAssociations',
].map((schema) => ({ schema, type: ['string', 'null'],
  path: ['properties', 'properties', 'additionalProperties'] }));

/** The documented live differences, by reference file. */
export const LIVE_DIFFERENCES: Readonly<Record<string, Relaxation[]>> = {
  'crm-deals-v3.json': NULLABLE_PROPERTY_VALUES,
  'crm-companies-v3.json': NULLABLE_PROPERTY_VALUES,
  'crm-associations-v4.json': [
    { schema: 'MultiAssociatedObjectWithLabel', type: ['string', 'integer'],
      path: ['properties', 'toObjectId'] },
    { schema: 'AssociationSpecWithLabel', type: ['string', 'null'],
      path: ['properties', 'label'] },
  ],
};

/** Checks data against a named schema; returns ajv's error text or null. */
export type SchemaCheck = (schemaName: string, data: unknown) => string | null;

/**
 * A checker for `components.schemas` of one reference file, e.g.
 * "crm-deals-v3.json". `relax: false` uses the schemas exactly as published.
 */
export function openApiChecker(file: string,
  options: { relax?: boolean } = {}): SchemaCheck {
  const document = JSON.parse(fs.readFileSync(path.join(OPENAPI_DIR, file),
    'utf8')) as { components: { schemas: Record<string, unknown> } };
  const components = structuredClone(document.components);
  if (options.relax ?? true) {
    for (const relaxation of LIVE_DIFFERENCES[file] ?? []) {
      relax(components.schemas, relaxation, file);
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: file, components });

  return (schemaName, data) => {
    const validate = ajv.getSchema(`${file}#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`${file} has no schema ${schemaName}`);
    return validate(data) ? null : ajv.errorsText(validate.errors);
  };
}

function relax(schemas: Record<string, unknown>, relaxation: Relaxation,
  file: string): void {
  let node = schemas[relaxation.schema] as Record<string, unknown> | undefined;
  for (const key of relaxation.path) {
    node = node?.[key] as Record<string, unknown> | undefined;
  }
  const where = `${file} ${relaxation.schema}.${relaxation.path.join('.')}`;
  if (node?.type !== 'string') {
    throw new Error(`expected type "string" at ${where}; the reference ` +
      'changed, so review LIVE_DIFFERENCES in openapi-schemas.ts');
  }
  node.type = relaxation.type;
}
