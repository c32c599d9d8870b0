/**
 * Tables: the table collections of a sheet and of the workbook, a table's
 * ranges, and its columns and rows, which grow only at the end and never on
 * a protected sheet.
 */
import { FakeExcelError } from './errors';
import { intersects, parseAddress, type Rect } from './address';
import type { FakeContextCore } from './context';
import { assertRowsFit, type FakeSheet, type FakeTable as TableModel } from './model';
import { expose, FakeClientObject, unwrap } from './client';
import { assertValidName } from './rules';
import { FakeRange, is2D } from './range';
// A runtime import in a cycle: see worksheets.ts.
import { FakeWorksheet } from './worksheets';

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
