/**
 * Serialiser of one chart part, `xl/charts/chartN.xml` (`c:chartSpace`,
 * ECMA-376 Part 1 §21.2), from a ChartPlan.
 *
 * What it writes: a bar chart (`c:barChart`, columns or horizontal bars,
 * clustered or stacked) for the column/bar series and a line chart
 * (`c:lineChart`) for line series; series on the secondary axis get their
 * own pair of axes (a hidden category axis and a value axis on the right
 * that crosses at the maximum). Categories and values are `c:strRef` /
 * `c:numRef` formulas into the Summary sheet with `c:strCache` / `c:numCache`
 * holding the core's numbers, so a viewer that does not recalculate still
 * draws the right chart and one that does follows the cells. Per-point
 * fills are `c:dPt`; data labels `c:dLbls` with the series' number format.
 *
 * Element order follows the schema's sequences (Excel refuses a chart part
 * whose elements are out of order): chartSpace = date1904, lang,
 * roundedCorners, chart, spPr, txPr; chart = title, autoTitleDeleted,
 * plotArea, legend, plotVisOnly, dispBlanksAs; barChart = barDir, grouping,
 * varyColors, ser*, gapWidth, overlap, axId x2; ser = idx, order, tx, spPr,
 * invertIfNegative | marker, dPt*, dLbls, cat, val, smooth; catAx/valAx =
 * axId, scaling, delete, axPos, majorGridlines, title, numFmt, majorTickMark,
 * minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses, (auto, lblAlgn,
 * lblOffset, noMultiLvlLbl | crossBetween).
 *
 * No chart junk: no gridlines (every bar carries its value), no 3-D, no
 * shadows, axis lines in light grey, a thin light border round the chart.
 */
import type { Locale } from '../../../i18n/locale';
import type { CachedResult, SheetKey } from '../../../plan/types';
import type { ChartPlan, ChartSeriesPlan, PlanRangeRef } from '../../../plan/chartTypes';
import { axisNumberFormat } from '../../../plan/charts';
import { XlsxWriteError } from '../planGeometry';
import { attr, NS, rgb, runText, sheetRef, XML_HEAD, xstring } from './xml';

export interface ChartXmlContext {
  readonly locale: Locale;
  /** The sheet's name in the workbook (what formulas write). */
  readonly sheetName: (key: SheetKey) => string;
}

/** Axis ids: primary category / value, secondary category / value. */
const AXIS = { cat: 10, val: 20, cat2: 30, val2: 40 } as const;

const TEXT = {
  /** Dark grey for every label: black is harsh, lighter greys fail contrast on white. */
  color: '404040',
  axisLine: 'BFBFBF',
  chartBorder: 'D9D9D9',
  titleSize: 1400,
  axisTitleSize: 1000,
  labelSize: 900,
} as const;

function fonts(locale: Locale): string {
  // Latin and East Asian faces both named: without `a:ea` Chinese falls back per viewer (tofu in some).
  const ea = locale === 'zh-CN' ? 'Microsoft YaHei' : 'Calibri';
  return `<a:latin typeface="Calibri"/><a:ea typeface="${ea}"/><a:cs typeface="Calibri"/>`;
}

function langTag(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill>`;
}

/** Default run properties: size (hundredths of a point), bold, colour, fonts. */
function defRPr(locale: Locale, size: number, bold: boolean): string {
  return `<a:defRPr sz="${size}" b="${bold ? 1 : 0}">${solid(`#${TEXT.color}`)}${fonts(locale)}</a:defRPr>`;
}

/** `c:txPr`: text properties of labels that have no text of their own (ticks, data labels, legend). */
function txPr(locale: Locale, size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${defRPr(locale, size, bold)}</a:pPr><a:endParaRPr lang="${langTag(locale)}"/></a:p></c:txPr>`;
}

/** A title (`c:title`) with literal rich text; `rotated` for a vertical axis title. */
function title(text: string, locale: Locale, size: number, rotated = false): string {
  const bodyPr = rotated ? '<a:bodyPr rot="-5400000" vert="horz"/>' : '<a:bodyPr/>';
  return (
    `<c:title><c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr>${defRPr(locale, size, true)}</a:pPr>` +
    `<a:r><a:rPr lang="${langTag(locale)}" sz="${size}" b="1">${solid(`#${TEXT.color}`)}${fonts(locale)}</a:rPr><a:t>${runText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>'
  );
}

function numText(value: number): string {
  if (!Number.isFinite(value)) throw new XlsxWriteError('invalid-plan', `A chart value is not a finite number: ${value}`);
  return String(value);
}

