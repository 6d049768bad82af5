/**
 * Locations inside the project, found from the compiled file's own place
 * so they hold wherever the build output lives below the project root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the project's package.json. */
export const PROJECT_ROOT = findProjectRoot(
  path.dirname(fileURLToPath(import.meta.url)),
);

/** HubSpot's OpenAPI descriptions and the Airbyte protocol, kept beside us. */
export const REFERENCE_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'reference');

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) &&
      fs.existsSync(path.join(dir, 'workflow_settings.yaml'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no project root (package.json beside ` +
        `workflow_settings.yaml) above ${start}`);
    }
  }
}
