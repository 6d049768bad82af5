/**
 * Starts child processes that die with the process that started them.
 */
import {
  spawn,
  type ChildProcess,
  type ChildProcessByStdio,
  type SpawnOptions,
  type SpawnOptionsWithStdioTuple,
  type StdioNull,
  type StdioPipe,
} from 'node:child_process';
import fs from 'node:fs';
import type { Readable } from 'node:stream';

const SETPRIV = '/usr/bin/setpriv';

/**
 * `spawn(command, args, options)`, wrapped in util-linux `setpriv` so the
 * kernel sends the child SIGKILL when this process dies, even by SIGKILL
 * itself: no emulator, pipeline step or Dataform run outlives the run that
 * started it. Where setpriv is missing, only orderly exits clean up.
 */
export function spawnTied(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe>,
): ChildProcessByStdio<null, Readable, Readable>;
export function spawnTied(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess;
export function spawnTied(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  return fs.existsSync(SETPRIV)
    ? spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args], options)
    : spawn(command, args, options);
}
