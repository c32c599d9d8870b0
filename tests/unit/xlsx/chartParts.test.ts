/**
 * Golden tests of the chart-part serialisers (src/renderers/xlsx/charts):
 * one small, reviewed golden file per part under tests/fixtures/charts/golden
 * (indented for review; compared with whitespace between tags removed).
 * Regenerate after a reviewed change with TIERWISE_UPDATE_GOLDEN=1, then
 * read the diff.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChartPlan } from '../../../src/plan/chartTypes';
import type { WorkbookPlan } from '../../../src/plan/types';
import { chartSpaceXml } from '../../../src/renderers/xlsx/charts/chartSpace';
import { drawingXml } from '../../../src/renderers/xlsx/charts/drawing';
import { drawingRelsXml, relsPartXml, sheetDrawingRelationship, withDrawingElement, withRelationships } from '../../../src/renderers/xlsx/charts/relationships';
import { chartContentTypeOverrides, withChartContentTypes } from '../../../src/renderers/xlsx/charts/contentTypes';
import { chartPackage } from '../../../src/renderers/xlsx/charts/package';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { chartsOnlyPlan } from '../../fixtures/charts/summaryFixture';
import { unzipText } from './unzip';

const GOLDEN = join(__dirname, '../../fixtures/charts/golden');

function squeeze(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}

/** Compares with the golden file; with TIERWISE_UPDATE_GOLDEN=1 rewrites it (indented by xmllint). */
function expectGolden(name: string, xml: string): void {
  const path = join(GOLDEN, name);
  if (process.env.TIERWISE_UPDATE_GOLDEN === '1') {
    writeFileSync(path, execFileSync('xmllint', ['--format', '-'], { input: xml }));
  }
  expect(squeeze(xml)).toBe(squeeze(readFileSync(path, 'utf8')));
}

/** Well-formed XML, by xmllint (installed with libxml2-utils). */
function expectWellFormed(xml: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-xml-'));
  const file = join(dir, 'part.xml');
  writeFileSync(file, xml);
  expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
}

/** A small Pareto: three tiers, revenue columns in tier colours, a cumulative line on the secondary axis; names with characters XML must escape. */
const PARETO: ChartPlan = {
  name: 'Tierwise_tierRevenuePareto',
  sheet: 'charts',
  kind: 'column',
  title: 'Revenue & share <by tier>',
  categories: { sheet: 'summary', address: '$A$3:$A$5' },
  cachedCategories: ['Gold', 'Silver', 'Regular "R"'],
  series: [
    {
      name: 'Revenue',
      nameRef: null,
      values: { sheet: 'summary', address: '$D$3:$D$5' },
      cachedValues: [5000, 3000.5, 2000],
      kind: 'column',
      axis: 'primary',
      color: '#5B9BD5',
      pointColors: ['#FFD966', '#C9C9C9', '#E2EFDA'],
      dataLabels: false,
      numberFormat: '#,##0',
      outline: '#7F7F7F',
    },
    {
      name: 'Cumulative share',
      nameRef: null,
      values: { sheet: 'summary', address: '$H$3:$H$5' },
      cachedValues: [0.5, 0.8, null],
      kind: 'line',
      axis: 'secondary',
      color: '#C00000',
      pointColors: null,
      dataLabels: true,
      numberFormat: '0%;-0%;',
    },
  ],
  axisTitles: { category: null, value: 'Revenue', secondaryValue: 'Cumulative share of revenue' },
  legend: 'none',
  secondaryAxis: { min: 0, max: 1, numberFormat: '0%' },
  left: 480,
  top: 45,
  width: 480,
  height: 270,
};

