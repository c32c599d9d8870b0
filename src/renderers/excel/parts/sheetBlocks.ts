/**
 * Part of the Office.js renderer (see ../applyPlan.ts): a sheet's cells in
 * blocks under the request budget. A sheet of a few hundred cells (Settings,
 * Summary) is queued whole, as before, and costs no sync of its own; a sheet
 * whose cells would pass the budget (the Quality sheet of issue 8 §1: seven
 * cells per finding, 100,000 findings and more) is sent in blocks, one sync
 * each, so no request passes Excel's 5 MB payload limit.
 */
import type { PlanCell, SheetPlan } from '../../../plan/types';
import { inputBytes, officeCellInput } from '../cellValues';
import { STYLE_FORMATS, queueSheetFormat, writePlanCell } from './sheets';

/** Bytes Excel's request counts per queued operation besides its arguments (as the fake measures: OPERATION_OVERHEAD_BYTES, with margin). */
const OPERATION_BYTES = 96;

/** Estimated request bytes of {@link writePlanCell} for one cell: its operations and their arguments. */
export function planCellBytes(cell: PlanCell): number {
  const value = cell.value;
  const numberFormat = cell.numberFormat ?? (value?.kind === 'date' ? 'yyyy-mm-dd' : undefined);
  let bytes = OPERATION_BYTES * 2; // getCell and the value (or formula)
  bytes += value?.kind === 'formula' ? inputBytes(value.formula) + 4 : inputBytes(officeCellInput(value, numberFormat ?? 'General')) + 4;
  if (numberFormat !== undefined) bytes += OPERATION_BYTES + numberFormat.length + 8;
  const style = cell.style ? STYLE_FORMATS[cell.style] : undefined;
  if (style) bytes += OPERATION_BYTES * Object.keys(style).length + 16;
  if (cell.fill !== undefined) bytes += OPERATION_BYTES + 16;
  return bytes;
}

/**
 * Queues the sheet's format and cells; when the cells pass `budget` bytes,
 * `flush` (a sync) is called before the first block and between blocks, and
 * the last block is left queued for the caller's next sync. Returns the
 * number of flushes (0 for a sheet under the budget).
 */
export async function queueSheetFormatInBlocks(sheet: Excel.Worksheet, sheetPlan: SheetPlan, budget: number, flush: () => Promise<void>): Promise<number> {
  let total = 0;
  for (const cell of sheetPlan.cells) {
    total += planCellBytes(cell);
    if (total > budget) break;
  }
  if (total <= budget) {
    queueSheetFormat(sheet, sheetPlan);
    return 0;
  }
  // What the caller queued before goes out alone: each block then has the whole budget.
  let flushes = 1;
  await flush();
  queueSheetFormat(sheet, { ...sheetPlan, cells: [] });
  let bytes = 0;
  for (const cell of sheetPlan.cells) {
    const b = planCellBytes(cell);
    if (bytes > 0 && bytes + b > budget) {
      await flush();
      flushes += 1;
      bytes = 0;
    }
    writePlanCell(sheet, cell);
    bytes += b;
  }
  return flushes;
}
