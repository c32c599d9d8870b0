/**
 * The message protocol between the task pane (main thread) and the grading
 * worker. Plain, structured-clone-able data only. Every request carries a
 * `requestId`; every answer names the request it answers.
 *
 * Big payloads travel in chunks both ways so no single structured clone
 * blocks the pane: the grid goes in blocks as it is read, the plan's table
 * rows come back in blocks of `PLAN_ROWS_PER_CHUNK`.
 */
import type { QualityCheckKey } from '../domain/quality';
import type { DayNumber } from '../domain/dates';
import type { ImportAnalysis, ImportOptions } from '../domain/import';
import type { GradingSettings } from '../domain/settings';
import type { Breakpoints, InputKind, IssueCode, IssueSeverity, RawCell } from '../domain/types';
import type { CustomerSummary } from '../domain/summary/types';
import type { PredictionHighlights } from '../domain/prediction/summary';
import type { Locale, Localized } from '../i18n/locale';
import type { CachedResult, PlanValue, WorkbookPlan } from '../plan/types';
import type { JoinSummary } from '../domain/join';
import type { JoinSources } from '../plan/sourcesBlock';
import type { RoleProfile } from '../domain/roles';
import type { RepCopyEntry } from '../renderers/xlsx/repCopiesWeb';

/** Rows per plan chunk sent back to the pane (each clone stays a few ms). */
export const PLAN_ROWS_PER_CHUNK = 2_000;
/** Minimum interval between two progress messages, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 50;

export type WorkerRequest =
  /** Replaces (first chunk, `reset`) or extends the grid the worker holds. */
  | {
      readonly type: 'grid';
      readonly requestId: number;
      readonly reset: boolean;
      readonly rows: readonly (readonly RawCell[])[];
      /** 'archive': the customer archive joined to the orders (issue 11); a reset with no rows removes it. Default: the orders. */
      readonly target?: 'archive';
    }
  /** Reads the customer archive (its own options) and how its IDs match the orders' last analysis. */
  | { readonly type: 'analyze-archive'; readonly requestId: number; readonly options: ImportOptions | undefined; readonly today: DayNumber }
  /** Detects header, kind and mapping (with the user's choices), imports, and summarises the issues. */
  | { readonly type: 'analyze'; readonly requestId: number; readonly options: ImportOptions | undefined; readonly today: DayNumber }
  /** Grades the records of the last analysis with these settings (the live preview on the Rules screen). */
  | { readonly type: 'preview'; readonly requestId: number; readonly settings: GradingSettings; readonly today: DayNumber }
  /** The whole job: import, grade, plan; the plan comes back in chunks. */
  | {
      readonly type: 'build';
      readonly requestId: number;
      readonly options: ImportOptions | undefined;
      readonly settings: GradingSettings;
      readonly locale: Locale;
      readonly today: DayNumber;
      /** Set to grade the archive by the orders (gradeJoined); absent for one source. */
      readonly archiveOptions?: ImportOptions;
      /** Where the sources are, remembered on the Settings sheet of a joined build. */
      readonly sources?: JoinSources;
      /** Issue 8 §2: what the pane read of the History sheet (readHistory.ts); absent from older panes. */
      readonly history?: WireHistory;
    }
  /** The per-rep copies the last build gives (owners, file names, customers; no customer data). */
  | { readonly type: 'copy-owners'; readonly requestId: number }
  /** Writes the per-rep copies of the last build (issue 7 §3): every copy as one zip, or `only` one owner's .xlsx. */
  | {
      readonly type: 'copies';
      readonly requestId: number;
      /** The role the copies are for (the Settings sheet's sales-rep profile). */
      readonly profile: RoleProfile;
      readonly only?: { readonly owner: string | null };
      /** For this one request only: hashed in the worker, then dropped; never stored or echoed. */
      readonly password?: string;
    }
  | { readonly type: 'cancel'; readonly requestId: number };

/** Above this many customers a copy is slow to write in the pane (exceljs; the CLI streams): the pane says so. */
export const LARGE_COPY_CUSTOMERS = 10_000;

/** A step of making the copies: deriving the password verifier, then writing copy `index` (0-based) of `total`. */
export type CopyStep = { readonly phase: 'password' } | { readonly phase: 'copy'; readonly index: number; readonly total: number; readonly owner: string | null };

/** What the Start screen shows about the customer archive. */
export interface ArchiveSummary {
  readonly rowsRead: number;
  readonly rowsSkipped: number;
  /** Archive customers kept (after duplicates). */
  readonly customers: number;
  readonly issueGroups: readonly IssueGroup[];
  /** How the IDs match the orders; null until both sources are complete (every needed column mapped). */
  readonly join: JoinSummary | null;
}

export type BuildStage = 'import' | 'aggregate' | 'grade' | 'plan' | 'transfer';

/** A data issue group: every issue of one code, counted, with the first rows. */
export interface IssueGroup {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly count: number;
  /** Up to five 1-based source rows, in order of appearance. */
  readonly firstRows: readonly number[];
  /** The first issue's message (names row, column and what to do). */
  readonly example: Localized;
}

