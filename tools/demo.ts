/**
 * `npm run demo`: the whole pipeline on this machine. Starts the HubSpot
 * sandbox and the BigQuery emulator, runs `source-hubspot sync` and the
 * Dataform transform as a scheduler would, prints monthly revenue, and
 * stops everything, also when a step fails.
 */
import { createBigQueryClient } from '../connector/bigquery/client.js';
import {
  LOCAL_LOCATION,
  LOCAL_PROJECT,
  startLocalStack,
  type LocalStack,
} from './local-stack.js';
import { printReport } from './revenue-report.js';
import { ENTRY_POINTS, runStep } from './run-step.js';

const SEED = Number(process.env.DEMO_SEED ?? 42);

const say = (message: string) => process.stderr.write(`demo: ${message}\n`);

let stack: LocalStack | undefined;
const startedAt = Date.now();
const steps = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping the running step, the sandbox and the emulator`);
    steps.abort();
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}
try {
  say(`starting the HubSpot sandbox (seed ${SEED}) and the BigQuery emulator`);
  stack = await startLocalStack({ seed: SEED });
  const { portal, sandbox, emulator, env } = stack;
  say(`sandbox at ${sandbox.baseUrl}: ${portal.companies.length} companies, ` +
    `${portal.deals.length} deals, time zone ${portal.account.timeZone}, ` +
    `currency ${portal.account.companyCurrency}`);
  say(`emulator at ${emulator.emulatorHost}`);
  // The steps' stderr is a pipe here; people read this, so plain lines.
  const stepEnv = { ...env, LOG_FORMAT: 'text' };

  say('step 1/3: source-hubspot sync');
  await runStep(ENTRY_POINTS.connector, ['sync'], stepEnv,
    { echo: true, signal: steps.signal });

  say('step 2/3: Dataform transform');
  await runStep(ENTRY_POINTS.transform, [], stepEnv,
    { echo: true, signal: steps.signal });

  say('step 3/3: report');
  Object.assign(process.env, env);
  const bigquery = createBigQueryClient({
    projectId: LOCAL_PROJECT,
    location: LOCAL_LOCATION,
  });
  await printReport(bigquery, process.stdout);
  say(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
} catch (error) {
  say(`failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stack?.stop();
}
