/**
 * Re-running a build is an UPDATE of the managed table, never a second copy
 * (DESIGN.md §2, §6). `mergeTableRows` decides, cell by cell, what a renderer
 * writes into a table that already exists:
 *
 * - Rows are matched by the key column (customer ID), compared as trimmed
 *   text (`123` and `"123"` are the same key).
 * - Existing rows stay where they are, in their order: formulas the user
 *   wrote next to the table keep pointing at the same customers.
 *   - a customer still in the source: input and carried columns take the new
 *     data; user-entry columns (tier override, notes) are kept;
 *   - a customer no longer in the source: KEPT, never deleted, with its last
 *     known data (its input cells are rewritten with what they held), so the
 *     user's notes and overrides survive; it is reported in
 *     `notInSourceKeys` so the pane can tell the user. It is not marked in
 *     the sheet: the plan has no column for that, and adding one would change
 *     the table's shape under the user's formulas.
 *   - a row without a key (a row the user added by hand), or a second row
 *     with a key already seen: kept untouched.
 * - New customers are appended at the end, in plan order.
 * - Columns: every existing column is kept; a header the plan does not know
 *   is a column the user added and is never written (new rows get a blank);
 *   plan columns missing from the table are appended after the existing
 *   ones. Headers match ignoring case, as Excel's table column names do.
 * - Computed columns are filled by their column formula.
 *
 * Pure: no host library.
 */
import type { ColumnRole, PlanValue, TablePlan } from './types';

/** A table read back from a workbook: its headers and body values as the host returns them (`Range.values`). */
export interface ExistingTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** What a renderer does with one cell of the merged table. */
export type MergedCell =
  /** Write this value (the cell may already hold it). */
  | { readonly kind: 'write'; readonly value: PlanValue }
  /** Leave the cell exactly as it is (a user-owned cell of an existing row). */
  | { readonly kind: 'keep' }
  /** A computed column: the column formula fills it. */
  | { readonly kind: 'formula' };

export type MergedRowOrigin = 'updated' | 'appended' | 'notInSource' | 'unkeyed';

export interface MergedRow {
  readonly key: string | null;
  readonly origin: MergedRowOrigin;
  /** Index of the row in the existing table body, null for appended rows. */
  readonly existingIndex: number | null;
  /** One cell per merged header. */
  readonly cells: readonly MergedCell[];
}

/** A merged column's owner: a plan role, or `user` for a column the user added to the table. */
export type MergedColumnRole = ColumnRole | 'user';

export interface TableMerge {
  /** Final headers: the existing ones in their order, then plan columns the table lacked. */
  readonly headers: readonly string[];
  readonly roles: readonly MergedColumnRole[];
  /** Index into `planned.columns` for each merged header, null for user columns. */
  readonly planColumn: readonly (number | null)[];
  /** Plan headers appended to the existing table. */
  readonly addedHeaders: readonly string[];
  /** Existing headers the plan does not know (columns the user added). */
  readonly userHeaders: readonly string[];
  /** Existing rows first (same order), then appended ones. */
  readonly rows: readonly MergedRow[];
  readonly counts: { readonly updated: number; readonly appended: number; readonly notInSource: number; readonly unkeyed: number };
  readonly notInSourceKeys: readonly string[];
}

export type TableMergeErrorCode = 'keyColumnMissing' | 'planRowWithoutKey' | 'duplicatePlanKey' | 'rowWidthMismatch';

