/** The key figures: six tiles, each a number, what it is, and its context. */
import { formatCount, formatMoney, formatShare, NO_VALUE } from '../../../domain/summary/numberText';
import { kpiTakeaway, topTier } from '../../../domain/summary/takeaways';
import { contentSlide, type DeckContext } from '../context';
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, SIZE } from '../theme';

interface Tile {
  readonly value: string;
  readonly label: string;
  readonly sub: string;
}

export function kpiTiles(ctx: DeckContext): Tile[] {
  const { summary, settings } = ctx.input;
  const { kpis } = summary;
  const n = (x: number): string => formatCount(x, ctx.locale);
  const money = (x: number): string => formatMoney(x, ctx.locale);
  const top = topTier(summary, settings.tiers);
  const avgPerBuyer = summary.scored > 0 ? money(summary.revenue / summary.scored) : NO_VALUE;
  return [
    { value: n(summary.customers), label: ctx.t(S.kpiCustomers), sub: fill(ctx.t(S.kpiCustomersSub), { scored: n(summary.scored), prospects: n(summary.prospects) }) },
    { value: money(summary.revenue), label: ctx.t(S.kpiRevenue), sub: fill(ctx.t(S.kpiRevenueSub), { avg: avgPerBuyer }) },
    {
      value: formatShare(top?.group.revenueShare ?? null),
      label: fill(ctx.t(S.kpiTopTier), { tier: top === null ? NO_VALUE : ctx.t(top.tier.label) }),
      sub: fill(ctx.t(S.kpiTopTierSub), { n: n(top?.group.customers ?? 0) }),
    },
    { value: formatShare(kpis.repeatRate), label: ctx.t(S.kpiRepeat), sub: ctx.t(S.kpiRepeatSub) },
    {
      value: n(kpis.atRiskCustomers),
      label: ctx.t(S.kpiAtRisk),
      sub: fill(ctx.t(S.kpiAtRiskSub), { revenue: money(kpis.atRiskRevenue), churned: formatShare(kpis.churnedShare) }),
    },
    kpis.avgSatisfaction === null
      ? { value: NO_VALUE, label: ctx.t(S.kpiSatisfaction), sub: ctx.t(S.kpiNoSatisfaction) }
      : { value: new Intl.NumberFormat(ctx.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(kpis.avgSatisfaction), label: ctx.t(S.kpiSatisfaction), sub: ctx.t(S.kpiSatisfactionSub) },
  ];
}

export function addKpiSlide(ctx: DeckContext): void {
  const slide = contentSlide(ctx, ctx.t(S.kpiTitle), ctx.t(kpiTakeaway(ctx.input.summary)));
  const tiles = kpiTiles(ctx);
  const columns = 3;
  const gap = 0.3;
  const w = (CONTENT.w - gap * (columns - 1)) / columns;
  const h = 2.2;
  tiles.forEach((tile, i) => {
    const x = CONTENT.x + (i % columns) * (w + gap);
    const y = CONTENT.y + 0.1 + Math.floor(i / columns) * (h + gap);
    slide.addShape(ctx.pptx.ShapeType.rect, { x, y, w, h, fill: { color: COLOR.tileFill }, line: { color: COLOR.rule, width: 0.75 } });
    slide.addShape(ctx.pptx.ShapeType.rect, { x, y, w: 0.08, h, fill: { color: COLOR.accent }, line: { color: COLOR.accent, width: 0 } });
    slide.addText(tile.label, { x: x + 0.3, y: y + 0.15, w: w - 0.45, h: 0.45, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.kpiLabel, color: COLOR.muted, margin: 0, valign: 'middle', fit: 'shrink' });
    slide.addText(tile.value, { x: x + 0.3, y: y + 0.6, w: w - 0.45, h: 0.85, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.kpiValue, bold: true, color: COLOR.ink, margin: 0, valign: 'middle', fit: 'shrink' });
    slide.addText(tile.sub, { x: x + 0.3, y: y + 1.5, w: w - 0.45, h: 0.55, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.footer, color: COLOR.muted, margin: 0, valign: 'top', fit: 'shrink' });
  });
}
