/**
 * The parts of a fake Excel chart (see charts.ts) that the chart owns
 * directly, apart from its series (chartSeries.ts): its title, its legend,
 * and its axes with their titles and gridlines.
 */
import { FakeExcelError } from './errors';
import { expose } from './api';
import type { FakeContextCore } from './context';
import { FakeChartPart, newAxis, type FakeAxisModel } from './chartModel';
import type { FakeChart } from './chartCollection';

class ChartOwnedPart extends FakeChartPart {
  constructor(
    core: FakeContextCore,
    protected readonly owner: FakeChart,
  ) {
    super(core);
  }
}

export class FakeChartTitle extends ChartOwnedPart implements Pick<Excel.ChartTitle, 'text' | 'visible'> {
  get text(): string {
    return this.read('text') as string;
  }
  set text(value: string) {
    this.edit({ text: value }, () => {
      const chart = this.owner.chart();
      chart.title.text = value;
      chart.title.visible = true;
    });
  }
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.edit({ visible: value }, () => (this.owner.chart().title.visible = value));
  }
}

export class FakeChartLegend extends ChartOwnedPart implements Pick<Excel.ChartLegend, 'visible' | 'position'> {
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.edit({ visible: value }, () => (this.owner.chart().legend.visible = value));
  }
  get position(): Excel.ChartLegend['position'] {
    return this.read('position') as Excel.ChartLegend['position'];
  }
  set position(value: Excel.ChartLegend['position']) {
    this.edit({ position: value }, () => (this.owner.chart().legend.position = String(value)));
  }
}

/* ------------------------------------------------------------------ axes */

export class FakeChartAxes extends ChartOwnedPart implements Pick<Excel.ChartAxes, 'categoryAxis' | 'valueAxis' | 'getItem'> {
  get categoryAxis(): Excel.ChartAxis {
    return expose(new FakeChartAxis(this.core, this.owner, 'Category/Primary'));
  }
  get valueAxis(): Excel.ChartAxis {
    return expose(new FakeChartAxis(this.core, this.owner, 'Value/Primary'));
  }
  getItem(type: Excel.ChartAxisType | 'Invalid' | 'Category' | 'Value' | 'Series', group?: Excel.ChartAxisGroup | 'Primary' | 'Secondary'): Excel.ChartAxis {
    return expose(new FakeChartAxis(this.core, this.owner, `${String(type)}/${String(group ?? 'Primary')}`));
  }
}

export class FakeChartAxis
  extends ChartOwnedPart
  implements Pick<Excel.ChartAxis, 'minimum' | 'maximum' | 'numberFormat' | 'reversePlotOrder' | 'visible' | 'title' | 'majorGridlines'>
{
  constructor(
    core: FakeContextCore,
    owner: FakeChart,
    private readonly key: string,
  ) {
    super(core, owner);
  }
  /** The axis' model: a secondary axis exists only while a series is on the secondary group. */
  axis(): FakeAxisModel {
    const chart = this.owner.chart();
    const [type, group] = this.key.split('/');
    if (type !== 'Category' && type !== 'Value') throw new FakeExcelError('InvalidArgument', `The fake has no ${type} axis.`);
    if (group === 'Secondary' && !chart.series.some((s) => s.axisGroup === 'Secondary')) {
      throw new FakeExcelError('ItemNotFound', `The chart has no secondary ${type} axis: no series is on the secondary axis group.`);
    }
    let axis = chart.axes.get(this.key);
    if (!axis) {
      axis = newAxis();
      chart.axes.set(this.key, axis);
    }
    return axis;
  }
  private change(payload: unknown, apply: (axis: FakeAxisModel) => void): void {
    this.edit(payload, () => apply(this.axis()));
  }
  get minimum(): number {
    return this.read('minimum') as number;
  }
  set minimum(value: number) {
    this.change({ minimum: value }, (a) => (a.minimum = value));
  }
  get maximum(): number {
    return this.read('maximum') as number;
  }
  set maximum(value: number) {
    this.change({ maximum: value }, (a) => (a.maximum = value));
  }
  get numberFormat(): string {
    return this.read('numberFormat') as string;
  }
  set numberFormat(value: string) {
    this.change({ numberFormat: value }, (a) => (a.numberFormat = value));
  }
  get reversePlotOrder(): boolean {
    return this.read('reversePlotOrder') as boolean;
  }
  set reversePlotOrder(value: boolean) {
    this.change({ reversePlotOrder: value }, (a) => (a.reversePlotOrder = value));
  }
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.change({ visible: value }, (a) => (a.visible = value));
  }
  get title(): Excel.ChartAxisTitle {
    return expose(new FakeChartAxisTitle(this.core, this));
  }
  get majorGridlines(): Excel.ChartGridlines {
    return expose(new FakeChartGridlines(this.core, this));
  }
  editAxis(payload: unknown, apply: (axis: FakeAxisModel) => void): void {
    this.change(payload, apply);
  }
}

export class FakeChartAxisTitle extends FakeChartPart implements Pick<Excel.ChartAxisTitle, 'text' | 'visible'> {
  constructor(
    core: FakeContextCore,
    private readonly axis: FakeChartAxis,
  ) {
    super(core);
  }
  get text(): string {
    return this.read('text') as string;
  }
  set text(value: string) {
    this.axis.editAxis({ title: value }, (a) => {
      a.title = value;
      a.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.axis.editAxis({ titleVisible: value }, (a) => (a.titleVisible = value));
  }
}

export class FakeChartGridlines extends FakeChartPart implements Pick<Excel.ChartGridlines, 'visible'> {
  constructor(
    core: FakeContextCore,
    private readonly axis: FakeChartAxis,
  ) {
    super(core);
  }
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.axis.editAxis({ majorGridlines: value }, (a) => (a.majorGridlines = value));
  }
}
