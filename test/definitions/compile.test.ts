/**
 * The Dataform project as the official compiler sees it: every action,
 * the mart's incremental set-up, the assertions, and golden files of the
 * SQL generated for the key models. Run with UPDATE_GOLDENS=1 to rewrite
 * the goldens after a reviewed change.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';

import { PROJECT_ROOT } from '../../tools/paths.js';
import {
  compileProject,
  type CompiledGraph,
  type CompiledTable,
} from './compile-project.js';

const GOLDEN_DIR = path.join(PROJECT_ROOT, 'test', 'definitions', 'golden');
const UPDATE_GOLDENS = process.env.UPDATE_GOLDENS === '1';

const RAW_TABLES = [
  'account_details',
  'companies',
  'deal_company_associations',
  'deal_pipelines',
  'deals',
];

const TABLES: Record<string, string> = {
  'hubspot_staging.stg_hubspot__account_details': 'view',
  'hubspot_staging.stg_hubspot__companies': 'view',
  'hubspot_staging.stg_hubspot__deal_company_associations': 'view',
  'hubspot_staging.stg_hubspot__deal_pipeline_stages': 'view',
  'hubspot_staging.stg_hubspot__deal_versions': 'view',
  'hubspot_staging.stg_hubspot__deals': 'view',
  'hubspot_intermediate.int_deal_revenue_attribution': 'table',
  'hubspot_revenue.customer_monthly_revenue': 'incremental',
  'hubspot_revenue.revenue_rejected_deals': 'table',
};

// Why a won deal is not counted, in the order the attribution checks them.
const REJECTION_REASONS = [
  'missing_close_date',
  'implausible_close_date',
  'missing_amount',
  'invalid_amount',
  'missing_home_currency_amount',
  'negative_amount',
];

describe('dataform compile', () => {
  let graph: CompiledGraph;

  before(async () => {
    graph = await compileProject();
  });

  it('compiles without errors', () => {
    assert.deepEqual(graph.graphErrors?.compilationErrors ?? [], []);
  });

  it('declares the five raw tables in the raw_dataset var', () => {
    assert.deepEqual(
      graph.declarations.map((d) => `${d.target.schema}.${d.target.name}`).sort(),
      RAW_TABLES.map((name) => `hubspot_raw.${name}`),
    );
  });

  it('builds every model with its materialization', () => {
    const actual = Object.fromEntries(graph.tables.map((t) =>
      [`${t.target.schema}.${t.target.name}`, t.type]));
    assert.deepEqual(actual, TABLES);
  });

  it('describes every model and each of its columns', () => {
    for (const table of graph.tables) {
      const name = table.target.name;
      assert.match(table.actionDescriptor?.description ?? '', /one row per/i,
        `${name}: the description states the grain`);
      const described = new Set((table.actionDescriptor?.columns ?? [])
        .filter((c) => c.description)
        .map((c) => c.path.join('.')));
      for (const column of finalColumns(table.query)) {
        assert.ok(described.has(column), `${name}.${column} has a description`);
      }
    }
  });

  it('makes the mart incremental, partitioned by month, clustered by customer', () => {
    const mart = table(graph, 'customer_monthly_revenue');
    assert.equal(mart.enumType, 'INCREMENTAL');
    assert.equal(mart.protected, false);
    assert.deepEqual(mart.bigquery, {
      partitionBy: 'date_trunc(revenue_month, month)',
      clusterBy: ['customer_id'],
    });
    assert.deepEqual(mart.preOps ?? [], [], 'a full refresh needs no pre-ops');
    const preOps = (mart.incrementalPreOps ?? []).join('\n');
    assert.match(preOps, /declare revenue_months_to_rebuild array<date>/);
    assert.match(preOps, /begin transaction;/);
    assert.match(preOps, /delete from `local-project\.hubspot_revenue\.customer_monthly_revenue`/);
    assert.match(mart.incrementalQuery ?? '',
      /revenue_month in unnest\(revenue_months_to_rebuild\)/);
    assert.doesNotMatch(mart.query, /revenue_months_to_rebuild/);
    assert.deepEqual(
      (mart.incrementalPostOps ?? []).map((op) => op.trim()),
      ['commit transaction'],
    );
  });

  it('asserts the grain of every model and the reconciliation', () => {
    const names = new Set(graph.assertions.map((a) => a.target.name));
    for (const target of Object.keys(TABLES)) {
      const prefix = target.replace('.', '_');
      assert.ok(names.has(`${prefix}_assertions_uniqueKey_0`),
        `${target} has a uniqueness assertion`);
      assert.ok(names.has(`${prefix}_assertions_rowConditions`),
        `${target} has non-null assertions`);
    }
    assert.ok(names.has('assert_customer_monthly_revenue_reconciles'));
    assert.ok(names.has('assert_single_hubspot_portal'));

    const martGrain = graph.assertions.find((a) => a.target.name ===
      'hubspot_revenue_customer_monthly_revenue_assertions_uniqueKey_0');
    assert.match(martGrain?.query ?? '',
      /GROUP BY customer_id, revenue_month, currency/);
  });

  it('checks the rejection reasons in order and asserts each is known', () => {
    const query = table(graph, 'int_deal_revenue_attribution').query;
    const checks = /\nchecked as \(([\s\S]*?)\nfinal as \(/.exec(query)?.[1];
    assert.ok(checks, 'the attribution has a checked CTE');
    assert.deepEqual(
      [...checks.matchAll(/then '(\w+)'/g)].map((m) => m[1]),
      REJECTION_REASONS,
    );

    const allowed = `in (${REJECTION_REASONS.map((r) => `'${r}'`).join(', ')})`;
    const models = ['int_deal_revenue_attribution', 'revenue_rejected_deals'];
    for (const model of models) {
      const rowConditions = graph.assertions.find((a) =>
        a.target.name.endsWith(`_${model}_assertions_rowConditions`));
      assert.ok(rowConditions?.query.includes(allowed),
        `${model} asserts rejection_reason ${allowed}`);
    }
  });

  it('reads the raw tables from the dataset named by --vars', async () => {
    const other = await compileProject(['--vars', 'raw_dataset=other_raw']);
    assert.ok(other.declarations.every((d) => d.target.schema === 'other_raw'));
    assert.match(table(other, 'stg_hubspot__deal_versions').query,
      /`local-project\.other_raw\.deals`/);
  });

  describe('golden SQL', () => {
    const goldens: Array<[string, (g: CompiledGraph) => string]> = [
      ['customer_monthly_revenue.query.sql',
        (g) => table(g, 'customer_monthly_revenue').query],
      ['customer_monthly_revenue.incremental_query.sql',
        (g) => table(g, 'customer_monthly_revenue').incrementalQuery ?? ''],
      ['customer_monthly_revenue.incremental_pre_ops.sql',
        (g) => (table(g, 'customer_monthly_revenue').incrementalPreOps ?? [])
          .join('\n;\n')],
      ['int_deal_revenue_attribution.query.sql',
        (g) => table(g, 'int_deal_revenue_attribution').query],
      ['stg_hubspot__deal_versions.query.sql',
        (g) => table(g, 'stg_hubspot__deal_versions').query],
      ['stg_hubspot__deal_company_associations.query.sql',
        (g) => table(g, 'stg_hubspot__deal_company_associations').query],
      ['assert_customer_monthly_revenue_reconciles.query.sql',
        (g) => g.assertions.find((a) =>
          a.target.name === 'assert_customer_monthly_revenue_reconciles')
          ?.query ?? ''],
    ];

    for (const [file, sqlOf] of goldens) {
      it(`matches ${file}`, () => {
        checkGolden(file, sqlOf(graph));
      });
    }
  });
});

function table(graph: CompiledGraph, name: string): CompiledTable {
  const found = graph.tables.find((t) => t.target.name === name);
  assert.ok(found, `the graph has a table ${name}`);
  return found;
}

// The columns the `final` CTE lists: split at top-level commas, each named
// by its alias or its last identifier.
function finalColumns(query: string): string[] {
  const match = /\nfinal as \(\n\s+select\n([\s\S]*?)\n\s+from /.exec(query);
  assert.ok(match?.[1], 'the model ends with a final CTE');
  const items = splitTopLevel(match[1]).map((item) => item.trim());
  assert.ok(!items.includes('*'), 'the final CTE names its columns');
  return items.map((item) => /(\w+)$/.exec(item)?.[1] ?? item);
}

function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const char = list[i];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      items.push(list.slice(start, i));
      start = i + 1;
    }
  }
  items.push(list.slice(start));
  return items;
}

function checkGolden(file: string, actual: string): void {
  const goldenPath = path.join(GOLDEN_DIR, file);
  const normalized = `${actual.trim()}\n`;
  if (UPDATE_GOLDENS) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(goldenPath, normalized);
    return;
  }
  assert.ok(fs.existsSync(goldenPath),
    `golden ${file} is missing; run the tests with UPDATE_GOLDENS=1`);
  assert.equal(normalized, fs.readFileSync(goldenPath, 'utf8'),
    `generated SQL differs from ${file}; if the change is intended, ` +
      'run the tests with UPDATE_GOLDENS=1 and review the diff');
}
