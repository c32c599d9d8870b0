/**
 * The Office.js renderer of the plan's charts (issue 6 §2): on each sheet
 * that holds plan charts, deletes the charts Tierwise made before (named
 * `Tierwise_*`) and adds the plan's, bound to the Summary sheet's ranges.
 * A chart the user made (any other name) is never touched. Re-running
 * replaces, never duplicates: Excel lets two charts share a name
 * (ChartCollection.getItem returns "the first one"), so the old ones are
 * deleted by name before the new ones are added.
 *
 * Round trips: exactly {@link CHART_SYNCS}, whatever the number of
 * customers: (1) check that the chart sheets and the sheets the charts read
 * exist (else {@link ChartsRefusedError}, nothing changed); (2) read the
 * names of the charts on the chart sheets; (3) delete Tierwise's and add the
 * plan's, every property of every chart in the same batch. The work per chart is a fixed number of operations plus
 * one per point colour (a tier, a stage), never per customer.
 *
 * Requirement sets: every member called is listed in {@link CHART_API} with
 * the set @types/office-js gives it; all are in ExcelApi 1.1-1.8, which the
 * manifest requires, so none needs a run-time check today. A member above
 * the manifest's set must be added to that table, and then
 * {@link unsupportedChartApi} stops the charts (with a message in both
 * languages) on a host that lacks it instead of failing half-way.
 */
import type { Localized } from '../../i18n/locale';
import type { ChartPlan, ChartSeriesPlan, PlanRangeRef } from '../../plan/chartTypes';
import type { SheetKey, WorkbookPlan } from '../../plan/types';
import { axisNumberFormat, isTierwiseChartName } from '../../plan/charts';

/** Syncs applyCharts makes: constant. */
export const CHART_SYNCS = 3;

/** The charts cannot be refreshed: a sheet they live on or read from is missing. Nothing was changed. */
export class ChartsRefusedError extends Error {
  readonly code = 'sheetMissing' as const;
  readonly detail: Localized;
  constructor(readonly missingSheets: readonly string[]) {
    const names = missingSheets.join(', ');
    super(`Charts not refreshed: sheet ${names} is missing.`);
    this.name = 'ChartsRefusedError';
    this.detail = {
      en: `The charts were not refreshed: the workbook has no sheet ${names}, which they read or sit on. Build again to recreate it; your charts were left as they were.`,
      zh: `未刷新图表：工作簿中没有图表所读取或所在的工作表 ${missingSheets.join('、')}。请重新生成以恢复该工作表；现有图表保持不变。`,
    };
  }
}

/** The manifest's minimum (manifest.xml asks for ExcelApi 1.8). */
export const MANIFEST_EXCEL_API = '1.8';

