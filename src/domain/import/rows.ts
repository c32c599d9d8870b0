/**
 * From a raw grid to customer records or transaction lines: header row,
 * mapping, kind, then one pass over the rows. Problems become Issues; rows
 * that cannot be graded are skipped and counted by reason. Nothing is
 * silently dropped or "fixed" (GRADING.md §1-2, DESIGN.md §6).
 */
import type { DayNumber } from '../dates';
import type { CarriedValue, CustomerRecord, FieldKey, InputKind, Issue, IssueCode, RawCell, RawGrid, TransactionLine } from '../types';
import { ImportError } from './errors';
import { ALL_FIELDS, fieldLabel, missingRequiredFields } from './fields';
import { detectHeaderRow } from './headerRow';
import type { KindConfidence } from './kind';
import type { ColumnMapping } from './mapping';
import { mapColumns } from './mapping';
import { makeIssue } from './messages';
import type { MessageDetail } from './messages';
import { MAX_CELL_CHARS, cellText, columnLetters, isBlankCell, isBlankRow, isoFromDate } from './text';
import type { DayMonthOrder, Parsed } from './values';
import { dayMonthReading, isFormulaLike, parseAmount, parseCount, parseDay, parseId, parseNumber, parseText } from './values';
import { parseConsent, parseEmail, parsePhone, parseSatisfaction } from './profileValues';
import { IdIndex } from '../idIndex';

export interface ImportOptions {
  /** Forces the input kind (otherwise detected from the headers). */
  kind?: InputKind;
  /** field -> source header text; '' leaves the field unmapped. Overrides detection. */
  mapping?: Partial<Record<FieldKey, string>>;
  /** How to read `03/04/2024`; null/absent: such dates are reported as ambiguous. */
  dayMonthOrder?: DayMonthOrder | null;
  /** 0-based header row; overrides detection. */
  headerRow?: number;
  /**
   * Detailed issues kept per code (counts stay exact in `issueCountByCode`).
   * A 500k-line log with 100k lines lacking an ID would otherwise carry 100k
   * messages. Default 1,000; `Infinity` keeps all.
   */
  maxIssuesPerCode?: number;
  /**
   * 'archive': a customer archive joined to an order log (src/domain/join):
   * read as a customer list whose grading figures (last purchase, orders,
   * spend) are optional, since the orders supply them. Only the customer ID
   * is required, and a figure that cannot be read is a warning, not a
   * skipped customer. A plain customer list (no role) keeps every rule.
   */
  role?: 'archive';
}

export interface ImportAnalysis {
  /** 0-based header row, -1 when none was found. */
  readonly headerRow: number;
  /** True when `headerRow` came from detection rather than the options. */
  readonly headerRowDetected: boolean;
  /** Display headers, one per column; blank headers become the column letter, repeats get ` (2)`. */
  readonly headers: string[];
  readonly kind: InputKind;
  readonly kindDetected: InputKind | null;
  readonly kindConfidence: KindConfidence;
  readonly mapping: ColumnMapping[];
  readonly unmapped: { index: number; header: string }[];
  readonly missingRequired: FieldKey[];
  /** Non-blank rows below the header. */
  readonly dataRowCount: number;
  /** `a/b/yyyy` dates in mapped date columns that read both ways. */
  readonly ambiguousDateCount: number;
  /** `a/b/yyyy` dates that only read one way: evidence for the day/month choice the UI offers (never applied silently). */
  readonly dayMonthEvidence: { readonly dmyOnly: number; readonly mdyOnly: number };
  /** The order the evidence supports when it is one-sided, else null. */
  readonly suggestedDayMonthOrder: DayMonthOrder | null;
  readonly issues: Issue[];
}

export interface ImportReport {
  /** Data rows after the header (blank rows not counted). */
  rowsRead: number;
  rowsSkipped: number;
  /** Skipped rows per reason (the first error of the row). */
  skippedByCode: Partial<Record<IssueCode, number>>;
  /** Every issue found, counted per code (including those beyond the detail limit). */
  issueCountByCode: Partial<Record<IssueCode, number>>;
  /** Issues not listed in `issues` because of `maxIssuesPerCode`, per code. */
  issuesOmittedByCode: Partial<Record<IssueCode, number>>;
  issues: Issue[];
}

