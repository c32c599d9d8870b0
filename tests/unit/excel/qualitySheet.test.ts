/**
 * The Office.js renderer writes the Quality sheet (issue 8 §1) over the typed
 * fake Excel: every cell lands (text stays text, the links are formulas), and
 * a sheet of many findings goes in blocks under the 5 MB request limit, one
 * sync per block, while a small one costs no sync of its own.
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, FakeWorkbookModel } from '../../../src/fake-excel';
import { applyPlan, REQUEST_BUDGET_BYTES } from '../../../src/renderers/excel/applyPlan';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import type { SheetPlan, WorkbookPlan } from '../../../src/plan/types';
import { planCellBytes } from '../../../src/renderers/excel/parts/sheetBlocks';

const HEADER = ['Customer ID', 'Name', 'Owner', 'Phone', 'Email', 'Last purchase', 'Orders', 'Total spend'];
/** `n` customers; every third has a bad phone and a bad email, and the names start with `=` (kept as text). */
function grid(n: number): string[][] {
  return [
    HEADER,
    ...Array.from({ length: n }, (_, i) => [
      `C${String(i).padStart(6, '0')}`,
      i % 3 === 0 ? `=1+${i}` : `Name ${i}`,
      i % 2 === 0 ? 'Li' : 'Wang',
      i % 3 === 0 ? `021-${i}` : `139${String(i).padStart(8, '0')}`,
      i % 3 === 0 ? `person${i}@example` : `p${i}@example.com`,
      `2024-0${1 + (i % 6)}-05`,
      String(1 + (i % 4)),
      String(100 + i),
    ]),
  ];
}
function planOf(n: number): WorkbookPlan {
  return gradeGrid(grid(n), { settings: DEFAULT_SETTINGS, locale: 'en', today: dayFromYmd(2024, 6, 30) }).plan;
}
const qualityOf = (plan: WorkbookPlan): SheetPlan => plan.sheets.find((s) => s.key === 'quality') as SheetPlan;
const withoutQuality = (plan: WorkbookPlan): WorkbookPlan => ({ ...plan, sheets: plan.sheets.filter((s) => s.key !== 'quality') });

describe('applyPlan: the Quality sheet', () => {
  test('every planned cell lands; values as text, links as formulas; a small sheet adds no sync', async () => {
    const plan = planOf(30);
    const model = new FakeWorkbookModel();
    const fake = createFakeExcel({ model });
    await applyPlan(fake.context, plan);
    const planned = qualityOf(plan);
    const sheet = model.sheet(planned.name)!;
    for (const cell of planned.cells) {
      const expected = cell.value === null ? null : cell.value.kind === 'formula' ? cell.value.formula : cell.value.kind === 'text' ? cell.value.text : cell.value.kind === 'number' ? cell.value.value : 'unexpected';
      expect([cell.row, cell.column, sheet.formula(cell.row, cell.column)]).toEqual([cell.row, cell.column, expected]);
    }
    const link = planned.cells.find((c) => c.value?.kind === 'formula')!;
    expect(sheet.formula(link.row, link.column)).toMatch(/^=HYPERLINK\("#'Customers'!A\d+","Row \d+"\)$/);

    const syncsWith = (await createFakeExcel().run((context) => applyPlan(context, plan))).syncs;
    const syncsWithout = (await createFakeExcel().run((context) => applyPlan(context, withoutQuality(plan)))).syncs;
    expect(syncsWith).toBe(syncsWithout);
  });

  test('many findings: blocks under the limit, one sync each, every finding row written', async () => {
    const plan = planOf(12_000);
    const planned = qualityOf(plan);
    const bytes = planned.cells.reduce((sum, c) => sum + planCellBytes(c), 0);
    const blocks = Math.ceil(bytes / REQUEST_BUDGET_BYTES);
    expect(blocks).toBeGreaterThanOrEqual(2);

    const model = new FakeWorkbookModel();
    const fake = createFakeExcel({ model });
    const result = await fake.run((context) => applyPlan(context, plan));
    expect(fake.stats().maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    const syncsWithout = (await createFakeExcel().run((context) => applyPlan(context, withoutQuality(plan)))).syncs;
    // One flush before the first block, one between blocks; the last block rides on the step's own sync.
    expect(result.syncs - syncsWithout).toBeGreaterThanOrEqual(blocks);
    expect(result.syncs - syncsWithout).toBeLessThanOrEqual(blocks + 1);

    const sheet = model.sheet(planned.name)!;
    const last = planned.cells[planned.cells.length - 1]!;
    expect(sheet.usedExtent().lastRow).toBe(Math.max(...planned.cells.map((c) => c.row)));
    expect(sheet.formula(last.row, last.column)).toEqual(last.value?.kind === 'text' ? last.value.text : (last.value as { value: number }).value);
  });
});

describe('applyPlan: the phone and email validations', () => {
  test('land on the table columns as custom rules with a Stop alert', async () => {
    const plan = planOf(10);
    const model = new FakeWorkbookModel();
    const fake = createFakeExcel({ model });
    await applyPlan(fake.context, plan);
    const sheet = model.sheet(plan.sheets.find((s) => s.key === 'customers')!.name)!;
    const custom = sheet.validations.filter((v) => 'custom' in v.rule);
    expect(custom).toHaveLength(2);
  });
});
