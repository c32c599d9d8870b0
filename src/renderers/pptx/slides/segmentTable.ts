/** The eight segments with their size, revenue and a suggested action each (actions from the settings, defaulted). */
import { formatCount, formatShare } from '../../../domain/summary/numberText';
import { segmentAction } from '../../../domain/summary/segmentActions';
import { importantSegmentsTakeaway } from '../../../domain/summary/takeaways';
import { contentSlide, type DeckContext } from '../context';
import { DECK_STRINGS as S } from '../strings';
import { CONTENT, segmentColor } from '../theme';
import { bodyCell, headerCell, TABLE_BORDER } from './table';

export function segmentTableRows(ctx: DeckContext): string[][] {
  const { summary, settings } = ctx.input;
  const rows: string[][] = [[S.colSegment, S.colCustomers, S.colRevenueShare, S.colAction].map((h) => ctx.t(h))];
  for (const g of summary.bySegment) {
    const segment = settings.segments.find((s) => s.key === g.key);
    rows.push([segment ? ctx.t(segment.label) : g.key, formatCount(g.customers, ctx.locale), formatShare(g.revenueShare), ctx.t(segmentAction(settings, g.key))]);
  }
  return rows;
}

export function addSegmentTableSlide(ctx: DeckContext): void {
  const slide = contentSlide(ctx, ctx.t(S.segmentTableTitle), ctx.t(importantSegmentsTakeaway(ctx.input.summary)));
  const rows = segmentTableRows(ctx);
  const keys = ctx.input.summary.bySegment.map((g) => g.key);
  const table = rows.map((row, r) =>
    row.map((text, c) => {
      const align = c === 1 || c === 2 ? 'right' : 'left';
      if (r === 0) return headerCell(ctx, text, align);
      const key = keys[r - 1] ?? '';
      if (c === 0) return bodyCell(ctx, text, align, { bold: true, color: segmentColor(key) === '1F4E79' ? '1F4E79' : '3F5F8F' });
      return bodyCell(ctx, text, align);
    }),
  );
  slide.addTable(table, { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, colW: [2.6, 1.3, 1.4, 6.93], rowH: 0.52, border: TABLE_BORDER, autoPage: false });
}
