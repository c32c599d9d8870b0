/**
 * Building, merging and reading back snapshots of the grade history (issue 8
 * §2; layout and rules: ./types.ts). Pure: no host library.
 */
import type { Locale } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import type { DayNumber } from '../dates';
import type { GradingResult } from '../types';
import { LIFECYCLE_LABELS, type GradingSettings } from '../settings';
import { HISTORY_FIELDS, MAX_SNAPSHOTS, type BuildSnapshot, type GradeHistory, type HistoryChange, type HistoryInput, type HistorySnapshot } from './types';
import { HistoryError, fillMessage } from './messages';

/** Spend as the history keeps it: currency units, 2 decimals. */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * This build's snapshot: per graded customer, in the table's order, the
 * labels the Customers table shows in `locale` (the tier after overrides),
 * the scores and the total spend.
 */
export function buildSnapshot(result: GradingResult, settings: GradingSettings, locale: Locale): BuildSnapshot {
  const tierLabels = new Map(settings.tiers.map((t) => [t.key, pick(t.label, locale)] as const));
  const segmentLabels = new Map(settings.segments.map((s) => [s.key, pick(s.label, locale)] as const));
  const lifecycleLabels = new Map(Object.entries(LIFECYCLE_LABELS).map(([k, v]) => [k, pick(v, locale)] as const));
  const n = result.customers.length;
  const ids: string[] = new Array<string>(n);
  const tier: (string | null)[] = new Array<string | null>(n);
  const segment: (string | null)[] = new Array<string | null>(n);
  const lifecycle: (string | null)[] = new Array<string | null>(n);
  const r: (number | null)[] = new Array<number | null>(n);
  const f: (number | null)[] = new Array<number | null>(n);
  const m: (number | null)[] = new Array<number | null>(n);
  const spend: (number | null)[] = new Array<number | null>(n);
  result.customers.forEach((c, i) => {
    ids[i] = c.record.id.trim();
    // The table shows a tier key it does not know as the key itself (customersTable.ts tierLabeller).
    const tierText = tierLabels.get(c.tier) ?? c.tier;
    tier[i] = tierText === '' ? null : tierText;
    segment[i] = c.segment === null ? null : (segmentLabels.get(c.segment) ?? c.segment);
    lifecycle[i] = lifecycleLabels.get(c.lifecycle) ?? c.lifecycle;
    r[i] = c.r;
    f[i] = c.f;
    m[i] = c.m;
    spend[i] = cents(c.record.monetary);
  });
  return { asOf: result.asOf, ids, tier, segment, lifecycle, r, f, m, spend };
}

/** A snapshot whose columns are `length` long, every entry blank. */
function blankColumns(length: number): Omit<HistorySnapshot, 'asOf'> {
  const blank = (): null[] => new Array<null>(length).fill(null);
  return { tier: blank(), segment: blank(), lifecycle: blank(), r: blank(), f: blank(), m: blank(), spend: blank() };
}

/** An earlier snapshot lengthened to `length` rows (new IDs blank); its existing entries unchanged. */
function padded(snapshot: HistorySnapshot, length: number): HistorySnapshot {
  if (snapshot.tier.length === length) return snapshot;
  const pad = <T>(column: readonly (T | null)[]): (T | null)[] => {
    const out = column.slice();
    while (out.length < length) out.push(null);
    return out;
  };
  return {
    asOf: snapshot.asOf,
    tier: pad(snapshot.tier),
    segment: pad(snapshot.segment),
    lifecycle: pad(snapshot.lifecycle),
    r: pad(snapshot.r),
    f: pad(snapshot.f),
    m: pad(snapshot.m),
    spend: pad(snapshot.spend),
  };
}

/**
 * Merges this build's snapshot into the earlier history (rules: types.ts
 * HistoryChange): the same as-of date replaces that snapshot in place, a new
 * date is inserted in date order; customers new to the history are appended
 * in the build's order; customers absent from the build keep their rows,
 * blank in the new group.
 *
 * @throws HistoryError `tooManySnapshots` when a new date would exceed
 *   MAX_SNAPSHOTS; `duplicateBuildId` / `blankBuildId` when the build's IDs
 *   cannot key rows.
 */
export function mergeSnapshot(earlier: GradeHistory, current: BuildSnapshot): HistoryChange {
  const ids = earlier.ids.slice();
  const rowOf = new Map<string, number>();
  ids.forEach((id, i) => rowOf.set(id, i));
  const seen = new Set<string>();
  const rows: number[] = new Array<number>(current.ids.length);
  current.ids.forEach((raw, i) => {
    const id = raw.trim();
    if (id === '') throw new HistoryError('blankBuildId', fillMessage('blankBuildId', { row: i + 1 }));
    if (seen.has(id)) throw new HistoryError('duplicateBuildId', fillMessage('duplicateBuildId', { id }));
    seen.add(id);
    let row = rowOf.get(id);
    if (row === undefined) {
      row = ids.length;
      ids.push(id);
      rowOf.set(id, row);
    }
    rows[i] = row;
  });
  const appendedIds = ids.length - earlier.ids.length;

  const columns = blankColumns(ids.length);
  const write = <T>(target: (T | null)[], source: readonly (T | null)[]): void => {
    for (let i = 0; i < rows.length; i++) target[rows[i] as number] = source[i] ?? null;
  };
  for (const field of HISTORY_FIELDS) write(columns[field] as (string | number | null)[], current[field]);
  const snapshot: HistorySnapshot = { asOf: current.asOf, ...columns };

  const same = earlier.snapshots.findIndex((s) => s.asOf === current.asOf);
  let at: number;
  if (same >= 0) {
    at = same;
  } else {
    if (earlier.snapshots.length >= MAX_SNAPSHOTS) {
      throw new HistoryError('tooManySnapshots', fillMessage('tooManySnapshots', { count: earlier.snapshots.length, max: MAX_SNAPSHOTS }));
    }
    at = earlier.snapshots.findIndex((s) => s.asOf > current.asOf);
    if (at < 0) at = earlier.snapshots.length;
  }
  const snapshots: HistorySnapshot[] = [];
  earlier.snapshots.forEach((s, i) => {
    if (i === at) snapshots.push(snapshot);
    if (i !== same) snapshots.push(padded(s, ids.length));
  });
  if (at === earlier.snapshots.length) snapshots.push(snapshot);
  return { history: { ids, snapshots }, firstChangedSnapshot: at, appendedIds, replacedSameDate: same >= 0 };
}

/**
 * What a build dated `asOf` knows of the history: the tier of every customer
 * in the latest snapshot dated BEFORE `asOf` (a rebuild on the same date
 * compares with the one before it, not with itself).
 */
export function historyInputFrom(earlier: GradeHistory, asOf: DayNumber): HistoryInput {
  let previous: HistorySnapshot | null = null;
  for (const s of earlier.snapshots) if (s.asOf < asOf && (previous === null || s.asOf > previous.asOf)) previous = s;
  const previousTier = new Map<string, string>();
  if (previous !== null) {
    earlier.ids.forEach((id, i) => {
      const tier = previous.tier[i];
      if (tier !== null && tier !== undefined && tier.trim() !== '') previousTier.set(id, tier.trim());
    });
  }
  return { earlier, previousTier, previousAsOf: previous === null ? null : previous.asOf };
}
