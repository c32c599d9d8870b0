/**
 * The pane stays responsive while 100,000 customers are graded: the grading
 * runs in a Web Worker, so while it works the page keeps painting frames
 * (a requestAnimationFrame counter keeps ticking) and the progress bar moves.
 * Then the build finishes and the workbook holds every customer. And a
 * build cancelled while writing leaves a consistent table, says what was
 * written, and building again completes it without duplicating a row.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { text } from '../../../src/i18n/strings';
import { assertDistBuilt, launchChromium, SCREENSHOTS, serveDist } from './harness';

const ROWS = 100_000;
/** Longest pause between two painted frames we accept while the worker grades, in ms (a frozen page shows seconds). */
const MAX_FRAME_GAP_MS = 400;
/** Latency the preview adds to each sync (a real round trip to Excel), so Cancel can land while rows are written. */
const SYNC_DELAY_MS = 300;

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  assertDistBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Customer IDs in the Customers table: how many, how many distinct, and how many the plan has. */
function readKeys(page: Page): Promise<{ ids: number; distinct: number; planned: number }> {
  return page.evaluate(async () => {
    const hook = window.__tierwisePreview;
    const table = hook?.lastPlan()?.tables[0];
    if (!hook || !table) throw new Error('no plan');
    return hook.run(async (context) => {
      const keys = context.workbook.tables.getItem(table.name).columns.getItem(table.keyColumn).getDataBodyRange();
      keys.load('values');
      await context.sync();
      const ids = keys.values.map((row) => String(row[0])).filter((id) => id !== '');
      return { ids: ids.length, distinct: new Set(ids).size, planned: table.rows.length };
    });
  });
}

describe('responsiveness with 100,000 customers', () => {
  it('keeps painting frames and moving the progress bar while the worker grades', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${origin}/preview.html?lang=en&paneWidth=380&sample=synthetic&rows=${ROWS}&syncDelayMs=${SYNC_DELAY_MS}`);
      const pane = page.getByTestId('preview-pane');
      await pane.getByTestId('found-summary').waitFor({ timeout: 90_000 });
      expect(await pane.getByTestId('found-summary').innerText()).toContain(text('startFoundRows', 'en', { rows: '100,000' }));
      await pane.getByRole('button', { name: text('startUseThisData', 'en') }).click();
      await pane.getByRole('button', { name: text('next', 'en') }).click({ timeout: 90_000 });
      await pane.getByTestId('tier-preview-bars').waitFor({ timeout: 90_000 });

      // Record every painted frame and every change of the progress bar, with times.
      await page.evaluate(() => {
        const record = { frames: [] as number[], fractions: [] as [number, number][], longTasks: [] as [number, number][] };
        (window as unknown as { __record: typeof record }).__record = record;
        const tick = (t: number): void => {
          record.frames.push(t);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        // Long main-thread tasks, to say what held a frame up when one was late.
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) record.longTasks.push([entry.startTime, entry.duration]);
        }).observe({ type: 'longtask', buffered: false });
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="build-progress"]');
          const fraction = bar?.getAttribute('data-fraction');
          if (fraction) record.fractions.push([performance.now(), Number(fraction)]);
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-fraction'], childList: true });
      });
      await pane.getByRole('button', { name: text('rulesBuild', 'en') }).click();
      await pane.getByTestId('screen-done').waitFor({ timeout: 120_000 });
      await pane.screenshot({ path: path.join(SCREENSHOTS, 'synthetic-100k-done.png') });

      const record = await page.evaluate(() => (window as unknown as { __record: { frames: number[]; fractions: [number, number][]; longTasks: [number, number][] } }).__record);
      // The worker's part of the bar is 0..0.4 (import, grade, plan, transfer); writing follows on the main thread.
      const gradingUpdates = record.fractions.filter(([, f]) => f > 0 && f < 0.4);
      expect(new Set(gradingUpdates.map(([, f]) => f.toFixed(3))).size).toBeGreaterThanOrEqual(3);
      const first = gradingUpdates[0];
      const last = gradingUpdates[gradingUpdates.length - 1];
      if (!first || !last) throw new Error('no progress while grading');
      const during = record.frames.filter((t) => t >= first[0] && t <= last[0]);
      let maxGap = 0;
      for (let i = 1; i < during.length; i++) maxGap = Math.max(maxGap, (during[i] ?? 0) - (during[i - 1] ?? 0));
      const longTasks = record.longTasks.filter(([start]) => start >= first[0] && start <= last[0]).map(([, d]) => Math.round(d));
      process.stderr.write(
        `responsiveness: grading window ${(last[0] - first[0]).toFixed(0)} ms, ${during.length} frames, longest frame gap ${maxGap.toFixed(0)} ms, ${gradingUpdates.length} progress updates, main-thread long tasks ${JSON.stringify(longTasks)} ms\n`,
      );
      expect(during.length).toBeGreaterThan(5);
      expect(maxGap).toBeLessThan(MAX_FRAME_GAP_MS);

      // Every customer reached the workbook.
      const rows = await page.evaluate(async () => {
        const hook = window.__tierwisePreview;
        const plan = hook?.lastPlan();
        const table = plan?.tables[0];
        if (!hook || !table) throw new Error('no plan');
        return hook.run(async (context) => {
          const body = context.workbook.tables.getItem(table.name).getDataBodyRange();
          body.load('rowCount');
          await context.sync();
          return { written: body.rowCount, planned: table.rows.length };
        });
      });
      expect(rows.written).toBe(rows.planned);
      expect(rows.planned).toBeGreaterThan(ROWS * 0.9);

      // Build again (an update of every row) and cancel while the rows are written.
      await pane.getByRole('button', { name: text('doneChangeRules', 'en') }).click();
      await pane.getByRole('button', { name: text('rulesBuild', 'en') }).click();
      // Cancel while customer rows are being written (each sync takes SYNC_DELAY_MS here).
      await pane.getByText(text('writeStepWrite', 'en')).waitFor({ timeout: 90_000 });
      await pane.getByRole('button', { name: text('buildingCancel', 'en') }).click();
      await pane.screenshot({ path: path.join(SCREENSHOTS, 'synthetic-100k-cancelling.png') });
      await pane.getByTestId('screen-cancelled').waitFor({ timeout: 60_000 });
      await pane.screenshot({ path: path.join(SCREENSHOTS, 'synthetic-100k-cancelled.png') });
      // The renderer's own account of what was written.
      expect(await pane.getByTestId('screen-cancelled').innerText()).toContain('The build was cancelled.');
      const afterCancel = await readKeys(page);
      expect(afterCancel.distinct).toBe(afterCancel.ids);
      expect(afterCancel.ids).toBe(afterCancel.planned);

      // Building again completes it, still one row per customer.
      await pane.getByRole('button', { name: text('cancelledBackToRules', 'en') }).click();
      await pane.getByRole('button', { name: text('rulesBuild', 'en') }).click();
      await pane.getByTestId('screen-done').waitFor({ timeout: 120_000 });
      const afterRebuild = await readKeys(page);
      expect(afterRebuild.ids).toBe(afterRebuild.planned);
      expect(afterRebuild.distinct).toBe(afterRebuild.planned);
    } finally {
      await page.close();
    }
  }, 300_000);
});
