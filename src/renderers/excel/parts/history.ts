/**
 * Part of the Office.js renderer (see ../applyPlan.ts): the History sheet
 * (issue 8 §2; layout: src/domain/history/types.ts).
 *
 * Reading (../readHistory.ts and applyPlan's inspect): the used range and the
 * date row (row 2, all 16,384 columns: ~50 KB) in one sync, then the ID
 * column, and when asked one tier column, in blocks of {@link HISTORY_READ_ROWS}
 * rows, one sync each (100,000 IDs of ~10 characters and their tiers are
 * ~2.5 MB, under Excel's 5 MB response limit).
 *
 * Writing: only this build's group and the ID cells of customers new to the
 * history, in row blocks cut under the request budget, one sync each; then
 * the group's date cell ALONE in the last sync — the commit marker: a group
 * whose date cell is blank does not exist (placement.ts), so a build stopped
 * before that sync leaves no half snapshot. A same-date rebuild first blanks
 * the date cell (in the first block's batch), so it never shows a snapshot
 * half old, half new. Earlier groups are never written.
 */
import { dayFromExcelSerial, excelSerialFromDay, parseIsoDay, type DayNumber } from '../../../domain/dates';
import type { HistoryPlacement, HistoryReadBack } from '../../../domain/history/placement';
import { HISTORY_FIELDS, HISTORY_LAYOUT } from '../../../domain/history/types';
import type { HistoryPlan } from '../../../plan/types';
import { inputBytes, officeTextInput, type OfficeCellInput } from '../cellValues';
import { cutBlocks, setUniform, type Block } from './table';
import { STYLE_FORMATS, widthToPoints } from './sheets';

/**
 * The first read block of the ID (and tier) column, in rows: small enough
 * that even 255-character IDs stay far under the 5 MB response limit
 * (5,000 x ~800 bytes = 4 MB at worst, ~0.2 MB typically). Later blocks are
 * sized from the widest row seen so far (readBlockRows).
 */
export const HISTORY_READ_ROWS = 5_000;
/** The most rows one later read block takes, and the response budget it is sized to (bytes, under Excel's 5 MB). */
const HISTORY_READ_MAX_ROWS = 100_000;
const HISTORY_READ_BUDGET_BYTES = 4_000_000;

/**
 * Rows of the next read block, from the widest row seen: each character
 * counted as 3 bytes (UTF-8 of CJK, JSON escapes), plus the row's brackets
 * and quotes. ASCII IDs take one byte a character, so rows up to about three
 * times the widest seen still fit; an ID column whose first rows are far
 * narrower than its later ones could still exceed it (no cheap way to know
 * lengths before reading).
 */
export function readBlockRows(widestRowChars: number): number {
  const rowBytes = 3 * widestRowChars + 16;
  return Math.max(1_000, Math.min(HISTORY_READ_MAX_ROWS, Math.floor(HISTORY_READ_BUDGET_BYTES / rowBytes)));
}
/** Excel's column count: the date row is read whole. */
const SHEET_COLUMNS = 16_384;
/** Per-row bytes besides the values (array brackets), per operation overhead (as the fake measures, with margin). */
const ROW_BYTES = 2;
const OPERATION_BYTES = 96;

/** Number formats of a group's columns, HISTORY_FIELDS order: labels as text, R/F/M whole, spend 2 decimals. */
export const HISTORY_FORMATS: readonly string[] = ['@', '@', '@', '0', '0', '0', '#,##0.00'];
const DATE_FORMAT = 'yyyy-mm-dd';
const ID_WIDTH = 16;
const FIELD_WIDTHS: readonly number[] = [10, 14, 12, 4, 4, 4, 12];

/** First sheet column (0-based) of group `group`. */
export function groupColumn(group: number): number {
  return HISTORY_LAYOUT.firstGroupColumn + group * HISTORY_LAYOUT.groupWidth;
}

/** What the first read sync loads: the used range and the whole date row. */
export interface HistoryProbe {
  readonly used: Excel.Range;
  readonly dateRow: Excel.Range;
}

