/**
 * The Summary sheet's prediction blocks in the plan (issue 9): placed after
 * the other blocks, every formula cell with the core's cached result, labels
 * from Settings names, the layout's refs on the cells; and the honest cases:
 * no prediction (absent), nothing fitted (the reason, no figure), no spend
 * model (no revenue, no CLV, no list); Chinese texts; the plan builds into
 * the typed fake Excel.
 */
import { describe, expect, test } from '@jest/globals';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS, type PredictionSettings } from '../../../src/domain/prediction';
import type { RawGrid } from '../../../src/domain/types';
import type { Locale } from '../../../src/i18n/locale';
import { createFakeExcel, FakeWorkbookModel } from '../../../src/fake-excel';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { columnLetter } from '../../../src/plan/a1';
import type { PredictionSummaryLayout } from '../../../src/plan/predictionSummary';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../../src/plan/types';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { cdnowLog } from '../../support/predictionSummaryFixtures';

const build = (grid: RawGrid, locale: Locale = 'en', prediction: PredictionSettings = DEFAULT_PREDICTION_SETTINGS) =>
  gradeGrid(grid, { import: { kind: 'transactions' }, settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(1998, 7, 1) } }, prediction, locale, today: dayFromYmd(2026, 1, 1) });

const summarySheet = (plan: WorkbookPlan): SheetPlan => plan.sheets.find((s) => s.key === 'summary') as SheetPlan;
const texts = (sheet: SheetPlan): string[] => sheet.cells.flatMap((c) => (c.value?.kind === 'text' ? [c.value.text] : []));
const cellAt = (sheet: SheetPlan, address: string): PlanCell | undefined => sheet.cells.find((c) => `$${columnLetter(c.column)}$${c.row + 1}` === address);
const firstCell = (range: string): string => range.split(':')[0] as string;

const full = build(cdnowLog([1126]));
const off = build(cdnowLog([1126]), 'en', { ...DEFAULT_PREDICTION_SETTINGS, enabled: false });

