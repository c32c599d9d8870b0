/**
 * Protection parts of the fake Excel that live outside api.ts: Range.sort
 * (whose one rule Tierwise cares about is protection's) and
 * Workbook.protection. They register themselves in api.ts's `fakeParts`
 * when index.ts imports this file (api.ts cannot import them: cycle).
 *
 * Rules, each with its Microsoft source:
 * - Sorting on a protected sheet needs allowSort, and even then "Users can't
 *   sort ranges that contain locked cells on a protected worksheet,
 *   regardless of this setting" ("Protect a worksheet",
 *   https://support.microsoft.com/office/protect-a-worksheet-3179efdb-1285-4d49-a9c3-f4ca36276de6,
 *   the Sort option). AccessDenied.
 * - WorkbookProtection.protect "Protects the workbook. Fails if the workbook
 *   has been protected" (@types/office-js, ExcelApi 1.7): InvalidOperation,
 *   as the worksheet's. A wrong password to unprotect fails with
 *   InvalidArgument, as for sheets.
 * - While the structure is protected, sheets cannot be added, deleted or
 *   renamed (model.ts, assertStructureUnprotected).
 */
import { expose, fakeParts, FakeClientObject, type FakeRange } from './api';
import type { FakeContextCore } from './context';
import { FakeExcelError } from './errors';
import type { CellScalar, FakeSheet } from './model';
import type { Rect } from './address';

export class FakeRangeSort extends FakeClientObject implements Pick<Excel.RangeSort, 'apply'> {
  protected readonly scalarProperties: readonly string[] = [];
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core);
  }
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'RangeSort has no properties to load.');
  }
  /**
   * Sorts the range's rows by the given fields (`key` = column offset in the
   * range), values and formulas moving with their row. The fake sorts rows
   * only (orientation Rows), by value, with Excel's order of types: numbers
   * before text before booleans, blanks last in both directions.
   */
  apply(fields: Excel.SortField[], matchCase?: boolean, hasHeaders?: boolean, orientation?: Excel.SortOrientation | 'Rows' | 'Columns'): void {
    this.core.enqueue(JSON.stringify({ fields, matchCase, hasHeaders, orientation }).length, 0, () => {
      const { sheet, rect } = this.range.resolve();
      if (orientation === 'Columns') throw new FakeExcelError('InvalidArgument', 'The fake sorts rows only.');
      assertSortAllowed(sheet, rect);
      const body: Rect = hasHeaders === true ? { ...rect, r0: rect.r0 + 1 } : rect;
      const width = rect.c1 - rect.c0 + 1;
      for (const field of fields) {
        if (!Number.isInteger(field.key) || field.key < 0 || field.key >= width) {
          throw new FakeExcelError('InvalidArgument', `Sort key ${field.key} is outside the range's ${width} columns.`);
        }
      }
      const rows: { readonly cells: { value: CellScalar; formula: CellScalar; isFormula: boolean }[] }[] = [];
      for (let r = body.r0; r <= body.r1; r += 1) {
        const cells = [];
        for (let c = body.c0; c <= body.c1; c += 1) cells.push({ value: sheet.value(r, c), formula: sheet.formula(r, c), isFormula: sheet.isFormula(r, c) });
        rows.push({ cells });
      }
      const sorted = rows
        .map((row, index) => ({ row, index }))
        .sort((a, b) => {
          for (const field of fields) {
            const order = compareCells(a.row.cells[field.key]?.value ?? '', b.row.cells[field.key]?.value ?? '', field.ascending !== false, matchCase === true);
            if (order !== 0) return order;
          }
          return a.index - b.index;
        });
      sorted.forEach(({ row }, i) => {
        const r = body.r0 + i;
        row.cells.forEach((cell, k) => {
          const c = body.c0 + k;
          if (cell.isFormula) sheet.setFormulaRaw(r, c, String(cell.formula));
          else sheet.setConstant(r, c, cell.value);
        });
      });
    });
  }
}

/** Fails like Excel when the sheet's protection forbids sorting `rect`. */
export function assertSortAllowed(sheet: FakeSheet, rect: Rect): void {
  if (!sheet.protection.protected) return;
  if (sheet.protection.options.allowSort !== true) {
    throw new FakeExcelError('AccessDenied', `The sheet "${sheet.name}" is protected without the Sort option: sorting is not allowed.`);
  }
  if (sheet.hasLockedCell(rect)) {
    throw new FakeExcelError(
      'AccessDenied',
      `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}"): the range to sort holds locked cells, which Excel never sorts on a protected sheet.`,
    );
  }
}

function typeRank(value: CellScalar): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

function compareCells(a: CellScalar, b: CellScalar, ascending: boolean, matchCase: boolean): number {
  const blankA = a === '';
  const blankB = b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  let order = typeRank(a) - typeRank(b);
  if (order === 0) {
    if (typeof a === 'number' && typeof b === 'number') order = a - b;
    else if (typeof a === 'string' && typeof b === 'string') order = matchCase ? (a < b ? -1 : a > b ? 1 : 0) : a.localeCompare(b, undefined, { sensitivity: 'base' });
    else order = Number(a) - Number(b);
  }
  return ascending ? order : -order;
}

export class FakeWorkbookProtection extends FakeClientObject implements Pick<Excel.WorkbookProtection, 'protected' | 'protect' | 'unprotect' | 'load'> {
  protected readonly scalarProperties: readonly string[] = ['protected'];
  protected snapshot(): unknown {
    return this.model.structure.protected;
  }
  get protected(): boolean {
    return this.read('protected') as boolean;
  }
  protect(password?: string): void {
    this.core.enqueue(JSON.stringify({ password: password === undefined ? null : '***' }).length, 0, () => {
      if (this.model.structure.protected) throw new FakeExcelError('InvalidOperation', 'The workbook is already protected.');
      this.model.structure.protected = true;
      this.model.structure.password = password === undefined || password === '' ? null : password;
    });
  }
  unprotect(password?: string): void {
    this.core.enqueue(JSON.stringify({ password: password === undefined ? null : '***' }).length, 0, () => {
      const structure = this.model.structure;
      if (!structure.protected) return;
      if (structure.password !== null && structure.password !== password) {
        throw new FakeExcelError('InvalidArgument', 'The password you supplied for the workbook is not correct.');
      }
      structure.protected = false;
      structure.password = null;
    });
  }
  load(propertyNames?: unknown): Excel.WorkbookProtection {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

fakeParts.rangeSort = (core, range) => new FakeRangeSort(core, range);
fakeParts.workbookProtection = (core) => new FakeWorkbookProtection(core);
