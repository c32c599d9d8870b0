/**
 * The History sheet as both .xlsx writers write it (writeXlsx.ts with
 * exceljs, streamXlsx.ts streaming): the whole of
 * `mergeSnapshot(earlier, current)` in the layout of
 * src/domain/history/types.ts, dates as date cells, labels as text (never a
 * formula). One module so the two writers cannot disagree.
 */
import { HISTORY_FIELDS, HISTORY_LAYOUT, historyColumnCount, historyGridRow, historyRowCount, mergeSnapshot, type GradeHistory, type HistoryField, type HistoryGridCell } from '../../domain/history';
import type { CellStyle, HistoryPlan, SheetPlan } from '../../plan/types';

export const HISTORY_TAB_COLOR = '#7030A0';

/** Number format per field: labels as text, scores whole numbers, spend with cents. */
export const HISTORY_FIELD_FORMATS: Readonly<Record<HistoryField, string>> = { tier: '@', segment: '@', lifecycle: '@', r: '0', f: '0', m: '0', spend: '#,##0.00' };

/** The history a file renderer writes: the earlier one with this build's snapshot merged in. */
export function historyToWrite(plan: HistoryPlan): GradeHistory {
  return mergeSnapshot(plan.earlier, plan.current).history;
}

/** The sheet's frame (name, tab, frozen title rows and ID column, widths); its cells come from {@link historyCells}. */
export function historySheetFrame(plan: HistoryPlan, history: GradeHistory): SheetPlan {
  const widths = [{ column: 0, width: 18 }];
  for (let g = 0; g < history.snapshots.length; g++) {
    HISTORY_FIELDS.forEach((f, k) => widths.push({ column: HISTORY_LAYOUT.firstGroupColumn + g * HISTORY_LAYOUT.groupWidth + k, width: f === 'tier' || f === 'segment' || f === 'lifecycle' ? 14 : f === 'spend' ? 12 : 5 }));
  }
  return {
    key: 'history',
    name: plan.sheetName,
    tabColor: HISTORY_TAB_COLOR,
    freeze: { rows: HISTORY_LAYOUT.firstDataRow, columns: HISTORY_LAYOUT.firstGroupColumn },
    columnWidths: widths,
    cells: [],
  };
}

export interface HistoryCell {
  readonly column: number;
  readonly value: Exclude<HistoryGridCell, null>;
  readonly numberFormat: string;
  readonly style?: CellStyle;
}

/** The written cells of one 0-based row, ascending by column (blank cells left out). */
export function historyCells(plan: HistoryPlan, history: GradeHistory, row: number): HistoryCell[] {
  const L = HISTORY_LAYOUT;
  const values = historyGridRow(history, plan, row);
  const out: HistoryCell[] = [];
  values.forEach((value, column) => {
    if (value === null) return;
    if (row === L.titleRow) {
      out.push({ column, value, numberFormat: '@', style: column === 0 ? 'title' : 'note' });
    } else if (row === L.dateRow) {
      out.push({ column, value, numberFormat: value.kind === 'date' ? 'yyyy-mm-dd' : '@', style: 'label' });
    } else if (row === L.headerRow) {
      out.push({ column, value, numberFormat: '@', style: 'header' });
    } else if (column === L.idColumn) {
      out.push({ column, value, numberFormat: HISTORY_FIELD_FORMATS.tier });
    } else {
      const field = HISTORY_FIELDS[(column - L.firstGroupColumn) % L.groupWidth] as HistoryField;
      out.push({ column, value, numberFormat: HISTORY_FIELD_FORMATS[field] });
    }
  });
  return out;
}

export { historyColumnCount, historyRowCount };
