import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS, AT_RISK_LIST_LENGTH } from '../../../src/domain/prediction';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';

const SAMPLE = path.resolve(__dirname, '../../fixtures/prediction/CDNOW_sample.txt');
const rows = readFileSync(SAMPLE, 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [, id, date, , dollars] = l.trim().split(/\s+/) as [string, string, string, string, string];
    return [`C${id}`, `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, dollars];
  });
const output = gradeGrid([['Customer ID', 'Order Date', 'Amount'], ...rows], {
  import: { kind: 'transactions' },
  settings: DEFAULT_SETTINGS,
  prediction: DEFAULT_PREDICTION_SETTINGS,
  locale: 'en',
  today: dayFromYmd(2026, 1, 1),
});

describe('prediction summary by tier and segment, and the "at risk, high value" list', () => {
  const run = output.prediction;
  const summary = run?.summary;
  const result = run?.result;
  test('groups add up to the whole: customers, expected purchases, revenue and CLV', () => {
    if (!summary || !result) throw new Error('no prediction');
    const sum = (xs: ArrayLike<number>): number => Array.from(xs).filter(Number.isFinite).reduce((s, x) => s + x, 0);
    const revenue = Array.from(result.expectedPurchases).reduce((s, e, i) => (Number.isFinite(e) ? s + e * (result.expectedValue[i] as number) : s), 0);
    for (const groups of [summary.byTier, summary.bySegment]) {
      expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(output.grading.customers.length);
      expect(groups.reduce((s, g) => s + g.expectedPurchases, 0)).toBeCloseTo(sum(result.expectedPurchases), 6);
      expect(groups.reduce((s, g) => s + (g.expectedRevenue ?? 0), 0)).toBeCloseTo(revenue, 4);
      expect(groups.reduce((s, g) => s + (g.clv ?? 0), 0)).toBeCloseTo(sum(result.clv), 4);
    }
    expect(summary.byTier.map((g) => g.key)).toEqual(DEFAULT_SETTINGS.tiers.map((t) => t.key));
    expect(summary.byTier.find((g) => g.key === 'prospect')?.predicted).toBe(0);
  });
  test('the call-first list: P(active) below the high-risk threshold, the highest CLV first, on real data', () => {
    const list = summary?.atRiskHighValue ?? [];
    expect(list).toHaveLength(AT_RISK_LIST_LENGTH);
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (!c) continue;
      expect(c.pAlive).toBeLessThan(DEFAULT_PREDICTION_SETTINGS.highRiskBelow);
      expect(c.clv).toBe(result?.clv[c.index]);
      expect(c.id).toBe(output.grading.customers[c.index]?.record.id);
      if (i > 0) expect(c.clv).toBeLessThanOrEqual((list[i - 1] as typeof c).clv);
    }
    // Nobody outside the list at high risk has a larger CLV than the last on it.
    const last = list[list.length - 1]?.clv ?? 0;
    const ids = new Set(list.map((c) => c.id));
    let highRisk = 0;
    output.grading.customers.forEach((c, i) => {
      const p = result?.pAlive[i] as number;
      if (!(p < DEFAULT_PREDICTION_SETTINGS.highRiskBelow)) return;
      highRisk++;
      if (!ids.has(c.record.id)) expect(result?.clv[i] as number).toBeLessThanOrEqual(last);
    });
    expect(summary?.highRisk.customers).toBe(highRisk);
  });
  test('the report carries them under model', () => {
    const model = output.report.model;
    expect(model?.byTier).toHaveLength(DEFAULT_SETTINGS.tiers.length);
    expect(model?.bySegment).toHaveLength(9);
    expect(model?.atRiskHighValue[0]?.id).toBe(summary?.atRiskHighValue[0]?.id);
    // The row index is the workbook's business, not the report's.
    expect(model?.atRiskHighValue[0]).not.toHaveProperty('index');
  });
});
