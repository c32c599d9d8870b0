/**
 * The grading job on two sources: an order log (or a customer list of
 * figures) and a customer archive (客户档案), joined on the customer ID
 * (src/domain/join). The grading table is the archive, graded by the
 * orders: the archive's columns in the archive's order, then the computed
 * columns. Pure, like gradeGrid; the single-source path is untouched.
 */
import { readRecords, type ImportOptions, type ImportResult } from '../domain/import';
import { aggregateTransactions, gradeCustomers } from '../domain/grading';
import { buildReport, type GradingReport } from '../domain/report';
import { runQualityChecks } from '../domain/quality';
import { ARCHIVE_FIGURE_FIELDS, joinCustomers, normalizeLineIds, type ArchiveFigureField, type JoinReport } from '../domain/join';
import type { CustomerRecord, FieldKey, Issue, RawGrid } from '../domain/types';
import type { Localized } from '../i18n/locale';
import { buildWorkbookPlan, type PlanInput } from '../plan/buildPlan';
import { resolveHistory, type GradeGridOptions, type GradeGridOutput } from './gradeGrid';
import { applyCarriedOverrides, historyReport } from '../domain/history';
import { reorderPurchaseHistory, type PredictionRun, type PurchaseHistory } from '../domain/prediction';
import { predictGraded } from './predictGraded';
import type { IdLookup } from '../domain/idIndex';
import { detachedText } from '../domain/detachedText';

export type { JoinReport } from '../domain/join';

export interface GradeJoinedOptions extends GradeGridOptions {
  /** How to read the archive (header row, mapping, day/month order); it is always read as an archive. */
  readonly archiveImport?: Omit<ImportOptions, 'kind' | 'role'>;
  /** Problems found reading the archive's file (a guessed encoding): reported with the archive's issues. */
  readonly archiveSourceIssues?: readonly Issue[];
}

export interface GradeJoinedOutput extends GradeGridOutput {
  /** The order log's import (also `importResult`, so single-source readers keep working). */
  readonly ordersImport: ImportResult;
  readonly archiveImport: ImportResult;
  readonly join: JoinReport;
  readonly report: GradingReport & { readonly join: JoinReport };
}

/** Fields that exist only on order lines (as in gradeGrid). */
const LOG_ONLY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['orderId', 'orderDate', 'quantity', 'unitPrice', 'amount']);

const ARCHIVE_PREFIX: Localized = { en: 'Customer archive: ', zh: '客户档案：' };
const ORDERS_PREFIX: Localized = { en: 'Order log: ', zh: '订单记录：' };

/** The issue with its source named first, since row numbers of two files now meet in one list. */
function fromSource(issue: Issue, prefix: Localized): Issue {
  // Flat texts of their own, as makeIssue's (src/domain/detachedText.ts), not a prefix joined to a message.
  return { ...issue, message: { en: detachedText(prefix.en + issue.message.en), zh: detachedText(prefix.zh + issue.message.zh) } };
}

function sortedFields(result: ImportResult): FieldKey[] {
  return result.analysis.mapping
    .slice()
    .sort((a, b) => a.sourceIndex - b.sourceIndex)
    .map((m) => m.field)
    .filter((field) => !LOG_ONLY_FIELDS.has(field));
}

/**
 * Runs the job on two grids. Throws `ImportError` when either is unusable as
 * a whole (the archive only needs a customer-ID column). Linear in the rows
 * of both: the join is one hash map.
 */