export type ImportResult =
  | { kind: 'customers'; analysis: ImportAnalysis; records: CustomerRecord[]; carriedHeaders: string[]; report: ImportReport }
  | { kind: 'transactions'; analysis: ImportAnalysis; lines: TransactionLine[]; carriedHeaders: string[]; report: ImportReport };

export const DATE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['firstPurchase', 'lastPurchase', 'orderDate', 'lastContact']);
const PROGRESS_EVERY_ROWS = 10_000;
/** MAX_CELL_CHARS read once (an imported binding is a getter call per use in the CommonJS build; values.ts). */
const CELL_CHARS_LIMIT = MAX_CELL_CHARS;
/** Shared by lines without profile columns (frozen: one object instead of 500k empty ones). */
const NO_VALUES: Record<string, CarriedValue> = Object.freeze({}) as Record<string, CarriedValue>;
const DEFAULT_MAX_ISSUES_PER_CODE = 1_000;

/** Display headers, one per column up to `width` (a blank header is its column letter, a repeat gets ` (2)`): each depends only on the cells before it. */
export function displayHeaders(row: readonly RawCell[], width: number): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < width; i++) {
    const typed = cellText(row[i]).trim();
    let header = typed === '' ? columnLetters(i) : typed;
    const times = (seen.get(header) ?? 0) + 1;
    seen.set(header, times);
    if (times > 1) header = `${header} (${times})`;
    out.push(header);
  }
  return out;
}

/** Columns in use from the header row down: up to the last non-blank cell of any row. */
function usedWidth(grid: RawGrid, fromRow: number): number {
  let width = 0;
  for (let r = fromRow; r < grid.length; r++) {
    const row = grid[r]!;
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlankCell(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

function isEmptyGrid(grid: RawGrid): boolean {
  for (const row of grid) if (!isBlankRow(row)) return false;
  return true;
}

function labelList(fields: readonly FieldKey[]): { en: string; zh: string } {
  return { en: fields.map((f) => fieldLabel(f).en).join(', '), zh: fields.map((f) => fieldLabel(f).zh).join('、') };
}

/**
 * Looks at a grid without reading its records: header row, headers,
 * mapping, kind, required fields, row count and date-order evidence. Never
 * throws for data problems (they are issues); throws ImportError
 * 'mapping-header-not-found' when `options.mapping` names a missing header.
 */
export function analyzeGrid(grid: RawGrid, options: ImportOptions = {}): ImportAnalysis {
  const base = {
    headerRowDetected: options.headerRow === undefined,
    headers: [] as string[],
    kind: options.kind ?? 'customers',
    kindDetected: null,
    kindConfidence: 'none' as KindConfidence,
    mapping: [] as ColumnMapping[],
    unmapped: [] as { index: number; header: string }[],
    missingRequired: [] as FieldKey[],
    dataRowCount: 0,
    ambiguousDateCount: 0,
    dayMonthEvidence: { dmyOnly: 0, mdyOnly: 0 },
    suggestedDayMonthOrder: null,
  };
  if (isEmptyGrid(grid)) {
    return { ...base, headerRow: -1, issues: [makeIssue('empty-file', 'error', null, null, null)] };
  }
  const headerRow = options.headerRow ?? detectHeaderRow(grid);
  if (headerRow < 0 || headerRow >= grid.length || isBlankRow(grid[headerRow])) {
    return { ...base, headerRow: -1, issues: [makeIssue('no-header', 'error', null, null, null)] };
  }
  const width = usedWidth(grid, headerRow);
  const headers = displayHeaders(grid[headerRow]!, width);
  const mapped = mapColumns(headers, options.role === 'archive' ? 'customers' : options.kind, options.mapping, headerRow + 1);
  const issues = [...mapped.issues];
  const headerCells = grid[headerRow]!;
  for (let c = 0; c < width; c++) {
    const typed = headerCells[c];
    if (typeof typed === 'string' && isFormulaLike(typed.trim())) issues.push(makeIssue('formula-like-text', 'warning', headerRow + 1, headers[c] ?? null, typed));
  }

  let dataRowCount = 0;
  for (let r = headerRow + 1; r < grid.length; r++) if (!isBlankRow(grid[r])) dataRowCount++;
  if (dataRowCount === 0) issues.push(makeIssue('no-data-rows', 'error', null, null, null));

  const mappedFields = new Set(mapped.mapping.map((m) => m.field));
  const missingRequired =
    options.role === 'archive' ? (mappedFields.has('customerId') ? [] : (['customerId'] as FieldKey[])) : missingRequiredFields(mapped.kind, mappedFields);
  if (missingRequired.length > 0) {
    issues.push(makeIssue('missing-required-field', 'error', null, null, null, { text: labelList(missingRequired) }));
  }

  let ambiguous = 0;
  let dmyOnly = 0;
  let mdyOnly = 0;
  const dateColumns = mapped.mapping.filter((m) => DATE_FIELDS.has(m.field)).map((m) => m.sourceIndex);
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r]!;
    for (const c of dateColumns) {
      const reading = dayMonthReading(row[c] ?? null);
      if (reading === 'ambiguous') ambiguous++;
      else if (reading === 'dmy-only') dmyOnly++;
      else if (reading === 'mdy-only') mdyOnly++;
    }
  }
  const suggested: DayMonthOrder | null = dmyOnly > 0 && mdyOnly === 0 ? 'dmy' : mdyOnly > 0 && dmyOnly === 0 ? 'mdy' : null;

  return {
    ...base,
    headerRow,
    headers,
    kind: mapped.kind,
    kindDetected: mapped.kindDetected,
    kindConfidence: mapped.kindConfidence,
    mapping: mapped.mapping,
    unmapped: mapped.unmapped,
    missingRequired,
    dataRowCount,
    ambiguousDateCount: ambiguous,
    dayMonthEvidence: { dmyOnly, mdyOnly },
    suggestedDayMonthOrder: suggested,
    issues,
  };
}

/** Exact decimal rounding to cents (1.005 -> 1.01), via the decimal exponent form. */
export function roundToCents(value: number): number {
  // Whole numbers below 2^46 (x 100 still exact) are their own rounding; -0 becomes 0, as the text path gives.
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 46) return value === 0 ? 0 : value;
  const text = String(value);
  if (text.includes('e')) return Math.round(value * 100) / 100;
  return Number(`${Math.round(Number(`${text}e2`))}e-2`);
}

