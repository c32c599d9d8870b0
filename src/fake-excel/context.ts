/**
 * The request queue of the fake Excel: proxies queue operations, and
 * `sync()` applies them in order against the model, like Office.js sends one
 * batch per `context.sync()`.
 *
 * Limits (Microsoft: "Resource limits and performance optimization for Office
 * Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * Excel add-ins section; "Read or write to a large range",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large):
 * - Excel on the web rejects a request over 5 MB
 *   (`RequestPayloadSizeLimitExceeded`) and a response over 5 MB
 *   (`ResponsePayloadSizeLimitExceeded`). The fake estimates a request's size
 *   as the JSON length of every queued operation's arguments plus a fixed
 *   overhead per operation, and uses 5,000,000 bytes (the stricter reading of
 *   "5 MB").
 * - Reading a range of more than 5,000,000 cells fails (`RangeExceedsLimit`).
 *
 * Failures: a request over the size limit is rejected whole (nothing of it is
 * applied), as the host refuses the payload before running it. An operation
 * that fails while the batch runs stops the batch: operations before it stay
 * applied, later ones are dropped — Excel runs a batch's commands in order
 * and does not roll back.
 *
 * Fault injection, two kinds:
 * - `failAtSync: n` models a request lost before the host ran it (network
 *   failure): the n-th sync throws `GeneralException` having applied nothing
 *   of its batch. Every sync boundary is a point the renderer already knows
 *   about, so this is the mildest failure to survive.
 * - `failAtOperation: n` models the host failing while it runs a batch: the
 *   n-th operation (1-based, counted over every operation the session's syncs
 *   have run, in the order they were queued) throws `GeneralException`; the
 *   operations of that batch before it stay applied and the rest are dropped,
 *   as with any operation that fails in Excel. This leaves the workbook
 *   half-way through a batch, the harsher case. The failing sync's record has
 *   `failed: 'GeneralException'` and `failedAtOperation` = the failing
 *   operation's 1-based position in its batch.
 */
import { FakeExcelError } from './errors';
import type { FakeWorkbookModel } from './model';

export const REQUEST_LIMIT_BYTES = 5_000_000;
export const RESPONSE_LIMIT_BYTES = 5_000_000;
export const READ_CELL_LIMIT = 5_000_000;
/** Bytes counted per queued operation for its object path and method name. */
export const OPERATION_OVERHEAD_BYTES = 64;

export interface FakeExcelOptions {
  /** The n-th `sync()` (1-based) throws `GeneralException` and applies nothing of its batch. */
  readonly failAtSync?: number;
  /**
   * The n-th operation (1-based, counted across all syncs of this fake, in
   * queue order) throws `GeneralException`: earlier operations of its batch
   * stay applied, it and later ones are not applied. A list fails each of
   * those operations (a second failure while the renderer is recovering from the first).
   */
  readonly failAtOperation?: number | readonly number[];
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  readonly readCellLimit?: number;
}

export interface FakeRequestRecord {
  /** 1-based sync number. */
  readonly index: number;
  readonly operations: number;
  /** Estimated request JSON size. */
  readonly requestBytes: number;
  /** Estimated response JSON size (loaded properties). */
  responseBytes: number;
  readonly cellsWritten: number;
  cellsRead: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** The error code when this sync failed. */
  failed: string | null;
  /** 1-based position in this batch of the operation that failed; null when none failed (or the batch was rejected whole). */
  failedAtOperation: number | null;
}

export interface FakeExcelStats {
  readonly requests: FakeRequestRecord[];
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly totalCellsWritten: number;
  /** Operations the host has run or tried to run, over all syncs (the count `failAtOperation` uses). */
  readonly operationsRun: number;
}

interface QueuedOperation {
  readonly bytes: number;
  readonly cellsWritten: number;
  /** Runs against the model; returns cells read and response bytes for loads. */
  readonly apply: (record: FakeRequestRecord) => void;
}

export class FakeContextCore {
  private queue: QueuedOperation[] = [];
  /** Operations run (or tried) so far over all syncs; `failAtOperation` counts these. */
  private operationsRun = 0;
  readonly requests: FakeRequestRecord[] = [];

  constructor(
    readonly model: FakeWorkbookModel,
    readonly options: FakeExcelOptions,
  ) {}

  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(bytes: number, cellsWritten: number, apply: (record: FakeRequestRecord) => void): void {
    this.queue.push({ bytes: bytes + OPERATION_OVERHEAD_BYTES, cellsWritten, apply });
  }

  /** Drops queued operations without sending them (a batch that threw before its sync). */
  discard(): void {
    this.queue = [];
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const record: FakeRequestRecord = {
      index: this.requests.length + 1,
      operations: batch.length,
      requestBytes: batch.reduce((sum, op) => sum + op.bytes, 0),
      responseBytes: 0,
      cellsWritten: batch.reduce((sum, op) => sum + op.cellsWritten, 0),
      cellsRead: 0,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
      failed: null,
      failedAtOperation: null,
    };
    this.requests.push(record);
    // Let other tasks run, as a real round trip would.
    await Promise.resolve();
    if (this.options.failAtSync === record.index) {
      record.failed = 'GeneralException';
      throw new FakeExcelError('GeneralException', `Injected failure at sync ${record.index}: nothing of this batch was applied.`);
    }
    const requestLimit = this.options.requestLimitBytes ?? REQUEST_LIMIT_BYTES;
    if (record.requestBytes > requestLimit) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeExcelError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit: ${record.requestBytes} bytes > ${requestLimit}.`,
      );
    }
    for (const [position, op] of batch.entries()) {
      this.operationsRun += 1;
      const failAt = this.options.failAtOperation;
      if (typeof failAt === 'number' ? failAt === this.operationsRun : failAt?.includes(this.operationsRun)) {
        record.failed = 'GeneralException';
        record.failedAtOperation = position + 1;
        throw new FakeExcelError(
          'GeneralException',
          `Injected failure at operation ${this.operationsRun} (operation ${position + 1} of ${batch.length} in sync ${record.index}): the ${position} before it were applied.`,
        );
      }
      try {
        op.apply(record);
      } catch (error) {
        record.failed = error instanceof FakeExcelError ? error.code : 'GeneralException';
        record.failedAtOperation = position + 1;
        throw error;
      }
    }
    const responseLimit = this.options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES;
    if (record.responseBytes > responseLimit) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeExcelError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit: ${record.responseBytes} bytes > ${responseLimit}.`,
      );
    }
  }

  readCellLimit(): number {
    return this.options.readCellLimit ?? READ_CELL_LIMIT;
  }

  stats(): FakeExcelStats {
    const requests = this.requests;
    return {
      requests,
      syncs: requests.length,
      maxRequestBytes: requests.reduce((m, r) => Math.max(m, r.requestBytes), 0),
      maxResponseBytes: requests.reduce((m, r) => Math.max(m, r.responseBytes), 0),
      totalCellsWritten: requests.reduce((s, r) => s + r.cellsWritten, 0),
      operationsRun: this.operationsRun,
    };
  }
}

/** JSON size of an operation's arguments, the unit Excel's 5 MB limit counts. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  if (text === undefined) return 0;
  // UTF-8: characters outside ASCII take 2-3 bytes; count them without encoding the whole string twice.
  let extra = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) extra += code > 0x7ff ? 2 : 1;
  }
  return text.length + extra;
}
