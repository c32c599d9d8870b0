/**
 * Range, the proxy most of Tierwise's calls go through: values, formulas and
 * number formats written and read cell by cell, derived ranges, and the
 * table bookkeeping that follows cell edits.
 */
import { FakeExcelError } from './errors';
import { intersects, qualifiedAddress, rectCells, rectColumns, rectRows, type Rect } from './address';
import type { FakeContextCore, FakeRequestRecord } from './context';
import { assertRowsFit, type FakeSheet, type FakeWorkbookModel } from './model';
import { expose, FakeClientObject, registeredPart } from './client';
import { FakeConditionalFormatCollection } from './conditionalFormats';
import { FakeRangeFormat } from './formats';
// A runtime import in a cycle (validation.ts checks `instanceof FakeRange`): see validation.ts.
import { FakeDataValidation } from './validation';
import type { FakeWorksheet } from './worksheets';

export interface Resolved {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

export function is2D(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/**
 * Checks an input against the range size: a 2D array of exactly rows x
 * columns, or one value applied to every cell (Excel's documented broadcast:
 * "If the argument is a single value, it will be applied to all cells in the
 * range", OfficeDev/office-js-docs-reference#578, OfficeDev/office-js-docs-pr#2013).
 */
export function checkShape(input: unknown, rect: Rect, property: string): 'array' | 'scalar' {
  if (is2D(input)) {
    const rows = rectRows(rect);
    const columns = rectColumns(rect);
    if (input.length !== rows || input.some((row) => row.length !== columns)) {
      throw new FakeExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: range ${rows}x${columns}, input ${input.length}x${input[0]?.length ?? 0}).`,
      );
    }
    return 'array';
  }
  if (Array.isArray(input)) throw new FakeExcelError('InvalidArgument', `${property} must be a 2D array or a single value.`);
  return 'scalar';
}

export class FakeRange
  extends FakeClientObject
  implements
    Pick<
      Excel.Range,
      | 'values'
      | 'formulas'
      | 'numberFormat'
      | 'text'
      | 'address'
      | 'rowCount'
      | 'columnCount'
      | 'rowIndex'
      | 'columnIndex'
      | 'format'
      | 'dataValidation'
      | 'conditionalFormats'
      | 'sort'
      | 'worksheet'
      | 'getCell'
      | 'getResizedRange'
      | 'getOffsetRange'
      | 'load'
      | 'clear'
      | 'select'
    >
{
  protected readonly scalarProperties = ['values', 'formulas', 'numberFormat', 'text', 'address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex'];

  constructor(
    core: FakeContextCore,
    /** Resolves the sheet and rectangle while a batch runs (tables grow, sheets are added in the same batch). */
    readonly resolve: () => Resolved,
    private readonly sheetProxy: () => FakeWorksheet,
    /** Whether the range exists, for `...OrNullObject` ranges (a blank sheet has no used range). */
    private readonly present: () => boolean = () => true,
  ) {
    super(core);
  }

  protected override exists(): boolean {
    return this.present();
  }

  protected snapshot(property: string, record: FakeRequestRecord): unknown {
    const { sheet, rect } = this.resolve();
    const grid = (cell: (row: number, column: number) => unknown): unknown[][] => {
      const cells = rectCells(rect);
      if (cells > this.core.readCellLimit()) {
        throw new FakeExcelError('RangeExceedsLimit', `The cell count in the range (${cells}) has exceeded the maximum supported number (${this.core.readCellLimit()}).`);
      }
      record.cellsRead += cells;
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c += 1) row.push(cell(r, c));
        out.push(row);
      }
      return out;
    };
    switch (property) {
      case 'values':
        return grid((r, c) => sheet.value(r, c));
      case 'formulas':
        return grid((r, c) => sheet.formula(r, c));
      case 'numberFormat':
        return grid((r, c) => sheet.numberFormat(r, c));
      case 'text':
        return grid((r, c) => sheet.text(r, c));
      case 'address':
        return qualifiedAddress(sheet.name, rect);
      case 'rowCount':
        return rectRows(rect);
      case 'columnCount':
        return rectColumns(rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      default:
        throw new FakeExcelError('InvalidArgument', `Unknown Range property ${property}.`);
    }
  }

  // Excel's d.ts types these as any[][]; unknown[][] is assignable and keeps the fake free of `any`.
  get values(): unknown[][] {
    return this.read('values') as unknown[][];
  }
  set values(input: unknown[][]) {
    this.write(input, 'values');
  }
  get formulas(): unknown[][] {
    return this.read('formulas') as unknown[][];
  }
  set formulas(input: unknown[][]) {
    this.write(input, 'formulas');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat') as unknown[][];
  }
  set numberFormat(input: unknown[][]) {
    const payload: unknown = input;
    this.queue(payload, is2D(payload) ? payload.length * (payload[0]?.length ?? 0) : 1, () => {
      const { sheet, rect } = this.resolve();
      const shape = checkShape(payload, rect, 'numberFormat');
      sheet.assertWritable(rect, 'number format');
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          const f = shape === 'array' ? (payload as unknown[][])[r - rect.r0]?.[c - rect.c0] : payload;
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') throw new FakeExcelError('InvalidArgument', 'A number format must be a string.');
          sheet.setNumberFormat(r, c, f);
        }
      }
    });
  }
  get text(): string[][] {
    return this.read('text') as string[][];
  }
  get address(): string {
    return this.read('address') as string;
  }
  get rowCount(): number {
    return this.read('rowCount') as number;
  }
  get columnCount(): number {
    return this.read('columnCount') as number;
  }
  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }
  get worksheet(): Excel.Worksheet {
    return expose(this.sheetProxy());
  }
  get format(): Excel.RangeFormat {
    return expose(new FakeRangeFormat(this.core, this));
  }
  get dataValidation(): Excel.DataValidation {
    return expose(new FakeDataValidation(this.core, this));
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return expose(new FakeConditionalFormatCollection(this.core, this));
  }
  get sort(): Excel.RangeSort {
    return expose(registeredPart('rangeSort')(this.core, this));
  }

  private derived(transform: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        const { sheet, rect } = this.resolve();
        const next = transform(rect);
        if (next.r0 < 0 || next.c0 < 0 || next.r1 < next.r0 || next.c1 < next.c0) {
          throw new FakeExcelError('InvalidArgument', 'The resulting range is outside the worksheet.');
        }
        assertRowsFit(next.r1);
        return { sheet, rect: next };
      },
      this.sheetProxy,
    );
  }

  getCell(row: number, column: number): Excel.Range {
    return expose(this.derived((r) => ({ r0: r.r0 + row, c0: r.c0 + column, r1: r.r0 + row, c1: r.c0 + column })));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return expose(this.derived((r) => ({ r0: r.r0, c0: r.c0, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns })));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return expose(this.derived((r) => ({ r0: r.r0 + rowOffset, c0: r.c0 + columnOffset, r1: r.r1 + rowOffset, c1: r.c1 + columnOffset })));
  }

  load(propertyNames?: unknown): Excel.Range {
    this.queueLoad(propertyNames);
    return expose(this);
  }

  /** Range.select: "Selects the specified range in the Excel UI"; the fake also activates the range's sheet, as a click there does. */
  select(): void {
    this.queue({ select: true }, 0, () => {
      const { sheet, rect } = this.resolve();
      this.model.select(sheet, rect);
    });
  }

  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void {
    const what = applyTo ?? 'All';
    this.queue({ clear: what }, 0, () => {
      const { sheet, rect } = this.resolve();
      sheet.assertWritable(rect, 'clear');
      const contents = what === 'All' || what === 'Contents';
      const formats = what === 'All' || what === 'Formats';
      sheet.clearRect(rect, contents, formats);
      if (formats) sheet.formatLayers.push({ rect, fill: null, fontColor: '#000000', bold: false, italic: false });
    });
  }

  private write(input: unknown, via: 'values' | 'formulas'): void {
    const cells = is2D(input) ? input.reduce((n, row) => n + row.length, 0) : 1;
    this.queue(input, cells, () => {
      const { sheet, rect } = this.resolve();
      const shape = checkShape(input, rect, via);
      sheet.assertWritable(rect, via);
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        const row = shape === 'array' ? (input as unknown[][])[r - rect.r0] : undefined;
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          sheet.writeInput(r, c, shape === 'array' ? row?.[c - rect.c0] : input, via);
        }
      }
      afterCellsChanged(this.model, sheet, rect);
    });
  }
}

/** Keeps tables in step with their cells: header text names columns; a column whose whole body holds one formula is a calculated column. */
function afterCellsChanged(model: FakeWorkbookModel, sheet: FakeSheet, rect: Rect): void {
  for (const table of model.tables) {
    if (table.sheet !== sheet || !intersects(table.rangeRect(), rect)) continue;
    for (let i = 0; i < table.columns.length; i += 1) {
      const column = table.firstColumn + i;
      if (column < rect.c0 || column > rect.c1) continue;
      const model_ = table.columns[i];
      if (!model_) continue;
      if (rect.r0 <= table.headerRow && rect.r1 >= table.headerRow) {
        const header = sheet.text(table.headerRow, column).trim();
        if (header === '') throw new FakeExcelError('InvalidArgument', 'A table header cannot be empty.');
        model_.name = header;
      }
      if (rect.r0 <= table.firstBodyRow && rect.r1 >= table.lastBodyRow) {
        const first = sheet.isFormula(table.firstBodyRow, column) ? sheet.formula(table.firstBodyRow, column) : null;
        let uniform = typeof first === 'string';
        for (let r = table.firstBodyRow + 1; uniform && r <= table.lastBodyRow; r += 1) {
          uniform = sheet.isFormula(r, column) && sheet.formula(r, column) === first;
        }
        model_.calculatedFormula = uniform && typeof first === 'string' ? first : null;
      }
    }
  }
}
