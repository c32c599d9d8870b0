/**
 * The grade history in the plan (issue 8 §2): the Customers table's Previous
 * tier (a value, renewed on every rebuild) and Change (a live O(1) formula),
 * the carried notes, `plan.history`, and the Summary's migration block two
 * rows below whatever the Summary held.
 */
import { describe, expect, it } from '@jest/globals';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawGrid } from '../../../src/domain/types';
import { EMPTY_HISTORY, type HistoryInput } from '../../../src/domain/history';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { mergeTableRows } from '../../../src/plan/merge';
import { PREVIOUS_TIER_KEY, TIER_CHANGE_KEY } from '../../../src/plan/parts/history';
import { migrationLayout } from '../../../src/plan/migrationBlock';
import type { Locale } from '../../../src/i18n/locale';

const TODAY = dayFromYmd(2025, 1, 1);
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: dayFromYmd(2024, 12, 31) } };
const GRID: RawGrid = [
  ['Customer ID', 'Last purchase', 'Orders', 'Spend'],
  ['A', '2024-12-01', '30', '90000'],
  ['B', '2024-11-01', '5', '5000'],
  ['C', '2023-01-01', '1', '100'],
  ['D', '', '0', '0'],
];
const HISTORY: HistoryInput = { earlier: EMPTY_HISTORY, previousTier: new Map([['A', '银卡'], ['B', 'Gold'], ['C', 'Platinum']]), previousAsOf: dayFromYmd(2024, 6, 30) };

function run(locale: Locale, history: HistoryInput | undefined, notes?: Map<string, string>) {
  return gradeGrid(GRID, { settings: SETTINGS, locale, today: TODAY, ...(history ? { history } : {}), ...(notes ? { carried: { overrides: new Map(), notes } } : {}) });
}

