/**
 * The migration's one-sentence takeaway (issue 8 §2), computed from the
 * numbers: the largest upward move between two tiers, the total up when
 * other tiers moved up too, and the total down.
 * "23 customers moved up from Silver to Gold; 15 moved down" /
 * "本期 23 位客户从银卡升为金卡，15 位降级". Pure.
 */
import type { Localized } from '../../i18n/locale';
import type { HistoryReport } from './report';

type Migration = NonNullable<HistoryReport['migration']>;

/** `labels`: per tier key of `migration.tiers`, its label in each language. */
export function migrationSentence(migration: Migration, labels: ReadonlyMap<string, Localized>): Localized {
  const up = migration.movedUp.customers;
  const down = migration.movedDown.customers;
  let best: { from: number; to: number; n: number } | null = null;
  migration.counts.forEach((row, from) =>
    row.forEach((n, to) => {
      // Only upward cells: a move between two tiers counted in movedUp is one whose rank rose; the biggest cell among them.
      if (n > 0 && from !== to && (best === null || n > best.n) && isUp(migration, from, to)) best = { from, to, n };
    }),
  );
  const label = (i: number): Localized => labels.get(migration.tiers[i] as string) ?? { en: migration.tiers[i] as string, zh: migration.tiers[i] as string };
  const downEn = down === 0 ? 'none moved down' : `${down} moved down`;
  const downZh = down === 0 ? '无客户降级' : `${down} 位降级`;
  const top = best as { from: number; to: number; n: number } | null;
  if (up === 0 || top === null) return { en: `No customer moved up; ${downEn}.`, zh: `本期没有客户升级，${downZh}。` };
  const from = label(top.from);
  const to = label(top.to);
  if (top.n === up) return { en: `${up} ${up === 1 ? 'customer' : 'customers'} moved up from ${from.en} to ${to.en}; ${downEn}.`, zh: `本期 ${up} 位客户从${from.zh}升为${to.zh}，${downZh}。` };
  return {
    en: `${up} customers moved up (${top.n} from ${from.en} to ${to.en}); ${downEn}.`,
    zh: `本期 ${up} 位客户升级（其中 ${top.n} 位从${from.zh}升为${to.zh}），${downZh}。`,
  };
}

/** Whether a move from tier `from` to tier `to` (list positions) is upward: its rank order, as the report's ranks. */
function isUp(migration: Migration, from: number, to: number): boolean {
  return (migration.ranks[to] ?? 0) > (migration.ranks[from] ?? 0);
}
