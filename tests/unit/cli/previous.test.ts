/**
 * Reading the earlier workbook of `--previous` (issue 8 §2): its History
 * sheet, or — for a workbook built before the history existed — its
 * Customers table's Tier column at its AsOfDate; the typed overrides and
 * notes; refusals naming the file, sheet, row and column.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawGrid } from '../../../src/domain/types';
import { EMPTY_HISTORY, historyInputFrom } from '../../../src/domain/history';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { PreviousWorkbookError, readPreviousWorkbook } from '../../../src/cli/previous';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';

const AS_OF = dayFromYmd(2024, 6, 30);
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: AS_OF } };
const GRID: RawGrid = [
  ['客户编号', '最近购买日期', '购买次数', '消费总额', '手动等级'],
  ['A', '2024-06-01', '30', '90000', ''],
  ['B', '2024-05-01', '5', '5000', '金卡'],
  ['C', '', '0', '0', ''],
];

async function built(withHistory: boolean): Promise<Uint8Array> {
  const { plan } = gradeGrid(GRID, { settings: SETTINGS, locale: 'zh-CN', today: AS_OF, ...(withHistory ? { history: historyInputFrom(EMPTY_HISTORY, AS_OF) } : {}) });
  return writeWorkbookXlsx(plan, { engine: 'exceljs' });
}

describe('readPreviousWorkbook', () => {
  it('a workbook without a History sheet gives its Tier column as one snapshot at its AsOfDate, and its typed overrides', async () => {
    const previous = await readPreviousWorkbook(await built(false), 'old.xlsx');
    expect(previous.from).toBe('customers');
    expect(previous.history.ids).toEqual(['A', 'B', 'C']);
    expect(previous.history.snapshots.map((s) => s.asOf)).toEqual([AS_OF]);
    expect(previous.history.snapshots[0]!.tier).toEqual(['金卡', '金卡', '潜在客户']);
    expect(Object.fromEntries(previous.carried.overrides)).toEqual({ B: '金卡' });
  });

  it('a workbook with a History sheet gives that history', async () => {
    const previous = await readPreviousWorkbook(await built(true), 'last.xlsx');
    expect(previous.from).toBe('history');
    expect(previous.history.snapshots).toHaveLength(1);
    expect(previous.history.snapshots[0]!.spend).toEqual([90000, 5000, 0]);
  });

  it('a damaged History sheet is refused naming the file, the sheet, the row and the column', async () => {
    installCalculatedColumnSupport();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await built(true)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    wb.getWorksheet('分级历史')!.getCell('B2').value = 'soon';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const error = await readPreviousWorkbook(bytes, 'last.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviousWorkbookError);
    expect((error as PreviousWorkbookError).userMessage.en).toBe('--previous last.xlsx: sheet "分级历史": Row 2, column B: "soon" is not a date; each snapshot group starts with its as-of date.');
    expect((error as PreviousWorkbookError).userMessage.zh).toContain('第 2 行第 B 列');
  });

  it('bytes that are not a workbook are refused naming the file', async () => {
    await expect(readPreviousWorkbook(new TextEncoder().encode('id,tier\n'), 'notes.csv')).rejects.toThrow(/--previous notes.csv: cannot be read as an .xlsx workbook/);
  });
});
