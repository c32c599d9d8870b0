/**
 * The two-source pipeline (gradeJoined) on the committed fixtures: a GBK
 * customer archive with a title row and Chinese headers, a UTF-8 order log
 * with English headers. Also: the archive role of the import, and that a
 * plain customer list keeps its rules.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readInputFile } from '../../../src/io/readFile';
import { ImportError, readRecords } from '../../../src/domain/import';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import { gradeJoined } from '../../../src/pipeline/gradeJoined';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import type { RawGrid } from '../../../src/domain/types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/join');
const TODAY = dayFromYmd(2025, 1, 1);
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: dayFromYmd(2024, 7, 1) } };

async function fixture(name: string) {
  return readInputFile(new Uint8Array(readFileSync(path.join(FIXTURES, name))), name);
}

describe('the archive role of the import', () => {
  const archiveGrid: RawGrid = [
    ['客户档案', '', ''],
    ['客户编号', '负责人', '订单数'],
    ['C1', '王芳', '3'],
    ['C2', '李强', 'abc'],
    ['', '赵敏', '1'],
  ];

  it('needs only the customer ID; a figure it cannot read is a warning and the customer is kept', () => {
    const result = readRecords(archiveGrid, { kind: 'customers', role: 'archive' });
    expect(result.kind).toBe('customers');
    expect(result.analysis.headerRow).toBe(1);
    if (result.kind !== 'customers') return;
    expect(result.records.map((r) => [r.id, r.profile.owner])).toEqual([['C1', '王芳'], ['C2', '李强']]);
    expect(result.report.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['invalid-number', 'warning', 4],
      ['missing-customer-id', 'error', 5],
    ]);
  });

  it('still requires the customer ID', () => {
    expect(() => readRecords([['负责人'], ['王芳']], { role: 'archive' })).toThrow(ImportError);
  });

  it('leaves a plain customer list with its rules: the grading fields stay required', () => {
    let error: unknown;
    try {
      readRecords(archiveGrid);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).userMessage.en).toContain('No column was found for: Last purchase, Total spend');
  });
});

describe('gradeJoined on a GBK archive and a UTF-8 order log', () => {
  it('grades the archive by the orders, reports the join, and carries the archive columns in its order', async () => {
    const archive = await fixture('archive-gbk.csv');
    const orders = await fixture('orders-utf8.csv');
    expect(archive.encoding).toMatch(/gb/i);
    const out = gradeJoined(orders.grid, archive.grid, {
      settings: SETTINGS,
      locale: 'zh-CN',
      today: TODAY,
      sourceIssues: orders.issues,
      archiveSourceIssues: archive.issues,
    });
    expect(out.archiveImport.analysis.headerRow).toBe(2);
    expect(out.join).toEqual({
      inBoth: 5,
      archiveOnly: 2,
      ordersOnly: 2,
      archiveOnlyIds: ['007', 'A300'],
      ordersOnlyIds: ['7', 'B900'],
      archiveRowsRead: 8,
      archiveRowsSkipped: 1,
    });
    expect(out.report.join).toBe(out.join);
    expect(out.report.customers.map((c) => [c.id, c.frequency, c.monetary])).toEqual([
      ['007', 0, 0],
      ['000124', 2, 1200],
      ['17850', 2, 3045.5],
      ['A100', 1, 60],
      ['A200', 2, 1490],
      ['A300', 0, 0],
      ['A400', 1, 40],
      ['7', 2, 350.5],
      ['B900', 2, 95],
    ]);
    const byId = new Map(out.grading.customers.map((c) => [c.record.id, c]));
    expect(byId.get('A100')!.record.profile).toMatchObject({ name: '深圳海岸', owner: '赵敏', region: '华南', customerType: '个人' });
    expect(byId.get('A300')!.tier).toBe('prospect');

    const codes = out.issues.map((i) => `${i.code}@${i.row}`);
    expect(codes).toEqual(expect.arrayContaining(['duplicate-customer-id@10', 'not-in-archive@2', 'not-in-archive@12', 'id-format-mismatch@2']));
    const duplicate = out.issues.find((i) => i.code === 'duplicate-customer-id')!;
    expect(duplicate.message.en).toMatch(/^Customer archive: Row 10, column '客户编号'.*row 5/);
    expect(duplicate.message.zh.startsWith('客户档案：第 10 行')).toBe(true);
    expect(out.issues.find((i) => i.code === 'not-in-archive')!.message.en.startsWith('Order log: Row 2')).toBe(true);

    const headers = out.plan.tables[0]!.columns.map((c) => c.header);
    // The archive's columns in its order, then the figures from the orders, then the user's and the computed columns.
    expect(headers.slice(0, 12)).toEqual(['客户编号', '客户名称', '负责人', '电话', '客户类型', '地区', '满意度(1-5)', '营销同意', '最近购买日期', '首次购买日期', '购买次数', '消费总额']);
    expect(out.plan.tables[0]!.rows).toHaveLength(9);
  });

  it('reports archive figure columns superseded by the orders', () => {
    const archive: RawGrid = [['客户编号', '负责人', '订单数', '消费总额'], ['C1', '王芳', '9', '999'], ['C2', '李强', '1', '10']];
    const orders: RawGrid = [['客户编号', '下单时间', '金额'], ['C1', '2024-06-01', '10'], ['C2', '2024-06-02', '10']];
    const out = gradeJoined(orders, archive, { settings: SETTINGS, locale: 'en', today: TODAY });
    expect(out.report.customers.map((c) => [c.id, c.frequency, c.monetary])).toEqual([['C1', 1, 10], ['C2', 1, 10]]);
    const superseded = out.issues.filter((i) => i.code === 'archive-figures-superseded');
    expect(superseded.map((i) => [i.column, i.message.en])).toEqual([
      ['订单数', expect.stringContaining("1 customers' values differ") as unknown as string],
      ['消费总额', expect.stringContaining("1 customers' values differ") as unknown as string],
    ]);
  });

  it('leaves the single-source job as it was (the log alone)', async () => {
    const orders = await fixture('orders-utf8.csv');
    const single = gradeGrid(orders.grid, { settings: SETTINGS, locale: 'en', today: TODAY });
    expect('join' in single.report).toBe(false);
    expect(single.report.customers.map((c) => c.id)).toEqual(['7', '000124', '17850.0', '17850', 'A100', 'A200', 'B900', 'A400']);
  });
});

describe('the join on the Quality sheet', () => {
  it('an order customer missing from the archive is a finding of that customer: its ID, a Go to link, counted in its Data issues', () => {
    const orders: RawGrid = [['CustomerID', 'InvoiceDate', 'Amount'], ['7', '2024-01-05', '100'], ['B900', '2024-05-05', '75'], ['A1', '2024-05-05', '75']];
    const archive: RawGrid = [['客户编号', '客户名称', '负责人'], ['007', '星河', '王芳'], ['A1', '远图', '李强']];
    const out = gradeJoined(orders, archive, { settings: SETTINGS, locale: 'en', today: TODAY });
    const quality = out.planInput.quality;
    if (!quality) throw new Error('no quality checks');
    const missing = quality.findings.filter((f) => f.check === 'import:not-in-archive');
    expect(missing.map((f) => f.customerId)).toEqual(['7', 'B900']);
    // The near miss (7 against the archive's 007) is the order customer's too.
    expect(quality.findings.filter((f) => f.check === 'import:id-format-mismatch').map((f) => f.customerId)).toEqual(['7']);
    expect(quality.findingsByCustomer.get('B900')).toBe(quality.findings.filter((f) => f.customerId === 'B900').length);
    const sheet = out.plan.sheets.find((s) => s.key === 'quality');
    if (!sheet) throw new Error('no Quality sheet');
    const textOf = (c: (typeof sheet.cells)[number]): string | null => (c.value?.kind === 'text' ? c.value.text : null);
    const checkRow = sheet.cells.filter((c) => textOf(c) === 'Import: Customers with orders, not in the archive').map((c) => c.row);
    expect(checkRow.length).toBeGreaterThanOrEqual(3); // the count at the top and one row per customer
    const b900Row = checkRow.find((row) => sheet.cells.some((c) => c.row === row && textOf(c) === 'B900'));
    expect(b900Row).toBeDefined();
    const link = sheet.cells.find((c) => c.row === b900Row && c.value?.kind === 'formula');
    expect(link?.value).toMatchObject({ kind: 'formula' });
  });
});
