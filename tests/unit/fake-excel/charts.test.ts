/**
 * The fake Excel's charts (src/fake-excel/charts.ts): what it records, and
 * one test per Excel rule it enforces, each citing its Microsoft source.
 */
import { describe, expect, test } from '@jest/globals';
import { chartsOnSheet, createFakeExcel, FakeExcelError, type FakeExcel } from '../../../src/fake-excel';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FakeExcelError);
  expect((caught as FakeExcelError).code).toBe(code);
}

function workbook(): FakeExcel {
  const fake = createFakeExcel();
  const data = fake.model.addSheet('Data');
  ['Gold', 'Silver', 'Regular'].forEach((label, i) => {
    data.setConstant(i, 0, label);
    data.setConstant(i, 1, (i + 1) * 10);
    data.setConstant(i, 2, (i + 1) / 6);
  });
  fake.model.addSheet('Charts');
  return fake;
}

describe('fake Excel: charts are recorded', () => {
  test('type, series and their sources, axis group, chart type, per-point fills, labels, axes, title, legend, size and position in points', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    const data = worksheets.getItem('Data');
    const chart = worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, data.getRange('B1:B3'), 'Columns' as Excel.ChartSeriesBy);
    chart.name = 'Tierwise_test';
    chart.top = 45;
    chart.left = 480;
    chart.width = 480;
    chart.height = 270;
    chart.title.text = 'Revenue';
    chart.legend.visible = false;
    const first = chart.series.getItemAt(0);
    first.name = 'Revenue';
    first.setXAxisValues(data.getRange('A1:A3'));
    first.points.getItemAt(2).format.fill.setSolidColor('#E2EFDA');
    first.points.getItemAt(2).format.border.color = '#7F7F7F';
    const line = chart.series.add('Share');
    line.setValues(data.getRange('C1:C3'));
    line.chartType = 'LineMarkers' as Excel.ChartType;
    line.axisGroup = 'Secondary' as Excel.ChartAxisGroup;
    line.hasDataLabels = true;
    line.dataLabels.numberFormat = '0%';
    const secondary = chart.axes.getItem('Value' as Excel.ChartAxisType, 'Secondary' as Excel.ChartAxisGroup);
    secondary.maximum = 1;
    secondary.title.text = 'Share';
    await fake.context.sync();

    const [record] = chartsOnSheet(fake.model, 'Charts');
    expect(record).toMatchObject({ name: 'Tierwise_test', chartType: 'ColumnClustered', top: 45, left: 480, width: 480, height: 270, title: { text: 'Revenue', visible: true }, legend: { visible: false } });
    expect(record?.series.map((s) => [s.name, s.chartType, s.axisGroup, s.values, s.xValues])).toEqual([
      ['Revenue', 'ColumnClustered', 'Primary', 'Data!B1:B3', 'Data!A1:A3'],
      ['Share', 'LineMarkers', 'Secondary', 'Data!C1:C3', null],
    ]);
    expect(record?.series[0]?.pointFills).toEqual({ 2: '#E2EFDA' });
    expect(record?.series[0]?.pointBorders).toEqual({ 2: '#7F7F7F' });
    expect(record?.series[1]?.dataLabels.numberFormat).toBe('0%');
    expect(record?.axes['Value/Secondary']).toMatchObject({ maximum: 1, title: 'Share' });
  });

  test('charts.load("items/name") lists the sheet\'s charts; delete removes one', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    const charts = worksheets.getItem('Charts').charts;
    charts.add('BarClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3')).name = 'Mine';
    charts.add('BarClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3')).name = 'Tierwise_x';
    charts.load('items/name');
    await fake.context.sync();
    expect(charts.items.map((c) => c.name)).toEqual(['Mine', 'Tierwise_x']);
    charts.items[1]?.delete();
    await fake.context.sync();
    expect(chartsOnSheet(fake.model, 'Charts').map((c) => c.name)).toEqual(['Mine']);
  });
});

