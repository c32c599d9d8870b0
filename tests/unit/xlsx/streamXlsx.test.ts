/**
 * How the streaming writer stores the formulas of the table's calculated
 * columns: one shared formula per column (ECMA-376 Part 1 §18.3.1.40) with
 * structured references, so LibreOffice compiles each column's formula once
 * instead of once per cell (bench/xlsx-recalc.ts measures the difference).
 */
import { describe, expect, test } from '@jest/globals';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { TableColumnPlan, TablePlan, WorkbookPlan } from '../../../src/plan/types';
import {
  DEFAULT_TABLE_FORMULA_FORM,
  thisRowToA1,
  writeWorkbookXlsxStreaming,
  type TableFormulaForm,
} from '../../../src/renderers/xlsx/streamXlsx';
import { toFileFormula } from '../../../src/renderers/xlsx/formulaSyntax';
import { XlsxWriteError } from '../../../src/renderers/xlsx/planGeometry';
import { day, random } from '../../fixtures/parity/datasets';
import { unzipText } from './unzip';

function plan(customers: number): WorkbookPlan {
  const records = random(customers, 5, { firstPurchaseShare: 0.8, prospectShare: 0.1 });
  const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: day('2024-07-01') });
  return buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId', 'name', 'owner', 'firstPurchase'], carriedHeaders: ['Region'] });
}

async function sheetAndTable(p: WorkbookPlan, form?: TableFormulaForm): Promise<{ sheet: string; table: string }> {
  const files = unzipText(await writeWorkbookXlsxStreaming(p, form === undefined ? {} : { tableFormulas: form }));
  return { sheet: files.get('xl/worksheets/sheet1.xml') ?? '', table: files.get('xl/tables/table1.xml') ?? '' };
}

/** The `<f>` element of every cell of a column, by 1-based row. */
function formulaElements(sheet: string, letter: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of sheet.matchAll(new RegExp(`<c r="${letter}(\\d+)"[^>]*>(<f[^>]*/>|<f[^>]*>[^<]*</f>)`, 'g'))) {
    out.set(Number(m[1]), m[2] as string);
  }
  return out;
}

function customersTable(p: WorkbookPlan): TablePlan {
  const t = p.tables[0];
  if (t === undefined) throw new Error('no table');
  return t;
}

