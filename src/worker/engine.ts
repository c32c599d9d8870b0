/**
 * The grading worker's logic, independent of `self`: it receives requests and
 * posts responses through a callback. `gradeWorker.ts` wires it to a Web
 * Worker; DOM tests run it in-process. It holds the grid and the last import,
 * so the live preview re-grades without re-importing.
 *
 * Cancellation: the core's steps are synchronous, so a `cancel` message is
 * seen between steps and between plan chunks (the engine yields to the event
 * loop there). The pane also terminates a worker that does not acknowledge a
 * cancel quickly (see client.ts).
 */
import { analyzeGrid, ImportError, readRecords, type ImportAnalysis, type ImportErrorCode, type ImportOptions, type ImportResult } from '../domain/import';
import { aggregateTransactions, gradeCustomers, validateSettings } from '../domain/grading';
import type { GradingSettings } from '../domain/settings';
import type { DayNumber } from '../domain/dates';
import type { CustomerRecord, GradingResult, Issue, IssueCode, RawCell } from '../domain/types';
import type { Localized } from '../i18n/locale';
import { gradeGrid, type PipelineProgress } from '../pipeline/gradeGrid';
import { gradeJoined } from '../pipeline/gradeJoined';
import { joinCustomers, normalizeLineIds, type JoinSummary } from '../domain/join';
import { withSourcesBlock } from '../plan/sourcesBlock';
import { DEFAULT_PREDICTION_SETTINGS } from '../domain/prediction/settings';
import { panePrediction } from './panePrediction';
import type { PlanInput } from '../plan/buildPlan';
import type { TablePlan, WorkbookPlan } from '../plan/types';
import {
  PLAN_ROWS_PER_CHUNK,
  PROGRESS_INTERVAL_MS,
  type BuildStage,
  type GradeCounts,
  type ArchiveSummary,
  type ImportSummary,
  type IssueGroup,
  type WorkerErrorInfo,
  type WorkerRequest,
  type WorkerResponse,
  type WireHistory,
} from './protocol';
import { EMPTY_HISTORY, type HistoryInput } from '../domain/history/types';

export type Post = (response: WorkerResponse) => void;

/** Import codes that make a source unusable as a whole (thrown as ImportError). */
const FATAL_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['empty-file', 'no-header', 'no-data-rows']);

/**
 * Groups issues by code, keeping counts and the first rows (input order).
 * `exactCounts` (the import report's counts per code) wins over the number of
 * listed issues, which the import caps per code.
 */
export function groupIssues(issues: readonly Issue[], exactCounts: Partial<Record<IssueCode, number>> = {}, rowsPerGroup = 5): IssueGroup[] {
  const groups = new Map<string, { group: IssueGroup; rows: number[]; count: number }>();
  for (const issue of issues) {
    let entry = groups.get(issue.code);
    if (!entry) {
      entry = {
        group: { code: issue.code, severity: issue.severity, count: 0, firstRows: [], example: issue.message },
        rows: [],
        count: 0,
      };
      groups.set(issue.code, entry);
    }
    entry.count++;
    if (issue.row !== null && entry.rows.length < rowsPerGroup && !entry.rows.includes(issue.row)) entry.rows.push(issue.row);
  }
  return [...groups.values()]
    .map(({ group, rows, count }) => ({ ...group, count: Math.max(count, exactCounts[group.code] ?? 0), firstRows: rows }))
    .sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}

/** Customers per tier (in the tier list's order) and per segment. */
export function countGrades(result: GradingResult, settings: GradingSettings): GradeCounts {
  const tierCounts = new Map<string, number>();
  const segmentCounts = new Map<string, number>();
  let withoutSegment = 0;
  for (const customer of result.customers) {
    tierCounts.set(customer.tier, (tierCounts.get(customer.tier) ?? 0) + 1);
    if (customer.segment === null) withoutSegment++;
    else segmentCounts.set(customer.segment, (segmentCounts.get(customer.segment) ?? 0) + 1);
  }
  return {
    total: result.customers.length,
    asOf: result.asOf,
    tiers: settings.tiers.map((tier) => ({ key: tier.key, label: tier.label, color: tier.color, count: tierCounts.get(tier.key) ?? 0 })),
    segments: settings.segments.map((segment) => ({
      key: segment.key,
      label: segment.label,
      color: null,
      count: segmentCounts.get(segment.key) ?? 0,
    })),
    withoutSegment,
  };
}

