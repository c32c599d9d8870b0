/**
 * Reads, before a build, what the plan needs of the workbook's History sheet
 * (issue 8 §2): each customer's tier in the latest snapshot dated before the
 * build's as-of date (the Customers table's Previous tier) and that date.
 *
 * The sheet is found as the other managed sheets are (readSettings.ts, the
 * pane's gateway): a sheet named History / 分级历史 that is listed in the
 * hidden managed-sheets registry, so a user's own "History" sheet is never
 * read as Tierwise's.
 *
 * Round trips: one (registry and both names), one (used range and the date
 * row), then — only when there is an earlier snapshot — one per
 * HISTORY_READ_ROWS rows for the ID column and that snapshot's tier column
 * (parts/history.ts): 3 syncs for 100,000 customers, each response ~2.5 MB.
 * Nothing else of the sheet is read.
 */
import type { DayNumber } from '../../domain/dates';
import { historyInputFromReadBack, previousGroup } from '../../domain/history/placement';
import { EMPTY_HISTORY, type HistoryInput } from '../../domain/history/types';
import type { Localized } from '../../i18n/locale';
import { HISTORY_TEXT } from '../../plan/historyStrings';
import { dataRowsOfProbe, datesOfProbe, queueHistoryProbe, readHistoryRows, readBackOf } from './parts/history';
import { MANAGED_SHEETS_NAME, managedSheetsInRegistry } from './parts/names';

/** The History sheet's name in each language: the plan's own (HISTORY_TEXT; "History" itself is reserved by Excel). */
export const HISTORY_SHEET_NAMES: Localized = HISTORY_TEXT.sheetName;

export interface WorkbookHistory {
  /** The sheet's name as found. */
  readonly sheetName: string;
  /** The snapshots' dates, ascending as on the sheet (blank groups left out). */
  readonly snapshotDates: readonly DayNumber[];
  readonly input: HistoryInput;
}

/** The workbook's history as the plan needs it for a build as of `asOf`; null without a managed History sheet. */
export async function readHistory(context: Excel.RequestContext, asOf: DayNumber): Promise<WorkbookHistory | null> {
  const workbook = context.workbook;
  const registry = workbook.names.getItemOrNullObject(MANAGED_SHEETS_NAME).load('formula');
  const probes = [HISTORY_SHEET_NAMES.en, HISTORY_SHEET_NAMES.zh].map((name) => ({ name, sheet: workbook.worksheets.getItemOrNullObject(name).load('name') }));
  await context.sync();
  const managed = new Set(registry.isNullObject ? [] : managedSheetsInRegistry(registry.formula).map((n) => n.toLowerCase()));
  const found = probes.find((p) => !p.sheet.isNullObject && managed.has(p.name.toLowerCase()));
  if (!found) return null;
  const sheet = (): Excel.Worksheet => workbook.worksheets.getItem(found.name);
  const probe = queueHistoryProbe(sheet());
  await context.sync();
  const dates = datesOfProbe(probe);
  const snapshotDates = dates.filter((d): d is DayNumber => d !== null);
  const previous = previousGroup(dates, asOf);
  if (previous === null) return { sheetName: found.name, snapshotDates, input: { earlier: EMPTY_HISTORY, previousTier: new Map(), previousAsOf: null } };
  const { ids, tiers } = await readHistoryRows(sheet, dataRowsOfProbe(probe), previous.group, () => context.sync());
  return { sheetName: found.name, snapshotDates, input: historyInputFromReadBack(readBackOf(ids, dates), previous, tiers) };
}
