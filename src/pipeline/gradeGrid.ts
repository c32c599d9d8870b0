/**
 * The whole grading job on a grid of cells, as every surface runs it (the
 * command line, the task pane's worker, the preview): import -> aggregate
 * (order logs) -> grade -> report -> workbook plan. Pure: no host library,
 * so it runs in Node and in a Web Worker alike.
 */
import { readRecords, type ImportOptions, type ImportResult } from '../domain/import';
import { aggregateTransactions, gradeCustomers } from '../domain/grading';
import { buildReport, type GradingReport } from '../domain/report';
import { runQualityChecks } from '../domain/quality';
import type { GradingSettings } from '../domain/settings';
import type { CustomerRecord, FieldKey, GradingResult, Issue, RawGrid } from '../domain/types';
import type { DayNumber } from '../domain/dates';
import type { HistoryInput } from '../domain/history/types';
import type { Locale } from '../i18n/locale';
import { buildWorkbookPlan, type PlanInput } from '../plan/buildPlan';
import type { WorkbookPlan } from '../plan/types';
// Prediction (issue 9).
import type { PredictionRun, PredictionSettings, PurchaseHistory } from '../domain/prediction';
import { predictGraded } from './predictGraded';

export type PipelineStage = 'import' | 'aggregate' | 'grade' | 'plan';

export interface PipelineProgress {
  readonly stage: PipelineStage;
  readonly done: number;
  readonly total: number;
}

export interface GradeGridOptions {
  readonly import?: ImportOptions;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  /** Today's date where the job runs (the as-of date may be `today`, and dates in the future are flagged). */
  readonly today: DayNumber;
  readonly onProgress?: (progress: PipelineProgress) => void;
  /** Problems found before the grid existed (a guessed encoding, a broken CSV quote): reported first. */
  readonly sourceIssues?: readonly Issue[];
  /** Prediction settings (GRADING.md §10); absent or disabled: no prediction. */
  readonly prediction?: PredictionSettings;
  /** Issue 8 §2: the history before this build (the plan's Previous tier, Change and History sheet). */
  readonly history?: HistoryInput;
}

export interface GradeGridOutput {
  readonly importResult: ImportResult;
  readonly records: readonly CustomerRecord[];
  readonly grading: GradingResult;
  /** Every issue: reading the file, import, aggregation and grading, in that order. */
  readonly issues: readonly Issue[];
  readonly report: GradingReport;
  readonly plan: WorkbookPlan;
  /** The settings the job graded with. */
  readonly settings: GradingSettings;
  /** What the plan was built from (the per-rep copies start from it). */
  readonly planInput: PlanInput;
  /** The prediction, null when it is off. */
  readonly prediction: PredictionRun | null;
}

/** Fields that exist only on order lines: they are folded into the aggregates, not carried as columns. */
const LOG_ONLY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['orderId', 'orderDate', 'quantity', 'unitPrice', 'amount']);

/**
 * Runs the job. Throws `ImportError` (from the import) when the input is
 * unusable as a whole; every row-level problem is an `Issue` in the output.
 */
export function gradeGrid(grid: RawGrid, options: GradeGridOptions): GradeGridOutput {
  const progress = options.onProgress;
  const importResult = readRecords(grid, options.import, (done, total) => progress?.({ stage: 'import', done, total }));

  let records: readonly CustomerRecord[];
  let aggregationIssues: readonly Issue[] = [];
  let purchaseHistory: PurchaseHistory | null = null;
  if (importResult.kind === 'transactions') {
    const aggregated = aggregateTransactions(importResult.lines, {
      onProgress: (done, total) => progress?.({ stage: 'aggregate', done, total }),
    });
    records = aggregated.records;
    aggregationIssues = aggregated.issues;
    purchaseHistory = aggregated.purchaseHistory;
  } else {
    records = importResult.records;
  }
  return gradeImported(importResult, records, aggregationIssues, purchaseHistory, options);
}

/**
 * The job after the rows are read (and an order log folded): grade, report,
 * plan. Shared by gradeGrid and the streaming reader of the command line
 * (gradeStream.ts), so both give the same report byte for byte.
 */
export function gradeImported(
  importResult: ImportResult,
  records: readonly CustomerRecord[],
  aggregationIssues: readonly Issue[],
  /** An order log's purchase days (the prediction's input), indexed like `records`; null for a customer list. */
  purchaseHistory: PurchaseHistory | null,
  options: GradeGridOptions,
): GradeGridOutput {
  const progress = options.onProgress;
  const grading = gradeCustomers(records, options.settings, {
    today: options.today,
    onProgress: (done, total) => progress?.({ stage: 'grade', done, total }),
  });
  const issues = [...(options.sourceIssues ?? []), ...importResult.report.issues, ...aggregationIssues, ...grading.issues];
  // Issue 8 §1: the data-quality checks over the graded customers, with every issue above in the same list.
  const quality = runQualityChecks({
    records: grading.customers.map((c) => c.record),
    profileFields: importResult.analysis.mapping.map((m) => m.field),
    inputKind: importResult.kind,
    asOf: grading.asOf,
    today: options.today,
    importIssues: issues,
  });
  const prediction = options.prediction?.enabled === true ? predictGraded(records, purchaseHistory, grading, options.prediction, options.settings) : null;
  const report = buildReport(
    grading,
    {
      rowsRead: importResult.report.rowsRead,
      rowsSkipped: importResult.report.rowsSkipped,
      issues,
    },
    options.settings,
    prediction,
    quality,
  );

  progress?.({ stage: 'plan', done: 0, total: 1 });
  const profileFields = importResult.analysis.mapping
    .slice()
    .sort((a, b) => a.sourceIndex - b.sourceIndex)
    .map((m) => m.field)
    .filter((field) => !LOG_ONLY_FIELDS.has(field));
  const planInput: PlanInput = {
    result: grading,
    settings: options.settings,
    locale: options.locale,
    profileFields,
    carriedHeaders: importResult.carriedHeaders,
    prediction,
    quality,
  };
  const plan = buildWorkbookPlan(planInput);
  progress?.({ stage: 'plan', done: 1, total: 1 });

  return { importResult, records, grading, issues, report, plan, settings: options.settings, planInput, prediction };
}
