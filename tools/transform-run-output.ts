/**
 * Reads what `dataform run` prints (with NO_COLOR) back into one outcome
 * per action. The CLI has no machine-readable output for a real run, so
 * this follows its printer: a header line per finished action, then, for
 * a failure, the statement (lines starting `> `) and the error.
 */

/** What kind of action a line reports. */
export type ActionKind = 'table' | 'assertion' | 'operation';

/** How an action ended. */
export type ActionStatus = 'succeeded' | 'failed' | 'skipped';

/** One action of the run, as the CLI reported it. */
export interface ActionOutcome {
  kind: ActionKind;
  /** `dataset.name`, as the CLI prints it. */
  target: string;
  status: ActionStatus;
  /** For tables: table, view or incremental. */
  tableType?: string;
  /** For failures: the error lines the CLI printed (not the statement). */
  errors: string[];
}

const HEADERS: Array<[RegExp, ActionKind, ActionStatus]> = [
  [/^Table (?:created|dry run success):\s+(\S+)(?: \[(\w+)\])?/, 'table', 'succeeded'],
  [/^Assertion (?:passed|dry run success):\s+(\S+)/, 'assertion', 'succeeded'],
  [/^Operation (?:completed successfully|dry run success):\s+(\S+)/, 'operation', 'succeeded'],
  [/^Dataset creation failed:\s+(\S+)(?: \[(\w+)\])?/, 'table', 'failed'],
  [/^Assertion failed:\s+(\S+)/, 'assertion', 'failed'],
  [/^Operation failed:\s+(\S+)/, 'operation', 'failed'],
  [/^Skipping dataset creation:\s+(\S+)(?: \[(\w+)\])?/, 'table', 'skipped'],
  [/^Skipping assertion execution:\s+(\S+)/, 'assertion', 'skipped'],
  [/^Skipping operation execution:\s+(\S+)/, 'operation', 'skipped'],
];

/**
 * Parses one output stream of `dataform run`. Pass stdout and stderr
 * separately: the CLI writes successes to one and failures to the other.
 */
export function parseRunOutput(text: string): ActionOutcome[] {
  const outcomes: ActionOutcome[] = [];
  let current: ActionOutcome | undefined;

  for (const line of stripAnsi(text).split('\n')) {
    const header = matchHeader(line);
    if (header) {
      current = header;
      outcomes.push(header);
      continue;
    }
    const detail = line.trim();
    if (!current || current.status !== 'failed' || !detail) continue;
    if (detail.startsWith('>') || /^(jobId|Bytes billed):/.test(detail)) {
      continue;
    }
    current.errors.push(detail);
  }
  return outcomes;
}

/**
 * The outcome a single line announces, when it is an action's header
 * line; for a failure, its error lines come later (see parseRunOutput).
 */
export function parseRunLine(line: string): ActionOutcome | undefined {
  return matchHeader(stripAnsi(line));
}

/**
 * One sentence naming every failed action and its error, and how many
 * actions were skipped because of them; '' when nothing failed.
 */
export function summarizeFailures(
  actions: ActionOutcome[],
  projectId: string,
): string {
  const failed = actions.filter((a) => a.status === 'failed');
  if (failed.length === 0) return '';
  const skipped = actions.filter((a) => a.status === 'skipped').length;
  const parts = failed.map((action) => {
    const error = action.errors.join(' ') || 'no error message';
    if (action.kind === 'assertion') {
      return `assertion ${action.target} failed (${error}); see the ` +
        `failing rows with: select * from \`${projectId}.${action.target}\``;
    }
    return `${action.kind} ${action.target} failed: ${error}`;
  });
  const skippedNote = skipped > 0
    ? `; ${skipped} dependent action(s) were skipped`
    : '';
  return `${parts.join('; ')}${skippedNote}`;
}

// Error messages can carry terminal escapes even with NO_COLOR set: the
// local emulator underlines the failing token of a SQL syntax error.
function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function matchHeader(line: string): ActionOutcome | undefined {
  for (const [pattern, kind, status] of HEADERS) {
    const match = pattern.exec(line);
    if (!match?.[1]) continue;
    return {
      kind,
      target: match[1],
      status,
      ...(match[2] ? { tableType: match[2] } : {}),
      errors: [],
    };
  }
  return undefined;
}
