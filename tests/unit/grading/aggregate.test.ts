import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { aggregateTransactions } from '../../../src/domain/grading';
import { decimalToCents, sumToCents } from '../../../src/domain/grading/aggregate';
import type { CarriedValue, FieldKey, TransactionLine } from '../../../src/domain/types';
import { D } from './helpers';

let row = 1;
const line = (customerId: string, day: string, amount: number, orderId: string | null = null, profile: Partial<Record<FieldKey, CarriedValue>> = {}, sourceRow?: number): TransactionLine => ({
  customerId,
  sourceRow: sourceRow ?? ++row,
  day: D(day),
  amount,
  orderId,
  profile,
});

describe('aggregateTransactions (GRADING.md §2)', () => {
  it('same-day lines without order IDs are one order; different days are separate orders', () => {
    const { records } = aggregateTransactions([line('c1', '2024-01-05', 10), line('c1', '2024-01-05', 15.5), line('c1', '2024-02-01', 4.5)]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ frequency: 2, monetary: 30, firstPurchase: D('2024-01-05'), lastPurchase: D('2024-02-01') });
  });

  it('an order ID spanning two days is one order dated by its latest line', () => {
    const { records } = aggregateTransactions([line('c1', '2024-03-01', 50, 'SO-1'), line('c1', '2024-03-02', 25, 'SO-1'), line('c1', '2024-01-10', 5, 'SO-0')]);
    expect(records[0]).toMatchObject({ frequency: 2, monetary: 80, firstPurchase: D('2024-01-10'), lastPurchase: D('2024-03-02') });
  });

  it('a refund (-120.50) counts in spend; an order netting <= 0 is not a purchase', () => {
    const { records, issues } = aggregateTransactions([
      line('c1', '2024-01-01', 300, 'A'),
      line('c1', '2024-02-01', 120.5, 'B'),
      line('c1', '2024-02-03', -120.5, 'B'), // cancelled: order B nets 0
      line('c1', '2024-03-01', -120.5, 'R'), // a stand-alone refund order
    ]);
    expect(records[0]).toMatchObject({ frequency: 1, monetary: 179.5, firstPurchase: D('2024-01-01'), lastPurchase: D('2024-01-01') });
    expect(issues).toEqual([]);
  });

  it('a customer whose orders all net <= 0 is a prospect with spend max(0, sum), reported when the sum is negative', () => {
    const { records, issues } = aggregateTransactions([line('r', '2024-01-01', -120.5, null, {}, 7), line('z', '2024-01-01', 10, 'Z'), line('z', '2024-01-02', -10, 'Z')]);
    expect(records.map((r) => [r.id, r.frequency, r.monetary, r.firstPurchase, r.lastPurchase])).toEqual([
      ['r', 0, 0, null, null],
      ['z', 0, 0, null, null],
    ]);
    expect(issues.map((i) => [i.code, i.row, i.value])).toEqual([['negative-spend', 7, '-120.50']]);
    expect(issues[0]?.message.zh).toContain('第 7 行');
  });

  it('lines summing to 0.30 give exactly 0.3 (no 0.1 + 0.2 noise), and a 0.1 + 0.2 - 0.3 order is not a purchase', () => {
    const { records } = aggregateTransactions([line('a', '2024-01-01', 0.1), line('a', '2024-01-01', 0.2), line('b', '2024-01-01', 0.1, 'X'), line('b', '2024-01-01', 0.2, 'X'), line('b', '2024-01-01', -0.3, 'X')]);
    expect(records[0]?.monetary).toBe(0.3);
    expect(records[0]?.frequency).toBe(1);
    expect(records[1]).toMatchObject({ frequency: 0, monetary: 0 });
  });

  it('customers come out in order of first appearance with the row of their first line', () => {
    const { records } = aggregateTransactions([line('b', '2024-01-02', 1, null, {}, 5), line('a', '2024-01-01', 1, null, {}, 6), line('b', '2024-01-03', 1, null, {}, 7)]);
    expect(records.map((r) => [r.id, r.sourceRow])).toEqual([
      ['b', 5],
      ['a', 6],
    ]);
  });

  it('the same order ID used by two customers is two orders', () => {
    const { records } = aggregateTransactions([line('a', '2024-01-01', 5, 'X'), line('b', '2024-01-02', 5, 'X'), line('a', '2024-01-03', 5, 'X')]);
    expect(records.map((r) => [r.id, r.frequency, r.monetary, r.lastPurchase])).toEqual([
      ['a', 1, 10, D('2024-01-03')],
      ['b', 1, 5, D('2024-01-02')],
    ]);
  });

  it('profile fields: the latest non-empty value by date wins; on the same date the later row', () => {
    const { records } = aggregateTransactions([
      line('a', '2024-03-01', 1, null, { name: 'Later date', owner: 'Wang' }, 10),
      line('a', '2024-01-01', 1, null, { name: 'Early', phone: '138' }, 11),
      line('a', '2024-03-01', 1, null, { owner: 'Li' }, 12),
      line('a', '2024-04-01', 1, null, { name: '  ', owner: null }, 13),
      line('a', '2024-02-01', 1, null, { tierOverride: 'Gold' }, 14),
    ]);
    expect(records[0]?.profile).toEqual({ name: 'Later date', owner: 'Li', phone: '138', tierOverride: 'Gold' });
    expect(records[0]?.tierOverride).toBe('Gold');
    expect(records[0]?.carried).toEqual({});
  });

  it('reports progress to the end', () => {
    const calls: number[] = [];
    aggregateTransactions([line('a', '2024-01-01', 1)], { onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([1]);
  });
});

describe('exact decimal sums rounded half away from zero at the cent', () => {
  it.each([
    [[0.1, 0.2], 30],
    [[0.1, 0.2, -0.3], 0],
    [[19.99, 0.01], 2000],
    [[1.005], 101], // binary 1.005 is 1.00499999...; the decimal is a half cent, rounded away from zero
    [[-1.005], -101],
    [[0.333, 0.333, 0.333], 100], // 0.999 -> 1.00
    [[0.3333, 0.3333], 67], // 0.6666 -> 0.67
    [[0.125], 13],
    [[0.124], 12],
    [[-120.5, 100], -2050],
    [[1e12 + 0.01, 0.02], 1e14 + 3],
    [[5, -0.004], 500], // 4.996 -> 5.00
    [[-5, 0.004], -500],
  ])('sum of %j is %p cents', (amounts, cents) => {
    expect(sumToCents(amounts)).toBe(cents);
  });

  it.each([
    [1, -500_000, 50], // 1 - 0.5 = 0.50
    [-1, 500_000, -50],
    [0, 5_000, 1],
    [0, -5_000, -1],
    [0, 4_999, 0],
  ])('decimalToCents(%p, %p) = %p', (whole, micros, cents) => {
    expect(decimalToCents(whole, micros)).toBe(cents);
  });

  it('property: summing cent amounts is exact integer arithmetic in cents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 50 }), (cents) => {
        return sumToCents(cents.map((c) => c / 100)) === cents.reduce((a, b) => a + b, 0);
      }),
    );
  });
});
