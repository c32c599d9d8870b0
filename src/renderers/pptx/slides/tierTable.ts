/** Every tier of the tier list with its numbers, and the total. */
import { formatCount, formatDays, formatMoney, formatShare, NO_VALUE } from '../../../domain/summary/numberText';
import { tierTakeaway } from '../../../domain/summary/takeaways';
import { contentSlide, type DeckContext } from '../context';
import { DECK_STRINGS as S } from '../strings';
import { COLOR, CONTENT, hexColor } from '../theme';
import { bodyCell, headerCell, TABLE_BORDER } from './table';

/** The table as text, row by row (header first): what the slide shows and the tests read. */
export function tierTableRows(ctx: DeckContext): string[][] {
  const { summary, settings } = ctx.input;
  const n = (x: number): string => formatCount(x, ctx.locale);
  const money = (x: number | null): string => (x === null ? NO_VALUE : formatMoney(x, ctx.locale));
  const rows: string[][] = [[S.colTier, S.colCustomers, S.colCustomerShare, S.colRevenue, S.colRevenueShare, S.colAvgSpend, S.colAvgRecency].map((h) => ctx.t(h))];
  for (const g of summary.byTier) {
    const tier = settings.tiers.find((t) => t.key === g.key);
    rows.push([tier ? ctx.t(tier.label) : g.key, n(g.customers), formatShare(g.customerShare), money(g.revenue), formatShare(g.revenueShare), money(g.avgSpend), formatDays(g.avgRecencyDays, ctx.locale)]);
  }
  rows.push([ctx.t(S.total), n(summary.customers), summary.customers > 0 ? '100%' : NO_VALUE, money(summary.revenue), summary.revenue > 0 ? '100%' : NO_VALUE, money(summary.customers > 0 ? summary.revenue / summary.customers : null), '']);
  return rows;
}

export function addTierTableSlide(ctx: DeckContext): void {
  const { summary, settings } = ctx.input;
  const slide = contentSlide(ctx, ctx.t(S.tierTableTitle), ctx.t(tierTakeaway(summary, settings)));
  const rows = tierTableRows(ctx);
  // Inches; the last column is wide enough for its header on one line in both languages (10 CJK characters at 13 pt bold).
  const colW = [2.2, 1.4, 1.5, 1.9, 1.5, 1.6, 2.13];
  const last = rows.length - 1;
  const table = rows.map((row, r) =>
    row.map((text, c) => {
      const align = c === 0 ? 'left' : 'right';
      if (r === 0) return headerCell(ctx, text, align);
      const tier = r < last ? settings.tiers.find((t) => t.key === summary.byTier[r - 1]?.key) : undefined;
      if (c === 0 && tier) return bodyCell(ctx, text, align, { fill: { color: hexColor(tier.color) }, bold: true });
      return bodyCell(ctx, text, align, r === last ? { bold: true, fill: { color: COLOR.accentLight } } : {});
    }),
  );
  slide.addTable(table, { x: CONTENT.x, y: CONTENT.y + 0.1, w: CONTENT.w, colW, rowH: 0.5, border: TABLE_BORDER, autoPage: false });
}