/** Collects issues with a per-code detail limit and exact counts. */
class IssueSink {
  readonly issues: Issue[] = [];
  readonly countByCode: Partial<Record<IssueCode, number>> = {};
  readonly omittedByCode: Partial<Record<IssueCode, number>> = {};
  constructor(private readonly maxPerCode: number) {}

  add(code: IssueCode, severity: 'error' | 'warning', row: number, column: string | null, value: string | null, detail?: MessageDetail): void {
    const count = (this.countByCode[code] ?? 0) + 1;
    this.countByCode[code] = count;
    if (count > this.maxPerCode) {
      this.omittedByCode[code] = (this.omittedByCode[code] ?? 0) + 1;
      return;
    }
    this.issues.push(makeIssue(code, severity, row, column, value, detail));
  }

  addIssue(issue: Issue): void {
    this.countByCode[issue.code] = (this.countByCode[issue.code] ?? 0) + 1;
    this.issues.push(issue);
  }
}

interface RowError {
  readonly code: IssueCode;
  readonly column: string | null;
  readonly value: string | null;
}

type ProfileParser = (cell: RawCell) => Parsed<CarriedValue>;

/** Free-text cell, kept as typed: strings as they are, numbers and booleans as they are, dates as ISO text. */
function textValue(cell: RawCell): Parsed<CarriedValue> {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'string') return cell === '' ? { ok: true, value: null } : parseText(cell);
  if (cell instanceof Date) return { ok: true, value: isoFromDate(cell) };
  return { ok: true, value: cell };
}

/** Optional dates (last contact): unreadable ones are kept as typed with a warning. */
function optionalDay(order: DayMonthOrder | null): ProfileParser {
  return (cell) => {
    const parsed = parseDay(cell, order);
    if (parsed.ok) return parsed;
    return { ok: true, value: cellText(cell), warning: parsed.code };
  };
}

