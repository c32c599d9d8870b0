/**
 * The Summary & charts screen in headless Chromium (issue 6 §3): the
 * preview's customer list built, Done -> Summary & charts -> Refresh charts.
 * After a tier colour is typed in the Settings sheet (through the Excel
 * API, as the user would), the refresh recolours Tierwise's charts, their
 * number (and the user's own chart) unchanged, in a constant number of
 * syncs; the preview labels its chart images as generated. English and
 * Chinese.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Locale } from '../../../src/i18n/locale';
import { text } from '../../../src/i18n/strings';
import { REFRESH_CHARTS_MAX_SYNCS } from '../../../src/taskpane/refreshCharts';
import { SCREENSHOTS, useBrowserSession } from './harness';

const STEP_TIMEOUT_MS = 30_000;
const NEW_COLOUR = '#12AB56';
const session = useBrowserSession();

interface ChartView {
  readonly name: string;
  readonly fills: (string | null)[];
  readonly points: string[];
}

describe('Summary & charts in Chromium', () => {
  it.each<Locale>(['en', 'zh-CN'])('%s: Done -> Summary & charts -> Refresh charts recolours from Settings, count unchanged', async (locale) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1500 }, locale });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.goto(`${session.origin}/preview.html?lang=${locale}&paneWidth=380&sample=customers`);
      const pane = page.getByTestId('preview-pane');
      await expect(page.getByTestId('preview-only-excel').innerText()).resolves.toBe(text('previewOnlyExcel', locale));
      await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('startUseThisData', locale) }).click();
      await pane.getByTestId('screen-columns').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('radio', { name: text('dateOrderDmy', locale) }).check();
      await pane.getByTestId('issue-groups').locator('[data-code="ambiguous-date"]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('next', locale) }).click();
      await pane.getByTestId('tier-preview-bars').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('rulesBuild', locale) }).click();
      await pane.getByTestId('screen-done').waitFor({ timeout: 60_000 });

      await pane.getByRole('button', { name: text('doneSummaryCharts', locale) }).click();
      await pane.getByTestId('screen-summary-charts').waitFor({ timeout: STEP_TIMEOUT_MS });
      await expect(pane.getByTestId('sc-images-preview-note').innerText()).resolves.toBe(text('scImagesPreviewNote', locale));

      // The charts as built, plus a chart of the user's own; then gold's colour typed in Settings.
      const gold = DEFAULT_SETTINGS.tiers.findIndex((t) => t.key === 'gold');
      const chartsSheet = await page.evaluate(async ({ goldIndex, colour }) => {
        const hook = window.__tierwisePreview;
        const plan = hook?.lastPlan();
        if (!hook || !plan) throw new Error('the preview exposes no test hook or no plan');
        const charts = plan.sheets.find((s) => s.key === 'charts')?.name ?? '';
        const summary = plan.sheets.find((s) => s.key === 'summary')?.name ?? '';
        await hook.run(async (context) => {
          const mine = context.workbook.worksheets.getItem(charts).charts.add('Pie' as Excel.ChartType, context.workbook.worksheets.getItem(summary).getRange('B5:B7'), 'Columns' as Excel.ChartSeriesBy);
          mine.name = 'My pie';
          context.workbook.names.getItem('TierColors').getRangeOrNullObject().getCell(goldIndex, 0).values = [[colour]];
          await context.sync();
        });
        return charts;
      }, { goldIndex: gold, colour: NEW_COLOUR });
      const read = (): Promise<{ charts: ChartView[]; syncs: number; planCharts: number }> =>
        page.evaluate((sheet) => {
          const hook = window.__tierwisePreview;
          if (!hook) throw new Error('no hook');
          return {
            charts: hook.charts(sheet).map((c) => ({ name: c.name, fills: c.series.map((s) => s.fill), points: Object.values(c.series[0]?.pointFills ?? {}) })),
            syncs: hook.syncCount(),
            planCharts: hook.lastPlan()?.charts.length ?? 0,
          };
        }, chartsSheet);
      const before = await read();
      expect(before.charts.length).toBe(before.planCharts + 1);
      expect(before.charts.flatMap((c) => c.points)).not.toContain(NEW_COLOUR);

      await pane.getByRole('button', { name: text('scRefreshCharts', locale) }).click();
      await pane.getByTestId('sc-charts-done').waitFor({ timeout: STEP_TIMEOUT_MS });
      const after = await read();
      expect(after.syncs - before.syncs).toBeLessThanOrEqual(REFRESH_CHARTS_MAX_SYNCS);
      expect(after.charts.map((c) => c.name).sort()).toEqual(before.charts.map((c) => c.name).sort());
      expect(after.charts.find((c) => c.name === 'My pie')).toEqual(before.charts.find((c) => c.name === 'My pie'));
      const tierChart = after.charts.find((c) => c.name === 'Tierwise_tierCustomers');
      expect(tierChart?.points).toContain(NEW_COLOUR);
      expect(after.charts.find((c) => c.name === 'Tierwise_ownerTiers')?.fills[gold] ?? NEW_COLOUR).toBe(NEW_COLOUR);
      await pane.screenshot({ path: path.join(SCREENSHOTS, `summary-charts-${locale}.png`) });
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
