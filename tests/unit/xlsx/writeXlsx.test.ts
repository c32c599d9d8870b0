/**
 * The .xlsx writers: what lands in the file (read back with exceljs and as
 * raw XML), and the two writers (exceljs, streaming) agreeing cell for cell.
 */
import { describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { WorkbookPlan } from '../../../src/plan/types';
import { STREAMING_ROW_THRESHOLD, writeWorkbookXlsx, type XlsxEngine } from '../../../src/renderers/xlsx/writeXlsx';
import { planRowCount, usedExtent } from '../../../src/renderers/xlsx/planGeometry';
import { escapeAttr, escapeText } from '../../../src/renderers/xlsx/ooxmlText';
import { encodeOoxmlText } from '../../../src/renderers/xlsx/ooxmlText';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';
import { day, random, record } from '../../fixtures/parity/datasets';
import { unzipText } from './unzip';

function smallPlan(locale: 'en' | 'zh-CN' = 'en'): WorkbookPlan {
  const records = [
    record({ id: '000123', first: '2023-01-10', last: '2024-06-20', f: 12, m: 5400.5, profile: { name: '=1+1', owner: 'Li' }, carried: { Memo: '@SUM(1,1)' } }),
    record({ id: '123456789012345678', first: '2024-05-01', last: '2024-06-01', f: 2, m: 300, profile: { name: '＝1＋1', owner: 'Wang' }, carried: { Memo: '-120.50' } }),
    record({ id: '000125', f: 0, m: 0, profile: { name: 'a\u0007b _x0041_', owner: 'Li' }, carried: { Memo: null } }),
    record({ id: '000126', first: '2022-01-01', last: '2023-01-15', f: 5, m: 1200, override: 'Gold', profile: { name: '张三', owner: 'Li' } }),
  ];
  const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: day('2024-07-01') });
  return buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale, profileFields: ['customerId', 'name', 'owner', 'firstPurchase'], carriedHeaders: ['Memo'] });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // exceljs cannot read tables with calculated columns without the patch (see calculatedColumns.ts).
  installCalculatedColumnSupport();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const engines: XlsxEngine[] = ['exceljs', 'streaming'];

