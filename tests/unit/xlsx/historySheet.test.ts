/**
 * The History sheet in both .xlsx writers (issue 8 §2): the same cells from
 * exceljs and from the streaming writer, dates as date cells, labels and IDs
 * as text (never a formula), after every plan sheet; and 100,000 customers x
 * 24 snapshots through the streaming writer.
 */
import { describe, expect, test } from '@jest/globals';
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd, type DayNumber } from '../../../src/domain/dates';
import type { CustomerRecord } from '../../../src/domain/types';
import { EMPTY_HISTORY, historyInputFrom, mergeSnapshot, type BuildSnapshot, type GradeHistory } from '../../../src/domain/history';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { WorkbookPlan } from '../../../src/plan/types';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';

const AS_OF = dayFromYmd(2024, 12, 31);

function record(id: string, i: number): CustomerRecord {
  return { id, sourceRow: i + 2, firstPurchase: null, lastPurchase: i % 5 === 0 ? null : ((AS_OF - 10 * i) as DayNumber), frequency: i % 5 === 0 ? 0 : 1 + (i % 7), monetary: i % 5 === 0 ? 0 : 100 * i + 0.5, tierOverride: null, profile: {}, carried: {} };
}

function plan(ids: readonly string[], earlier: GradeHistory): WorkbookPlan {
  const settings = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: AS_OF } };
  const result = gradeCustomers(ids.map(record), settings, { today: AS_OF });
  return buildWorkbookPlan({ result, settings, locale: 'zh-CN', profileFields: ['customerId'], carriedHeaders: [], history: historyInputFrom(earlier, AS_OF) });
}

async function historySheetOf(bytes: Uint8Array): Promise<{ names: string[]; cells: unknown[][] }> {
  installCalculatedColumnSupport();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.getWorksheet('分级历史')!;
  const cells: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => (out[c - 1] = [cell.type, cell.value, cell.numFmt]));
    cells[r - 1] = out;
  });
  return { names: wb.worksheets.map((w) => w.name), cells };
}

describe('the History sheet', () => {
  test('both writers write the same cells: dates as dates, labels and IDs as text, after every other sheet', async () => {
    const earlierBuild: BuildSnapshot = { asOf: dayFromYmd(2024, 6, 30), ids: ['=1+2', 'B', 'Z'], tier: ['金卡', '银卡', '普通客户'], segment: [null, null, null], lifecycle: ['活跃', '活跃', '已流失'], r: [5, 4, null], f: [5, 3, null], m: [4, 2, null], spend: [1000.5, 20, 0] };
    const earlier = mergeSnapshot(EMPTY_HISTORY, earlierBuild).history;
    const p = plan(['=1+2', 'B', 'C', 'D', 'E', 'F'], earlier);
    const [a, b] = [await historySheetOf(await writeWorkbookXlsx(p, { engine: 'exceljs' })), await historySheetOf(await writeWorkbookXlsx(p, { engine: 'streaming' }))];
    expect(a.cells).toEqual(b.cells);
    expect(a.names.at(-1)).toBe('分级历史');
    expect(b.names).toEqual(a.names);
    const STRING = ExcelJS.ValueType.String;
    const DATE = ExcelJS.ValueType.Date;
    expect(a.cells[1]![1]).toEqual([DATE, new Date(Date.UTC(2024, 5, 30)), 'yyyy-mm-dd']);
    expect(a.cells[1]![8]).toEqual([DATE, new Date(Date.UTC(2024, 11, 31)), 'yyyy-mm-dd']);
    expect(a.cells[3]![0]).toEqual([STRING, '=1+2', '@']);
    expect(a.cells[3]![1]).toEqual([STRING, '金卡', '@']);
    // Z was only in the earlier build: kept, blank in the new group; C..F are new rows, blank in the earlier group.
    expect(a.cells.slice(3).map((r) => (r[0] as unknown[])[1])).toEqual(['=1+2', 'B', 'Z', 'C', 'D', 'E', 'F']);
    expect(a.cells[5]!.length).toBe(8);
    expect(a.cells[6]![1]).toBeUndefined();
    expect(a.cells[6]![8]).toEqual([STRING, p.history!.current.tier[2], '@']);
  });

  // The 100,000-customer figure is `npm run bench`'s (minutes under load); the suite checks the same shape at 5,000.
  test('5,000 customers x 24 snapshots stream through the streaming writer, one row per customer', async () => {
    const n = 5_000;
    const ids = Array.from({ length: n }, (_, i) => `K${String(i).padStart(6, '0')}`);
    const tiers = ['金卡', '银卡', '普通客户', '新客户', '潜在客户'];
    const blankOr = <T>(x: T, i: number, g: number): T | null => ((i + g) % 50 === 0 ? null : x);
    const snapshots = Array.from({ length: 23 }, (_, g) => ({
      asOf: (AS_OF - 30 * (23 - g)) as DayNumber,
      tier: ids.map((_, i) => blankOr(tiers[(i + g) % 5]!, i, g)),
      segment: ids.map((_, i) => blankOr('重要价值客户', i, g)),
      lifecycle: ids.map((_, i) => blankOr('活跃', i, g)),
      r: ids.map((_, i) => blankOr(1 + ((i + g) % 5), i, g)),
      f: ids.map((_, i) => blankOr(1 + (i % 5), i, g)),
      m: ids.map((_, i) => blankOr(1 + (g % 5), i, g)),
      spend: ids.map((_, i) => blankOr(i + g / 4, i, g)),
    }));
    const small = plan(ids.slice(0, 20), { ids, snapshots });
    // The real grading of 100k customers is not what this test is about: the current snapshot is as big as the history.
    const current: BuildSnapshot = { asOf: AS_OF, ids, tier: ids.map(() => '金卡'), segment: ids.map(() => null), lifecycle: ids.map(() => '活跃'), r: ids.map(() => 5), f: ids.map(() => 5), m: ids.map(() => 5), spend: ids.map((_, i) => i) };
    const big: WorkbookPlan = { ...small, history: { ...small.history!, current } };
    const bytes = await writeWorkbookXlsx(big, { engine: 'streaming' });
    const sheet = await entryStats(bytes, `xl/worksheets/sheet${big.sheets.length + 1}.xml`);
    expect(sheet.head).toContain('<dimension ref="A1:FM5003"/>');
    expect(sheet.rows).toBe(5_003);
    expect(sheet.tail).toContain('<c r="FM5003" s="');
    expect(sheet.tail).toMatch(/<\/row><\/sheetData>/);
  }, 120_000);
});

/** Streams one deflated ZIP entry: its first bytes, last bytes and `<row ` count, never the whole text in memory. */
async function entryStats(bytes: Uint8Array, name: string): Promise<{ head: string; tail: string; rows: number }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const entry = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const offset = buf.readUInt32LE(p + 42);
    if (entry === name) {
      const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
      let head = '';
      let tail = '';
      let rows = 0;
      const inflate = Readable.from([buf.subarray(start, start + compressed)]).pipe(createInflateRaw());
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        const text = tail + chunk.toString('latin1');
        if (head.length < 2000) head += chunk.toString('latin1').slice(0, 2000);
        rows += (text.match(/<row /g) ?? []).length - (tail.match(/<row /g) ?? []).length;
        tail = text.slice(-20_000);
      }
      return { head, tail, rows };
    }
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error(`no ${name} in the package`);
}
