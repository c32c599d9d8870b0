/**
 * Issue 6 §4: native charts add a constant number of syncs. Builds the same
 * workbook into the typed fake Excel with and without its charts at two
 * customer counts and reports the syncs and operations the charts add
 * (the plan's own Summary sheet and charts).
 */
import { createFakeExcel } from '../src/fake-excel';
import { gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import type { DayNumber } from '../src/domain/dates';
import { buildWorkbookPlan } from '../src/plan/buildPlan';
import type { WorkbookPlan } from '../src/plan/types';
import { applyPlan } from '../src/renderers/excel/applyPlan';
import { applyCharts } from '../src/renderers/excel/charts';
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
  // The plan carries its own Summary sheet and charts (until 2026-12 this bench added a fixture's Summary
  // sheet to a plan without one; once plans had their own, that made two sheets named "Summary").
  const plan = buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId'], carriedHeaders: [] });
  if (plan.charts.length === 0) throw new Error('internal: the plan has no charts to measure');
  return plan;
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
