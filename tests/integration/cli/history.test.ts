/**
 * `tierwise grade new.csv --previous last-graded.xlsx` through the real entry
 * point (bin/tierwise.cjs), issue 8 §2: the History sheet gains a group per
 * as-of date (the same date replaces its group), the table shows Previous
 * tier and Change, the overrides and notes typed in the earlier workbook are
 * carried, the report gets its `history` key; a workbook Tierwise did not
 * build is refused naming the file, sheet, row and column.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';

jest.setTimeout(180_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-history-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const FIRST = [
  'Customer ID,Name,Last purchase,Orders,Spend,Tier override',
  'C1,Alpha,2024-05-01,20,50000,',
  'C2,Beta,2024-04-01,10,12000,',
  'C3,Gamma,2023-01-01,2,900,',
  'C4,Delta,2024-06-20,5,3000,',
  'C5,Eps,,0,0,',
  'C6,Zeta,2024-06-01,8,8000,',
].join('\n');
const SECOND = [
  'Customer ID,Name,Last purchase,Orders,Spend,Tier override',
  'C1,Alpha,2024-11-01,2,50000,',
  'C2,Beta,2024-12-01,30,62000,',
  'C3,Gamma,2023-01-01,2,900,',
  'C4,Delta,2024-12-20,15,13000,',
  'C6,Zeta,2024-12-01,9,9000,',
  'C7,New,2024-12-10,3,700,',
].join('\n');

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  installCalculatedColumnSupport();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

/** Customers sheet rows as header -> value, by customer ID. */
function customers(wb: ExcelJS.Workbook): Map<string, Record<string, unknown>> {
  const ws = wb.getWorksheet('Customers')!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out = new Map<string, Record<string, unknown>>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    const row: Record<string, unknown> = {};
    headers.forEach((h, i) => {
      const v = values[i] as unknown;
      row[h] = v !== null && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v;
    });
    if (row['Customer ID']) out.set(String(row['Customer ID']), row);
  }
  return out;
}

function historyDates(wb: ExcelJS.Workbook): string[] {
  const ws = wb.getWorksheet('Grade history')!;
  const dates: string[] = [];
  for (let c = 2; c <= ws.columnCount; c += 7) {
    const v = ws.getCell(2, c).value;
    if (v instanceof Date) dates.push(v.toISOString().slice(0, 10));
  }
  return dates;
}

describe('tierwise grade --previous', () => {
  it('carries the history, the typed overrides and notes; the same as-of date twice is one snapshot', async () => {
    writeFileSync(path.join(dir, 'first.csv'), FIRST);
    writeFileSync(path.join(dir, 'second.csv'), SECOND);
    const first = await run(['grade', 'first.csv', '--out', 'first.xlsx', '--as-of', '2024-07-01', '--no-predict', '--lang', 'en']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const a = await workbook('first.xlsx');
    expect(historyDates(a)).toEqual(['2024-07-01']);

    // What people type in the table between two builds.
    const ws = a.getWorksheet('Customers')!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const idRow = (id: string): number => [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === id)!;
    ws.getCell(idRow('C3'), headers.indexOf('Tier override')).value = 'Gold';
    ws.getCell(idRow('C2'), headers.indexOf('Notes')).value = 'called 2024-08-01, wants a catalogue';
    await a.xlsx.writeFile(path.join(dir, 'first.xlsx'));

    const second = await run(['grade', 'second.csv', '--previous', 'first.xlsx', '--out', 'second.xlsx', '--report', 'second.json', '--as-of', '2025-01-01', '--no-predict', '--lang', 'en']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const b = await workbook('second.xlsx');
    expect(historyDates(b)).toEqual(['2024-07-01', '2025-01-01']);
    const rows = customers(b);
    expect(rows.get('C3')).toMatchObject({ 'Tier override': 'Gold', Tier: 'Gold', 'Previous tier': 'Regular', Change: '▲ Up' });
    expect(rows.get('C2')).toMatchObject({ Notes: 'called 2024-08-01, wants a catalogue', 'Previous tier': 'Silver', Change: '▲ Up' });
    expect(rows.get('C1')).toMatchObject({ 'Previous tier': 'Gold', Change: '▼ Down' });
    expect(rows.get('C7')).toMatchObject({ Change: '★ New' });
    expect(rows.get('C7')?.['Previous tier'] ?? null).toBeNull();
    // C5 was in the first build only: its history row stays, blank in the new group.
    const hist = b.getWorksheet('Grade history')!;
    const ids = [...Array(hist.rowCount - 3).keys()].map((i) => hist.getCell(i + 4, 1).value);
    expect(ids).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(hist.getCell(8, 2).value).toBe('Prospect');
    expect(hist.getCell(8, 9).value).toBeNull();

    const report = JSON.parse(readFileSync(path.join(dir, 'second.json'), 'utf8'));
    expect(Object.keys(report).at(-1)).toBe('history');
    expect(report.history).toMatchObject({ asOf: '2025-01-01', snapshots: ['2024-07-01', '2025-01-01'], previousAsOf: '2024-07-01' });
    // C2 (Silver -> Gold), C4 (Regular -> Silver) and C3 (Regular -> Gold by the carried override).
    expect(report.history.migration.movedUp.customers).toBe(3);
    expect(report.history.migration.new.customers).toBe(1);

    // A rebuild on the same as-of date replaces its snapshot and still compares with the one before.
    const again = await run(['grade', 'second.csv', '--previous', 'second.xlsx', '--out', 'third.xlsx', '--report', 'third.json', '--as-of', '2025-01-01', '--no-predict', '--lang', 'en']);
    expect(again.code).toBe(0);
    const c = await workbook('third.xlsx');
    expect(historyDates(c)).toEqual(['2024-07-01', '2025-01-01']);
    expect(customers(c).get('C1')).toMatchObject({ 'Previous tier': 'Gold', Change: '▼ Down' });
    expect(customers(c).get('C2')).toMatchObject({ Notes: 'called 2024-08-01, wants a catalogue' });
    const third = JSON.parse(readFileSync(path.join(dir, 'third.json'), 'utf8'));
    expect(third.history.snapshots).toEqual(['2024-07-01', '2025-01-01']);
    expect(third.history.previousAsOf).toBe('2024-07-01');
  });

  it('refuses a workbook Tierwise did not build, naming the file, the sheet, the row and the column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Customers').addRow(['ID', 'Tier']);
    await wb.xlsx.writeFile(path.join(dir, 'other.xlsx'));
    writeFileSync(path.join(dir, 'second.csv'), SECOND);
    const result = await run(['grade', 'second.csv', '--previous', 'other.xlsx', '--out', 'x.xlsx', '--no-predict', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--previous other.xlsx: sheet "Customers", row 1: no "Customer ID" column header');
    const zh = await run(['grade', 'second.csv', '--previous', 'other.xlsx', '--out', 'x.xlsx', '--no-predict', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('工作表“Customers”第 1 行');
  });
});
