/**
 * Worksheet.charts of the fake Excel (see charts.ts): the chart collection
 * of a sheet, and a chart with its name, type, position and size, its
 * deletion, and its image.
 */
import { FakeExcelError } from './errors';
import { expose, FakeClientObject, type FakeWorksheet } from './api';
import { rectColumns, rectRows, type Rect } from './address';
import type { FakeContextCore } from './context';
import { bytesToBase64, encodeStripesPng } from './png';
import { chartStore, chartsOf, newAxis, newSeries, resolveRange, type FakeChartModel, type FakeSeriesModel } from './chartModel';
import { FakeChartAxes, FakeChartLegend, FakeChartTitle } from './chartElements';
import { FakeChartSeriesCollection } from './chartSeries';

/** Numbers each new chart: its id `{fake-chart-<n>}` and its default name `Chart <n>`. */
let chartIds = 0;

function points(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) throw new FakeExcelError('InvalidArgument', `The chart's ${what} must be a non-negative number of points: ${value}.`);
  return value;
}

/* ------------------------------------------------------------------ collection */

export class FakeChartCollection
  extends FakeClientObject
  implements Pick<Excel.ChartCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'items' | 'count' | 'load'>
{
  protected readonly scalarProperties = ['count'];
  constructor(
    core: FakeContextCore,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(core);
  }
  list(): FakeChartModel[] {
    return chartsOf(this.worksheet.sheet());
  }
  protected snapshot(property: string): unknown {
    const list = this.list();
    if (property === 'count') return list.length;
    return list.map((chart) => {
      const proxy = new FakeChart(this.core, () => (this.list().includes(chart) ? chart : null), chart.name);
      proxy.preload({ name: chart.name, id: chart.id, top: chart.top, left: chart.left, width: chart.width, height: chart.height, chartType: chart.chartType });
      return proxy;
    });
  }
  get items(): Excel.Chart[] {
    return (this.read('items') as FakeChart[]).map((c) => expose<Excel.Chart>(c));
  }
  get count(): number {
    return this.read('count') as number;
  }
  /**
   * ChartCollection.add: a chart over `sourceData`, one series per column
   * (`Columns`, or `Auto` when the range has at least as many rows as
   * columns) or per row. The fake detects no header row or column: every
   * cell is a value (Tierwise passes value cells only). Excel's default size
   * is 360 x 216 points (5 x 3 inches); names default to `Chart <n>`.
   */
  add(type: Excel.ChartType | Excel.Chart['chartType'], sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows'): Excel.Chart {
    let created: FakeChartModel | null = null;
    const proxy = new FakeChart(this.core, () => created, '(new)');
    this.queue({ add: type, seriesBy: seriesBy ?? 'Auto' }, 0, () => {
      const source = resolveRange(sourceData);
      const list = this.list();
      const rows = rectRows(source.rect);
      const columns = rectColumns(source.rect);
      const byColumns = seriesBy === 'Columns' || ((seriesBy === undefined || seriesBy === 'Auto') && rows >= columns);
      const series: FakeSeriesModel[] = [];
      const count = byColumns ? columns : rows;
      for (let i = 0; i < count; i += 1) {
        const rect: Rect = byColumns
          ? { r0: source.rect.r0, r1: source.rect.r1, c0: source.rect.c0 + i, c1: source.rect.c0 + i }
          : { r0: source.rect.r0 + i, r1: source.rect.r0 + i, c0: source.rect.c0, c1: source.rect.c1 };
        series.push(newSeries(`Series${i + 1}`, String(type), { sheet: source.sheet, rect }));
      }
      chartIds += 1;
      created = {
        id: `{fake-chart-${chartIds}}`,
        name: `Chart ${chartIds}`,
        chartType: String(type),
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        title: { text: '', visible: false },
        legend: { visible: true, position: 'Right' },
        series,
        axes: new Map([
          ['Category/Primary', newAxis()],
          ['Value/Primary', newAxis()],
        ]),
      };
      list.push(created);
    });
    return expose(proxy);
  }
  getItem(name: string): Excel.Chart {
    // First chart of that name, as Excel documents.
    return expose(new FakeChart(this.core, () => this.list().find((c) => c.name === name) ?? null, `"${name}"`));
  }
  getItemOrNullObject(name: string): Excel.Chart {
    return expose(new FakeChart(this.core, () => this.list().find((c) => c.name === name) ?? null, `"${name}"`).asNullable());
  }
  load(propertyNames?: unknown): Excel.ChartCollection {
    this.queueLoad(propertyNames ?? 'items');
    return expose(this);
  }
}

/* ------------------------------------------------------------------ chart */

