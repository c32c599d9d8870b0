/**
 * The History sheet as a grid of cells, both ways (layout: ./types.ts):
 * `historyGridRow` lays a GradeHistory out (the file writers stream it row by
 * row), `parseHistoryGrid` reads a sheet's values back (the CLI's
 * `--previous`, the add-in's reader). Pure: no host library.
 */
import type { Localized } from '../../i18n/locale';
import { dayFromExcelSerial, parseIsoDay, type DayNumber, formatIsoDay, dayFromYmd } from '../dates';
import { HISTORY_FIELDS, HISTORY_LAYOUT, type GradeHistory, type HistoryField, type HistorySnapshot } from './types';
import { fillMessage, type HistoryMessageKey } from './messages';

/** One cell of the History sheet: labels are text, never formulas. */
export type HistoryGridCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly day: DayNumber }
  | null;

/** The sheet's fixed texts, localised by the plan (HistoryPlan). */
export interface HistoryGridLabels {
  readonly title: string;
  readonly note: string;
  readonly asOfLabel: string;
  readonly idHeader: string;
  /** One per HISTORY_FIELDS entry. */
  readonly fieldHeaders: readonly string[];
}

/** Rows the sheet has for a history: title, dates, headers, one per customer. */
export function historyRowCount(history: GradeHistory): number {
  return HISTORY_LAYOUT.firstDataRow + history.ids.length;
}

/** Columns the sheet has for a history. */
export function historyColumnCount(history: GradeHistory): number {
  return HISTORY_LAYOUT.firstGroupColumn + HISTORY_LAYOUT.groupWidth * history.snapshots.length;
}

function cellOf(snapshot: HistorySnapshot, field: HistoryField, i: number): HistoryGridCell {
  const value = snapshot[field][i];
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', text: value };
}

/** The cells of one 0-based sheet row, column 0 first; trailing blanks may be left out. */
export function historyGridRow(history: GradeHistory, labels: HistoryGridLabels, row: number): HistoryGridCell[] {
  const L = HISTORY_LAYOUT;
  const text = (t: string): HistoryGridCell => ({ kind: 'text', text: t });
  if (row === L.titleRow) return [text(labels.title), text(labels.note)];
  const out: HistoryGridCell[] = new Array<HistoryGridCell>(historyColumnCount(history)).fill(null);
  if (row === L.dateRow) {
    out[L.idColumn] = text(labels.asOfLabel);
    history.snapshots.forEach((s, g) => (out[L.firstGroupColumn + g * L.groupWidth] = { kind: 'date', day: s.asOf }));
    return out;
  }
  if (row === L.headerRow) {
    out[L.idColumn] = text(labels.idHeader);
    history.snapshots.forEach((_, g) => HISTORY_FIELDS.forEach((_f, k) => (out[L.firstGroupColumn + g * L.groupWidth + k] = text(labels.fieldHeaders[k] ?? ''))));
    return out;
  }
  const i = row - L.firstDataRow;
  out[L.idColumn] = text(history.ids[i] ?? '');
  history.snapshots.forEach((s, g) => HISTORY_FIELDS.forEach((f, k) => (out[L.firstGroupColumn + g * L.groupWidth + k] = cellOf(s, f, i))));
  return out;
}

/** A problem found reading a History sheet: 1-based row, column letter, what to do. */
export interface HistoryGridProblem {
  readonly row: number;
  readonly column: string;
  readonly message: Localized;
}

export type ParsedHistory = { readonly ok: true; readonly history: GradeHistory } | { readonly ok: false; readonly problems: readonly HistoryGridProblem[] };

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

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as a date: a serial number, a Date (taken at its UTC calendar day) or `YYYY-MM-DD` text. */
function dateOf(value: unknown): DayNumber | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return dayFromExcelSerial(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return dayFromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'string') return parseIsoDay(value);
  return null;
}

function textOf(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return formatIsoDay(dateOf(value) as DayNumber);
  return String(value).trim();
}

/**
 * Reads a History sheet's values (`Range.values` or the rows of a file)
 * back into a GradeHistory. A group whose date cell is blank is ignored:
 * the add-in's writer writes the date cell last, as the group's commit
 * marker, so a build cancelled half-way leaves no half snapshot. Rows whose
 * cells are all blank are skipped. Every problem names its row and column.
 */
