/**
 * Chart images and the charts' refresh over the typed fake Excel (issue 6
 * §3): the image format is found from the bytes (PNG and JPEG signatures,
 * anything else refused with the bytes named); the fake's Chart.getImage
 * returns a PNG that zlib and the PNG rules accept; readChartImages reads
 * Tierwise's charts only, in three syncs; refreshCharts recolours the
 * charts from the Settings sheet in a constant number of syncs and leaves
 * the user's chart as it was.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { chartsOnSheet, createFakeExcel, parseAddress, type FakeExcel } from '../../../src/fake-excel';
import { FakeChart } from '../../../src/fake-excel/charts';
import { crc32, encodeStripesPng } from '../../../src/fake-excel/png';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { summarise } from '../../../src/domain/summary';
import type { Locale } from '../../../src/i18n/locale';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { WorkbookPlan } from '../../../src/plan/types';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { ChartsRefusedError, MANIFEST_EXCEL_API, unsupportedChartApi } from '../../../src/renderers/excel/charts';
import { base64ToBytes, CHART_IMAGE_API, chartImagesFile, CHART_IMAGE_SYNCS, imageFormatOf, readChartImages, UnknownImageFormatError, type ChartImage } from '../../../src/taskpane/chartImages';
import { refreshCharts, REFRESH_CHARTS_MAX_SYNCS, withTierColours, type ChartsSource } from '../../../src/taskpane/refreshCharts';
import { describeChartsError } from '../../../src/taskpane/screens/SummaryChartsScreen';
import { day, record } from '../../fixtures/parity/datasets';

const TODAY = day('2024-07-01');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The first bytes of a real JFIF file (SOI, APP0 "JFIF"). */
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00];

function source(locale: Locale): ChartsSource {
  const records = [
    record({ id: 'A1', first: '2023-01-10', last: '2024-06-20', f: 12, m: 5400.5 }),
    record({ id: 'A2', first: '2024-05-01', last: '2024-06-01', f: 2, m: 300 }),
    record({ id: 'A3', first: '2022-02-01', last: '2022-03-01', f: 1, m: 40 }),
    record({ id: 'A4', f: 0, m: 0 }),
  ];
  const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY });
  const plan: WorkbookPlan = buildWorkbookPlan({
    result,
    settings: DEFAULT_SETTINGS,
    locale,
    profileFields: ['customerId', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'],
    carriedHeaders: [],
  });
  return { plan, summary: summarise(result, DEFAULT_SETTINGS), settings: DEFAULT_SETTINGS };
}

function sheetName(plan: WorkbookPlan, key: string): string {
  const name = plan.sheets.find((s) => s.key === key)?.name;
  if (!name) throw new Error(`no ${key} sheet`);
  return name;
}

/** Types a colour into the Settings sheet's TierColors cell of tier `offset`, as a user would. */
function typeTierColour(fake: FakeExcel, offset: number, colour: string): void {
  const entry = fake.model.names.get('tiercolors');
  if (!entry) throw new Error('no TierColors name');
  const { sheet, rect } = parseAddress(entry.formula.replace(/^=/, ''));
  fake.model.sheet(sheet ?? '')?.setConstant(rect.r0 + offset, rect.c0, colour);
}

async function built(locale: Locale): Promise<{ fake: FakeExcel; src: ChartsSource }> {
  const fake = createFakeExcel();
  fake.model.addSheet('Data').setConstant(0, 0, 'ID');
  const src = source(locale);
  await fake.run((context) => applyPlan(context, src.plan));
  return { fake, src };
}

/** Adds a chart of the user's own on the Charts sheet. */
async function addUserChart(fake: FakeExcel, plan: WorkbookPlan): Promise<void> {
  await fake.run(async (context) => {
    const summary = context.workbook.worksheets.getItem(sheetName(plan, 'summary'));
    const chart = context.workbook.worksheets.getItem(sheetName(plan, 'charts')).charts.add('Pie' as Excel.ChartType, summary.getRange('B5:B7'), 'Columns' as Excel.ChartSeriesBy);
    chart.name = 'My pie';
    await context.sync();
  });
}

