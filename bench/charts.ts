/**
 * Issue 6 §4: native charts add a constant number of syncs. Builds the same
 * workbook into the typed fake Excel with and without its charts at two
 * customer counts and reports the syncs and operations the charts add
 * (the Summary sheet is the test fixture's until the Summary part lands).
 */
import { createFakeExcel } from '../src/fake-excel';
import { gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import type { DayNumber } from '../src/domain/dates';
import { buildWorkbookPlan } from '../src/plan/buildPlan';
import { withCharts } from '../src/plan/charts';
import type { WorkbookPlan } from '../src/plan/types';
import { applyPlan } from '../src/renderers/excel/applyPlan';
import { applyCharts } from '../src/renderers/excel/charts';
import { summaryFixture } from '../tests/fixtures/charts/summaryFixture';
import { syntheticCustomers } from './synthetic';

export interface ChartSyncFigures {
  readonly customers: number;
  /** Syncs of the build without charts, and what the charts add. */
  readonly baseSyncs: number;
  readonly chartSyncs: number;
  /** Operations in the charts' syncs. */
  readonly chartOperations: number;
  /** A "Refresh charts" (applyCharts alone) on the built workbook, and the build without charts. */
  readonly refreshMs: number;
  readonly baseMs: number;
}

function planWithCharts(n: number, today: DayNumber): WorkbookPlan {
  const result = gradeCustomers(syntheticCustomers(n), DEFAULT_SETTINGS, { today });
  const base = buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId'], carriedHeaders: [] });
  const f = summaryFixture('en');
  return withCharts({ ...base, sheets: [...base.sheets, f.sheet] }, f.layout, f.summary, f.settings);
}

async function build(plan: WorkbookPlan): Promise<{ syncs: number; ms: number; operations: number[]; refreshMs: number }> {
  const fake = createFakeExcel();
  let start = process.hrtime.bigint();
  await fake.run((context) => applyPlan(context, plan, { supports: () => true }));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const operations = fake.stats().requests.map((r) => r.operations);
  start = process.hrtime.bigint();
  await fake.run((context) => applyCharts(context, plan, { supports: () => true }));
  const refreshMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { syncs: operations.length, ms, operations, refreshMs };
}

export async function benchChartSyncs(sizes: readonly number[], today: DayNumber): Promise<ChartSyncFigures[]> {
  const out: ChartSyncFigures[] = [];
  for (const customers of sizes) {
    const plan = planWithCharts(customers, today);
    const withCharts = await build(plan);
    const without = await build({ ...plan, charts: [] });
    const added = withCharts.syncs - without.syncs;
    out.push({
      customers,
      baseSyncs: without.syncs,
      chartSyncs: added,
      chartOperations: withCharts.operations.slice(-added).reduce((a, b) => a + b, 0),
      refreshMs: withCharts.refreshMs,
      baseMs: without.ms,
    });
  }
  return out;
}
