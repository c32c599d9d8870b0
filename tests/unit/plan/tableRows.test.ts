/**
 * The Customers table's rows extended in place while one build assembles the
 * plan (src/plan/parts/tableRows.ts), and copied once the plan is handed out.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { extendRows, markExtendable, releaseRows } from '../../../src/plan/parts/tableRows';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import { buildCustomersTable } from '../../../src/plan/parts/customersTable';
import { withQuality } from '../../../src/plan/qualitySheet';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/domain/prediction';
import { EMPTY_HISTORY, type HistoryInput } from '../../../src/domain/history';
import { dayFromYmd } from '../../../src/domain/dates';
import type { PlanValue, TablePlan } from '../../../src/plan/types';
import type { RawGrid } from '../../../src/domain/types';
import { cdnowLog } from '../../support/predictionSummaryFixtures';

const text = (t: string): PlanValue => ({ kind: 'text', text: t });

describe('extendRows', () => {
  it('copies rows that are not extendable: the input stays as it was, a cell replaced in `row` changes only the copy', () => {
    const rows: PlanValue[][] = [[text('a')], [text('b')]];
    const before = structuredClone(rows);
    const out = extendRows<PlanValue>(rows, (row, i) => {
      row[0] = text(`new ${i}`);
      return [text(`x${i}`)];
    });
    expect(rows).toEqual(before);
    expect(out).not.toBe(rows);
    expect(out).toEqual([[text('new 0'), text('x0')], [text('new 1'), text('x1')]]);
  });

  it('extends marked rows in place, and copies again once they are released', () => {
    const rows: PlanValue[][] = [[text('a')], [text('b')]];
    const cached: (string | null)[][] = [[null], ['b']];
    markExtendable({ rows, cachedResults: cached } as unknown as TablePlan);
    const first = extendRows<PlanValue>(rows, (_, i) => [text(`x${i}`)]);
    expect(first).toBe(rows);
    expect(rows).toEqual([[text('a'), text('x0')], [text('b'), text('x1')]]);
    expect(extendRows(cached, () => [null])).toBe(cached);
    releaseRows({ rows, cachedResults: cached } as unknown as TablePlan);
    const second = extendRows<PlanValue>(rows, () => [null]);
    expect(second).not.toBe(rows);
    expect(rows[0]).toHaveLength(2);
    expect(second[0]).toHaveLength(3);
    expect(extendRows(cached, () => [null])).not.toBe(cached);
  });

  it('gives, in place or copied, the same rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 8 }), fc.array(fc.string(), { maxLength: 3 }), (grid, extra) => {
        const copied = extendRows<string>(grid, (_, i) => [...extra, String(i)]);
        const owned = grid.map((r) => r.slice());
        markExtendable({ rows: owned } as unknown as TablePlan);
        expect(extendRows<string>(owned, (_, i) => [...extra, String(i)])).toEqual(copied);
      }),
    );
  });
});

describe('the plan with every part that appends columns (prediction, history, quality)', () => {
  // A CDNOW-shaped order log, large enough for the purchase model to fit (so the prediction columns exist).
  const GRID: RawGrid = cdnowLog([1126]);
  const ids = [...new Set(GRID.slice(1).map((row) => String(row[0])))];
  const HISTORY: HistoryInput = { earlier: EMPTY_HISTORY, previousTier: new Map([[ids[0]!, 'Gold'], [ids[1]!, '银卡'], [ids[2]!, 'Prospect']]), previousAsOf: dayFromYmd(1998, 1, 1) };
  const build = () =>
    gradeGrid(GRID, {
      import: { kind: 'transactions' },
      settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(1998, 7, 1) } },
      locale: 'en',
      today: dayFromYmd(2026, 1, 1),
      history: HISTORY,
      prediction: DEFAULT_PREDICTION_SETTINGS,
      carried: { overrides: new Map(), notes: new Map([[ids[3]!, 'call back']]) },
    });

  it('has every row and every cached row as wide as the columns', () => {
    const { plan } = build();
    const table = plan.tables[0]!;
    expect(table.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['pAlive', 'previousTier', 'tierChange', 'dataIssues']));
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    for (const row of table.cachedResults!) expect(row).toHaveLength(table.columns.length);
    const notes = table.columns.findIndex((c) => c.key === 'notes');
    expect(table.rows.filter((row) => row[notes] !== null).map((row) => row[notes])).toEqual([{ kind: 'text', text: 'call back' }]);
  });

  it('is the same plan when built twice from one input (no build changes what another holds)', () => {
    const { plan, planInput } = build();
    const again = buildWorkbookPlan(planInput);
    expect(again).toEqual(plan);
    expect(again.tables[0]!.rows).not.toBe(plan.tables[0]!.rows);
  });

  it('leaves a table that buildCustomersTable gives a direct caller unmarked: a later part copies it', () => {
    const { planInput } = build();
    const { table } = buildCustomersTable(planInput, (text) => text.en);
    const width = table.rows[0]!.length;
    const extended = extendRows(table.rows, () => [null]);
    expect(extended).not.toBe(table.rows);
    expect(table.rows[0]).toHaveLength(width);
  });

  it('regression: a finished plan is never extended in place (withQuality on it copies)', () => {
    const { plan, planInput } = build();
    const width = plan.tables[0]!.rows[0]!.length;
    const before = structuredClone(plan.tables[0]!.rows);
    const again = withQuality(plan, planInput.quality!, 'en');
    expect(plan.tables[0]!.rows).toEqual(before);
    expect(plan.tables[0]!.rows[0]).toHaveLength(width);
    expect(again.tables[0]!.rows[0]).toHaveLength(width + 1);
  });
});