export class FakeChart
  extends FakeClientObject
  implements Pick<Excel.Chart, 'name' | 'id' | 'top' | 'left' | 'width' | 'height' | 'chartType' | 'title' | 'legend' | 'axes' | 'series' | 'delete' | 'load' | 'getImage'>
{
  protected readonly scalarProperties = ['name', 'id', 'top', 'left', 'width', 'height', 'chartType'];
  constructor(
    core: FakeContextCore,
    private readonly lookup: () => FakeChartModel | null,
    private readonly description: string,
  ) {
    super(core);
  }
  protected override exists(): boolean {
    return this.lookup() !== null;
  }
  chart(): FakeChartModel {
    const chart = this.lookup();
    if (!chart) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: chart ${this.description}.`);
    return chart;
  }
  protected snapshot(property: string): unknown {
    const chart = this.chart();
    return chart[property as 'name' | 'id' | 'top' | 'left' | 'width' | 'height' | 'chartType'];
  }
  private set<K extends 'name' | 'top' | 'left' | 'width' | 'height' | 'chartType'>(key: K, value: FakeChartModel[K], check: (v: FakeChartModel[K]) => FakeChartModel[K] = (v) => v): void {
    this.queue({ [key]: value }, 0, () => {
      this.chart()[key] = check(value);
    });
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(value: string) {
    this.set('name', value, (v) => {
      if (v.trim() === '') throw new FakeExcelError('InvalidArgument', 'A chart name cannot be empty.');
      return v;
    });
  }
  get id(): string {
    return this.read('id') as string;
  }
  get top(): number {
    return this.read('top') as number;
  }
  set top(value: number) {
    this.set('top', value, (v) => points(v, 'top'));
  }
  get left(): number {
    return this.read('left') as number;
  }
  set left(value: number) {
    this.set('left', value, (v) => points(v, 'left'));
  }
  get width(): number {
    return this.read('width') as number;
  }
  set width(value: number) {
    this.set('width', value, (v) => points(v, 'width'));
  }
  get height(): number {
    return this.read('height') as number;
  }
  set height(value: number) {
    this.set('height', value, (v) => points(v, 'height'));
  }
  get chartType(): Excel.Chart['chartType'] {
    return this.read('chartType') as Excel.Chart['chartType'];
  }
  set chartType(value: Excel.Chart['chartType']) {
    this.set('chartType', String(value));
  }
  get title(): Excel.ChartTitle {
    return expose(new FakeChartTitle(this.core, this));
  }
  get legend(): Excel.ChartLegend {
    return expose(new FakeChartLegend(this.core, this));
  }
  get axes(): Excel.ChartAxes {
    return expose(new FakeChartAxes(this.core, this));
  }
  get series(): Excel.ChartSeriesCollection {
    return expose(new FakeChartSeriesCollection(this.core, this));
  }
  delete(): void {
    this.queue({ delete: true }, 0, () => {
      const chart = this.chart();
      for (const sheet of this.model.sheets) {
        const list = chartStore.get(sheet);
        const at = list?.indexOf(chart) ?? -1;
        if (list && at >= 0) list.splice(at, 1);
      }
    });
  }
  load(propertyNames?: unknown): Excel.Chart {
    this.queueLoad(propertyNames);
    return expose(this);
  }
  /**
   * Chart.getImage (ExcelApi 1.2): base64 of an image, readable after the
   * next sync (a ClientResult). Excel renders the chart; the fake cannot,
   * so it returns a real PNG (fakeChartImagePng) of stripes in the colours
   * of the chart's first series: a valid image of the right format, never a
   * picture of the chart. Excel's own format is PNG on the hosts documented
   * so far; the pane checks the bytes rather than assuming (chartImages.ts).
   */
  getImage(width?: number, height?: number, fittingMode?: Excel.ImageFittingMode | 'Fit' | 'FitAndCenter' | 'Fill'): OfficeExtension.ClientResult<string> {
    for (const [what, v] of [['width', width], ['height', height]] as const) {
      if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw new FakeExcelError('InvalidArgument', `getImage ${what} must be a positive number: ${v}.`);
    }
    const result = new FakeClientResult<string>();
    this.queue({ getImage: { width, height, fittingMode } }, 0, () => {
      result.settle(bytesToBase64(fakeChartImagePng(this.chart(), width, height)));
    });
    return result;
  }
}

/** A ClientResult: its value exists once the sync that carried the call has run. */
class FakeClientResult<T> implements OfficeExtension.ClientResult<T> {
  private settled: { readonly value: T } | null = null;
  settle(value: T): void {
    this.settled = { value };
  }
  get value(): T {
    if (this.settled === null) throw new FakeExcelError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.settled.value;
  }
}

/** Fake images are a quarter of the chart's size in points (a 480 x 270 pt chart gives 120 x 68 px): small, and plainly not a rendering. */
const FAKE_IMAGE_SCALE = 0.25;

/** The fake's image of a chart: stripes in its first series' point fills (or its fill), sized as asked, else from the chart's size. */
export function fakeChartImagePng(chart: FakeChartModel, width?: number, height?: number): Uint8Array {
  const w = Math.max(1, Math.round(width ?? chart.width * FAKE_IMAGE_SCALE));
  const h = Math.max(1, Math.round(height ?? chart.height * FAKE_IMAGE_SCALE));
  const first = chart.series[0];
  const points = first ? [...first.pointFills.entries()].sort((a, b) => a[0] - b[0]).map(([, colour]) => colour) : [];
  const colours = points.length > 0 ? points : chart.series.map((s) => s.fill ?? s.lineColor ?? '#808080');
  return encodeStripesPng(w, h, colours);
}
