/**
 * The fake Excel's in-memory workbook: sheets of cells, tables, defined names,
 * validations, conditional formats, formats and protection. The proxy layer
 * (api.ts) queues operations and applies them here at `context.sync()`.
 *
 * Storage is column-major (one array per column for values, formulas and
 * number formats), so a 100,000-row table costs a few arrays of primitives.
 *
 * No formula engine: formulas are stored, never evaluated. A formula cell's
 * `values` / `text` read as "" (Excel would show the computed result).
 *
 * Excel rules enforced here, each with its Microsoft source:
 * - Cell text is at most 32,767 characters, formulas at most 8,192, a sheet
 *   has 1,048,576 rows ("Excel specifications and limits",
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * - A string written through `values` that starts with `=`, `+` or `-`
 *   becomes a formula (Excel.Range.values in @types/office-js: "If the
 *   returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula"; OfficeDev/office-js#3256),
 *   unless the cell's number format is `@` (text) or the string starts with an
 *   apostrophe, which Excel keeps out of the value as the "quote prefix"
 *   (OfficeDev/office-js#6687: reading back returns the text without it).
 *   Like Excel, a General cell turns numeric text ("00123", "-120.5") into a
 *   number and "TRUE"/"FALSE" into booleans; dates typed as text are not
 *   parsed by the fake (documented gap).
 * - Sheet names: 1-31 characters, none of `: \ / ? * [ ]`, not starting or
 *   ending with `'`, unique ignoring case ("Rename a worksheet",
 *   https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
import { contains, intersects, MAX_ROWS, type Rect } from './address';
import { FakeExcelError } from './errors';

export type CellScalar = string | number | boolean;

export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;
export const MAX_SHEET_NAME = 31;
export const GENERAL = 'General';
export const TEXT_FORMAT = '@';

class ColumnStore {
  readonly values: (CellScalar | undefined)[] = [];
  readonly formulas: (string | undefined)[] = [];
  readonly formats: (string | undefined)[] = [];
}

/** Direct formatting applied to a rectangle; later layers win. */
export interface FormatLayer {
  readonly rect: Rect;
  readonly fill?: string | null;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontName?: string;
  readonly locked?: boolean;
}

export interface ValidationEntry {
  rect: Rect;
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert | null;
  prompt: Excel.DataValidationPrompt | null;
  ignoreBlanks: boolean;
}

export type ConditionalFormatKind = 'Custom' | 'IconSet' | 'ColorScale' | 'DataBar';

export interface ConditionalFormatEntry {
  readonly id: string;
  rect: Rect;
  readonly type: ConditionalFormatKind;
  /** Custom: the rule formula and its fill / font colour. */
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  /** IconSet. */
  iconStyle: string | null;
  iconCriteria: Excel.ConditionalIconCriterion[] | null;
  /** ColorScale. */
  colorCriteria: Excel.ConditionalColorScaleCriteria | null;
  /** DataBar. */
  barColor: string | null;
}

export interface TableColumnModel {
  name: string;
  /** The calculated-column formula that fills every body cell, or null. */
  calculatedFormula: string | null;
}

export class FakeTable {
  constructor(
    readonly id: number,
    public name: string,
    readonly sheet: FakeSheet,
    /** Row of the header (0-based). */
    readonly headerRow: number,
    readonly firstColumn: number,
    public columns: TableColumnModel[],
    public bodyRows: number,
  ) {}
  showHeaders = true;
  style = 'TableStyleMedium2';

  get lastColumn(): number {
    return this.firstColumn + this.columns.length - 1;
  }
  get firstBodyRow(): number {
    return this.headerRow + 1;
  }
  get lastBodyRow(): number {
    return this.headerRow + this.bodyRows;
  }
  rangeRect(): Rect {
    return { r0: this.headerRow, c0: this.firstColumn, r1: this.lastBodyRow, c1: this.lastColumn };
  }
  headerRect(): Rect {
    return { r0: this.headerRow, c0: this.firstColumn, r1: this.headerRow, c1: this.lastColumn };
  }
  bodyRect(): Rect {
    return { r0: this.firstBodyRow, c0: this.firstColumn, r1: this.lastBodyRow, c1: this.lastColumn };
  }
  columnIndex(key: number | string): number {
    if (typeof key === 'number') return key >= 0 && key < this.columns.length ? key : -1;
    const lower = key.toLowerCase();
    return this.columns.findIndex((c) => c.name.toLowerCase() === lower);
  }
}

