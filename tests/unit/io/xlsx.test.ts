import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { dayFromYmd } from '../../../src/domain/dates';
import { readRecords } from '../../../src/domain/import';
import { XlsxReadError, readXlsx, readXlsxSheets, rawCellOf } from '../../../src/io/xlsx';
import { readInputFile } from '../../../src/io/readFile';

/** A workbook like a real export: an empty first sheet, then a customer sheet with a merged title, a blank row and the header in row 3. */
async function customerWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明');
  const sheet = workbook.addWorksheet('客户');
  sheet.getCell('A1').value = '2024 年客户名单';
  sheet.mergeCells('A1:G1');
  sheet.getRow(3).values = ['客户编号', '客户名称', '最近购买日期', '订单数', '消费总额（元）', '邮箱', '备注'];
  sheet.getRow(4).values = [
    '110101199003077777',
    { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
    new Date(Date.UTC(2024, 2, 5)),
    3,
    { formula: 'D4*100', result: 300 },
    { text: 'zhang@example.com', hyperlink: 'mailto:zhang@example.com' },
    '=HYPERLINK("http://x","y")',
  ];
  sheet.getRow(5).values = ['000124', '李四', 45356, { formula: 'D4-2', result: 1 }, 88.5, null, null];
  const orders = workbook.addWorksheet('Orders');
  orders.addRow(['客户ID', '下单时间', '金额']);
  orders.addRow(['C1', '2024-01-01', 5]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('rawCellOf', () => {
  it.each<[string, ExcelJS.CellValue, unknown]>([
    ['null', null, null],
    ['text', 'abc', 'abc'],
    ['number', 45356, 45356],
    ['boolean', true, true],
    ['rich text', { richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    ['hyperlink', { text: 'site', hyperlink: 'http://x' }, 'site'],
    ['formula result', { formula: 'A1+1', result: 2 }, 2],
    ['shared formula result', { sharedFormula: 'A1', result: 7 } as ExcelJS.CellValue, 7],
    ['formula without a cached result: its text, so the import reports it', { formula: 'A1+1' } as ExcelJS.CellValue, '=A1+1'],
    ['formula error result', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['error', { error: '#N/A' }, '#N/A'],
  ])('%s', (_name, value, expected) => {
    expect(rawCellOf(value)).toEqual(expected);
  });
});

describe('readXlsx', () => {
  it('picks the first non-empty sheet; the merged title is one cell; header in row 3 is found', async () => {
    const bytes = await customerWorkbook();
    const book = await readXlsx(bytes);
    expect(book.sheetName).toBe('客户');
    expect(book.sheetNames).toEqual(['说明', '客户', 'Orders']);
    expect(book.grid[0]).toEqual(['2024 年客户名单']);
    expect(book.grid[1]).toEqual([]);
    expect(book.grid[3]).toEqual([
      '110101199003077777',
      '张三',
      new Date(Date.UTC(2024, 2, 5)),
      3,
      300,
      'zhang@example.com',
      '=HYPERLINK("http://x","y")',
    ]);
    expect(book.grid[4]).toEqual(['000124', '李四', 45356, 1, 88.5]);

    const result = readRecords(book.grid);
    expect(result.analysis.headerRow).toBe(2);
    if (result.kind !== 'customers') throw new Error('expected customers');
    expect(result.records.map((r) => [r.id, r.profile.name, r.lastPurchase, r.frequency, r.monetary, r.sourceRow])).toEqual([
      ['110101199003077777', '张三', dayFromYmd(2024, 3, 5), 3, 300, 4],
      ['000124', '李四', dayFromYmd(2024, 3, 5), 1, 88.5, 5],
    ]);
    expect(result.records[0]!.profile.notes).toBe('=HYPERLINK("http://x","y")');
    expect(result.report.issues.map((i) => [i.row, i.code])).toEqual([[4, 'formula-like-text']]);
  });

  it('reads a named sheet, case-insensitively', async () => {
    const bytes = await customerWorkbook();
    const book = await readXlsx(bytes, 'orders');
    expect(book.sheetName).toBe('Orders');
    expect(book.grid).toEqual([['客户ID', '下单时间', '金额'], ['C1', '2024-01-01', 5]]);
  });

  it('a missing sheet is a typed, bilingual error listing the sheets', async () => {
    const bytes = await customerWorkbook();
    await expect(readXlsx(bytes, 'Nope')).rejects.toMatchObject({ code: 'sheet-not-found' });
    await expect(readXlsx(bytes, 'Nope')).rejects.toBeInstanceOf(XlsxReadError);
  });

  it('bytes that are not a workbook are a typed error', async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'xlsx-unreadable' });
  });

  it('readXlsxSheets returns every sheet in order', async () => {
    const sheets = await readXlsxSheets(await customerWorkbook());
    expect(sheets.map((s) => [s.name, s.grid.length])).toEqual([['说明', 0], ['客户', 5], ['Orders', 2]]);
  });

  it('a workbook whose sheets are all empty gives an empty grid, which the import reports as an empty file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const input = await readInputFile(new Uint8Array(await workbook.xlsx.writeBuffer()), 'empty.xlsx');
    expect(input.grid).toEqual([]);
    expect(() => readRecords(input.grid)).toThrow(expect.objectContaining({ code: 'empty-file' }));
  });
});
