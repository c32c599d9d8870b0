/**
 * What the fake Excel keeps of charts (see charts.ts): the models a
 * renderer's calls write and tests read through {@link chartsOnSheet}, the
 * charts of each sheet, the helpers that make new series and axes and
 * resolve a series' source range, and the base of the chart parts the fake
 * only writes through.
 */
import { FakeExcelError } from './errors';
import { FakeClientObject, FakeRange } from './api';
import { qualifiedAddress, type Rect } from './address';
import type { FakeSheet, FakeWorkbookModel } from './model';

/** A range a series reads, kept as the sheet object so a deletion shows. */
export interface SourceRange {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

export interface FakeDataLabelsModel {
  showValue: boolean;
  numberFormat: string | null;
  position: string | null;
}

export interface FakeSeriesModel {
  name: string;
  chartType: string;
  axisGroup: 'Primary' | 'Secondary';
  values: SourceRange | null;
  xValues: SourceRange | null;
  hasDataLabels: boolean;
  dataLabels: FakeDataLabelsModel;
  fill: string | null;
  lineColor: string | null;
  gapWidth: number | null;
  overlap: number | null;
  markerStyle: string | null;
  /** Per-point fills and borders by point index. */
  readonly pointFills: Map<number, string>;
  readonly pointBorders: Map<number, string>;
}

export interface FakeAxisModel {
  title: string | null;
  titleVisible: boolean;
  minimum: number | null;
  maximum: number | null;
  numberFormat: string | null;
  reversePlotOrder: boolean;
  visible: boolean;
  majorGridlines: boolean;
}

export interface FakeChartModel {
  readonly id: string;
  name: string;
  /** The type given to `charts.add`, or set since. */
  chartType: string;
  top: number;
  left: number;
  width: number;
  height: number;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  readonly series: FakeSeriesModel[];
  /** Axes by `<type>/<group>`: `Category/Primary`, `Value/Secondary`. */
  readonly axes: Map<string, FakeAxisModel>;
}

/** Charts per sheet; a deleted sheet takes its charts with it. */
export const chartStore = new WeakMap<FakeSheet, FakeChartModel[]>();

export function chartsOf(sheet: FakeSheet): FakeChartModel[] {
  let list = chartStore.get(sheet);
  if (!list) {
    list = [];
    chartStore.set(sheet, list);
  }
  return list;
}

/** A series' source as Excel would show it: `'Summary'!$B$3:$B$7`, or `#REF!` once its sheet is deleted. */
export function sourceAddress(model: FakeWorkbookModel, source: SourceRange | null): string | null {
  if (source === null) return null;
  if (!model.sheets.includes(source.sheet)) return '#REF!';
  return qualifiedAddress(source.sheet.name, source.rect);
}

/** What a test reads: every chart of a sheet, its series' sources as addresses. */
export interface FakeChartRecord extends Omit<FakeChartModel, 'series' | 'axes'> {
  readonly series: (Omit<FakeSeriesModel, 'values' | 'xValues' | 'pointFills' | 'pointBorders'> & {
    readonly values: string | null;
    readonly xValues: string | null;
    readonly pointFills: Record<number, string>;
    readonly pointBorders: Record<number, string>;
  })[];
  readonly axes: Record<string, FakeAxisModel>;
}

export function chartsOnSheet(model: FakeWorkbookModel, sheetName: string): FakeChartRecord[] {
  const sheet = model.sheet(sheetName);
  if (!sheet) throw new FakeExcelError('ItemNotFound', `No sheet "${sheetName}".`);
  return chartsOf(sheet).map((c) => ({
    ...c,
    title: { ...c.title },
    legend: { ...c.legend },
    series: c.series.map((s) => ({
      ...s,
      dataLabels: { ...s.dataLabels },
      values: sourceAddress(model, s.values),
      xValues: sourceAddress(model, s.xValues),
      pointFills: Object.fromEntries(s.pointFills),
      pointBorders: Object.fromEntries(s.pointBorders),
    })),
    axes: Object.fromEntries([...c.axes].map(([k, a]) => [k, { ...a }])),
  }));
}

export function newAxis(): FakeAxisModel {
  return { title: null, titleVisible: false, minimum: null, maximum: null, numberFormat: null, reversePlotOrder: false, visible: true, majorGridlines: true };
}

export function newSeries(name: string, chartType: string, values: SourceRange | null): FakeSeriesModel {
  return {
    name,
    chartType,
    axisGroup: 'Primary',
    values,
    xValues: null,
    hasDataLabels: false,
    dataLabels: { showValue: false, numberFormat: null, position: null },
    fill: null,
    lineColor: null,
    gapWidth: null,
    overlap: null,
    markerStyle: null,
    pointFills: new Map(),
    pointBorders: new Map(),
  };
}

export function resolveRange(range: unknown): SourceRange {
  if (!(range instanceof FakeRange)) throw new FakeExcelError('InvalidArgument', 'Expected a Range of this fake workbook.');
  // Resolving fails with ItemNotFound when the range's sheet is gone.
  const { sheet, rect } = range.resolve();
  return { sheet, rect };
}

/* ------------------------------------------------------------------ parts without loads */

/** Sub-objects the fake only writes through (titles, fills, labels): reading them back is done on the model. */
export abstract class FakeChartPart extends FakeClientObject {
  protected readonly scalarProperties: readonly string[] = [];
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'The fake does not read chart formatting back; inspect chartsOnSheet().');
  }
  protected edit(payload: unknown, change: () => void): void {
    this.queue(payload, 0, change);
  }
}
