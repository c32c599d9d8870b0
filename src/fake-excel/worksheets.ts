/**
 * Worksheets: the worksheet collection, one worksheet's ranges, protection
 * and freeze panes; Worksheet.charts is registered by charts.ts.
 */
import { FakeExcelError } from './errors';
import { parseAddress, type Rect } from './address';
import type { FakeContextCore } from './context';
import { assertRowsFit, assertStructureUnprotected, assertValidSheetName, type FakeSheet } from './model';
import { capturedWhenRun, expose, FakeClientObject, unwrap } from './client';
import { FakeRange } from './range';
// A runtime import in a cycle (tables.ts creates worksheet proxies): both
// modules use the other's classes only inside methods, never while loading.
import { FakeTableCollection } from './tables';

/**
 * Worksheet.charts lives in charts.ts (the entry of chartCollection.ts and
 * the other chart modules), which imports this module (through api.ts): it
 * registers its collection here when loaded (index.ts loads it), so the two
 * modules do not import each other at load time.
 */
let chartCollectionFactory: ((core: FakeContextCore, worksheet: FakeWorksheet) => Excel.ChartCollection) | null = null;
export function registerChartCollection(factory: (core: FakeContextCore, worksheet: FakeWorksheet) => Excel.ChartCollection): void {
  chartCollectionFactory = factory;
}