export function parseHistoryGrid(values: readonly (readonly unknown[])[]): ParsedHistory {
  const L = HISTORY_LAYOUT;
  const problems: HistoryGridProblem[] = [];
  const problem = (row: number, column: number, key: HistoryMessageKey, extra: Record<string, string | number> = {}): void => {
    problems.push({ row: row + 1, column: letter(column), message: fillMessage(key, { row: row + 1, column: letter(column), ...extra }) });
  };
  if (values.length < L.firstDataRow) {
    return { ok: false, problems: [{ row: values.length, column: 'A', message: fillMessage('gridTooShort', { rows: values.length }) }] };
  }
  const dateRow = values[L.dateRow] ?? [];
  // A loop, not Math.max(...rows): a spread of a million rows overflows the stack.
  let width = 0;
  for (const r of values) if (r.length > width) width = r.length;
  const groups: { column: number; asOf: DayNumber }[] = [];
  const seenDates = new Map<number, number>();
  for (let column = L.firstGroupColumn; column < width; column += L.groupWidth) {
    const cell = dateRow[column];
    if (isBlank(cell)) continue; // not committed (see above)
    const asOf = dateOf(cell);
    if (asOf === null) {
      problem(L.dateRow, column, 'badDate', { value: String(cell) });
      continue;
    }
    if (seenDates.has(asOf)) {
      problem(L.dateRow, column, 'duplicateDate', { date: formatIsoDay(asOf) });
      continue;
    }
    const last = groups[groups.length - 1];
    if (last !== undefined && last.asOf > asOf) problem(L.dateRow, column, 'datesOutOfOrder', { date: formatIsoDay(asOf) });
    seenDates.set(asOf, column);
    groups.push({ column, asOf });
  }

  const ids: string[] = [];
  const firstRowOf = new Map<string, number>();
  const columns = groups.map(() => HISTORY_FIELDS.map(() => [] as (string | number | null)[]));
  for (let row = L.firstDataRow; row < values.length; row++) {
    const cells = values[row] ?? [];
    if (cells.every(isBlank)) continue;
    const id = textOf(cells[L.idColumn]);
    if (id === null) {
      problem(row, L.idColumn, 'blankId');
      continue;
    }
    const first = firstRowOf.get(id);
    if (first !== undefined) {
      problem(row, L.idColumn, 'duplicateId', { id, first: first + 1 });
      continue;
    }
    firstRowOf.set(id, row);
    ids.push(id);
    groups.forEach((g, gi) => {
      HISTORY_FIELDS.forEach((field, k) => {
        const column = g.column + k;
        const raw = cells[column];
        const target = (columns[gi] as (string | number | null)[][])[k] as (string | number | null)[];
        if (isBlank(raw)) {
          target.push(null);
          return;
        }
        if (field === 'tier' || field === 'segment' || field === 'lifecycle') {
          target.push(textOf(raw));
          return;
        }
        const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
        if (typeof raw === 'boolean' || !Number.isFinite(n)) {
          problem(row, column, 'badNumber', { value: String(raw) });
          target.push(null);
          return;
        }
        if (field !== 'spend' && !(Number.isInteger(n) && n >= 1 && n <= 5)) {
          problem(row, column, 'badScore', { value: n });
          target.push(null);
          return;
        }
        target.push(n);
      });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const snapshots: HistorySnapshot[] = groups.map((g, gi) => {
    const c = columns[gi] as (string | number | null)[][];
    const col = (field: HistoryField): (string | number | null)[] => c[HISTORY_FIELDS.indexOf(field)] as (string | number | null)[];
    return {
      asOf: g.asOf,
      tier: col('tier') as (string | null)[],
      segment: col('segment') as (string | null)[],
      lifecycle: col('lifecycle') as (string | null)[],
      r: col('r') as (number | null)[],
      f: col('f') as (number | null)[],
      m: col('m') as (number | null)[],
      spend: col('spend') as (number | null)[],
    };
  });
  return { ok: true, history: { ids, snapshots } };
}
