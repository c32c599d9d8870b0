/**
 * Regression guard for the optimised aggregateTransactions (typed order
 * columns, previous-line lookup cache, numeric keys for order IDs shared by
 * several customers): on random logs it must equal a plain implementation
 * written straight from GRADING.md §2, in integer cents.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DayNumber } from '../../../src/domain/dates';
import { aggregateTransactions } from '../../../src/domain/grading';
import type { TransactionLine } from '../../../src/domain/types';
import { D } from './helpers';

interface ReferenceRecord {
  id: string;
  sourceRow: number;
  frequency: number;
  monetary: number;
  firstPurchase: number | null;
  lastPurchase: number | null;
}

/** GRADING.md §2 with amounts that are whole cents: orders keyed by (customer, order ID or day). */
function referenceAggregate(lines: readonly TransactionLine[]): { records: ReferenceRecord[]; issues: [string, number | null][] } {
  const byCustomer = new Map<string, { row: number; cents: number; orders: Map<string, { day: number; cents: number }> }>();
  for (const line of lines) {
    let customer = byCustomer.get(line.customerId);
    if (customer === undefined) {
      customer = { row: line.sourceRow, cents: 0, orders: new Map() };
      byCustomer.set(line.customerId, customer);
    }
    const cents = Math.round(line.amount * 100);
    customer.cents += cents;
    const key = line.orderId === null ? `day ${line.day}` : `id ${line.orderId}`;
    const order = customer.orders.get(key) ?? { day: line.day, cents: 0 };
    order.day = Math.max(order.day, line.day);
    order.cents += cents;
    customer.orders.set(key, order);
  }
  const issues: [string, number | null][] = [];
  const records = [...byCustomer].map(([id, c]) => {
    const purchaseDays = [...c.orders.values()].filter((o) => o.cents > 0).map((o) => o.day);
    if (c.cents < 0) issues.push(['negative-spend', c.row]);
    return {
      id,
      sourceRow: c.row,
      frequency: purchaseDays.length,
      monetary: Math.max(0, c.cents) / 100,
      firstPurchase: purchaseDays.length === 0 ? null : Math.min(...purchaseDays),
      lastPurchase: purchaseDays.length === 0 ? null : Math.max(...purchaseDays),
    };
  });
  return { records, issues };
}

const START = D('2024-01-01');
const lineSpec = fc.record({
  customer: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', '007'), fc.integer({ min: 1, max: 30 }).map((k) => `k${k}`)),
  // a small pool of IDs, so several customers share an ID, and null (day-keyed orders)
  orderId: fc.constantFrom(null, null, 'X', 'Y', 'Z', 'INV-1'),
  day: fc.integer({ min: 0, max: 6 }),
  cents: fc.oneof(fc.integer({ min: -5_000, max: 20_000 }), fc.constantFrom(0, -100, 100)),
  repeat: fc.integer({ min: 1, max: 3 }), // consecutive copies exercise the previous-line cache
});

const toLines = (specs: readonly { customer: string; orderId: string | null; day: number; cents: number; repeat: number }[]): TransactionLine[] => {
  const lines: TransactionLine[] = [];
  for (const s of specs) {
    for (let k = 0; k < s.repeat; k++) {
      // A fresh string per line, as a parser makes them (equal text, different objects).
      const customerId = [...s.customer].join('');
      lines.push({ customerId, sourceRow: lines.length + 2, day: (START + s.day) as DayNumber, amount: s.cents / 100, orderId: s.orderId === null ? null : [...s.orderId].join(''), profile: {} });
    }
  }
  return lines;
};

describe('aggregateTransactions equals the plain GRADING.md §2 reference', () => {
  it('on random logs with order IDs shared across customers, day-keyed orders, refunds and repeated lines', () => {
    fc.assert(
      fc.property(fc.array(lineSpec, { maxLength: 80 }), (specs) => {
        const lines = toLines(specs);
        const fast = aggregateTransactions(lines);
        const reference = referenceAggregate(lines);
        expect(fast.records.map((r) => ({ id: r.id, sourceRow: r.sourceRow, frequency: r.frequency, monetary: r.monetary, firstPurchase: r.firstPurchase, lastPurchase: r.lastPurchase }))).toEqual(reference.records);
        expect(fast.issues.map((i) => [i.code, i.row])).toEqual(reference.issues);
      }),
      { numRuns: 500 },
    );
  });

  it('one order ID shared by 25 customers over three rounds (past the chained first customers, into the keyed map)', () => {
    const specs = [0, 1, 2].flatMap((round) => Array.from({ length: 25 }, (_, k) => ({ customer: `k${(k * 7 + round) % 25}`, orderId: 'X', day: round, cents: round === 2 && k % 3 === 0 ? -20_000 : 1_000 + k, repeat: 1 })));
    const lines = toLines(specs);
    const fast = aggregateTransactions(lines);
    const reference = referenceAggregate(lines);
    expect(fast.records.map((r) => ({ id: r.id, sourceRow: r.sourceRow, frequency: r.frequency, monetary: r.monetary, firstPurchase: r.firstPurchase, lastPurchase: r.lastPurchase }))).toEqual(reference.records);
    expect(fast.issues.map((i) => [i.code, i.row])).toEqual(reference.issues);
    expect(new Set(fast.records.map((r) => r.frequency))).toEqual(new Set([0, 1]));
  });

  it('regression: an ID first used by one customer, then another, then the first again, is two orders (not three, not one)', () => {
    const line = (customerId: string, orderId: string, day: string, amount: number, row: number): TransactionLine => ({ customerId, sourceRow: row, day: D(day), amount, orderId, profile: {} });
    const { records } = aggregateTransactions([line('a', 'X', '2024-01-01', 10, 2), line('b', 'X', '2024-01-02', 5, 3), line('a', 'X', '2024-01-03', 1, 4), line('b', 'X', '2024-01-04', -5, 5)]);
    expect(records.map((r) => [r.id, r.frequency, r.monetary, r.lastPurchase])).toEqual([
      ['a', 1, 11, D('2024-01-03')],
      ['b', 0, 0, null],
    ]);
  });
});
