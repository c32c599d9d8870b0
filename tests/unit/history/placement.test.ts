/** Placement of a build's snapshot on an existing History sheet (src/domain/history/placement.ts). */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { DayNumber } from '../../../src/domain/dates';
import { historyInputFromReadBack, placeSnapshot, previousGroup, type HistoryReadBack } from '../../../src/domain/history/placement';
import { EMPTY_HISTORY, MAX_SNAPSHOTS } from '../../../src/domain/history/types';
import { countMovements, tierRankByName } from '../../../src/domain/history/movement';
import { DEFAULT_TIERS } from '../../../src/domain/settings';
import { historyBefore, historyInputFromWire } from '../../../src/worker/engine';

const d = (n: number): DayNumber => n as DayNumber;
const read = (ids: string[], dates: (number | null)[]): HistoryReadBack => ({ ids, dates: dates.map((x) => (x === null ? null : d(x))) });

describe('placeSnapshot', () => {
  test.each([
    // name, dates on the sheet, as-of, group written, replaced
    ['empty sheet: group 0', [], 100, 0, false],
    ['same date: that group replaced', [100, 200], 200, 1, true],
    ['same date as the first group: replaced in place', [100, 200], 100, 0, true],
    ['later date: a new group at the end', [100, 200], 300, 2, false],
    ['later date after an interrupted group (blank date): that group overwritten', [100, 200, null], 300, 2, false],
    ['a blank group in the middle is skipped, the new one follows the last dated', [100, null, 200], 300, 3, false],
    // Regression: a stopped same-date rebuild of a middle snapshot left its slot undated, and rebuilding that date was refused (the snapshot lost).
    ['an undated middle slot whose neighbours bracket the date (a stopped rebuild of it): that slot rewritten', [100, null, 300], 200, 1, false],
    ['an undated first slot before a later snapshot: rewritten for an earlier date', [null, 300], 200, 0, false],
  ])('%s', (_name, dates, asOf, group, replaced) => {
    const p = placeSnapshot(read(['A', 'B'], dates), { asOf: d(asOf), ids: ['A'] });
    expect(p.kind).toBe('write');
    if (p.kind !== 'write') return;
    expect(p.group).toBe(group);
    expect(p.replaced).toBe(replaced);
  });

  test('an earlier date is refused with an en/zh message naming both dates', () => {
    const p = placeSnapshot(read(['A'], [d(19_000), d(19_100)]), { asOf: d(19_050), ids: ['A'] });
    expect(p.kind).toBe('refused');
    if (p.kind !== 'refused') return;
    expect(p.reason).toBe('earlierDate');
    expect(p.message.en).toContain('2022-02-27');
    expect(p.message.en).toContain('2022-04-18');
    expect(p.message.zh).toContain('2022-04-18');
  });

  test('an undated slot whose neighbours do not bracket the date is no way round the refusal', () => {
    expect(placeSnapshot(read(['A'], [100, null, 300, 400]), { asOf: d(350), ids: ['A'] }).kind).toBe('refused');
  });

  test('a full sheet is refused', () => {
    const dates = Array.from({ length: MAX_SNAPSHOTS }, (_, i) => i + 1);
    const p = placeSnapshot(read(['A'], dates), { asOf: d(MAX_SNAPSHOTS + 10), ids: ['A'] });
    expect(p.kind === 'refused' && p.reason).toBe('full');
  });

  test('rows by trimmed ID; new IDs appended in build order; absent customers blanked', () => {
    const p = placeSnapshot(read([' A ', 'B', '', 'C', 'B'], [d(1)]), { asOf: d(2), ids: ['C', 'X', 'A', 'Y ', 'X'] });
    if (p.kind !== 'write') throw new Error('refused');
    expect(p.rowOf).toEqual([3, 5, 0, 6, -1]);
    expect(p.appendedIds).toEqual(['X', 'Y']);
    expect(p.existingRows).toBe(5);
    expect(p.totalRows).toBe(7);
    // B (row 1) is not in the build, row 2 has no ID, row 4 repeats B.
    expect(p.blankRows).toEqual([1, 2, 4]);
  });

  const idArb = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', ' A', 'B ', '');
  test('property: never drops or duplicates a row; every existing row keeps its place', () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 12 }), fc.array(idArb, { maxLength: 12 }), (sheetIds, buildIds) => {
        const p = placeSnapshot(read(sheetIds, [d(10)]), { asOf: d(20), ids: buildIds });
        if (p.kind !== 'write') return false;
        // The new ID column: existing rows unchanged, appended IDs after them.
        const column = [...sheetIds, ...p.appendedIds];
        expect(column.slice(0, sheetIds.length)).toEqual(sheetIds);
        // Each trimmed ID appears at most once among rows that are new, and never repeats an existing one.
        const trimmedExisting = new Set(sheetIds.map((s) => s.trim()));
        for (const id of p.appendedIds) expect(trimmedExisting.has(id)).toBe(false);
        expect(new Set(p.appendedIds).size).toBe(p.appendedIds.length);
        // Every build ID has a row holding that ID; no two build entries share a row.
        const used = p.rowOf.filter((r) => r >= 0);
        expect(new Set(used).size).toBe(used.length);
        p.rowOf.forEach((row, i) => {
          if (row >= 0) expect(column[row]?.trim()).toBe(buildIds[i]?.trim());
          else expect(buildIds[i]?.trim() === '' || buildIds.slice(0, i).some((x) => x.trim() === buildIds[i]?.trim())).toBe(true);
        });
        // Every distinct non-blank build ID is written once.
        const distinct = new Set(buildIds.map((s) => s.trim()).filter((s) => s !== ''));
        expect(used.length).toBe(distinct.size);
        // Every row of the group is either written or blanked, never both.
        const blank = new Set(p.blankRows);
        for (let row = 0; row < p.totalRows; row += 1) expect(blank.has(row) !== used.includes(row) || row >= p.existingRows).toBe(true);
        return true;
      }),
    );
  });

  test('property: earlier groups are never the target (only the same date or a group after every dated one)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 8 }), fc.integer({ min: 1, max: 70 }), (raw, asOf) => {
        const dates = [...raw].sort((a, b) => a - b);
        const p = placeSnapshot(read(['A'], dates), { asOf: d(asOf), ids: ['A'] });
        const last = dates[dates.length - 1];
        if (last !== undefined && asOf < last && !dates.includes(asOf)) return p.kind === 'refused';
        if (p.kind !== 'write') return false;
        if (dates.includes(asOf)) return p.group === dates.indexOf(asOf) && p.replaced;
        return p.group === dates.length && !p.replaced;
      }),
    );
  });
});

