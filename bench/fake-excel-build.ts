/**
 * Builds a plan into the typed fake Excel, as the add-in's Office.js renderer
 * does in Excel, and returns the figures the issue asks for: time, syncs,
 * the largest request and the number of write blocks.
 */
import { createFakeExcel } from '../src/fake-excel';
import { applyPlan } from '../src/renderers/excel/applyPlan';
import type { WorkbookPlan } from '../src/plan/types';

export interface FakeBuildFigures {
  readonly ms: number;
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly blocks: number;
}

export async function benchFakeExcelBuild(plan: WorkbookPlan): Promise<FakeBuildFigures> {
  const fake = createFakeExcel();
  const start = process.hrtime.bigint();
  const result = await fake.run((context) => applyPlan(context, plan, { supports: () => true }));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stats = fake.stats();
  return { ms, syncs: stats.syncs, maxRequestBytes: stats.maxRequestBytes, blocks: result.writeBlocks };
}
