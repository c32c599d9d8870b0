/**
 * Chart series of the fake Excel (see charts.ts): a chart's series
 * collection, one series with its source ranges, chart type and axis group,
 * its data labels, fill and line, and its points with their fills and
 * borders.
 */
import { FakeExcelError } from './errors';
import { expose, FakeClientObject } from './api';
import { rectColumns, rectRows } from './address';
import type { FakeContextCore } from './context';
import { chartStore, FakeChartPart, newSeries, resolveRange, type FakeSeriesModel } from './chartModel';
import type { FakeChart } from './chartCollection';

export class FakeChartSeriesCollection
  extends FakeClientObject
  implements Pick<Excel.ChartSeriesCollection, 'add' | 'getItemAt' | 'items' | 'count' | 'load'>
{
  protected readonly scalarProperties = ['count'];
  constructor(
    core: FakeContextCore,
    private readonly owner: FakeChart,
  ) {
    super(core);
  }
  protected snapshot(property: string): unknown {
    const chart = this.owner.chart();
    if (property === 'count') return chart.series.length;
    return chart.series.map((s) => {
      const proxy = new FakeChartSeries(this.core, () => (this.owner.chart().series.includes(s) ? s : null));
      proxy.preload({ name: s.name, chartType: s.chartType, axisGroup: s.axisGroup, hasDataLabels: s.hasDataLabels });
      return proxy;
    });
  }
  get items(): Excel.ChartSeries[] {
    return (this.read('items') as FakeChartSeries[]).map((s) => expose<Excel.ChartSeries>(s));
  }
  get count(): number {
    return this.read('count') as number;
  }
  /** ChartSeriesCollection.add: a new series with no values yet, of the chart's type. */
  add(name?: string, index?: number): Excel.ChartSeries {
    let created: FakeSeriesModel | null = null;
    const proxy = new FakeChartSeries(this.core, () => created);
    this.queue({ add: name ?? null, index: index ?? null }, 0, () => {
      const chart = this.owner.chart();
      const series = newSeries(name ?? `Series${chart.series.length + 1}`, chart.chartType, null);
      if (index !== undefined && (index < 0 || index > chart.series.length)) throw new FakeExcelError('InvalidArgument', `Series index ${index} is outside 0..${chart.series.length}.`);
      chart.series.splice(index ?? chart.series.length, 0, series);
      created = series;
    });
    return expose(proxy);
  }
  getItemAt(index: number): Excel.ChartSeries {
    return expose(new FakeChartSeries(this.core, () => this.owner.chart().series[index] ?? null));
  }
  load(propertyNames?: unknown): Excel.ChartSeriesCollection {
    this.queueLoad(propertyNames ?? 'items');
    return expose(this);
  }
}