export class FakeWorksheet
  extends FakeClientObject
  implements
    Pick<
      Excel.Worksheet,
      | 'name'
      | 'tabColor'
      | 'getRange'
      | 'getCell'
      | 'getRangeByIndexes'
      | 'tables'
      | 'protection'
      | 'freezePanes'
      | 'delete'
      | 'load'
      | 'activate'
      | 'getUsedRangeOrNullObject'
      | 'charts'
    >
{
  protected readonly scalarProperties = ['name', 'tabColor', 'id', 'position'];
  /** Set when `add()` created the sheet in a batch. */
  bound: FakeSheet | null = null;

  constructor(
    core: FakeContextCore,
    /** Looks the sheet up while a batch runs; null for a missing sheet. */
    private readonly lookup: () => FakeSheet | null,
    private readonly description: string,
  ) {
    super(core);
  }

  protected override exists(): boolean {
    return (this.bound ?? this.lookup()) !== null;
  }

  sheet(): FakeSheet {
    const sheet = this.bound ?? this.lookup();
    if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet ${this.description}.`);
    return sheet;
  }

  protected snapshot(property: string): unknown {
    const sheet = this.sheet();
    if (property === 'name') return sheet.name;
    if (property === 'tabColor') return sheet.tabColor;
    if (property === 'id') return sheet.id;
    return this.model.sheets.indexOf(sheet);
  }

  get name(): string {
    return this.read('name') as string;
  }
  set name(value: string) {
    this.queue(value, 0, () => {
      const sheet = this.sheet();
      assertValidSheetName(value);
      if (value !== sheet.name) assertStructureUnprotected(this.model, `renaming the sheet "${sheet.name}"`);
      const other = this.model.sheet(value);
      if (other && other !== sheet) throw new FakeExcelError('ItemAlreadyExists', `A sheet named "${value}" already exists.`);
      sheet.name = value;
    });
  }
  get tabColor(): string {
    return this.read('tabColor') as string;
  }
  set tabColor(value: string) {
    this.queue(value, 0, () => {
      if (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value) && !/^[A-Za-z]+$/.test(value)) {
        throw new FakeExcelError('InvalidArgument', `Not a colour: ${value}.`);
      }
      this.sheet().tabColor = value;
    });
  }

  rangeAt(rect: () => Rect): FakeRange {
    return new FakeRange(this.core, () => ({ sheet: this.sheet(), rect: rect() }), () => this);
  }

  getRange(address?: string): Excel.Range {
    return expose(
      this.rangeAt(() => {
        if (address === undefined) return { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 };
        const parsed = parseAddress(address);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== this.sheet().name.toLowerCase()) {
          throw new FakeExcelError('InvalidArgument', `The address ${address} is on another sheet.`);
        }
        return parsed.rect;
      }),
    );
  }
  getCell(row: number, column: number): Excel.Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    return expose(
      this.rangeAt(() => {
        if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
          throw new FakeExcelError('InvalidArgument', 'getRangeByIndexes needs a non-negative start and a positive size.');
        }
        assertRowsFit(startRow + rowCount - 1);
        return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      }),
    );
  }
  get tables(): Excel.TableCollection {
    return expose(new FakeTableCollection(this.core, this));
  }
  get protection(): Excel.WorksheetProtection {
    return expose(new FakeWorksheetProtection(this.core, this));
  }
  /** Worksheet.charts: see charts.ts. */
  get charts(): Excel.ChartCollection {
    if (!chartCollectionFactory) throw new FakeExcelError('InvalidOperation', 'The fake charts module (fake-excel/charts.ts) is not loaded.');
    return chartCollectionFactory(this.core, this);
  }
  get freezePanes(): Excel.WorksheetFreezePanes {
    return expose(new FakeWorksheetFreezePanes(this.core, this));
  }
  delete(): void {
    this.queue({ delete: true }, 0, () => {
      this.model.deleteSheet(this.sheet());
    });
  }
  /** Worksheet.activate: "Activate the worksheet in the Excel UI"; its own last selection comes back with it. */
  activate(): void {
    this.queue({ activate: true }, 0, () => {
      this.model.activate(this.sheet());
    });
  }
  /**
   * Worksheet.getUsedRangeOrNullObject: the smallest range holding every cell
   * with a value or formatting (only values with `valuesOnly`), a null
   * object when the sheet is blank. It need not start at A1. Resolved when
   * the batch runs, so writes queued before it count.
   */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    const bounds = (): Rect | null => this.sheet().usedBounds(valuesOnly === true);
    const range = new FakeRange(
      this.core,
      () => {
        const rect = bounds();
        if (!rect) throw new FakeExcelError('ItemNotFound', `The worksheet ${this.description} is blank: it has no used range.`);
        return { sheet: this.sheet(), rect };
      },
      () => this,
      () => bounds() !== null,
    );
    return expose(range.asNullable());
  }
  load(propertyNames?: unknown): Excel.Worksheet {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeWorksheetCollection
  extends FakeClientObject
  implements Pick<Excel.WorksheetCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getActiveWorksheet' | 'items' | 'load'>
{
  protected readonly scalarProperties: readonly string[] = [];
  protected snapshot(property: string): unknown {
    if (!property.startsWith('items')) throw new FakeExcelError('InvalidArgument', `Unknown property ${property}.`);
    return this.model.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.core, () => sheet, sheet.name);
      proxy.bound = sheet;
      proxy.preload({ name: sheet.name, tabColor: sheet.tabColor, id: sheet.id });
      return proxy;
    });
  }
  get items(): Excel.Worksheet[] {
    return (this.read('items') as FakeWorksheet[]).map((w) => expose<Excel.Worksheet>(w));
  }
  add(name?: string): Excel.Worksheet {
    const proxy = new FakeWorksheet(this.core, () => null, name ?? '(new)');
    this.queue({ add: name ?? null }, 0, () => {
      proxy.bound = this.model.addSheet(name);
    });
    return expose(proxy);
  }
  getItem(key: string): Excel.Worksheet {
    return expose(new FakeWorksheet(this.core, () => this.model.sheet(key) ?? null, `"${key}"`));
  }
  getItemOrNullObject(key: string): Excel.Worksheet {
    return expose(new FakeWorksheet(this.core, () => this.model.sheet(key) ?? null, `"${key}"`).asNullable());
  }
  /** WorksheetCollection.getActiveWorksheet: the sheet active when this call runs in the batch (a later activate() does not move it). */
  getActiveWorksheet(): Excel.Worksheet {
    const active = capturedWhenRun(this.core, () => this.model.activeSheet() ?? null);
    return expose(new FakeWorksheet(this.core, active, '(active)'));
  }
  load(propertyNames?: unknown): Excel.WorksheetCollection {
    this.queueLoad(propertyNames ?? 'items');
    return expose(this);
  }
}

export class FakeWorksheetProtection
  extends FakeClientObject
  implements Pick<Excel.WorksheetProtection, 'protected' | 'options' | 'protect' | 'unprotect' | 'load'>
{
  protected readonly scalarProperties = ['protected', 'options'];
  constructor(
    core: FakeContextCore,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(core);
  }
  protected snapshot(property: string): unknown {
    const state = this.worksheet.sheet().protection;
    return property === 'options' ? { ...state.options } : state.protected;
  }
  get protected(): boolean {
    return this.read('protected') as boolean;
  }
  /** The options given to protect() (ExcelApi 1.2); the fake fills no defaults for options the caller left out. */
  get options(): Excel.WorksheetProtectionOptions {
    return this.read('options') as Excel.WorksheetProtectionOptions;
  }
  /** Excel.WorksheetProtection.protect: "Protects a worksheet. Fails if the worksheet has already been protected." */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue({ options: options ?? null, password: password === undefined ? null : '***' }, 0, () => {
      const sheet = this.worksheet.sheet();
      if (sheet.protection.protected) {
        throw new FakeExcelError('InvalidOperation', `The worksheet "${sheet.name}" is already protected.`);
      }
      sheet.protection.protected = true;
      // An empty password is no password, as in Excel's Protect Sheet dialog.
      sheet.protection.password = password === undefined || password === '' ? null : password;
      sheet.protection.options = { ...(options ?? {}) };
    });
  }
  unprotect(password?: string): void {
    this.queue({ password: password === undefined ? null : '***' }, 0, () => {
      const sheet = this.worksheet.sheet();
      if (!sheet.protection.protected) return;
      // Wrong password: InvalidArgument, the code Excel documents for a wrong protection password
      // (WorksheetProtection.pauseProtection, @types/office-js: "If the password is incorrect, then this
      // method throws an InvalidArgument error"). The fake never says what the password was.
      if (sheet.protection.password !== null && sheet.protection.password !== password) {
        throw new FakeExcelError('InvalidArgument', `The password you supplied for the sheet "${sheet.name}" is not correct.`);
      }
      sheet.protection.protected = false;
      sheet.protection.password = null;
      sheet.protection.options = {};
    });
  }
  load(propertyNames?: unknown): Excel.WorksheetProtection {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeWorksheetFreezePanes
  extends FakeClientObject
  implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'freezeAt' | 'unfreeze'>
{
  protected readonly scalarProperties: readonly string[] = [];
  constructor(
    core: FakeContextCore,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(core);
  }
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'Read freeze panes from the model.');
  }
  freezeRows(count?: number): void {
    this.queue({ rows: count ?? 1 }, 0, () => {
      this.worksheet.sheet().freeze = { rows: count ?? 1, columns: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this.queue({ columns: count ?? 1 }, 0, () => {
      this.worksheet.sheet().freeze = { rows: 0, columns: count ?? 1 };
    });
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    this.queue({ at: typeof frozenRange === 'string' ? frozenRange : 'range' }, 0, () => {
      const rect = typeof frozenRange === 'string' ? parseAddress(frozenRange).rect : unwrap(frozenRange, FakeRange).resolve().rect;
      if (rect.r0 !== 0 || rect.c0 !== 0) throw new FakeExcelError('InvalidArgument', 'freezeAt needs a range starting at A1.');
      this.worksheet.sheet().freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.queue({ unfreeze: true }, 0, () => {
      this.worksheet.sheet().freeze = null;
    });
  }
}
