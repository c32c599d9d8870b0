/**
 * What people typed in an earlier workbook's Customers table (the user-entry
 * columns: tier override, notes), carried into a new build by the CLI's
 * `--previous` (issue 8 §2). Pure.
 */
import type { CustomerRecord } from '../types';

export interface CarriedEntries {
  /** Customer ID (trimmed) -> the tier override typed in the earlier table. */
  readonly overrides: ReadonlyMap<string, string>;
  /** Customer ID (trimmed) -> the notes typed in the earlier table. */
  readonly notes: ReadonlyMap<string, string>;
}

/**
 * The records with the carried overrides in `tierOverride`, as if the source
 * had them: a typed override wins over the source's own (a rebuild in the
 * pane keeps the typed cell too: merge.ts keeps user-entry cells).
 */
export function applyCarriedOverrides(records: readonly CustomerRecord[], overrides: ReadonlyMap<string, string>): readonly CustomerRecord[] {
  if (overrides.size === 0) return records;
  return records.map((r) => {
    const typed = overrides.get(r.id.trim());
    return typed === undefined || typed.trim() === '' ? r : { ...r, tierOverride: typed.trim() };
  });
}