/** A small stacked bar: two owners, a series per tier named from its header cell, Chinese text. */
const STACKED: ChartPlan = {
  name: 'Tierwise_ownerTiers',
  sheet: 'charts',
  kind: 'stackedBar',
  title: '各负责人客户等级分布',
  categories: { sheet: 'summary', address: '$A$30:$A$31' },
  cachedCategories: ['王芳', '其他'],
  series: [
    {
      name: '金卡',
      nameRef: { sheet: 'summary', address: '$B$29' },
      values: { sheet: 'summary', address: '$B$30:$B$31' },
      cachedValues: [12, 0],
      kind: 'bar',
      axis: 'primary',
      color: '#FFD966',
      pointColors: null,
      dataLabels: true,
      numberFormat: '#,##0;-#,##0;',
    },
  ],
  axisTitles: { category: null, value: '客户数', secondaryValue: null },
  legend: 'bottom',
  left: 0,
  top: 1125,
  width: 960,
  height: 540,
};

const sheetName = (key: string): string => (key === 'summary' ? "Bob's Summary" : key);

describe('chart part serialisers (golden)', () => {
  it('chartN.xml: a Pareto combo (bar + line on a secondary 0-100 % axis, per-point fills, caches)', () => {
    const xml = chartSpaceXml(PARETO, { locale: 'en', sheetName });
    expectWellFormed(xml);
    expectGolden('chart-pareto.xml', xml);
    // The blank cached point is left out of the cache, the count stays.
    expect(xml).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>0.5</c:v></c:pt><c:pt idx="1"><c:v>0.8</c:v></c:pt></c:numCache>');
    expect(xml).toContain("<c:f>'Bob''s Summary'!$D$3:$D$5</c:f>");
  });

  it('chartN.xml: a stacked bar in Chinese, first category on top, series name from a cell', () => {
    const xml = chartSpaceXml(STACKED, { locale: 'zh-CN', sheetName });
    expectWellFormed(xml);
    expectGolden('chart-stacked-bar-zh.xml', xml);
  });

  it('drawingN.xml: absolute anchors in EMU (1 pt = 12,700 EMU)', () => {
    const xml = drawingXml([
      { chart: PARETO, relId: 'rId1' },
      { chart: STACKED, relId: 'rId2' },
    ]);
    expectWellFormed(xml);
    expectGolden('drawing.xml', xml);
    expect(xml).toContain('<xdr:pos x="6096000" y="571500"/><xdr:ext cx="6096000" cy="3429000"/>');
  });

  it('drawing rels, the sheet relationship and the <drawing> element', () => {
    const rels = drawingRelsXml([
      { relId: 'rId1', chartFile: 'chart1.xml' },
      { relId: 'rId2', chartFile: 'chart2.xml' },
    ]);
    expectWellFormed(rels);
    expectGolden('drawing.xml.rels', rels);
    const sheetRels = relsPartXml([sheetDrawingRelationship('rIdTierwiseDrawing', 'drawing1.xml')]);
    expectWellFormed(sheetRels);
    expectGolden('sheet.xml.rels', sheetRels);
  });

  it('[Content_Types].xml overrides', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${chartContentTypeOverrides({ drawings: ['/xl/drawings/drawing1.xml'], charts: ['/xl/charts/chart1.xml', '/xl/charts/chart2.xml'] })}</Types>`;
    expectWellFormed(xml);
    expectGolden('content-types.xml', xml);
  });
});

describe('chart parts merged into another writer’s package', () => {
  it('puts <drawing> before tableParts and extLst, and declares r: when the root lacks it', () => {
    const sheet = '<worksheet xmlns="x"><sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="t"/></tableParts><extLst/></worksheet>';
    const out = withDrawingElement(sheet, 'rIdTierwiseDrawing');
    expect(out).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="x"><sheetData/><pageMargins/><drawing r:id="rIdTierwiseDrawing"/><tableParts count="1"><tablePart r:id="t"/></tableParts><extLst/></worksheet>',
    );
    expect(() => withDrawingElement(out, 'again')).toThrow(/already has a drawing/);
  });

  it('appends to existing rels and content types without listing a part twice', () => {
    expect(withRelationships('<Relationships><Relationship Id="a"/></Relationships>', ['<Relationship Id="b"/>'])).toBe('<Relationships><Relationship Id="a"/><Relationship Id="b"/></Relationships>');
    const types = '<Types><Override PartName="/xl/charts/chart1.xml" ContentType="x"/></Types>';
    const merged = withChartContentTypes(types, { drawings: [], charts: ['/xl/charts/chart1.xml', '/xl/charts/chart2.xml'] });
    expect(merged.match(/chart1\.xml/g)).toHaveLength(1);
    expect(merged).toContain('PartName="/xl/charts/chart2.xml"');
  });

  it('chartPackage numbers parts from the given first numbers, one drawing per sheet with charts', () => {
    const plan: WorkbookPlan = {
      locale: 'en',
      sheets: [
        { key: 'summary', name: 'Summary', tabColor: null, freeze: null, columnWidths: [], cells: [] },
        { key: 'charts', name: 'Charts', tabColor: null, freeze: null, columnWidths: [], cells: [] },
      ],
      tables: [],
      names: [],
      validations: [],
      conditionalFormats: [],
      charts: [PARETO, STACKED],
    };
    const pkg = chartPackage(plan, { firstDrawing: 3, firstChart: 7 });
    expect(pkg.parts.map((p) => p.path)).toEqual(['xl/charts/chart7.xml', 'xl/charts/chart8.xml', 'xl/drawings/drawing3.xml', 'xl/drawings/_rels/drawing3.xml.rels']);
    expect(pkg.sheets).toEqual([{ sheet: 'charts', drawingFile: 'drawing3.xml', relId: 'rIdTierwiseDrawing' }]);
    expect(pkg.partNames).toEqual({ drawings: ['/xl/drawings/drawing3.xml'], charts: ['/xl/charts/chart7.xml', '/xl/charts/chart8.xml'] });
  });

  it('refuses a chart on a sheet the plan does not define', () => {
    const plan: WorkbookPlan = { locale: 'en', sheets: [], tables: [], names: [], validations: [], conditionalFormats: [], charts: [PARETO] };
    expect(() => chartPackage(plan)).toThrow(/does not define/);
  });
});

describe('both writers carry the same charts', () => {
  it('exceljs (post-processed) and streaming packages hold the same chart and drawing parts, wired to the Charts sheet', async () => {
    const plan = chartsOnlyPlan('zh-CN');
    const packages = await Promise.all((['exceljs', 'streaming'] as const).map(async (engine) => unzipText(await writeWorkbookXlsx(plan, { engine }))));
    const [viaExceljs, viaStreaming] = packages as [Map<string, string>, Map<string, string>];
    const chartPaths = (files: Map<string, string>): string[] => [...files.keys()].filter((p) => /^xl\/(charts|drawings)\//.test(p)).sort();
    expect(chartPaths(viaExceljs)).toEqual(chartPaths(viaStreaming));
    expect(chartPaths(viaExceljs)).toHaveLength(plan.charts.length + 2);
    for (const path of chartPaths(viaExceljs)) expect({ path, xml: viaExceljs.get(path) }).toEqual({ path, xml: viaStreaming.get(path) });
    for (const files of packages) {
      // The Charts sheet is the second sheet in both writers.
      expect(files.get('xl/worksheets/sheet2.xml')).toContain('<drawing r:id="rIdTierwiseDrawing"/>');
      expect(files.get('xl/worksheets/_rels/sheet2.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
      expect(files.get('[Content_Types].xml')?.match(/drawingml\.chart\+xml/g)).toHaveLength(plan.charts.length);
      expect(files.get('xl/worksheets/sheet1.xml')).not.toContain('<drawing');
    }
  });
});

describe('chartSpaceXml refuses what it cannot draw', () => {
  it.each([
    ['a doughnut chart', { ...PARETO, kind: 'doughnut' as const }],
    ['columns on the secondary axis', { ...PARETO, series: PARETO.series.map((s) => ({ ...s, kind: 'column' as const })) }],
    ['a value that is not a finite number', { ...PARETO, series: [{ ...(PARETO.series[0] as ChartPlan['series'][number]), cachedValues: [Number.NaN, 1, 2] }] }],
  ])('%s', (_, chart) => {
    expect(() => chartSpaceXml(chart, { locale: 'en', sheetName })).toThrow(expect.objectContaining({ code: 'invalid-plan' }));
  });
});
