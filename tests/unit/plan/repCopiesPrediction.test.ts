/**
 * Per-rep copies carry the prediction (issue 9): each copy's prediction
 * columns hold the master's figures for that owner's customers (matched by
 * customer ID, not by row number), its Settings the master's parameters, and
 * its Summary's call-first list only that owner's customers, ranked as the
 * master ranks them.
 */
import { describe, expect, test } from '@jest/globals';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS, subsetPredictionRun } from '../../../src/domain/prediction';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { buildRepCopyPlans, repCopyPlanInput, groupByOwner } from '../../../src/plan/repCopies';
import { PREDICTION_NAMES } from '../../../src/plan/parts/prediction';
import type { TablePlan } from '../../../src/plan/types';
import { cdnowLog } from '../../support/predictionSummaryFixtures';

const salesRep = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;
const master = gradeGrid(cdnowLog([1126, 2179]), {
  import: { kind: 'transactions' },
  settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(1998, 7, 1) } },
  prediction: DEFAULT_PREDICTION_SETTINGS,
  locale: 'en',
  today: dayFromYmd(2026, 1, 1),
});
const run = master.prediction;
if (!run?.summary) throw new Error('no prediction');

const valueOf = (table: TablePlan, row: number, key: string): unknown => {
  const v = table.rows[row]?.[table.columns.findIndex((c) => c.key === key)];
  return v?.kind === 'number' ? v.value : v?.kind === 'text' ? v.text : null;
};

describe('per-rep copies with the prediction', () => {
  const copies = buildRepCopyPlans({ master: master.planInput, profile: salesRep });
  const masterTable = master.plan.tables[0] as TablePlan;
  const masterRow = new Map(master.grading.customers.map((c, i) => [c.record.id, i] as const));

  test('every copy has the prediction columns, holding the master\'s figures of its own customers', () => {
    expect(copies.length).toBe(3);
    for (const copy of copies) {
      const table = copy.plan.tables[0] as TablePlan;
      // Copies carry no Data issues column (issue 8: the findings name other owners' rows).
      expect(table.columns.map((c) => c.key)).toEqual(masterTable.columns.map((c) => c.key).filter((k) => k !== 'dataIssues'));
      table.rows.forEach((_, i) => {
        const id = valueOf(table, i, 'customerId') as string;
        const m = masterRow.get(id) as number;
        for (const key of ['predRepeatDays', 'expectedPurchases', 'expectedValue', 'clv']) expect(valueOf(table, i, key)).toBe(valueOf(masterTable, m, key));
        // P(active)'s cached result is the master's too.
        const p = table.columns.findIndex((c) => c.key === 'pAlive');
        expect(table.cachedResults?.[i]?.[p]).toBe(masterTable.cachedResults?.[m]?.[p]);
      });
    }
  });

  test('the Settings parameters are the master\'s', () => {
    for (const copy of copies) {
      for (const name of [PREDICTION_NAMES.r, PREDICTION_NAMES.alpha, PREDICTION_NAMES.a, PREDICTION_NAMES.b, PREDICTION_NAMES.p, PREDICTION_NAMES.q, PREDICTION_NAMES.v]) {
        const at = (plan: typeof master.plan) => {
          const address = plan.names.find((n) => n.name === name)?.address;
          return plan.sheets.find((s) => s.key === 'settings')?.cells.find((c) => `$${String.fromCharCode(65 + c.column)}$${c.row + 1}` === address)?.value;
        };
        expect(at(copy.plan)).toEqual(at(master.plan));
      }
    }
  });

  test('each copy\'s call-first list is the master\'s ranking restricted to the owner', () => {
    const groups = groupByOwner(master.grading.customers);
    for (const group of groups) {
      const input = repCopyPlanInput({ master: master.planInput, profile: salesRep }, group);
      const list = input.prediction?.summary?.atRiskHighValue ?? [];
      const ids = new Set(group.customers.map((c) => c.record.id));
      expect(list.every((c) => ids.has(c.id))).toBe(true);
      // The master's high-risk customers of this owner, highest CLV first, equal CLVs in the master's order.
      const expected = master.grading.customers
        .map((c, i) => ({ id: c.record.id, i, p: run.result.pAlive[i] as number, clv: run.result.clv[i] as number }))
        .filter((c) => ids.has(c.id) && c.p < DEFAULT_PREDICTION_SETTINGS.highRiskBelow && Number.isFinite(c.clv))
        .sort((a, b) => b.clv - a.clv || a.i - b.i);
      expect(list.map((c) => c.id)).toEqual(expected.slice(0, 20).map((c) => c.id));
      expect(input.prediction?.summary?.highRisk.customers).toBe(expected.length);
      expect(list.length).toBeGreaterThan(0);
    }
  });

  test('without a prediction, copies have none', () => {
    const off = gradeGrid(cdnowLog(), { import: { kind: 'transactions' }, settings: DEFAULT_SETTINGS, locale: 'en', today: dayFromYmd(2026, 1, 1) });
    const group = groupByOwner(off.grading.customers)[0];
    if (!group) throw new Error('no group');
    expect(repCopyPlanInput({ master: off.planInput, profile: salesRep }, group).prediction).toBeNull();
  });

  test('subsetPredictionRun refuses indexes that do not line up', () => {
    const grading = { ...master.grading, customers: master.grading.customers.slice(0, 2) };
    expect(() => subsetPredictionRun(run, [0], grading, [], [])).toThrow(/1 indexes for 2 customers/);
    expect(() => subsetPredictionRun(run, [0, run.features.length], grading, [], [])).toThrow(/outside the prediction/);
  });
});