/** What the Columns screen shows besides the mapping. */
export interface ImportSummary {
  readonly kind: InputKind;
  readonly rowsRead: number;
  readonly rowsSkipped: number;
  /** Customers found (list rows kept, or distinct customers of a log). */
  readonly customers: number;
  readonly issueGroups: readonly IssueGroup[];
  /** The latest purchase in the data, for the as-of default's label; null when none. */
  readonly latestPurchase: DayNumber | null;
}

export interface CountRow {
  readonly key: string;
  readonly label: Localized;
  /** `#RRGGBB`, or null when the row has no colour of its own. */
  readonly color: string | null;
  readonly count: number;
}

/** Customers per tier and per segment. */
export interface GradeCounts {
  readonly total: number;
  readonly asOf: DayNumber;
  readonly tiers: readonly CountRow[];
  readonly segments: readonly CountRow[];
  /** Customers with no segment (prospects). */
  readonly withoutSegment: number;
}

export interface BuildSummary {
  readonly counts: GradeCounts;
  readonly issueGroups: readonly IssueGroup[];
  readonly issueCount: number;
  /** GRADING.md §9 summary and the breakpoints: what the pane's slide deck is made from (a few kB, whatever the row count). */
  readonly customerSummary: CustomerSummary;
  readonly breakpoints: Breakpoints | null;
  /** The prediction's outcome for the Done screen (issue 9); null when it is off. */
  readonly prediction?: PanePrediction | null;
  /** Issue 8 §1: findings per check (the Done screen's Data quality list); absent from older workers. */
  readonly quality?: readonly { readonly check: QualityCheckKey; readonly count: number }[];
}

/** What the pane says about the prediction: fitted or why not, the holdout check, the call-first list size. */
export interface PanePrediction {
  readonly status: 'ok' | 'partial' | 'unavailable';
  readonly customersUsed: number;
  readonly repeatBuyers: number;
  readonly horizonDays: number;
  readonly clvMonths: number;
  readonly highRiskBelow: number;
  readonly mediumRiskBelow: number;
  readonly problems: readonly Localized[];
  readonly holdout: { readonly calibrationEnd: DayNumber; readonly actual: number; readonly predicted: number; readonly relativeError: number } | null;
  readonly atRiskHighValue: number;
  /** Issue 9: the by-tier figures and the call-first list, for the deck's prediction slide (a few kB); absent from older workers. */
  readonly highlights?: PredictionHighlights | null;
}

/** An error crossing the worker boundary, keeping what the pane needs to explain it. */
export interface WorkerErrorInfo {
  readonly name: string;
  readonly code: string | null;
  readonly message: string;
  /** A message for the user in both languages, when the thrower gave one (ImportError). */
  readonly userMessage: Localized | null;
  readonly stack: string | null;
}

export type WorkerResponse =
  | { readonly type: 'grid-stored'; readonly requestId: number; readonly rows: number }
  | { readonly type: 'analysis'; readonly requestId: number; readonly analysis: ImportAnalysis; readonly summary: ImportSummary }
  | { readonly type: 'archive-analysis'; readonly requestId: number; readonly analysis: ImportAnalysis; readonly summary: ArchiveSummary }
  | { readonly type: 'preview'; readonly requestId: number; readonly counts: GradeCounts }
  /** Settings the grading refuses, with messages for each problem. */
  | { readonly type: 'settings-invalid'; readonly requestId: number; readonly problems: readonly Localized[] }
  | { readonly type: 'progress'; readonly requestId: number; readonly stage: BuildStage; readonly done: number; readonly total: number }
  /** The plan with every table's rows (and cached results) empty; rows follow. */
  | { readonly type: 'plan-head'; readonly requestId: number; readonly plan: WorkbookPlan; readonly rowCounts: readonly number[] }
  | {
      readonly type: 'plan-rows';
      readonly requestId: number;
      readonly table: number;
      readonly rows: readonly (readonly PlanValue[])[];
      readonly cachedResults: readonly (readonly CachedResult[])[] | null;
    }
  | { readonly type: 'build-done'; readonly requestId: number; readonly summary: BuildSummary }
  /** null: no build in this worker yet (or its data was replaced). */
  | { readonly type: 'copy-owners'; readonly requestId: number; readonly copies: readonly RepCopyEntry[] | null }
  | { readonly type: 'copy-progress'; readonly requestId: number; readonly step: CopyStep }
  | { readonly type: 'copies-done'; readonly requestId: number; readonly fileName: string; readonly kind: 'xlsx' | 'zip'; readonly bytes: Uint8Array; readonly copies: readonly RepCopyEntry[] }
  | { readonly type: 'cancelled'; readonly requestId: number }
  | { readonly type: 'error'; readonly requestId: number; readonly error: WorkerErrorInfo };

/** Anything that can play the worker's part (a Web Worker, or an in-process port in tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { readonly data: WorkerResponse }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

/**
 * Issue 8 §2: the HistoryInput the pane read (src/renderers/excel/readHistory.ts), as plain
 * arrays: the previous tiers as [ID, tier label] pairs. `earlier` is always EMPTY_HISTORY in the pane.
 */
export interface WireHistory {
  readonly previousTier: readonly (readonly [string, string])[];
  readonly previousAsOf: DayNumber | null;
}
