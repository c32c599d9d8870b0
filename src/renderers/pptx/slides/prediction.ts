/**
 * Predicted value and churn risk (issue 9): expected revenue and CLV by tier
 * as a native clustered column chart, and beside it the first
 * PREDICTION_SLIDE_LIST customers of the call-first list (high churn risk,
 * highest CLV first: src/domain/prediction/summary.ts), with a takeaway
 * computed from those numbers. The slide exists only when the build has a
 * value prediction (deckSlides decides).
 */
import type { DeckPrediction } from '../context';
import { formatMoney, formatShare } from '../../../domain/summary/numberText';
import { predictionTakeaway } from '../../../domain/summary/takeaways';
import { chartText, contentSlide, note, type DeckContext } from '../context';
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, SIZE } from '../theme';
import { bodyCell, headerCell, TABLE_BORDER } from './table';

/** Customers of the call-first list on the slide (the Summary sheet lists AT_RISK_LIST_LENGTH). */
export const PREDICTION_SLIDE_LIST = 10;
/**
 * Each table column: its width (inches) and, for text, how many narrow
 * characters fit on one 13 pt line in it (a CJK character counts two): a
 * longer text is cut with an ellipsis rather than wrapped, so ten rows fit.
 */
const COLUMNS = { id: { w: 1.3, chars: 12 }, name: { w: 1.9, chars: 18 }, owner: { w: 1.2, chars: 11 }, pAlive: { w: 1.05 }, clv: { w: 1.05 } } as const;

const isWide = (ch: string): boolean => /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) || (ch.codePointAt(0) ?? 0) >= 0x20000;

/** `text` cut to `units` narrow-character widths, with an ellipsis when cut. */
function fitWidth(text: string, units: number): string {
  let used = 0;
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const w = isWide(ch) ? 2 : 1;
    if (used + w > units || (used + w === units && i < chars.length - 1)) return `${out.join('')}…`;
    out.push(ch);
    used += w;
  }
  return text;
}

/** Whether the deck gets the prediction slide: a prediction with values (a spend model). */
export function hasPredictionSlide(prediction: DeckPrediction | null | undefined): prediction is DeckPrediction {
  return prediction !== null && prediction !== undefined && prediction.summary.byTier.some((g) => g.expectedRevenue !== null);
}

export interface PredictionChartData {
  readonly labels: string[];
  readonly expectedRevenue: number[];
  readonly clv: number[];
}

/** Tiers with a predicted customer, in tier-list order. */
export function predictionChartData(ctx: DeckContext, prediction: DeckPrediction): PredictionChartData {
  const groups = prediction.summary.byTier.filter((g) => g.predicted > 0);
  return {
    labels: groups.map((g) => {
      const tier = ctx.input.settings.tiers.find((t) => t.key === g.key);
      return tier ? ctx.t(tier.label) : String(g.key);
    }),
    expectedRevenue: groups.map((g) => g.expectedRevenue ?? 0),
    clv: groups.map((g) => g.clv ?? 0),
  };
}

/** The call-first table as text, header first: what the slide shows and the tests read. Name and owner columns only when someone has one. */
export function callFirstRows(ctx: DeckContext, prediction: DeckPrediction): string[][] {
  const listed = prediction.summary.atRiskHighValue.slice(0, PREDICTION_SLIDE_LIST);
  const withName = listed.some((c) => c.name !== null);
  const withOwner = listed.some((c) => c.owner !== null);
  const header = [S.predictionColId, ...(withName ? [S.predictionColName] : []), ...(withOwner ? [S.predictionColOwner] : []), S.predictionColPAlive, S.predictionColClv].map((h) => ctx.t(h));
  const percent = (p: number): string => `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
  return [
    header,
    ...listed.map((c) => [
      fitWidth(c.id, COLUMNS.id.chars),
      ...(withName ? [fitWidth(c.name ?? '', COLUMNS.name.chars)] : []),
      ...(withOwner ? [fitWidth(c.owner ?? '', COLUMNS.owner.chars)] : []),
      percent(c.pAlive),
      formatMoney(c.clv, ctx.locale),
    ]),
  ];
}

export function addPredictionSlide(ctx: DeckContext, prediction: DeckPrediction): void {
  const takeaway = predictionTakeaway({ summary: prediction.summary, highRiskBelow: prediction.highRiskBelow, horizonDays: prediction.horizonDays, shown: PREDICTION_SLIDE_LIST });
  const slide = contentSlide(ctx, ctx.t(S.predictionTitle), ctx.t(takeaway));
  const data = predictionChartData(ctx, prediction);
  const rows = callFirstRows(ctx, prediction);
  const header = rows[0] ?? [];
  const withName = header.includes(ctx.t(S.predictionColName));
  const withOwner = header.includes(ctx.t(S.predictionColOwner));
  const colW = [COLUMNS.id.w, ...(withName ? [COLUMNS.name.w] : []), ...(withOwner ? [COLUMNS.owner.w] : []), COLUMNS.pAlive.w, COLUMNS.clv.w];
  const tableW = colW.reduce((a, b) => a + b, 0);
  const gap = 0.35;
  const chartW = CONTENT.w - tableW - gap;
  const h = 4.55;
  slide.addChart(
    ctx.pptx.ChartType.bar,
    [
      { name: fill(ctx.t(S.predictionExpectedRevenue), { h: String(prediction.horizonDays) }), labels: data.labels, values: data.expectedRevenue },
      { name: fill(ctx.t(S.predictionClv), { m: String(prediction.clvMonths) }), labels: data.labels, values: data.clv },
    ],
    {
      ...chartText(ctx),
      x: CONTENT.x, y: CONTENT.y, w: chartW, h,
      barDir: 'col', barGrouping: 'clustered', barGapWidthPct: 60,
      chartColors: [COLOR.accent, '8FAADC'],
      showValue: true, dataLabelPosition: 'outEnd', dataLabelFormatCode: '#,##0',
      valAxisLabelFormatCode: '#,##0', valAxisMinVal: 0,
      showLegend: true, legendPos: 'b',
      altText: `${ctx.t(S.predictionExpectedRevenue)} / ${ctx.t(S.predictionClv)}`,
    },
  );
  const tx = CONTENT.x + chartW + gap;
  slide.addText(ctx.t(S.predictionListTitle), {
    x: tx, y: CONTENT.y, w: tableW, h: 0.4,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.body, bold: true, color: COLOR.ink, valign: 'middle', margin: 0, fit: 'shrink',
  });
  if (rows.length === 1) {
    slide.addText(ctx.t(S.predictionNoneAtRisk), { x: tx, y: CONTENT.y + 0.5, w: tableW, h: 1, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.body, color: COLOR.muted, valign: 'top', margin: 0 });
  } else {
    const columns = header.length;
    const table = rows.map((row, r) => row.map((text, c) => (r === 0 ? headerCell(ctx, text, c >= columns - 2 ? 'right' : 'left') : bodyCell(ctx, text, c >= columns - 2 ? 'right' : 'left'))));
    slide.addTable(table, { x: tx, y: CONTENT.y + 0.45, w: tableW, colW, rowH: 0.36, border: TABLE_BORDER, autoPage: false });
  }
  note(ctx, slide, fill(ctx.t(S.predictionNote), { threshold: formatShare(prediction.highRiskBelow), n: String(prediction.summary.atRiskHighValue.length) }));
}
