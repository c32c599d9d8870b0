/**
 * How customers moved since the previous snapshot (issue 8 §2), for the
 * pane's Done screen: "Compared with <date>: N moved up, M moved down, K new".
 * Pure: no host library.
 *
 * Ranks: a tier's standing, not its place in the first-match list (the
 * default list reads Prospect, New, Gold, Silver, Regular): Prospect < New <
 * the fallback tier < score tiers by their minimum score. The same order as
 * the Customers table's Change formula (plan/parts/history.ts, tierRanks).
 */
import type { Locale } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import type { TierDefinition } from '../settings';
import type { BuildSnapshot } from './types';
import { tierRanks } from './migration';

/** Each tier's rank (migration.ts's tierRanks, the Change formula's) by its label in `locale`, either language's label and its key, lower-cased (higher = better). */
export function tierRankByName(tiers: readonly TierDefinition[], locale: Locale): ReadonlyMap<string, number> {
  const rankOf = tierRanks(tiers);
  const ranks = new Map<string, number>();
  tiers.forEach((tier, index) => {
    for (const name of [pick(tier.label, locale), tier.label.en, tier.label.zh, tier.key]) {
      const k = name.trim().toLowerCase();
      if (!ranks.has(k)) ranks.set(k, rankOf[index] as number);
    }
  });
  return ranks;
}

export interface MovementCounts {
  readonly up: number;
  readonly down: number;
  readonly same: number;
  /** Customers with no tier in the previous snapshot. */
  readonly new: number;
  /** A previous or current tier no longer in the tier list: neither up nor down. */
  readonly unlisted: number;
}

/** Counts this build's customers by how their tier moved from `previousTier` (ID -> label). */
export function countMovements(
  previousTier: ReadonlyMap<string, string>,
  current: Pick<BuildSnapshot, 'ids' | 'tier'>,
  ranks: ReadonlyMap<string, number>,
): MovementCounts {
  const counts = { up: 0, down: 0, same: 0, new: 0, unlisted: 0 };
  current.ids.forEach((id, i) => {
    const now = current.tier[i];
    if (now === null || now === undefined || now === '') return;
    const before = previousTier.get(id.trim());
    if (before === undefined || before === '') {
      counts.new += 1;
      return;
    }
    const p = ranks.get(before.trim().toLowerCase());
    const c = ranks.get(now.trim().toLowerCase());
    if (p === undefined || c === undefined) counts.unlisted += 1;
    else if (c > p) counts.up += 1;
    else if (c < p) counts.down += 1;
    else counts.same += 1;
  });
  return counts;
}
