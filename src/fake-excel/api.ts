/**
 * Proxy objects of the fake Excel, typed against @types/office-js: each class
 * `implements Pick<Excel.X, ...>` of the members Tierwise uses, so a
 * misspelled or mistyped member does not compile. Setters and methods queue
 * operations; `load()` + `sync()` make properties readable; reading before
 * that throws `PropertyNotLoaded` (Microsoft: "Call load on an object",
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 *
 * Objects are exposed to callers as the real Excel types through
 * {@link expose}, the one place where a fake object is cast to an Excel type.
 */
import { FakeExcelError } from './errors';
import {
  intersects,
  parseAddress,
  qualifiedAddress,
  type Rect,
} from './address';
import type { FakeContextCore } from './context';
import {
  assertRowsFit,
  assertStructureUnprotected,
  assertValidSheetName,
  type FakeSheet,
  type FakeTable as TableModel,
  type NameEntry,
} from './model';
import { capturedWhenRun, expose, FakeClientObject, registeredPart, unwrap } from './client';
import { assertTextLimit, assertValidName } from './rules';
import { FakeRange, is2D, type Resolved } from './range';

export { expose, FakeClientObject, fakeParts } from './client';
export { hasStructuredReference, MAX_VALIDATION_FORMULA } from './rules';
export { FakeRange } from './range';
export {
  FakeRangeFormat,
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  FakeRangeFill,
  FakeRangeFont,
  FakeFormatProtection,
} from './formats';
export { MAX_ALERT_TITLE, MAX_ALERT_MESSAGE, MAX_PROMPT_MESSAGE, FakeDataValidation } from './validation';
export {
  FakeConditionalFormatCollection,
  FakeConditionalFormat,
  FakeCustomConditionalFormat,
  FakeConditionalFormatRule,
  FakeConditionalRangeFormat,
  FakeConditionalRangeFill,
  FakeConditionalRangeFont,
  FakeIconSetConditionalFormat,
  FakeColorScaleConditionalFormat,
  FakeDataBarConditionalFormat,
  FakeDataBarPositiveFormat,
} from './conditionalFormats';

/**
 * A table cannot grow on a protected sheet, whatever its cells' Locked
 * setting and the allowInsertRows option: Excel neither expands a table by
 * typing below it nor inserts table rows or columns there (DESIGN.md §4; no
 * Microsoft page in our corpus states it for the API, so it is on
 * docs/real-excel-checklist.md). AccessDenied, like other protected edits.
 */
export function assertTableCanGrow(sheet: FakeSheet, table: string): void {
  if (sheet.protection.protected) {
    throw new FakeExcelError('AccessDenied', `The table "${table}" is on a protected sheet ("${sheet.name}"): a table cannot grow while its sheet is protected.`);
  }
}

/* ------------------------------------------------------------------ worksheets */

/**
 * Worksheet.charts lives in charts.ts, which imports this module: it
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

/* ------------------------------------------------------------------ tables */

