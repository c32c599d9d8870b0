/**
 * The pane's side of the grading worker: typed promises over the message
 * protocol, chunked transfers, progress callbacks and cancellation.
 *
 * Cancel: the client posts `cancel`; the worker stops at its next step
 * boundary and answers `cancelled`. If it has not answered within
 * `CANCEL_GRACE_MS` (it is deep in a long synchronous step), the client
 * terminates it and starts a fresh one, re-sending the grid it keeps.
 */
import type { DayNumber } from '../domain/dates';
import type { ImportAnalysis, ImportOptions } from '../domain/import';
import type { GradingSettings } from '../domain/settings';
import type { RawCell, RawGrid } from '../domain/types';
import type { Locale, Localized } from '../i18n/locale';
import type { CachedResult, PlanValue, TablePlan, WorkbookPlan } from '../plan/types';
import type { JoinSources } from '../plan/sourcesBlock';
import type { RoleProfile } from '../domain/roles';
import type { RepCopyEntry } from '../renderers/xlsx/repCopiesWeb';
import type {
  ArchiveSummary,
  BuildStage,
  BuildSummary,
  CopyStep,
  GradeCounts,
  ImportSummary,
  WorkerErrorInfo,
  WorkerPort,
  WorkerRequest,
  WorkerResponse,
  WireHistory,
} from './protocol';

/** How long a cancel may take before the worker is terminated, in milliseconds. */
export const CANCEL_GRACE_MS = 300;
/** Rows per grid message to the worker. */
export const GRID_ROWS_PER_MESSAGE = 10_000;

/** A failure inside the worker (or of the worker itself), carried to the pane. */
export class WorkerFailure extends Error {
  readonly code: string;
  readonly userMessage: Localized | null;
  readonly details: string;
  constructor(info: WorkerErrorInfo) {
    super(info.message);
    this.name = info.name === 'ImportError' ? 'ImportError' : 'WorkerFailure';
    this.code = info.code ?? 'worker-error';
    this.userMessage = info.userMessage;
    this.details = [`${info.name}${info.code ? ` [${info.code}]` : ''}: ${info.message}`, info.stack ?? ''].filter(Boolean).join('\n');
  }
}

export type PreviewOutcome =
  | { readonly kind: 'counts'; readonly counts: GradeCounts }
  | { readonly kind: 'invalid'; readonly problems: readonly Localized[] };

export type BuildOutcome =
  | { readonly kind: 'built'; readonly plan: WorkbookPlan; readonly summary: BuildSummary }
  | { readonly kind: 'invalid'; readonly problems: readonly Localized[] }
  | { readonly kind: 'cancelled' };

export interface BuildProgress {
  readonly stage: BuildStage;
  readonly done: number;
  readonly total: number;
}

export interface BuildRequest {
  readonly options: ImportOptions | undefined;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  readonly today: DayNumber;
  /** Set to grade the loaded customer archive by the orders (issue 11). */
  readonly archiveOptions?: ImportOptions;
  /** The two sheets of a joined build, remembered on the Settings sheet. */
  readonly sources?: JoinSources;
  /** Issue 8 §2: the History sheet's previous tiers (protocol.ts WireHistory). */
  readonly history?: WireHistory;
}

export interface CopiesRequest {
  readonly profile: RoleProfile;
  readonly only?: { readonly owner: string | null };
  /** Used for this request only (see protocol.ts). */
  readonly password?: string;
}

export type CopiesOutcome =
  | { readonly kind: 'done'; readonly fileName: string; readonly fileKind: 'xlsx' | 'zip'; readonly bytes: Uint8Array; readonly copies: readonly RepCopyEntry[] }
  | { readonly kind: 'cancelled' };

interface Pending {
  readonly onResponse: (response: WorkerResponse) => void;
  readonly onFailure: (error: WorkerFailure) => void;
}

/** Rebuilds a plan from its head and row chunks. */
class PlanAssembler {
  private readonly rows: (readonly PlanValue[])[][];
  private readonly cached: (readonly CachedResult[])[][];
  constructor(private readonly head: WorkbookPlan) {
    this.rows = head.tables.map(() => []);
    this.cached = head.tables.map(() => []);
  }
  add(table: number, rows: readonly (readonly PlanValue[])[], cachedResults: readonly (readonly CachedResult[])[] | null): void {
    const target = this.rows[table];
    const cachedTarget = this.cached[table];
    if (!target || !cachedTarget) throw new RangeError(`plan chunk for table ${table} of ${this.rows.length}`);
    for (const row of rows) target.push(row);
    if (cachedResults) for (const row of cachedResults) cachedTarget.push(row);
  }
  finish(): WorkbookPlan {
    return {
      ...this.head,
      tables: this.head.tables.map((t, i): TablePlan => ({
        ...t,
        rows: this.rows[i] ?? [],
        cachedResults: t.cachedResults ? (this.cached[i] ?? []) : undefined,
      })),
    };
  }
}

