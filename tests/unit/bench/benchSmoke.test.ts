/**
 * The benches behind `npm run bench` run at small sizes. CI does not run the bench itself (minutes), so
 * without these it broke unnoticed twice when the product changed under it (2026-12-03: bench/history.ts
 * named its sheet "History", which Excel reserves and the fake Excel refuses; bench/charts.ts added a
 * second sheet named "Summary" to a plan that had gained its own).
 */
import { describe, expect, test } from '@jest/globals';
import { benchChartSyncs } from '../../../bench/charts';
import { benchHistory } from '../../../bench/history';
import { benchQuality } from '../../../bench/quality';
import { dayFromYmd } from '../../../src/domain/dates';

const TODAY = dayFromYmd(2025, 1, 1);

describe('the benches run', () => {
  test('regression: the History bench builds into the fake Excel (its sheet name is not the reserved "History")', async () => {
    const figures = await benchHistory(300);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.measured).not.toBe('');
  }, 120_000);

  test('regression: the charts bench builds a plan with its own Summary sheet (no second "Summary")', async () => {
    const [figure] = await benchChartSyncs([200], TODAY);
    expect(figure!.chartSyncs).toBeGreaterThan(0);
    expect(figure!.chartOperations).toBeGreaterThan(0);
  }, 120_000);

  test('the quality bench finds duplicate groups and findings', () => {
    const figure = benchQuality(2_000, TODAY);
    expect(figure.figure).toMatch(/[1-9][\d,]* findings, [1-9][\d,]* duplicate groups/);
    expect(figure.ratio).toMatch(/^\d+\.\d\dx$/);
  });
});
