/**
 * Part of the Office.js renderer (see ../applyPlan.ts): round trip 1,
 * inspect — the loads that tell which managed sheets, the table, the defined
 * names, the registry and the markers exist (reads only; queued here, synced
 * by the orchestrator).
 */
import type { TablePlan, WorkbookPlan } from '../../../plan/types';
import { MANAGED_SHEETS_NAME } from './names';
import { PENDING_TABLE_NAME } from './table';

/** Queues round trip 1's loads; each probe is readable after the next sync. */
export function queueWorkbookProbes(workbook: Excel.Workbook, plan: WorkbookPlan, tablePlan: TablePlan | undefined) {
  const sheetProbes = plan.sheets.map((s) => {
    const proxy = workbook.worksheets.getItemOrNullObject(s.name);
    proxy.load('name');
    return { plan: s, proxy };
  });
  const registry = workbook.names.getItemOrNullObject(MANAGED_SHEETS_NAME);
  registry.load('formula');
  const nameProbes = plan.names.map((n) => {
    const proxy = workbook.names.getItemOrNullObject(n.name);
    proxy.load('formula');
    return { plan: n, proxy };
  });
  const tableProbe = tablePlan ? workbook.tables.getItemOrNullObject(tablePlan.name) : null;
  tableProbe?.load('name');
  // The marker a build stopped between `tables.add` and naming the table leaves (see PENDING_TABLE_NAME).
  const pendingProbe = tablePlan ? workbook.names.getItemOrNullObject(PENDING_TABLE_NAME).load('name') : null;
  const pendingRange = tablePlan ? workbook.names.getItemOrNullObject(PENDING_TABLE_NAME).getRangeOrNullObject().load(['address', 'rowIndex', 'columnIndex']) : null;
  // Issue 8 §2: the History sheet, when the plan records history (parts/history.ts).
  const historyProbe = plan.history ? workbook.worksheets.getItemOrNullObject(plan.history.sheetName).load('name') : null;
  return { sheetProbes, registry, nameProbes, tableProbe, pendingProbe, pendingRange, historyProbe };
}
