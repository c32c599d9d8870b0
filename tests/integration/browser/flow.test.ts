/**
 * The main flow in headless Chromium, in both languages and at both pane
 * widths: Start -> Columns -> Rules -> Building -> Done against the
 * preview's in-memory workbook. Asserts the workbook the pane built and the
 * counts it shows against the grading core run here in Node on the same
 * grid, and that a Chinese screen shows no English text that has a
 * translation. Screenshots go to test-results/screenshots/.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { todayLocal } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawCell, RawGrid } from '../../../src/domain/types';
import type { Locale } from '../../../src/i18n/locale';
import { text } from '../../../src/i18n/strings';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { EMPTY_HISTORY } from '../../../src/domain/history/types';
import { SAMPLE_SHEET_NAMES, sheetFromCsv } from '../../../src/preview/sampleData';
import { englishPhrases, ROOT, SCREENSHOTS, useBrowserSession } from './harness';

const STEP_TIMEOUT_MS = 30_000;

/** The grid the pane reads from the sample sheet: typed cells, empty cells as null. */
function sampleGrid(): RawGrid {
  const csv = readFileSync(path.join(ROOT, 'src', 'preview', 'samples', 'customer-list.csv'), 'utf8');
  const sheet = sheetFromCsv(SAMPLE_SHEET_NAMES.customerList, csv);
  const width = Math.max(...sheet.values.map((row) => row.length));
  return sheet.values.map((row) => Array.from({ length: width }, (_v, c): RawCell => (row[c] === undefined || row[c] === '' ? null : (row[c] as RawCell))));
}

const session = useBrowserSession();

async function shoot(pane: Locator, name: string): Promise<void> {
  await pane.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The English phrases visible in the pane and the workbook (the banner is bilingual by design). */
async function englishOnScreen(page: Page, phrases: readonly string[]): Promise<string[]> {
  const visible = await page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-testid="preview-pane"]')?.innerText ?? '';
    const workbook = document.querySelector<HTMLElement>('[data-testid="preview-workbook"]')?.innerText ?? '';
    const note = document.querySelector<HTMLElement>('[data-testid="preview-banner"] span')?.innerText ?? '';
    return `${pane}\n${workbook}\n${note}`;
  });
  return phrases.filter((phrase) => visible.includes(phrase));
}

interface TableSnapshot {
  readonly sheetNames: string[];
  readonly headers: string[];
  readonly ids: string[];
  readonly formulaColumns: number;
}

/** Reads the Customers table back from the fake workbook, through the Excel API. */
async function readCustomersTable(page: Page): Promise<TableSnapshot> {
  return page.evaluate(async () => {
    const hook = window.__tierwisePreview;
    if (!hook) throw new Error('the preview exposes no test hook');
    const plan = hook.lastPlan();
    if (!plan) throw new Error('no plan was built');
    const tablePlan = plan.tables[0];
    if (!tablePlan) throw new Error('the plan has no table');
    return hook.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const table = context.workbook.tables.getItem(tablePlan.name);
      const header = table.getHeaderRowRange();
      header.load('values');
      const body = table.getDataBodyRange();
      body.load(['values', 'formulas']);
      await context.sync();
      const headers = (header.values[0] ?? []).map(String);
      const keyIndex = tablePlan.columns.findIndex((c) => c.header === tablePlan.keyColumn || c.key === tablePlan.keyColumn);
      const firstRow = body.formulas[0] ?? [];
      return {
        sheetNames: sheets.items.map((s) => s.name),
        headers,
        ids: body.values.map((row) => String(row[keyIndex])),
        formulaColumns: firstRow.filter((f) => typeof f === 'string' && f.startsWith('=')).length,
      };
    });
  });
}

const CASES: readonly (readonly [Locale, number])[] = [
  ['en', 350],
  ['zh-CN', 350],
  ['en', 450],
  ['zh-CN', 450],
];