function strRef(ref: PlanRangeRef, cache: readonly string[], ctx: ChartXmlContext): string {
  const points = cache.map((v, i) => `<c:pt idx="${i}"><c:v>${xstring(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xstring(sheetRef(ctx.sheetName(ref.sheet), ref.address))}</c:f><c:strCache><c:ptCount val="${cache.length}"/>${points}</c:strCache></c:strRef>`;
}

/** Blank and non-numeric cached values are left out of the cache (a gap), as Excel writes an empty cell. */
function numRef(ref: PlanRangeRef, cache: readonly CachedResult[], format: string, ctx: ChartXmlContext): string {
  const points = cache
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${numText(v)}</c:v></c:pt>` : ''))
    .join('');
  return (
    `<c:numRef><c:f>${xstring(sheetRef(ctx.sheetName(ref.sheet), ref.address))}</c:f>` +
    `<c:numCache><c:formatCode>${xstring(format)}</c:formatCode><c:ptCount val="${cache.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function seriesTx(series: ChartSeriesPlan, ctx: ChartXmlContext): string {
  if (series.nameRef) return `<c:tx>${strRef(series.nameRef, [series.name], ctx)}</c:tx>`;
  return `<c:tx><c:v>${xstring(series.name)}</c:v></c:tx>`;
}

function outline(color: string | null | undefined): string {
  // 0.75 pt = 9525 EMU
  return color ? `<a:ln w="9525">${solid(color)}</a:ln>` : '<a:ln><a:noFill/></a:ln>';
}

function barShape(fill: string | null, border: string | null | undefined): string {
  return `<c:spPr>${fill ? solid(fill) : ''}${outline(border)}</c:spPr>`;
}

function dataLabels(series: ChartSeriesPlan, position: 'outEnd' | 'ctr' | 't' | null, ctx: ChartXmlContext): string {
  if (!series.dataLabels) return '';
  return (
    `<c:dLbls><c:numFmt formatCode="${attr(series.numberFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(ctx.locale, TEXT.labelSize)}` +
    `${position ? `<c:dLblPos val="${position}"/>` : ''}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function barSeries(chart: ChartPlan, series: ChartSeriesPlan, index: number, stacked: boolean, ctx: ChartXmlContext): string {
  const points = (series.pointColors ?? [])
    .map((color, i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${barShape(color, series.outline)}</c:dPt>`)
    .join('');
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${seriesTx(series, ctx)}${barShape(series.color, series.outline)}<c:invertIfNegative val="0"/>${points}` +
    dataLabels(series, stacked ? 'ctr' : 'outEnd', ctx) +
    `<c:cat>${strRef(chart.categories, chart.cachedCategories, ctx)}</c:cat><c:val>${numRef(series.values, series.cachedValues, series.numberFormat, ctx)}</c:val></c:ser>`
  );
}

function lineSeries(chart: ChartPlan, series: ChartSeriesPlan, index: number, ctx: ChartXmlContext): string {
  const color = series.color ?? '#404040';
  // 2.25 pt line, round markers of 6 pt in the line's colour.
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${seriesTx(series, ctx)}<c:spPr><a:ln w="28575" cap="rnd">${solid(color)}<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(color)}${outline(series.outline ?? color)}</c:spPr></c:marker>` +
    dataLabels(series, 't', ctx) +
    `<c:cat>${strRef(chart.categories, chart.cachedCategories, ctx)}</c:cat><c:val>${numRef(series.values, series.cachedValues, series.numberFormat, ctx)}</c:val><c:smooth val="0"/></c:ser>`
  );
}

function axisLine(): string {
  return `<c:spPr><a:noFill/><a:ln w="9525">${solid(`#${TEXT.axisLine}`)}</a:ln></c:spPr>`;
}

interface AxisSpec {
  readonly id: number;
  readonly crossAx: number;
  readonly position: 'b' | 'l' | 'r' | 't';
  readonly title: string | null;
  readonly deleted: boolean;
}