export function queueHistoryProbe(sheet: Excel.Worksheet): HistoryProbe {
  return {
    used: sheet.getUsedRangeOrNullObject(true).load(['rowIndex', 'rowCount', 'columnIndex', 'columnCount']),
    dateRow: sheet.getRangeByIndexes(HISTORY_LAYOUT.dateRow, 0, 1, SHEET_COLUMNS).load('values'),
  };
}

/** A date cell as read: an Excel serial, or ISO text typed by someone; anything else is no date. */
function dayOfCell(value: unknown): DayNumber | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return dayFromExcelSerial(Math.floor(value));
  if (typeof value === 'string') return parseIsoDay(value.trim());
  return null;
}

/** Per group, its date (null: the group does not exist), up to the last set date cell. */
export function datesOfProbe(probe: HistoryProbe): (DayNumber | null)[] {
  const row = probe.dateRow.values[0] ?? [];
  const dates: (DayNumber | null)[] = [];
  for (let c = HISTORY_LAYOUT.firstGroupColumn; c < row.length; c += HISTORY_LAYOUT.groupWidth) dates.push(dayOfCell(row[c]));
  while (dates.length > 0 && dates[dates.length - 1] === null) dates.pop();
  return dates;
}

/** Data rows on the sheet: from the first data row to the last used row. */
export function dataRowsOfProbe(probe: HistoryProbe): number {
  if (probe.used.isNullObject) return 0;
  return Math.max(0, probe.used.rowIndex + probe.used.rowCount - HISTORY_LAYOUT.firstDataRow);
}

/**
 * Reads the ID column (and, when `tierGroup` is not null, that group's tier
 * column) of `rows` data rows: one sync per block, the first of
 * {@link HISTORY_READ_ROWS} rows, the next ones sized from the widest row
 * read so far (readBlockRows), so long IDs never push a response over 5 MB.
 */
export async function readHistoryRows(
  sheet: () => Excel.Worksheet,
  rows: number,
  tierGroup: number | null,
  sync: () => Promise<void>,
  checkCancelled: () => void = () => undefined,
): Promise<{ readonly ids: string[]; readonly tiers: unknown[] }> {
  const ids: string[] = [];
  const tiers: unknown[] = [];
  let blockRows = HISTORY_READ_ROWS;
  let widest = 0;
  for (let start = 0; start < rows; start += blockRows) {
    checkCancelled();
    if (start > 0) blockRows = readBlockRows(widest);
    const count = Math.min(blockRows, rows - start);
    const s = sheet();
    const idRange = s.getRangeByIndexes(HISTORY_LAYOUT.firstDataRow + start, HISTORY_LAYOUT.idColumn, count, 1).load('values');
    const tierRange = tierGroup === null ? null : s.getRangeByIndexes(HISTORY_LAYOUT.firstDataRow + start, groupColumn(tierGroup), count, 1).load('values');
    await sync();
    const base = ids.length;
    for (const [v] of idRange.values) ids.push(v === null || v === undefined ? '' : String(v));
    if (tierRange) for (const [v] of tierRange.values) tiers.push(v);
    for (let i = base; i < ids.length; i++) {
      const tier = tierRange ? tiers[i] : undefined;
      const chars = (ids[i] as string).length + (typeof tier === 'string' ? tier.length : 24);
      if (chars > widest) widest = chars;
    }
  }
  return { ids, tiers };
}

/** The read-back placement.ts works on. */
export function readBackOf(ids: readonly string[], dates: readonly (DayNumber | null)[]): HistoryReadBack {
  return { ids, dates };
}

type WritePlacement = Extract<HistoryPlacement, { kind: 'write' }>;

/** For each sheet data row 0..totalRows-1, the build entry written there (-1: blank). */
function entryOfRow(placement: WritePlacement): Int32Array {
  const entry = new Int32Array(placement.totalRows).fill(-1);
  placement.rowOf.forEach((row, i) => {
    if (row >= 0) entry[row] = i;
  });
  return entry;
}