export class FakeTableCollection
  extends FakeClientObject
  implements Pick<Excel.TableCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'items' | 'load'>
{
  protected readonly scalarProperties: readonly string[] = [];
  constructor(
    core: FakeContextCore,
    /** The sheet of `worksheet.tables`; null for `workbook.tables`. */
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(core);
  }
  /** `load('items/name')` (TableCollection.items, ExcelApi 1.1): the tables of the sheet (or workbook) when the load runs, each bound to its table. */
  protected snapshot(property: string): unknown {
    if (!property.startsWith('items')) throw new FakeExcelError('InvalidArgument', `Unknown property ${property}.`);
    const sheet = this.worksheet?.sheet() ?? null;
    return this.model.tables
      .filter((t) => sheet === null || t.sheet === sheet)
      .map((t) => {
        const proxy = new FakeTable(this.core, () => t, `"${t.name}"`);
        proxy.bound = t;
        proxy.preload({ name: t.name, showHeaders: t.showHeaders, style: t.style, id: String(t.id) });
        return proxy;
      });
  }
  get items(): Excel.Table[] {
    return (this.read('items') as FakeTable[]).map((t) => expose<Excel.Table>(t));
  }
  load(propertyNames?: unknown): Excel.TableCollection {
    this.queueLoad(propertyNames ?? 'items');
    return expose(this);
  }
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    const proxy = new FakeTable(this.core, () => null, '(new)');
    const payload = typeof address === 'string' ? address : 'range';
    this.queue({ address: payload, hasHeaders }, 0, () => {
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof address === 'string') {
        const parsed = parseAddress(address);
        const named = parsed.sheet === null ? null : (this.model.sheet(parsed.sheet) ?? null);
        if (parsed.sheet !== null && !named) throw new FakeExcelError('ItemNotFound', `No sheet "${parsed.sheet}".`);
        const owner = this.worksheet?.sheet() ?? named;
        if (!owner) throw new FakeExcelError('InvalidArgument', 'workbook.tables.add needs a sheet-qualified address.');
        if (named && named !== owner) throw new FakeExcelError('InvalidArgument', 'The address is on another sheet.');
        sheet = owner;
        rect = parsed.rect;
      } else {
        const resolved = unwrap(address, FakeRange).resolve();
        sheet = resolved.sheet;
        rect = resolved.rect;
      }
      proxy.bound = this.model.addTable(sheet, rect, hasHeaders);
    });
    return expose(proxy);
  }
  getItem(key: string): Excel.Table {
    return expose(
      new FakeTable(
        this.core,
        () => {
          const t = this.model.table(key);
          if (!t) return null;
          if (this.worksheet && t.sheet !== this.worksheet.sheet()) return null;
          return t;
        },
        `"${key}"`,
      ),
    );
  }
  getItemOrNullObject(key: string): Excel.Table {
    return expose(unwrap(this.getItem(key), FakeTable).asNullable());
  }
}

