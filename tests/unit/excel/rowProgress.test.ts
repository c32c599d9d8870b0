/**
 * Progress in rows during the write step (what the pane's Building screen
 * shows as "Writing rows 40,001–60,000 of 100,000") and the renderer's
 * interruption account with locale-formatted counts.
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel } from '../../../src/fake-excel';
import { applyPlan, type ApplyProgress } from '../../../src/renderers/excel/applyPlan';
import { describeInterruption, formatCount, type WrittenSummary } from '../../../src/renderers/excel/errors';
import { toWriteProgress } from '../../../src/taskpane/planWriter';
import { makeSamplePlan } from './samplePlan';

type RowSpan = readonly [from: number, to: number, total: number];

function rowSpans(progress: readonly ApplyProgress[]): RowSpan[] {
  return progress.filter((p) => p.rowsFrom !== undefined).map((p) => [p.rowsFrom ?? 0, p.rowsTo ?? 0, p.rowsTotal ?? 0] as const);
}

describe('applyPlan: progress in rows during the write step', () => {
  test('45,000 new customers in 20,000-row blocks report 1–20,000, 20,001–40,000, 40,001–45,000', async () => {
    const fake = createFakeExcel();
    const progress: ApplyProgress[] = [];
    await fake.run((context) => applyPlan(context, makeSamplePlan({ customers: 45_000 }), { blockRows: 20_000, onProgress: (p) => progress.push(p) }));
    expect(rowSpans(progress)).toEqual([
      [1, 20_000, 45_000],
      [20_001, 40_000, 45_000],
      [40_001, 45_000, 45_000],
    ]);
    // Only write syncs carry rows; every other step reports none.
    for (const p of progress) {
      if (p.step !== 'write') expect([p.rowsFrom, p.rowsTo, p.rowsTotal]).toEqual([undefined, undefined, undefined]);
    }
  }, 60_000);

  test('a rebuild reports the existing rows it updates first, then the rows it appends, against one total', async () => {
    const fake = createFakeExcel();
    await fake.run((context) => applyPlan(context, makeSamplePlan({ customers: 30 }), { blockRows: 20 }));
    const progress: ApplyProgress[] = [];
    await fake.run((context) => applyPlan(context, makeSamplePlan({ customers: 45, version: 2 }), { blockRows: 20, onProgress: (p) => progress.push(p) }));
    expect(rowSpans(progress)).toEqual([
      [1, 20, 45],
      [21, 30, 45],
      [31, 45, 45],
    ]);
  });

  test('an empty table (no customers) writes its header without claiming any rows', async () => {
    const fake = createFakeExcel();
    const progress: ApplyProgress[] = [];
    await fake.run((context) => applyPlan(context, makeSamplePlan({ customers: 0 }), { onProgress: (p) => progress.push(p) }));
    expect(progress.some((p) => p.step === 'write')).toBe(true);
    expect(rowSpans(progress)).toEqual([]);
  });

  test.each([
    [{ step: 'write', done: 4, total: 8, rowsFrom: 40_001, rowsTo: 60_000, rowsTotal: 100_000 }, { kind: 'rows', from: 40_001, to: 60_000, total: 100_000, fraction: 0.5 }],
    [{ step: 'write', done: 4, total: 8 }, { kind: 'step', fraction: 0.5 }],
    [{ step: 'format', done: 8, total: 8 }, { kind: 'step', fraction: 1 }],
  ] as const)('the pane turns %j into %j', (progress, expected) => {
    expect(toWriteProgress(progress)).toMatchObject(expected);
  });
});

describe('BuildInterruptedError messages: counts formatted for each language', () => {
  test.each([
    [40_000, 'en', '40,000'],
    [100_000, 'en', '100,000'],
    [1_048_575, 'en', '1,048,575'],
    [999, 'en', '999'],
    [0, 'en', '0'],
    [40_000, 'zh-CN', '40,000'],
    [100_000, 'zh-CN', '100,000'],
    [999, 'zh-CN', '999'],
  ] as const)('formatCount(%d, %s) = %s', (count, locale, expected) => {
    expect(formatCount(count, locale)).toBe(expected);
  });

  const stoppedAt40k: WrittenSummary = {
    stepsDone: ['inspect', 'prepare'],
    stoppedIn: null,
    sheetsCreated: ['Customers', 'Settings'],
    namesWritten: true,
    tableExists: true,
    rowsUpdated: 12_500,
    rowsToUpdate: 12_500,
    rowsAppended: 40_000,
    rowsToAppend: 100_000,
    formatsApplied: false,
    validationsApplied: false,
  };

  test('English: "40,000 of 100,000"; Chinese: "100,000 行中的 40,000 行"', () => {
    const said = describeInterruption('cancelled', stoppedAt40k, null);
    expect(said.en).toContain('12,500 of 12,500 existing rows updated, 40,000 of 100,000 new rows added.');
    expect(said.zh).toContain('已更新现有 12,500 行中的 12,500 行，已新增 100,000 行中的 40,000 行。');
    // No count is left ungrouped.
    expect(said.en).not.toMatch(/\d{4}/);
    expect(said.zh).not.toMatch(/\d{4}/);
  });

  test('the table not created yet is said in both languages after the counts', () => {
    const said = describeInterruption('failed', { ...stoppedAt40k, tableExists: false, rowsAppended: 0 }, null);
    expect(said.en).toContain('0 of 100,000 new rows added; the table was not created.');
    expect(said.zh).toContain('已新增 100,000 行中的 0 行；表格尚未创建。');
  });
});