/** Each Office.js member applyCharts calls, with its requirement set as @types/office-js tags it (a unit test checks the d.ts). */
export const CHART_API: readonly { readonly member: string; readonly set: string }[] = [
  { member: 'ChartCollection.add', set: '1.1' },
  { member: 'ChartCollection.items', set: '1.1' },
  { member: 'Chart.name', set: '1.1' },
  { member: 'Chart.top', set: '1.1' },
  { member: 'Chart.left', set: '1.1' },
  { member: 'Chart.width', set: '1.1' },
  { member: 'Chart.height', set: '1.1' },
  { member: 'Chart.delete', set: '1.1' },
  { member: 'Chart.title', set: '1.1' },
  { member: 'ChartTitle.text', set: '1.1' },
  { member: 'Chart.legend', set: '1.1' },
  { member: 'ChartLegend.visible', set: '1.1' },
  { member: 'ChartLegend.position', set: '1.1' },
  { member: 'Chart.axes', set: '1.1' },
  { member: 'ChartAxes.categoryAxis', set: '1.1' },
  { member: 'ChartAxes.valueAxis', set: '1.1' },
  { member: 'ChartAxes.getItem', set: '1.7' },
  { member: 'ChartAxis.title', set: '1.1' },
  { member: 'ChartAxisTitle.text', set: '1.1' },
  { member: 'ChartAxis.majorGridlines', set: '1.1' },
  { member: 'ChartGridlines.visible', set: '1.1' },
  { member: 'ChartAxis.minimum', set: '1.1' },
  { member: 'ChartAxis.maximum', set: '1.1' },
  { member: 'ChartAxis.numberFormat', set: '1.8' },
  { member: 'ChartAxis.reversePlotOrder', set: '1.7' },
  { member: 'Chart.series', set: '1.1' },
  { member: 'ChartSeriesCollection.add', set: '1.7' },
  { member: 'ChartSeriesCollection.getItemAt', set: '1.1' },
  { member: 'ChartSeries.name', set: '1.1' },
  { member: 'ChartSeries.setValues', set: '1.7' },
  { member: 'ChartSeries.setXAxisValues', set: '1.7' },
  { member: 'ChartSeries.chartType', set: '1.7' },
  { member: 'ChartSeries.axisGroup', set: '1.8' },
  { member: 'ChartSeries.hasDataLabels', set: '1.7' },
  { member: 'ChartSeries.dataLabels', set: '1.8' },
  { member: 'ChartDataLabels.showValue', set: '1.1' },
  { member: 'ChartDataLabels.numberFormat', set: '1.8' },
  { member: 'ChartDataLabels.position', set: '1.1' },
  { member: 'ChartSeries.gapWidth', set: '1.7' },
  { member: 'ChartSeries.overlap', set: '1.8' },
  { member: 'ChartSeries.markerStyle', set: '1.7' },
  { member: 'ChartSeries.format', set: '1.1' },
  { member: 'ChartSeriesFormat.fill', set: '1.1' },
  { member: 'ChartSeriesFormat.line', set: '1.1' },
  { member: 'ChartLineFormat.color', set: '1.1' },
  { member: 'ChartFill.setSolidColor', set: '1.1' },
  { member: 'ChartSeries.points', set: '1.1' },
  { member: 'ChartPointsCollection.getItemAt', set: '1.1' },
  { member: 'ChartPoint.format', set: '1.1' },
  { member: 'ChartPointFormat.fill', set: '1.1' },
  { member: 'ChartPointFormat.border', set: '1.7' },
  { member: 'ChartBorder.color', set: '1.7' },
];

function versionAbove(a: string, b: string): boolean {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 > b2);
}

/** Members above the manifest's set that the host does not support (empty: charts can be drawn). */
export function unsupportedChartApi(
  api: readonly { readonly member: string; readonly set: string }[],
  supports: (set: string, version: string) => boolean,
  manifestSet: string = MANIFEST_EXCEL_API,
): { member: string; set: string }[] {
  return api.filter((m) => versionAbove(m.set, manifestSet) && !supports('ExcelApi', m.set)).map((m) => ({ ...m }));
}

export interface ApplyChartsOptions {
  /** `(set, version) => Office.context.requirements.isSetSupported(set, version)`; default: nothing above the manifest's set. */
  readonly supports?: (set: string, version: string) => boolean;
  /** The round trip to use (applyPlan passes its own, which counts syncs and reports failures); default `context.sync()`. */
  readonly sync?: () => Promise<void>;
  /** The API table to check (tests pass one with a member above the manifest's set). @default CHART_API */
  readonly api?: readonly { readonly member: string; readonly set: string }[];
}

export interface ApplyChartsResult {
  readonly syncs: number;
  /** Names of the Tierwise charts deleted and added. */
  readonly deleted: readonly string[];
  readonly added: readonly string[];
  /** Charts on those sheets that are not Tierwise's: left as they were. */
  readonly keptUserCharts: readonly string[];
  readonly warnings: readonly Localized[];
}

const CHART_TYPES: Record<ChartPlan['kind'], Excel.ChartType> = {
  column: 'ColumnClustered' as Excel.ChartType,
  bar: 'BarClustered' as Excel.ChartType,
  stackedBar: 'BarStacked' as Excel.ChartType,
  stackedColumn: 'ColumnStacked' as Excel.ChartType,
  line: 'LineMarkers' as Excel.ChartType,
  doughnut: 'Doughnut' as Excel.ChartType,
};

