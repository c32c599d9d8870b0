/**
 * The grade history's pure rules (issue 8 §2): merging a build's snapshot,
 * the previous tier a build compares with, and the History grid both ways.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dayFromYmd, excelSerialFromDay, type DayNumber } from '../../../src/domain/dates';
import {
  EMPTY_HISTORY,
  HISTORY_LAYOUT,
  HistoryError,
  MAX_SNAPSHOTS,
  historyGridRow,
  historyInputFrom,
  historyRowCount,
  mergeSnapshot,
  parseHistoryGrid,
  type BuildSnapshot,
  type GradeHistory,
  type HistoryGridCell,
} from '../../../src/domain/history';

const D = (m: number, d = 1): DayNumber => dayFromYmd(2024, m, d);

function build(asOf: DayNumber, rows: readonly (readonly [string, string | null])[]): BuildSnapshot {
  return {
    asOf,
    ids: rows.map((r) => r[0]),
    tier: rows.map((r) => r[1]),
    segment: rows.map(() => 'Important value'),
    lifecycle: rows.map(() => 'Active'),
    r: rows.map(() => 5),
    f: rows.map(() => 4),
    m: rows.map(() => 3),
    spend: rows.map((_, i) => 100 + i + 0.25),
  };
}

const LABELS = { title: 'Grade history', note: 'note', asOfLabel: 'As of', idHeader: 'Customer ID', fieldHeaders: ['Tier', 'Segment', 'Lifecycle', 'R', 'F', 'M', 'Spend'] };

/** The sheet's values as a host returns them: dates as serial numbers, text as strings. */
function gridValues(history: GradeHistory): unknown[][] {
  const out: unknown[][] = [];
  const value = (c: HistoryGridCell): unknown => (c === null ? '' : c.kind === 'date' ? excelSerialFromDay(c.day) : c.kind === 'number' ? c.value : c.text);
  for (let row = 0; row < historyRowCount(history); row++) out.push(historyGridRow(history, LABELS, row).map(value));
  return out;
}

describe('mergeSnapshot', () => {
  const first = mergeSnapshot(EMPTY_HISTORY, build(D(3), [['A', 'Gold'], ['B', 'Silver']])).history;
  it.each([
    ['a later date appends a group', D(6), [['B', 'Gold'], ['C', 'New']], { first: 1, appended: 1, replaced: false, dates: [D(3), D(6)] }],
    ['the same date replaces in place', D(3), [['B', 'Gold'], ['C', 'New']], { first: 0, appended: 1, replaced: true, dates: [D(3)] }],
    ['an earlier date is inserted before, later groups shift', D(1), [['A', 'Regular']], { first: 0, appended: 0, replaced: false, dates: [D(1), D(3)] }],
  ] as const)('%s', (_name, asOf, rows, expected) => {
    const change = mergeSnapshot(first, build(asOf, rows));
    expect(change.firstChangedSnapshot).toBe(expected.first);
    expect(change.appendedIds).toBe(expected.appended);
    expect(change.replacedSameDate).toBe(expected.replaced);
    expect(change.history.snapshots.map((s) => s.asOf)).toEqual(expected.dates);
    // Every column is as long as the ID list.
    for (const s of change.history.snapshots) expect(s.tier).toHaveLength(change.history.ids.length);
  });

  it('keeps customers absent from the build, blank in the new group; new IDs in first-seen order', () => {
    const { history } = mergeSnapshot(first, build(D(6), [['C', 'New'], ['B', 'Gold'], ['D', 'Regular']]));
    expect(history.ids).toEqual(['A', 'B', 'C', 'D']);
    expect(history.snapshots[1]!.tier).toEqual([null, 'Gold', 'New', 'Regular']);
    expect(history.snapshots[0]!.tier).toEqual(['Gold', 'Silver', null, null]);
  });

  it('refuses beyond MAX_SNAPSHOTS with an English and a Chinese message, but still replaces a date it has', () => {
    let h: GradeHistory = EMPTY_HISTORY;
    const snapshots = Array.from({ length: MAX_SNAPSHOTS }, (_, i) => ({ ...mergeSnapshot(EMPTY_HISTORY, build((1000 + i) as DayNumber, [['A', 'Gold']])).history.snapshots[0]! }));
    h = { ids: ['A'], snapshots };
    expect(() => mergeSnapshot(h, build(5000 as DayNumber, [['A', 'Gold']]))).toThrow(HistoryError);
    try {
      mergeSnapshot(h, build(5000 as DayNumber, [['A', 'Gold']]));
    } catch (error) {
      expect((error as HistoryError).localized.en).toContain(String(MAX_SNAPSHOTS));
      expect((error as HistoryError).localized.zh).toContain('分级历史');
    }
    expect(mergeSnapshot(h, build(1000 as DayNumber, [['A', 'Silver']])).history.snapshots).toHaveLength(MAX_SNAPSHOTS);
  });

  it('refuses a build with an ID twice', () => {
    expect(() => mergeSnapshot(EMPTY_HISTORY, build(D(1), [['A', 'Gold'], [' A ', 'Gold']]))).toThrow(/appears twice/);
  });
});

