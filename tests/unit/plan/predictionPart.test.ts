/**
 * The prediction part of the plan (issue 9): Settings parameters as defined
 * names, the table's prediction columns, the churn-risk formats, and the
 * plan built into the typed fake Excel (which enforces Excel's rules).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/domain/prediction';
import type { RawGrid } from '../../../src/domain/types';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { createFakeExcel, FakeWorkbookModel } from '../../../src/fake-excel';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { PREDICTION_NAMES, pAliveFormula } from '../../../src/plan/parts/prediction';

/** The six prediction columns, wherever other parts (the Data issues column) put theirs around them. */
function predictionColumns<C>(columns: readonly C[], id: (c: C) => string, first = 'predRepeatDays'): C[] {
  const start = columns.findIndex((c) => id(c) === first);
  if (start < 0) throw new Error(`no column ${first}`);
  return columns.slice(start, start + 6);
}

const SAMPLE = path.resolve(__dirname, '../../fixtures/prediction/CDNOW_sample.txt');

function grid(limit = Infinity): RawGrid {
  const lines = readFileSync(SAMPLE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, limit)
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/) as [string, string, string, string, string];
      return [`C${id}`, `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, dollars];
    });
  return [['Customer ID', 'Order Date', 'Amount'], ...lines];
}

const run = (g: RawGrid, locale: 'en' | 'zh-CN' = 'en', prediction = DEFAULT_PREDICTION_SETTINGS) =>
  gradeGrid(g, { import: { kind: 'transactions' }, settings: DEFAULT_SETTINGS, prediction, locale, today: dayFromYmd(2026, 1, 1) });

describe('prediction part of the plan', () => {
  const output = run(grid());
  const table = output.plan.tables[0];
  test('the table gets repeat days, P(active) (live formula), churn risk (live formula), expected purchases, value and CLV', () => {
    const keys = predictionColumns(table?.columns ?? [], (c) => c.key).map((c) => [c.key, c.role]);
    expect(keys).toEqual([
      ['predRepeatDays', 'input'],
      ['pAlive', 'computed'],
      ['churnRisk', 'computed'],
      ['expectedPurchases', 'input'],
      ['expectedValue', 'input'],
      ['clv', 'input'],
    ]);
    const pAlive = table?.columns.find((c) => c.key === 'pAlive');
    expect(pAlive?.formula).toBe(pAliveFormula('Repeat purchase days', 'First purchase', 'Last purchase'));
    expect(pAlive?.formula).toContain('AsOfDate');
  });
  test('the fitted parameters are defined names on the Settings sheet holding the fitted values', () => {
    const settings = output.plan.sheets.find((s) => s.key === 'settings');
    const model = output.prediction?.result.purchaseModel;
    for (const [key, name] of [['r', PREDICTION_NAMES.r], ['alpha', PREDICTION_NAMES.alpha], ['a', PREDICTION_NAMES.a], ['b', PREDICTION_NAMES.b]] as const) {
      const defined = output.plan.names.find((n) => n.name === name);
      expect(defined?.sheet).toBe('settings');
      const cell = settings?.cells.find((c) => `$${String.fromCharCode(65 + c.column)}$${c.row + 1}` === defined?.address);
      expect(cell?.value).toEqual({ kind: 'number', value: model?.[key] });
    }
    const texts = settings?.cells.flatMap((c) => (c.value?.kind === 'text' ? [c.value.text] : [])) ?? [];
    expect(texts.some((s) => s.includes('Excel has no Gaussian hypergeometric function'))).toBe(true);
  });
  test('churn-risk bands have a conditional format each (high, medium)', () => {
    const formats = output.plan.conditionalFormats.filter((f) => f.target.kind === 'tableColumn' && f.target.column === 'Churn risk');
    expect(formats.map((f) => (f.kind === 'expression' ? f.formula : ''))).toEqual([expect.stringMatching(/="High"$/), expect.stringMatching(/="Medium"$/)]);
  });
  test('in Chinese, the headers and bands are Chinese', () => {
    const zh = run(grid(), 'zh-CN').plan.tables[0];
    expect(predictionColumns(zh?.columns ?? [], (c) => c.key).map((c) => c.header)).toEqual(['回购天数', '活跃概率', '流失风险', '预期购买次数（365 天）', '预期客单价', '客户终身价值（12 个月）']);
    expect(zh?.columns.find((c) => c.key === 'churnRisk')?.formula).toContain('"高"');
  });
  test('no prediction (too little data): no prediction columns, the Settings block says why, grades unchanged', () => {
    const few = run(grid(40));
    expect(few.prediction?.result.status).toBe('unavailable');
    expect(few.plan.tables[0]?.columns.some((c) => c.key === 'pAlive')).toBe(false);
    const texts = few.plan.sheets.find((s) => s.key === 'settings')?.cells.flatMap((c) => (c.value?.kind === 'text' ? [c.value.text] : [])) ?? [];
    expect(texts.some((s) => s.startsWith('No purchase prediction'))).toBe(true);
    const off = run(grid(40), 'en', { ...DEFAULT_PREDICTION_SETTINGS, enabled: false });
    expect(off.prediction).toBeNull();
    expect(few.plan.tables[0]?.columns).toEqual(off.plan.tables[0]?.columns);
    expect(few.report.customers.map((c) => c.tier)).toEqual(off.report.customers.map((c) => c.tier));
  });
  test('the plan builds into the typed fake Excel: names, the table with its formula columns, formats', async () => {
    const model = new FakeWorkbookModel();
    const fake = createFakeExcel({ model });
    const result = await applyPlan(fake.context, output.plan, { supports: () => true });
    expect(result.warnings).toEqual([]);
    for (const name of Object.values(PREDICTION_NAMES)) expect(model.names.has(name.toLowerCase())).toBe(true);
    const built = model.table('Customers');
    expect(predictionColumns(built?.columns ?? [], (c) => c.name, 'Repeat purchase days').map((c) => c.name)).toEqual(['Repeat purchase days', 'P(active)', 'Churn risk', 'Expected purchases (365 days)', 'Expected value per purchase', 'CLV (12 months)']);
  });
});