export interface ProtectionState {
  protected: boolean;
  password: string | null;
  /** The options `protect()` was given (Excel.WorksheetProtectionOptions); what Excel reports while protected. */
  options: Excel.WorksheetProtectionOptions;
}

export class FakeSheet {
  tabColor = '';
  freeze: { rows: number; columns: number } | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly protection: ProtectionState = { protected: false, password: null, options: {} };
  readonly formatLayers: FormatLayer[] = [];
  validations: ValidationEntry[] = [];
  conditionalFormats: ConditionalFormatEntry[] = [];
  private readonly columns = new Map<number, ColumnStore>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  private store(column: number): ColumnStore {
    let s = this.columns.get(column);
    if (!s) {
      s = new ColumnStore();
      this.columns.set(column, s);
    }
    return s;
  }

  /** The stored constant, "" for empty and formula cells (no formula engine). */
  value(row: number, column: number): CellScalar {
    const s = this.columns.get(column);
    if (!s || s.formulas[row] !== undefined) return '';
    return s.values[row] ?? '';
  }

  /** The formula of a formula cell, else the constant (what `Range.formulas` returns). */
  formula(row: number, column: number): CellScalar {
    const s = this.columns.get(column);
    return s?.formulas[row] ?? s?.values[row] ?? '';
  }

  isFormula(row: number, column: number): boolean {
    return this.columns.get(column)?.formulas[row] !== undefined;
  }

  numberFormat(row: number, column: number): string {
    return this.columns.get(column)?.formats[row] ?? GENERAL;
  }