function categoryAxis(spec: AxisSpec, reversed: boolean, ctx: ChartXmlContext): string {
  return (
    `<c:catAx><c:axId val="${spec.id}"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="${spec.deleted ? 1 : 0}"/>` +
    `<c:axPos val="${spec.position}"/>${spec.title ? title(spec.title, ctx.locale, TEXT.axisTitleSize, spec.position === 'l') : ''}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine()}${txPr(ctx.locale, TEXT.labelSize)}` +
    `<c:crossAx val="${spec.crossAx}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valueAxis(spec: AxisSpec, numberFormat: string, scale: { min: number; max: number } | null, crosses: 'autoZero' | 'max', ctx: ChartXmlContext): string {
  const limits = scale ? `<c:max val="${numText(scale.max)}"/><c:min val="${numText(scale.min)}"/>` : '';
  return (
    `<c:valAx><c:axId val="${spec.id}"/><c:scaling><c:orientation val="minMax"/>${limits}</c:scaling><c:delete val="${spec.deleted ? 1 : 0}"/>` +
    `<c:axPos val="${spec.position}"/>${spec.title ? title(spec.title, ctx.locale, TEXT.axisTitleSize, spec.position === 'l' || spec.position === 'r') : ''}` +
    `<c:numFmt formatCode="${attr(numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine()}${txPr(ctx.locale, TEXT.labelSize)}` +
    `<c:crossAx val="${spec.crossAx}"/><c:crosses val="${crosses}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

const LEGEND_POS = { bottom: 'b', right: 'r', top: 't' } as const;

/** The chart part's XML for one ChartPlan. */
export function chartSpaceXml(chart: ChartPlan, ctx: ChartXmlContext): string {
  if (chart.kind === 'line' || chart.kind === 'doughnut') {
    throw new XlsxWriteError('invalid-plan', `The .xlsx renderer draws column and bar charts (with line series); ${chart.kind} chart ${chart.name} is not supported.`);
  }
  const horizontal = chart.kind === 'bar' || chart.kind === 'stackedBar';
  const stacked = chart.kind === 'stackedBar' || chart.kind === 'stackedColumn';
  const indexed = chart.series.map((series, index) => ({ series, index }));
  const bars = indexed.filter((x) => x.series.kind !== 'line');
  const lines = indexed.filter((x) => x.series.kind === 'line');
  if (lines.some((x) => x.series.axis === 'primary') && bars.length > 0 && horizontal) {
    throw new XlsxWriteError('invalid-plan', `Chart ${chart.name}: a line series cannot share the primary axes of horizontal bars.`);
  }
  const secondary = indexed.filter((x) => x.series.axis === 'secondary');
  if (secondary.some((x) => x.series.kind !== 'line')) throw new XlsxWriteError('invalid-plan', `Chart ${chart.name}: only line series go on the secondary axis.`);
  const primaryFormat = axisNumberFormat(chart.series.find((s) => s.axis === 'primary')?.numberFormat ?? 'General');

  let plot = '<c:plotArea><c:layout/>';
  if (bars.length > 0) {
    plot +=
      `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
      bars.map((x) => barSeries(chart, x.series, x.index, stacked, ctx)).join('') +
      `<c:gapWidth val="${stacked ? 50 : 60}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="${AXIS.cat}"/><c:axId val="${AXIS.val}"/></c:barChart>`;
  }
  const primaryLines = lines.filter((x) => x.series.axis === 'primary');
  const secondaryLines = lines.filter((x) => x.series.axis === 'secondary');
  const lineChart = (group: typeof lines, cat: number, val: number): string =>
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${group.map((x) => lineSeries(chart, x.series, x.index, ctx)).join('')}` +
    `<c:marker val="1"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:lineChart>`;
  if (primaryLines.length > 0) plot += lineChart(primaryLines, AXIS.cat, AXIS.val);
  if (secondaryLines.length > 0) plot += lineChart(secondaryLines, AXIS.cat2, AXIS.val2);

  // Bar charts list the first category on top: the category axis runs max-to-min, so the value axis crosses at the max to stay at the bottom.
  plot += categoryAxis({ id: AXIS.cat, crossAx: AXIS.val, position: horizontal ? 'l' : 'b', title: chart.axisTitles.category, deleted: false }, horizontal, ctx);
  plot += valueAxis(
    { id: AXIS.val, crossAx: AXIS.cat, position: horizontal ? 'b' : 'l', title: chart.axisTitles.value, deleted: false },
    primaryFormat,
    null,
    horizontal ? 'max' : 'autoZero',
    ctx,
  );
  if (secondaryLines.length > 0) {
    const format = chart.secondaryAxis?.numberFormat ?? axisNumberFormat(secondaryLines[0]?.series.numberFormat ?? 'General');
    plot += categoryAxis({ id: AXIS.cat2, crossAx: AXIS.val2, position: 'b', title: null, deleted: true }, false, ctx);
    plot += valueAxis(
      { id: AXIS.val2, crossAx: AXIS.cat2, position: 'r', title: chart.axisTitles.secondaryValue, deleted: false },
      format,
      chart.secondaryAxis ?? null,
      'max',
      ctx,
    );
  }
  plot += `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>`;

  const legend =
    chart.legend === 'none' ? '' : `<c:legend><c:legendPos val="${LEGEND_POS[chart.legend]}"/><c:overlay val="0"/>${txPr(ctx.locale, TEXT.labelSize)}</c:legend>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRel}">` +
    `<c:date1904 val="0"/><c:lang val="${langTag(ctx.locale)}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, ctx.locale, TEXT.titleSize)}<c:autoTitleDeleted val="0"/>${plot}${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid('#FFFFFF')}<a:ln w="9525">${solid(`#${TEXT.chartBorder}`)}</a:ln></c:spPr>${txPr(ctx.locale, TEXT.labelSize)}` +
    '</c:chartSpace>'
  );
}
