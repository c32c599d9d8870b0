/**
 * LibreOffice opens the charts both .xlsx writers produce and draws them
 * (issue 6 §2): a full workbook from the real plan builder (Customers,
 * Settings, Summary, Charts bound to the Summary) in English and Chinese, from the
 * exceljs and the streaming writer, converted to PDF in one soffice run.
 * Checked: every chart part is well-formed (xmllint); the PDF has the Charts
 * page with every chart title and axis title in the workbook's language;
 * and the page's pixels hold the tier colours (the bars were drawn, not
 * just the text).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeCustomers } from '../../../src/domain/grading';
import type { Locale } from '../../../src/i18n/locale';
import { pick } from '../../../src/i18n/locale';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import { CHART_AXIS_TITLES, CHART_TITLES } from '../../../src/plan/chartStrings';
import type { WorkbookPlan } from '../../../src/plan/types';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { todayLocal } from '../../../src/domain/dates';
import { parityDatasets } from '../../fixtures/parity/datasets';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { unzipText } from '../../unit/xlsx/unzip';

const ENGINES = ['exceljs', 'streaming'] as const;
const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

function planFor(locale: Locale): WorkbookPlan {
  const dataset = parityDatasets(todayLocal()).find((d) => d.name === 'ties');
  if (!dataset) throw new Error('parity dataset "ties" is gone');
  const result = gradeCustomers(dataset.records, dataset.settings, { today: dataset.today });
  return buildWorkbookPlan({ result, settings: dataset.settings, locale, profileFields: dataset.profileFields, carriedHeaders: dataset.carriedHeaders });
}

function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

/** Pixels of a PDF page within `tolerance` of each colour, from pdftoppm's binary PPM (P6). */
function colourCounts(pdf: string, page: number, colours: readonly string[], tolerance = 12): number[] {
  const ppm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '40', pdf], { maxBuffer: 64 * 1024 * 1024 });
  // Header: "P6\n<w> <h>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P6 image');
  const start = header[0].length;
  const targets = colours.map((c) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)));
  const counts = colours.map(() => 0);
  for (let p = start; p + 2 < ppm.length; p += 3) {
    targets.forEach((t, i) => {
      if (Math.abs((ppm[p] ?? 0) - (t[0] ?? 0)) <= tolerance && Math.abs((ppm[p + 1] ?? 0) - (t[1] ?? 0)) <= tolerance && Math.abs((ppm[p + 2] ?? 0) - (t[2] ?? 0)) <= tolerance) {
        counts[i] = (counts[i] ?? 0) + 1;
      }
    });
  }
  return counts;
}

let workDir: string;
const pdfs = new Map<string, string>();
const plans = new Map<Locale, WorkbookPlan>();
const files = new Map<string, Map<string, string>>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-charts-'));
  const inputs: string[] = [];
  for (const locale of LOCALES) {
    const plan = planFor(locale);
    plans.set(locale, plan);
    for (const engine of ENGINES) {
      const name = `charts-${locale}-${engine}`;
      const bytes = await writeWorkbookXlsx(plan, { engine });
      files.set(name, unzipText(bytes));
      const path = join(workDir, `${name}.xlsx`);
      await writeFile(path, bytes);
      inputs.push(path);
    }
  }
  const outDir = await convertWithLibreOffice(inputs, 'pdf', { timeoutMs: 180_000 });
  for (const file of await readdir(outDir)) pdfs.set(file.replace(/\.pdf$/, ''), join(outDir, file));
}, 240_000);

afterAll(async () => {
  for (const pdf of pdfs.values()) await rm(join(pdf, '..', '..'), { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe.each(LOCALES)('charts in the .xlsx, opened by LibreOffice (%s)', (locale) => {
  test.each(ENGINES)('%s: every chart and drawing part is well-formed XML', (engine) => {
    const parts = files.get(`charts-${locale}-${engine}`);
    const chartParts = [...(parts?.keys() ?? [])].filter((p) => /^xl\/(charts|drawings)\//.test(p) || /^xl\/worksheets\/.*\.xml$/.test(p) || p === '[Content_Types].xml');
    const planned = plans.get(locale)?.charts.length ?? 0;
    // The five charts of every workbook; the owner chart needs an owner column.
    expect(planned).toBeGreaterThanOrEqual(5);
    expect(chartParts.filter((p) => p.startsWith('xl/charts/chart'))).toHaveLength(planned);
    for (const part of chartParts) {
      expect(() => execFileSync('xmllint', ['--noout', '-'], { input: parts?.get(part) ?? '', stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
    }
  });

  test.each(ENGINES)('%s: the PDF shows every chart title and axis title in the workbook language', (engine) => {
    const pdf = pdfs.get(`charts-${locale}-${engine}`);
    if (!pdf) throw new Error(`soffice wrote no PDF for ${locale} ${engine}`);
    const pages = pageTexts(pdf);
    // Customers, Settings, Summary and at least two pages of charts (the grid is three slides tall).
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const all = pages.join('\n').replace(/\s+/g, ' ');
    const titles = plans.get(locale)?.charts.map((c) => c.title) ?? [];
    expect(titles).toContain(pick(CHART_TITLES.tierCustomers, locale));
    for (const title of titles) expect(all).toContain(title);
    for (const key of ['customers', 'revenue', 'cumulativeShare', 'tier', 'lifecycle', 'averageSpend'] as const) {
      expect(all).toContain(pick(CHART_AXIS_TITLES[key], locale));
    }
  });

  test.each(ENGINES)('%s: the charts page is drawn with the tier colours (gold bars) and the churned red', (engine) => {
    const pdf = pdfs.get(`charts-${locale}-${engine}`) as string;
    const pages = pageTexts(pdf);
    const chartsPage = pages.findIndex((text) => text.replace(/\s+/g, ' ').includes(pick(CHART_TITLES.tierCustomers, locale))) + 1;
    expect(chartsPage).toBeGreaterThan(0);
    const [gold, churned] = colourCounts(pdf, chartsPage, ['#FFD966', '#C00000']);
    // At 40 dpi a quarter-slide chart's gold bar alone covers a few hundred pixels.
    expect(gold).toBeGreaterThan(200);
    // The ties dataset has few churned customers, so the churned bar is short: a few dozen pixels at 40 dpi
    // (a chart that drew no bar has none of that red at all).
    expect(churned).toBeGreaterThan(20);
  });
});