/** A plan or table that cannot be merged safely; nothing should be written. */
export class TableMergeError extends Error {
  override readonly name = 'TableMergeError';
  constructor(
    readonly code: TableMergeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The key of a cell value as matched across rebuilds: trimmed text; null when blank. */
export function keyOfValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const v = value as PlanValue;
    if (v === null) return null;
    switch (v.kind) {
      case 'text':
        return keyOfValue(v.text);
      case 'number':
        return keyOfValue(v.value);
      case 'bool':
        return keyOfValue(v.value);
      case 'date':
        return keyOfValue(v.day);
      case 'formula':
        return null;
    }
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** A value read from the host, as a plan value (numbers stay numbers, "" is empty). */
export function planValueFromHost(value: unknown): PlanValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  return { kind: 'text', text: String(value) };
}

const WRITE_BLANK: MergedCell = { kind: 'write', value: null };
const KEEP: MergedCell = { kind: 'keep' };
const FORMULA: MergedCell = { kind: 'formula' };

/**
 * Merges a planned table into the table that exists in the workbook. Pass
 * `existing = null` for a first build (every planned row is appended).
 *
 * @throws TableMergeError `keyColumnMissing` when the existing table has no
 *   column with the key column's header (for example a build in another
 *   language): merging would duplicate every row, so nothing must be written;
 *   `planRowWithoutKey` / `duplicatePlanKey` when the plan's keys cannot
 *   identify rows; `rowWidthMismatch` when a row has the wrong cell count.
 */
export function mergeTableRows(existing: ExistingTable | null, planned: TablePlan): TableMerge {
  // `keyColumn` names the column by its key (`customerId`) or by its header; both are accepted.
  const byKey = planned.columns.findIndex((c) => c.key === planned.keyColumn);
  const keyPlanIndex = byKey >= 0 ? byKey : planned.columns.findIndex((c) => c.header === planned.keyColumn);
  if (keyPlanIndex < 0) throw new TableMergeError('keyColumnMissing', `The plan's key column "${planned.keyColumn}" is not one of its columns.`);
  const plannedByKey = new Map<string, number>();
  planned.rows.forEach((row, i) => {
    if (row.length !== planned.columns.length) {
      throw new TableMergeError('rowWidthMismatch', `Planned row ${i} has ${row.length} cells for ${planned.columns.length} columns.`);
    }
    const key = keyOfValue(row[keyPlanIndex]);
    if (key === null) throw new TableMergeError('planRowWithoutKey', `Planned row ${i} has no key.`);
    if (plannedByKey.has(key)) throw new TableMergeError('duplicatePlanKey', `The key "${key}" appears twice in the plan.`);
    plannedByKey.set(key, i);
  });

  // Columns.
  const existingHeaders = existing?.headers ?? [];
  const headers: string[] = [...existingHeaders];
  const planColumn: (number | null)[] = existingHeaders.map(() => null);
  const lower = existingHeaders.map((h) => h.toLowerCase());
  const addedHeaders: string[] = [];
  planned.columns.forEach((column, i) => {
    const at = lower.indexOf(column.header.toLowerCase());
    if (at >= 0 && planColumn[at] === null) {
      planColumn[at] = i;
    } else {
      headers.push(column.header);
      planColumn.push(i);
      addedHeaders.push(column.header);
    }
  });
  const roles: MergedColumnRole[] = planColumn.map((p) => (p === null ? 'user' : (planned.columns[p]?.role ?? 'user')));
  const userHeaders = existingHeaders.filter((_, i) => planColumn[i] === null);
  const keyMerged = planColumn.indexOf(keyPlanIndex);
  if (existing && (keyMerged < 0 || keyMerged >= existingHeaders.length)) {
    throw new TableMergeError(
      'keyColumnMissing',
      `The existing table has no column "${planned.columns[keyPlanIndex]?.header ?? planned.keyColumn}" to match rows by.`,
    );
  }

  const plannedCell = (planRow: readonly PlanValue[], merged: number): MergedCell => {
    const p = planColumn[merged];
    if (p === null || p === undefined) return WRITE_BLANK;
    if (roles[merged] === 'computed') return FORMULA;
    return { kind: 'write', value: planRow[p] ?? null };
  };

  const rows: MergedRow[] = [];
  const consumed = new Set<string>();
  const notInSourceKeys: string[] = [];
  let updated = 0;
  let notInSource = 0;
  let unkeyed = 0;
  (existing?.rows ?? []).forEach((row, existingIndex) => {
    if (row.length !== existingHeaders.length) {
      throw new TableMergeError('rowWidthMismatch', `Existing row ${existingIndex} has ${row.length} cells for ${existingHeaders.length} headers.`);
    }
    const key = keyOfValue(row[keyMerged]);
    const planIndex = key === null || consumed.has(key) ? undefined : plannedByKey.get(key);
    const keepInputs = (merged: number): MergedCell => {
      const role = roles[merged];
      if (role === 'computed') return FORMULA;
      if (role === 'input' || role === 'carried') return { kind: 'write', value: planValueFromHost(row[merged]) };
      return KEEP;
    };
    if (key === null || consumed.has(key)) {
      unkeyed += 1;
      rows.push({ key, origin: 'unkeyed', existingIndex, cells: headers.map((_, m) => (m < existingHeaders.length ? keepInputs(m) : plannedOrBlank(m))) });
      return;
    }
    consumed.add(key);
    if (planIndex === undefined) {
      notInSource += 1;
      notInSourceKeys.push(key);
      rows.push({ key, origin: 'notInSource', existingIndex, cells: headers.map((_, m) => (m < existingHeaders.length ? keepInputs(m) : plannedOrBlank(m))) });
      return;
    }
    updated += 1;
    const planRow = planned.rows[planIndex] ?? [];
    rows.push({
      key,
      origin: 'updated',
      existingIndex,
      cells: headers.map((_, m) => {
        const role = roles[m];
        if (role === 'user' || role === 'userEntry') return m < existingHeaders.length ? KEEP : plannedCell(planRow, m);
        return plannedCell(planRow, m);
      }),
    });
  });

  // A plan column added to an existing table: existing rows get the plan's value (or blank / the formula).
  function plannedOrBlank(merged: number): MergedCell {
    return roles[merged] === 'computed' ? FORMULA : WRITE_BLANK;
  }

  let appended = 0;
  planned.rows.forEach((planRow) => {
    const key = keyOfValue(planRow[keyPlanIndex]);
    if (key === null || consumed.has(key)) return;
    appended += 1;
    rows.push({ key, origin: 'appended', existingIndex: null, cells: headers.map((_, m) => plannedCell(planRow, m)) });
  });

  return {
    headers,
    roles,
    planColumn,
    addedHeaders,
    userHeaders,
    rows,
    counts: { updated, appended, notInSource, unkeyed },
    notInSourceKeys,
  };
}
