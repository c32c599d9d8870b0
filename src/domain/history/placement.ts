/**
 * Where one build's snapshot goes on an existing History sheet, from what the
 * workbook renderer (the add-in's) read back of it (issue 8 §2). Pure: no host library.
 *
 * The renderer reads only the date row, the ID column and (for the plan) one
 * tier column; it never reads the earlier groups, and never writes them.
 *
 * Commit rule (types.ts): a group exists only when its date cell is set; the
 * writer writes the date cell LAST, in the batch after every cell of the group,
 * and on a same-date rebuild first blanks the date cell, so an interrupted
 * write leaves either the old snapshot or none, never half a snapshot.
 *
 * Earlier dates: a build dated before the latest snapshot on the sheet is
 * REFUSED (a clear message), not inserted: inserting would shift every later
 * group right (Range.insert), rewriting up to 23 groups x 100,000 rows inside
 * the 5 MB limit, and a stop mid-way could leave a group shifted and its date
 * not. The CLI's file writer (whole histories, mergeSnapshot) does insert.
 */
import { formatIsoDay, type DayNumber } from '../dates';
import type { Localized } from '../../i18n/locale';
import type { BuildSnapshot, HistoryInput } from './types';
import { EMPTY_HISTORY, MAX_SNAPSHOTS } from './types';

/** What the renderer read of an existing History sheet. */
export interface HistoryReadBack {
  /** Column A from the first data row down, as read (untrimmed); '' for an empty cell. Row i = data row i. */
  readonly ids: readonly string[];
  /** Per group (index 0 = first group): its as-of date, null when the date cell is blank (the group does not exist). */
  readonly dates: readonly (DayNumber | null)[];
}

export type HistoryPlacement =
  | {
      readonly kind: 'write';
      /** The group written (0-based). */
      readonly group: number;
      /** true: a snapshot of the same date was there and is replaced. */
      readonly replaced: boolean;
      /** Data row (0-based) of each customer of the build, `snapshot.ids` order. -1: a repeated ID of this build, not written. */
      readonly rowOf: readonly number[];
      /** IDs to append below the existing rows, in this order (rows `existingRows` onwards). */
      readonly appendedIds: readonly string[];
      /** Rows the sheet has before the append. */
      readonly existingRows: number;
      /** Rows after the append: the group is written over rows 0..totalRows-1 (blank for customers not in this build). */
      readonly totalRows: number;
      /** Existing rows (0-based) whose group cells are blanked: customers not in this build, unkeyed rows, repeats. */
      readonly blankRows: readonly number[];
    }
  | { readonly kind: 'refused'; readonly reason: 'earlierDate' | 'full'; readonly message: Localized };

/** The existing groups: index and date, for date cells that are set. */
export function datedGroups(dates: readonly (DayNumber | null)[]): { readonly group: number; readonly asOf: DayNumber }[] {
  const out: { group: number; asOf: DayNumber }[] = [];
  dates.forEach((d, group) => {
    if (d !== null) out.push({ group, asOf: d });
  });
  return out;
}

const isoDay = formatIsoDay;

/**
 * The placement of `snapshot` on a sheet read back as `read`: the same date
 * replaces its group; a later date is a new group after the last dated one
 * (over the leftovers of an interrupted write, if any); an earlier date is
 * refused, unless it fits the slot a stopped same-date rebuild left undated
 * (interruptedSlot).
 */
