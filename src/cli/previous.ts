/**
 * `tierwise grade new.csv --previous last-graded.xlsx` (issue 8 §2): reads
 * an earlier Tierwise workbook part by part, streaming (src/io/xlsxPackage.ts:
 * a whole-workbook exceljs load fails on a 100,000 × 24 history) —
 * - its History sheet (parseHistoryGrid); a workbook without one (built
 *   before the history existed) gives one snapshot: its Customers table's
 *   Tier column at its AsOfDate name's date;
 * - what people typed in its Customers table's user-entry columns (Tier
 *   override, Notes), keyed by customer ID, to write forward.
 * Every refusal names the file, sheet, row and column.
 */
import type { Localized } from '../i18n/locale';
import { columnOfRef, gridCollector, sheetRowsParser, trimGrid } from '../io/sheetXmlStream';
import { openXlsxPackage, type XlsxPackage, type XlsxSheetEntry } from '../io/xlsxPackage';
import { EMPTY_HISTORY, parseHistoryGrid, type CarriedEntries, type GradeHistory, type HistorySnapshot } from '../domain/history';
import { HISTORY_TEXT } from '../plan/historyStrings';
import { COMPUTED_HEADERS, FIELD_HEADERS, SHEET_NAMES } from '../plan/strings';
import { dayFromExcelSerial, dayFromYmd, type DayNumber } from '../domain/dates';
import type { RawCell } from '../domain/types';

export interface PreviousWorkbook {
  readonly history: GradeHistory;
  readonly carried: CarriedEntries;
  /** Where the history came from: the History sheet, or the Customers table's Tier column. */
  readonly from: 'history' | 'customers';
}

/** An earlier workbook that is not a Tierwise workbook, or is damaged; nothing is written. */
export class PreviousWorkbookError extends Error {
  override readonly name = 'PreviousWorkbookError';
  constructor(readonly userMessage: Localized) {
    super(userMessage.en);
  }
}

function refuse(file: string, where: Localized): PreviousWorkbookError {
  return new PreviousWorkbookError({
    en: `--previous ${file}: ${where.en}`,
    zh: `--previous ${file}：${where.zh}`,
  });
}

function textOf(cell: RawCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const text = String(cell).trim();
  return text === '' ? null : text;
}

function letter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The column of the first header matching one of `names` (ignoring case), or -1. */
function columnOf(headers: readonly RawCell[], names: readonly string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  return headers.findIndex((h) => typeof h === 'string' && wanted.includes(h.trim().toLowerCase()));
}

/** AsOfDate's cell value (a date) from the workbook's defined name, reading only that cell's row of its sheet. */
async function asOfOf(pkg: XlsxPackage, strings: readonly string[]): Promise<DayNumber | null> {
  const ref = pkg.definedNames.get('AsOfDate');
  if (ref === undefined || ref === '') return null;
  const bang = ref.lastIndexOf('!');
  const sheetName = ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  const sheet = pkg.sheets.find((s) => s.name === sheetName);
  if (sheet === undefined) return null;
  const address = ref.slice(bang + 1).replace(/\$/g, '');
  const column = columnOfRef(address);
  const row = Number(/[0-9]+$/.exec(address)?.[0] ?? NaN) - 1;
  if (column < 0 || !Number.isInteger(row)) return null;
  const found: { value: RawCell } = { value: null };
  await pkg.streamPart(
    sheet.path,
    sheetRowsParser(strings, (r, cells) => {
      if (r === row) found.value = cells[column] ?? null;
    }),
  );
  const value = found.value;
  if (value instanceof Date) return dayFromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') return dayFromExcelSerial(value);
  return null;
}

async function gridOf(pkg: XlsxPackage, sheet: XlsxSheetEntry, strings: readonly string[]): Promise<RawCell[][]> {
  const { parser, grid } = gridCollector(strings);
  await pkg.streamPart(sheet.path, parser);
  return trimGrid(grid);
}

