/**
 * Part of the Office.js renderer (see ../applyPlan.ts): recovering the
 * Customers table on a managed sheet that has lost it but whose table area
 * still holds data (round trip 2, inspect; see ./tableInspection.ts).
 *
 * Tierwise's own table left under Excel's default name by a build stopped
 * between `tables.add` and naming it (the {@link PENDING_TABLE_NAME} marker
 * points at it) is named, in its own sync, and rebuilt on as the existing
 * table; any other table over the area is refused (renamed by the user, or
 * theirs); with no table ("Convert to Range", or a first build stopped before
 * `tables.add`), one sync reads the header row and, when that names the key
 * column, one more makes the area a table again (else: refused).
 */
import { columnLetter } from '../../../plan/a1';
import type { SheetPlan, TablePlan, WorkbookPlan } from '../../../plan/types';
import type { BuildInterruptedError, BuildStep } from '../errors';
import { sheetOfAddress } from '../readSettings';
import { sheetPlanOf } from './sheets';
import {
  PENDING_TABLE_NAME,
  pendingTableFormula,
  queuePendingTableMarker,
  tableMeetsArea,
  tablesOnSheet,
  type ExistingTableInfo,
  type SheetTable,
} from './table';

export interface TableAreaRecoveryContext {
  readonly workbook: Excel.Workbook;
  readonly plan: WorkbookPlan;
  readonly tablePlan: TablePlan;
  /** The managed sheet the plan's table belongs on (it exists, without a table of the plan's name). */
  readonly sheet: { readonly plan: SheetPlan; readonly proxy: Excel.Worksheet };
  /** That sheet's used range (cells with values only), loaded, not null, and meeting the table's area. */
  readonly used: Excel.Range;
  /** Where the {@link PENDING_TABLE_NAME} marker points (loaded), or null for a plan without a table. */
  readonly pendingRange: Excel.Range | null;
  /** Whether the marker name exists now (so the batch that sets it updates rather than adds it). */
  readonly pendingMarker: boolean;
  readonly sync: () => Promise<void>;
  readonly setStep: (step: BuildStep) => void;
  /** The refusal: the area holds data Tierwise cannot rebuild on. */
  readonly tableMissing: (table: TablePlan, cause?: unknown) => BuildInterruptedError;
  /** A sync that may have run `tables.add` failed part-way: the error, with whether a table is now there. */
  readonly withTableRecounted: (error: unknown) => Promise<unknown>;
}

/** The table named or made again over the area, then treated as the existing table. */
export interface TableAreaRecovery {
  readonly table: Excel.Table;
  readonly existing: ExistingTableInfo;
}

/**
 * Recovers the table over a managed area that holds values but no table of
 * Tierwise's name (see the module's comment). Resolves with the table named
 * or made again, or null when the area's header row names the key column
 * over no body rows (nothing of the user's: built afresh); throws the
 * refusal (`tableMissing`) otherwise. The marker is deleted in the sync that
 * names the table: once this resolves with a table, it no longer exists.
 */
