import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import { ImportError, readRecords } from '../../../src/domain/import';
import { FileReadError, readInputFile } from '../../../src/io/readFile';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/import', name)));
const CSV = '客户编号,客户名称,最近购买日期,订单数,消费总额（元）\r\n000123,张三,2024年3月5日,3,"￥1,234.50"\r\n';

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('readInputFile', () => {
  it('regression: a GBK CSV without BOM (Chinese Excel "CSV") reads with Chinese headers, quoted newlines and a guessed-encoding warning', async () => {
    const input = await readInputFile(fixture('gbk-customers.csv'), '客户.csv');
    expect(input).toMatchObject({ format: 'text', encoding: 'gb18030', encodingGuessed: true, csvShape: 'delimited', delimiter: ',', sheetName: null });
    expect(input.issues.map((i) => i.code)).toEqual(['encoding-guessed']);
    expect(input.issues[0]!.message.zh).toContain('GB18030');
    const result = readRecords(input.grid);
    if (result.kind !== 'customers') throw new Error('expected customers');
    expect(result.records.map((r) => [r.id, r.profile.name, r.lastPurchase, r.frequency, r.monetary, r.profile.notes])).toEqual([
      ['000123', '张三', dayFromYmd(2024, 3, 5), 3, 1234.5, '老客户'],
      ['000124', '李四', dayFromYmd(2024, 3, 6), 1, 88, '多行\r\n备注'],
    ]);
  });

  it('the user can force the encoding', async () => {
    const bytes = new Uint8Array(iconv.encode(CSV, 'gbk'));
    const input = await readInputFile(bytes, 'x.csv', { encoding: 'gb18030' });
    expect(input.encodingGuessed).toBe(false);
    expect(input.issues).toEqual([]);
    expect(input.grid[1]![1]).toBe('张三');
  });

  it.each<[string, Uint8Array, string]>([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]), 'utf-8'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...new Uint8Array(iconv.encode(CSV, 'utf-16le'))]), 'utf-16le'],
  ])('regression: %s reads the same records and the BOM is not part of the first header', async (_name, bytes, encoding) => {
    const input = await readInputFile(bytes, 'x.csv');
    expect(input.encoding).toBe(encoding);
    expect(input.encodingGuessed).toBe(false);
    expect(input.grid[0]![0]).toBe('客户编号');
    const result = readRecords(input.grid);
    if (result.kind !== 'customers') throw new Error('expected customers');
    expect(result.records.map((r) => [r.id, r.monetary])).toEqual([['000123', 1234.5]]);
  });

  it('a CDNOW-like whitespace file becomes a transaction log', async () => {
    const input = await readInputFile(fixture('cdnow-like.txt'), 'CDNOW_master.txt');
    expect(input.csvShape).toBe('whitespace');
    const result = readRecords(input.grid);
    if (result.kind !== 'transactions') throw new Error('expected transactions');
    expect(result.lines.map((l) => [l.customerId, l.day, l.amount])).toEqual([
      ['00001', dayFromYmd(1997, 1, 1), 11.77],
      ['00002', dayFromYmd(1997, 1, 12), 12],
      ['00002', dayFromYmd(1997, 1, 12), 77],
      ['00003', dayFromYmd(1997, 1, 2), 20.76],
      ['00003', dayFromYmd(1997, 3, 30), 20.76],
    ]);
  });

  it('an .xlsx is recognised by its bytes even under a .csv name', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRows([['Customer ID', 'Order Date', 'Amount'], ['C1', '2024-01-01', 5]]);
    const input = await readInputFile(new Uint8Array(await workbook.xlsx.writeBuffer()), 'export.csv');
    expect(input).toMatchObject({ format: 'xlsx', encoding: null, sheetName: 'Data', sheetNames: ['Data'] });
    expect(input.grid).toEqual([['Customer ID', 'Order Date', 'Amount'], ['C1', '2024-01-01', 5]]);
  });

  it('old binary .xls is refused with a bilingual message', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readInputFile(ole, 'old.xls')).rejects.toBeInstanceOf(FileReadError);
    await expect(readInputFile(ole, 'renamed.csv')).rejects.toMatchObject({ code: 'unsupported-format' });
  });

  it('regression: an empty file and a headers-only file are reported as such, not as crashes', async () => {
    const empty = await readInputFile(new Uint8Array(0), 'empty.csv');
    expect(empty.grid).toEqual([]);
    expect(importError(() => readRecords(empty.grid)).code).toBe('empty-file');

    const headersOnly = await readInputFile(new TextEncoder().encode('客户编号,最近购买日期,订单数,消费总额\r\n'), 'h.csv');
    expect(importError(() => readRecords(headersOnly.grid)).code).toBe('no-data-rows');
  });

  it('a quote that never closes stops the read, naming the row (the rest of the file would vanish into one cell)', async () => {
    await expect(readInputFile(new TextEncoder().encode('id,name\n1,"Ann\n2,Bob\n'), 'q.csv')).rejects.toMatchObject({
      code: 'csv-unterminated-quote',
      userMessage: { en: expect.stringContaining('Row 2'), zh: expect.stringContaining('第 2 行') },
    });
  });

  it('a quote inside an unquoted field is plain text: no row is lost', async () => {
    const input = await readInputFile(new TextEncoder().encode('id,name\n1,Ann "B" x\n2,Bob\n'), 'q.csv');
    expect(input.grid.slice(1, 3)).toEqual([
      ['1', 'Ann "B" x'],
      ['2', 'Bob'],
    ]);
  });
});
