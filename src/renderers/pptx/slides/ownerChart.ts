/**
 * Customers per owner (sales rep), stacked by tier in the tier colours
 * (native chart). At most MAX_OWNER_BARS owners by revenue; the rest are
 * one "other owners" bar so the bars stay readable.
 */
import { formatCount } from '../../../domain/summary/numberText';
import { NO_OWNER_LABEL, ownerTakeaway } from '../../../domain/summary/takeaways';
import type { OwnerSummary } from '../../../domain/summary/types';
import { chartText, contentSlide, countAxis, type DeckContext } from '../context';
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, hexColor } from '../theme';

export const MAX_OWNER_BARS = 10;

export function ownerChartData(ctx: DeckContext): { labels: string[]; series: { name: string; values: number[] }[]; colors: string[] } {
  const { summary, settings } = ctx.input;
  const owners = summary.byOwner;
  const shown: OwnerSummary[] = owners.length > MAX_OWNER_BARS ? owners.slice(0, MAX_OWNER_BARS - 1) : [...owners];
  const rest = owners.slice(shown.length);
  const labels = shown.map((o) => (o.owner === null ? ctx.t(NO_OWNER_LABEL) : o.owner));
  if (rest.length > 0) labels.push(fill(ctx.t(S.ownerOther), { n: formatCount(rest.length, ctx.locale) }));
  const tiers = settings.tiers.filter((t) => owners.some((o) => (o.tiers[t.key] ?? 0) > 0));
  const series = tiers.map((t) => {
    const values = shown.map((o) => o.tiers[t.key] ?? 0);
    if (rest.length > 0) values.push(rest.reduce((n, o) => n + (o.tiers[t.key] ?? 0), 0));
    // Horizontal bars: reversed so that the owner with most revenue is on top.
    return { name: ctx.t(t.label), values: values.reverse() };
  });
  return { labels: labels.reverse(), series, colors: tiers.map((t) => hexColor(t.color)) };
}

export function addOwnerChartSlide(ctx: DeckContext): void {
  const takeaway = ownerTakeaway(ctx.input.summary);
  if (takeaway === null) return;
  const slide = contentSlide(ctx, ctx.t(S.ownerChartTitle), ctx.t(takeaway));
  const data = ownerChartData(ctx);
  slide.addChart(
    ctx.pptx.ChartType.bar,
    data.series.map((s) => ({ name: s.name, labels: data.labels, values: s.values })),
    {
      ...chartText(ctx),
      x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: 5.0,
      barDir: 'bar', barGrouping: 'stacked', barGapWidthPct: 40, barOverlapPct: 100,
      chartColors: data.colors,
      dataBorder: { pt: 0.75, color: COLOR.barOutline },
      showLegend: true, legendPos: 'b',
      valAxisLabelFormatCode: '#,##0',
      ...countAxis(Math.max(0, ...data.labels.map((_, i) => data.series.reduce((n, s) => n + (s.values[i] ?? 0), 0)))),
      altText: ctx.t(S.ownerChartTitle),
    },
  );
}
