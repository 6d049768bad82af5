/** Reading HubSpot-style query parameters. */
import { validationError } from './hubspot-errors.js';

/**
 * A list parameter given comma-separated (`properties=a,b`), repeated
 * (`properties=a&properties=b`, as the official client sends it) or
 * both; undefined when absent.
 */
export function listParam(url: URL, name: string): string[] | undefined {
  const raw = url.searchParams.getAll(name);
  if (raw.length === 0) return undefined;
  return raw.flatMap((value) => value.split(','))
    .map((value) => value.trim()).filter((value) => value !== '');
}

/** An integer parameter within [min, max], or `fallback` when absent. */
export function intParam(url: URL, name: string, fallback: number,
  min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw validationError(`Invalid value for '${name}': '${raw}'. It must ` +
      `be a whole number from ${min} to ${max}.`,
    [{ message: `${name} must be between ${min} and ${max}`, in: name }]);
  }
  return value;
}

/** A boolean parameter ("true"/"false"), or `fallback` when absent. */
export function boolParam(url: URL, name: string, fallback: boolean): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (raw !== 'true' && raw !== 'false') {
    throw validationError(`Invalid value for '${name}': '${raw}'. Use ` +
      "'true' or 'false'.", [{ message: `${name} must be a boolean`,
      in: name }]);
  }
  return raw === 'true';
}