describe('historyInputFrom', () => {
  const h = mergeSnapshot(mergeSnapshot(EMPTY_HISTORY, build(D(3), [['A', 'Gold'], ['B', 'Silver']])).history, build(D(6), [['A', 'Regular'], ['C', 'New']])).history;
  it.each([
    ['a later build compares with the latest before it', D(9), D(6), { A: 'Regular', C: 'New' }],
    ['a rebuild on the same date compares with the one before', D(6), D(3), { A: 'Gold', B: 'Silver' }],
    ['a build between the two compares with the earlier', D(4), D(3), { A: 'Gold', B: 'Silver' }],
    ['a build before every snapshot has no previous', D(1), null, {}],
  ] as const)('%s', (_name, asOf, previousAsOf, tiers) => {
    const input = historyInputFrom(h, asOf);
    expect(input.previousAsOf).toBe(previousAsOf);
    expect(Object.fromEntries(input.previousTier)).toEqual(tiers);
  });
});

describe('parseHistoryGrid', () => {
  const h = mergeSnapshot(mergeSnapshot(EMPTY_HISTORY, build(D(3), [['A', 'Gold'], ['B', 'Silver']])).history, build(D(6), [['A', 'Regular'], ['C', 'New']])).history;

  it('reads dates as serial numbers, Date objects or ISO text', () => {
    const values = gridValues(h);
    const asDates = values.map((r) => r.slice());
    asDates[1]![1] = new Date(Date.UTC(2024, 2, 1));
    asDates[1]![8] = '2024-06-01';
    expect(parseHistoryGrid(values)).toEqual({ ok: true, history: h });
    expect(parseHistoryGrid(asDates)).toEqual({ ok: true, history: h });
  });

  it('regression (Math.max over a spread of every row overflowed the stack): reads a grid of 400,000 customers', () => {
    const n = 400_000;
    const big = build(D(3), Array.from({ length: n }, (_, i) => [`C${i}`, i % 2 === 0 ? 'Gold' : 'Silver'] as const));
    const history = mergeSnapshot(EMPTY_HISTORY, big).history;
    const parsed = parseHistoryGrid(gridValues(history));
    expect(parsed.ok && parsed.history.ids.length).toBe(n);
    expect(parsed.ok && parsed.history.snapshots[0]?.tier[n - 1]).toBe('Silver');
  });

  it('ignores a group whose date cell is blank (not committed)', () => {
    const values = gridValues(h);
    values[HISTORY_LAYOUT.dateRow]![8] = '';
    const parsed = parseHistoryGrid(values);
    expect(parsed.ok && parsed.history.snapshots.map((s) => s.asOf)).toEqual([D(3)]);
  });

  it.each([
    ['a date that is not one', (v: unknown[][]): void => void (v[1]![8] = 'soon'), { row: 2, column: 'I' }, /not a date/],
    ['a duplicate date', (v: unknown[][]): void => void (v[1]![8] = v[1]![1]), { row: 2, column: 'I' }, /appears twice/],
    ['a duplicate ID', (v: unknown[][]): void => void (v[4]![0] = 'A'), { row: 5, column: 'A' }, /already appears in row 4/],
    ['grades without an ID', (v: unknown[][]): void => void (v[4]![0] = ''), { row: 5, column: 'A' }, /no customer ID/],
    ['a score out of 1-5', (v: unknown[][]): void => void (v[3]![4] = 9), { row: 4, column: 'E' }, /1 to 5/],
    ['spend as text that is not a number', (v: unknown[][]): void => void (v[3]![7] = 'lots'), { row: 4, column: 'H' }, /not a number/],
  ] as const)('names the row and column of %s', (_name, damage, where, message) => {
    const values = gridValues(h);
    damage(values);
    const parsed = parseHistoryGrid(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject(where);
    expect(parsed.problems[0]!.message.en).toMatch(message);
    expect(parsed.problems[0]!.message.zh).toMatch(/第 \d+ 行/);
  });
});

// ---- properties ----------------------------------------------------------------------------

const idArb = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', '007', '7', '客户1');
const tierArb = fc.option(fc.constantFrom('Gold', 'Silver', 'Regular', '金卡'), { nil: null });
const buildArb = fc.record({
  asOf: fc.integer({ min: 19000, max: 19010 }).map((d) => d as DayNumber),
  rows: fc.uniqueArray(fc.tuple(idArb, tierArb), { selector: (r) => r[0], maxLength: 6 }),
});

describe('properties', () => {
  it('adding a snapshot never changes an earlier one; IDs stay unique; at most one snapshot per date; merge then parse round-trips', () => {
    fc.assert(
      fc.property(fc.array(buildArb, { minLength: 1, maxLength: 6 }), (builds) => {
        let h: GradeHistory = EMPTY_HISTORY;
        for (const b of builds) {
          const change = mergeSnapshot(h, build(b.asOf, b.rows));
          const next = change.history;
          for (const old of h.snapshots) {
            if (old.asOf === b.asOf) continue;
            const kept = next.snapshots.find((s) => s.asOf === old.asOf)!;
            h.ids.forEach((_, i) => expect(kept.tier[i]).toBe(old.tier[i]));
          }
          expect(new Set(next.ids).size).toBe(next.ids.length);
          expect(new Set(next.snapshots.map((s) => s.asOf)).size).toBe(next.snapshots.length);
          expect(next.snapshots.map((s) => s.asOf)).toEqual([...next.snapshots.map((s) => s.asOf)].sort((x, y) => x - y));
          // Groups before firstChangedSnapshot are untouched.
          for (let g = 0; g < change.firstChangedSnapshot; g++) expect(next.snapshots[g]!.asOf).toBe(h.snapshots[g]!.asOf);
          h = next;
        }
        // A customer whose group cells are all blank keeps its row: the ID cell is written, so parsing finds it.
        const parsed = parseHistoryGrid(gridValues(h));
        expect(parsed.ok && parsed.history.ids).toEqual(h.ids);
        expect(parsed.ok && parsed.history.snapshots).toEqual(h.snapshots);
      }),
    );
  });

  it('the same date twice is one snapshot', () => {
    fc.assert(
      fc.property(buildArb, buildArb, (a, b) => {
        const h = mergeSnapshot(mergeSnapshot(EMPTY_HISTORY, build(a.asOf, a.rows)).history, build(a.asOf, b.rows)).history;
        expect(h.snapshots).toHaveLength(1);
      }),
    );
  });
});
