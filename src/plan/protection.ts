/**
 * Protection by role in the live workbook (issue 7 §2), as data: which
 * columns of the Customers table a role profile unlocks (found by their
 * headers in either language), the sheet-protection options for the
 * Customers sheet and for the other managed sheets, and the record of which
 * profile was applied when. The Office.js renderer
 * (renderers/excel/protection.ts) only translates this.
 *
 * Excel's rules this design follows (see the fake's protection tests):
 * - cells are locked by default; protection makes locked cells read-only, so
 *   the profile's columns are unlocked first and formulas stay locked;
 * - a table cannot grow on a protected sheet: customers are added by
 *   rebuilding from the source (which lifts and reapplies protection) or by
 *   removing protection;
 * - sorting a range that holds locked cells fails even with sorting allowed,
 *   so sorting works only within unlocked columns; filtering works;
 * - protect() on a protected sheet fails, and protecting or unprotecting
 *   clears the undo stack: status is read first and protection is applied
 *   last.
 *
 * Never a password here: not in the plan, not in the record.
 */
import type { EditableColumn, RoleKey, RoleProfile } from '../domain/roles';
import { ROLE_ORDER } from '../domain/roles';
import { FIELD_HEADERS } from './strings';

/** Hidden workbook name recording which profile was applied and when: `="manager|2026-12-02T01:00:00.000Z"`. */
export const PROTECTION_RECORD_NAME = 'Tierwise_Protection';

/** Excel's sheet-protection options, as plain data (the subset of Excel.WorksheetProtectionOptions Tierwise sets). */
export interface SheetProtectionOptions {
  readonly allowAutoFilter: boolean;
  readonly allowSort: boolean;
  readonly allowFormatCells: boolean;
  readonly allowFormatColumns: boolean;
  readonly allowFormatRows: boolean;
  readonly allowInsertRows: boolean;
  readonly allowInsertColumns: boolean;
  readonly allowInsertHyperlinks: boolean;
  readonly allowDeleteRows: boolean;
  readonly allowDeleteColumns: boolean;
  readonly allowPivotTables: boolean;
  readonly allowEditObjects: boolean;
  readonly allowEditScenarios: boolean;
  readonly selectionMode: 'Normal' | 'Unlocked' | 'None';
}

/** Nothing allowed but selecting and widening columns (Settings, Summary, Charts and other managed sheets). */
export const LOCKED_SHEET_OPTIONS: SheetProtectionOptions = {
  allowAutoFilter: false,
  allowSort: false,
  allowFormatCells: false,
  // Widening a column to read it changes nothing anyone relies on.
  allowFormatColumns: true,
  allowFormatRows: false,
  allowInsertRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowDeleteRows: false,
  allowDeleteColumns: false,
  allowPivotTables: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  selectionMode: 'Normal',
};

export interface UnlockedColumn {
  readonly column: EditableColumn;
  /** The table's header for it, as found. */
  readonly header: string;
  /** 0-based position in the table. */
  readonly index: number;
}

export interface ProtectionPlan {
  readonly profile: RoleKey;
  readonly unlocked: readonly UnlockedColumn[];
  /** Columns the profile lists that this table does not have (the source had no such field): nothing to unlock. */
  readonly absent: readonly EditableColumn[];
  readonly customersOptions: SheetProtectionOptions;
  /** Whether the Settings sheet stays unprotected (the role edits the rules). */
  readonly settingsEditable: boolean;
  readonly otherSheetsOptions: SheetProtectionOptions;
  /** Protect the workbook's structure: managed sheets cannot be deleted, renamed, or sheets added. */
  readonly protectStructure: true;
}

/** The headers a column has in either language (the user's Notes column is the one headed exactly Notes / 备注). */
export function headersOf(column: EditableColumn): readonly string[] {
  const h = FIELD_HEADERS[column];
  return [h.en, h.zh];
}

/** What applying `profile` to a table with these headers does. */
export function planProtection(profile: RoleProfile, tableHeaders: readonly string[]): ProtectionPlan {
  const lower = tableHeaders.map((h) => h.trim().toLowerCase());
  const unlocked: UnlockedColumn[] = [];
  const absent: EditableColumn[] = [];
  for (const column of profile.editableColumns) {
    const wanted = headersOf(column).map((h) => h.toLowerCase());
    const index = lower.findIndex((h) => wanted.includes(h));
    if (index < 0) absent.push(column);
    else unlocked.push({ column, header: tableHeaders[index] ?? '', index });
  }
  unlocked.sort((a, b) => a.index - b.index);
  return {
    profile: profile.key,
    unlocked,
    absent,
    customersOptions: { ...LOCKED_SHEET_OPTIONS, allowSort: profile.allowSortAndFilter, allowAutoFilter: profile.allowSortAndFilter },
    settingsEditable: profile.editsSettings,
    otherSheetsOptions: LOCKED_SHEET_OPTIONS,
    protectStructure: true,
  };
}

export interface ProtectionRecord {
  readonly profile: RoleKey;
  /** ISO 8601 UTC instant the profile was applied. */
  readonly appliedAt: string;
}

/** The record's name formula (a text constant; profile key and time only). */
export function protectionRecordFormula(record: ProtectionRecord): string {
  return `="${record.profile}|${record.appliedAt}"`;
}

/** The record a name formula holds, or null for anything else. */
export function parseProtectionRecord(formula: unknown): ProtectionRecord | null {
  if (typeof formula !== 'string') return null;
  const m = /^="([A-Za-z]+)\|(\d{4}-\d{2}-\d{2}T[0-9:.]+Z)"$/.exec(formula);
  if (!m) return null;
  const profile = ROLE_ORDER.find((k) => k === m[1]);
  return profile ? { profile, appliedAt: m[2] ?? '' } : null;
}
