/**
 * Part of the Office.js renderer (see ../applyPlan.ts): the plan's sheets —
 * their cells (Settings and others), column widths.
 */
import type { PlanCell, SheetKey, SheetPlan, WorkbookPlan } from '../../../plan/types';
import { officeCellInput } from '../cellValues';

/** Width in characters of the default font -> points (7 px per character + 5 px padding, 0.75 pt per px). */
export function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function sheetPlanOf(plan: WorkbookPlan, key: SheetKey): SheetPlan {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new RangeError(`The plan has no sheet "${key}" for its table or target.`);
  return sheet;
}

export const STYLE_FORMATS: Record<NonNullable<PlanCell['style']>, { bold?: boolean; italic?: boolean; size?: number; fill?: string; color?: string }> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: '#D9E1F2' },
  label: { bold: true },
  input: { fill: '#FFF2CC' },
  note: { italic: true, color: '#595959' },
  computed: { fill: '#F2F2F2' },
};

export function writePlanCell(sheet: Excel.Worksheet, cell: PlanCell): void {
  const range = sheet.getCell(cell.row, cell.column);
  const value = cell.value;
  const numberFormat = cell.numberFormat ?? (value?.kind === 'date' ? 'yyyy-mm-dd' : undefined);
  if (numberFormat !== undefined) range.numberFormat = [[numberFormat]];
  if (value?.kind === 'formula') range.formulas = [[value.formula]];
  else range.values = [[officeCellInput(value, numberFormat ?? 'General')]];
  const style = cell.style ? STYLE_FORMATS[cell.style] : undefined;
  if (style?.bold !== undefined) range.format.font.bold = style.bold;
  if (style?.italic !== undefined) range.format.font.italic = style.italic;
  if (style?.size !== undefined) range.format.font.size = style.size;
  if (style?.color !== undefined) range.format.font.color = style.color;
  const fill = cell.fill ?? style?.fill;
  if (fill !== undefined) range.format.fill.color = fill;
}

/** Queues a sheet's tab colour, frozen panes, column widths and cells. */
export function queueSheetFormat(sheet: Excel.Worksheet, sheetPlan: SheetPlan): void {
  if (sheetPlan.tabColor !== null) sheet.tabColor = sheetPlan.tabColor;
  if (sheetPlan.freeze) {
    if (sheetPlan.freeze.rows > 0 && sheetPlan.freeze.columns > 0) {
      sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, sheetPlan.freeze.rows, sheetPlan.freeze.columns));
    } else if (sheetPlan.freeze.rows > 0) sheet.freezePanes.freezeRows(sheetPlan.freeze.rows);
    else if (sheetPlan.freeze.columns > 0) sheet.freezePanes.freezeColumns(sheetPlan.freeze.columns);
  }
  for (const { column, width } of sheetPlan.columnWidths) sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = widthToPoints(width);
  for (const cell of sheetPlan.cells) writePlanCell(sheet, cell);
}
