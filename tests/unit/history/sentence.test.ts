/** The migration's sentence and the deck's migration slide (issue 8 §2). */
import { describe, expect, it } from '@jest/globals';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS, DEFAULT_TIERS } from '../../../src/domain/settings';
import type { RawGrid } from '../../../src/domain/types';
import { EMPTY_HISTORY, migrationSentence, tierRanks, type HistoryReport } from '../../../src/domain/history';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { deckSlides, writeDeck } from '../../../src/renderers/pptx/writeDeck';
import { readDeck } from '../../support/pptxParts';

type Migration = NonNullable<HistoryReport['migration']>;
const KEYS = DEFAULT_TIERS.map((t) => t.key); // prospect, new, gold, silver, regular
const LABELS = new Map(DEFAULT_TIERS.map((t) => [t.key, t.label] as const));
const zero = (): number[] => KEYS.map(() => 0);
const total = (customers: number) => ({ customers, revenue: 0 });

function migration(cells: readonly [from: string, to: string, n: number][], up: number, down: number): Migration {
  const counts = KEYS.map(() => zero());
  for (const [from, to, n] of cells) counts[KEYS.indexOf(from)]![KEYS.indexOf(to)] = n;
  return { tiers: KEYS, ranks: tierRanks(DEFAULT_TIERS), counts, revenue: KEYS.map(() => zero()), newCounts: zero(), newRevenue: zero(), unlistedCounts: zero(), unlistedRevenue: zero(), movedUp: total(up), movedDown: total(down), same: total(0), new: total(0), unlisted: total(0) };
}

describe('migrationSentence', () => {
  it.each([
    ['one upward move', migration([['silver', 'gold', 23], ['gold', 'silver', 15]], 23, 15), '23 customers moved up from Silver to Gold; 15 moved down.', '本期 23 位客户从银卡升为金卡，15 位降级。'],
    ['several upward moves: the biggest, and the total', migration([['silver', 'gold', 23], ['regular', 'silver', 8], ['gold', 'regular', 4]], 31, 4), '31 customers moved up (23 from Silver to Gold); 4 moved down.', '本期 31 位客户升级（其中 23 位从银卡升为金卡），4 位降级。'],
    ['nobody moved', migration([], 0, 0), 'No customer moved up; none moved down.', '本期没有客户升级，无客户降级。'],
    ['one customer', migration([['prospect', 'regular', 1]], 1, 0), '1 customer moved up from Prospect to Regular; none moved down.', '本期 1 位客户从潜在客户升为普通客户，无客户降级。'],
  ] as const)('%s', (_name, m, en, zh) => {
    expect(migrationSentence(m, LABELS)).toEqual({ en, zh });
  });
});

describe('the migration slide', () => {
  const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: dayFromYmd(2024, 12, 31) } };
  const GRID: RawGrid = [
    ['Customer ID', 'Last purchase', 'Orders', 'Spend'],
    ['A', '2024-12-01', '30', '90000'],
    ['B', '2024-12-01', '30', '80000'],
    ['C', '2023-01-01', '1', '100'],
  ];
  it('follows the tier chart when the history has an earlier snapshot, with the sentence and the matrix', async () => {
    const history = { earlier: EMPTY_HISTORY, previousTier: new Map([['A', 'Silver'], ['B', 'Silver'], ['C', 'Gold']]), previousAsOf: dayFromYmd(2024, 6, 30) };
    const output = gradeGrid(GRID, { settings: SETTINGS, locale: 'zh-CN', today: dayFromYmd(2025, 1, 1), history });
    const m = output.report.history!.migration!;
    const input = { summary: output.report.summary, settings: SETTINGS, locale: 'zh-CN' as const, asOf: output.grading.asOf, breakpoints: output.grading.breakpoints, sourceName: 'x.csv', migration: m };
    expect(deckSlides(input).slice(0, 4)).toEqual(['title', 'kpis', 'tierChart', 'migration']);
    expect(deckSlides({ summary: input.summary })).not.toContain('migration');
    const deck = await readDeck(await writeDeck(input));
    const slide = deck.slides[3]!;
    expect(slide.text).toContain(migrationSentence(m, new Map(SETTINGS.tiers.map((t) => [t.key, t.label] as const))).zh);
    expect(slide.text).toContain('上期 \\ 本期');
  });
});