describe('previousGroup and historyInputFromReadBack', () => {
  test.each([
    ['no groups', [], 100, null],
    ['latest before as-of', [10, 20, 30], 25, 1],
    ['same date is not previous', [10, 20, 30], 30, 1],
    ['later build: the last group', [10, 20, 30], 99, 2],
    ['blank dates ignored', [10, null, 20, null], 99, 2],
    ['nothing before', [10, 20], 5, null],
  ])('%s', (_name, dates, asOf, group) => {
    expect(previousGroup(dates.map((x) => (x === null ? null : d(x))), d(asOf))?.group ?? null).toBe(group);
  });

  test('previous tiers by trimmed ID, first row wins, blanks absent', () => {
    const r = read([' A', 'B', 'C', '', 'A'], [d(10), d(20)]);
    const input = historyInputFromReadBack(r, { group: 1, asOf: d(20) }, ['Gold ', '', 'Silver', 'Bronze', 'Bronze']);
    expect(input.earlier).toBe(EMPTY_HISTORY);
    expect(input.previousAsOf).toBe(20);
    expect([...input.previousTier]).toEqual([
      ['A', 'Gold'],
      ['C', 'Silver'],
    ]);
  });

  test('no previous group: empty map, null date', () => {
    const input = historyInputFromReadBack(read(['A'], [d(10)]), null, ['Gold']);
    expect(input.previousTier.size).toBe(0);
    expect(input.previousAsOf).toBeNull();
  });
});

describe('countMovements', () => {
  const ranks = tierRankByName(DEFAULT_TIERS, 'en');
  test('ranks by standing, not list order: Prospect < New < Regular < Silver < Gold (the 1-based ranks of the Change formula)', () => {
    expect(['prospect', 'new', 'regular', 'silver', 'gold'].map((k) => ranks.get(k))).toEqual([1, 2, 3, 4, 5]);
    expect(ranks.get('金卡')).toBe(5);
  });
  test.each([
    ['up', 'Silver', 'Gold', { up: 1 }],
    ['down', 'Gold', 'Regular', { down: 1 }],
    ['same, any case and spaces', ' gold', 'Gold', { same: 1 }],
    ['new', undefined, 'Gold', { new: 1 }],
    ['previous in the other language', '银卡', 'Gold', { up: 1 }],
    ['unlisted', 'Platinum', 'Gold', { unlisted: 1 }],
  ])('%s', (_name, before, now, expected) => {
    const previous = new Map(before === undefined ? [] : [['A', before]]);
    expect(countMovements(previous, { ids: ['A'], tier: [now] }, ranks)).toEqual({ up: 0, down: 0, same: 0, new: 0, unlisted: 0, ...expected });
  });
});

describe('historyInputFromWire (the worker side of the pane read)', () => {
  test('pairs back into the map; earlier history empty', () => {
    const input = historyInputFromWire({ previousTier: [['A', 'Gold'], ['B', 'Silver']], previousAsOf: d(20) });
    expect([...input.previousTier]).toEqual([['A', 'Gold'], ['B', 'Silver']]);
    expect(input.previousAsOf).toBe(20);
    expect(input.earlier).toBe(EMPTY_HISTORY);
  });
});

describe('historyBefore (the worker, once the real as-of date is known)', () => {
  const input = { earlier: EMPTY_HISTORY, previousTier: new Map([['A', 'Gold']]), previousAsOf: d(200) };
  test.each([
    ['previous snapshot before the as-of date: kept', 201, 1],
    ['previous snapshot on the as-of date (the pane expected a later date): no previous grades', 200, 0],
    ['previous snapshot after the as-of date: no previous grades', 150, 0],
  ])('%s', (_name, asOf, kept) => {
    const out = historyBefore(input, d(asOf));
    expect(out.previousTier.size).toBe(kept);
    expect(out.previousAsOf).toBe(kept === 1 ? d(200) : null);
  });
});