function profileParser(field: FieldKey, order: DayMonthOrder | null): ProfileParser {
  switch (field) {
    case 'phone':
      return parsePhone;
    case 'email':
      return parseEmail;
    case 'satisfaction':
      return parseSatisfaction;
    case 'consent':
      return parseConsent;
    case 'lastContact':
      return optionalDay(order);
    case 'customerId':
    case 'orderId':
    case 'idNumber': // 18-digit IDs stay text, and a number above 2^53 is reported
      return parseId;
    default:
      return textValue;
  }
}

const VALUE_DETAIL: Partial<Record<FieldKey, MessageDetail>> = {
  satisfaction: { text: { en: '1-5', zh: '1-5' } },
  consent: { text: { en: 'yes / no', zh: '是 / 否' } },
};

interface ColumnReader {
  readonly index: number;
  readonly header: string;
  readonly field: FieldKey | null;
  readonly parse: ProfileParser;
}

/**
 * Reads the records of a grid.
 * @throws ImportError when the input is unusable as a whole: 'empty-file',
 *   'no-header', 'no-data-rows', 'missing-required-field' (or
 *   'mapping-header-not-found' for a wrong user mapping).
 */
export function readRecords(grid: RawGrid, options: ImportOptions = {}, onProgress?: (done: number, total: number) => void): ImportResult {
  const analysis = analyzeGrid(grid, options);
  throwIfUnusable(analysis);
  const reader = startReadingRows(analysis, options);
  const total = Math.max(0, grid.length - analysis.headerRow - 1);
  for (let r = analysis.headerRow + 1; r < grid.length; r++) {
    const done = r - analysis.headerRow;
    if (onProgress && done % PROGRESS_EVERY_ROWS === 0) onProgress(done, total);
    reader.row(grid[r]!, r);
  }
  if (onProgress) onProgress(total, total);
  return reader.finish(analysis);
}

/** The fatal problems of an analysis, in the order readRecords reports them. */
export function throwIfUnusable(analysis: ImportAnalysis): void {
  for (const code of ['empty-file', 'no-header', 'no-data-rows', 'missing-required-field'] as const) {
    const issue = analysis.issues.find((i) => i.code === code);
    if (issue) throw new ImportError(code, issue.message, analysis.issues.filter((i) => i.severity === 'error'));
  }
}

/**
 * Reads data rows one at a time (readRecords over a grid; the command line's
 * streaming reader over a file of millions of lines, issue 10). `row` takes
 * the row's 0-based index in the grid; `addCarriedColumn` adds a column first
 * seen in a row wider than the rows before it; `finish` takes the analysis as
 * it stands at the end (the row count and date evidence known only then).
 */
export interface RowReader {
  row(row: readonly RawCell[], gridIndex: number): void;
  addCarriedColumn(index: number, header: string): void;
  finish(analysis: ImportAnalysis): ImportResult;
}

/**
 * Starts reading the rows below the header of an analysed grid (it must be
 * usable: see throwIfUnusable). With `onLine`, each order line is handed on
 * as it is read and not kept (the result's `lines` stays empty): a log of
 * millions of lines is folded as it arrives. Such lines carry no `carried`
 * values (the aggregation drops them; their warnings are still reported).
 */
