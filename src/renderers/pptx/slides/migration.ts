/**
 * Tier migration (issue 8 §2): the sentence computed from the numbers
 * ("23 customers moved up from Silver to Gold; 15 moved down") and the
 * matrix previous tier x current tier, customers per cell, with the rows of
 * customers new to the history and of previous tiers no longer in the list.
 */
import { migrationSentence } from '../../../domain/history/sentence';
import { formatCount } from '../../../domain/summary/numberText';
import type { Localized } from '../../../i18n/locale';
import { contentSlide, type DeckContext } from '../context';
import { COLOR, CONTENT, hexColor } from '../theme';
import { bodyCell, headerCell, TABLE_BORDER } from './table';

const TEXT = {
  title: { en: 'Tier migration', zh: '等级变化' },
  corner: { en: 'Previous \\ now', zh: '上期 \\ 本期' },
  newRow: { en: 'No previous tier', zh: '无上期等级' },
  unlistedRow: { en: 'Tier not in the list', zh: '等级不在列表中' },
  total: { en: 'Total', zh: '合计' },
} as const satisfies Record<string, Localized>;

/** The matrix as text, header row first: what the slide shows and the tests read. */
export function migrationTableRows(ctx: DeckContext): string[][] {
  const m = ctx.input.migration;
  if (!m) return [];
  const n = (x: number): string => formatCount(x, ctx.locale);
  const label = (key: string): string => {
    const tier = ctx.input.settings.tiers.find((t) => t.key === key);
    return tier ? ctx.t(tier.label) : key;
  };
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const rows: string[][] = [[ctx.t(TEXT.corner), ...m.tiers.map(label), ctx.t(TEXT.total)]];
  m.counts.forEach((row, i) => rows.push([label(m.tiers[i] as string), ...row.map(n), n(sum(row))]));
  rows.push([ctx.t(TEXT.newRow), ...m.newCounts.map(n), n(sum(m.newCounts))]);
  rows.push([ctx.t(TEXT.unlistedRow), ...m.unlistedCounts.map(n), n(sum(m.unlistedCounts))]);
  return rows;
}

export function addMigrationSlide(ctx: DeckContext): void {
  const m = ctx.input.migration;
  if (!m) return;
  const labels = new Map(ctx.input.settings.tiers.map((t) => [t.key, t.label] as const));
  const slide = contentSlide(ctx, ctx.t(TEXT.title), ctx.t(migrationSentence(m, labels)));
  const rows = migrationTableRows(ctx);
  const columns = rows[0]?.length ?? 1;
  const first = 2.6;
  const colW = [first, ...Array.from({ length: columns - 1 }, () => (CONTENT.w - first) / (columns - 1))];
  const table = rows.map((row, r) =>
    row.map((text, c) => {
      const align = c === 0 ? 'left' : 'right';
      if (r === 0) return headerCell(ctx, text, align);
      const tier = r <= m.tiers.length ? ctx.input.settings.tiers.find((t) => t.key === m.tiers[r - 1]) : undefined;
      if (c === 0 && tier) return bodyCell(ctx, text, align, { fill: { color: hexColor(tier.color) }, bold: true });
      // The diagonal (the same tier as before) is shaded.
      return bodyCell(ctx, text, align, c === r && r <= m.tiers.length ? { fill: { color: COLOR.accentLight } } : {});
    }),
  );
  slide.addTable(table, { x: CONTENT.x, y: CONTENT.y + 0.1, w: CONTENT.w, colW, rowH: 0.45, border: TABLE_BORDER, autoPage: false });
}