describe('image format from the bytes', () => {
  test.each([
    ['PNG signature', PNG_SIGNATURE, 'png'],
    ['a JPEG (JFIF) head', JPEG_HEAD, 'jpeg'],
    ['a JPEG (Exif) head', [0xff, 0xd8, 0xff, 0xe1, 0x00], 'jpeg'],
    ['GIF89a', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], null],
    ['a PNG signature cut short', PNG_SIGNATURE.slice(0, 4), null],
    ['FF D8 without the next marker', [0xff, 0xd8], null],
    ['nothing', [], null],
  ] as const)('%s -> %s', (_what, bytes, format) => {
    expect(imageFormatOf(Uint8Array.from(bytes))).toBe(format);
  });

  test('base64 with a data: prefix and line breaks decodes to the same bytes', () => {
    const bytes = Uint8Array.from(JPEG_HEAD);
    const plain = Buffer.from(bytes).toString('base64');
    expect([...base64ToBytes(plain)]).toEqual(JPEG_HEAD);
    expect([...base64ToBytes(`data:image/jpeg;base64,${plain.slice(0, 4)}\n${plain.slice(4)}`)]).toEqual(JPEG_HEAD);
    expect(imageFormatOf(base64ToBytes(plain))).toBe('jpeg');
  });

  test('one JPEG image is saved as .jpg with its own MIME type; several go into a zip with their extensions', async () => {
    const jpeg: ChartImage = { chart: 'Tierwise_tierCustomers', sheet: 'Charts', format: 'jpeg', bytes: Uint8Array.from(JPEG_HEAD) };
    const png: ChartImage = { chart: 'Tierwise_segmentCustomers', sheet: 'Charts', format: 'png', bytes: encodeStripesPng(2, 2, ['#FF0000']) };
    const one = await chartImagesFile([jpeg], '2024-07-01');
    expect(one).toMatchObject({ fileName: 'tierwise-tierCustomers.jpg', mime: 'image/jpeg' });
    const both = await chartImagesFile([jpeg, png, { ...png }], '2024-07-01');
    expect(both).toMatchObject({ fileName: 'tierwise-charts-2024-07-01.zip', mime: 'application/zip' });
    const zip = await JSZip.loadAsync(both.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['segmentCustomers-2.png', 'segmentCustomers.png', 'tierCustomers.jpg']);
    expect(imageFormatOf(await zip.file('tierCustomers.jpg')!.async('uint8array'))).toBe('jpeg');
    await expect(chartImagesFile([], 'x')).rejects.toThrow(RangeError);
  });

  test('an unknown format names the chart and its first bytes, and the pane says to copy the chart instead', () => {
    const error = new UnknownImageFormatError('Tierwise_tierCustomers', '47 49 46 38');
    const described = describeChartsError(error);
    expect(described.what.en).toContain('Tierwise_tierCustomers');
    expect(described.what.zh).toContain('47 49 46 38');
    expect(described.todo.en).toMatch(/Copy the chart/);
  });
});

describe('the PNG the fake returns', () => {
  test('is a valid PNG: signature, IHDR of the asked size, chunk CRCs, zlib data of the right length', () => {
    const png = encodeStripesPng(7, 3, ['#FF0000', '#00FF00']);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    let at = 8;
    const chunks: { type: string; data: Uint8Array }[] = [];
    while (at < png.length) {
      const length = view.getUint32(at);
      const typeAndData = png.subarray(at + 4, at + 8 + length);
      expect(view.getUint32(at + 8 + length)).toBe(crc32(typeAndData));
      chunks.push({ type: String.fromCharCode(...typeAndData.subarray(0, 4)), data: typeAndData.subarray(4) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), chunks[0]!.data[8], chunks[0]!.data[9]]).toEqual([7, 3, 8, 2]);
    const raw = inflateSync(chunks[1]!.data);
    expect(raw.length).toBe(3 * (1 + 7 * 3));
    // Row 0: filter byte, then the first pixel red and the last green.
    expect([...raw.subarray(0, 4)]).toEqual([0, 255, 0, 0]);
    expect([...raw.subarray(1 + 6 * 3, 1 + 7 * 3)]).toEqual([0, 255, 0]);
  });

  test('a large image spans several stored deflate blocks and still inflates', () => {
    const png = encodeStripesPng(300, 100, ['#123456']);
    const view = new DataView(png.buffer, png.byteOffset);
    const idatLength = view.getUint32(8 + 25);
    expect(inflateSync(png.subarray(8 + 25 + 8, 8 + 25 + 8 + idatLength)).length).toBe(100 * (1 + 300 * 3));
  });
});

