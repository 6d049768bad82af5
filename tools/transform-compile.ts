/**
 * The compile step of a transform: `dataform compile --json`, so that
 * compile errors come back per file before the warehouse is touched.
 */
import { runDataformCli } from './transform-dataform-cli.js';
import { TransformConfigError } from './transform-errors.js';

const COMPILE_TIMEOUT_MILLIS = 2 * 60_000;

/** How much the compiled project will run. */
export interface CompiledSummary {
  tables: number;
  assertions: number;
}

interface CompiledGraph {
  tables?: unknown[];
  assertions?: unknown[];
  graphErrors?: {
    compilationErrors?: Array<{ fileName?: string; message?: string }>;
  };
}

/**
 * Compiles the project with `args` (project folder and config overrides)
 * and counts its actions; throws TransformConfigError naming each file
 * that does not compile.
 */
export async function compileForRun(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<CompiledSummary> {
  const compiled = await runDataformCli(['compile', ...args, '--json'], {
    env,
    cwd,
    timeoutMillis: COMPILE_TIMEOUT_MILLIS,
  });
  let graph: CompiledGraph;
  try {
    graph = JSON.parse(compiled.stdout) as CompiledGraph;
  } catch {
    throw new TransformConfigError(
      `dataform compile failed (exit ${compiled.exitCode}) in ${cwd}: ` +
        lastLines(`${compiled.stdout}\n${compiled.stderr}`),
    );
  }

  const errors = graph.graphErrors?.compilationErrors ?? [];
  if (errors.length > 0 || compiled.exitCode !== 0) {
    const detail = errors
      .map((e) => `${e.fileName ?? '?'}: ${e.message ?? 'unknown error'}`)
      .join('; ');
    throw new TransformConfigError('the Dataform project does not compile: ' +
      (detail || lastLines(compiled.stderr)));
  }
  return {
    tables: graph.tables?.length ?? 0,
    assertions: graph.assertions?.length ?? 0,
  };
}

/** The last `count` lines of `text`, for error messages. */
export function lastLines(text: string, count = 8): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