describe('fake Excel: chart rules', () => {
  // "Call load on an object", learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
  test('a chart property read before load() + sync() throws PropertyNotLoaded', async () => {
    const fake = workbook();
    const chart = fake.context.workbook.worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, fake.context.workbook.worksheets.getItem('Data').getRange('B1:B3'));
    expect(() => chart.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    chart.load('name, width');
    await fake.context.sync();
    expect(chart.width).toBe(360);
    expect(chart.name).toMatch(/^Chart \d+$/);
  });

  // ChartCollection.getItem / getItemOrNullObject, learn.microsoft.com/javascript/api/excel/excel.chartcollection
  test('getItem of a chart name that does not exist fails with ItemNotFound; getItemOrNullObject gives a null object', async () => {
    const fake = workbook();
    const charts = fake.context.workbook.worksheets.getItem('Charts').charts;
    const missing = charts.getItemOrNullObject('Tierwise_none').load('name');
    await fake.context.sync();
    expect(missing.isNullObject).toBe(true);
    charts.getItem('Tierwise_none').load('name');
    await expectCode(fake.context.sync(), 'ItemNotFound');
  });

  // ChartCollection.getItem: "If there are multiple charts with the same name, the first one will be returned."
  // learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-getitem-member(1)
  test('Excel lets two charts share a name (adding one named like another makes a second); getItem returns the first', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    const charts = worksheets.getItem('Charts').charts;
    const a = charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3'));
    a.name = 'Same';
    a.top = 10;
    const b = charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3'));
    b.name = 'Same';
    b.top = 300;
    const got = charts.getItem('Same').load('top');
    await fake.context.sync();
    expect(chartsOnSheet(fake.model, 'Charts').map((c) => c.name)).toEqual(['Same', 'Same']);
    expect(got.top).toBe(10);
  });

  // "How to correct a #REF! error" (a reference to a deleted sheet), support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-5610-4d4b-a2ff-5e0f4b8e5d69
  test('a series whose source sheet is deleted reads #REF!; binding a series to a range of a deleted sheet fails', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    const chart = worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3'));
    chart.name = 'Tierwise_orphan';
    await fake.context.sync();
    const staleRange = worksheets.getItem('Data').getRange('C1:C3');
    worksheets.getItem('Data').delete();
    await fake.context.sync();
    expect(chartsOnSheet(fake.model, 'Charts')[0]?.series[0]?.values).toBe('#REF!');
    // Loading the series still works, as in Excel (the chart keeps its broken reference).
    const series = worksheets.getItem('Charts').charts.getItem('Tierwise_orphan').series.getItemAt(0).load('name');
    await fake.context.sync();
    expect(series.name).toBe('Series1');
    worksheets.getItem('Charts').charts.getItem('Tierwise_orphan').series.getItemAt(0).setValues(staleRange);
    await expectCode(fake.context.sync(), 'ItemNotFound');
  });

  // ChartPointsCollection.getItemAt: "Retrieve a point based on its position within the series", learn.microsoft.com/javascript/api/excel/excel.chartpointscollection
  test('a point index outside the series fails with ItemNotFound', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    const chart = worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3'));
    chart.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor('#FFD966');
    await expectCode(fake.context.sync(), 'ItemNotFound');
  });

  // ChartAxes.getItem(type, group), learn.microsoft.com/javascript/api/excel/excel.chartaxes#excel-excel-chartaxes-getitem-member(1)
  test('the secondary value axis exists only once a series is on the secondary axis group', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    const chart = worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3'));
    chart.axes.getItem('Value' as Excel.ChartAxisType, 'Secondary' as Excel.ChartAxisGroup).maximum = 1;
    await expectCode(fake.context.sync(), 'ItemNotFound');
  });

  // Chart.top / left / width / height are points, learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-width-member
  test('a negative chart size is InvalidArgument', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3')).width = -1;
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  test('charts go with their sheet: a deleted sheet has no charts to list', async () => {
    const fake = workbook();
    const { worksheets } = fake.context.workbook;
    worksheets.getItem('Charts').charts.add('ColumnClustered' as Excel.ChartType, worksheets.getItem('Data').getRange('B1:B3'));
    worksheets.getItem('Charts').delete();
    await fake.context.sync();
    expect(() => chartsOnSheet(fake.model, 'Charts')).toThrow(/No sheet/);
    worksheets.getItem('Charts').charts.load('items/name');
    await expectCode(fake.context.sync(), 'ItemNotFound');
  });
});
