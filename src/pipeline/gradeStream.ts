/**
 * The grading job on rows that arrive in batches (issue 10 §2): an order log
 * of millions of lines is read and folded as it streams, keeping only
 * per-customer and per-order state, never the lines. Pure like gradeGrid
 * (the command line feeds it from src/io/streamCsv.ts), and it gives the same
 * output as gradeGrid on the whole grid, byte for byte in the report:
 *
 * - the header row, mapping and kind come from the first HEAD_ROWS rows
 *   (header detection only looks at the first 30), analysed by analyzeGrid;
 * - what analyzeGrid counts over the whole grid (the used width, data rows,
 *   day/month evidence) is counted here as rows arrive, and a column first
 *   seen in a wider row becomes a carried column, as in the whole grid;
 * - a problem that makes the input unusable is raised at the end, in
 *   readRecords' order (a file without data rows is reported as such even
 *   when its mapping is also incomplete).
 */
import { analyzeGrid, DATE_FIELDS, displayHeaders, ImportError, makeIssue, startReadingRows, throwIfUnusable, type ImportAnalysis, type RowReader } from '../domain/import';
import { dayMonthReading } from '../domain/import/values';
import { startAggregating, type TransactionAggregator } from '../domain/grading';
import type { CarriedValue, CustomerRecord, Issue, RawCell, TransactionLine } from '../domain/types';
import { gradeImported, type GradeGridOptions, type GradeGridOutput } from './gradeGrid';
import type { PurchaseHistory } from '../domain/prediction';

/**
 * dayMonthReading held once, called per date cell: the command line's
 * CommonJS transpile reads an imported binding through a getter (two,
 * through the import index) at every use.
 */
const readDayMonth = dayMonthReading;

/** Rows analysed before reading starts (more than header detection's 30, so small files are analysed whole). */
export const HEAD_ROWS = 1_000;

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** One past the last non-blank cell (0 for a blank row). */
function usedWidthOf(row: readonly RawCell[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c])) return c + 1;
  return 0;
}

export class StreamingGrader {
  private head: RawCell[][] | null = [];
  private headHasContent = false;
  private analysis: ImportAnalysis | null = null;
  /** An ImportError from the analysis (a --map naming a missing header): raised at the end, after the file's own problems. */
  private analysisError: ImportError | null = null;
  private reader: RowReader | null = null;
  private aggregator: TransactionAggregator | null = null;
  private nextIndex = 0;
  private headerCells: readonly RawCell[] = [];
  private headers: string[] = [];
  private unmapped: { index: number; header: string }[] = [];
  private dateColumns: number[] = [];
  private dataRowCount = 0;
  private ambiguous = 0;
  private dmyOnly = 0;
  private mdyOnly = 0;
  /** Lines read so far (data rows, blank ones too), for progress. */
  rowsSeen = 0;

  constructor(private readonly options: GradeGridOptions) {}

  /** Rows read below the header so far (all rows while the header is not known yet): the progress figure, as readRecords counts. */
  get rowsBelowHeader(): number {
    return this.analysis === null ? this.rowsSeen : Math.max(0, this.rowsSeen - this.analysis.headerRow - 1);
  }

  /** Takes the next rows of the grid, in order. */
  push(rows: readonly RawCell[][]): void {
    this.rowsSeen += rows.length;
    if (this.head !== null) {
      for (const row of rows) {
        this.head.push(row as RawCell[]);
        if (!this.headHasContent && usedWidthOf(row) > 0) this.headHasContent = true;
      }
      // Blank rows at the top are kept until content arrives: the analysis must see the first non-blank rows.
      if (this.head.length >= HEAD_ROWS && this.headHasContent) this.start();
      return;
    }
    for (const row of rows) this.take(row);
  }

  private start(): void {
    const head = this.head ?? [];
    this.head = null;
    try {
      this.analysis = analyzeGrid(head, this.options.import);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      this.analysisError = error;
    }
    const analysis = this.analysis;
    if (analysis !== null && analysis.headerRow >= 0) {
      this.headerCells = head[analysis.headerRow] ?? [];
      this.headers = [...analysis.headers];
      this.unmapped = [...analysis.unmapped];
      this.dateColumns = analysis.mapping.filter((m) => DATE_FIELDS.has(m.field)).map((m) => m.sourceIndex);
      const fatal = analysis.issues.some((i) => i.code === 'empty-file' || i.code === 'no-header' || i.code === 'missing-required-field');
      if (!fatal) {
        const aggregator = analysis.kind === 'transactions' ? startAggregating() : null;
        this.aggregator = aggregator;
        this.reader = startReadingRows(analysis, this.options.import, aggregator === null ? undefined : (line: TransactionLine) => aggregator.add(line));
      }
    }
    for (const row of head) this.take(row);
  }