export class FakeTable
  extends FakeClientObject
  implements
    Pick<
      Excel.Table,
      'name' | 'showHeaders' | 'style' | 'columns' | 'rows' | 'getRange' | 'getDataBodyRange' | 'getHeaderRowRange' | 'worksheet' | 'delete' | 'load'
    >
{
  protected readonly scalarProperties = ['name', 'showHeaders', 'style', 'id'];
  bound: TableModel | null = null;
  constructor(
    core: FakeContextCore,
    private readonly lookup: () => TableModel | null,
    private readonly description: string,
  ) {
    super(core);
  }
  protected override exists(): boolean {
    return (this.bound ?? this.lookup()) !== null;
  }
  table(): TableModel {
    const t = this.bound ?? this.lookup();
    if (!t || !this.model.tables.includes(t)) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: table ${this.description}.`);
    return t;
  }
  protected snapshot(property: string): unknown {
    const t = this.table();
    if (property === 'name') return t.name;
    if (property === 'showHeaders') return t.showHeaders;
    if (property === 'style') return t.style;
    return String(t.id);
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(value: string) {
    this.queue(value, 0, () => {
      const t = this.table();
      assertValidName(value, 'table');
      this.model.assertNameFree(value, t);
      t.name = value;
    });
  }
  get showHeaders(): boolean {
    return this.read('showHeaders') as boolean;
  }
  set showHeaders(value: boolean) {
    this.queue(value, 0, () => {
      this.table().showHeaders = value;
    });
  }
  get style(): string {
    return this.read('style') as string;
  }
  set style(value: string) {
    this.queue(value, 0, () => {
      this.table().style = value;
    });
  }
  private sheetProxy(): FakeWorksheet {
    const proxy = new FakeWorksheet(this.core, () => this.table().sheet, `of table ${this.description}`);
    return proxy;
  }
  get worksheet(): Excel.Worksheet {
    return expose(this.sheetProxy());
  }
  private rangeOf(rect: (t: TableModel) => Rect): FakeRange {
    const sheet = this.sheetProxy();
    return new FakeRange(this.core, () => {
      const t = this.table();
      return { sheet: t.sheet, rect: rect(t) };
    }, () => sheet);
  }
  getRange(): Excel.Range {
    return expose(this.rangeOf((t) => t.rangeRect()));
  }
  getDataBodyRange(): Excel.Range {
    return expose(this.rangeOf((t) => t.bodyRect()));
  }
  getHeaderRowRange(): Excel.Range {
    return expose(this.rangeOf((t) => t.headerRect()));
  }
  get columns(): Excel.TableColumnCollection {
    return expose(new FakeTableColumnCollection(this.core, this));
  }
  get rows(): Excel.TableRowCollection {
    return expose(new FakeTableRowCollection(this.core, this));
  }
  columnRange(index: () => number, part: 'body' | 'all' | 'header'): FakeRange {
    return this.rangeOf((t) => {
      const c = t.firstColumn + index();
      const r0 = part === 'body' ? t.firstBodyRow : t.headerRow;
      const r1 = part === 'header' ? t.headerRow : t.lastBodyRow;
      return { r0, c0: c, r1, c1: c };
    });
  }
  delete(): void {
    this.queue({ delete: true }, 0, () => {
      const t = this.table();
      this.model.tables.splice(this.model.tables.indexOf(t), 1);
    });
  }
  load(propertyNames?: unknown): Excel.Table {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeTableColumnCollection
  extends FakeClientObject
  implements Pick<Excel.TableColumnCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'items' | 'count' | 'load'>
{
  protected readonly scalarProperties = ['count'];
  constructor(
    core: FakeContextCore,
    private readonly table: FakeTable,
  ) {
    super(core);
  }
  protected snapshot(property: string): unknown {
    const t = this.table.table();
    if (property === 'count') return t.columns.length;
    return t.columns.map((c, i) => {
      const proxy = new FakeTableColumn(this.core, this.table, () => i, c.name);
      proxy.preload({ name: c.name, index: i });
      return proxy;
    });
  }
  get items(): Excel.TableColumn[] {
    return (this.read('items') as FakeTableColumn[]).map((c) => expose<Excel.TableColumn>(c));
  }
  get count(): number {
    return this.read('count') as number;
  }
  /** Appends a column (the fake supports index = undefined or the column count only). */
  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): Excel.TableColumn {
    let createdIndex = -1;
    const proxy = new FakeTableColumn(this.core, this.table, () => createdIndex, name ?? '(new)');
    this.queue({ index: index ?? null, values: values ?? null, name: name ?? null }, 0, () => {
      const t = this.table.table();
      if (index !== undefined && index !== null && index !== t.columns.length) {
        throw new FakeExcelError('InvalidArgument', 'The fake appends table columns only (index must be omitted or equal the column count).');
      }
      const column = t.lastColumn + 1;
      const rect: Rect = { r0: t.headerRow, c0: column, r1: t.lastBodyRow, c1: column };
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        if (t.sheet.formula(r, column) !== '') {
          throw new FakeExcelError('InvalidOperation', 'The fake does not shift cells: the column right of the table must be empty.');
        }
      }
      assertTableCanGrow(t.sheet, t.name);
      t.sheet.assertWritable(rect, 'table column');
      let header = name ?? `Column${t.columns.length + 1}`;
      if (is2D(values) && name === undefined) header = String(values[0]?.[0] ?? header);
      this.model.tables.forEach((other) => {
        if (other !== t && other.sheet === t.sheet && intersects(other.rangeRect(), rect)) throw new FakeExcelError('InvalidOperation', 'Tables would overlap.');
      });
      if (t.columnIndex(header) >= 0) throw new FakeExcelError('ItemAlreadyExists', `The table already has a column "${header}".`);
      t.columns.push({ name: header, calculatedFormula: null });
      t.sheet.setConstant(t.headerRow, column, header);
      for (let r = t.firstBodyRow; r <= t.lastBodyRow; r += 1) {
        t.sheet.setNumberFormat(r, column, t.sheet.numberFormat(r, column - 1));
        if (is2D(values)) t.sheet.writeInput(r, column, values[r - t.headerRow]?.[0], 'values');
        else if (values !== undefined) t.sheet.writeInput(r, column, values, 'values');
      }
      createdIndex = t.columns.length - 1;
    });
    return expose(proxy);
  }
  getItem(key: number | string): Excel.TableColumn {
    return expose(new FakeTableColumn(this.core, this.table, () => this.table.table().columnIndex(key), String(key)));
  }
  getItemOrNullObject(key: number | string): Excel.TableColumn {
    return expose(unwrap(this.getItem(key), FakeTableColumn).asNullable());
  }
  load(propertyNames?: unknown): Excel.TableColumnCollection {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeTableColumn
  extends FakeClientObject
  implements Pick<Excel.TableColumn, 'name' | 'index' | 'getDataBodyRange' | 'getRange' | 'getHeaderRowRange' | 'load'>
{
  protected readonly scalarProperties = ['name', 'index'];
  constructor(
    core: FakeContextCore,
    private readonly table: FakeTable,
    private readonly position: () => number,
    private readonly description: string,
  ) {
    super(core);
  }
  protected override exists(): boolean {
    return this.position() >= 0;
  }
  private resolvedIndex(): number {
    const i = this.position();
    if (i < 0) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: table column ${this.description}.`);
    return i;
  }
  protected snapshot(property: string): unknown {
    const i = this.resolvedIndex();
    return property === 'index' ? i : this.table.table().columns[i]?.name;
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(value: string) {
    this.queue(value, 0, () => {
      const t = this.table.table();
      const i = this.resolvedIndex();
      const existing = t.columnIndex(value);
      if (existing >= 0 && existing !== i) throw new FakeExcelError('ItemAlreadyExists', `The table already has a column "${value}".`);
      const column = t.columns[i];
      if (column) column.name = value;
      t.sheet.setConstant(t.headerRow, t.firstColumn + i, value);
    });
  }
  get index(): number {
    return this.read('index') as number;
  }
  getDataBodyRange(): Excel.Range {
    return expose(this.table.columnRange(() => this.resolvedIndex(), 'body'));
  }
  getRange(): Excel.Range {
    return expose(this.table.columnRange(() => this.resolvedIndex(), 'all'));
  }
  getHeaderRowRange(): Excel.Range {
    return expose(this.table.columnRange(() => this.resolvedIndex(), 'header'));
  }
  load(propertyNames?: unknown): Excel.TableColumn {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeTableRow extends FakeClientObject implements Pick<Excel.TableRow, 'index' | 'load'> {
  protected readonly scalarProperties = ['index'];
  rowIndex = -1;
  protected snapshot(): unknown {
    return this.rowIndex;
  }
  get index(): number {
    return this.read('index') as number;
  }
  load(propertyNames?: unknown): Excel.TableRow {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeTableRowCollection extends FakeClientObject implements Pick<Excel.TableRowCollection, 'add' | 'count' | 'load'> {
  protected readonly scalarProperties = ['count'];
  constructor(
    core: FakeContextCore,
    private readonly table: FakeTable,
  ) {
    super(core);
  }
  protected snapshot(): unknown {
    return this.table.table().bodyRows;
  }
  get count(): number {
    return this.read('count') as number;
  }
  /**
   * Appends rows at the end of the table (the fake supports index = undefined
   * or the row count only). Like Excel: the new rows take the number formats
   * of the last body row, calculated columns fill them with their formula
   * (unless the input gives a value for that cell), and validations and
   * conditional formats that cover a whole table column grow with it.
   */
  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, alwaysInsert?: boolean): Excel.TableRow {
    const row = new FakeTableRow(this.core);
    const cells = is2D(values) ? values.reduce((n, r) => n + r.length, 0) : 1;
    this.queue({ index: index ?? null, values: values ?? null, alwaysInsert: alwaysInsert ?? null }, cells, () => {
      const t = this.table.table();
      if (index !== undefined && index !== null && index !== t.bodyRows) {
        throw new FakeExcelError('InvalidArgument', 'The fake appends table rows only (index must be omitted or equal the row count).');
      }
      const rows: unknown[][] = is2D(values) ? values : [new Array<unknown>(t.columns.length).fill(values ?? null)];
      if (rows.some((r) => r.length !== t.columns.length)) {
        throw new FakeExcelError('InvalidArgument', `Each added row needs ${t.columns.length} values.`);
      }
      const first = t.lastBodyRow + 1;
      const last = t.lastBodyRow + rows.length;
      assertRowsFit(last);
      const rect: Rect = { r0: first, c0: t.firstColumn, r1: last, c1: t.lastColumn };
      assertTableCanGrow(t.sheet, t.name);
      t.sheet.assertWritable(rect, 'table rows');
      for (let r = first; r <= last; r += 1) {
        for (let c = t.firstColumn; c <= t.lastColumn; c += 1) {
          if (t.sheet.formula(r, c) !== '') {
            throw new FakeExcelError('InvalidOperation', 'The fake does not shift cells: the rows below the table must be empty.');
          }
        }
      }
      const templateRow = t.lastBodyRow;
      for (let i = 0; i < rows.length; i += 1) {
        const r = first + i;
        for (let k = 0; k < t.columns.length; k += 1) {
          const c = t.firstColumn + k;
          t.sheet.setNumberFormat(r, c, t.sheet.numberFormat(templateRow, c));
          const input = rows[i]?.[k];
          const calculated = t.columns[k]?.calculatedFormula ?? null;
          if (calculated !== null && (input === null || input === undefined || input === '')) t.sheet.setFormulaRaw(r, c, calculated);
          else t.sheet.writeInput(r, c, input, 'values');
        }
      }
      const oldLast = t.lastBodyRow;
      t.bodyRows += rows.length;
      const grow = (target: { rect: Rect }): void => {
        const g = target.rect;
        if (g.r1 === oldLast && g.r0 >= t.firstBodyRow && g.c0 >= t.firstColumn && g.c1 <= t.lastColumn) {
          target.rect = { ...g, r1: t.lastBodyRow };
        }
      };
      t.sheet.validations.forEach(grow);
      t.sheet.conditionalFormats.forEach(grow);
      row.rowIndex = t.bodyRows - 1;
    });
    return expose(row);
  }
  load(propertyNames?: unknown): Excel.TableRowCollection {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

/* ------------------------------------------------------------------ names, application, workbook */

/**
 * The range a defined name refers to (`NamedItem.getRangeOrNullObject`): a
 * null object when the name is missing, is not a plain `=Sheet!A1:B2`
 * reference (a constant or a formula), or its sheet is gone.
 */
class FakeNamedRange extends FakeRange {
  constructor(
    core: FakeContextCore,
    private readonly target: () => Resolved | null,
    sheetProxy: () => FakeWorksheet,
  ) {
    super(
      core,
      () => {
        const found = target();
        if (!found) throw new FakeExcelError('ItemNotFound', "The requested resource doesn't exist: the name refers to no range.");
        return found;
      },
      sheetProxy,
    );
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
}

export class FakeNamedItem
  extends FakeClientObject
  implements Pick<Excel.NamedItem, 'name' | 'formula' | 'comment' | 'visible' | 'delete' | 'load' | 'getRangeOrNullObject'>
{
  protected readonly scalarProperties = ['name', 'formula', 'comment', 'visible'];
  constructor(
    core: FakeContextCore,
    private readonly key: string,
  ) {
    super(core);
  }
  protected override exists(): boolean {
    return this.model.names.has(this.key.toLowerCase());
  }
  private entry(): NameEntry {
    const e = this.model.names.get(this.key.toLowerCase());
    if (!e) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: name "${this.key}".`);
    return e;
  }
  protected snapshot(property: string): unknown {
    const e = this.entry();
    if (property === 'name') return e.name;
    if (property === 'formula') return e.formula;
    if (property === 'visible') return e.visible;
    return e.comment;
  }
  get name(): string {
    return this.read('name') as string;
  }
  // Excel's d.ts types NamedItem.formula as any; unknown is assignable and keeps the fake free of `any`.
  get formula(): unknown {
    return this.read('formula');
  }
  set formula(value: unknown) {
    this.queue(value, 0, () => {
      if (typeof value !== 'string') throw new FakeExcelError('InvalidArgument', 'A name formula must be a string.');
      this.entry().formula = value.startsWith('=') ? value : `=${value}`;
    });
  }
  get comment(): string {
    return this.read('comment') as string;
  }
  set comment(value: string) {
    this.queue(value, 0, () => {
      this.entry().comment = value;
    });
  }
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.queue(value, 0, () => {
      this.entry().visible = value;
    });
  }
  delete(): void {
    this.queue({ delete: this.key }, 0, () => {
      this.entry();
      this.model.names.delete(this.key.toLowerCase());
    });
  }
  getRangeOrNullObject(): Excel.Range {
    const target = (): Resolved | null => {
      const entry = this.model.names.get(this.key.toLowerCase());
      if (!entry) return null;
      let parsed: ReturnType<typeof parseAddress>;
      try {
        parsed = parseAddress(entry.formula.replace(/^=/, ''));
      } catch (error) {
        // Not a reference (e.g. `=0.5` or `=TODAY()`): Excel answers with a null object.
        if (error instanceof FakeExcelError) return null;
        throw error;
      }
      const sheet = parsed.sheet === null ? undefined : this.model.sheet(parsed.sheet);
      return sheet ? { sheet, rect: parsed.rect } : null;
    };
    const sheetProxy = new FakeWorksheet(this.core, () => target()?.sheet ?? null, `of name "${this.key}"`);
    return expose(new FakeNamedRange(this.core, target, () => sheetProxy).asNullable());
  }
  load(propertyNames?: unknown): Excel.NamedItem {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeNamedItemCollection
  extends FakeClientObject
  implements Pick<Excel.NamedItemCollection, 'add' | 'getItem' | 'getItemOrNullObject'>
{
  protected readonly scalarProperties: readonly string[] = [];
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'Load names one by one.');
  }
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const ref = typeof reference === 'string' ? reference : 'range';
    this.queue({ name, reference: ref, comment: comment ?? null }, 0, () => {
      assertValidName(name, 'defined');
      // Name Manager: a comment holds at most 255 characters.
      assertTextLimit(comment, 255, 'A name comment');
      this.model.assertNameFree(name);
      let formula: string;
      if (typeof reference === 'string') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
      } else {
        const { sheet, rect } = unwrap(reference, FakeRange).resolve();
        formula = `=${qualifiedAddress(sheet.name, rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      this.model.names.set(name.toLowerCase(), { name, formula, comment: comment ?? '', visible: true });
    });
    return expose(new FakeNamedItem(this.core, name));
  }
  getItem(name: string): Excel.NamedItem {
    return expose(new FakeNamedItem(this.core, name));
  }
  getItemOrNullObject(name: string): Excel.NamedItem {
    return expose(new FakeNamedItem(this.core, name).asNullable());
  }
}

export class FakeApplication
  extends FakeClientObject
  implements Pick<Excel.Application, 'calculationMode' | 'calculate' | 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync' | 'load'>
{
  protected readonly scalarProperties = ['calculationMode'];
  protected snapshot(): unknown {
    return this.model.calculationMode;
  }
  get calculationMode(): Excel.Application['calculationMode'] {
    return this.read('calculationMode') as Excel.Application['calculationMode'];
  }
  set calculationMode(value: Excel.Application['calculationMode']) {
    this.queue(value, 0, () => {
      this.model.calculationMode = value;
    });
  }
  /** Recalculation is recorded, not performed: the fake has no formula engine. */
  calculate(calculationType: Excel.CalculationType | 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.queue({ calculate: calculationType }, 0, () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.core.enqueue(0, 0, (record) => {
      record.calculationSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.core.enqueue(0, 0, (record) => {
      record.screenUpdatingSuspended = true;
    });
  }
  load(propertyNames?: unknown): Excel.Application {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeWorkbook
  extends FakeClientObject
  implements Pick<Excel.Workbook, 'worksheets' | 'tables' | 'names' | 'application' | 'protection' | 'getSelectedRange'>
{
  protected readonly scalarProperties: readonly string[] = [];
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'The fake workbook has no loadable scalar properties.');
  }
  get worksheets(): Excel.WorksheetCollection {
    return expose(new FakeWorksheetCollection(this.core));
  }
  get tables(): Excel.TableCollection {
    return expose(new FakeTableCollection(this.core, null));
  }
  get names(): Excel.NamedItemCollection {
    return expose(new FakeNamedItemCollection(this.core));
  }
  get application(): Excel.Application {
    return expose(new FakeApplication(this.core));
  }
  /** Workbook.protection (ExcelApi 1.7): structure protection, in protection.ts. */
  get protection(): Excel.WorkbookProtection {
    return expose(registeredPart('workbookProtection')(this.core));
  }
  /** Workbook.getSelectedRange: the active sheet's selection (A1 until a Range.select()), as of this call in the batch. */
  getSelectedRange(): Excel.Range {
    const selected = capturedWhenRun(this.core, (): Resolved | null => {
      const sheet = this.model.activeSheet();
      return sheet ? { sheet, rect: this.model.selectionOf(sheet) } : null;
    });
    const resolve = (): Resolved => {
      const found = selected();
      if (!found) throw new FakeExcelError('ItemNotFound', 'The workbook has no sheet, so nothing is selected.');
      return found;
    };
    const sheetProxy = new FakeWorksheet(this.core, () => selected()?.sheet ?? null, '(of the selection)');
    return expose(new FakeRange(this.core, resolve, () => sheetProxy));
  }
}

/** Context methods Tierwise uses, typed against Excel.RequestContext. */
export class FakeRequestContext implements Pick<Excel.RequestContext, 'workbook' | 'application' | 'sync'> {
  readonly workbook: Excel.Workbook;
  readonly application: Excel.Application;
  constructor(private readonly core: FakeContextCore) {
    this.workbook = expose(new FakeWorkbook(core));
    this.application = expose(new FakeApplication(core));
  }
  async sync<T>(passThroughValue?: T): Promise<T> {
    await this.core.sync();
    return passThroughValue as T;
  }
}