describe('with a fitted prediction', () => {
  const sheet = summarySheet(full.plan);
  const layout = full.plan.summaryLayout?.prediction as PredictionSummaryLayout;
  const summary = full.prediction?.summary;

  test('the blocks come after every existing block: the cells without a prediction are the same cells', () => {
    const before = summarySheet(off.plan);
    const lastBefore = Math.max(...before.cells.map((c) => c.row));
    const firstNew = Math.min(...sheet.cells.filter((c) => !before.cells.some((b) => b.row === c.row && b.column === c.column)).map((c) => c.row));
    expect(firstNew).toBeGreaterThan(lastBefore);
    expect(sheet.cells.slice(0, before.cells.length).map((c) => [c.row, c.column])).toEqual(before.cells.map((c) => [c.row, c.column]));
    // The layout's other blocks are unchanged.
    const { prediction: _p, ...rest } = full.plan.summaryLayout ?? {};
    expect(rest).toEqual(off.plan.summaryLayout);
  });

  test('every formula cell has a cached result; labels read the Settings names', () => {
    const formulas = sheet.cells.filter((c) => c.value?.kind === 'formula' && c.row > Math.max(...summarySheet(off.plan).cells.map((x) => x.row)));
    expect(formulas.length).toBeGreaterThan(150);
    for (const c of formulas) expect(c.cachedResult).toBeDefined();
    const label = cellAt(sheet, firstCell(layout.byTier.labels));
    expect(label?.value).toEqual({ kind: 'formula', formula: '=INDEX(TierNames,1)' });
    expect(cellAt(sheet, firstCell(layout.bySegment.labels))?.value).toEqual({ kind: 'formula', formula: expect.stringMatching(/^=INDEX\(SegmentNames,\d\)$/) });
  });

  test('the refs point at the core\'s figures', () => {
    const gold = summary?.byTier.findIndex((g) => g.key === 'gold') ?? -1;
    const row = (range: string, i: number): string => range.replace(/^\$([A-Z]+)\$(\d+):.*$/, (_, c: string, r: string) => `$${c}$${Number(r) + i}`);
    expect(cellAt(sheet, row(layout.byTier.clv as string, gold))?.cachedResult).toBe(summary?.byTier[gold]?.clv);
    expect(cellAt(sheet, row(layout.byTier.predicted, gold))?.value).toEqual({ kind: 'formula', formula: expect.stringContaining('COUNTIFS(Customers[[Tier]],') });
    expect(cellAt(sheet, row(layout.byTier.expectedRevenue as string, gold))?.value).toEqual({ kind: 'formula', formula: expect.stringContaining('SUMPRODUCT(--(Customers[[Tier]]=') });
    const list = layout.callFirst;
    if (list === null) throw new Error('no list');
    expect(list.rows).toBe(20);
    expect(cellAt(sheet, firstCell(list.id))?.cachedResult).toBe(summary?.atRiskHighValue[0]?.id);
    expect(cellAt(sheet, firstCell(list.clv))?.value).toEqual({ kind: 'formula', formula: expect.stringContaining('AGGREGATE(14,6,Customers[[CLV (12 months)]]/') });
    expect(cellAt(sheet, firstCell(list.clv))?.value).toEqual({ kind: 'formula', formula: expect.stringContaining('<Pred_HighRisk') });
    expect(cellAt(sheet, firstCell(list.tableRow))?.numberFormat).toBe(';;;');
    expect(cellAt(sheet, list.highRiskCustomers)?.cachedResult).toBe(summary?.highRisk.customers);
    // Nothing SORT / FILTER / XLOOKUP (LibreOffice 7.4 has none of them).
    for (const c of sheet.cells) if (c.value?.kind === 'formula') expect(c.value.formula).not.toMatch(/\b(SORT|SORTBY|FILTER|XLOOKUP|XMATCH|LET|UNIQUE)\(/);
  });

  test('the note says the values come from the model fitted at this build; the rule is written out', () => {
    const all = texts(sheet);
    expect(all.some((s) => s.startsWith('From the models fitted at this build (as of 1998-07-01') && s.includes('refits them at every build'))).toBe(true);
    expect(all).toContain('At risk, high value — call first');
    expect(all.some((s) => s.startsWith('Customers at high churn risk (P(active) below the threshold on the Settings sheet, now 30%)'))).toBe(true);
  });

  test('in Chinese', () => {
    const zh = summarySheet(build(cdnowLog([1126]), 'zh-CN').plan);
    const all = texts(zh);
    expect(all).toContain('需优先联系的高价值流失风险客户');
    expect(all).toContain('按客户等级的预测价值');
    expect(all.some((s) => s.includes('每次生成都会重新拟合'))).toBe(true);
    expect(all).toContain('客户终身价值（12 个月）');
  });

  test('the plan builds into the typed fake Excel', async () => {
    const model = new FakeWorkbookModel();
    const fake = createFakeExcel({ model });
    const result = await applyPlan(fake.context, full.plan, { supports: () => true });
    expect(result.warnings).toEqual([]);
  });
});

describe('honest without a prediction', () => {
  test('--no-predict: no block at all', () => {
    expect(texts(summarySheet(off.plan))).not.toContain('Predicted value and churn risk (BG/NBD and Gamma-Gamma)');
    expect(off.plan.summaryLayout?.prediction).toBeUndefined();
  });

  test('too little data: the title and why, no figure', () => {
    const few = build(cdnowLog().slice(0, 41));
    expect(few.prediction?.result.status).toBe('unavailable');
    const sheet = summarySheet(few.plan);
    const all = texts(sheet);
    const title = all.indexOf('Predicted value and churn risk (BG/NBD and Gamma-Gamma)');
    expect(title).toBeGreaterThan(0);
    expect(all[title + 1]).toBe('No prediction in this build:');
    expect(all[title + 2]).toMatch(/^No purchase prediction/);
    const titleRow = sheet.cells.find((c) => c.value?.kind === 'text' && c.value.text === all[title])?.row ?? 0;
    expect(sheet.cells.filter((c) => c.row > titleRow && c.value?.kind === 'formula')).toEqual([]);
    expect(few.plan.summaryLayout?.prediction).toBeUndefined();
  });

  test('no spend model: expected purchases only; no revenue, no CLV, no list, and the reason', () => {
    const partial = build(cdnowLog([1126]), 'en', { ...DEFAULT_PREDICTION_SETTINGS, maxSpendFrequencyCorrelation: 1e-9 });
    expect(partial.prediction?.result.status).toBe('partial');
    const layout = partial.plan.summaryLayout?.prediction as PredictionSummaryLayout;
    expect(layout.byTier.expectedRevenue).toBeNull();
    expect(layout.byTier.clv).toBeNull();
    expect(layout.callFirst).toBeNull();
    const all = texts(summarySheet(partial.plan));
    expect(all).toContain('No spend model in this build, so no expected revenue and no CLV: only expected purchases are shown.');
    expect(all).toContain('The call-first list ranks customers by CLV, and this build has no spend model (so no CLV).');
    expect(all.some((s) => /correlat/i.test(s))).toBe(true);
    expect(all).not.toContain('Expected revenue (365 days)');
  });
});