export class GradeClient {
  private port: WorkerPort;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The grid as last loaded, kept to refill a restarted worker. */
  private grid: RawGrid = [];
  private gridSent = false;
  /** The customer archive as last loaded (null: none), kept like the grid. */
  private archiveGrid: RawGrid | null = null;
  private archiveSent = true;

  constructor(private readonly createPort: () => WorkerPort) {
    this.port = this.startPort();
  }

  private startPort(): WorkerPort {
    const port = this.createPort();
    port.onmessage = (event) => {
      const response = event.data;
      this.pending.get(response.requestId)?.onResponse(response);
    };
    port.onerror = (event) => {
      const failure = new WorkerFailure({
        name: 'WorkerCrash',
        code: 'worker-crashed',
        message: event.message ?? 'the grading worker stopped',
        userMessage: null,
        stack: null,
      });
      for (const pending of [...this.pending.values()]) pending.onFailure(failure);
      this.pending.clear();
    };
    return port;
  }

  private restart(): void {
    this.port.terminate();
    for (const pending of [...this.pending.values()]) {
      pending.onFailure(new WorkerFailure({ name: 'WorkerRestart', code: 'worker-restarted', message: 'the worker was restarted', userMessage: null, stack: null }));
    }
    this.pending.clear();
    this.port = this.startPort();
    this.gridSent = false;
    this.archiveSent = this.archiveGrid === null;
  }