describe('calculated columns in the streaming writer', () => {
  test('the shipped form is shared formulas keeping the structured references', () => {
    expect(DEFAULT_TABLE_FORMULA_FORM).toBe('shared-structured');
  });

  test('regression (LibreOffice took ~140 s on 100k rows compiling one formula per cell): one shared formula per computed column', async () => {
    const p = plan(6);
    const t = customersTable(p);
    const { sheet, table } = await sheetAndTable(p);
    const computed = t.columns.map((c, k) => ({ c, letter: String.fromCharCode(65 + t.column + k) })).filter((x) => x.c.formula !== null);
    expect(computed).toHaveLength(8);
    const sis = new Set<string>();
    for (const { c, letter } of computed) {
      const fs = formulaElements(sheet, letter);
      expect([...fs.keys()]).toEqual([2, 3, 4, 5, 6, 7]);
      const master = /^<f t="shared" ref="([A-Z]+\d+:[A-Z]+\d+)" si="(\d+)">(.*)<\/f>$/.exec(fs.get(2) ?? '');
      expect(master?.[1]).toBe(`${letter}2:${letter}7`);
      const si = master?.[2] as string;
      sis.add(si);
      // the master carries the structured formula exactly as the calculated column states it
      const structured = toFileFormula(c.formula as string, t.name);
      expect((master?.[3] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toBe(structured);
      for (const row of [3, 4, 5, 6, 7]) expect(fs.get(row)).toBe(`<f t="shared" si="${si}"/>`);
    }
    expect(sis.size).toBe(8); // one group per column, never reused
    // the table part keeps the structured calculated column formulas (Excel fills new rows from them)
    expect((table.match(/<calculatedColumnFormula>[^<]*\[#This Row\][^<]*<\/calculatedColumnFormula>/g) ?? []).length).toBe(8);
  });

  test('cached results stay on every cell of the shared group', async () => {
    const p = plan(4);
    const t = customersTable(p);
    const { sheet } = await sheetAndTable(p);
    const tierColumn = t.columns.findIndex((c) => c.key === 'tier');
    const letter = String.fromCharCode(65 + t.column + tierColumn);
    t.cachedResults?.forEach((row, i) => {
      const cached = row[tierColumn];
      const cell = new RegExp(`<c r="${letter}${i + 2}"[^>]*t="str"><f[^>]*(?:/>|>[^<]*</f>)<v>([^<]*)</v></c>`).exec(sheet);
      expect(cell?.[1]).toBe(String(cached));
    });
  });

  test('an empty table still gets a one-row shared group', async () => {
    const p = plan(0);
    const { sheet } = await sheetAndTable(p);
    expect(formulaElements(sheet, 'K').get(2)).toMatch(/^<f t="shared" ref="K2:K2" si="0">/);
  });

  test('per-cell form (the measured "before"): every body cell carries the whole formula', async () => {
    const p = plan(3);
    const { sheet } = await sheetAndTable(p, 'per-cell');
    const fs = formulaElements(sheet, 'L');
    expect(new Set(fs.values()).size).toBe(1);
    expect(fs.get(4)).toMatch(/^<f>IF\(ISNUMBER\(Customers\[\[#This Row\],\[Recency \(days\)\]\]\)/);
  });

  test('shared-a1 form (measured, not shipped): A1 references in the cells, structured in the table part', async () => {
    const p = plan(3);
    const { sheet, table } = await sheetAndTable(p, 'shared-a1');
    expect(formulaElements(sheet, 'L').get(2)).toMatch(/^<f t="shared" ref="L2:L4" si="1">IF\(ISNUMBER\(K2\),5-\(K2&gt;INDEX\(R_Breaks,1\)\)/);
    expect(formulaElements(sheet, 'L').get(3)).toBe('<f t="shared" si="1"/>');
    expect(table).toContain('<calculatedColumnFormula>IF(ISNUMBER(Customers[[#This Row],[Recency (days)]]),5-');
  });
});

describe('thisRowToA1', () => {
  const column = (header: string): TableColumnPlan => ({ key: header, header, role: 'input', formula: null, numberFormat: 'General', width: 10 });
  const table: TablePlan = {
    name: 'T',
    sheet: 'customers',
    row: 4, // header on row 5, first body row 6
    column: 2, // first column C
    style: 'TableStyleMedium2',
    columns: ['Orders', 'Price [USD]', "It's #1", 'Total'].map(column),
    rows: [],
    keyColumn: 'Orders',
  };

  test.each([
    ['T[[#This Row],[Orders]]*2', 'C6*2'],
    ["T[[#This Row],[Price '[USD']]]+T[[#This Row],[It''s '#1]]", 'D6+E6'],
    ['SUM(T[Orders])-T[[#This Row],[Total]]', 'SUM(T[Orders])-F6'],
    ['IF(T[[#This Row],[Orders]]>0,"T[[#This Row],[Orders]]","")', 'IF(C6>0,"T[[#This Row],[Orders]]","")'],
    ['"say ""hi"""&T[[#This Row],[Orders]]', '"say ""hi"""&C6'],
    ['XT[[#This Row],[Orders]]', 'XT[[#This Row],[Orders]]'],
  ])('%s -> %s', (input, expected) => {
    expect(thisRowToA1(input, table, 6)).toBe(expected);
  });

  test('an unknown column is a typed error', () => {
    expect(() => thisRowToA1('T[[#This Row],[Nope]]', table, 6)).toThrow(XlsxWriteError);
    try {
      thisRowToA1('T[[#This Row],[Nope]]', table, 6);
    } catch (error) {
      expect((error as XlsxWriteError).code).toBe('unknown-table-column');
    }
  });

  test('an unclosed string is a typed error', () => {
    expect(() => thisRowToA1('"abc', table, 6)).toThrow(XlsxWriteError);
  });
});

describe('sheets of many cells', () => {
  test('regression (a Quality sheet of 1.8 million import findings crashed: "Maximum call stack size exceeded"): a sheet of 400,000 cells is written with its used range', async () => {
    const p = plan(3);
    const last = p.sheets[p.sheets.length - 1];
    if (last === undefined) throw new Error('no sheet');
    const many = 400_000; // enough for the old spread to overflow the stack (measured)
    const cells = [...last.cells];
    for (let i = 0; i < many; i++) cells.push({ row: 10 + i, column: i % 3, value: { kind: 'text', text: `finding ${i}` } });
    const big: WorkbookPlan = { ...p, sheets: [...p.sheets.slice(0, -1), { ...last, cells }] };
    const files = unzipText(await writeWorkbookXlsxStreaming(big));
    const xml = files.get(`xl/worksheets/sheet${p.sheets.length}.xml`) ?? '';
    const lastColumn = Math.max(2, ...last.cells.map((c) => c.column));
    expect(xml.match(/<dimension ref="([^"]+)"\/>/)?.[1]).toBe(`A1:${String.fromCharCode(65 + lastColumn)}${10 + many}`);
    expect(xml.includes(`<t>finding ${many - 1}</t>`)).toBe(true);
  }, 60_000);
});