export async function recoverTableArea(o: TableAreaRecoveryContext): Promise<TableAreaRecovery | null> {
  const { workbook, plan, tablePlan, sheet: tableSheetProbe, used: usedProbe, pendingRange, pendingMarker, sync, tableMissing, withTableRecounted } = o;
  const keyPlanColumn = tablePlan.columns.find((c) => c.key === tablePlan.keyColumn) ?? tablePlan.columns.find((c) => c.header === tablePlan.keyColumn);
  /** Headers a table over the area may have to be rebuilt on: they name the key column, none twice. */
  const rebuildableHeaders = (headers: readonly string[]): boolean => {
    const lower = headers.map((h) => h.toLowerCase());
    return keyPlanColumn !== undefined && lower.includes(keyPlanColumn.header.toLowerCase()) && new Set(lower).size === lower.length;
  };
  // The area holds values but no table of Tierwise's name: list the sheet's tables (one or two more syncs,
  // only on this path) to see what is over the area.
  const areaTables: SheetTable[] = (await tablesOnSheet(tableSheetProbe.proxy, sync)).filter((t) => tableMeetsArea(t, tablePlan));
  const markerAt =
    pendingRange && !pendingRange.isNullObject && sheetOfAddress(pendingRange.address)?.toLowerCase() === tableSheetProbe.plan.name.toLowerCase()
      ? { row: pendingRange.rowIndex, column: pendingRange.columnIndex }
      : null;
  const left = areaTables.find((t) => markerAt && t.headerRow === markerAt.row && t.firstColumn === markerAt.column && t.headerRow === tablePlan.row && t.firstColumn === tablePlan.column);
  if (left && rebuildableHeaders(left.headers)) {
    // Tierwise's own table, left under Excel's default name by a build stopped between `tables.add` and naming
    // it (the marker says so): name it, alone in its sync, and rebuild on it as on an existing table.
    o.setStep('prepare');
    left.table.name = tablePlan.name;
    workbook.names.getItem(PENDING_TABLE_NAME).delete();
    try {
      await sync();
    } catch (error) {
      throw await withTableRecounted(error);
    }
    o.setStep('inspect');
    return { table: left.table, existing: { headers: left.headers, headerRow: left.headerRow, firstColumn: left.firstColumn, bodyRows: left.bodyRows } };
  } else if (areaTables.length > 0) {
    // Another table over the area: Tierwise's renamed by the user, or one of theirs. Never taken: refused, nothing written.
    throw tableMissing(tablePlan);
  }

  // The area holds values without a table: a "Convert to Range", or a first build stopped between writing
  // the cells and `tables.add`. If its header row names the key column, it is the previous table's data:
  // read its header row (one more sync, only on this path) and rebuild on it as on an existing table.
  const lastRow = usedProbe.rowIndex + usedProbe.rowCount - 1;
  const width = usedProbe.columnIndex + usedProbe.columnCount - tablePlan.column;
  const headerCells = tableSheetProbe.proxy.getRangeByIndexes(tablePlan.row, tablePlan.column, 1, width).load('values');
  await sync();
  const headerValues = headerCells.values[0] ?? [];
  const blankAt = headerValues.findIndex((v) => v === '' || v === null);
  const areaHeaders = headerValues.slice(0, blankAt < 0 ? headerValues.length : blankAt).map((v) => String(v));
  const bodyRows = Math.max(0, lastRow - tablePlan.row);
  let recoveredArea: ExistingTableInfo | null = null;
  if (rebuildableHeaders(areaHeaders) && bodyRows > 0) {
    recoveredArea = { headers: areaHeaders, headerRow: tablePlan.row, firstColumn: tablePlan.column, bodyRows };
  } else if (!rebuildableHeaders(areaHeaders)) {
    throw tableMissing(tablePlan);
  }
  // A header row naming the key over no body rows holds nothing of the user's: built afresh below.
  if (!recoveredArea) return null;

  // Make the area a table again, alone in its sync, before anything else is written (no table is over the
  // area: checked above; were one there, `tables.add` would fail here and the build stop with nothing written).
  o.setStep('prepare');
  const area = recoveredArea;
  const address = `${columnLetter(area.firstColumn)}${area.headerRow + 1}:${columnLetter(area.firstColumn + area.headers.length - 1)}${area.headerRow + area.bodyRows + 1}`;
  const areaSheetName = sheetPlanOf(plan, tablePlan.sheet).name;
  queuePendingTableMarker(workbook, pendingMarker, pendingTableFormula(areaSheetName, area.headerRow, area.firstColumn));
  const recreated = workbook.worksheets.getItem(areaSheetName).tables.add(address, true);
  recreated.name = tablePlan.name;
  workbook.names.getItem(PENDING_TABLE_NAME).delete();
  recreated.style = tablePlan.style;
  try {
    await sync();
  } catch (error) {
    const code = (error as BuildInterruptedError).cause as { code?: unknown } | undefined;
    if (code?.code === 'InvalidOperation' || code?.code === 'InvalidArgument') throw tableMissing(tablePlan, error);
    throw await withTableRecounted(error);
  }
  o.setStep('inspect');
  return { table: recreated, existing: recoveredArea };
}
