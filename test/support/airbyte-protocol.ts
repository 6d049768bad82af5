/**
 * Validators built from the Airbyte protocol definitions kept in
 * shared/reference, so tests hold our messages to the published shapes.
 */
import fs from 'node:fs';
import path from 'node:path';

import { Ajv, type ValidateFunction } from 'ajv';
import yaml from 'js-yaml';

import { REFERENCE_DIR } from '../../tools/paths.js';

const PROTOCOL_DIR = path.join(REFERENCE_DIR, 'airbyte-protocol');

function loadYaml(file: string): Record<string, unknown> {
  return yaml.load(fs.readFileSync(path.join(PROTOCOL_DIR, file), 'utf8')) as
    Record<string, unknown>;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ ...loadYaml('well_known_types.yaml'), $id: 'WellKnownTypes.json' });
  return ajv;
}

/** Validates one AirbyteMessage against the protocol definitions. */
export function airbyteMessageValidator(): ValidateFunction {
  const protocol = loadYaml('airbyte_protocol.yaml');
  const ajv = newAjv();
  ajv.addSchema({ ...protocol, $id: 'airbyte_protocol.json' });
  return ajv.compile({ $ref: 'airbyte_protocol.json#/definitions/AirbyteMessage' });
}

/** Validates record data against a stream's json_schema from discover. */
export function recordValidator(jsonSchema: object): ValidateFunction {
  const { $schema: _ignored, ...schema } = jsonSchema as Record<string, unknown>;
  return newAjv().compile(schema);
}
