/**
 * The grading worker's protocol, run in-process (jsdom has no Web Workers;
 * the engine and the client are the same code the pane runs): the grid goes
 * in chunks, analysis and live preview answer, a build's plan arrives in
 * chunks and equals the pipeline's plan, settings the core rejects come back
 * as messages, and cancel stops a build.
 */
import { describe, expect, it } from '@jest/globals';
import { dayFromYmd } from '../../src/domain/dates';
import { DEFAULT_PREDICTION_SETTINGS } from '../../src/domain/prediction/settings';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { RawGrid } from '../../src/domain/types';
import { gradeGrid } from '../../src/pipeline/gradeGrid';
import { GradeClient, GRID_ROWS_PER_MESSAGE } from '../../src/worker/client';
import { createInProcessPort } from '../../src/worker/inProcessPort';
import { PLAN_ROWS_PER_CHUNK } from '../../src/worker/protocol';

const TODAY = dayFromYmd(2025, 7, 15);

/** A customer list of `n` rows with a header in row 1 and one row without an ID. */
function customerGrid(n: number): RawGrid {
  const rows: (string | number | null)[][] = [['客户编号', '最近购买日期', '订单数', '消费总额']];
  for (let i = 1; i <= n; i++) {
    rows.push([i === 3 ? null : `C${i}`, `2025-0${1 + (i % 6)}-1${i % 10}`, i % 7, (i * 37) % 1000]);
  }
  return rows;
}

describe('GradeClient over the in-process engine', () => {
  it('analyses, previews and builds a plan equal to the pipeline', async () => {
    const grid = customerGrid(GRID_ROWS_PER_MESSAGE + PLAN_ROWS_PER_CHUNK + 17);
    const client = new GradeClient(createInProcessPort);
    await client.loadGrid(grid);
    const { analysis, summary } = await client.analyze(undefined, TODAY);
    expect(analysis.kind).toBe('customers');
    expect(summary.rowsRead).toBe(grid.length - 1);
    expect(summary.issueGroups.find((g) => g.code === 'missing-customer-id')?.firstRows).toEqual([4]);

    const preview = await client.preview(DEFAULT_SETTINGS, TODAY);
    if (preview.kind !== 'counts') throw new Error('expected counts');
    expect(preview.counts.tiers.reduce((sum, t) => sum + t.count, 0)).toBe(summary.customers);

    const stages = new Set<string>();
    const outcome = await client.build(
      { options: undefined, settings: DEFAULT_SETTINGS, locale: 'zh-CN', today: TODAY },
      (p) => stages.add(p.stage),
      new AbortController().signal,
    );
    if (outcome.kind !== 'built') throw new Error(`expected a plan, got ${outcome.kind}`);
    // The pane predicts by default (issue 9), so the pipeline it must equal does too.
    const expected = gradeGrid(grid, { settings: DEFAULT_SETTINGS, locale: 'zh-CN', today: TODAY, prediction: DEFAULT_PREDICTION_SETTINGS });
    expect(outcome.plan).toEqual(expected.plan);
    expect(stages).toEqual(new Set(['import', 'grade', 'plan', 'transfer']));
    expect(outcome.summary.counts.total).toBe(expected.grading.customers.length);
    client.dispose();
  }, 60_000);

  it('returns the core messages for settings it rejects', async () => {
    const client = new GradeClient(createInProcessPort);
    await client.loadGrid(customerGrid(20));
    await client.analyze(undefined, TODAY);
    const bad = { ...DEFAULT_SETTINGS, quantiles: [0.8, 0.6, 0.4, 0.2] as const };
    const outcome = await client.preview(bad, TODAY);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid') expect(outcome.problems[0]?.zh).toMatch(/[\u4e00-\u9fff]/);
    client.dispose();
  });

  it('cancels a build before anything reaches the pane', async () => {
    const client = new GradeClient(createInProcessPort);
    await client.loadGrid(customerGrid(200));
    await client.analyze(undefined, TODAY);
    const controller = new AbortController();
    const pending = client.build({ options: undefined, settings: DEFAULT_SETTINGS, locale: 'en', today: TODAY }, () => undefined, controller.signal);
    controller.abort();
    await expect(pending).resolves.toEqual({ kind: 'cancelled' });
    // The client still works after a cancel (a restarted worker gets the grid again).
    await expect(client.analyze(undefined, TODAY)).resolves.toMatchObject({ summary: { rowsRead: 200 } });
    client.dispose();
  });

  it('reports a source without a header as the import error', async () => {
    const client = new GradeClient(createInProcessPort);
    await client.loadGrid([[1, 2, 3], [4, 5, 6]]);
    await expect(client.analyze(undefined, TODAY)).rejects.toMatchObject({ code: 'no-header' });
    client.dispose();
  });
});
