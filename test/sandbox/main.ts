/**
 * Runs the HubSpot sandbox from the command line:
 *   node dist/test/sandbox/main.js --port 0 --seed 42
 * Prints the base URL as the only line on stdout, then one line per
 * request on stderr; stops on SIGINT or SIGTERM.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

import {
  DEFAULT_COMPANY_COUNT, DEFAULT_DEAL_COUNT, generatePortal,
} from './generate-portal.js';
import { DEFAULT_ACCESS_TOKEN, startSandbox } from './server.js';

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('sandbox')
    .usage('$0 [options]: a local HubSpot serving a generated portal')
    .option('port', { type: 'number', default: 0,
      describe: 'Port on 127.0.0.1; 0 picks a free one' })
    .option('seed', { type: 'number', default: 42,
      describe: 'Portal seed; equal seeds serve equal data' })
    .option('companies', { type: 'number', default: DEFAULT_COMPANY_COUNT })
    .option('deals', { type: 'number', default: DEFAULT_DEAL_COUNT })
    .option('token', { type: 'string',
      default: process.env.HUBSPOT_ACCESS_TOKEN || DEFAULT_ACCESS_TOKEN,
      defaultDescription: '$HUBSPOT_ACCESS_TOKEN or sandbox-token',
      describe: 'Bearer token the sandbox accepts' })
    .option('rate-limit', { type: 'boolean', default: true,
      describe: 'Apply HubSpot rate limits (--no-rate-limit to turn off)' })
    .strict()
    .parseAsync();

  const portal = generatePortal({ seed: args.seed,
    companies: args.companies, deals: args.deals });
  const sandbox = await startSandbox({
    portal, port: args.port, accessToken: args.token,
    ...(args.rateLimit ? {} : { rateLimit: false as const }),
    onRequest: ({ method, path, status }) => {
      process.stderr.write(`${new Date().toISOString()} ${status} ` +
        `${method} ${path}\n`);
    },
  });
  process.stdout.write(`${sandbox.baseUrl}\n`);
  process.stderr.write(`sandbox: seed ${args.seed}, ` +
    `${portal.companies.length} companies, ${portal.deals.length} deals, ` +
    `time zone ${portal.account.timeZone}; Ctrl-C stops it\n`);

  const stop = (signal: string): void => {
    process.stderr.write(`sandbox: ${signal}, stopping\n`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${(error as Error).message}\n` +
    'Check the options (node main.js --help); a busy --port needs ' +
    'another number or 0.\n');
  process.exit(1);
});
