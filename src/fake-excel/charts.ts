/**
 * Charts of the fake Excel (issue 6 §2): `Worksheet.charts` and the chart
 * objects Tierwise calls, typed `implements Pick<Excel.X, ...>` like the
 * rest of the fake. Everything a renderer sets is recorded in a
 * {@link FakeChartModel} per chart, readable by tests through
 * {@link chartsOnSheet}: type, series with their source ranges, chart type
 * and axis group, per-point fills, data labels, axes, title, legend, and
 * position and size in points.
 *
 * Excel rules enforced, with their Microsoft source:
 * - A property read before `load()` + `sync()` fails (`PropertyNotLoaded`),
 *   as for every fake object ("Call load on an object",
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 * - `ChartCollection.getItem(name)` of a name no chart has fails
 *   (`ItemNotFound`); `getItemOrNullObject` gives a null object instead
 *   ("*OrNullObject methods",
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 * - Chart names are NOT unique: Excel lets two charts share a name, and
 *   "if there are multiple charts with the same name, the first one will be
 *   returned" (ChartCollection.getItem, https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-getitem-member(1)).
 *   So adding a chart named like an existing one silently makes a second:
 *   the fake does the same and counts it, and the renderer's tests assert
 *   it never happens.
 * - A series reads a range of a sheet; when that sheet is deleted the
 *   series' reference becomes `#REF!` ("How to correct a #REF! error",
 *   https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-5610-4d4b-a2ff-5e0f4b8e5d69),
 *   and binding a series to a range of a deleted sheet fails (`ItemNotFound`,
 *   the range cannot be resolved). The fake records `#REF!` and loading such a
 *   series' `name` still works, as in Excel; tests read the record.
 * - A point index outside the series (`points.getItemAt(i)`, i >= the
 *   number of values) fails (`ItemNotFound`), as any `getItemAt` past a
 *   collection's end; `axes.getItem('Value', 'Secondary')` fails
 *   (`ItemNotFound`) while no series is on the secondary axis group.
 * - Sizes and positions are points (Chart.top/left/width/height); a
 *   negative or non-finite one is `InvalidArgument`.
 *
 * This file is the entry point: it re-exports the chart classes and
 * registers Worksheet.charts with worksheets.ts when loaded (index.ts loads
 * it). The classes live in modules by what they fake: chartModel.ts (the
 * records tests read, the charts of each sheet, the base of the parts the
 * fake only writes through), chartCollection.ts (the collection and the
 * chart, with its image), chartElements.ts (title, legend, axes) and
 * chartSeries.ts (series, data labels, fills, points). chartElements.ts and
 * chartSeries.ts name the chart's class as a type only, so chartCollection.ts
 * can import them without a cycle at load time.
 */
import { expose, registerChartCollection } from './api';
import { FakeChartCollection } from './chartCollection';

export { sourceAddress, chartsOnSheet } from './chartModel';
export { FakeChartCollection, FakeChart, fakeChartImagePng } from './chartCollection';
export { FakeChartTitle, FakeChartLegend, FakeChartAxes, FakeChartAxis, FakeChartAxisTitle, FakeChartGridlines } from './chartElements';
export {
  FakeChartSeriesCollection,
  FakeChartSeries,
  FakeChartDataLabels,
  FakeChartSeriesFormat,
  FakeChartLineFormat,
  FakeChartFill,
  FakeChartPointsCollection,
  FakeChartPoint,
  FakeChartPointFormat,
  FakeChartPointBorder,
} from './chartSeries';
export type { FakeDataLabelsModel, FakeSeriesModel, FakeAxisModel, FakeChartModel, FakeChartRecord } from './chartModel';

registerChartCollection((core, worksheet) => expose<Excel.ChartCollection>(new FakeChartCollection(core, worksheet)));
