/**
 * The workbook *window* for the preview: which sheet is active and what is
 * selected. The typed fake Excel models the workbook's data (cells, tables,
 * names, formats) but not the window, and the pane reads the active sheet,
 * the selection and a sheet's used range. This layer adds exactly those
 * members — `worksheets.getActiveWorksheet()`, `workbook.getSelectedRange()`,
 * `Worksheet.activate()`, `Worksheet.getUsedRangeOrNullObject()`,
 * `Range.select()` — on top of the fake's own API and model, and steps aside
 * for any member the fake itself implements. It also makes `sync()` yield to
 * the page first, as a real round trip to Excel does. Preview only: in
 * Office, Excel provides all of this.
 */
import type { FakeExcel } from '../fake-excel';
import type { ExcelRun } from '../taskpane/workbookGateway';

interface WindowState {
  active: string | null;
  /** 0-based selection rectangle on the active sheet. */
  selection: { row: number; column: number; rows: number; columns: number };
}

type AnyRecord = Record<PropertyKey, unknown>;

/**
 * Adds the members in `missing` that the object lacks (members the fake has
 * win), and routes the members in `wrapped` through a wrapper (to wrap the
 * objects they return).
 */
function extend<T extends object>(target: T, missing: AnyRecord, wrapped: AnyRecord = {}): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property in wrapped) return wrapped[property];
      if (property in object) return Reflect.get(object, property, receiver) as unknown;
      return missing[property];
    },
    set(object, property, value, receiver) {
      return Reflect.set(object, property, value, receiver);
    },
  });
}

/** A loaded-looking null object, like Excel's `...OrNullObject` when nothing exists. */
function nullRange(): Excel.Range {
  const stub = {
    isNullObject: true,
    load() {
      return stub;
    },
  };
  return stub as unknown as Excel.Range;
}

export interface HostUiOptions {
  /** Extra wait per sync, in milliseconds: a real round trip's latency, so a test can press Cancel midway. */
  readonly syncDelayMs?: number;
}

export function withHostUi(fake: FakeExcel, options: HostUiOptions = {}): ExcelRun {
  const delay = Math.max(0, options.syncDelayMs ?? 0);
  const state: WindowState = { active: null, selection: { row: 0, column: 0, rows: 1, columns: 1 } };
  const activeName = (): string => {
    const sheets = fake.model.sheets;
    const found = state.active !== null ? fake.model.sheet(state.active) : undefined;
    const name = found?.name ?? sheets[0]?.name;
    if (name === undefined) throw new Error('the preview workbook has no sheet');
    return name;
  };

  const wrapRange = (range: Excel.Range, sheetName: () => string, rect: () => WindowState['selection']): Excel.Range =>
    extend(range, {
      select: () => {
        state.active = sheetName();
        state.selection = rect();
      },
    });

  const wrapSheet = (sheet: Excel.Worksheet, name: () => string): Excel.Worksheet =>
    extend(sheet, {
      activate: () => {
        state.active = name();
        state.selection = { row: 0, column: 0, rows: 1, columns: 1 };
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        // Extent of cells holding values (and, unless valuesOnly, formats too: the fake's extent covers both).
        void valuesOnly;
        const model = fake.model.sheet(name());
        const extent = model?.usedExtent();
        if (!extent || extent.lastRow < 0 || extent.lastColumn < 0) return nullRange();
        return sheet.getRangeByIndexes(0, 0, extent.lastRow + 1, extent.lastColumn + 1);
      },
    }, {
      getRange: (address?: string) => {
        const range = sheet.getRange(address);
        const cell = /^([A-Z]+)(\d+)$/.exec(address ?? '');
        const column = cell ? [...(cell[1] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : 0;
        const row = cell ? Number(cell[2]) - 1 : 0;
        return wrapRange(range, name, () => ({ row, column, rows: 1, columns: 1 }));
      },
    });

  const wrapWorksheets = (sheets: Excel.WorksheetCollection): Excel.WorksheetCollection =>
    extend(sheets, {
      getActiveWorksheet: () => {
        const name = activeName();
        return wrapSheet(sheets.getItem(name), () => name);
      },
    }, {
      getItem: (key: string) => wrapSheet(sheets.getItem(key), () => key),
      getItemOrNullObject: (key: string) => wrapSheet(sheets.getItemOrNullObject(key), () => key),
      add: (key?: string) => {
        const added = sheets.add(key);
        return wrapSheet(added, () => key ?? fake.model.sheets[fake.model.sheets.length - 1]?.name ?? '');
      },
    });

  const wrapWorkbook = (workbook: Excel.Workbook): Excel.Workbook =>
    extend(workbook, {
      getSelectedRange: () => {
        const name = activeName();
        const { row, column, rows, columns } = state.selection;
        const sheet = wrapSheet(workbook.worksheets.getItem(name), () => name);
        return sheet.getRangeByIndexes(row, column, rows, columns);
      },
    });

  // `worksheets` is a getter on the fake's workbook: route it through the wrapper too.
  const wrapContext = (context: Excel.RequestContext): Excel.RequestContext => {
    const workbook = wrapWorkbook(context.workbook);
    const workbookWithSheets = new Proxy(workbook, {
      get(object, property, receiver) {
        if (property === 'worksheets') return wrapWorksheets(Reflect.get(object, property, receiver) as Excel.WorksheetCollection);
        return Reflect.get(object, property, receiver) as unknown;
      },
    });
    // In Excel, sync() is a round trip to the host: the page paints and handles
    // clicks (Cancel) while it waits. The fake answers at once, in microtasks;
    // yielding a task first gives the preview the same rhythm.
    const sync = async (): Promise<void> => {
      await new Promise<void>((resolve) => setTimeout(resolve, delay));
      await context.sync();
    };
    return new Proxy(context, {
      get(object, property, receiver) {
        if (property === 'workbook') return workbookWithSheets;
        if (property === 'sync') return sync;
        return Reflect.get(object, property, receiver) as unknown;
      },
    });
  };

  return (batch) => fake.run((context) => batch(wrapContext(context)));
}