/** One row of the group as `Range.values` input: text as text (the columns are `@`), numbers as numbers, '' = blank. */
function groupRow(plan: HistoryPlan, entry: number): OfficeCellInput[] {
  if (entry < 0) return ['', '', '', '', '', '', ''];
  const s = plan.current;
  const text = (v: string | null | undefined): OfficeCellInput => (v === null || v === undefined || v === '' ? '' : officeTextInput(v, true));
  const num = (v: number | null | undefined): OfficeCellInput => (v === null || v === undefined || !Number.isFinite(v) ? '' : v);
  const spend = s.spend[entry];
  return [
    text(s.tier[entry]),
    text(s.segment[entry]),
    text(s.lifecycle[entry]),
    num(s.r[entry]),
    num(s.f[entry]),
    num(s.m[entry]),
    num(spend === null || spend === undefined ? null : Math.round(spend * 100) / 100),
  ];
}

export interface HistoryWriteResult {
  readonly blocks: number;
  readonly largestBlockBytes: number;
  readonly largestBlockRows: number;
}

/**
 * Writes the placement's group: the sheet's labels and the group's headers
 * with the first block, then every block (IDs of appended rows, the group's
 * cells, blanks for customers not in this build), one `sync` each, then the
 * date cell alone in the last sync. `created`: the sheet was made by this
 * build (freeze panes and the ID column's width go with it).
 */
export async function writeHistoryGroup(args: {
  readonly sheet: () => Excel.Worksheet;
  readonly plan: HistoryPlan;
  readonly placement: WritePlacement;
  readonly created: boolean;
  readonly budget: number;
  readonly maxRows: number;
  readonly sync: (rows: { readonly start: number; readonly end: number; readonly total: number }) => Promise<void>;
  readonly beforeBatch: () => void;
}): Promise<HistoryWriteResult> {
  const { plan, placement } = args;
  const entries = entryOfRow(placement);
  const col0 = groupColumn(placement.group);
  const width = HISTORY_FIELDS.length;
  const appendedFrom = placement.existingRows;
  const idOf = (row: number): string => placement.appendedIds[row - appendedFrom] ?? '';
  const rowBytes = (row: number): number =>
    groupRow(plan, entries[row] ?? -1).reduce<number>((sum, v) => sum + inputBytes(v), ROW_BYTES) + (row >= appendedFrom ? inputBytes(officeTextInput(idOf(row), true)) + ROW_BYTES : 0);
  // The first block also carries the labels and headers: a few hundred bytes, kept out of the budget by a margin.
  const blocks: Block[] = cutBlocks(placement.totalRows, rowBytes, args.maxRows, args.budget - 16 * OPERATION_BYTES - 4_096);
  if (blocks.length === 0) blocks.push({ start: 0, end: 0, bytes: 0 });
  let largestBlockBytes = 0;
  let largestBlockRows = 0;
  for (const [index, block] of blocks.entries()) {
    args.beforeBatch();
    const sheet = args.sheet();
    if (index === 0) {
      // The commit marker goes first: a replaced group does not exist until its new date is written.
      if (placement.replaced) sheet.getCell(HISTORY_LAYOUT.dateRow, col0).values = [['']];
      queueLabels(sheet, plan, col0, args.created);
    }
    const count = block.end - block.start;
    if (count > 0) {
      const top = HISTORY_LAYOUT.firstDataRow + block.start;
      // The new rows' IDs before their group cells: a batch stopped in between (Excel keeps what ran) leaves
      // IDs without grades, never grades in a row without its ID (which the next build could not match).
      const newFrom = Math.max(block.start, appendedFrom);
      if (newFrom < block.end) {
        const ids = sheet.getRangeByIndexes(HISTORY_LAYOUT.firstDataRow + newFrom, HISTORY_LAYOUT.idColumn, block.end - newFrom, 1);
        setUniform(ids, 'numberFormat', '@');
        const idMatrix: OfficeCellInput[][] = [];
        for (let row = newFrom; row < block.end; row += 1) idMatrix.push([officeTextInput(idOf(row), true)]);
        ids.values = idMatrix;
      }
      const group = sheet.getRangeByIndexes(top, col0, count, width);
      HISTORY_FORMATS.forEach((format, k) => setUniform(sheet.getRangeByIndexes(top, col0 + k, count, 1), 'numberFormat', format));
      const matrix: OfficeCellInput[][] = [];
      for (let row = block.start; row < block.end; row += 1) matrix.push(groupRow(plan, entries[row] ?? -1));
      group.values = matrix;
    }
    largestBlockBytes = Math.max(largestBlockBytes, block.bytes);
    largestBlockRows = Math.max(largestBlockRows, count);
    await args.sync({ start: block.start, end: block.end, total: placement.totalRows });
  }
  // The commit: the date cell, alone, after every cell of the group is in.
  args.beforeBatch();
  const dateCell = args.sheet().getCell(HISTORY_LAYOUT.dateRow, col0);
  dateCell.numberFormat = [[DATE_FORMAT]];
  dateCell.values = [[excelSerialFromDay(plan.current.asOf)]];
  await args.sync({ start: 0, end: 0, total: placement.totalRows });
  return { blocks: blocks.length, largestBlockBytes, largestBlockRows };
}