describe.each(engines)('%s writer', (engine) => {
  test('formula-like text is a string cell showing exactly what was typed; numbers stay numbers', async () => {
    const wb = await load(await writeWorkbookXlsx(smallPlan(), { engine }));
    const ws = wb.getWorksheet('Customers');
    expect(ws?.getCell('B2').value).toBe('=1+1');
    expect(ws?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell('B3').value).toBe('＝1＋1');
    expect(ws?.getCell('A3').value).toBe('123456789012345678');
    expect(ws?.getCell('H2').value).toBe('@SUM(1,1)');
    expect(ws?.getCell('H3').value).toBe('-120.50');
    expect(ws?.getCell('G2').value).toBe(5400.5);
    expect(ws?.getCell('B2').numFmt).toBe('@');
    expect(ws?.getCell('D2').numFmt).toBe('yyyy-mm-dd');
  });

  test('computed cells: file-syntax formulas with the core value cached', async () => {
    const wb = await load(await writeWorkbookXlsx(smallPlan(), { engine }));
    const ws = wb.getWorksheet('Customers');
    const recency = ws?.getCell('K2').value as ExcelJS.CellFormulaValue;
    expect(recency.formula).toBe(
      'IF(AND(Customers[[#This Row],[Orders]]>=1,ISNUMBER(Customers[[#This Row],[Last purchase]])),MAX(0,AsOfDate-Customers[[#This Row],[Last purchase]]),"")',
    );
    expect(recency.result).toBe(1);
    expect((ws?.getCell('Q5').value as ExcelJS.CellFormulaValue).result).toBe('Gold');
    const settings = wb.getWorksheet('Settings');
    const b1 = settings?.getCell('B9').value as ExcelJS.CellFormulaValue;
    expect(b1.formula).toMatch(/^IFERROR\(_xlfn\.AGGREGATE\(16,6,Customers\[Recency \(days\)\]\/ISNUMBER\(Customers\[Recency \(days\)\]\),INDEX\(Quantiles,1\)\),0\)$/);
    expect(typeof b1.result).toBe('number');
  });

  test('raw XML: table with calculated columns, ranged validations, names, full recalculation on load', async () => {
    const files = unzipText(await writeWorkbookXlsx(smallPlan('zh-CN'), { engine }));
    const table = [...files].find(([name]) => /^xl\/tables\/table\d+\.xml$/.test(name))?.[1] ?? '';
    expect(table).toContain('ref="A1:R5"');
    expect(table).toContain('name="Customers"');
    expect((table.match(/<calculatedColumnFormula>/g) ?? []).length).toBe(8);
    expect(table).toContain('<calculatedColumnFormula>IF(ISNUMBER(Customers[[#This Row],[最近购买天数]])');
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    const sqrefs = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(expect.arrayContaining(['I2:I5', 'C2:C5', 'D2:D5', 'E2:E5', 'F2:F5', 'G2:G5']));
    expect(sqrefs.length).toBe(6); // one per column range, never per cell
    expect(sheet).toMatch(/<formula1>TierNames<\/formula1>/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="R2:R5">/);
    expect(sheet).toContain('3Arrows');
    expect(sheet).toMatch(/<pane [^>]*state="frozen"/);
    const workbook = (files.get('xl/workbook.xml') ?? '').replace(/&apos;/g, "'");
    expect(workbook).toMatch(/<definedName name="TierNames"[^>]*>'设置'!\$B\$21:\$B\$25<\/definedName>/);
    expect(workbook).toMatch(/fullCalcOnLoad="1"/);
  });

  test('control characters and literal _xHHHH_ are written with the OOXML escape (LibreOffice reads them back: parity test)', async () => {
    const files = unzipText(await writeWorkbookXlsx(smallPlan(), { engine }));
    const text = `${files.get('xl/sharedStrings.xml') ?? ''}${files.get('xl/worksheets/sheet1.xml') ?? ''}`;
    expect(text).toContain('a_x0007_b _x005F_x0041_');
    expect(text).not.toContain('\u0007');
  });
});

test('regression: exceljs reads back a table with calculated columns (it threw on filterButton)', async () => {
  const wb = await load(await writeWorkbookXlsx(smallPlan(), { engine: 'exceljs' }));
  const table = wb.getWorksheet('Customers')?.getTable('Customers') as unknown as { table: { columns: { name: string; calculatedColumnFormula?: string }[] } };
  expect(table.table.columns).toHaveLength(18);
  expect(table.table.columns[17]?.calculatedColumnFormula).toMatch(/^IF\(NOT\(Customers\[\[#This Row\],\[Orders\]\]>=1\)/);
});

describe('the two writers agree', () => {
  test('cell for cell on both sheets (values, formulas, cached results, formats), names and validations', async () => {
    const records = random(300, 3, { firstPurchaseShare: 0.8, prospectShare: 0.1 });
    const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: day('2024-07-01') });
    const plan = buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'zh-CN', profileFields: ['customerId', 'name', 'owner', 'firstPurchase'], carriedHeaders: ['Region'] });
    const [a, b] = await Promise.all(engines.map(async (engine) => load(await writeWorkbookXlsx(plan, { engine }))));
    const dump = (wb: ExcelJS.Workbook) => {
      const out: string[] = [];
      wb.eachSheet((ws) => {
        ws.eachRow({ includeEmpty: false }, (row, r) => {
          row.eachCell({ includeEmpty: false }, (cell, c) => {
            if (cell.value === null) return;
            // A shared formula (streaming writer) and a per-cell formula
            // (exceljs writer) compare by the formula each cell computes:
            // exceljs resolves a shared formula's dependents in `cell.formula`.
            const value = cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value;
            out.push(`${ws.name}!${r},${c}=${JSON.stringify(value)}|${cell.numFmt ?? ''}`);
          });
        });
      });
      return out;
    };
    expect(dump(b as ExcelJS.Workbook)).toEqual(dump(a as ExcelJS.Workbook));
    const names = (wb: ExcelJS.Workbook) => wb.definedNames.model.map((n) => `${n.name}=${n.ranges.join(',')}`).sort();
    expect(names(b as ExcelJS.Workbook)).toEqual(names(a as ExcelJS.Workbook));
  });

  test('auto picks the streaming writer above the threshold and the file still opens', async () => {
    const records = random(10_050, 9, { firstPurchaseShare: 0.8, prospectShare: 0.1 });
    const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: day('2024-07-01') });
    const plan = buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId'], carriedHeaders: [] });
    const started = performance.now();
    const bytes = await writeWorkbookXlsx(plan);
    const ms = performance.now() - started;
    const files = unzipText(bytes);
    expect(files.get('xl/worksheets/sheet1.xml')).toContain('<row r="10051">');
    expect(files.has('xl/sharedStrings.xml')).toBe(false); // the streaming writer uses inline strings
    expect(ms).toBeLessThan(20_000);
  });
});