const LEGEND_POSITIONS: Record<Exclude<ChartPlan['legend'], 'none'>, Excel.ChartLegendPosition> = {
  bottom: 'Bottom' as Excel.ChartLegendPosition,
  right: 'Right' as Excel.ChartLegendPosition,
  top: 'Top' as Excel.ChartLegendPosition,
};

function sheetNameOf(plan: WorkbookPlan, key: SheetKey): string {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new RangeError(`A chart refers to sheet "${key}", which the plan does not define.`);
  return sheet.name;
}

/** Deletes Tierwise's charts on the plan's chart sheets and adds the plan's, in {@link CHART_SYNCS} syncs. */
export async function applyCharts(context: Excel.RequestContext, plan: WorkbookPlan, options: ApplyChartsOptions = {}): Promise<ApplyChartsResult> {
  const supports = options.supports ?? (() => false);
  let syncs = 0;
  const sync = async (): Promise<void> => {
    await (options.sync ? options.sync() : context.sync());
    syncs += 1;
  };
  const missing = unsupportedChartApi(options.api ?? CHART_API, supports);
  if (missing.length > 0) {
    const sets = [...new Set(missing.map((m) => `ExcelApi ${m.set}`))].join(', ');
    return {
      syncs,
      deleted: [],
      added: [],
      keptUserCharts: [],
      warnings: [
        {
          en: `The charts were not made: this version of Excel lacks ${sets} (${missing.map((m) => m.member).join(', ')}). The Summary sheet has every number; update Excel, or use Excel on the web, to get the charts.`,
          zh: `未生成图表：此版本的 Excel 不支持 ${sets}（${missing.map((m) => m.member).join('、')}）。“汇总”表中包含全部数据；请更新 Excel 或使用 Excel 网页版以生成图表。`,
        },
      ],
    };
  }
  const workbook = context.workbook;
  const sheetKeys = [...new Set(plan.charts.map((c) => c.sheet))];
  const sourceKeys = [...new Set(plan.charts.flatMap((c) => [c.categories.sheet, ...c.series.map((s) => s.values.sheet)]))];

  // 1. Which charts are on the chart sheets now, and whether every sheet involved exists: a refresh
  //    whose Summary sheet is gone stops here, before Tierwise's current charts are deleted.
  const probes = [...new Set([...sheetKeys, ...sourceKeys])].map((key) => {
    const proxy = workbook.worksheets.getItemOrNullObject(sheetNameOf(plan, key));
    proxy.load('name');
    return { key, proxy };
  });
  await sync();
  const missingSheets = probes.filter((p) => p.proxy.isNullObject).map((p) => sheetNameOf(plan, p.key));
  if (missingSheets.length > 0) throw new ChartsRefusedError(missingSheets);
  const existing = sheetKeys.map((key) => {
    const sheet = workbook.worksheets.getItem(sheetNameOf(plan, key));
    const charts = sheet.charts.load('items/name');
    return { key, sheet, charts };
  });
  await sync();

  // 2. Delete Tierwise's, add the plan's: one batch.
  const deleted: string[] = [];
  const keptUserCharts: string[] = [];
  for (const { charts } of existing) {
    for (const chart of charts.items) {
      if (isTierwiseChartName(chart.name)) {
        chart.delete();
        deleted.push(chart.name);
      } else {
        keptUserCharts.push(chart.name);
      }
    }
  }
  const range = (ref: PlanRangeRef): Excel.Range => workbook.worksheets.getItem(sheetNameOf(plan, ref.sheet)).getRange(ref.address);
  const added: string[] = [];
  for (const chartPlan of plan.charts) {
    const sheet = existing.find((e) => e.key === chartPlan.sheet)?.sheet;
    if (!sheet) throw new RangeError(`internal: no sheet proxy for ${chartPlan.sheet}`);
    addChart(sheet, chartPlan, range);
    added.push(chartPlan.name);
  }
  await sync();
  return { syncs, deleted, added, keptUserCharts, warnings: [] };
}