export function gradeJoined(ordersGrid: RawGrid, archiveGrid: RawGrid, options: GradeJoinedOptions): GradeJoinedOutput {
  const progress = options.onProgress;
  const archiveImport = readRecords(archiveGrid, { ...options.archiveImport, kind: 'customers', role: 'archive' });
  if (archiveImport.kind !== 'customers') throw new Error('internal: an archive is read as a customer list');
  const ordersImport = readRecords(ordersGrid, options.import, (done, total) => progress?.({ stage: 'import', done, total }));

  let orderRecords: readonly CustomerRecord[];
  let aggregationIssues: readonly Issue[] = [];
  let orderHistory: PurchaseHistory | null = null;
  /** The aggregation's ID index (its lines are normalised, so its keys are the join's): reused by the join. */
  let ordersIndexById: IdLookup | undefined;
  if (ordersImport.kind === 'transactions') {
    const aggregated = aggregateTransactions(normalizeLineIds(ordersImport.lines), {
      onProgress: (done, total) => progress?.({ stage: 'aggregate', done, total }),
    });
    orderRecords = aggregated.records;
    aggregationIssues = aggregated.issues;
    orderHistory = aggregated.purchaseHistory;
    ordersIndexById = aggregated.indexById;
  } else {
    orderRecords = ordersImport.records;
  }

  const archiveFigureColumns: Partial<Record<ArchiveFigureField, string>> = {};
  for (const mapping of archiveImport.analysis.mapping) {
    if ((ARCHIVE_FIGURE_FIELDS as readonly FieldKey[]).includes(mapping.field)) archiveFigureColumns[mapping.field as ArchiveFigureField] = mapping.header;
  }
  const header = (result: ImportResult): string | null => result.analysis.mapping.find((m) => m.field === 'customerId')?.header ?? null;
  const joined = joinCustomers({
    archive: archiveImport.records,
    orders: orderRecords,
    archiveIdColumn: header(archiveImport),
    ordersIdColumn: header(ordersImport),
    archiveFigureColumns,
    ...(ordersIndexById === undefined ? {} : { ordersIndexById }),
  });

  const records = options.carried === undefined ? joined.records : applyCarriedOverrides(joined.records, options.carried.overrides);
  const grading = gradeCustomers(records, options.settings, {
    today: options.today,
    onProgress: (done, total) => progress?.({ stage: 'grade', done, total }),
  });
  const archiveIssues = [...(options.archiveSourceIssues ?? []), ...archiveImport.report.issues, ...joined.archiveIssues].map((i) => fromSource(i, ARCHIVE_PREFIX));
  const orderIssues = [...(options.sourceIssues ?? []), ...ordersImport.report.issues, ...aggregationIssues, ...joined.orderIssues].map((i) => fromSource(i, ORDERS_PREFIX));
  const issues = [...archiveIssues, ...orderIssues, ...grading.issues];

  // Prediction (issue 9) over the joined customers: the order log's purchase days, in the joined order.
  let prediction: PredictionRun | null = null;
  if (options.prediction?.enabled === true) {
    let history: PurchaseHistory | null = null;
    if (orderHistory !== null && ordersIndexById !== undefined) {
      // The aggregation's index: its keys are the normalised line IDs, as the joined records' IDs are.
      const orderIndex = ordersIndexById;
      const from = Int32Array.from(joined.records, (record) => orderIndex.get(record.id) ?? -1);
      history = reorderPurchaseHistory(orderHistory, from);
    }
    prediction = predictGraded(joined.records, history, grading, options.prediction, options.settings);
  }
  const join: JoinReport = {
    ...joined.summary,
    archiveRowsRead: archiveImport.report.rowsRead,
    archiveRowsSkipped: archiveImport.report.rowsSkipped + joined.archiveIssues.filter((i) => i.code === 'duplicate-customer-id').length,
  };
  // Issue 8 §1: the quality checks over the joined customers. Issues of two sources are not tied
  // to customers by row (an archive row and an order line share numbers), so they list without an ID.
  const quality = runQualityChecks({
    records: joined.records,
    profileFields: [...archiveImport.analysis.mapping, ...ordersImport.analysis.mapping].map((m) => m.field),
    inputKind: 'transactions',
    asOf: grading.asOf,
    today: options.today,
    importIssues: issues,
  });
  const report = {
    ...buildReport(grading, {
      rowsRead: ordersImport.report.rowsRead,
      rowsSkipped: ordersImport.report.rowsSkipped,
      issues,
    }, options.settings, prediction, quality),
    join,
  };
  // Issue 8 §2: the history key after every other key (join included).
  const history = resolveHistory(options, grading.asOf);
  const reported = history === undefined ? report : { ...report, history: historyReport(grading, options.settings, options.locale, history) };

  progress?.({ stage: 'plan', done: 0, total: 1 });
  // The archive's columns in its order; then any profile column only the log has (filled for its customers).
  const archiveFields = sortedFields(archiveImport);
  const profileFields = [...archiveFields, ...sortedFields(ordersImport).filter((f) => !archiveFields.includes(f))];
  const archiveCarried = new Set(archiveImport.carriedHeaders);
  const carriedHeaders = [...archiveImport.carriedHeaders, ...ordersImport.carriedHeaders.filter((h) => !archiveCarried.has(h))];
  const planInput: PlanInput = {
    result: grading,
    settings: options.settings,
    locale: options.locale,
    profileFields,
    carriedHeaders,
    prediction,
    quality,
    ...(history === undefined ? {} : { history }),
    ...(options.carried === undefined ? {} : { carried: options.carried }),
  };
  const plan = buildWorkbookPlan(planInput);
  progress?.({ stage: 'plan', done: 1, total: 1 });

  return {
    importResult: ordersImport,
    ordersImport,
    archiveImport,
    join,
    records: joined.records,
    grading,
    issues,
    report: reported,
    plan,
    settings: options.settings,
    planInput,
    prediction,
  };
}
