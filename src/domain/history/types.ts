/**
 * Grade history (issue 8 §2): the contract shared by the domain, the plan,
 * the readers (the add-in's, the .xlsx of `--previous`) and the writers.
 *
 * Layout (the History sheet): ONE ROW PER CUSTOMER, one group of
 * HISTORY_FIELDS columns per snapshot, so 100,000 customers x 24 snapshots is
 * 100,003 rows x 169 columns, inside Excel's 1,048,576 x 16,384; a rebuild
 * that adds a snapshot writes only that snapshot's group (and the ID cells of
 * customers new to the history), never the earlier groups.
 *
 *   row 0   title (A1), a note on what the sheet is (B1)
 *   row 1   A2 "As of"; each group's first cell holds its as-of date (a date
 *           cell); the group's other cells in this row are empty
 *   row 2   A3 "Customer ID"; per group: Tier, Segment, Lifecycle, R, F, M, Spend
 *   row 3+  one row per customer ever graded, in the order first seen
 *
 * Values are what the Customers table showed at that build: tier, segment
 * and lifecycle as their labels (text, never a formula), R/F/M as 1-5
 * numbers, spend as a number (2 decimals). A blank group cell = the customer
 * was not in that build (or had no score).
 *
 * Commit rule: a writer writes a group's date cell (row 1) LAST, after the
 * group's other cells; a reader (parseHistoryGrid) ignores a group whose
 * date cell is blank. A build cancelled or failing half-way through a group
 * therefore leaves no half snapshot behind, and the next build overwrites
 * that group's leftover cells.
 *
 * Pure data: no host library.
 */
import type { DayNumber } from '../dates';

/** The fields of one snapshot group, in column order. */
export const HISTORY_FIELDS = ['tier', 'segment', 'lifecycle', 'r', 'f', 'm', 'spend'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** 0-based positions on the History sheet (see the file comment). */
export const HISTORY_LAYOUT = {
  titleRow: 0,
  dateRow: 1,
  headerRow: 2,
  firstDataRow: 3,
  idColumn: 0,
  firstGroupColumn: 1,
  groupWidth: HISTORY_FIELDS.length,
} as const;

/** Excel's 16,384 columns less the ID column, in whole groups. */
export const MAX_SNAPSHOTS = Math.floor((16_384 - HISTORY_LAYOUT.firstGroupColumn) / HISTORY_LAYOUT.groupWidth);

/**
 * One build's grades, column-wise: entry i is about `GradeHistory.ids[i]`;
 * null = that customer was not graded in this build (or the cell was blank).
 */
export interface HistorySnapshot {
  readonly asOf: DayNumber;
  readonly tier: readonly (string | null)[];
  readonly segment: readonly (string | null)[];
  readonly lifecycle: readonly (string | null)[];
  readonly r: readonly (number | null)[];
  readonly f: readonly (number | null)[];
  readonly m: readonly (number | null)[];
  /** Total spend as of that build, in currency units. */
  readonly spend: readonly (number | null)[];
}

/** Every snapshot kept, ascending by as-of date, at most one per date. */
export interface GradeHistory {
  /** Customer IDs as trimmed text, unique, in row order (first seen first). */
  readonly ids: readonly string[];
  readonly snapshots: readonly HistorySnapshot[];
}

/** The history before any build. */
export const EMPTY_HISTORY: GradeHistory = { ids: [], snapshots: [] };

/**
 * What a writer must change on an existing History sheet to go from the old
 * history to the new one (the renderers' contract):
 * - append `appendedIds` ID cells below the existing rows (row order = `ids`);
 * - rewrite the groups from `firstChangedSnapshot` to the last (a snapshot
 *   with the same as-of date is replaced in place; a new date after every
 *   earlier one is one new group at the end; a date before some earlier
 *   snapshot shifts those later groups right, so they are rewritten too).
 * Groups before `firstChangedSnapshot` are never written.
 */
export interface HistoryChange {
  readonly history: GradeHistory;
  readonly firstChangedSnapshot: number;
  readonly appendedIds: number;
  /** true when a snapshot of the same as-of date was replaced. */
  readonly replacedSameDate: boolean;
}

/**
 * This build's snapshot, one entry per graded customer in the Customers
 * table's order (`ids[i]` is the table's row i). Labels as the table shows
 * them in the plan's locale.
 */
export interface BuildSnapshot extends HistorySnapshot {
  /** The build's customer IDs; entry i of every column is about `ids[i]` (not GradeHistory.ids). */
  readonly ids: readonly string[];
}

/**
 * What a build knows of the history before it runs.
 * - `earlier`: the whole earlier history when the build has it (the CLI's
 *   `--previous` workbook); EMPTY_HISTORY in the pane, whose renderer reads
 *   the History sheet's IDs and dates itself and writes only what changes.
 * - `previousTier`: customer ID -> the tier label of the latest snapshot
 *   dated before this build's as-of date (the Customers table's Previous
 *   tier column); absent = no earlier grade.
 * - `previousAsOf`: that snapshot's date, null when there is none.
 */
export interface HistoryInput {
  readonly earlier: GradeHistory;
  readonly previousTier: ReadonlyMap<string, string>;
  readonly previousAsOf: DayNumber | null;
}

/*
 * The commit marker (the add-in's writer, src/renderers/excel/parts/history.ts,
 * and placement.ts): a group exists only when its date cell (row 1) is set.
 * The writer writes a group's cells first (the new rows' IDs before their
 * grades), in blocks, and the date cell LAST, alone in the final sync; a
 * same-date rebuild blanks the old date cell in its first batch. So a build
 * cancelled or failing at any sync leaves the old snapshot or none, never
 * half of one, and the next build overwrites the undated leftovers. In the
 * pane a build dated before the sheet's latest snapshot is refused (no
 * groups are shifted in Excel); the file writers insert it in date order.
 */
