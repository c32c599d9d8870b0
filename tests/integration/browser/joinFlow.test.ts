/**
 * Two sources in headless Chromium (issue 11): the preview's order log with
 * its customer list picked as the customer archive. Start says how many IDs
 * matched, Columns maps both, and the workbook built is the archive graded
 * by the orders — checked against the core (gradeJoined) run here in Node
 * on the same two grids, in English and Chinese.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayLocal } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawCell, RawGrid } from '../../../src/domain/types';
import type { Locale } from '../../../src/i18n/locale';
import { text } from '../../../src/i18n/strings';
import { gradeJoined } from '../../../src/pipeline/gradeJoined';
import { EMPTY_HISTORY } from '../../../src/domain/history/types';
import { SAMPLE_SHEET_NAMES, sheetFromCsv } from '../../../src/preview/sampleData';
import { englishPhrases, ROOT, SCREENSHOTS, useBrowserSession } from './harness';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/domain/prediction/settings';

const STEP_TIMEOUT_MS = 30_000;
const ARCHIVE_SHEET = '客户档案';
const session = useBrowserSession();

/** A sample sheet's grid as the pane reads it: typed cells, empty cells as null. */
function sampleGrid(file: string, name: string): RawGrid {
  const csv = readFileSync(path.join(ROOT, 'src', 'preview', 'samples', file), 'utf8');
  const sheet = sheetFromCsv(name, csv);
  const width = Math.max(...sheet.values.map((row) => row.length));
  return sheet.values.map((row) => Array.from({ length: width }, (_v, c): RawCell => (row[c] === undefined || row[c] === '' ? null : (row[c] as RawCell))));
}

/**
 * A customer archive for the sample order log, as office staff keep one: a
 * title row, Chinese headers, the profile of nine in ten of the log's
 * customers (first seen order) and a few prospects without orders.
 */
function archiveFor(orders: RawGrid): (string | number)[][] {
  const header = orders[0] ?? [];
  const col = (name: string): number => header.indexOf(name);
  const [id, name, owner, region] = [col('客户编号'), col('客户名称'), col('负责人'), col('地区')];
  const seen = new Set<string>();
  const rows: (string | number)[][] = [['客户档案（手工维护）', '', '', '', ''], ['客户编号', '客户名称', '负责人', '电话', '地区']];
  orders.slice(1).forEach((line) => {
    const customer = String(line[id] ?? '');
    if (customer === '' || seen.has(customer)) return;
    seen.add(customer);
    if (seen.size % 10 === 0) return; // not in the archive
    rows.push([customer, String(line[name] ?? ''), String(line[owner] ?? ''), `139${String(10_000_000 + seen.size)}`, String(line[region] ?? '')]);
  });
  for (let i = 1; i <= 5; i++) rows.push([`P${String(i).padStart(4, '0')}`, `潜在客户${i}`, '王芳', `138${String(20_000_000 + i)}`, '华东·上海']);
  return rows;
}

