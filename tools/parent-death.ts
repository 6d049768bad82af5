/**
 * Makes a child process die with the process that started it.
 */
import fs from 'node:fs';

const SETPRIV = '/usr/bin/setpriv';

/**
 * The argv prefix that has the kernel send the child SIGKILL when this
 * process dies, even by SIGKILL itself (util-linux `setpriv`), so no
 * emulator or Dataform run outlives the run that started it. Empty where
 * setpriv is missing; then only orderly exits clean up.
 */
export function parentDeathPrefix(): string[] {
  return fs.existsSync(SETPRIV) ? [SETPRIV, '--pdeathsig', 'KILL', '--'] : [];
}