/** An error as data, keeping its code and bilingual user message when it has them. */
export function errorInfo(error: unknown): WorkerErrorInfo {
  if (error instanceof Error) {
    const withCode = error as Error & { code?: unknown; userMessage?: unknown };
    const userMessage = isLocalized(withCode.userMessage) ? withCode.userMessage : null;
    return {
      name: error.name,
      code: typeof withCode.code === 'string' ? withCode.code : null,
      message: error.message,
      userMessage,
      stack: error.stack ?? null,
    };
  }
  return { name: 'Error', code: null, message: String(error), userMessage: null, stack: null };
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).en === 'string' && typeof (value as Localized).zh === 'string';
}

function latestPurchase(records: readonly CustomerRecord[]): DayNumber | null {
  let latest: DayNumber | null = null;
  for (const record of records) {
    if (record.lastPurchase !== null && (latest === null || record.lastPurchase > latest)) latest = record.lastPurchase;
  }
  return latest;
}

/** Lets queued messages (a cancel) run before the next step. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface GradeEngine {
  handle(request: WorkerRequest): Promise<void>;
}

export function createGradeEngine(post: Post, now: () => number = () => Date.now()): GradeEngine {
  let grid: RawCell[][] = [];
  let lastImport: { options: ImportOptions | undefined; result: ImportResult; records: readonly CustomerRecord[] } | null = null;
  const cancelled = new Set<number>();
  // The customer archive joined to the orders (issue 11): its grid, and its records once read completely.
  let archiveGrid: RawCell[][] | null = null;
  let lastArchive: { records: readonly CustomerRecord[]; idColumn: string | null } | null = null;
  // The last build's plan input (issue 7 §3): the per-rep copies are made from it here, never from rows sent back by the pane.
  let lastPlanInput: PlanInput | null = null;

  /** The orders' customers as the join sees them: log lines with normalised IDs (17850.0 is 17850). */
  function orderCustomersForJoin(): readonly CustomerRecord[] | null {
    if (!lastImport) return null;
    if (lastImport.result.kind !== 'transactions') return lastImport.records;
    const normalised = normalizeLineIds(lastImport.result.lines);
    return normalised === lastImport.result.lines ? lastImport.records : aggregateTransactions(normalised).records;
  }

  function joinedNow(): { records: readonly CustomerRecord[]; summary: JoinSummary } | null {
    const orders = orderCustomersForJoin();
    if (!orders || !lastArchive) return null;
    const joined = joinCustomers({ archive: lastArchive.records, orders, archiveIdColumn: lastArchive.idColumn, ordersIdColumn: null });
    return { records: joined.records, summary: joined.summary };
  }

  function analyzeArchive(options: ImportOptions | undefined): { analysis: ImportAnalysis; summary: ArchiveSummary } {
    if (archiveGrid === null) throw new Error('analyze-archive before an archive grid was sent');
    const archiveOptions: ImportOptions = { ...options, kind: 'customers', role: 'archive' };
    const analysis = analyzeGrid(archiveGrid, archiveOptions);
    const fatal = analysis.issues.find((issue) => FATAL_CODES.has(issue.code));
    if (fatal) throw new ImportError(fatal.code as ImportErrorCode, fatal.message, analysis.issues.filter((i) => i.severity === 'error'));
    if (analysis.missingRequired.length > 0) {
      lastArchive = null;
      return { analysis, summary: { rowsRead: analysis.dataRowCount, rowsSkipped: 0, customers: 0, issueGroups: groupIssues(analysis.issues), join: null } };
    }
    const result = readRecords(archiveGrid, archiveOptions);
    if (result.kind !== 'customers') throw new Error('internal: an archive is read as a customer list');
    lastArchive = { records: result.records, idColumn: analysis.mapping.find((m) => m.field === 'customerId')?.header ?? null };
    return {
      analysis,
      summary: {
        rowsRead: result.report.rowsRead,
        rowsSkipped: result.report.rowsSkipped,
        customers: result.records.length,
        issueGroups: groupIssues(result.report.issues, result.report.issueCountByCode),
        join: joinedNow()?.summary ?? null,
      },
    };
  }

  /**
   * Analysis, then (when every needed column is mapped) the import and, for
   * an order log, the aggregation. A source with no header or no data is
   * thrown as the domain's ImportError; missing columns are not an error
   * here: the Columns screen shows them and lets the user map them.
   */
  function analyzeAndImport(options: ImportOptions | undefined): {
    analysis: ImportAnalysis;
    imported: { result: ImportResult; records: readonly CustomerRecord[] } | null;
    issues: Issue[];
    counts: Partial<Record<IssueCode, number>>;
  } {
    const analysis = analyzeGrid(grid, options);
    const fatal = analysis.issues.find((issue) => FATAL_CODES.has(issue.code));
    if (fatal) throw new ImportError(fatal.code as ImportErrorCode, fatal.message, analysis.issues.filter((i) => i.severity === 'error'));
    if (analysis.missingRequired.length > 0) return { analysis, imported: null, issues: analysis.issues, counts: {} };
    const result = readRecords(grid, options);
    const issues: Issue[] = [...result.report.issues];
    const counts: Partial<Record<IssueCode, number>> = { ...result.report.issueCountByCode };
    let records: readonly CustomerRecord[];
    if (result.kind === 'transactions') {
      const aggregated = aggregateTransactions(result.lines);
      records = aggregated.records;
      issues.push(...aggregated.issues);
      for (const issue of aggregated.issues) counts[issue.code] = (counts[issue.code] ?? 0) + 1;
    } else {
      records = result.records;
    }
    return { analysis, imported: { result, records }, issues, counts };
  }

  function settingsProblems(settings: GradingSettings): readonly Localized[] {
    return validateSettings(settings).map((problem) => problem.message);
  }

  async function build(request: Extract<WorkerRequest, { type: 'build' }>): Promise<void> {
    const { requestId } = request;
    const problems = settingsProblems(request.settings);
    if (problems.length > 0) {
      post({ type: 'settings-invalid', requestId, problems });
      return;
    }
    let lastPost = 0;
    const progress = (stage: BuildStage, done: number, total: number, force = false): void => {
      const t = now();
      if (force || t - lastPost >= PROGRESS_INTERVAL_MS) {
        lastPost = t;
        post({ type: 'progress', requestId, stage, done, total });
      }
    };
    const gridOptions = {
      import: request.options,
      settings: request.settings,
      locale: request.locale,
      today: request.today,
      onProgress: (p: PipelineProgress) => progress(p.stage, p.done, p.total, p.done === 0 || p.done === p.total),
      // Prediction (issue 9): on by default; it fails honestly (a message, no figures) when the data cannot carry it.
      prediction: DEFAULT_PREDICTION_SETTINGS,
      // Grade history (issue 8 §2): the previous tiers the pane read of the History sheet.
      // The pane chose the previous snapshot for the as-of date it expected; one not strictly before the
      // grading's real as-of date is no "previous" grade, so the comparison is left out rather than wrong.
      ...(request.history ? { history: (asOf: DayNumber) => historyBefore(historyInputFromWire(request.history!), asOf) } : {}),
    };
    const joined = request.archiveOptions !== undefined && archiveGrid !== null;
    const output = joined ? gradeJoined(grid, archiveGrid!, { ...gridOptions, archiveImport: request.archiveOptions }) : gradeGrid(grid, gridOptions);
    lastPlanInput = null;
    await yieldToEventLoop();
    if (cancelled.has(requestId)) throw new CancelledError();

    const plan: WorkbookPlan = joined && request.sources ? withSourcesBlock(output.plan, request.sources) : output.plan;
    const head: WorkbookPlan = { ...plan, tables: plan.tables.map((t): TablePlan => ({ ...t, rows: [], cachedResults: t.cachedResults ? [] : undefined })) };
    const rowCounts = plan.tables.map((t) => t.rows.length);
    post({ type: 'plan-head', requestId, plan: head, rowCounts });
    const totalRows = rowCounts.reduce((a, b) => a + b, 0);
    let sent = 0;
    for (let table = 0; table < plan.tables.length; table++) {
      const source = plan.tables[table];
      if (!source) continue;
      for (let start = 0; start < source.rows.length; start += PLAN_ROWS_PER_CHUNK) {
        await yieldToEventLoop();
        if (cancelled.has(requestId)) throw new CancelledError();
        const end = Math.min(source.rows.length, start + PLAN_ROWS_PER_CHUNK);
        post({
          type: 'plan-rows',
          requestId,
          table,
          rows: source.rows.slice(start, end),
          cachedResults: source.cachedResults ? source.cachedResults.slice(start, end) : null,
        });
        sent += end - start;
        progress('transfer', sent, totalRows, end === source.rows.length);
      }
    }
    const exact: Partial<Record<IssueCode, number>> = { ...output.importResult.report.issueCountByCode };
    for (const issue of output.issues.slice(output.importResult.report.issues.length)) exact[issue.code] = (exact[issue.code] ?? 0) + 1;
    const groups = groupIssues(output.issues, exact);
    lastPlanInput = output.planInput;
    post({
      type: 'build-done',
      requestId,
      summary: {
        counts: countGrades(output.grading, request.settings),
        issueGroups: groups,
        issueCount: groups.reduce((sum, g) => sum + g.count, 0),
        customerSummary: output.report.summary,
        breakpoints: output.grading.breakpoints,
        prediction: panePrediction(output.prediction),
        quality: output.planInput.quality?.counts ?? [],
      },
    });
  }

  async function handle(request: WorkerRequest): Promise<void> {
    const { requestId } = request;
    try {
      switch (request.type) {
        case 'grid':
          if (request.target === 'archive') {
            if (request.reset) {
              archiveGrid = request.rows.length > 0 ? [] : null;
              lastArchive = null;
            }
            if (archiveGrid !== null) for (const row of request.rows) archiveGrid.push(row.slice());
            post({ type: 'grid-stored', requestId, rows: archiveGrid?.length ?? 0 });
            return;
          }
          if (request.reset) {
            grid = [];
            lastImport = null;
            lastPlanInput = null;
          }
          for (const row of request.rows) grid.push(row.slice());
          post({ type: 'grid-stored', requestId, rows: grid.length });
          return;
        case 'analyze': {
          const { analysis, imported, issues, counts } = analyzeAndImport(request.options);
          lastImport = imported ? { options: request.options, result: imported.result, records: imported.records } : null;
          const summary: ImportSummary = {
            kind: analysis.kind,
            rowsRead: imported ? imported.result.report.rowsRead : analysis.dataRowCount,
            rowsSkipped: imported ? imported.result.report.rowsSkipped : 0,
            customers: imported ? imported.records.length : 0,
            issueGroups: groupIssues(issues, counts),
            latestPurchase: imported ? latestPurchase(imported.records) : null,
          };
          post({ type: 'analysis', requestId, analysis, summary });
          return;
        }
        case 'analyze-archive': {
          const { analysis, summary } = analyzeArchive(request.options);
          post({ type: 'archive-analysis', requestId, analysis, summary });
          return;
        }
        case 'preview': {
          if (!lastImport) throw new Error('preview requested before a complete analysis (every needed column mapped)');
          const problems = settingsProblems(request.settings);
          if (problems.length > 0) {
            post({ type: 'settings-invalid', requestId, problems });
            return;
          }
          // With an archive, the preview counts the joined customers (archive prospects included), as the build will.
          const records = (archiveGrid !== null ? joinedNow()?.records : undefined) ?? lastImport.records;
          const result = gradeCustomers(records, request.settings, { today: request.today });
          post({ type: 'preview', requestId, counts: countGrades(result, request.settings) });
          return;
        }
        case 'build':
          await build(request);
          return;
        // The copies' writer (exceljs, ~0.9 MB) is its own chunk, loaded on first use: grading does not wait for it.
        case 'copy-owners': {
          const { repCopyOwners } = await import('./copies');
          post({ type: 'copy-owners', requestId, copies: lastPlanInput === null ? null : repCopyOwners(lastPlanInput) });
          return;
        }
        case 'copies': {
          const { makeRepCopies } = await import('./copies');
          await makeRepCopies(lastPlanInput, request, post, () => cancelled.has(requestId));
          return;
        }
        case 'cancel':
          cancelled.add(requestId);
          return;
      }
    } catch (error) {
      if (error instanceof CancelledError) post({ type: 'cancelled', requestId });
      else post({ type: 'error', requestId, error: errorInfo(error) });
    } finally {
      if (request.type !== 'cancel') cancelled.delete(requestId);
    }
  }

  return { handle };
}

/** Issue 8 §2: the pane's WireHistory as the plan's HistoryInput (the pane writes only this build's group: `earlier` is empty). */
/** `input` when its previous snapshot is dated before `asOf`; otherwise a history with no previous grades. */
export function historyBefore(input: HistoryInput, asOf: DayNumber): HistoryInput {
  return input.previousAsOf === null || input.previousAsOf < asOf ? input : { earlier: input.earlier, previousTier: new Map(), previousAsOf: null };
}

export function historyInputFromWire(wire: WireHistory): HistoryInput {
  return { earlier: EMPTY_HISTORY, previousTier: new Map(wire.previousTier), previousAsOf: wire.previousAsOf };
}