function addChart(sheet: Excel.Worksheet, plan: ChartPlan, range: (ref: PlanRangeRef) => Excel.Range): void {
  const [first, ...rest] = plan.series;
  if (!first) throw new RangeError(`Chart ${plan.name} has no series.`);
  const chart = sheet.charts.add(CHART_TYPES[plan.kind], range(first.values), 'Columns' as Excel.ChartSeriesBy);
  chart.name = plan.name;
  chart.top = plan.top;
  chart.left = plan.left;
  chart.width = plan.width;
  chart.height = plan.height;
  chart.title.text = plan.title;
  if (plan.legend === 'none') chart.legend.visible = false;
  else {
    chart.legend.visible = true;
    chart.legend.position = LEGEND_POSITIONS[plan.legend];
  }
  const categories = range(plan.categories);
  const firstSeries = chart.series.getItemAt(0);
  styleSeries(firstSeries, first, plan, categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(range(s.values));
    styleSeries(series, s, plan, categories);
  }
  const horizontal = plan.kind === 'bar' || plan.kind === 'stackedBar';
  const categoryAxis = chart.axes.categoryAxis;
  const valueAxis = chart.axes.valueAxis;
  if (plan.axisTitles.category !== null) categoryAxis.title.text = plan.axisTitles.category;
  if (plan.axisTitles.value !== null) valueAxis.title.text = plan.axisTitles.value;
  // Bars list the first category on top, as on the Summary sheet.
  if (horizontal) categoryAxis.reversePlotOrder = true;
  // No chart junk: every bar carries its value.
  valueAxis.majorGridlines.visible = false;
  valueAxis.numberFormat = axisNumberFormat(first.numberFormat);
  if (plan.series.some((s) => s.axis === 'secondary')) {
    const secondary = chart.axes.getItem('Value' as Excel.ChartAxisType, 'Secondary' as Excel.ChartAxisGroup);
    if (plan.axisTitles.secondaryValue !== null) secondary.title.text = plan.axisTitles.secondaryValue;
    if (plan.secondaryAxis) {
      secondary.minimum = plan.secondaryAxis.min;
      secondary.maximum = plan.secondaryAxis.max;
      secondary.numberFormat = plan.secondaryAxis.numberFormat;
    }
    secondary.majorGridlines.visible = false;
  }
}

function styleSeries(series: Excel.ChartSeries, plan: ChartSeriesPlan, chart: ChartPlan, categories: Excel.Range): void {
  series.name = plan.name;
  series.setXAxisValues(categories);
  const stacked = chart.kind === 'stackedBar' || chart.kind === 'stackedColumn';
  if (plan.kind === 'line') {
    series.chartType = 'LineMarkers' as Excel.ChartType;
    series.markerStyle = 'Circle' as Excel.ChartMarkerStyle;
    if (plan.color !== null) series.format.line.color = plan.color;
  } else {
    if (plan.color !== null) series.format.fill.setSolidColor(plan.color);
    series.gapWidth = stacked ? 50 : 60;
    if (stacked) series.overlap = 100;
  }
  // The secondary group after the chart type: a series' group is per type in Excel.
  if (plan.axis === 'secondary') series.axisGroup = 'Secondary' as Excel.ChartAxisGroup;
  plan.pointColors?.forEach((color, i) => {
    const format = series.points.getItemAt(i).format;
    format.fill.setSolidColor(color);
    if (plan.outline) format.border.color = plan.outline;
  });
  series.hasDataLabels = plan.dataLabels;
  if (plan.dataLabels) {
    series.dataLabels.showValue = true;
    series.dataLabels.numberFormat = plan.numberFormat;
    const position = plan.kind === 'line' ? 'Top' : stacked ? 'Center' : 'OutsideEnd';
    series.dataLabels.position = position as Excel.ChartDataLabelPosition;
  }
}