/** A1 title, B1 note, A2/A3 labels, the group's headers and widths; on creation the frozen panes and the ID column. */
function queueLabels(sheet: Excel.Worksheet, plan: HistoryPlan, col0: number, created: boolean): void {
  const label = (row: number, column: number, text: string, style: keyof typeof STYLE_FORMATS): void => {
    const cell = sheet.getCell(row, column);
    cell.numberFormat = [['@']];
    cell.values = [[officeTextInput(text, true)]];
    const f = STYLE_FORMATS[style];
    if (f.bold !== undefined) cell.format.font.bold = f.bold;
    if (f.italic !== undefined) cell.format.font.italic = f.italic;
    if (f.size !== undefined) cell.format.font.size = f.size;
    if (f.color !== undefined) cell.format.font.color = f.color;
    if (f.fill !== undefined) cell.format.fill.color = f.fill;
  };
  label(HISTORY_LAYOUT.titleRow, 0, plan.title, 'title');
  label(HISTORY_LAYOUT.titleRow, 1, plan.note, 'note');
  label(HISTORY_LAYOUT.dateRow, 0, plan.asOfLabel, 'label');
  label(HISTORY_LAYOUT.headerRow, 0, plan.idHeader, 'header');
  plan.fieldHeaders.forEach((header, k) => {
    label(HISTORY_LAYOUT.headerRow, col0 + k, header, 'header');
    sheet.getRangeByIndexes(0, col0 + k, 1, 1).format.columnWidth = widthToPoints(FIELD_WIDTHS[k] ?? 10);
  });
  if (created) {
    sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = widthToPoints(ID_WIDTH);
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, HISTORY_LAYOUT.firstDataRow, 1));
  }
}

export type HistoryInspection =
  | { readonly kind: 'write'; readonly placement: WritePlacement; readonly created: boolean; readonly readSyncs: number }
  | { readonly kind: 'protected' }
  | { readonly kind: 'refused'; readonly message: Extract<HistoryPlacement, { kind: 'refused' }>['message'] };

/**
 * applyPlan's history inspect: on an existing sheet, its protection, used
 * range and date row (one sync), then the ID column (one sync per
 * {@link HISTORY_READ_ROWS} rows); then where this build's snapshot goes.
 * No sync for a sheet this build creates.
 */
export async function inspectHistory(
  workbook: Excel.Workbook,
  plan: HistoryPlan,
  sheetExists: boolean,
  place: (read: HistoryReadBack) => HistoryPlacement,
  sync: () => Promise<void>,
  checkCancelled: () => void,
): Promise<HistoryInspection> {
  let read: HistoryReadBack = { ids: [], dates: [] };
  let readSyncs = 0;
  if (sheetExists) {
    const sheet = (): Excel.Worksheet => workbook.worksheets.getItem(plan.sheetName);
    const protection = sheet().protection.load('protected');
    const probe = queueHistoryProbe(sheet());
    await sync();
    readSyncs += 1;
    if (protection.protected) return { kind: 'protected' };
    const rows = dataRowsOfProbe(probe);
    const { ids } = await readHistoryRows(sheet, rows, null, async () => {
      await sync();
      readSyncs += 1;
    }, checkCancelled);
    read = readBackOf(ids, datesOfProbe(probe));
  }
  const placement = place(read);
  if (placement.kind === 'refused') return { kind: 'refused', message: placement.message };
  return { kind: 'write', placement, created: !sheetExists, readSyncs };
}
