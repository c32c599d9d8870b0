/**
 * The Office.js chart renderer (src/renderers/excel/charts.ts) against the
 * typed fake Excel: what it draws, that a refresh replaces Tierwise's charts
 * and never duplicates them or touches the user's, that it costs a constant
 * number of syncs, and that its requirement-set table matches
 * @types/office-js and the manifest.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartsOnSheet, createFakeExcel, type FakeExcel } from '../../../src/fake-excel';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { WorkbookPlan } from '../../../src/plan/types';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { applyCharts, CHART_API, CHART_SYNCS, ChartsRefusedError, MANIFEST_EXCEL_API, unsupportedChartApi } from '../../../src/renderers/excel/charts';
import { syntheticCustomers } from '../../../bench/synthetic';
import { chartsOnlyPlan } from '../../fixtures/charts/summaryFixture';

const ROOT = join(__dirname, '../../..');

/** A fresh fake with the plan's sheets and the Summary's values, as applyPlan leaves them. */
async function builtWorkbook(plan: WorkbookPlan): Promise<FakeExcel> {
  const fake = createFakeExcel();
  await fake.run((context) => applyPlan(context, plan));
  return fake;
}

/** The real plan builder's plan over `n` synthetic customers: its Summary sheet and the charts bound to it. */
function fullPlan(n: number): WorkbookPlan {
  const result = gradeCustomers(syntheticCustomers(n), DEFAULT_SETTINGS, { today: 20_000 as never });
  return buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId'], carriedHeaders: [] });
}

