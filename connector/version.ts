/**
 * The connector's version, from package.json, for logs and user agents.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      return (require(candidate) as { version: string }).version;
    } catch {
      // Built into dist/: one folder deeper.
    }
  }
  return 'unknown';
}

export const CONNECTOR_VERSION = readVersion();