  /**
   * Sends a request and resolves with the first response `settle` accepts
   * (returns non-undefined for); `error` responses reject.
   */
  private request<T>(build: (requestId: number) => WorkerRequest, settle: (response: WorkerResponse) => T | undefined): Promise<T> {
    const requestId = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(requestId, {
        onResponse: (response) => {
          if (response.type === 'error') {
            this.pending.delete(requestId);
            reject(new WorkerFailure(response.error));
            return;
          }
          const value = settle(response);
          if (value !== undefined) {
            this.pending.delete(requestId);
            resolve(value);
          }
        },
        onFailure: (error) => reject(error),
      });
      this.port.postMessage(build(requestId));
    });
  }

  /** Hands the source grid to the worker, in chunks. */
  async loadGrid(grid: RawGrid): Promise<void> {
    this.grid = grid;
    this.gridSent = false;
    await this.sendGrid();
  }

  private async sendGrid(): Promise<void> {
    const chunks = Math.max(1, Math.ceil(this.grid.length / GRID_ROWS_PER_MESSAGE));
    for (let i = 0; i < chunks; i++) {
      const rows = this.grid.slice(i * GRID_ROWS_PER_MESSAGE, (i + 1) * GRID_ROWS_PER_MESSAGE) as (readonly RawCell[])[];
      await this.request(
        (requestId) => ({ type: 'grid', requestId, reset: i === 0, rows }),
        (r) => (r.type === 'grid-stored' ? r.rows : undefined),
      );
    }
    this.gridSent = true;
  }

  private async ensureGrid(): Promise<void> {
    if (!this.gridSent) await this.sendGrid();
    if (!this.archiveSent) await this.sendArchive();
  }

  /** Hands the customer archive to the worker (issue 11), or removes it with null. */
  async loadArchiveGrid(grid: RawGrid | null): Promise<void> {
    this.archiveGrid = grid;
    this.archiveSent = false;
    await this.sendArchive();
  }

  private async sendArchive(): Promise<void> {
    const grid = this.archiveGrid ?? [];
    const chunks = Math.max(1, Math.ceil(grid.length / GRID_ROWS_PER_MESSAGE));
    for (let i = 0; i < chunks; i++) {
      const rows = grid.slice(i * GRID_ROWS_PER_MESSAGE, (i + 1) * GRID_ROWS_PER_MESSAGE) as (readonly RawCell[])[];
      await this.request(
        (requestId) => ({ type: 'grid', requestId, reset: i === 0, rows, target: 'archive' }),
        (r) => (r.type === 'grid-stored' ? r.rows : undefined),
      );
    }
    this.archiveSent = true;
  }

  /** Reads the archive with its options and says how its IDs match the orders' last analysis. */
  async analyzeArchive(options: ImportOptions | undefined, today: DayNumber): Promise<{ analysis: ImportAnalysis; summary: ArchiveSummary }> {
    await this.ensureGrid();
    return this.request(
      (requestId) => ({ type: 'analyze-archive', requestId, options, today }),
      (r) => (r.type === 'archive-analysis' ? { analysis: r.analysis, summary: r.summary } : undefined),
    );
  }

  async analyze(options: ImportOptions | undefined, today: DayNumber): Promise<{ analysis: ImportAnalysis; summary: ImportSummary }> {
    await this.ensureGrid();
    return this.request(
      (requestId) => ({ type: 'analyze', requestId, options, today }),
      (r) => (r.type === 'analysis' ? { analysis: r.analysis, summary: r.summary } : undefined),
    );
  }

  async preview(settings: GradingSettings, today: DayNumber): Promise<PreviewOutcome> {
    await this.ensureGrid();
    return this.request<PreviewOutcome>(
      (requestId) => ({ type: 'preview', requestId, settings, today }),
      (r) => {
        if (r.type === 'preview') return { kind: 'counts', counts: r.counts };
        if (r.type === 'settings-invalid') return { kind: 'invalid', problems: r.problems };
        return undefined;
      },
    );
  }

  /** Grades and plans off the UI thread. Resolves `cancelled` when `signal` aborts first. */
  async build(request: BuildRequest, onProgress: (progress: BuildProgress) => void, signal: AbortSignal): Promise<BuildOutcome> {
    if (signal.aborted) return { kind: 'cancelled' };
    await this.ensureGrid();
    const requestId = this.nextId++;
    return new Promise<BuildOutcome>((resolve, reject) => {
      let assembler: PlanAssembler | null = null;
      let graceTimer: ReturnType<typeof setTimeout> | null = null;
      const finish = (outcome: BuildOutcome): void => {
        if (graceTimer !== null) clearTimeout(graceTimer);
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(requestId);
        resolve(outcome);
      };
      const onAbort = (): void => {
        this.port.postMessage({ type: 'cancel', requestId });
        graceTimer = setTimeout(() => {
          // Still busy in a synchronous step: stop it the hard way.
          this.pending.delete(requestId);
          this.restart();
          finish({ kind: 'cancelled' });
        }, CANCEL_GRACE_MS);
      };
      signal.addEventListener('abort', onAbort);
      this.pending.set(requestId, {
        onResponse: (r) => {
          switch (r.type) {
            case 'progress':
              onProgress({ stage: r.stage, done: r.done, total: r.total });
              return;
            case 'plan-head':
              assembler = new PlanAssembler(r.plan);
              return;
            case 'plan-rows':
              if (!assembler) throw new Error('plan rows arrived before the plan head');
              assembler.add(r.table, r.rows, r.cachedResults);
              return;
            case 'build-done':
              if (!assembler) throw new Error('build finished without a plan');
              finish({ kind: 'built', plan: assembler.finish(), summary: r.summary });
              return;
            case 'settings-invalid':
              finish({ kind: 'invalid', problems: r.problems });
              return;
            case 'cancelled':
              finish({ kind: 'cancelled' });
              return;
            case 'error':
              if (graceTimer !== null) clearTimeout(graceTimer);
              signal.removeEventListener('abort', onAbort);
              this.pending.delete(requestId);
              reject(new WorkerFailure(r.error));
              return;
            default:
              return;
          }
        },
        onFailure: (error) => {
          if (graceTimer !== null) clearTimeout(graceTimer);
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      this.port.postMessage({ type: 'build', requestId, ...request });
      // Aborted while the grid was still being sent: cancel at once.
      if (signal.aborted) onAbort();
    });
  }

  /** The per-rep copies the last build in the worker gives (null: none yet, or its data was replaced). */
  async copyOwners(): Promise<readonly RepCopyEntry[] | null> {
    return this.request(
      (requestId) => ({ type: 'copy-owners', requestId }),
      (r) => (r.type === 'copy-owners' ? { copies: r.copies } : undefined),
    ).then((r) => r.copies);
  }

  /**
   * Makes the per-rep copies in the worker (issue 7 §3). On abort it
   * resolves `cancelled` at once and the worker stops at its next step (it
   * is not terminated: it holds the build the copies are made from).
   */
  makeCopies(request: CopiesRequest, onStep: (step: CopyStep) => void, signal: AbortSignal): Promise<CopiesOutcome> {
    if (signal.aborted) return Promise.resolve({ kind: 'cancelled' });
    const requestId = this.nextId++;
    return new Promise<CopiesOutcome>((resolve, reject) => {
      const settle = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(requestId);
      };
      const onAbort = (): void => {
        this.port.postMessage({ type: 'cancel', requestId });
        settle();
        resolve({ kind: 'cancelled' });
      };
      signal.addEventListener('abort', onAbort);
      this.pending.set(requestId, {
        onResponse: (r) => {
          if (r.type === 'copy-progress') onStep(r.step);
          else if (r.type === 'copies-done') {
            settle();
            resolve({ kind: 'done', fileName: r.fileName, fileKind: r.kind, bytes: r.bytes, copies: r.copies });
          } else if (r.type === 'cancelled') {
            settle();
            resolve({ kind: 'cancelled' });
          } else if (r.type === 'error') {
            settle();
            reject(new WorkerFailure(r.error));
          }
        },
        onFailure: (error) => {
          settle();
          reject(error);
        },
      });
      this.port.postMessage({ type: 'copies', requestId, ...request });
    });
  }

  dispose(): void {
    this.port.terminate();
    this.pending.clear();
  }
}