describe('task pane in Chromium against the preview workbook', () => {
  it.each(CASES)('main flow in %s at %i px', async (locale, paneWidth) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1500 }, locale });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.goto(`${session.origin}/preview.html?lang=${locale}&paneWidth=${paneWidth}&sample=customers`);
      const pane = page.getByTestId('preview-pane');
      const tag = `${locale}-${paneWidth}`;

      // Start: what was found, nothing written yet.
      await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });
      const found = await pane.getByTestId('found-summary').innerText();
      expect(found).toContain(SAMPLE_SHEET_NAMES.customerList);
      expect(found).toContain(text('startFoundHeader', locale, { row: 3 }));
      expect(found).toContain(text('startLooksLikeCustomers', locale));
      await shoot(pane, `${tag}-1-start`);
      await pane.getByRole('button', { name: text('startUseThisData', locale) }).click();

      // Columns: detected mapping, issues grouped, day/month question.
      await pane.getByTestId('screen-columns').waitFor({ timeout: STEP_TIMEOUT_MS });
      const issues = pane.getByTestId('issue-groups');
      await expect(issues.locator('[data-code="duplicate-customer-id"]').count()).resolves.toBe(1);
      await expect(issues.locator('[data-code="ambiguous-date"]').count()).resolves.toBe(1);
      await shoot(pane, `${tag}-2-columns`);
      await pane.getByRole('radio', { name: text('dateOrderDmy', locale) }).check();
      await pane.getByTestId('issue-groups').locator('[data-code="ambiguous-date"]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('next', locale) }).click();

      // Rules: live preview of customers per tier.
      await pane.getByTestId('tier-preview-bars').waitFor({ timeout: STEP_TIMEOUT_MS });
      await shoot(pane, `${tag}-3-rules`);
      if (locale === 'zh-CN') expect(await englishOnScreen(page, englishPhrases())).toEqual([]);
      await pane.getByRole('button', { name: text('rulesBuild', locale) }).click();

      // Done.
      await pane.getByTestId('screen-done').waitFor({ timeout: 60_000 });
      await shoot(pane, `${tag}-4-done`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${tag}-5-page.png`) });

      // The core, run here on the same grid with the same choices.
      const expected = gradeGrid(sampleGrid(), {
        import: { dayMonthOrder: 'dmy' },
        settings: DEFAULT_SETTINGS,
        locale,
        today: todayLocal(),
        // A first build records its grades: the pane passes an empty history (Previous tier and Change columns, issue 8 §2).
        history: { earlier: EMPTY_HISTORY, previousTier: new Map(), previousAsOf: null },
      });
      const expectedTiers = new Map<string, number>();
      for (const customer of expected.grading.customers) expectedTiers.set(customer.tier, (expectedTiers.get(customer.tier) ?? 0) + 1);
      const shownTiers = await pane
        .getByTestId('done-tiers')
        .locator('li')
        .evaluateAll((items) => items.map((li) => [li.getAttribute('data-key') ?? '', Number(li.getAttribute('data-count'))] as const));
      expect(shownTiers.filter(([, n]) => n > 0)).toEqual(DEFAULT_SETTINGS.tiers.map((t) => [t.key, expectedTiers.get(t.key) ?? 0] as const).filter(([, n]) => n > 0));

      // The workbook: one row per graded customer, live formulas, the source untouched.
      const table = await readCustomersTable(page);
      const expectedIds = expected.grading.customers.map((c) => c.record.id);
      expect(table.ids.length).toBe(expectedIds.length);
      expect(new Set(table.ids)).toEqual(new Set(expectedIds));
      expect(table.formulaColumns).toBeGreaterThanOrEqual(8);
      expect(table.sheetNames).toContain(SAMPLE_SHEET_NAMES.customerList);
      expect(table.headers).toEqual(expected.plan.tables[0]?.columns.map((c) => c.header));

      if (locale === 'zh-CN') expect(await englishOnScreen(page, englishPhrases())).toEqual([]);

      // Rebuild is an update: every row matched by customer ID, none added twice.
      if (paneWidth === 350) {
        await pane.getByRole('button', { name: text('doneRebuild', locale) }).click();
        const n = expectedIds.length.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
        // The first build said "n new, 0 updated"; waiting for the update's words is free of races.
        await pane.getByText(text('doneWritten', locale, { rows: n, added: 0, updated: n })).waitFor({ timeout: 60_000 });
        expect((await readCustomersTable(page)).ids.length).toBe(expectedIds.length);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('a threshold typed in the Settings sheet after a build is what Rebuild grades with and the Rules screen shows', async () => {
    const locale: Locale = 'en';
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1500 }, locale });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.goto(`${session.origin}/preview.html?lang=${locale}&paneWidth=380&sample=customers`);
      const pane = page.getByTestId('preview-pane');
      await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('startUseThisData', locale) }).click();
      await pane.getByTestId('screen-columns').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('radio', { name: text('dateOrderDmy', locale) }).check();
      await pane.getByTestId('issue-groups').locator('[data-code="ambiguous-date"]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('next', locale) }).click();
      await pane.getByTestId('tier-preview-bars').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('rulesBuild', locale) }).click();
      await pane.getByTestId('screen-done').waitFor({ timeout: 60_000 });

      // The user types 12 over gold's minimum score (13) in the Settings sheet, through the Excel API.
      const gold = DEFAULT_SETTINGS.tiers.findIndex((t) => t.key === 'gold');
      await page.evaluate(async (goldIndex) => {
        const hook = window.__tierwisePreview;
        if (!hook) throw new Error('the preview exposes no test hook');
        await hook.run(async (context) => {
          const thresholds = context.workbook.names.getItem('TierThresholds').getRangeOrNullObject();
          thresholds.getCell(goldIndex, 0).values = [[12]];
          await context.sync();
        });
      }, gold);

      await pane.getByRole('button', { name: text('doneRebuild', locale) }).click();
      const expected = gradeGrid(sampleGrid(), {
        import: { dayMonthOrder: 'dmy' },
        settings: { ...DEFAULT_SETTINGS, tiers: DEFAULT_SETTINGS.tiers.map((t) => (t.key === 'gold' ? { ...t, rule: { kind: 'score', minScore: 12 } } : t)) },
        locale,
        today: todayLocal(),
      });
      const n = expected.grading.customers.length.toLocaleString('en-US');
      await pane.getByText(text('doneWritten', locale, { rows: n, added: 0, updated: n })).waitFor({ timeout: 60_000 });

      // The rebuilt tiers are the core's with 12, and differ from the defaults' on this data.
      const expectedTiers = new Map<string, number>();
      for (const customer of expected.grading.customers) expectedTiers.set(customer.tier, (expectedTiers.get(customer.tier) ?? 0) + 1);
      const shownTiers = await pane
        .getByTestId('done-tiers')
        .locator('li')
        .evaluateAll((items) => items.map((li) => [li.getAttribute('data-key') ?? '', Number(li.getAttribute('data-count'))] as const));
      expect(shownTiers.filter(([, count]) => count > 0)).toEqual(
        DEFAULT_SETTINGS.tiers.map((t) => [t.key, expectedTiers.get(t.key) ?? 0] as const).filter(([, count]) => count > 0),
      );
      const withDefaults = gradeGrid(sampleGrid(), { import: { dayMonthOrder: 'dmy' }, settings: DEFAULT_SETTINGS, locale, today: todayLocal() });
      expect(withDefaults.grading.customers.filter((c) => c.tier === 'gold').length).toBeLessThan(expectedTiers.get('gold') ?? 0);

      // The Rules screen shows the sheet's value, and says where it came from.
      await pane.getByRole('button', { name: text('doneChangeRules', locale) }).click();
      await pane.getByTestId('rules-from-sheet').waitFor({ timeout: STEP_TIMEOUT_MS });
      await expect(pane.locator('[data-field="minScore:gold"] input').inputValue()).resolves.toBe('12');
      await shoot(pane, 'en-rules-from-sheet');
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
