/**
 * A typed, in-memory fake of the part of the Excel JavaScript API Tierwise
 * uses — for unit tests and for the browser preview (no `node:` imports).
 *
 * ```ts
 * const fake = createFakeExcel({ failAtSync: 3 });    // or { failAtOperation: 12 }: see context.ts
 * await fake.run(async (context) => { ... });   // like Excel.run
 * fake.model.sheet('Customers')?.value(1, 0);  // inspect the workbook
 * fake.stats().syncs;                           // count round trips
 * ```
 *
 * What the fake does not do (documented gaps): it evaluates no formula
 * (formula cells read as "" through `values`), parses no dates from text,
 * does not shift cells when tables grow (it refuses instead), appends table
 * rows and columns only at the end, and renders no number format in `text`.
 */
import { expose, FakeRequestContext } from './api';
// Registers Range.sort and Workbook.protection with api.ts (see protection.ts).
import './protection';
import { FakeContextCore, type FakeExcelOptions, type FakeExcelStats } from './context';
import { FakeWorkbookModel } from './model';
// Registers Worksheet.charts with the proxies (charts.ts imports api.ts).
import './charts';

export { FakeExcelError, isExcelLikeError, type FakeExcelErrorCode } from './errors';
export type { FakeExcelOptions, FakeExcelStats, FakeRequestRecord } from './context';
export { REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES, READ_CELL_LIMIT } from './context';
export { FakeWorkbookModel, FakeSheet, FakeTable as FakeTableModel, coerceNumber } from './model';
export type { CellScalar, ConditionalFormatEntry, ValidationEntry, FormatLayer, NameEntry } from './model';
export { parseAddress, rectAddress, qualifiedAddress, type Rect } from './address';
export { hasStructuredReference, DEFAULT_COLUMN_WIDTH_POINTS } from './api';

export interface FakeExcel {
  /** The context, typed as Excel's own so renderer code type-checks against @types/office-js. */
  readonly context: Excel.RequestContext;
  readonly model: FakeWorkbookModel;
  /** Syncs and request records so far. */
  stats(): FakeExcelStats;
  /**
   * Runs a batch like `Excel.run`: calls it with the context, then sends any
   * operations still queued in one last sync. If the batch throws, queued
   * operations are discarded and the error is rethrown.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export function createFakeExcel(options: FakeExcelOptions & { readonly model?: FakeWorkbookModel } = {}): FakeExcel {
  const model = options.model ?? new FakeWorkbookModel();
  const core = new FakeContextCore(model, options);
  // The one documented cast of the context: FakeRequestContext implements
  // Pick<Excel.RequestContext, 'workbook' | 'application' | 'sync'>, which is
  // all Tierwise calls; callers hold it as Excel.RequestContext.
  const context = expose<Excel.RequestContext>(new FakeRequestContext(core));
  return {
    context,
    model,
    stats: () => core.stats(),
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      let result: T;
      try {
        result = await batch(context);
      } catch (error) {
        core.discard();
        throw error;
      }
      if (core.pendingOperations > 0) await context.sync();
      return result;
    },
  };
}
export { sheetGrid, addSheetWithValues, type GridCell, type SheetGrid } from './grid';
export { chartsOnSheet, type FakeChartRecord, type FakeChartModel, type FakeSeriesModel, type FakeAxisModel } from './charts';
