/**
 * Reading `dataform run` output (as printed with NO_COLOR) back into
 * action outcomes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  parseRunLine,
  parseRunOutput,
  summarizeFailures,
} from '../../tools/transform-run-output.js';

const STDOUT = [
  'Compiling...',
  '',
  'Compiled successfully.',
  '',
  'Running...',
  '',
  'Table created:  hubspot_staging.stg_hubspot__deals [view] ',
  ' \t jobId: dataform-1,',
  ' \t Bytes billed: 0 B',
  'Assertion passed:  hubspot_assertions.assert_single_hubspot_portal ',
  ' \t jobId: dataform-2, dataform-3,',
  'Skipping dataset creation:  ' +
    'hubspot_revenue.customer_monthly_revenue [incremental]',
  'Skipping assertion execution:  ' +
    'hubspot_assertions.assert_customer_monthly_revenue_reconciles',
].join('\n');

const STDERR = [
  'Dataset creation failed:  ' +
    'hubspot_intermediate.int_deal_revenue_attribution [table] ',
  ' \t jobId: dataform-4,',
  '  > create or replace table x as',
  '  > select 1',
  '  bigquery error: Syntax error: Unexpected \u001b[4mfrom\u001b[0m at [3:1]',
  'Assertion failed:  ' +
    'hubspot_assertions.hubspot_revenue_revenue_rejected_deals_assertions_uniqueKey_0 ',
  '  > create or replace view y as select 1',
  '  bigquery error: Assertion failed: query returned 2 row(s).',
].join('\n');

describe('dataform run output', () => {
  it('reads one outcome per finished action', () => {
    const outcomes = [...parseRunOutput(STDOUT), ...parseRunOutput(STDERR)];

    assert.deepEqual(outcomes.map((o) => [o.kind, o.target, o.status]), [
      ['table', 'hubspot_staging.stg_hubspot__deals', 'succeeded'],
      ['assertion', 'hubspot_assertions.assert_single_hubspot_portal', 'succeeded'],
      ['table', 'hubspot_revenue.customer_monthly_revenue', 'skipped'],
      ['assertion', 'hubspot_assertions.assert_customer_monthly_revenue_reconciles', 'skipped'],
      ['table', 'hubspot_intermediate.int_deal_revenue_attribution', 'failed'],
      ['assertion',
        'hubspot_assertions.hubspot_revenue_revenue_rejected_deals_assertions_uniqueKey_0',
        'failed'],
    ]);
    assert.equal(outcomes[0]?.tableType, 'view');
  });

  it('keeps the error lines of a failure, without the statement or escapes', () => {
    const [table, assertion] = parseRunOutput(STDERR);

    assert.deepEqual(table?.errors, [
      'bigquery error: Syntax error: Unexpected from at [3:1]',
    ]);
    assert.deepEqual(assertion?.errors, [
      'bigquery error: Assertion failed: query returned 2 row(s).',
    ]);
  });

  it('names each failure and says where to see failing rows', () => {
    const outcomes = [...parseRunOutput(STDOUT), ...parseRunOutput(STDERR)];

    const summary = summarizeFailures(outcomes, 'my-project');

    const assertion =
      'hubspot_assertions.hubspot_revenue_revenue_rejected_deals_assertions_uniqueKey_0';
    assert.ok(summary.includes('table ' +
      'hubspot_intermediate.int_deal_revenue_attribution failed: ' +
      'bigquery error: Syntax error'));
    assert.ok(summary.includes(`assertion ${assertion} failed ` +
      '(bigquery error: Assertion failed: query returned 2 row(s).)'));
    assert.ok(summary.includes(
      `see the failing rows with: select * from \`my-project.${assertion}\``));
    assert.ok(summary.includes('2 dependent action(s) were skipped'));
  });

  it('reads a header line on its own, as it streams in', () => {
    assert.deepEqual(
      parseRunLine('Table created:  hubspot_staging.stg_hubspot__deals [view] '),
      {
        kind: 'table',
        target: 'hubspot_staging.stg_hubspot__deals',
        status: 'succeeded',
        tableType: 'view',
        errors: [],
      },
    );
    assert.equal(parseRunLine('  > select 1'), undefined);
  });

  it('summarizes nothing when nothing failed', () => {
    assert.equal(summarizeFailures(parseRunOutput(STDOUT), 'p'), '');
  });
});