describe('the history part of the plan', () => {
  it('is absent without a HistoryInput: no columns, no History sheet, no migration block', () => {
    const { plan, report } = run('en', undefined);
    expect(plan.history).toBeUndefined();
    expect(plan.tables[0]!.columns.some((c) => c.key === PREVIOUS_TIER_KEY || c.key === TIER_CHANGE_KEY)).toBe(false);
    expect(report.history).toBeUndefined();
  });

  it('writes Previous tier as the current list label, and Change as an O(1) formula over TierNames', () => {
    const { plan } = run('en', HISTORY);
    const table = plan.tables[0]!;
    const previous = table.columns.findIndex((c) => c.key === PREVIOUS_TIER_KEY);
    const change = table.columns.findIndex((c) => c.key === TIER_CHANGE_KEY);
    expect(table.columns[previous]).toMatchObject({ header: 'Previous tier', role: 'input' });
    expect(table.rows.map((r) => r[previous])).toEqual([{ kind: 'text', text: 'Silver' }, { kind: 'text', text: 'Gold' }, { kind: 'text', text: 'Platinum' }, null]);
    const formula = table.columns[change]!.formula!;
    expect(formula).toContain('MATCH(');
    expect(formula).toContain('TierNames');
    // O(1) per row: no whole-column reference, no reference to the History sheet.
    expect(formula).not.toMatch(/Customers\[|History|分级历史/);
    expect(table.cachedResults!.map((r) => r[change])).toEqual(['▲ Up', '▼ Down', '◇ Not in tier list', '★ New']);
    expect(plan.history).toMatchObject({ sheetName: 'Grade history', fieldHeaders: ['Tier', 'Segment', 'Lifecycle', 'R', 'F', 'M', 'Spend'] });
    expect(plan.history!.current.ids).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a rebuild writes the new Previous tier into existing rows (merge.ts: an input column)', () => {
    const { plan } = run('en', HISTORY);
    const table = plan.tables[0]!;
    const previous = table.columns.findIndex((c) => c.key === PREVIOUS_TIER_KEY);
    const existing = { headers: table.columns.map((c) => c.header), rows: table.rows.map((r) => r.map((v, i) => (i === previous ? 'Regular' : v && v.kind === 'text' ? v.text : v && v.kind === 'number' ? v.value : ''))) };
    const merged = mergeTableRows(existing, table);
    expect(merged.rows[0]!.cells[previous]).toEqual({ kind: 'write', value: { kind: 'text', text: 'Silver' } });
  });

  it('writes the notes typed in the earlier workbook into the Notes column', () => {
    const { plan } = run('zh-CN', HISTORY, new Map([['B', '下周回访']]));
    const table = plan.tables[0]!;
    const notes = table.columns.findIndex((c) => c.key === 'notes');
    expect(table.rows[1]![notes]).toEqual({ kind: 'text', text: '下周回访' });
    expect(table.rows[0]![notes]).toBeNull();
  });

  it.each(['en', 'zh-CN'] as const)('the migration block starts two rows below the Summary\'s other cells (%s)', (locale) => {
    const bare = run(locale, undefined).plan.sheets.find((s) => s.key === 'summary')!;
    const { plan } = run(locale, HISTORY);
    const summary = plan.sheets.find((s) => s.key === 'summary')!;
    const lastBefore = Math.max(...bare.cells.map((c) => c.row));
    const added = summary.cells.slice(bare.cells.length);
    expect(Math.min(...added.map((c) => c.row))).toBe(lastBefore + 2);
    const countifs = added.filter((c) => c.value?.kind === 'formula' && c.value.formula.startsWith('=COUNTIFS('));
    // 5 tiers x (5 previous tiers + new + not in the list) cells, and 5 totals by change.
    expect(countifs).toHaveLength(5 * 7 + 5);
    const layout = migrationLayout(lastBefore + 2, 5);
    const at = (row: number, column: number) => added.find((c) => c.row === row && c.column === column)?.value;
    expect(at(layout.firstRow, 0)).toEqual({ kind: 'formula', formula: '=INDEX(TierNames,1)' });
    expect(at(layout.headerRow, layout.revenueColumn)).toEqual({ kind: 'formula', formula: '=INDEX(TierNames,1)' });
    expect(at(layout.totalsRow, 1)).toMatchObject({ formula: expect.stringMatching(/^=COUNTIFS\(Customers\[\[[^\]]+\]\],"▲ /) });
    // Criteria are "="&label with wildcards escaped.
    expect(countifs[0]!.value).toMatchObject({ formula: expect.stringContaining('"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(') });
  });

  it('adds the migration chart below the Charts sheet\'s lowest chart, bound to the block\'s counts', () => {
    const { plan, report } = run('en', HISTORY);
    const chart = plan.charts.find((c) => c.name === 'Tierwise_tierMigration')!;
    const others = plan.charts.filter((c) => c !== chart);
    expect(chart).toMatchObject({ sheet: 'charts', kind: 'stackedBar' });
    expect(chart.top).toBeGreaterThanOrEqual(Math.max(...others.map((c) => c.top + c.height)));
    expect(chart.cachedCategories).toEqual(['Prospect', 'New', 'Gold', 'Silver', 'Regular', 'No previous tier', 'Tier not in the list']);
    const m = report.history!.migration!;
    chart.series.forEach((s, c) => expect(s.cachedValues).toEqual([...m.counts.map((r) => r[c]), m.newCounts[c], m.unlistedCounts[c]]));
    expect(run('en', { ...HISTORY, previousAsOf: null }).plan.charts.some((c) => c.name === 'Tierwise_tierMigration')).toBe(false);
  });

  it('without an earlier snapshot the Summary gets one note instead of the matrix', () => {
    const { plan, report } = run('en', { earlier: EMPTY_HISTORY, previousTier: new Map(), previousAsOf: null });
    const bare = run('en', undefined).plan.sheets.find((s) => s.key === 'summary')!;
    const added = plan.sheets.find((s) => s.key === 'summary')!.cells.slice(bare.cells.length);
    expect(added).toHaveLength(1);
    expect(added[0]!.value).toMatchObject({ kind: 'text', text: expect.stringContaining('no earlier build') });
    expect(report.history).toMatchObject({ snapshots: ['2024-12-31'], previousAsOf: null, migration: null });
  });
});
