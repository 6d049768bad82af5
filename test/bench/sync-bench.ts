/**
 * `npm run bench`: how fast `source-hubspot sync` lands a large portal and
 * how much memory it needs doing so. Prints figures; asserts nothing.
 *
 *   npm run bench -- --deals 50000 --companies 5000
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

import { startLocalStack } from '../../tools/local-stack.js';
import { ENTRY_POINTS } from '../../tools/run-step.js';

const args = await yargs(hideBin(process.argv))
  .option('deals', { type: 'number', default: 20_000 })
  .option('companies', { type: 'number', default: 2_000 })
  .option('seed', { type: 'number', default: 1 })
  .strict()
  .parseAsync();

const stack = await startLocalStack({
  seed: args.seed,
  deals: args.deals,
  companies: args.companies,
  rateLimit: false,
});
try {
  const config = '/tmp/bench-sync-config.json';
  // A budget far above HubSpot's, so the figures show our own cost.
  fs.writeFileSync(config, JSON.stringify({ requests_per_ten_seconds: 1000 }));
  const first = await measure(['sync', '--config', config], stack.env);
  const second = await measure(['sync', '--config', config], stack.env);
  const records = stack.portal.companies.length + stack.portal.deals.length;
  console.log(JSON.stringify({
    portal: { companies: args.companies, deals: args.deals },
    firstSync: {
      seconds: first.seconds,
      recordsPerSecond: Math.round(records / first.seconds),
      peakRssMiB: first.peakRssMiB,
    },
    noChangeSync: { seconds: second.seconds, peakRssMiB: second.peakRssMiB },
    sandboxRequests: stack.sandbox.requests.length,
  }, null, 2));
} finally {
  await stack.stop();
}

async function measure(cliArgs: string[], env: Record<string, string>) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [ENTRY_POINTS.connector, ...cliArgs], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peakKiB = 0;
  const poll = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm?.[1]) peakKiB = Math.max(peakKiB, Number(hwm[1]));
    } catch {
      // The process has exited between two polls.
    }
  }, 50);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`sync exited with ${code}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds: Number(seconds.toFixed(2)), peakRssMiB: Math.round(peakKiB / 1024) };
}
