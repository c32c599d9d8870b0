/**
 * Tier migration (issue 8 §2): how each customer's tier moved since the
 * previous snapshot, and the matrix previous tier x current tier. The
 * workbook computes the same with live formulas (the Customers table's
 * Change column, the Summary's migration block); this is the core those
 * formulas are checked against and whose results are cached beside them.
 *
 * Up and down follow a tier's RANK, not its place in the tier list (the list
 * is in rule order: Prospect and New come first because their rules are
 * tested first). Ranks, low to high: prospect-rule tiers, new-customer-rule
 * tiers, the fallback tier, then score tiers by their minimum score; ties
 * keep list order, the earlier tier ranking higher. So Silver -> Gold is up,
 * Prospect -> anything is up, Gold -> Regular is down.
 *
 * Labels are compared as spreadsheet MATCH and COUNTIFS compare text:
 * ignoring case, whole cell. A previous label that names no tier of the
 * current list (a tier renamed or removed) is `unlisted`, never an error.
 * Pure: no host library.
 */
import type { Locale } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import type { TierDefinition } from '../settings';
import { normalizeTierName } from '../grading/grade';

export type TierChange = 'up' | 'down' | 'same' | 'new' | 'unlisted';
export const TIER_CHANGES: readonly TierChange[] = ['up', 'down', 'same', 'new', 'unlisted'];

function classOf(tier: TierDefinition): number {
  switch (tier.rule.kind) {
    case 'prospect':
      return 0;
    case 'new':
      return 1;
    case 'fallback':
      return 2;
    case 'score':
      return 3;
  }
}

/** Each tier's rank (1 = lowest, n = highest, all distinct), in tier-list order. */
export function tierRanks(tiers: readonly TierDefinition[]): number[] {
  const order = tiers
    .map((tier, index) => ({ index, cls: classOf(tier), score: tier.rule.kind === 'score' ? tier.rule.minScore : 0 }))
    .sort((a, b) => a.cls - b.cls || a.score - b.score || b.index - a.index);
  const ranks = new Array<number>(tiers.length);
  order.forEach((x, k) => (ranks[x.index] = k + 1));
  return ranks;
}

/** Spreadsheet text equality (MATCH, COUNTIFS): case-insensitive, whole cell. */
export function sameCellText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Position (0-based) of a label in the current labels as MATCH(...,0) finds it; -1 when absent. */
export function labelPosition(label: string, labels: readonly string[]): number {
  return labels.findIndex((l) => sameCellText(l, label));
}

/**
 * The Previous tier value a build writes: the previous label as the history
 * holds it, turned into the current list's label (in `locale`) when it names
 * a tier by its key or either language's label (trimmed, NFKC, any case:
 * normalizeTierName) — so a history kept in Chinese still compares in an
 * English build. Otherwise the label as it was (the Change column then says
 * the tier is not in the list).
 */
export function previousTierLabel(previous: string, tiers: readonly TierDefinition[], locale: Locale): string {
  const wanted = normalizeTierName(previous);
  for (const tier of tiers) {
    if ([tier.key, tier.label.en, tier.label.zh].some((name) => normalizeTierName(name) === wanted)) return pick(tier.label, locale);
  }
  return previous.trim();
}

/** How one customer moved: `previous` null or '' = no earlier grade. */
export function tierChange(previous: string | null, current: string, labels: readonly string[], ranks: readonly number[]): TierChange {
  if (previous === null || previous === '') return 'new';
  const p = labelPosition(previous, labels);
  const c = labelPosition(current, labels);
  if (p < 0 || c < 0) return 'unlisted';
  const d = (ranks[c] as number) - (ranks[p] as number);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

export interface ChangeTotal {
  readonly customers: number;
  /** Sum of the customers' spend, currency units. */
  readonly revenue: number;
}

export interface MigrationMatrix {
  /** Current tier labels: the columns, and the first rows (previous tier). */
  readonly labels: readonly string[];
  /** [previous tier][current tier]: customers. */
  readonly counts: readonly (readonly number[])[];
  /** [previous tier][current tier]: their spend. */
  readonly revenue: readonly (readonly number[])[];
  /** Per current tier: customers without a previous tier (new to the history). */
  readonly newCounts: readonly number[];
  readonly newRevenue: readonly number[];
  /** Per current tier: customers whose previous label is not in the list (a tier renamed or removed). */
  readonly unlistedCounts: readonly number[];
  readonly unlistedRevenue: readonly number[];
  readonly totals: Readonly<Record<TierChange, ChangeTotal>>;
}

const roundCents = (x: number): number => Math.round(x * 100) / 100;

/**
 * The matrix over customers i: `previousTier[i]` (null = none), the current
 * tier label `currentTier[i]`, spend `spend[i]`; `labels` the current tier
 * list's labels in list order and `ranks` their tierRanks. A customer whose
 * current tier is not in the list is in no cell (and counted `unlisted`).
 */
export function migrationMatrix(
  previousTier: readonly (string | null)[],
  currentTier: readonly string[],
  spend: readonly number[],
  labels: readonly string[],
  ranks: readonly number[],
): MigrationMatrix {
  const n = labels.length;
  const grid = (): number[][] => labels.map(() => new Array<number>(n).fill(0));
  const counts = grid();
  const revenue = grid();
  const newCounts = new Array<number>(n).fill(0);
  const newRevenue = new Array<number>(n).fill(0);
  const unlistedCounts = new Array<number>(n).fill(0);
  const unlistedRevenue = new Array<number>(n).fill(0);
  const totals: Record<TierChange, { customers: number; revenue: number }> = {
    up: { customers: 0, revenue: 0 },
    down: { customers: 0, revenue: 0 },
    same: { customers: 0, revenue: 0 },
    new: { customers: 0, revenue: 0 },
    unlisted: { customers: 0, revenue: 0 },
  };
  currentTier.forEach((current, i) => {
    const previous = previousTier[i] ?? null;
    const money = spend[i] ?? 0;
    const change = tierChange(previous, current, labels, ranks);
    totals[change].customers += 1;
    totals[change].revenue += money;
    const c = labelPosition(current, labels);
    if (c < 0) return;
    if (previous === null || previous === '') {
      newCounts[c] = (newCounts[c] as number) + 1;
      newRevenue[c] = (newRevenue[c] as number) + money;
      return;
    }
    const p = labelPosition(previous, labels);
    if (p < 0) {
      unlistedCounts[c] = (unlistedCounts[c] as number) + 1;
      unlistedRevenue[c] = (unlistedRevenue[c] as number) + money;
      return;
    }
    (counts[p] as number[])[c] = ((counts[p] as number[])[c] as number) + 1;
    (revenue[p] as number[])[c] = ((revenue[p] as number[])[c] as number) + money;
  });
  const round = (xs: number[]): number[] => xs.map(roundCents);
  return {
    labels: labels.slice(),
    counts,
    revenue: revenue.map(round),
    newCounts,
    newRevenue: round(newRevenue),
    unlistedCounts,
    unlistedRevenue: round(unlistedRevenue),
    totals: Object.fromEntries(TIER_CHANGES.map((k) => [k, { customers: totals[k].customers, revenue: roundCents(totals[k].revenue) }])) as Record<TierChange, ChangeTotal>,
  };
}