describe.each<Locale>(['en', 'zh-CN'])('%s: chart images and the charts refresh over the fake', (locale) => {
  test("readChartImages gives a PNG of each Tierwise chart, not the user's, in three syncs; the value is not readable before the sync", async () => {
    const { fake, src } = await built(locale);
    await addUserChart(fake, src.plan);
    await expect(
      fake.run(async (context) => {
        const chart = context.workbook.worksheets.getItem(sheetName(src.plan, 'charts')).charts.getItem('My pie');
        return chart.getImage().value;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    const before = fake.stats().syncs;
    const images = await fake.run((context) => readChartImages(context));
    expect(fake.stats().syncs - before).toBe(CHART_IMAGE_SYNCS);
    expect(images.map((i) => i.chart)).toEqual(src.plan.charts.map((c) => c.name));
    for (const image of images) {
      expect(image.format).toBe('png');
      expect([...image.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
  });

  test('a host that returned another format (GIF) is refused with the chart named and the first bytes, never saved as .png', async () => {
    const { fake } = await built(locale);
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00]).toString('base64');
    const spy = jest.spyOn(FakeChart.prototype, 'getImage').mockImplementation(() => ({ value: gif }) as OfficeExtension.ClientResult<string>);
    try {
      const refused = await fake.run((context) => readChartImages(context)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(UnknownImageFormatError);
      expect(refused).toMatchObject({ chart: 'Tierwise_tierCustomers', head: '47 49 46 38 39 61 01 00' });
    } finally {
      spy.mockRestore();
    }
  });

  test('a tier colour typed in Settings recolours the charts; counts, names and the user chart unchanged; constant syncs', async () => {
    const { fake, src } = await built(locale);
    await addUserChart(fake, src.plan);
    const chartsSheet = sheetName(src.plan, 'charts');
    const before = chartsOnSheet(fake.model, chartsSheet);
    const userBefore = before.find((c) => c.name === 'My pie');
    typeTierColour(fake, 0, '#12AB56');
    const syncsBefore = fake.stats().syncs;
    const result = await fake.run((context) => refreshCharts(context, src));
    const syncs = fake.stats().syncs - syncsBefore;
    expect(syncs).toBe(result.totalSyncs);
    expect(syncs).toBeLessThanOrEqual(REFRESH_CHARTS_MAX_SYNCS);
    const after = chartsOnSheet(fake.model, chartsSheet);
    expect(after.map((c) => c.name).sort()).toEqual(before.map((c) => c.name).sort());
    expect(after.find((c) => c.name === 'My pie')).toEqual(userBefore);
    expect(result.keptUserCharts).toEqual(['My pie']);
    const firstTier = src.settings.tiers[0]!.key;
    const tierIndex = src.summary.byTier.findIndex((g) => g.key === firstTier);
    const tierChart = after.find((c) => c.name === 'Tierwise_tierCustomers');
    expect(tierChart?.series[0]?.pointFills[tierIndex]).toBe('#12AB56');
    expect(before.find((c) => c.name === 'Tierwise_tierCustomers')?.series[0]?.pointFills[tierIndex]).toBe(src.settings.tiers[0]!.color);
    // The other tiers keep their colours.
    src.summary.byTier.forEach((g, i) => {
      if (g.key !== firstTier) expect(tierChart?.series[0]?.pointFills[i]).toBe(src.settings.tiers.find((t) => t.key === g.key)?.color);
    });
    // The fake's image follows the recolour (its stripes are the point fills).
    const images = await fake.run((context) => readChartImages(context));
    expect(images.length).toBe(src.plan.charts.length);
  });

  test('a non-colour in Settings keeps the previous colour and is reported by cell', async () => {
    const { fake, src } = await built(locale);
    typeTierColour(fake, 0, 'gold please');
    const result = await fake.run((context) => refreshCharts(context, src));
    expect(result.colourProblems.length).toBe(1);
    expect(result.colours[0]?.color).toBe(src.settings.tiers[0]?.color);
  });

  test('without the Summary sheet the refresh is refused and the charts stay; the pane says to refresh the summary', async () => {
    const { fake, src } = await built(locale);
    const chartsSheet = sheetName(src.plan, 'charts');
    const before = chartsOnSheet(fake.model, chartsSheet).length;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(sheetName(src.plan, 'summary')).delete();
      await context.sync();
    });
    const refused = await fake.run((context) => refreshCharts(context, src)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChartsRefusedError);
    expect(chartsOnSheet(fake.model, chartsSheet).length).toBe(before);
    expect(describeChartsError(refused).todo.en).toMatch(/Refresh summary/);
  });
});

test('withTierColours replaces colours by tier key and leaves unknown keys alone', () => {
  const next = withTierColours(DEFAULT_SETTINGS, [{ key: DEFAULT_SETTINGS.tiers[1]!.key, color: '#000001' }, { key: 'nope', color: '#000002' }]);
  expect(next.tiers.map((t) => t.color)).toEqual(DEFAULT_SETTINGS.tiers.map((t, i) => (i === 1 ? '#000001' : t.color)));
});

test("every member readChartImages calls is in the set @types/office-js gives it, none above the manifest's ExcelApi", () => {
  const dts = readFileSync(join(__dirname, '../../../node_modules/@types/office-js/index.d.ts'), 'utf8');
  expect(MANIFEST_EXCEL_API).toBe('1.8');
  expect(unsupportedChartApi(CHART_IMAGE_API, () => false)).toEqual([]);
  for (const { member, set } of CHART_IMAGE_API) {
    const [className, memberName] = member.split('.') as [string, string];
    const classStart = dts.indexOf(`\n    class ${className} extends OfficeExtension.ClientObject {`);
    expect(classStart).toBeGreaterThan(0);
    const body = dts.slice(classStart, dts.indexOf('\n    }\n', classStart));
    const at = body.search(new RegExp(`\\n        (readonly )?${memberName}[(:?]`));
    expect({ member, found: at > 0 }).toEqual({ member, found: true });
    const doc = body.slice(body.lastIndexOf('/**', at), at);
    const classDoc = dts.slice(dts.lastIndexOf('/**', classStart), classStart);
    const tagged = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(doc)?.[1] ?? /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(classDoc)?.[1];
    expect({ member, set: tagged }).toEqual({ member, set });
  }
});
