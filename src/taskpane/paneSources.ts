/**
 * The task pane's sources of a build: the sheet read first, the two sources
 * a joined build reads (issue 11), and the Settings sheet's extent (the rows
 * below it are not the build's).
 */
import type { ImportOptions } from '../domain/import';
import type { WorkbookPlan } from '../plan/types';
import type { JoinSources } from '../plan/sourcesBlock';
import type { ArchiveState } from './screens/ArchiveSource';
import type { SourceLocation } from './sourceRange';
import { isManagedSheet, type SourceRef, type WorkbookOverview } from './workbookGateway';

export function initialSource(overview: WorkbookOverview): SourceRef {
  if (!isManagedSheet(overview, overview.activeSheet)) return { kind: 'active' };
  const other = overview.sheetNames.find((name) => !isManagedSheet(overview, name));
  return other ? { kind: 'sheet', name: other } : { kind: 'active' };
}

/** The Settings sheet's name and how many rows the plan writes on it (the rows below are not the build's). */
export function settingsExtent(plan: WorkbookPlan): { sheet: string; rows: number } {
  const sheet = plan.sheets.find((s) => s.key === 'settings');
  return { sheet: sheet?.name ?? '', rows: (sheet?.cells ?? []).reduce((max, cell) => Math.max(max, cell.row + 1), 0) };
}

/** What a build needs to join: the archive's options and the two sheets, when an archive is loaded and complete. */
export function joinFor(state: ArchiveState | null, withOptions: ImportOptions, orders: SourceLocation | null): { options: ImportOptions; sources: JoinSources } | null {
  if (!state || state.status !== 'ready' || orders === null) return null;
  return { options: withOptions, sources: { orders: orders.sheet, ordersRange: orders.address, archive: state.sheet, archiveRange: state.address } };
}
