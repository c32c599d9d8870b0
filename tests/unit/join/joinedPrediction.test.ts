/**
 * Regression (found merging issue 9 into the join of issue 11): the joined
 * pipeline reorders customers (archive order, then orders-only), while the
 * purchase history the prediction reads is indexed in the order log's order.
 * Joined predictions must be the log's own, customer by customer; archive
 * customers without orders get none; per-rep copies carry no prediction.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/domain/prediction/settings';
import { dayFromYmd, formatIsoDay } from '../../../src/domain/dates';
import { reorderPurchaseHistory } from '../../../src/domain/prediction';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { gradeJoined } from '../../../src/pipeline/gradeJoined';
import { repCopyPlanInput, groupByOwner } from '../../../src/plan/repCopies';
import { DEFAULT_ROLE_PROFILES } from '../../../src/domain/roles';
import type { RawGrid } from '../../../src/domain/types';
import { cdnowSampleLines } from '../prediction/cdnowLog';

const TODAY = dayFromYmd(2026, 1, 1);
const options = { settings: DEFAULT_SETTINGS, locale: 'en' as const, today: TODAY, prediction: DEFAULT_PREDICTION_SETTINGS };

function ordersGrid(): RawGrid {
  return [['CustomerID', 'Date', 'Amount'], ...cdnowSampleLines().map((l) => [l.customerId, formatIsoDay(l.day), l.amount])];
}

describe('prediction over a joined grading', () => {
  it('gives every ordering customer the figures the order log alone gives; archive-only customers none', () => {
    const orders = ordersGrid();
    const ids = [...new Set(orders.slice(1).map((row) => String(row[0])))];
    // The archive lists the customers backwards (so the join reorders them) and adds prospects.
    const archive: RawGrid = [['CustomerID', 'Owner'], ...['P1', 'P2', ...ids.slice().reverse()].map((id, i) => [id, `Rep ${i % 3}`])];
    const alone = gradeGrid(orders, options);
    const joined = gradeJoined(orders, archive, { ...options, archiveImport: {} });
    expect(alone.prediction?.result.status).toBe('ok');
    expect(joined.prediction?.result.status).toBe('ok');
    // The same customers are fitted; only the order of the likelihood's sum differs, so the optimum agrees
    // to far better than a reader sees (the figures are shown to 3 or 4 digits).
    expect(joined.prediction?.result.purchaseModel?.customersUsed).toBe(alone.prediction?.result.purchaseModel?.customersUsed);
    const byId = new Map(alone.report.customers.map((c) => [c.id, c]));
    let compared = 0;
    for (const customer of joined.report.customers) {
      const own = byId.get(customer.id);
      if (own === undefined) {
        expect(customer.pAlive ?? null).toBeNull();
        continue;
      }
      for (const key of ['pAlive', 'expectedPurchases', 'expectedValue', 'clv'] as const) {
        const mine = customer[key];
        const theirs = own[key];
        if (theirs === null || theirs === undefined) expect(mine ?? null).toBeNull();
        else expect(Math.abs((mine as number) - theirs)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(theirs)));
      }
      compared++;
    }
    expect(compared).toBe(ids.length);
  });

  it('reorders a purchase history customer by customer, -1 meaning no purchase', () => {
    const history = { start: Int32Array.from([0, 2, 3]), days: Float64Array.from([10, 20, 30]), netCents: Float64Array.from([100, 200, 300]) };
    const moved = reorderPurchaseHistory(history, Int32Array.from([1, -1, 0]));
    expect([...moved.start]).toEqual([0, 1, 1, 3]);
    expect([...moved.days]).toEqual([30, 10, 20]);
    expect([...moved.netCents]).toEqual([300, 100, 200]);
  });

  it('gives a per-rep copy the prediction of its owner\'s customers only, figures as the master\'s (joined master)', () => {
    const orders = ordersGrid();
    const ids = [...new Set(orders.slice(1).map((row) => String(row[0])))];
    const archive: RawGrid = [['CustomerID', 'Owner'], ...ids.map((id, i) => [id, `Rep ${i % 3}`])];
    const joined = gradeJoined(orders, archive, { ...options, archiveImport: {} });
    expect(joined.planInput.prediction).not.toBeNull();
    const salesRep = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep');
    if (salesRep === undefined) throw new Error('no sales-rep profile');
    const group = groupByOwner(joined.planInput.result.customers)[0];
    if (group === undefined) throw new Error('no owner group');
    const master = joined.planInput.prediction;
    if (master === null || master === undefined) throw new Error('no master prediction');
    const copy = repCopyPlanInput({ master: joined.planInput, profile: salesRep }, group).prediction;
    if (copy === null || copy === undefined) throw new Error('the copy lost the prediction');
    expect(copy.features.length).toBe(group.customers.length);
    const masterIndex = new Map(joined.planInput.result.customers.map((c, i) => [c.record.id, i] as const));
    const expected = group.customers.map((c) => master.result.pAlive[masterIndex.get(c.record.id)!]);
    expect(Array.from(copy.result.pAlive)).toEqual(expected);
  });
});
