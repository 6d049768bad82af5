/**
 * `npm run emulator`: the local BigQuery emulator on its own, for running
 * `source-hubspot sync` and `npm run transform` by hand. Prints the
 * variables that point clients at it, then runs until Ctrl-C.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

import { startEmulator } from './emulator.js';

const args = await yargs(hideBin(process.argv))
  .usage('$0 [--project ID]\n\nStart the local BigQuery emulator on a free ' +
    'loopback port and print the environment to reach it.')
  .option('project', {
    type: 'string',
    default: 'local-project',
    describe: 'Project id the emulator answers for.',
  })
  .strict()
  .parseAsync();

const emulator = await startEmulator({ projectId: args.project });
for (const [name, value] of Object.entries(emulator.env)) {
  process.stdout.write(`export ${name}=${value}\n`);
}
process.stderr.write(`emulator: running (log: ${emulator.logFile}); ` +
  'Ctrl-C stops it\n');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().finally(() => process.exit(0));
  });
}