export function startReadingRows(analysis: ImportAnalysis, options: ImportOptions = {}, onLine?: (line: TransactionLine) => void): RowReader {
  const order = options.dayMonthOrder ?? null;
  const sink = new IssueSink(options.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE);
  for (const issue of analysis.issues) sink.addIssue(issue);

  const column = new Map<FieldKey, ColumnMapping>(analysis.mapping.map((m) => [m.field, m]));
  const gradingFields: ReadonlySet<FieldKey> =
    analysis.kind === 'customers'
      ? new Set<FieldKey>(['customerId', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend', 'tierOverride'])
      : new Set<FieldKey>(['customerId', 'orderId', 'orderDate', 'quantity', 'unitPrice', 'amount']);
  const profileReaders: ColumnReader[] = analysis.mapping
    .filter((m) => !gradingFields.has(m.field))
    .map((m) => ({ index: m.sourceIndex, header: m.header, field: m.field, parse: profileParser(m.field, order) }));
  const carriedReaders: ColumnReader[] = analysis.unmapped.map((u) => ({ index: u.index, header: u.header, field: null, parse: textValue }));
  const carriedHeaders = analysis.unmapped.map((u) => u.header);

  /** Reads profile and carried columns of a kept row, reporting warnings (`into` null: the warnings only). */
  const readExtras = (row: readonly RawCell[], sourceRow: number, readers: readonly ColumnReader[], into: Record<string, CarriedValue> | null, keyOf: (r: ColumnReader) => string) => {
    for (const reader of readers) {
      const cell = row[reader.index] ?? null;
      // Free text as typed (names, owners, regions: most of an archive's cells) is its own value: what
      // textValue would give, without a result object per cell.
      if (reader.parse === textValue && typeof cell === 'string' && cell !== '' && cell.length <= CELL_CHARS_LIMIT && !isFormulaLike(cell)) {
        if (into !== null) into[keyOf(reader)] = cell;
        continue;
      }
      const parsed = reader.parse(cell);
      if (!parsed.ok) {
        sink.add(parsed.code, 'warning', sourceRow, reader.header, cellText(cell));
        if (into !== null) into[keyOf(reader)] = cellText(cell);
        continue;
      }
      if (parsed.value === null) {
        if (into !== null) into[keyOf(reader)] = null;
        continue;
      }
      if (parsed.warning) {
        const detail: MessageDetail =
          parsed.warning === 'text-too-long' ? { count: typeof cell === 'string' ? cell.length : 0 } : (reader.field && VALUE_DETAIL[reader.field]) || {};
        sink.add(parsed.warning, 'warning', sourceRow, reader.header, cellText(cell), detail);
        if (parsed.warning === 'text-too-long' && typeof parsed.value === 'string' && isFormulaLike(parsed.value)) {
          sink.add('formula-like-text', 'warning', sourceRow, reader.header, parsed.value);
        }
      }
      if (into !== null) into[keyOf(reader)] = parsed.value;
    }
  };
  const fieldKey = (reader: ColumnReader): string => reader.field!;
  const headerKey = (reader: ColumnReader): string => reader.header;

  const skippedByCode: Partial<Record<IssueCode, number>> = {};
  let rowsRead = 0;
  let rowsSkipped = 0;
  const skip = (sourceRow: number, errors: readonly RowError[], details?: MessageDetail) => {
    rowsSkipped++;
    const first = errors[0]!;
    skippedByCode[first.code] = (skippedByCode[first.code] ?? 0) + 1;
    for (const e of errors) sink.add(e.code, 'error', sourceRow, e.column, e.value, details);
  };
  // Column index per field (-1 = unmapped): a plain object read in the row loop, not a Map lookup.
  const columnIndex = Object.fromEntries(ALL_FIELDS.map((f) => [f, column.get(f)?.sourceIndex ?? -1])) as Record<FieldKey, number>;
  const cellOf = (row: readonly RawCell[], field: FieldKey): RawCell => {
    const index = columnIndex[field];
    return index < 0 ? null : (row[index] ?? null);
  };
  const headerOf = (field: FieldKey): string | null => column.get(field)?.header ?? null;
  /** ID warnings: digits lost in the file, or an ID that a spreadsheet would read as a formula (kept as typed). */
  const warnId = (parsed: Parsed<string>, sourceRow: number, field: FieldKey, cell: RawCell) => {
    if (!parsed.ok || parsed.value === null) return;
    if (parsed.warning) sink.add(parsed.warning, 'warning', sourceRow, headerOf(field), cellText(cell));
    if (typeof cell === 'string' && isFormulaLike(parsed.value)) sink.add('formula-like-text', 'warning', sourceRow, headerOf(field), parsed.value);
  };

  const records: CustomerRecord[] = [];
  const lines: TransactionLine[] = [];
  const emitLine = onLine ?? ((line: TransactionLine) => void lines.push(line));
  // An IdIndex, not a Map: one lookup per row of an archive of 100k customers (idIndex.ts).
  const firstRowOfId = new IdIndex();

  const readRow = (row: readonly RawCell[], r: number): void => {
    if (isBlankRow(row)) return;
    rowsRead++;
    const sourceRow = r + 1;
    const errors: RowError[] = [];

    const idCell = cellOf(row, 'customerId');
    const idParsed = parseId(idCell);
    const id = idParsed.ok ? idParsed.value : null;
    if (id === null) errors.push({ code: 'missing-customer-id', column: headerOf('customerId'), value: cellText(idCell) || null });

    if (analysis.kind === 'customers') {
      const countCell = cellOf(row, 'orderCount');
      const count = parseCount(countCell);
      if (!count.ok) errors.push({ code: count.code, column: headerOf('orderCount'), value: cellText(countCell) });
      const orders = count.ok ? (count.value ?? 0) : 0;

      const spendCell = cellOf(row, 'totalSpend');
      const spend = parseAmount(spendCell);
      if (!spend.ok) errors.push({ code: spend.code, column: headerOf('totalSpend'), value: cellText(spendCell) });
      else if (spend.value === null && orders > 0) errors.push({ code: 'invalid-amount', column: headerOf('totalSpend'), value: null });

      const lastCell = cellOf(row, 'lastPurchase');
      const last = parseDay(lastCell, order);
      const lastPurchase: DayNumber | null = last.ok ? last.value : null;
      const lastWarnings: RowError[] = [];
      if (!last.ok) {
        if (orders > 0) errors.push({ code: last.code, column: headerOf('lastPurchase'), value: cellText(lastCell) });
        else lastWarnings.push({ code: last.code, column: headerOf('lastPurchase'), value: cellText(lastCell) });
      } else if (lastPurchase === null && orders > 0) {
        errors.push({ code: 'orders-without-last-purchase', column: headerOf('lastPurchase'), value: cellText(countCell) });
      }

      if (options.role === 'archive' && errors.length > 0) {
        // An archive's own figures are superseded by the order log: one that cannot be read is reported, the customer kept.
        // Cross-field checks (orders without a spend or date column) do not apply: only a cell that cannot be read is reported.
        lastWarnings.push(...errors.filter((e) => e.code !== 'missing-customer-id' && e.code !== 'orders-without-last-purchase' && e.value !== null));
        errors.splice(0, errors.length, ...errors.filter((e) => e.code === 'missing-customer-id'));
      }
      if (errors.length > 0) {
        skip(sourceRow, errors);
        return;
      }
      const customerId = id!;
      const firstRow = firstRowOfId.get(customerId);
      if (firstRow !== undefined) {
        skip(sourceRow, [{ code: 'duplicate-customer-id', column: headerOf('customerId'), value: customerId }], { otherRow: firstRow });
        return;
      }
      firstRowOfId.set(customerId, sourceRow);
      warnId(idParsed, sourceRow, 'customerId', idCell);
      for (const w of lastWarnings) sink.add(w.code, 'warning', sourceRow, w.column, w.value);

      const firstCell = cellOf(row, 'firstPurchase');
      const first = parseDay(firstCell, order);
      if (!first.ok) sink.add(first.code, 'warning', sourceRow, headerOf('firstPurchase'), cellText(firstCell));

      let monetary = spend.ok ? (spend.value ?? 0) : 0;
      if (monetary < 0) {
        sink.add('negative-spend', 'warning', sourceRow, headerOf('totalSpend'), cellText(spendCell));
        monetary = 0;
      }

      const tierCell = cellOf(row, 'tierOverride');
      let tierOverride: string | null = null;
      if (!isBlankCell(tierCell)) {
        const tierText = typeof tierCell === 'string' ? tierCell.trim() : cellText(tierCell);
        const tierParsed = parseText(tierText);
        if (tierParsed.ok && tierParsed.warning) sink.add(tierParsed.warning, 'warning', sourceRow, headerOf('tierOverride'), tierText);
        tierOverride = tierParsed.ok ? tierParsed.value : tierText;
      }

      const profile: Record<string, CarriedValue> = {};
      readExtras(row, sourceRow, profileReaders, profile, fieldKey);
      // No unmapped columns (the usual archive): one shared empty object, not one per customer.
      let carried: Record<string, CarriedValue> = NO_VALUES;
      if (carriedReaders.length > 0) {
        carried = {};
        readExtras(row, sourceRow, carriedReaders, carried, headerKey);
      }

      records.push({
        id: customerId,
        sourceRow,
        firstPurchase: first.ok ? first.value : null,
        lastPurchase,
        frequency: orders,
        monetary: roundToCents(monetary),
        tierOverride,
        profile: profile as Partial<Record<FieldKey, CarriedValue>>,
        carried,
      });
    } else {
      const dateCell = cellOf(row, 'orderDate');
      const date = parseDay(dateCell, order);
      const day: DayNumber | null = date.ok ? date.value : null;
      if (!date.ok) errors.push({ code: date.code, column: headerOf('orderDate'), value: cellText(dateCell) });
      else if (day === null) errors.push({ code: 'invalid-date', column: headerOf('orderDate'), value: null });

      let amount: number | null = null;
      if (column.has('amount')) {
        const amountCell = cellOf(row, 'amount');
        const parsed = parseAmount(amountCell);
        if (!parsed.ok) errors.push({ code: parsed.code, column: headerOf('amount'), value: cellText(amountCell) });
        else if (parsed.value === null) errors.push({ code: 'invalid-amount', column: headerOf('amount'), value: null });
        else amount = parsed.value;
      } else {
        const qtyCell = cellOf(row, 'quantity');
        const priceCell = cellOf(row, 'unitPrice');
        const qty = parseNumber(qtyCell);
        const price = parseNumber(priceCell);
        if (!qty.ok || qty.value === null) errors.push({ code: 'invalid-amount', column: headerOf('quantity'), value: cellText(qtyCell) || null });
        if (!price.ok || price.value === null) errors.push({ code: 'invalid-amount', column: headerOf('unitPrice'), value: cellText(priceCell) || null });
        if (qty.ok && price.ok && qty.value !== null && price.value !== null) amount = qty.value * price.value;
      }
      if (errors.length > 0 || id === null || day === null || amount === null) {
        skip(sourceRow, errors);
        return;
      }
      warnId(idParsed, sourceRow, 'customerId', idCell);
      let orderId: string | null = null;
      if (column.has('orderId')) {
        const orderCell = cellOf(row, 'orderId');
        const parsedOrder = parseId(orderCell);
        warnId(parsedOrder, sourceRow, 'orderId', orderCell);
        orderId = parsedOrder.ok ? parsedOrder.value : cellText(orderCell);
      }
      let profile: Record<string, CarriedValue> = NO_VALUES;
      if (profileReaders.length > 0) {
        profile = {};
        readExtras(row, sourceRow, profileReaders, profile, fieldKey);
      }
      if (carriedReaders.length > 0 && onLine !== undefined) {
        // A folded line's carried columns are dropped by the aggregation: only their warnings are kept.
        readExtras(row, sourceRow, carriedReaders, null, headerKey);
        emitLine({ customerId: id, sourceRow, day, amount, orderId, profile });
      } else if (carriedReaders.length > 0) {
        const carried: Record<string, CarriedValue> = {};
        readExtras(row, sourceRow, carriedReaders, carried, headerKey);
        emitLine({ customerId: id, sourceRow, day, amount, orderId, profile, carried });
      } else {
        emitLine({ customerId: id, sourceRow, day, amount, orderId, profile });
      }
    }
  };

  const addCarriedColumn = (index: number, header: string): void => {
    carriedReaders.push({ index, header, field: null, parse: textValue });
    carriedHeaders.push(header);
  };

  const finish = (finalAnalysis: ImportAnalysis): ImportResult => {
    const report: ImportReport = {
      rowsRead,
      rowsSkipped,
      skippedByCode,
      issueCountByCode: sink.countByCode,
      issuesOmittedByCode: sink.omittedByCode,
      issues: sink.issues,
    };
    return finalAnalysis.kind === 'customers'
      ? { kind: 'customers', analysis: finalAnalysis, records, carriedHeaders, report }
      : { kind: 'transactions', analysis: finalAnalysis, lines, carriedHeaders, report };
  };
  return { row: readRow, addCarriedColumn, finish };
}
