/**
 * The pane stays responsive while 100,000 customers are graded: the grading
 * runs in a Web Worker, so while it works the page's main thread stays
 * nearly idle, keeps painting frames and moves the progress bar.
 *
 * What is measured, and why it holds on a busy machine: a frame gap is wall
 * time, and under a full `npm test` (parallel Jest workers, LibreOffice on 2
 * cores) the whole browser is starved of CPU — a gap of 800 ms was measured
 * with the page doing little. So a frame gap counts against us by the main
 * thread's CPU time around it (Chrome's `ThreadTime` metric in thread ticks,
 * sampled every {@link CPU_SAMPLE_MS} ms, over the sample intervals that
 * overlap the gap, capped at the gap's length; waiting for a core does not
 * inflate it), not by its length: the check is that no frame gap from the
 * Build click to the end of grading holds {@link MAX_FRAME_GAP_MS} ms of
 * main-thread CPU. Grading on the main thread (the preview built with the
 * in-process engine) freezes the page right after the click — measured
 * 550-970 ms gaps with 530-650 ms of CPU at 100,000 customers — and fails
 * it; that was checked by hand when this test changed. Frame gaps, long
 * tasks and CPU time per step are reported next to an idle control period
 * measured in the same page.
 * Then the build finishes and the workbook holds every customer. And a
 * build cancelled while writing leaves a consistent table, says what was
 * written, and building again completes it without duplicating a row.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { text } from '../../../src/i18n/strings';
import { SCREENSHOTS, useBrowserSession } from './harness';

const ROWS = 100_000;
/**
 * Longest pause between two painted frames our own main-thread work may
 * cause while the worker grades, in ms: the main thread's CPU time inside
 * any frame gap stays below it (a frozen page shows seconds).
 */
const MAX_FRAME_GAP_MS = 400;
/** Idle control period measured before the build, in ms. */
const CONTROL_MS = 1_500;
/** How often the main thread's CPU time is sampled during the build, in ms. */
const CPU_SAMPLE_MS = 50;
/** Latency the preview adds to each sync (a real round trip to Excel), so Cancel can land while rows are written. */
const SYNC_DELAY_MS = 300;

const session = useBrowserSession();

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

/** One sample of the page's main thread: page time (ms), its CPU time so far (ms) and the progress bar then. */
interface CpuSample {
  readonly at: number;
  readonly cpuMs: number;
  readonly fraction: number;
  /** The Building screen's step in words ("Grading customers…"). */
  readonly step: string;
}

/** The renderer main thread's CPU time (Chrome's Performance domain in thread ticks), in ms. */
async function mainThreadCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const thread = metrics.find((m) => m.name === 'ThreadTime');
  if (!thread) throw new Error(`Chromium reports no ThreadTime metric (got ${metrics.map((m) => m.name).join(', ')})`);
  return thread.value * 1000;
}

/** Main-thread CPU (ms) between page times `from` and `to`, from the samples around them. */
function cpuBetween(samples: readonly CpuSample[], from: number, to: number): number {
  const before = [...samples].reverse().find((s) => s.at <= from) ?? samples[0];
  const after = samples.find((s) => s.at >= to) ?? samples[samples.length - 1];
  return before && after ? after.cpuMs - before.cpuMs : 0;
}

function gapsOf(frames: readonly number[]): [start: number, end: number][] {
  const gaps: [number, number][] = [];
  for (let i = 1; i < frames.length; i++) gaps.push([frames[i - 1] ?? 0, frames[i] ?? 0]);
  return gaps;
}

