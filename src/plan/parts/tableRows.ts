/**
 * Extending the Customers table's rows by columns while one build assembles
 * the plan. buildCustomersTable makes the rows; the prediction, history and
 * quality parts each append columns to every row (and to its cached
 * results). Copying every row per part was most of what those parts cost: at
 * 100,000 rows x ~30 columns, the Data issues column alone took ~300 ms of a
 * ~550 ms plan (2026-12-03, most of it the copies and collecting them).
 *
 * So the rows a build has just made are *extendable*: a part appends to them
 * in place. Once buildWorkbookPlan returns, the rows are released and every
 * later call (a test calling withQuality on a finished plan, the per-rep
 * copies) copies as before, so a plan that anyone holds is never changed.
 */
import type { TablePlan } from '../types';

/** Row lists (body rows or cached results) made by the running build and not yet handed out. */
const extendable = new WeakSet<readonly (readonly unknown[])[]>();

/**
 * Marks a table's freshly made rows and cached results as extendable, until `releaseRows`. Only the
 * build that made the table and will release it calls this (buildWorkbookPlan, on buildCustomersTable's
 * table), so no other holder of a table sees it change.
 */
export function markExtendable(table: TablePlan): void {
  extendable.add(table.rows);
  if (table.cachedResults !== undefined) extendable.add(table.cachedResults);
}

/** Ends the extendable state of a table's rows (buildWorkbookPlan, before it returns the plan). */
export function releaseRows(table: TablePlan): void {
  extendable.delete(table.rows);
  if (table.cachedResults !== undefined) extendable.delete(table.cachedResults);
}

/**
 * `rows` with each row `i` extended by `extra(row, i)`: in place while the
 * rows are extendable (the same list is returned and stays extendable),
 * otherwise as new rows (the input is left as it was). `extra` may also
 * replace cells of the row it is given (history's carried notes): `row` is
 * the row that will be returned, never the caller's when copying.
 */
export function extendRows<T>(rows: readonly (readonly T[])[], extra: (row: T[], i: number) => readonly T[]): readonly (readonly T[])[] {
  if (extendable.has(rows)) {
    const owned = rows as T[][];
    for (let i = 0; i < owned.length; i++) {
      const row = owned[i]!;
      const cells = extra(row, i);
      for (let k = 0; k < cells.length; k++) row.push(cells[k] as T);
    }
    return rows;
  }
  const out = new Array<T[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.slice();
    const cells = extra(row, i);
    for (let k = 0; k < cells.length; k++) row.push(cells[k] as T);
    out[i] = row;
  }
  return out;
}