  private take(row: readonly RawCell[]): void {
    const index = this.nextIndex++;
    const analysis = this.analysis;
    if (analysis === null || index <= analysis.headerRow) return;
    const width = usedWidthOf(row);
    if (width === 0) {
      this.reader?.row(row, index);
      return;
    }
    this.dataRowCount++;
    if (width > this.headers.length) {
      // A column first seen here: named as analyzeGrid names it over the whole grid (each name depends only on the cells before it).
      const names = displayHeaders(this.headerCells, width);
      for (let c = this.headers.length; c < width; c++) {
        const header = names[c] as string;
        this.headers.push(header);
        this.unmapped.push({ index: c, header });
        this.reader?.addCarriedColumn(c, header);
      }
    }
    for (const c of this.dateColumns) {
      const reading = readDayMonth(row[c] ?? null);
      if (reading === 'ambiguous') this.ambiguous++;
      else if (reading === 'dmy-only') this.dmyOnly++;
      else if (reading === 'mdy-only') this.mdyOnly++;
    }
    this.reader?.row(row, index);
  }

  /**
   * The end of the rows: grades, reports and plans, as gradeGrid would.
   * @param sourceIssues problems found reading the file (a guessed encoding, a broken quote), reported first
   * @throws ImportError when the input is unusable as a whole
   */
  finish(sourceIssues: readonly Issue[]): GradeGridOutput {
    if (this.head !== null) this.start();
    if (this.analysisError !== null) throw this.analysisError;
    const head = this.analysis as ImportAnalysis;
    const analysis = head.headerRow < 0 ? head : this.finalAnalysis(head);
    throwIfUnusable(analysis);
    const reader = this.reader as RowReader;
    const importResult = reader.finish(analysis);
    let records: readonly CustomerRecord[];
    let aggregationIssues: readonly Issue[] = [];
    let purchaseHistory: PurchaseHistory | null = null;
    if (importResult.kind === 'transactions') {
      const aggregated = (this.aggregator as TransactionAggregator).finish();
      records = aggregated.records;
      aggregationIssues = aggregated.issues;
      purchaseHistory = aggregated.purchaseHistory;
    } else {
      // A carried column first seen late: the earlier records hold it as empty, as in the whole grid.
      // A record read before any carried column shares one frozen empty object: it gets its own copy.
      for (const record of importResult.records) {
        let carried: Record<string, CarriedValue> | null = null;
        for (const header of importResult.carriedHeaders) {
          if (header in (carried ?? record.carried)) continue;
          carried ??= { ...record.carried };
          carried[header] = null;
        }
        if (carried !== null) (record as { carried: Record<string, CarriedValue> }).carried = carried;
      }
      records = importResult.records;
    }
    return gradeImported(importResult, records, aggregationIssues, purchaseHistory, { ...this.options, sourceIssues });
  }

  /** The analysis analyzeGrid would give on the whole grid. */
  private finalAnalysis(head: ImportAnalysis): ImportAnalysis {
    const issues = head.issues.filter((i) => i.code !== 'no-data-rows');
    if (this.dataRowCount === 0) {
      const at = issues.findIndex((i) => i.code === 'missing-required-field');
      issues.splice(at < 0 ? issues.length : at, 0, makeIssue('no-data-rows', 'error', null, null, null));
    }
    const { dmyOnly, mdyOnly } = this;
    return {
      ...head,
      headers: this.headers,
      unmapped: this.unmapped,
      dataRowCount: this.dataRowCount,
      ambiguousDateCount: this.ambiguous,
      dayMonthEvidence: { dmyOnly, mdyOnly },
      suggestedDayMonthOrder: dmyOnly > 0 && mdyOnly === 0 ? 'dmy' : mdyOnly > 0 && dmyOnly === 0 ? 'mdy' : null,
      issues,
    };
  }
}
