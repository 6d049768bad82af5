/**
 * Compiles the project's Dataform definitions with the official CLI
 * (`dataform compile --json`) for tests, with no network and no Google
 * credentials in its environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PROJECT_ROOT } from '../../tools/paths.js';
import { runDataformCli } from '../../tools/transform-dataform-cli.js';

const COMPILE_TIMEOUT_MILLIS = 120_000;

/** A Dataform target. */
export interface Target {
  database?: string;
  schema: string;
  name: string;
}

/** The parts of a compiled table the tests look at. */
export interface CompiledTable {
  target: Target;
  type: string;
  enumType: string;
  query: string;
  incrementalQuery?: string;
  preOps?: string[];
  postOps?: string[];
  incrementalPreOps?: string[];
  incrementalPostOps?: string[];
  protected?: boolean;
  dependencyTargets?: Target[];
  bigquery?: { partitionBy?: string; clusterBy?: string[] };
  actionDescriptor?: {
    description?: string;
    columns?: Array<{ path: string[]; description?: string }>;
  };
}

/** The parts of a compiled graph the tests look at. */
export interface CompiledGraph {
  tables: CompiledTable[];
  assertions: Array<{
    target: Target;
    query: string;
    parentAction?: Target;
    dependencyTargets?: Target[];
  }>;
  declarations: Array<{ target: Target }>;
  graphErrors?: { compilationErrors?: Array<{ message: string }> };
  projectConfig: { vars?: Record<string, string> };
}

/** Compiles the project, adding `extraArgs` (for example `--vars`). */
export async function compileProject(
  extraArgs: string[] = [],
): Promise<CompiledGraph> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dataform-compile-'));
  try {
    const result = await runDataformCli(
      ['compile', PROJECT_ROOT, '--json', ...extraArgs],
      {
        cwd: PROJECT_ROOT,
        timeoutMillis: COMPILE_TIMEOUT_MILLIS,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          TMPDIR: home,
          NO_COLOR: '1',
          METADATA_SERVER_DETECTION: 'none',
        },
      },
    );
    if (result.exitCode !== 0) {
      throw new Error(`dataform compile exited with ${result.exitCode}:\n` +
        `${result.stdout}\n${result.stderr}`);
    }
    return JSON.parse(result.stdout) as CompiledGraph;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