/** Reads the earlier workbook. @throws PreviousWorkbookError naming file, sheet, row and column. */
export async function readPreviousWorkbook(bytes: Uint8Array, file: string): Promise<PreviousWorkbook> {
  const unreadable = (error: unknown): PreviousWorkbookError =>
    refuse(file, {
      en: `cannot be read as an .xlsx workbook (${error instanceof Error ? error.message : String(error)}). Give the workbook an earlier "tierwise grade" wrote.`,
      zh: `无法读取为 .xlsx 工作簿（${error instanceof Error ? error.message : String(error)}）。请指定之前由 “tierwise grade” 生成的工作簿。`,
    });
  let pkg: XlsxPackage;
  let strings: string[];
  try {
    pkg = await openXlsxPackage(bytes);
    strings = await pkg.sharedStrings();
  } catch (error) {
    throw unreadable(error);
  }
  const read = async (sheet: XlsxSheetEntry): Promise<RawCell[][]> => {
    try {
      return await gridOf(pkg, sheet, strings);
    } catch (error) {
      throw unreadable(error);
    }
  };
  const byName = (names: Localized): XlsxSheetEntry | undefined => pkg.sheets.find((ws) => ws.name === names.en || ws.name === names.zh);

  // ---- the Customers table: IDs, tiers, typed overrides and notes ------------------
  const customersSheet = byName(SHEET_NAMES.customers);
  const overrides = new Map<string, string>();
  const notes = new Map<string, string>();
  const ids: string[] = [];
  const tiers: (string | null)[] = [];
  if (customersSheet !== undefined) {
    const grid = await read(customersSheet);
    const headers = grid[0] ?? [];
    const idColumn = columnOf(headers, [FIELD_HEADERS.customerId.en, FIELD_HEADERS.customerId.zh]);
    const tierColumn = columnOf(headers, [COMPUTED_HEADERS.tier.en, COMPUTED_HEADERS.tier.zh]);
    const overrideColumn = columnOf(headers, [FIELD_HEADERS.tierOverride.en, FIELD_HEADERS.tierOverride.zh]);
    const notesColumn = columnOf(headers, [FIELD_HEADERS.notes.en, FIELD_HEADERS.notes.zh]);
    const missing = [
      [idColumn, FIELD_HEADERS.customerId],
      [tierColumn, COMPUTED_HEADERS.tier],
    ] as const;
    for (const [column, header] of missing) {
      if (column < 0) {
        throw refuse(file, {
          en: `sheet "${customersSheet.name}", row 1: no "${header.en}" column header; this is not a workbook Tierwise built.`,
          zh: `工作表“${customersSheet.name}”第 1 行：没有“${header.zh}”列标题；这不是客户分级助手生成的工作簿。`,
        });
      }
    }
    const seen = new Map<string, number>();
    for (let r = 1; r < grid.length; r++) {
      const row = grid[r] ?? [];
      const id = textOf(row[idColumn]);
      if (id === null) continue; // a row people added without an ID: nothing to carry
      const first = seen.get(id);
      if (first !== undefined) {
        throw refuse(file, {
          en: `sheet "${customersSheet.name}", row ${r + 1}, column ${letter(idColumn)}: customer ID "${id}" already appears in row ${first}.`,
          zh: `工作表“${customersSheet.name}”第 ${r + 1} 行第 ${letter(idColumn)} 列：客户编号“${id}”已在第 ${first} 行出现。`,
        });
      }
      seen.set(id, r + 1);
      ids.push(id);
      tiers.push(textOf(row[tierColumn]));
      const override = overrideColumn < 0 ? null : textOf(row[overrideColumn]);
      if (override !== null) overrides.set(id, override);
      const note = notesColumn < 0 ? null : row[notesColumn];
      if (note !== null && note !== undefined && String(note) !== '') notes.set(id, String(note));
    }
  }

  // ---- the history ------------------------------------------------------------------
  const historySheet = byName(HISTORY_TEXT.sheetName);
  if (historySheet !== undefined) {
    const parsed = parseHistoryGrid(await read(historySheet));
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 5);
      const more = parsed.problems.length - shown.length;
      throw refuse(file, {
        en: `sheet "${historySheet.name}": ${shown.map((p) => p.message.en).join(' ')}${more > 0 ? ` (${more} more)` : ''}`,
        zh: `工作表“${historySheet.name}”：${shown.map((p) => p.message.zh).join(' ')}${more > 0 ? `（另有 ${more} 处）` : ''}`,
      });
    }
    return { history: parsed.history, carried: { overrides, notes }, from: 'history' };
  }
  if (customersSheet === undefined) {
    throw refuse(file, {
      en: `has neither a "${HISTORY_TEXT.sheetName.en}" nor a "${SHEET_NAMES.customers.en}" sheet (sheets: ${pkg.sheets.map((w) => `"${w.name}"`).join(', ')}); this is not a workbook Tierwise built.`,
      zh: `既没有“${HISTORY_TEXT.sheetName.zh}”表也没有“${SHEET_NAMES.customers.zh}”表（现有：${pkg.sheets.map((w) => `“${w.name}”`).join('、')}）；这不是客户分级助手生成的工作簿。`,
    });
  }
  let asOf: DayNumber | null;
  try {
    asOf = await asOfOf(pkg, strings);
  } catch (error) {
    throw unreadable(error);
  }
  if (asOf === null) {
    throw refuse(file, {
      en: 'has no Grade history sheet and no AsOfDate name holding a date (Settings sheet); the date of its grades is unknown.',
      zh: '没有“分级历史”表，也没有存放日期的 AsOfDate 名称（设置表）；无法确定其等级的日期。',
    });
  }
  if (ids.length === 0) return { history: EMPTY_HISTORY, carried: { overrides, notes }, from: 'customers' };
  const blank = (): null[] => ids.map(() => null);
  const snapshot: HistorySnapshot = { asOf, tier: tiers, segment: blank(), lifecycle: blank(), r: blank(), f: blank(), m: blank(), spend: blank() };
  return { history: { ids, snapshots: [snapshot] }, carried: { overrides, notes }, from: 'customers' };
}
