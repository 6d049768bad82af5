/**
 * Every stream, in the order `sync` lands them.
 */
import { dealCompanyAssociationsStream } from './deal-company-associations.js';
import { companiesStream, dealsStream } from './object-streams.js';
import {
  accountDetailsStream,
  dealPipelinesStream,
} from './reference-streams.js';
import type { Stream } from './stream.js';

/** Reference data first, so the models never see deals without them. */
export const ALL_STREAMS: readonly Stream[] = [
  accountDetailsStream,
  dealPipelinesStream,
  companiesStream,
  dealsStream,
  dealCompanyAssociationsStream,
];

/** The stream called `name`, or undefined. */
export function findStream(name: string): Stream | undefined {
  return ALL_STREAMS.find((stream) => stream.name === name);
}