describe('XML escaping', () => {
  test.each([
    ['a<b>&c', 'a&lt;b&gt;&amp;c'],
    ['\u0001', '_x0001_'],
    ['_x0041_', '_x005F_x0041_'],
    ['tab\tok\nline', 'tab\tok\nline'],
    ['引号"', '引号"'],
  ])('text %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  test('attributes escape quotes and line breaks', () => {
    expect(escapeAttr('say "hi"\nnow')).toBe('say &quot;hi&quot;&#10;now');
  });

  test('encodeOoxmlText leaves ordinary text alone', () => {
    expect(encodeOoxmlText('客户 =1+1 _x')).toBe('客户 =1+1 _x');
  });
});

describe('the engine follows every row the plan writes', () => {
  test('regression (a Quality sheet of 500k findings beside a 3-row table went through exceljs and took 2.7 GB): planRowCount counts sheet cells, not only table rows', () => {
    const p = smallPlan();
    const tableRows = p.tables.reduce((sum, t) => sum + t.rows.length, 0);
    expect(planRowCount(p)).toBeGreaterThanOrEqual(tableRows);
    expect(planRowCount(p)).toBeLessThan(STREAMING_ROW_THRESHOLD);
    const last = p.sheets[p.sheets.length - 1];
    if (last === undefined) throw new Error('no sheet');
    const cells = [...last.cells];
    for (let i = 0; i < STREAMING_ROW_THRESHOLD + 5; i++) cells.push({ row: 10 + i, column: 0, value: { kind: 'text', text: `finding ${i}` } });
    const big: WorkbookPlan = { ...p, sheets: [...p.sheets.slice(0, -1), { ...last, cells }] };
    expect(planRowCount(big)).toBeGreaterThan(STREAMING_ROW_THRESHOLD);
    expect(big.tables.reduce((sum, t) => sum + t.rows.length, 0)).toBe(tableRows);
  });

  test('each sheet counts once: its table body or its last cell, whichever reaches lower', () => {
    const p = smallPlan('zh-CN');
    const byHand = new Map<string, number>();
    for (const t of p.tables) byHand.set(t.sheet, Math.max(byHand.get(t.sheet) ?? -1, t.row + t.rows.length + (t.rows.length === 0 ? 1 : 0)));
    for (const s of p.sheets) for (const c of s.cells) byHand.set(s.key, Math.max(byHand.get(s.key) ?? -1, c.row));
    let expected = [...byHand.values()].reduce((sum, last) => sum + last + 1, 0);
    if (p.history) expected += p.history.earlier.ids.length + p.history.current.ids.length;
    expect(planRowCount(p)).toBe(expected);
  });

  test('usedExtent: the last row and column of cells and tables (header and body), -1 when empty, a million cells without a spread', () => {
    expect(usedExtent([], [])).toEqual({ lastRow: -1, lastColumn: -1 });
    const p = smallPlan();
    const table = p.tables[0]!;
    expect(usedExtent([], [table])).toEqual({ lastRow: table.row + Math.max(1, table.rows.length), lastColumn: table.column + table.columns.length - 1 });
    const cells = Array.from({ length: 1_000_000 }, (_, i) => ({ row: i, column: i % 7, value: null }));
    expect(usedExtent(cells, [table])).toEqual({ lastRow: 999_999, lastColumn: Math.max(6, table.column + table.columns.length - 1) });
  });
});
