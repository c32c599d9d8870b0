/**
 * Lifecycle and customers at risk: a column per lifecycle stage in its own
 * colour (native chart), and beside it the at-risk and churned customers
 * with their revenue and what to do about them.
 */
import { LIFECYCLE_LABELS } from '../../../domain/settings';
import { DEFAULT_AT_RISK_ACTIONS } from '../../../domain/summary/segmentActions';
import { formatCount, formatMoney } from '../../../domain/summary/numberText';
import { lifecycleTakeaway } from '../../../domain/summary/takeaways';
import type { LifecycleKey } from '../../../domain/types';
import { chartText, contentSlide, countAxis, type DeckContext } from '../context';
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, LIFECYCLE_COLORS, SIZE } from '../theme';

export function addLifecycleSlide(ctx: DeckContext): void {
  const { summary, settings } = ctx.input;
  const slide = contentSlide(ctx, ctx.t(S.lifecycleTitle), ctx.t(lifecycleTakeaway(summary, settings)));
  const stages = summary.byLifecycle;
  const chartW = 7.3;
  slide.addChart(
    ctx.pptx.ChartType.bar,
    [{ name: ctx.t(S.customers), labels: stages.map((g) => ctx.t(LIFECYCLE_LABELS[g.key])), values: stages.map((g) => g.customers) }],
    {
      ...chartText(ctx),
      x: CONTENT.x, y: CONTENT.y, w: chartW, h: 4.9,
      barDir: 'col', barGapWidthPct: 50,
      chartColors: stages.map((g) => LIFECYCLE_COLORS[g.key] ?? 'A6A6A6'),
      showValue: true, dataLabelPosition: 'outEnd', dataLabelFormatCode: '#,##0',
      valAxisLabelFormatCode: '#,##0', ...countAxis(Math.max(0, ...stages.map((g) => g.customers))),
      altText: ctx.t(S.lifecycleTitle),
    },
  );

  const stage = (key: LifecycleKey) => stages.find((g) => g.key === key);
  const line = (key: 'at-risk' | 'churned', template: typeof S.atRiskLine, days: number): string =>
    fill(ctx.t(template), {
      days: formatCount(days, ctx.locale),
      n: formatCount(stage(key)?.customers ?? 0, ctx.locale),
      revenue: formatMoney(stage(key)?.revenue ?? 0, ctx.locale),
    });
  const px = CONTENT.x + chartW + 0.35;
  const pw = CONTENT.x + CONTENT.w - px;
  slide.addShape(ctx.pptx.ShapeType.rect, { x: px, y: CONTENT.y, w: pw, h: 4.9, fill: { color: COLOR.tileFill }, line: { color: COLOR.rule, width: 0.75 } });
  const bullet = (text: string, color: string) => ({ text, options: { bullet: { indent: 14 }, color, breakLine: true, paraSpaceAfter: 8 } });
  slide.addText(
    [
      { text: ctx.t(S.atRiskPanelTitle), options: { bold: true, fontSize: SIZE.takeaway, breakLine: true, paraSpaceAfter: 8 } },
      bullet(line('at-risk', S.atRiskLine, settings.lifecycle.atRiskAfterDays), COLOR.ink),
      bullet(line('churned', S.churnedLine, settings.lifecycle.churnedAfterDays), COLOR.ink),
      { text: ctx.t(S.whatToDo), options: { bold: true, fontSize: SIZE.takeaway, breakLine: true, paraSpaceBefore: 10, paraSpaceAfter: 8 } },
      bullet(ctx.t(DEFAULT_AT_RISK_ACTIONS['at-risk']), COLOR.ink),
      bullet(ctx.t(DEFAULT_AT_RISK_ACTIONS.churned), COLOR.ink),
    ],
    { x: px + 0.2, y: CONTENT.y + 0.15, w: pw - 0.4, h: 4.6, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.body, color: COLOR.ink, valign: 'top', margin: 0, fit: 'shrink' },
  );
}
