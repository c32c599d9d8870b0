/**
 * The report's `history` key (issue 8 §2), after every other key:
 *
 *   "history": { "asOf": "YYYY-MM-DD",
 *                "snapshots": ["YYYY-MM-DD", ...],   // the earlier ones and this build's, ascending
 *                "previousAsOf": "YYYY-MM-DD" | null,
 *                "migration": null | {               // null without an earlier snapshot
 *                  "tiers": [tier keys],              // columns (current tier) and the first rows (previous tier)
 *                  "ranks": [n],                      // each tier's rank, 1 = lowest (up / down compare these)
 *                  "counts": [[n]], "revenue": [[x]], // [previous][current]
 *                  "newCounts": [n], "newRevenue": [x],           // no previous tier, per current tier
 *                  "unlistedCounts": [n], "unlistedRevenue": [x], // previous tier not in the list
 *                  "movedUp": {customers, revenue}, "movedDown": ..., "same": ..., "new": ..., "unlisted": ... } }
 *
 * Up and down are by tier rank (migration.ts). Pure.
 */
import type { Locale } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import { formatIsoDay } from '../dates';
import type { GradingSettings } from '../settings';
import type { GradingResult } from '../types';
import type { HistoryInput } from './types';
import { migrationMatrix, previousTierLabel, tierRanks, type ChangeTotal } from './migration';

export interface HistoryReport {
  readonly asOf: string;
  readonly snapshots: readonly string[];
  readonly previousAsOf: string | null;
  readonly migration: {
    readonly tiers: readonly string[];
    /** Each tier's rank (1 = lowest; up and down compare these), in `tiers` order. */
    readonly ranks: readonly number[];
    readonly counts: readonly (readonly number[])[];
    readonly revenue: readonly (readonly number[])[];
    readonly newCounts: readonly number[];
    readonly newRevenue: readonly number[];
    readonly unlistedCounts: readonly number[];
    readonly unlistedRevenue: readonly number[];
    readonly movedUp: ChangeTotal;
    readonly movedDown: ChangeTotal;
    readonly same: ChangeTotal;
    readonly new: ChangeTotal;
    readonly unlisted: ChangeTotal;
  } | null;
}

export function historyReport(result: GradingResult, settings: GradingSettings, locale: Locale, history: HistoryInput): HistoryReport {
  const dates = new Set(history.earlier.snapshots.map((s) => s.asOf as number));
  dates.add(result.asOf);
  const snapshots = [...dates].sort((a, b) => a - b).map((d) => formatIsoDay(d as typeof result.asOf));
  const base = { asOf: formatIsoDay(result.asOf), snapshots, previousAsOf: history.previousAsOf === null ? null : formatIsoDay(history.previousAsOf) };
  if (history.previousAsOf === null) return { ...base, migration: null };
  const labels = settings.tiers.map((t) => pick(t.label, locale));
  const labelOfKey = new Map(settings.tiers.map((t, i) => [t.key, labels[i] as string] as const));
  const previous = result.customers.map((c) => {
    const raw = history.previousTier.get(c.record.id.trim());
    return raw === undefined ? null : previousTierLabel(raw, settings.tiers, locale);
  });
  const current = result.customers.map((c) => labelOfKey.get(c.tier) ?? c.tier);
  const spend = result.customers.map((c) => c.record.monetary);
  const m = migrationMatrix(previous, current, spend, labels, tierRanks(settings.tiers));
  return {
    ...base,
    migration: {
      tiers: settings.tiers.map((t) => t.key),
      ranks: tierRanks(settings.tiers),
      counts: m.counts,
      revenue: m.revenue,
      newCounts: m.newCounts,
      newRevenue: m.newRevenue,
      unlistedCounts: m.unlistedCounts,
      unlistedRevenue: m.unlistedRevenue,
      movedUp: m.totals.up,
      movedDown: m.totals.down,
      same: m.totals.same,
      new: m.totals.new,
      unlisted: m.totals.unlisted,
    },
  };
}
