import { describe, expect, it } from '@jest/globals';
import { dayFromYmd } from '../../../src/domain/dates';
import { aggregateTransactions, gradeCustomers } from '../../../src/domain/grading';
import { buildReport } from '../../../src/domain/report';
import { makeIssue } from '../../../src/domain/import/messages';
import type { Issue } from '../../../src/domain/types';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { GOLDEN_IMPORT_ISSUE, GOLDEN_LINES, GOLDEN_REPORT, GOLDEN_ROWS_READ, GOLDEN_ROWS_SKIPPED } from '../../fixtures/grading/goldenLog';
import { rec } from './helpers';

const TODAY = dayFromYmd(2025, 1, 1);

describe('golden: a hand-made transaction log through aggregation, grading and the §8 report', () => {
  const aggregated = aggregateTransactions(GOLDEN_LINES);
  const grading = gradeCustomers(aggregated.records, DEFAULT_SETTINGS, { today: TODAY });
  const report = buildReport(grading, {
    rowsRead: GOLDEN_ROWS_READ,
    rowsSkipped: GOLDEN_ROWS_SKIPPED,
    issues: [GOLDEN_IMPORT_ISSUE, ...aggregated.issues, ...grading.issues],
  }, DEFAULT_SETTINGS);

  it('equals the hand-computed report', () => {
    expect(report).toEqual(GOLDEN_REPORT);
  });

  it('has the contract keys in the contract order', () => {
    expect(Object.keys(report)).toEqual(['asOf', 'breakpoints', 'import', 'customers', 'summary']);
    // GRADING.md §9's JSON shape; groups also carry the two shares.
    expect(Object.keys(report.summary)).toEqual(['customers', 'scored', 'prospects', 'revenue', 'byTier', 'bySegment', 'byLifecycle', 'byOwner', 'kpis']);
    expect(Object.keys(report.summary.byTier[0] ?? {})).toEqual(['key', 'customers', 'revenue', 'avgSpend', 'avgRecencyDays', 'customerShare', 'revenueShare']);
    expect(Object.keys(report.summary.byOwner[0] ?? {})).toEqual(['owner', 'customers', 'revenue', 'tiers']);
    expect(Object.keys(report.summary.kpis)).toEqual(['topTierRevenueShare', 'repeatRate', 'atRiskCustomers', 'atRiskRevenue', 'churnedShare', 'avgSatisfaction']);
    expect(Object.keys(report.import)).toEqual(['rowsRead', 'rowsSkipped', 'issues']);
    expect(Object.keys(report.customers[0] ?? {})).toEqual(['id', 'recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'segment', 'tier', 'lifecycle']);
    expect(Object.keys(report.import.issues[0] ?? {})).toEqual(['row', 'column', 'code', 'severity', 'value', 'message']);
    expect(Object.keys(report.breakpoints ?? {})).toEqual(['recency', 'frequency', 'monetary']);
  });

  it('round-trips through JSON unchanged (plain data only)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('breakpoints are close to the decimal hand computation', () => {
    const expected = { recency: [2.6, 7.8, 31, 134.2], frequency: [1, 1, 1.4, 2.2], monetary: [52.216, 282.408, 458.3, 615.9] };
    for (const metric of ['recency', 'frequency', 'monetary'] as const) {
      report.breakpoints?.[metric].forEach((b, k) => expect(b).toBeCloseTo(expected[metric][k] as number, 9));
    }
  });
});

describe('report edge cases', () => {
  it('breakpoints are null when nobody is scored', () => {
    const grading = gradeCustomers([rec({ id: 'p' })], { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(2024, 1, 1) } }, { today: TODAY });
    const report = buildReport(grading, { rowsRead: 1, rowsSkipped: 0, issues: [] }, DEFAULT_SETTINGS);
    expect({ ...report, summary: undefined }).toEqual({
      asOf: '2024-01-01',
      breakpoints: null,
      import: { rowsRead: 1, rowsSkipped: 0, issues: [] },
      customers: [{ id: 'p', recencyDays: null, frequency: 0, monetary: 0, r: null, f: null, m: null, segment: null, tier: 'prospect', lifecycle: 'potential' }],
      summary: undefined,
    });
    expect(report.summary).toMatchObject({ customers: 1, scored: 0, prospects: 1, revenue: 0, kpis: { repeatRate: null, churnedShare: null, topTierRevenueShare: null } });
  });
});

describe('report issues: handed on when already in the report\'s shape, copied otherwise', () => {
  const grading = gradeCustomers([rec({ id: 'p' })], { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(2024, 1, 1) } }, { today: TODAY });
  const reported = (issues: readonly Issue[]) => buildReport(grading, { rowsRead: 1, rowsSkipped: 0, issues }, DEFAULT_SETTINGS).import.issues;
  const made = makeIssue('ambiguous-date', 'error', 12, 'Date', '3/4/2024');

  it('an issue from makeIssue is the report entry itself (no copy per issue: a log can have millions)', () => {
    expect(Object.keys(made)).toEqual(['row', 'column', 'code', 'severity', 'value', 'message']);
    expect(reported([made])[0]).toBe(made);
  });

  it('an issue with its keys in another order, an extra key or a message with more than en/zh is copied in the report\'s shape', () => {
    const reordered: Issue = { code: made.code, severity: made.severity, row: made.row, column: made.column, value: made.value, message: made.message };
    const extra = { ...made, detail: 'x' } as Issue;
    const wideMessage: Issue = { ...made, message: { ...made.message, fr: 'x' } as Issue['message'] };
    const out = reported([reordered, extra, wideMessage]);
    for (const [i, issue] of out.entries()) {
      expect(issue).not.toBe([reordered, extra, wideMessage][i]);
      expect(Object.keys(issue)).toEqual(['row', 'column', 'code', 'severity', 'value', 'message']);
      expect(Object.keys(issue.message)).toEqual(['en', 'zh']);
      expect(JSON.stringify(issue)).toBe(JSON.stringify(made));
    }
  });
});
