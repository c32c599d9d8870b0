/**
 * The last slide: the rules behind every number (as-of date, breakpoints,
 * tier thresholds, segment cut, lifecycle days) so the audience can trust them.
 */
import { formatIsoDay } from '../../../domain/dates';
import type { TierDefinition } from '../../../domain/settings';
import { formatCount, formatMoney } from '../../../domain/summary/numberText';
import { contentSlide, type DeckContext } from '../context';
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, SIZE } from '../theme';
import { bodyCell, headerCell, TABLE_BORDER } from './table';

/** Inches of the breakpoint table's first column (metric names). */
const METRIC_COL_W = 1.6;

function tierRule(ctx: DeckContext, tier: TierDefinition): string {
  const name = ctx.t(tier.label);
  switch (tier.rule.kind) {
    case 'prospect': return fill(ctx.t(S.ruleProspect), { tier: name });
    case 'new': return fill(ctx.t(S.ruleNew), { tier: name, days: formatCount(tier.rule.withinDays, ctx.locale) });
    case 'score': return fill(ctx.t(S.ruleScore), { tier: name, score: formatCount(tier.rule.minScore, ctx.locale) });
    case 'fallback': return fill(ctx.t(S.ruleFallback), { tier: name });
  }
}

/** The rule sentences, in the slide's order. */
export function ruleLines(ctx: DeckContext): string[] {
  const { settings, asOf, breakpoints } = ctx.input;
  const separator = ctx.locale === 'zh-CN' ? '；' : '; ';
  const quantiles = settings.quantiles.map((q) => `${Math.round(q * 100)}`).join('/');
  return [
    fill(ctx.t(S.rulesAsOf), { date: formatIsoDay(asOf) }),
    breakpoints === null ? ctx.t(S.rulesNoScores) : fill(ctx.t(S.rulesScores), { q: quantiles }),
    fill(ctx.t(S.rulesTiers), { rules: settings.tiers.map((t) => tierRule(ctx, t)).join(separator) }),
    fill(ctx.t(S.rulesSegments), { cut: formatCount(settings.highScoreCut, ctx.locale) }),
    fill(ctx.t(S.rulesLifecycle), {
      churned: formatCount(settings.lifecycle.churnedAfterDays, ctx.locale),
      atRisk: formatCount(settings.lifecycle.atRiskAfterDays, ctx.locale),
      newDays: formatCount(settings.lifecycle.newWithinDays, ctx.locale),
    }),
    ctx.t(S.rulesMoney),
  ];
}

export function addRulesSlide(ctx: DeckContext): void {
  const slide = contentSlide(ctx, ctx.t(S.rulesTitle), ctx.t(S.rulesTakeaway));
  const lines = ruleLines(ctx);
  const textW = 6.0;
  slide.addText(
    lines.map((text) => ({ text, options: { bullet: { indent: 14 }, breakLine: true, paraSpaceAfter: 6 } })),
    { x: CONTENT.x, y: CONTENT.y, w: textW, h: 5.0, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.body, color: COLOR.ink, valign: 'top', margin: 0, fit: 'shrink' },
  );
  const { breakpoints } = ctx.input;
  if (breakpoints === null) return;
  const nf = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 });
  // Amounts of 1,000 and more without cents, as every amount in the deck (and the cell stays one line).
  const money = (b: number): string => (Math.abs(b) >= 1000 ? formatMoney(b, ctx.locale) : nf.format(b));
  const rows = [
    [ctx.t(S.colMetric), 'b1', 'b2', 'b3', 'b4'],
    [ctx.t(S.recencyDays), ...breakpoints.recency.map((b) => nf.format(b))],
    [ctx.t(S.frequency), ...breakpoints.frequency.map((b) => nf.format(b))],
    [ctx.t(S.monetary), ...breakpoints.monetary.map(money)],
  ];
  const x = CONTENT.x + textW + 0.3;
  const w = CONTENT.x + CONTENT.w - x;
  slide.addTable(
    rows.map((row, r) => row.map((text, c) => (r === 0 ? headerCell(ctx, text, c === 0 ? 'left' : 'right') : bodyCell(ctx, text, c === 0 ? 'left' : 'right')))),
    { x, y: CONTENT.y, w, colW: [METRIC_COL_W, ...[0, 1, 2, 3].map(() => (w - METRIC_COL_W) / 4)], rowH: 0.5, border: TABLE_BORDER, autoPage: false, fontSize: SIZE.table },
  );
}