export class FakeChartSeries
  extends FakeClientObject
  implements
    Pick<
      Excel.ChartSeries,
      'name' | 'chartType' | 'axisGroup' | 'hasDataLabels' | 'gapWidth' | 'overlap' | 'markerStyle' | 'setValues' | 'setXAxisValues' | 'points' | 'dataLabels' | 'format' | 'delete' | 'load'
    >
{
  protected readonly scalarProperties = ['name', 'chartType', 'axisGroup', 'hasDataLabels', 'gapWidth', 'overlap', 'markerStyle'];
  constructor(
    core: FakeContextCore,
    private readonly lookup: () => FakeSeriesModel | null,
  ) {
    super(core);
  }
  protected override exists(): boolean {
    return this.lookup() !== null;
  }
  series(): FakeSeriesModel {
    const s = this.lookup();
    if (!s) throw new FakeExcelError('ItemNotFound', "The requested resource doesn't exist: chart series.");
    return s;
  }
  protected snapshot(property: string): unknown {
    return this.series()[property as 'name'];
  }
  editSeries(payload: unknown, apply: (s: FakeSeriesModel) => void): void {
    this.queue(payload, 0, () => apply(this.series()));
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(value: string) {
    this.editSeries({ name: value }, (s) => (s.name = value));
  }
  get chartType(): Excel.ChartSeries['chartType'] {
    return this.read('chartType') as Excel.ChartSeries['chartType'];
  }
  set chartType(value: Excel.ChartSeries['chartType']) {
    this.editSeries({ chartType: value }, (s) => (s.chartType = String(value)));
  }
  get axisGroup(): Excel.ChartSeries['axisGroup'] {
    return this.read('axisGroup') as Excel.ChartSeries['axisGroup'];
  }
  set axisGroup(value: Excel.ChartSeries['axisGroup']) {
    this.editSeries({ axisGroup: value }, (s) => {
      if (value !== 'Primary' && value !== 'Secondary') throw new FakeExcelError('InvalidArgument', `Not an axis group: ${String(value)}.`);
      s.axisGroup = value;
    });
  }
  get hasDataLabels(): boolean {
    return this.read('hasDataLabels') as boolean;
  }
  set hasDataLabels(value: boolean) {
    this.editSeries({ hasDataLabels: value }, (s) => (s.hasDataLabels = value));
  }
  get gapWidth(): number {
    return this.read('gapWidth') as number;
  }
  set gapWidth(value: number) {
    this.editSeries({ gapWidth: value }, (s) => {
      // ChartSeries.gapWidth: "a value from 0 to 500".
      if (!(value >= 0 && value <= 500)) throw new FakeExcelError('InvalidArgument', `gapWidth must be 0-500: ${value}.`);
      s.gapWidth = value;
    });
  }
  get overlap(): number {
    return this.read('overlap') as number;
  }
  set overlap(value: number) {
    this.editSeries({ overlap: value }, (s) => {
      // ChartSeries.overlap: "a value from -100 to 100".
      if (!(value >= -100 && value <= 100)) throw new FakeExcelError('InvalidArgument', `overlap must be -100..100: ${value}.`);
      s.overlap = value;
    });
  }
  get markerStyle(): Excel.ChartSeries['markerStyle'] {
    return this.read('markerStyle') as Excel.ChartSeries['markerStyle'];
  }
  set markerStyle(value: Excel.ChartSeries['markerStyle']) {
    this.editSeries({ markerStyle: value }, (s) => (s.markerStyle = String(value)));
  }
  setValues(sourceData: Excel.Range): void {
    this.editSeries({ setValues: true }, (s) => (s.values = resolveRange(sourceData)));
  }
  setXAxisValues(sourceData: Excel.Range): void {
    this.editSeries({ setXAxisValues: true }, (s) => (s.xValues = resolveRange(sourceData)));
  }
  get points(): Excel.ChartPointsCollection {
    return expose(new FakeChartPointsCollection(this.core, this));
  }
  get dataLabels(): Excel.ChartDataLabels {
    return expose(new FakeChartDataLabels(this.core, this));
  }
  get format(): Excel.ChartSeriesFormat {
    return expose(new FakeChartSeriesFormat(this.core, this));
  }
  delete(): void {
    this.queue({ delete: true }, 0, () => {
      const target = this.series();
      for (const sheet of this.model.sheets) {
        for (const chart of chartStore.get(sheet) ?? []) {
          const at = chart.series.indexOf(target);
          if (at >= 0) chart.series.splice(at, 1);
        }
      }
    });
  }
  load(propertyNames?: unknown): Excel.ChartSeries {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

class SeriesOwnedPart extends FakeChartPart {
  constructor(
    core: FakeContextCore,
    protected readonly owner: FakeChartSeries,
  ) {
    super(core);
  }
}

export class FakeChartDataLabels extends SeriesOwnedPart implements Pick<Excel.ChartDataLabels, 'showValue' | 'numberFormat' | 'position'> {
  get showValue(): boolean {
    return this.read('showValue') as boolean;
  }
  set showValue(value: boolean) {
    this.owner.editSeries({ showValue: value }, (s) => (s.dataLabels.showValue = value));
  }
  get numberFormat(): string {
    return this.read('numberFormat') as string;
  }
  set numberFormat(value: string) {
    this.owner.editSeries({ numberFormat: value }, (s) => (s.dataLabels.numberFormat = value));
  }
  get position(): Excel.ChartDataLabels['position'] {
    return this.read('position') as Excel.ChartDataLabels['position'];
  }
  set position(value: Excel.ChartDataLabels['position']) {
    this.owner.editSeries({ position: value }, (s) => (s.dataLabels.position = String(value)));
  }
}

export class FakeChartSeriesFormat extends SeriesOwnedPart implements Pick<Excel.ChartSeriesFormat, 'fill' | 'line'> {
  get fill(): Excel.ChartFill {
    return expose(new FakeChartFill(this.core, (payload, color) => this.owner.editSeries(payload, (s) => (s.fill = color))));
  }
  get line(): Excel.ChartLineFormat {
    return expose(new FakeChartLineFormat(this.core, this.owner));
  }
}

export class FakeChartLineFormat extends SeriesOwnedPart implements Pick<Excel.ChartLineFormat, 'color'> {
  get color(): string {
    return this.read('color') as string;
  }
  set color(value: string) {
    this.owner.editSeries({ lineColor: value }, (s) => (s.lineColor = checkColor(value)));
  }
}

function checkColor(value: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(value) && !/^[A-Za-z]+$/.test(value)) throw new FakeExcelError('InvalidArgument', `Not a colour: ${value}.`);
  return value;
}

/** ChartFill: `setSolidColor` and `clear`, applied through the owner's edit. */
export class FakeChartFill extends FakeChartPart implements Pick<Excel.ChartFill, 'setSolidColor' | 'clear'> {
  constructor(
    core: FakeContextCore,
    private readonly apply: (payload: unknown, color: string | null) => void,
  ) {
    super(core);
  }
  setSolidColor(color: string): void {
    this.apply({ setSolidColor: color }, color === '' ? null : checkColor(color));
  }
  clear(): void {
    this.apply({ clear: true }, null);
  }
}

export class FakeChartPointsCollection extends SeriesOwnedPart implements Pick<Excel.ChartPointsCollection, 'getItemAt'> {
  getItemAt(index: number): Excel.ChartPoint {
    return expose(new FakeChartPoint(this.core, this.owner, index));
  }
}

/** A point is a category of the series' values; its index must be inside them. */
function pointIndex(s: FakeSeriesModel, index: number): number {
  const n = s.values ? Math.max(rectRows(s.values.rect), rectColumns(s.values.rect)) : 0;
  if (!Number.isInteger(index) || index < 0 || index >= n) throw new FakeExcelError('ItemNotFound', `The series has ${n} points; there is no point ${index}.`);
  return index;
}

export class FakeChartPoint extends FakeChartPart implements Pick<Excel.ChartPoint, 'format'> {
  constructor(
    core: FakeContextCore,
    private readonly owner: FakeChartSeries,
    private readonly index: number,
  ) {
    super(core);
  }
  get format(): Excel.ChartPointFormat {
    return expose(new FakeChartPointFormat(this.core, this.owner, this.index));
  }
}

export class FakeChartPointFormat extends FakeChartPart implements Pick<Excel.ChartPointFormat, 'fill' | 'border'> {
  constructor(
    core: FakeContextCore,
    private readonly owner: FakeChartSeries,
    private readonly index: number,
  ) {
    super(core);
  }
  get fill(): Excel.ChartFill {
    return expose(
      new FakeChartFill(this.core, (payload, color) =>
        this.owner.editSeries(payload, (s) => {
          const i = pointIndex(s, this.index);
          if (color === null) s.pointFills.delete(i);
          else s.pointFills.set(i, color);
        }),
      ),
    );
  }
  get border(): Excel.ChartBorder {
    return expose(new FakeChartPointBorder(this.core, this.owner, this.index));
  }
}

export class FakeChartPointBorder extends FakeChartPart implements Pick<Excel.ChartBorder, 'color'> {
  constructor(
    core: FakeContextCore,
    private readonly owner: FakeChartSeries,
    private readonly index: number,
  ) {
    super(core);
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(value: string) {
    this.owner.editSeries({ borderColor: value }, (s) => s.pointBorders.set(pointIndex(s, this.index), checkColor(value)));
  }
}
