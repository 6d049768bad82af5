/**
 * Errors of the transform runner. Each says what went wrong, with which
 * value, and what to do next.
 */
import { ConnectorError } from '../connector/errors.js';
import type { ActionOutcome } from './transform-run-output.js';

/**
 * Base class of every error the transform raises on purpose; one family
 * with the connector's, so a scheduler can catch both alike.
 */
export class TransformError extends ConnectorError {}

/**
 * An option or the environment is wrong, or the project does not compile;
 * nothing ran in the warehouse.
 */
export class TransformConfigError extends TransformError {}

/** The Dataform run failed: a table could not be built or an assertion failed. */
export class TransformRunError extends TransformError {
  constructor(
    message: string,
    /** The failed actions, each with the CLI's error lines. */
    readonly failures: ActionOutcome[],
    /** The CLI's exit code; null when it was killed. */
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}
