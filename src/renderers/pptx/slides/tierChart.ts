/**
 * Revenue by tier as a Pareto chart: a column per tier in its tier colour,
 * largest revenue first, and the cumulative share of revenue as a line on
 * a secondary 0-100% axis. Native chart (editable in PowerPoint).
 * Tiers without revenue are left out (a zero column says nothing the table
 * does not). With no revenue at all the line would be meaningless: the
 * columns then count the customers of every tier that has some, no line.
 */
import type PptxGenJS from 'pptxgenjs';
import { tierTakeaway } from '../../../domain/summary/takeaways';
import type { GroupSummary } from '../../../domain/summary/types';
import { chartText, contentSlide, countAxis, note, type DeckContext } from '../context';
import { DECK_STRINGS as S } from '../strings';
import { COLOR, CONTENT, hexColor, SIZE } from '../theme';

/** The data argument of a combo chart: none (each type carries its own data). */
const COMBO_NO_DATA = null as unknown as [];

export interface ParetoData {
  readonly labels: string[];
  readonly colors: string[];
  readonly revenue: number[];
  readonly customers: number[];
  /** Running sum of revenue shares, 0..1; empty when there is no revenue. */
  readonly cumulativeShare: number[];
}

export function paretoData(ctx: DeckContext): ParetoData {
  const { summary, settings } = ctx.input;
  const order = new Map(settings.tiers.map((t, i) => [t.key, i]));
  const groups: GroupSummary[] = summary.byTier
    .filter((g) => g.customers > 0 && (summary.revenue <= 0 || g.revenue > 0))
    .sort((a, b) => b.revenue - a.revenue || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  const tierOf = (key: string) => settings.tiers.find((t) => t.key === key);
  let running = 0;
  const cumulativeShare: number[] = [];
  if (summary.revenue > 0) {
    for (const g of groups) {
      running += g.revenue;
      cumulativeShare.push(Math.min(1, running / summary.revenue));
    }
  }
  return {
    labels: groups.map((g) => {
      const tier = tierOf(g.key);
      return tier ? ctx.t(tier.label) : g.key;
    }),
    colors: groups.map((g) => hexColor(tierOf(g.key)?.color ?? '')),
    revenue: groups.map((g) => g.revenue),
    customers: groups.map((g) => g.customers),
    cumulativeShare,
  };
}

export function addTierChartSlide(ctx: DeckContext): void {
  const { summary, settings } = ctx.input;
  const slide = contentSlide(ctx, ctx.t(S.tierChartTitle), ctx.t(tierTakeaway(summary, settings)));
  const data = paretoData(ctx);
  const text = chartText(ctx);
  const area = { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: 4.6 };
  const columnOptions: PptxGenJS.IChartOpts = {
    chartColors: data.colors,
    barDir: 'col',
    barGapWidthPct: 60,
    dataBorder: { pt: 0.75, color: COLOR.barOutline },
    showValue: true,
    // Labels at the foot of each column: at the top they would collide with the Pareto line's points.
    dataLabelPosition: 'inBase' as PptxGenJS.IChartOpts['dataLabelPosition'],
  };
  if (data.labels.length === 0) {
    // No customer at all: an empty chart part would open as a blank frame; say so instead.
    slide.addText(ctx.t(S.nothingToChart), { ...area, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.body, color: COLOR.muted, align: 'center', valign: 'middle' });
  } else if (data.cumulativeShare.length === 0) {
    slide.addChart(ctx.pptx.ChartType.bar, [{ name: ctx.t(S.customers), labels: data.labels, values: data.customers }], {
      ...text, ...columnOptions, ...area, dataLabelPosition: 'outEnd',
      dataLabelFormatCode: '#,##0', valAxisLabelFormatCode: '#,##0', ...countAxis(Math.max(0, ...data.customers)),
      showValAxisTitle: true, valAxisTitle: ctx.t(S.customers),
      altText: ctx.t(S.customers),
    });
  } else {
    slide.addChart(
      [
        {
          type: ctx.pptx.ChartType.bar,
          data: [{ name: ctx.t(S.revenue), labels: data.labels, values: data.revenue }],
          options: { ...columnOptions, dataLabelFormatCode: '#,##0' },
        },
        {
          type: ctx.pptx.ChartType.line,
          data: [{ name: ctx.t(S.cumulativeShare), labels: data.labels, values: data.cumulativeShare }],
          options: {
            chartColors: [COLOR.paretoLine], lineSize: 2.5, lineDataSymbol: 'circle', lineDataSymbolSize: 8,
            secondaryValAxis: true, secondaryCatAxis: true,
            showValue: true, dataLabelFormatCode: '0%', dataLabelPosition: 't', dataLabelColor: COLOR.paretoLine,
          },
        },
      ],
      // PptxGenJS 4.0.1 reads a combo chart's options from the data argument when it is truthy
      // (`tmpOpt = data || opt`): an empty array there would drop every option below.
      COMBO_NO_DATA,
      {
        ...text, ...area,
        showLegend: true, legendPos: 'b',
        valAxes: [
          { showValAxisTitle: true, valAxisTitle: ctx.t(S.revenue), valAxisMinVal: 0, valAxisLabelFormatCode: '#,##0' },
          { showValAxisTitle: true, valAxisTitle: ctx.t(S.cumulativeShare), valAxisMinVal: 0, valAxisMaxVal: 1, valAxisLabelFormatCode: '0%', valGridLine: { style: 'none' } },
        ],
        catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
        altText: `${ctx.t(S.revenue)} / ${ctx.t(S.cumulativeShare)}`,
      },
    );
  }
  note(ctx, slide, ctx.t(data.cumulativeShare.length === 0 ? S.tierChartNoRevenueNote : S.tierChartNote));
}
