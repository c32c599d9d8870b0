/**
 * The pane's side of grade history (issue 8 §2): the build's as-of date as
 * the pane knows it before the worker grades, the History sheet's previous
 * tiers sent to the worker, and the Done screen's movement counts.
 */
import type { DayNumber } from '../domain/dates';
import { countMovements, tierRankByName } from '../domain/history/movement';
import type { GradingSettings } from '../domain/settings';
import type { Locale } from '../i18n/locale';
import type { WorkbookPlan } from '../plan/types';
import type { WorkbookHistory } from '../renderers/excel/readHistory';
import type { WireHistory } from '../worker/protocol';
import type { DoneHistoryView } from './screens/DoneHistory';

/**
 * The as-of date the worker will grade with: the fixed day, today, or (auto)
 * the day after the latest purchase the source analysis found; today when
 * that is not known yet (the previous snapshot is then the latest before today).
 */
export function expectedAsOf(settings: GradingSettings, latestPurchase: DayNumber | null, today: DayNumber): DayNumber {
  if (settings.asOf.mode === 'fixed') return settings.asOf.day;
  if (settings.asOf.mode === 'auto' && latestPurchase !== null) return (latestPurchase + 1) as DayNumber;
  return today;
}

/** What the worker gets: the previous tiers, or none (a first build: the plan still records this build's snapshot). */
export function wireHistory(read: WorkbookHistory | null): WireHistory {
  if (read === null) return { previousTier: [], previousAsOf: null };
  return { previousTier: [...read.input.previousTier], previousAsOf: read.input.previousAsOf };
}

/** The Done screen's history line; null when the plan recorded no history. */
export function doneHistoryView(plan: WorkbookPlan, wire: WireHistory, settings: GradingSettings, locale: Locale): DoneHistoryView | null {
  if (!plan.history) return null;
  // The snapshot's previous tier applies only to an earlier date (a same-date rebuild compares with the one before).
  const previous = new Map(wire.previousTier);
  return { previousAsOf: wire.previousAsOf, movements: countMovements(previous, plan.history.current, tierRankByName(settings.tiers, locale)) };
}