describe('applyCharts', () => {
  test('draws every plan chart on the Charts sheet: types, sources on the Summary sheet, axis groups, tier colours, titles, sizes in points', async () => {
    const plan = chartsOnlyPlan('zh-CN');
    const fake = await builtWorkbook(plan);
    const records = chartsOnSheet(fake.model, '图表');
    expect(records.map((c) => c.name)).toEqual(plan.charts.map((c) => c.name));
    for (const [i, chart] of plan.charts.entries()) {
      const record = records[i];
      expect(record).toMatchObject({ top: chart.top, left: chart.left, width: chart.width, height: chart.height, title: { text: chart.title, visible: true } });
      expect(record?.legend.visible).toBe(chart.legend !== 'none');
      expect(record?.series.map((s) => s.name)).toEqual(chart.series.map((s) => s.name));
      for (const [k, s] of chart.series.entries()) {
        const r = record?.series[k];
        expect(r?.values).toBe(`'汇总'!${s.values.address.replace(/\$/g, '')}`);
        expect(r?.xValues).toBe(`'汇总'!${chart.categories.address.replace(/\$/g, '')}`);
        expect(r?.axisGroup).toBe(s.axis === 'secondary' ? 'Secondary' : 'Primary');
        expect(r?.hasDataLabels).toBe(s.dataLabels);
        expect(Object.values(r?.pointFills ?? {})).toEqual(s.pointColors ?? []);
      }
    }
    const pareto = records.find((c) => c.name === 'Tierwise_tierRevenuePareto');
    expect(pareto?.series[1]?.chartType).toBe('LineMarkers');
    expect(pareto?.axes['Value/Secondary']).toMatchObject({ minimum: 0, maximum: 1, numberFormat: '0%', title: '累计收入占比' });
    expect(records.find((c) => c.name === 'Tierwise_segmentCustomers')?.axes['Category/Primary']?.reversePlotOrder).toBe(true);
    expect(records.find((c) => c.name === 'Tierwise_ownerTiers')?.chartType).toBe('BarStacked');
  });

  test('a refresh replaces Tierwise\'s charts and never duplicates them', async () => {
    const plan = chartsOnlyPlan('en');
    const fake = await builtWorkbook(plan);
    const first = await fake.run((context) => applyCharts(context, plan));
    const second = await fake.run((context) => applyCharts(context, plan));
    expect(first.deleted).toEqual(plan.charts.map((c) => c.name));
    expect(second.deleted).toEqual(plan.charts.map((c) => c.name));
    const names = chartsOnSheet(fake.model, 'Charts').map((c) => c.name);
    expect(names).toHaveLength(plan.charts.length);
    expect(new Set(names).size).toBe(names.length);
  });

  test('never touches a chart the user made, on the Charts sheet or elsewhere', async () => {
    const plan = chartsOnlyPlan('en');
    const fake = await builtWorkbook(plan);
    await fake.run(async (context) => {
      const summary = context.workbook.worksheets.getItem('Summary');
      const mine = context.workbook.worksheets.getItem('Charts').charts.add('Pie' as Excel.ChartType, summary.getRange('B3:B7'));
      mine.name = 'My pie';
      mine.top = 2000;
      const other = summary.charts.add('Line' as Excel.ChartType, summary.getRange('D3:D7'));
      other.name = 'Tierwise_on_summary';
    });
    const before = chartsOnSheet(fake.model, 'Charts').find((c) => c.name === 'My pie');
    const result = await fake.run((context) => applyCharts(context, plan));
    expect(result.keptUserCharts).toEqual(['My pie']);
    expect(chartsOnSheet(fake.model, 'Charts').find((c) => c.name === 'My pie')).toEqual(before);
    // Only the sheets that hold plan charts are cleaned: a Tierwise_-named chart elsewhere is left alone.
    expect(chartsOnSheet(fake.model, 'Summary').map((c) => c.name)).toEqual(['Tierwise_on_summary']);
  });

  test('a chart the plan no longer has (the owner column is gone) is removed on refresh', async () => {
    const withOwners = chartsOnlyPlan('en');
    const fake = await builtWorkbook(withOwners);
    const withoutOwners = chartsOnlyPlan('en', { owners: 0 });
    const result = await fake.run((context) => applyCharts(context, withoutOwners));
    expect(result.deleted).toContain('Tierwise_ownerTiers');
    expect(chartsOnSheet(fake.model, 'Charts').map((c) => c.name)).not.toContain('Tierwise_ownerTiers');
  });

  test('refuses, changing nothing, when the Summary sheet the charts read is gone', async () => {
    const plan = chartsOnlyPlan('en');
    const fake = await builtWorkbook(plan);
    await fake.run(async (context) => context.workbook.worksheets.getItem('Summary').delete());
    const before = chartsOnSheet(fake.model, 'Charts');
    expect(before.every((c) => c.series.every((s) => s.values === '#REF!'))).toBe(true);
    let caught: unknown = null;
    try {
      await fake.run((context) => applyCharts(context, plan));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChartsRefusedError);
    expect((caught as ChartsRefusedError).missingSheets).toEqual(['Summary']);
    expect((caught as ChartsRefusedError).detail.zh).toContain('Summary');
    expect(chartsOnSheet(fake.model, 'Charts')).toEqual(before);
  });

  test(`costs ${CHART_SYNCS} syncs and the same operations at 10 and 10,000 customers`, async () => {
    const figures: { syncs: number; chartSyncs: number; chartOperations: number[] }[] = [];
    for (const n of [10, 10_000]) {
      const plan = fullPlan(n);
      const fake = createFakeExcel();
      const built = await fake.run((context) => applyPlan(context, plan));
      const withoutCharts = createFakeExcel();
      const reference = await withoutCharts.run((context) => applyPlan(context, { ...plan, charts: [] }));
      const requests = fake.stats().requests;
      expect(built.charts?.syncs).toBe(CHART_SYNCS);
      expect(built.syncs).toBe(reference.syncs + CHART_SYNCS);
      expect(requests).toHaveLength(built.syncs);
      figures.push({ syncs: built.syncs - reference.syncs, chartSyncs: built.charts?.syncs ?? -1, chartOperations: requests.slice(-CHART_SYNCS).map((r) => r.operations) });
    }
    expect(figures[0]).toEqual(figures[1]);
  });

  test('a host below a member\'s requirement set gets no charts and a message in both languages, with nothing written', async () => {
    const api = [...CHART_API, { member: 'Chart.activate', set: '1.9' }];
    expect(unsupportedChartApi(api, () => false)).toEqual([{ member: 'Chart.activate', set: '1.9' }]);
    expect(unsupportedChartApi(api, (set, version) => set === 'ExcelApi' && version === '1.9')).toEqual([]);
    const plan = chartsOnlyPlan('en');
    const fake = await builtWorkbook({ ...plan, charts: [] });
    const syncsBefore = fake.stats().syncs;
    const result = await fake.run((context) => applyCharts(context, plan, { api, supports: () => false }));
    expect(result.syncs).toBe(0);
    expect(fake.stats().syncs).toBe(syncsBefore);
    expect(result.warnings[0]?.en).toContain('ExcelApi 1.9');
    expect(result.warnings[0]?.zh).toContain('ExcelApi 1.9');
    expect(chartsOnSheet(fake.model, 'Charts')).toEqual([]);
  });

  test('every member called is in the set @types/office-js gives it, none above the manifest\'s ExcelApi', () => {
    const dts = readFileSync(join(ROOT, 'node_modules/@types/office-js/index.d.ts'), 'utf8');
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MANIFEST_EXCEL_API}"/>`);
    expect(unsupportedChartApi(CHART_API, () => false)).toEqual([]);
    for (const { member, set } of CHART_API) {
      const [className, memberName] = member.split('.') as [string, string];
      const classStart = dts.indexOf(`\n    class ${className} extends OfficeExtension.ClientObject {`);
      expect(classStart).toBeGreaterThan(0);
      const classEnd = dts.indexOf('\n    }\n', classStart);
      const body = dts.slice(classStart, classEnd);
      const at = body.search(new RegExp(`\\n        (readonly )?${memberName}[(:?]`));
      expect({ member, found: at > 0 }).toEqual({ member, found: true });
      const doc = body.slice(body.lastIndexOf('/**', at), at);
      // A member without a tag of its own (a collection's `items`) has its class's set.
      const classDoc = dts.slice(dts.lastIndexOf('/**', classStart), classStart);
      const tagged = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(doc)?.[1] ?? /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(classDoc)?.[1];
      expect({ member, set: tagged }).toEqual({ member, set });
    }
  });
});