  /** Text as displayed: numbers in General, booleans upper case; formats other than General are not rendered. */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }

  setNumberFormat(row: number, column: number, format: string): void {
    this.store(column).formats[row] = format;
  }

  clearContents(row: number, column: number): void {
    const s = this.columns.get(column);
    if (!s) return;
    s.values[row] = undefined;
    s.formulas[row] = undefined;
  }

  setFormulaRaw(row: number, column: number, formula: string): void {
    if (formula.length > MAX_FORMULA_LENGTH) {
      throw new FakeExcelError('InvalidArgument', `A formula is limited to ${MAX_FORMULA_LENGTH} characters; got ${formula.length}.`);
    }
    const s = this.store(column);
    s.formulas[row] = formula;
    s.values[row] = undefined;
  }

  setConstant(row: number, column: number, value: CellScalar): void {
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
      throw new FakeExcelError('InvalidArgument', `A cell holds at most ${MAX_CELL_TEXT} characters; got ${value.length}.`);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new FakeExcelError('InvalidArgument', `Not a finite number: ${value}.`);
    }
    const s = this.store(column);
    s.formulas[row] = undefined;
    s.values[row] = value === '' ? undefined : value;
  }

  /**
   * Writes one input value the way Excel does for `Range.values` (`via:
   * 'values'`) or `Range.formulas` (`via: 'formulas'`). null and undefined
   * leave the cell unchanged.
   */
  writeInput(row: number, column: number, input: unknown, via: 'values' | 'formulas'): void {
    if (input === null || input === undefined) return;
    if (typeof input === 'number' || typeof input === 'boolean') {
      this.setConstant(row, column, input);
      return;
    }
    if (typeof input !== 'string') {
      throw new FakeExcelError('InvalidArgument', `Cell input must be a string, number or boolean; got ${typeof input}.`);
    }
    if (input === '') {
      this.clearContents(row, column);
      return;
    }
    if (input.startsWith("'")) {
      // The quote prefix: kept out of the value, the rest is text.
      this.setConstant(row, column, input.slice(1));
      return;
    }
    if (this.numberFormat(row, column) === TEXT_FORMAT) {
      this.setConstant(row, column, input);
      return;
    }
    if (input.startsWith('=') && input.length > 1) {
      this.setFormulaRaw(row, column, input);
      return;
    }
    const numeric = coerceNumber(input);
    if (numeric !== null) {
      this.setConstant(row, column, numeric);
      return;
    }
    if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1 && via === 'values') {
      // Excel reads `-abc` / `+abc` as the formula `=-abc` / `=+abc`.
      this.setFormulaRaw(row, column, `=${input}`);
      return;
    }
    const upper = input.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') {
      this.setConstant(row, column, upper === 'TRUE');
      return;
    }
    this.setConstant(row, column, input);
  }

  /** Clears values and formulas (`contents`) and/or number formats in a rectangle; touches stored cells only, so a whole-sheet clear is cheap. */
  clearRect(rect: Rect, contents: boolean, formats: boolean): void {
    for (const [column, s] of this.columns) {
      if (column < rect.c0 || column > rect.c1) continue;
      const last = Math.min(rect.r1, Math.max(s.values.length, s.formulas.length, s.formats.length) - 1);
      for (let r = rect.r0; r <= last; r += 1) {
        if (contents) {
          s.values[r] = undefined;
          s.formulas[r] = undefined;
        }
        if (formats) s.formats[r] = undefined;
      }
    }
  }

  /** Last used row and column (-1 when the sheet is empty). */
  usedExtent(): { lastRow: number; lastColumn: number } {
    let lastRow = -1;
    let lastColumn = -1;
    for (const [column, s] of this.columns) {
      const top = Math.max(lastIndex(s.values), lastIndex(s.formulas));
      if (top >= 0) {
        lastRow = Math.max(lastRow, top);
        lastColumn = Math.max(lastColumn, column);
      }
    }
    return { lastRow, lastColumn };
  }

  /**
   * The used range's rectangle (Worksheet.getUsedRange: "the smallest range
   * that encompasses any cells that have a value or formatting assigned to
   * them"), or null when the sheet is blank. `valuesOnly` counts only cells
   * with a value or formula. Formatting here is a stored number format; the
   * fake leaves direct-format layers (fill, font) out (documented gap).
   */
  usedBounds(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [column, s] of this.columns) {
      const arrays = valuesOnly ? [s.values, s.formulas] : [s.values, s.formulas, s.formats];
      for (const array of arrays) {
        const last = lastIndex(array);
        if (last < 0) continue;
        r1 = Math.max(r1, last);
        r0 = Math.min(r0, firstIndex(array));
        c0 = Math.min(c0, column);
        c1 = Math.max(c1, column);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Resolves direct formatting of one cell (later layers win). */
  cellFormat(row: number, column: number): Omit<FormatLayer, 'rect'> {
    const out: { -readonly [K in keyof Omit<FormatLayer, 'rect'>]: FormatLayer[K] } = {};
    for (const layer of this.formatLayers) {
      const r = layer.rect;
      if (row < r.r0 || row > r.r1 || column < r.c0 || column > r.c1) continue;
      if (layer.fill !== undefined) out.fill = layer.fill;
      if (layer.fontColor !== undefined) out.fontColor = layer.fontColor;
      if (layer.bold !== undefined) out.bold = layer.bold;
      if (layer.italic !== undefined) out.italic = layer.italic;
      if (layer.fontSize !== undefined) out.fontSize = layer.fontSize;
      if (layer.fontName !== undefined) out.fontName = layer.fontName;
      if (layer.locked !== undefined) out.locked = layer.locked;
    }
    return out;
  }

  /** True when any cell of `rect` is locked (cells are locked unless unlocked by a format layer). */
  hasLockedCell(rect: Rect): boolean {
    const layers = this.formatLayers.filter((l) => l.locked !== undefined && intersects(l.rect, rect));
    // Fast path: the last layer that covers the whole rect decides, unless later partial layers lock part of it.
    for (let i = layers.length - 1; i >= 0; i -= 1) {
      const layer = layers[i];
      if (layer && contains(layer.rect, rect)) {
        const later = layers.slice(i + 1);
        if (layer.locked === true) return true;
        return later.some((l) => l.locked === true);
      }
    }
    for (let row = rect.r0; row <= rect.r1; row += 1) {
      for (let column = rect.c0; column <= rect.c1; column += 1) {
        if (this.cellFormat(row, column).locked !== false) return true;
      }
    }
    return false;
  }

  /** Fails like Excel when a protected sheet's locked cells would change. */
  assertWritable(rect: Rect, what: string): void {
    if (this.protection.protected && this.hasLockedCell(rect)) {
      throw new FakeExcelError(
        'AccessDenied',
        `The cell or chart you're trying to change is on a protected sheet ("${this.name}"): ${what} refused.`,
      );
    }
  }
}

function firstIndex(array: readonly unknown[]): number {
  for (let i = 0; i < array.length; i += 1) if (array[i] !== undefined) return i;
  return -1;
}

function lastIndex(array: readonly unknown[]): number {
  for (let i = array.length - 1; i >= 0; i -= 1) if (array[i] !== undefined) return i;
  return -1;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The number Excel's General format makes of numeric text, or null. */
export function coerceNumber(text: string): number | null {
  if (!NUMERIC_TEXT.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

/**
 * Workbook structure protection stops sheets being added, deleted, renamed,
 * moved, hidden or unhidden ("Protect a workbook",
 * https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517:
 * "Protecting the workbook structure prevents other users from ... adding,
 * moving, deleting, hiding, and renaming worksheets"). The fake answers
 * AccessDenied, Excel's code for an operation protection forbids.
 */
export function assertStructureUnprotected(model: { readonly structure: { readonly protected: boolean } }, what: string): void {
  if (model.structure.protected) {
    throw new FakeExcelError('AccessDenied', `The workbook's structure is protected: ${what} is not allowed. Unprotect the workbook (Review > Protect Workbook) first.`);
  }
}

export function assertValidSheetName(name: string): void {
  if (name.length === 0 || name.length > MAX_SHEET_NAME) {
    throw new FakeExcelError('InvalidArgument', `A sheet name has 1 to ${MAX_SHEET_NAME} characters; "${name}" has ${name.length}.`);
  }
  if (FORBIDDEN_SHEET_CHARS.test(name)) {
    throw new FakeExcelError('InvalidArgument', `A sheet name cannot contain : \\ / ? * [ or ]: "${name}".`);
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    throw new FakeExcelError('InvalidArgument', `A sheet name cannot begin or end with an apostrophe: "${name}".`);
  }
  // Excel reserves "History" (any case) for its change-tracking sheet: support.microsoft.com, "Rename a worksheet".
  if (name.toLowerCase() === 'history') {
    throw new FakeExcelError('InvalidArgument', `"${name}" is a reserved sheet name in Excel.`);
  }
}

export interface NameEntry {
  readonly name: string;
  /** `=Settings!$B$3` */
  formula: string;
  comment: string;
  /** Shown in Name Manager. */
  visible: boolean;
}

/** Rows Excel can hold below a header: a table cannot pass row 1,048,576. */
export function assertRowsFit(lastRow: number): void {
  if (lastRow >= MAX_ROWS) {
    throw new FakeExcelError('InvalidArgument', `A worksheet has ${MAX_ROWS} rows; row ${lastRow + 1} does not exist.`);
  }
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names = new Map<string, NameEntry>();
  /** Workbook (structure) protection: while on, sheets cannot be added, deleted or renamed (see protection.ts). */
  readonly structure: { protected: boolean; password: string | null } = { protected: false, password: null };
  calculationMode: Excel.CalculationMode | 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /**
   * The workbook window: the active sheet and, per sheet, its selection.
   * Like Excel, the first sheet added is active, adding a sheet does not
   * activate it ("If you wish to activate the newly added worksheet, call
   * .activate() on it", WorksheetCollection.add), and each sheet keeps its
   * own selection (A1 until something is selected), which comes back when
   * the sheet is activated again.
   */
  private active: FakeSheet | null = null;
  private readonly selections = new Map<FakeSheet, Rect>();
  private nextSheetId = 1;
  private nextTableId = 1;
  private nextFormatId = 1;

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name?: string): FakeSheet {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n += 1;
      finalName = `Sheet${n}`;
    }
    assertValidSheetName(finalName);
    assertStructureUnprotected(this, `adding the sheet "${finalName}"`);
    if (this.sheet(finalName)) {
      throw new FakeExcelError('ItemAlreadyExists', `A sheet named "${finalName}" already exists.`);
    }
    const sheet = new FakeSheet(`{sheet-${this.nextSheetId++}}`, finalName);
    this.sheets.push(sheet);
    if (this.active === null) this.active = sheet;
    return sheet;
  }

  /** The active sheet (undefined only for a workbook with no sheet, which Excel never has). */
  activeSheet(): FakeSheet | undefined {
    return this.active ?? this.sheets[0];
  }

  activate(sheet: FakeSheet): void {
    if (!this.sheets.includes(sheet)) throw new FakeExcelError('ItemNotFound', `The sheet "${sheet.name}" is not in this workbook.`);
    this.active = sheet;
  }

  /** The selection of `sheet` (A1 until something is selected there). */
  selectionOf(sheet: FakeSheet): Rect {
    return this.selections.get(sheet) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
  }

  /** Selects `rect` on `sheet`, activating the sheet, as clicking a cell of it does. */
  select(sheet: FakeSheet, rect: Rect): void {
    this.activate(sheet);
    this.selections.set(sheet, rect);
  }

  deleteSheet(sheet: FakeSheet): void {
    assertStructureUnprotected(this, `deleting the sheet "${sheet.name}"`);
    if (this.sheets.length === 1) {
      throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    this.selections.delete(sheet);
    // Deleting the active sheet activates a neighbour: the next sheet, or the previous one when it was the last.
    if (this.active === sheet) this.active = this.sheets[i] ?? this.sheets[i - 1] ?? null;
    for (let t = this.tables.length - 1; t >= 0; t -= 1) if (this.tables[t]?.sheet === sheet) this.tables.splice(t, 1);
  }

  table(name: string): FakeTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** Table and defined names share one namespace in Excel. */
  assertNameFree(name: string, except?: FakeTable): void {
    const t = this.table(name);
    if ((t && t !== except) || this.names.has(name.toLowerCase())) {
      throw new FakeExcelError('ItemAlreadyExists', `The name "${name}" is already used by a table or a defined name.`);
    }
  }

  addTable(sheet: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    for (const other of this.tables) {
      if (other.sheet === sheet && intersects(other.rangeRect(), rect)) {
        throw new FakeExcelError('InvalidOperation', `A table can't overlap another table ("${other.name}").`);
      }
    }
    if (sheet.protection.protected) {
      // Insert > Table is unavailable on a protected sheet: a table's cells change (headers, filter buttons).
      throw new FakeExcelError('AccessDenied', `The sheet "${sheet.name}" is protected: a table cannot be added there.`);
    }
    sheet.assertWritable(rect, 'adding a table');
    let name: string;
    do name = `Table${this.nextTableId++}`;
    while (this.table(name) || this.names.has(name.toLowerCase()));
    const columns: TableColumnModel[] = [];
    const used = new Set<string>();
    let headerRow = rect.r0;
    if (!hasHeaders) {
      // Excel inserts a header row above the data; the fake requires room for it.
      if (rect.r0 === 0) throw new FakeExcelError('InvalidArgument', 'No row above the data for the header the table needs.');
      headerRow = rect.r0 - 1;
    }
    for (let c = rect.c0; c <= rect.c1; c += 1) {
      let header = hasHeaders ? sheet.text(headerRow, c).trim() : '';
      if (header === '') header = `Column${c - rect.c0 + 1}`;
      let unique = header;
      for (let k = 2; used.has(unique.toLowerCase()); k += 1) unique = `${header}${k}`;
      used.add(unique.toLowerCase());
      columns.push({ name: unique, calculatedFormula: null });
      sheet.setConstant(headerRow, c, unique);
    }
    // A table made of a header row alone gets one empty body row, as in Excel.
    const bodyRows = Math.max(1, rect.r1 - headerRow);
    assertRowsFit(headerRow + bodyRows);
    const table = new FakeTable(this.nextTableId, name, sheet, headerRow, rect.c0, columns, bodyRows);
    this.tables.push(table);
    return table;
  }

  tableAt(sheet: FakeSheet, row: number, column: number): FakeTable | undefined {
    return this.tables.find((t) => t.sheet === sheet && row >= t.headerRow && row <= t.lastBodyRow && column >= t.firstColumn && column <= t.lastColumn);
  }

  newConditionalFormatId(): string {
    return `{cf-${this.nextFormatId++}}`;
  }
}