describe('responsiveness with 100,000 customers', () => {
  it('keeps painting frames and moving the progress bar while the worker grades', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${session.origin}/preview.html?lang=en&paneWidth=380&sample=synthetic&rows=${ROWS}&syncDelayMs=${SYNC_DELAY_MS}`);
      const pane = page.getByTestId('preview-pane');
      await pane.getByTestId('found-summary').waitFor({ timeout: 90_000 });
      expect(await pane.getByTestId('found-summary').innerText()).toContain(text('startFoundRows', 'en', { rows: '100,000' }));
      await pane.getByRole('button', { name: text('startUseThisData', 'en') }).click();
      await pane.getByRole('button', { name: text('next', 'en') }).click({ timeout: 90_000 });
      await pane.getByTestId('tier-preview-bars').waitFor({ timeout: 90_000 });

      const cdp = await page.context().newCDPSession(page);
      // Thread ticks: durations are CPU time of the thread, not wall time.
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

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
      // Idle control: the same page doing nothing, for comparison with the grading window.
      const controlFrom = await page.evaluate(() => performance.now());
      const controlCpuFrom = await mainThreadCpuMs(cdp);
      await page.waitForTimeout(CONTROL_MS);
      const controlTo = await page.evaluate(() => performance.now());
      const controlCpu = (await mainThreadCpuMs(cdp)) - controlCpuFrom;

      // The window under test starts at the click: an engine on the main thread would freeze the page before any progress shows.
      const buildFrom = await page.evaluate(() => performance.now());
      // Sample the main thread's CPU time with the page time and the bar from just before the click until the build is done.
      const samples: CpuSample[] = [{ at: buildFrom, cpuMs: await mainThreadCpuMs(cdp), fraction: 0, step: '' }];
      await pane.getByRole('button', { name: text('rulesBuild', 'en') }).click();
      const done = pane.getByTestId('screen-done');
      for (let finished = false; !finished; ) {
        const [state, cpuMs] = await Promise.all([
          page.evaluate(() => ({
            at: performance.now(),
            fraction: Number(document.querySelector('[data-testid="build-progress"]')?.getAttribute('data-fraction') || '0'),
            step: document.querySelector('[data-testid="build-progress"]')?.getAttribute('aria-valuetext') ?? '',
            done: document.querySelector('[data-testid="screen-done"]') !== null,
          })),
          mainThreadCpuMs(cdp),
        ]);
        samples.push({ at: state.at, cpuMs, fraction: state.fraction, step: state.step });
        finished = state.done;
        if ((samples[0]?.at ?? 0) + 120_000 < state.at) throw new Error('the build did not finish in 120 s');
        if (!finished) await page.waitForTimeout(CPU_SAMPLE_MS);
      }
      await done.waitFor();
      await pane.screenshot({ path: path.join(SCREENSHOTS, 'synthetic-100k-done.png') });

      const record = await page.evaluate(() => (window as unknown as { __record: { frames: number[]; fractions: [number, number][]; longTasks: [number, number][] } }).__record);
      // The worker's part of the bar is 0..0.4 (import, grade, plan, transfer); writing follows on the main thread.
      const gradingUpdates = record.fractions.filter(([, f]) => f > 0 && f < 0.4);
      expect(new Set(gradingUpdates.map(([, f]) => f.toFixed(3))).size).toBeGreaterThanOrEqual(3);
      const first = gradingUpdates[0];
      const last = gradingUpdates[gradingUpdates.length - 1];
      if (!first || !last) throw new Error('no progress while grading');
      const grading = { from: buildFrom, to: last[0] };
      const during = record.frames.filter((t) => t >= grading.from && t <= grading.to);
      const gaps = gapsOf(during);
      const maxGap = Math.max(0, ...gaps.map(([a, b]) => b - a));
      const control = gapsOf(record.frames.filter((t) => t >= controlFrom && t <= controlTo));
      const controlMaxGap = Math.max(0, ...control.map(([a, b]) => b - a));
      const longTasks = record.longTasks.filter(([start]) => start >= grading.from && start <= grading.to).map(([, d]) => Math.round(d));
      const gradingCpu = cpuBetween(samples, grading.from, grading.to);
      // Each frame gap with the main thread's CPU time in the sample intervals around it (an upper estimate),
      // capped at the gap's length: one thread cannot spend more CPU than the wall time it had.
      const gapCpu = gaps.map(([a, b]) => ({ ms: Math.round(b - a), cpuMs: Math.round(Math.min(b - a, cpuBetween(samples, a, b))) }));
      const longGaps = gapCpu.filter((gap) => gap.ms > MAX_FRAME_GAP_MS);
      const busiestGap = gapCpu.reduce((m, gap) => (gap.cpuMs > m.cpuMs ? gap : m), { ms: 0, cpuMs: 0 });
      process.stderr.write(
        `responsiveness: grading window ${(grading.to - grading.from).toFixed(0)} ms, main-thread CPU ${gradingCpu.toFixed(0)} ms, ${during.length} frames, ` +
          `longest frame gap ${maxGap.toFixed(0)} ms (idle control: ${control.length + 1} frames in ${(controlTo - controlFrom).toFixed(0)} ms, longest gap ${controlMaxGap.toFixed(0)} ms, CPU ${controlCpu.toFixed(0)} ms), ` +
          `gaps over ${MAX_FRAME_GAP_MS} ms ${JSON.stringify(longGaps)}, busiest gap ${JSON.stringify(busiestGap)}, ${gradingUpdates.length} progress updates, main-thread long tasks ${JSON.stringify(longTasks)} ms\n`,
      );
      const perStep = new Map<string, { ms: number; cpuMs: number }>();
      for (let i = 1; i < samples.length; i++) {
        const a = samples[i - 1];
        const b = samples[i];
        if (!a || !b) continue;
        const key = a.step.replace(/[\d,]+/g, '#');
        const entry = perStep.get(key) ?? { ms: 0, cpuMs: 0 };
        entry.ms += b.at - a.at;
        entry.cpuMs += b.cpuMs - a.cpuMs;
        perStep.set(key, entry);
      }
      process.stderr.write(`responsiveness per step [words, ms, main-thread CPU ms]: ${JSON.stringify([...perStep].map(([k, v]) => [k, Math.round(v.ms), Math.round(v.cpuMs)]))}\n`);
      expect(during.length).toBeGreaterThan(5);
      // No frame was held up by more than MAX_FRAME_GAP_MS of our own main-thread work.
      expect(busiestGap.cpuMs).toBeLessThan(MAX_FRAME_GAP_MS);

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
      // The Building screen names the rows being written ("Writing rows 1–20,000 of 100,000").
      const writingRows = new RegExp(`^${text('buildingWriting', 'en', { from: '[\\d,]+', to: '[\\d,]+', total: '[\\d,]+' })}$`);
      await pane.getByText(writingRows).waitFor({ timeout: 90_000 });
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
