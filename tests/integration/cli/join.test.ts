/**
 * Two sources through the real entry point (bin/tierwise.cjs): an order log
 * with `--customers` naming the customer archive.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';

jest.setTimeout(120_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
const FIXTURES = path.resolve(__dirname, '../../fixtures/join');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-join-'));
  copyFileSync(path.join(FIXTURES, 'archive-gbk.csv'), path.join(dir, 'archive.csv'));
  copyFileSync(path.join(FIXTURES, 'orders-utf8.csv'), path.join(dir, 'orders.csv'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tierwise grade orders --customers archive', () => {
  it('grades the GBK archive by the UTF-8 log: the report gets join, the table the archive columns', async () => {
    const result = await run(['grade', 'orders.csv', '--customers', 'archive.csv', '--out', 'graded.xlsx', '--report', 'report.json', '--as-of', '2024-07-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('5 of 7 customers in the orders are in the archive; 2 are not');
    expect(result.stdout).toContain('2 archive customers have no orders');

    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['asOf', 'breakpoints', 'import', 'customers', 'summary', 'model', 'quality', 'join', 'history']);
    expect(report.join).toEqual({
      inBoth: 5, archiveOnly: 2, ordersOnly: 2, archiveOnlyIds: ['007', 'A300'], ordersOnlyIds: ['7', 'B900'], archiveRowsRead: 8, archiveRowsSkipped: 1,
    });
    expect(report.customers.map((c: { id: string }) => c.id)).toEqual(['007', '000124', '17850', 'A100', 'A200', 'A300', 'A400', '7', 'B900']);
    const codes = report.import.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['encoding-guessed', 'duplicate-customer-id', 'not-in-archive', 'id-format-mismatch']));

    installCalculatedColumnSupport();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'graded.xlsx'));
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1, 9);
    expect(header).toEqual(['Customer ID', 'Name', 'Owner', 'Phone', 'Type', 'Region', expect.stringMatching(/^Satisfaction/), expect.stringMatching(/consent/i)]);
    // The archive's first customer, with its owner and phone, as text.
    expect(sheet.getRow(2).getCell(1).value).toBe('007');
    expect(sheet.getRow(2).getCell(3).value).toBe('王芳');
    expect(sheet.getRow(2).getCell(4).value).toBe('13800138000');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const result = await run(['grade', 'orders.csv', '--customers', 'archive.csv', '--as-of', '2024-07-01', '--lang', 'zh-CN']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('订单中的 7 位客户有 5 位在客户档案中，2 位不在');
    expect(result.stdout).toContain('客户档案：第 10 行「客户编号」列');
  });

  it('takes --map-customers corrections for the archive, and a forced --customers-encoding', async () => {
    writeFileSync(path.join(dir, 'crm.csv'), ['Account No,Account Owner Alias,Territory', 'A100,zhao,South', 'A200,li,West'].join('\n'));
    const withoutMap = await run(['grade', 'orders.csv', '--customers', 'crm.csv']);
    expect(withoutMap.code).toBe(1);
    expect(withoutMap.stderr).toContain('Customer ID');
    const withMap = await run([
      'grade', 'orders.csv', '--customers', 'crm.csv', '--customers-encoding', 'utf-8', '--report', 'r.json',
      '--map-customers', 'customerId=Account No', '--map-customers=owner=Account Owner Alias', '--map-customers', 'region=Territory',
    ]);
    expect(withMap.stderr).toBe('');
    expect(withMap.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.join).toMatchObject({ inBoth: 2, archiveOnly: 0, ordersOnly: 5 });
  });

  it('refuses to write over the archive and reads no half options', async () => {
    const over = await run(['grade', 'orders.csv', '--customers', 'archive.csv', '--out', 'archive.csv']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('never overwrites your source data');
    expect(readFileSync(path.join(dir, 'archive.csv'))).toEqual(readFileSync(path.join(FIXTURES, 'archive-gbk.csv')));

    const orphan = await run(['grade', 'orders.csv', '--map-customers', 'owner=X']);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--customers FILE');

    const missing = await run(['grade', 'orders.csv', '--customers', 'nowhere.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.csv');
    expect(existsSync(path.join(dir, 'orders-graded.xlsx'))).toBe(false);
  });

  it('reads the archive from a sheet of a workbook with --customers-sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['exported by hand']);
    const sheet = wb.addWorksheet('客户档案');
    sheet.addRow(['客户编号', '客户名称', '负责人']);
    sheet.addRow(['A200', '成都天府', '李强']);
    sheet.addRow(['17850', '广州新锐', '王芳']);
    await wb.xlsx.writeFile(path.join(dir, 'archive.xlsx'));
    const result = await run(['grade', 'orders.csv', '--customers', 'archive.xlsx', '--customers-sheet', '客户档案', '--report', 'r.json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.customers.slice(0, 2).map((c: { id: string }) => c.id)).toEqual(['A200', '17850']);
    expect(report.join).toMatchObject({ inBoth: 2, archiveOnly: 0, ordersOnly: 5 });
  });
});