describe('orders + customer archive in Chromium', () => {
  it.each<Locale>(['en', 'zh-CN'])('%s: pick the archive, see the match, build the joined table', async (locale) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1600 }, locale });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.goto(`${session.origin}/preview.html?lang=${locale}&paneWidth=380&sample=orders`);
      const pane = page.getByTestId('preview-pane');
      await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await pane.getByTestId('found-summary').innerText()).toContain(SAMPLE_SHEET_NAMES.orderLog);

      const ordersGrid = sampleGrid('order-log.csv', SAMPLE_SHEET_NAMES.orderLog);
      const archive = archiveFor(ordersGrid);
      // The pane predicts by default (issue 9), so the core it is compared with does too.
      // A first build records its grades: the pane passes an empty history (Previous tier and Change columns, issue 8 §2).
      const history = { earlier: EMPTY_HISTORY, previousTier: new Map<string, string>(), previousAsOf: null };
      const expected = gradeJoined(ordersGrid, archive, { settings: DEFAULT_SETTINGS, locale, today: todayLocal(), prediction: DEFAULT_PREDICTION_SETTINGS, history });
      const join = expected.join;
      expect(join).toMatchObject({ archiveOnly: 5 });
      expect(join.inBoth).toBeGreaterThan(100);
      expect(join.ordersOnly).toBeGreaterThan(10);

      // The user's archive sheet, typed into the workbook (through the Excel API), then Start reads again.
      await page.evaluate(
        async ({ sheetName, values }) => {
          const hook = window.__tierwisePreview;
          if (!hook) throw new Error('the preview exposes no test hook');
          await hook.run(async (context) => {
            const sheet = context.workbook.worksheets.add(sheetName);
            sheet.getRangeByIndexes(0, 0, values.length, values[0]!.length).values = values;
            await context.sync();
          });
        },
        { sheetName: ARCHIVE_SHEET, values: archive },
      );
      await pane.getByRole('button', { name: text('startReread', locale) }).click();
      await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });

      // Start: pick the archive sheet; the pane counts the matches.
      const pick = async (sheet: string): Promise<void> => {
        await pane.getByRole('combobox', { name: text('startArchivePick', locale) }).click();
        await page.getByRole('option', { name: sheet, exact: true }).click();
      };
      await pick(ARCHIVE_SHEET);
      let archiveSheet = ARCHIVE_SHEET;
      if (locale === 'zh-CN') {
        // 客户档案 is also the name of the sheet Tierwise creates in Chinese: the pane says so before anything is built
        // (the renderer would refuse to write over the user's sheet); the user renames it and reads again.
        await pane.getByTestId('archive-name-clash').waitFor({ timeout: STEP_TIMEOUT_MS });
        await pane.screenshot({ path: path.join(SCREENSHOTS, `join-${locale}-0-name-clash.png`) });
        archiveSheet = text('startArchiveRenameSuggestion', locale, { sheet: ARCHIVE_SHEET });
        await page.evaluate(
          async ({ from, to }) => {
            const hook = window.__tierwisePreview;
            if (!hook) throw new Error('the preview exposes no test hook');
            await hook.run(async (context) => {
              context.workbook.worksheets.getItem(from).name = to;
              await context.sync();
            });
          },
          { from: ARCHIVE_SHEET, to: archiveSheet },
        );
        await pane.getByRole('button', { name: text('startReread', locale) }).click();
        await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });
        await pick(archiveSheet);
        expect(await pane.getByTestId('archive-name-clash').count()).toBe(0);
      } else {
        expect(await pane.getByTestId('archive-name-clash').count()).toBe(0);
      }
      const matched = pane.getByTestId('archive-matched');
      await matched.waitFor({ timeout: STEP_TIMEOUT_MS });
      const number = (n: number): string => n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
      expect(await matched.innerText()).toBe(
        text('startArchiveMatched', locale, { matched: number(join.inBoth), orderCustomers: number(join.inBoth + join.ordersOnly), missing: number(join.ordersOnly) }),
      );
      await pane.screenshot({ path: path.join(SCREENSHOTS, `join-${locale}-1-start.png`) });
      await pane.getByRole('button', { name: text('startUseThisData', locale) }).click();

      // Columns: both mappings; the archive's owner and region recognised.
      const archiveColumns = pane.getByTestId('archive-columns');
      await archiveColumns.waitFor({ timeout: STEP_TIMEOUT_MS });
      for (const field of ['customerId', 'name', 'owner', 'phone', 'region']) {
        await expect(archiveColumns.locator(`[data-field="${field}"] [data-confidence]`).count()).resolves.toBe(1);
      }
      await pane.screenshot({ path: path.join(SCREENSHOTS, `join-${locale}-2-columns.png`) });
      if (locale === 'zh-CN') expect(await englishInPane(page)).toEqual([]);
      await pane.getByRole('button', { name: text('next', locale) }).click();

      await pane.getByTestId('tier-preview-bars').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('rulesBuild', locale) }).click();
      await pane.getByTestId('screen-done').waitFor({ timeout: 60_000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `join-${locale}-3-page.png`) });

      // The workbook: the archive's rows then the orders-only customers, the core's headers.
      const table = await page.evaluate(async () => {
        const hook = window.__tierwisePreview;
        if (!hook) throw new Error('the preview exposes no test hook');
        const plan = hook.lastPlan();
        const tablePlan = plan?.tables[0];
        if (!tablePlan) throw new Error('no table was built');
        return hook.run(async (context) => {
          const t = context.workbook.tables.getItem(tablePlan.name);
          const header = t.getHeaderRowRange();
          header.load('values');
          const body = t.getDataBodyRange();
          body.load('values');
          const archiveName = context.workbook.names.getItemOrNullObject('Tierwise_SourceArchive').getRangeOrNullObject();
          archiveName.load('values');
          await context.sync();
          return { headers: (header.values[0] ?? []).map(String), ids: body.values.map((row) => String(row[0])), archiveSheet: String(archiveName.values[0]?.[0] ?? '') };
        });
      });
      expect(table.headers).toEqual(expected.plan.tables[0]?.columns.map((c) => c.header));
      expect(table.ids).toEqual(expected.grading.customers.map((c) => c.record.id));
      expect(table.archiveSheet).toBe(archiveSheet);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});

/** English phrases with a translation visible in the pane (a Chinese pane shows none). */
async function englishInPane(page: Page): Promise<string[]> {
  const visible = await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="preview-pane"]')?.innerText ?? '');
  return englishPhrases().filter((phrase) => visible.includes(phrase));
}
