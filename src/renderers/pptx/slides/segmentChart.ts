/** Customers per segment, largest first, as horizontal bars (native chart). */
import { segmentTakeaway } from '../../../domain/summary/takeaways';
import { chartText, contentSlide, countAxis, note, type DeckContext } from '../context';
import { DECK_STRINGS as S } from '../strings';
import { CONTENT, segmentColor } from '../theme';

export function segmentChartData(ctx: DeckContext): { labels: string[]; values: number[]; colors: string[] } {
  const { summary, settings } = ctx.input;
  const order = new Map(settings.segments.map((s, i) => [s.key, i]));
  const groups = [...summary.bySegment].sort((a, b) => b.customers - a.customers || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  const labelOf = (key: string): string => {
    const segment = settings.segments.find((s) => s.key === key);
    return segment ? ctx.t(segment.label) : key;
  };
  // PowerPoint draws the first category of a horizontal bar chart at the bottom: reversed, the largest is on top.
  const top = groups.reverse();
  return { labels: top.map((g) => labelOf(g.key)), values: top.map((g) => g.customers), colors: top.map((g) => segmentColor(g.key)) };
}

export function addSegmentChartSlide(ctx: DeckContext): void {
  const { summary, settings } = ctx.input;
  const slide = contentSlide(ctx, ctx.t(S.segmentChartTitle), ctx.t(segmentTakeaway(summary, settings)));
  const data = segmentChartData(ctx);
  slide.addChart(ctx.pptx.ChartType.bar, [{ name: ctx.t(S.customers), labels: data.labels, values: data.values }], {
    ...chartText(ctx),
    x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: 4.6,
    barDir: 'bar',
    barGapWidthPct: 45,
    chartColors: data.colors,
    showValue: true,
    dataLabelPosition: 'outEnd',
    dataLabelFormatCode: '#,##0',
    valAxisLabelFormatCode: '#,##0',
    ...countAxis(Math.max(0, ...data.values)),
    altText: ctx.t(S.segmentChartTitle),
  });
  note(ctx, slide, ctx.t(S.segmentChartNote));
}