export function placeSnapshot(read: HistoryReadBack, snapshot: Pick<BuildSnapshot, 'asOf' | 'ids'>): HistoryPlacement {
  const groups = datedGroups(read.dates);
  const same = groups.find((g) => g.asOf === snapshot.asOf);
  const last = groups[groups.length - 1];
  let group: number;
  const hole = same || !last || snapshot.asOf > last.asOf ? null : interruptedSlot(read.dates, snapshot.asOf);
  if (same) group = same.group;
  else if (hole !== null) group = hole;
  else if (last && snapshot.asOf < last.asOf) {
    return {
      kind: 'refused',
      reason: 'earlierDate',
      message: {
        en: `This build is as of ${isoDay(snapshot.asOf)}, before the latest snapshot on the Grade history sheet (${isoDay(last.asOf)}). The sheet keeps snapshots in date order and adds new ones at the end: set the as-of date (Settings) to ${isoDay(last.asOf)} or later, or rebuild an earlier date from the command line (tierwise grade --previous).`,
        zh: `本次生成的评级日期为 ${isoDay(snapshot.asOf)}，早于“分级历史”工作表中最新的快照（${isoDay(last.asOf)}）。该表按日期顺序保存快照，新快照只追加在末尾：请在“设置”中把评级日期设为 ${isoDay(last.asOf)} 或之后，或通过命令行（tierwise grade --previous）生成更早日期的快照。`,
      },
    };
  } else group = last ? last.group + 1 : 0;
  if (group >= MAX_SNAPSHOTS) {
    return {
      kind: 'refused',
      reason: 'full',
      message: {
        en: `The Grade history sheet holds ${MAX_SNAPSHOTS} snapshots, as many as fit in Excel's 16,384 columns. Move it to another workbook (right-click the tab > Move or Copy), then build again to start a new history.`,
        zh: `“分级历史”工作表已保存 ${MAX_SNAPSHOTS} 个快照，已达 Excel 16,384 列的上限。请将其移到另一个工作簿（右键单击工作表标签 > 移动或复制），然后重新生成以开始新的历史。`,
      },
    };
  }

  const rowById = new Map<string, number>();
  read.ids.forEach((raw, row) => {
    const id = raw.trim();
    if (id !== '' && !rowById.has(id)) rowById.set(id, row);
  });
  const existingRows = read.ids.length;
  const written = new Set<number>();
  const appendedIds: string[] = [];
  const rowOf = snapshot.ids.map((raw) => {
    const id = raw.trim();
    if (id === '') return -1;
    let row = rowById.get(id);
    if (row === undefined) {
      row = existingRows + appendedIds.length;
      appendedIds.push(id);
      rowById.set(id, row);
    } else if (written.has(row)) return -1;
    written.add(row);
    return row;
  });
  const blankRows: number[] = [];
  for (let row = 0; row < existingRows; row += 1) if (!written.has(row)) blankRows.push(row);
  return { kind: 'write', group, replaced: same !== undefined, rowOf, appendedIds, existingRows, totalRows: existingRows + appendedIds.length, blankRows };
}

/**
 * An undated group between dated ones whose dates bracket `asOf` (earlier
 * before it, later after it): what a same-date rebuild of a middle snapshot
 * leaves when it is stopped after blanking the date cell and before writing
 * it again. A rebuild of that date rewrites the slot, so the snapshot is not
 * lost for good; null when there is no such slot.
 */
function interruptedSlot(dates: readonly (DayNumber | null)[], asOf: DayNumber): number | null {
  for (let g = 0; g < dates.length; g += 1) {
    if (dates[g] !== null) continue;
    let before: DayNumber | null = null;
    for (let k = g - 1; k >= 0 && before === null; k -= 1) before = dates[k] ?? null;
    let after: DayNumber | null = null;
    for (let k = g + 1; k < dates.length && after === null; k += 1) after = dates[k] ?? null;
    if (after !== null && after > asOf && (before === null || before < asOf)) return g;
  }
  return null;
}

/**
 * The group whose tier column the plan's Previous tier comes from: the latest
 * snapshot dated strictly before `asOf`; null when there is none.
 */
export function previousGroup(dates: readonly (DayNumber | null)[], asOf: DayNumber): { readonly group: number; readonly asOf: DayNumber } | null {
  let best: { group: number; asOf: DayNumber } | null = null;
  for (const g of datedGroups(dates)) if (g.asOf < asOf && (best === null || g.asOf > best.asOf)) best = g;
  return best;
}

/**
 * The HistoryInput the plan needs, from the read-back and the previous
 * group's tier column (`tiers[i]` for data row i; ignored when `previous` is
 * null). `earlier` is EMPTY_HISTORY: the pane's renderer writes only what changes.
 */
export function historyInputFromReadBack(
  read: HistoryReadBack,
  previous: { readonly group: number; readonly asOf: DayNumber } | null,
  tiers: readonly unknown[],
): HistoryInput {
  const previousTier = new Map<string, string>();
  if (previous !== null) {
    read.ids.forEach((raw, row) => {
      const id = raw.trim();
      const tier = tiers[row];
      const label = typeof tier === 'string' ? tier.trim() : typeof tier === 'number' ? String(tier) : '';
      if (id !== '' && label !== '' && !previousTier.has(id)) previousTier.set(id, label);
    });
  }
  return { earlier: EMPTY_HISTORY, previousTier, previousAsOf: previous?.asOf ?? null };
}
