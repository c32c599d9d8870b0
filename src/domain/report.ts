/**
 * The JSON report of the command line, exactly GRADING.md §8 and §9:
 *
 *   { "asOf": "YYYY-MM-DD",
 *     "breakpoints": { "recency": [b1,b2,b3,b4], "frequency": [...], "monetary": [...] },
 *     "import": { "rowsRead": n, "rowsSkipped": n, "issues": [ ... ] },
 *     "customers": [ { "id", "recencyDays", "frequency", "monetary",
 *                      "r", "f", "m", "segment", "tier", "lifecycle" } ],
 *     "summary": { ... GRADING.md §9 ... } }
 *
 * `breakpoints` is null when no customer is scored (everyone is a prospect):
 * PERCENTILE.INC of nothing has no value. Customers are in input order; `tier`
 * is the tier KEY. Each issue is { row, column, code, severity, value,
 * message: { en, zh } }. Key order follows the contract, so JSON.stringify of
 * the result is the file.
 */
import { formatIsoDay } from './dates';
import type { GradingResult, Issue, IssueCode, IssueSeverity, LifecycleKey, SegmentKey } from './types';
import type { GradingSettings } from './settings';
import { summarise, type CustomerSummary } from './summary';
import type { JoinReport } from './join';
// Prediction (issue 9, GRADING.md §10): per-customer figures and the `model` key, present unless --no-predict.
import { reportCustomerPrediction, reportModel, type PredictionRun, type ReportCustomerPrediction, type ReportModel } from './prediction/report';
import type { QualityResult } from './quality';
import { qualityReport, type QualityReport } from './quality/report';
import { historyReport, type HistoryReport } from './history/report';
import type { HistoryInput } from './history/types';
import type { Locale } from '../i18n/locale';

export type BreakpointList = [number, number, number, number];

export interface ReportIssue {
  readonly row: number | null;
  readonly column: string | null;
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly value: string | null;
  readonly message: { readonly en: string; readonly zh: string };
}

export interface ReportCustomer {
  readonly id: string;
  readonly recencyDays: number | null;
  readonly frequency: number;
  readonly monetary: number;
  readonly r: number | null;
  readonly f: number | null;
  readonly m: number | null;
  readonly segment: SegmentKey | null;
  readonly tier: string;
  readonly lifecycle: LifecycleKey;
}

export interface GradingReport {
  readonly asOf: string;
  readonly breakpoints: {
    readonly recency: BreakpointList;
    readonly frequency: BreakpointList;
    readonly monetary: BreakpointList;
  } | null;
  readonly import: {
    readonly rowsRead: number;
    readonly rowsSkipped: number;
    readonly issues: readonly ReportIssue[];
  };
  readonly customers: readonly (ReportCustomer & Partial<ReportCustomerPrediction>)[];
  /** GRADING.md §9, after overrides; groups also carry customerShare and revenueShare. */
  readonly summary: CustomerSummary;
  /** Two sources only (an order log joined to a customer archive): how they matched. Absent for one source. */
  readonly join?: JoinReport;
  /** GRADING.md §10; absent when prediction is off. */
  readonly model?: ReportModel;
  /** Issue 8 §1: findings per check and every finding (src/domain/quality). Absent when the checks were not run. */
  readonly quality?: QualityReport;
  /** Issue 8 §2: snapshot dates and the tier migration (src/domain/history/report.ts). Absent when the build keeps no history. */
  readonly history?: HistoryReport;
}

export interface ImportSummary {
  readonly rowsRead: number;
  readonly rowsSkipped: number;
  /** Every issue to report: import, aggregation and grading (the caller concatenates them). */
  readonly issues: readonly Issue[];
}

/** Keys of a ReportIssue and of its message, in the report's order. */
const REPORT_ISSUE_KEYS = 'row,column,code,severity,value,message';
const MESSAGE_KEYS = 'en,zh';

/**
 * The issue as the report writes it. An issue that already has exactly the report's keys in its order
 * (makeIssue builds them so) is the report's entry itself: a log of millions of lines can have an issue
 * on every other line, and a copy of each would double what they hold (issue 10).
 */
function reportIssue(issue: Issue): ReportIssue {
  if (Object.keys(issue).join() === REPORT_ISSUE_KEYS && Object.keys(issue.message).join() === MESSAGE_KEYS) return issue;
  return {
    row: issue.row,
    column: issue.column,
    code: issue.code,
    severity: issue.severity,
    value: issue.value,
    message: { en: issue.message.en, zh: issue.message.zh },
  };
}

/** Builds the §8 report (with the §9 summary, §10 when a prediction ran, and the quality findings when checked) from a grading result, the settings it was graded with, and the import's counts and issues. */
export function buildReport(
  result: GradingResult,
  importReport: ImportSummary,
  settings: GradingSettings,
  prediction: PredictionRun | null = null,
  quality?: QualityResult,
  history?: { readonly input: HistoryInput; readonly locale: Locale },
): GradingReport {
  const bp = result.breakpoints;
  return {
    asOf: formatIsoDay(result.asOf),
    breakpoints:
      bp === null
        ? null
        : {
            recency: [bp.recency[0], bp.recency[1], bp.recency[2], bp.recency[3]],
            frequency: [bp.frequency[0], bp.frequency[1], bp.frequency[2], bp.frequency[3]],
            monetary: [bp.monetary[0], bp.monetary[1], bp.monetary[2], bp.monetary[3]],
          },
    import: {
      rowsRead: importReport.rowsRead,
      rowsSkipped: importReport.rowsSkipped,
      issues: importReport.issues.map(reportIssue),
    },
    customers: result.customers.map((c, i) => ({
      id: c.record.id,
      recencyDays: c.recencyDays,
      frequency: c.record.frequency,
      monetary: c.record.monetary,
      r: c.r,
      f: c.f,
      m: c.m,
      segment: c.segment,
      tier: c.tier,
      lifecycle: c.lifecycle,
      ...(prediction === null ? {} : reportCustomerPrediction(prediction, i)),
    })),
    // summarise builds its objects in the contract's key order, so JSON.stringify writes §9 as specified.
    summary: summarise(result, settings),
    ...(prediction === null ? {} : { model: reportModel(prediction) }),
    ...(quality === undefined ? {} : { quality: qualityReport(quality) }),
    ...(history === undefined ? {} : { history: historyReport(result, settings, history.locale, history.input) }),
  };
}
