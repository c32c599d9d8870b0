/**
 * The Office.js renderer writes the Summary sheet (汇总) of a real plan into
 * the typed fake Excel: every planned cell's formula and number format lands,
 * the sheet is registered as managed, no sync is added, and a rebuild neither
 * duplicates the sheet nor leaves cells of an older, longer layout behind.
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, FakeWorkbookModel, type FakeSheet } from '../../../src/fake-excel';
import { applyPlan, MANAGED_SHEETS_NAME, managedSheetsInRegistry } from '../../../src/renderers/excel/applyPlan';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import type { SheetPlan, WorkbookPlan } from '../../../src/plan/types';
import { CHART_SYNCS } from '../../../src/renderers/excel/charts';

const HEADER = ['Customer ID', 'Name', 'Owner', 'Last purchase', 'Orders', 'Total spend'];
function gridWith(owners: readonly string[]): string[][] {
  return [HEADER, ...owners.map((owner, i) => [`C${String(i).padStart(4, '0')}`, `Name ${i}`, owner, `2024-0${1 + (i % 6)}-05`, String(i % 4), String(100 * (i + 1) + 0.5)])];
}
function planOf(owners: readonly string[], locale: 'en' | 'zh-CN' = 'en'): WorkbookPlan {
  return gradeGrid(gridWith(owners), { settings: DEFAULT_SETTINGS, locale, today: dayFromYmd(2024, 6, 30) }).plan;
}
const summaryPlan = (plan: WorkbookPlan): SheetPlan => plan.sheets.find((s) => s.key === 'summary') as SheetPlan;
/** The plan without its Summary sheet, and so without the Charts sheet and charts bound to it. */
const withoutSummary = (plan: WorkbookPlan): WorkbookPlan => ({ ...plan, sheets: plan.sheets.filter((s) => s.key !== 'summary' && s.key !== 'charts'), charts: [] });

function userWorkbook(): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.addSheet('Data').setConstant(0, 0, 'ID');
  return model;
}

/** Every cell of a sheet as [formula, number format], for comparing whole sheets. */
function cellsOf(sheet: FakeSheet | undefined): string {
  if (!sheet) return 'missing';
  const { lastRow, lastColumn } = sheet.usedExtent();
  const out: unknown[] = [];
  for (let r = 0; r <= lastRow; r += 1) for (let c = 0; c <= lastColumn; c += 1) out.push([sheet.formula(r, c), sheet.numberFormat(r, c)]);
  return JSON.stringify({ lastRow, lastColumn, out });
}

describe('applyPlan: the Summary sheet', () => {
  const owners = ['Li', 'Wang', 'Li', 'Zhang', '', 'Wang', 'Chen', 'Li', 'Zhou', 'Wang'];

  test.each(['en', 'zh-CN'] as const)('%s: every planned cell lands with its formula (or text) and number format; the sheet is managed', async (locale) => {
    const plan = planOf(owners, locale);
    const model = userWorkbook();
    const fake = createFakeExcel({ model });
    await applyPlan(fake.context, plan);
    const planned = summaryPlan(plan);
    const sheet = model.sheet(planned.name);
    expect(sheet).toBeDefined();
    for (const cell of planned.cells) {
      const expected = cell.value === null ? null : cell.value.kind === 'formula' ? cell.value.formula : cell.value.kind === 'text' ? cell.value.text : cell.value.kind === 'number' ? cell.value.value : 'unexpected';
      expect([cell.row, cell.column, sheet?.formula(cell.row, cell.column)]).toEqual([cell.row, cell.column, expected]);
      if (cell.numberFormat !== undefined) expect(sheet?.numberFormat(cell.row, cell.column)).toBe(cell.numberFormat);
    }
    const registry = model.names.get(MANAGED_SHEETS_NAME.toLowerCase());
    expect(managedSheetsInRegistry(String(registry?.formula ?? ''))).toContain(planned.name);
  });

  test('the Summary adds no sync (the charts bound to it their constant CHART_SYNCS), on a build and on a rebuild', async () => {
    const plan = planOf(owners);
    const counts = async (p: WorkbookPlan): Promise<[number, number]> => {
      const fake = createFakeExcel({ model: userWorkbook() });
      const first = await applyPlan(fake.context, p);
      const second = await applyPlan(fake.context, p);
      return [first.syncs, second.syncs];
    };
    const [buildWithout, rebuildWithout] = await counts(withoutSummary(plan));
    expect(await counts({ ...plan, charts: [] })).toEqual([buildWithout, rebuildWithout]);
    expect(await counts(plan)).toEqual([buildWithout + CHART_SYNCS, rebuildWithout + CHART_SYNCS]);
  });

  test('a rebuild does not duplicate the sheet and leaves it as a first build would', async () => {
    const plan = planOf(owners);
    const model = userWorkbook();
    const fake = createFakeExcel({ model });
    await applyPlan(fake.context, plan);
    const once = cellsOf(model.sheet(summaryPlan(plan).name));
    await applyPlan(fake.context, plan);
    expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'Customers', 'Settings', 'Summary', 'Charts', 'Quality']);
    expect(cellsOf(model.sheet(summaryPlan(plan).name))).toBe(once);
  });

  test('regression: a rebuild with fewer owners leaves no cell of the old, longer owner block behind', async () => {
    const model = userWorkbook();
    const fake = createFakeExcel({ model });
    await applyPlan(fake.context, planOf(owners));
    const fewer = planOf(owners.map((o) => (o === 'Zhou' || o === 'Chen' ? 'Li' : o)));
    await applyPlan(fake.context, fewer);
    const fresh = userWorkbook();
    await applyPlan(createFakeExcel({ model: fresh }).context, fewer);
    expect(cellsOf(model.sheet('Summary'))).toBe(cellsOf(fresh.sheet('Summary')));
  });
});
