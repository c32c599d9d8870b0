/** Tier ranks, the change of one customer and the migration matrix (issue 8 §2). */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_TIERS } from '../../../src/domain/settings';
import { migrationMatrix, previousTierLabel, tierChange, tierRanks } from '../../../src/domain/history';

const LABELS = DEFAULT_TIERS.map((t) => t.label.en); // Prospect, New, Gold, Silver, Regular
const RANKS = tierRanks(DEFAULT_TIERS);

describe('tierRanks', () => {
  it('ranks by rule, not by list order: prospect < new < fallback < score tiers by minimum score', () => {
    expect(RANKS).toEqual([1, 2, 5, 4, 3]);
  });
});

describe('tierChange', () => {
  it.each([
    ['Silver', 'Gold', 'up'],
    ['Prospect', 'Regular', 'up'],
    ['Gold', 'Regular', 'down'],
    ['Silver', 'Silver', 'same'],
    ['silver', 'Silver', 'same'], // MATCH ignores case
    [null, 'Gold', 'new'],
    ['', 'Gold', 'new'],
    ['Platinum', 'Gold', 'unlisted'], // a renamed or removed tier: a clear result, not an error
    ['Gold', '', 'unlisted'],
  ] as const)('%s -> %s is %s', (previous, current, expected) => {
    expect(tierChange(previous, current, LABELS, RANKS)).toBe(expected);
  });
});

describe('previousTierLabel', () => {
  it.each([
    ['金卡', 'en', 'Gold'],
    ['gold', 'zh-CN', '金卡'],
    [' Ｓｉｌｖｅｒ ', 'en', 'Silver'], // NFKC folds full-width letters
    ['Platinum', 'en', 'Platinum'],
  ] as const)('%s in %s is written as %s', (previous, locale, expected) => {
    expect(previousTierLabel(previous, DEFAULT_TIERS, locale)).toBe(expected);
  });
});

describe('migrationMatrix', () => {
  it('counts and sums per previous x current tier, new and unlisted apart, with the totals', () => {
    const m = migrationMatrix(['Silver', 'Silver', 'Gold', null, 'Platinum', 'Regular'], ['Gold', 'Silver', 'Regular', 'New', 'Gold', 'Regular'], [10, 20, 30, 40, 50, 60], LABELS, RANKS);
    expect(m.counts[3]).toEqual([0, 0, 1, 1, 0]);
    expect(m.revenue[2]).toEqual([0, 0, 0, 0, 30]);
    expect(m.newCounts).toEqual([0, 1, 0, 0, 0]);
    expect(m.unlistedCounts).toEqual([0, 0, 1, 0, 0]);
    expect(m.totals).toEqual({
      up: { customers: 1, revenue: 10 },
      down: { customers: 1, revenue: 30 },
      same: { customers: 2, revenue: 80 },
      new: { customers: 1, revenue: 40 },
      unlisted: { customers: 1, revenue: 50 },
    });
  });

  it('property: the cells and the totals each count every customer once', () => {
    const label = fc.constantFrom(...LABELS);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.constantFrom(...LABELS, 'Platinum', 'gold'), { nil: null }), label, fc.integer({ min: 0, max: 10_000 })), { maxLength: 60 }), (rows) => {
        const m = migrationMatrix(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), LABELS, RANKS);
        const cells = m.counts.flat().reduce((a, b) => a + b, 0) + m.newCounts.reduce((a, b) => a + b, 0) + m.unlistedCounts.reduce((a, b) => a + b, 0);
        expect(cells).toBe(rows.length);
        expect(Object.values(m.totals).reduce((a, t) => a + t.customers, 0)).toBe(rows.length);
        expect(m.totals.up.customers + m.totals.down.customers + m.totals.same.customers).toBe(m.counts.flat().reduce((a, b) => a + b, 0));
      }),
    );
  });
});
