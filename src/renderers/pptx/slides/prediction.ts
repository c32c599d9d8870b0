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
import { chartText, contentSlide, note, shorten, type DeckContext } from '../context';
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, SIZE } from '../theme';
import { bodyCell, headerCell, TABLE_BORDER } from './table';

/** Customers of the call-first list on the slide (the Summary sheet lists AT_RISK_LIST_LENGTH). */
export const PREDICTION_SLIDE_LIST = 10;
/** Characters of a name or owner in the table (one line at 13 pt). */
const NAME_CHARS = 16;

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
      shorten(c.id, NAME_CHARS),
      ...(withName ? [shorten(c.name ?? '', NAME_CHARS)] : []),
      ...(withOwner ? [shorten(c.owner ?? '', NAME_CHARS)] : []),
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
  const tableW = rows[0]?.length === 5 ? 6.2 : rows[0]?.length === 4 ? 5.0 : 3.8;
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
    const columns = rows[0]?.length ?? 0;
    // Inches: ID and text columns share what the two number columns (P(active) 1.1, CLV 1.2) leave.
    const textW = (tableW - 1.1 - 1.2) / (columns - 2);
    const colW = [...Array.from({ length: columns - 2 }, () => textW), 1.1, 1.2];
    const table = rows.map((row, r) => row.map((text, c) => (r === 0 ? headerCell(ctx, text, c >= columns - 2 ? 'right' : 'left') : bodyCell(ctx, text, c >= columns - 2 ? 'right' : 'left'))));
    slide.addTable(table, { x: tx, y: CONTENT.y + 0.45, w: tableW, colW, rowH: 0.37, border: TABLE_BORDER, autoPage: false });
  }
  note(ctx, slide, fill(ctx.t(S.predictionNote), { threshold: formatShare(prediction.highRiskBelow), n: String(prediction.summary.atRiskHighValue.length) }));
}
