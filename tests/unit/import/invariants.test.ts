import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { RawCell } from '../../../src/domain/types';
import { detectKind, readRecords } from '../../../src/domain/import';

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', '  ', '=1+1', '＝SUM(1)', '-120.50', '1.2万', '(1,234)', '2024年3月5日', '03/04/2024', '13/04/2024', '0', '-1', '2.5', 'N/A', '１２３'),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
);

describe('readRecords invariants on arbitrary cells', () => {
  it('customer list: never crashes; every data row is kept or skipped; skips add up; messages are bilingual', () => {
    const header = ['客户编号', '客户名称', '最近购买日期', '订单数', '消费总额', '手机', '备注', '其他'];
    fc.assert(
      fc.property(fc.array(fc.array(rawCell, { minLength: 0, maxLength: 9 }), { minLength: 1, maxLength: 25 }), (rows) => {
        if (rows.every((r) => r.every((c) => c === null || (typeof c === 'string' && c.trim() === '')))) return;
        const result = readRecords([header, ...rows]);
        if (result.kind !== 'customers') throw new Error('expected customers');
        const { report } = result;
        expect(report.rowsRead).toBe(result.records.length + report.rowsSkipped);
        expect(Object.values(report.skippedByCode).reduce((a, b) => a + (b ?? 0), 0)).toBe(report.rowsSkipped);
        for (const record of result.records) {
          expect(typeof record.id).toBe('string');
          expect(record.monetary).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(record.frequency) && record.frequency >= 0).toBe(true);
          if (record.frequency > 0) expect(record.lastPurchase).not.toBeNull();
        }
        expect(new Set(result.records.map((r) => r.id)).size).toBe(result.records.length);
        for (const issue of report.issues) {
          expect(issue.message.en.length).toBeGreaterThan(0);
          expect(issue.message.zh.length).toBeGreaterThan(0);
          expect(issue.value === null || issue.value.length <= 80).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('transaction log: kept lines have a customer, a day and a finite amount', () => {
    const header = ['客户ID', '下单时间', '数量', '单价', '订单号'];
    fc.assert(
      fc.property(fc.array(fc.array(rawCell, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 25 }), (rows) => {
        if (rows.every((r) => r.every((c) => c === null || (typeof c === 'string' && c.trim() === '')))) return;
        const result = readRecords([header, ...rows]);
        if (result.kind !== 'transactions') throw new Error('expected transactions');
        expect(result.report.rowsRead).toBe(result.lines.length + result.report.rowsSkipped);
        for (const line of result.lines) {
          expect(line.customerId.length).toBeGreaterThan(0);
          expect(Number.isInteger(line.day)).toBe(true);
          expect(Number.isFinite(line.amount)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectKind', () => {
  it.each<[string, string[], number, boolean, string | null, string]>([
    ['list fields only', ['orderCount', 'totalSpend', 'lastPurchase'], 0, false, 'customers', 'high'],
    ['log fields only', ['orderDate', 'amount'], 0, false, 'transactions', 'high'],
    ['mostly log', ['orderDate', 'amount', 'quantity', 'lastPurchase'], 0, false, 'transactions', 'low'],
    ['tie with an order count', ['orderCount', 'orderDate'], 0, false, 'customers', 'low'],
    ['generic 日期 + 金额 only', [], 2, true, 'transactions', 'low'],
    ['nothing known', ['name'], 0, false, null, 'none'],
  ])('%s', (_name, fields, generic, genericDate, kind, confidence) => {
    expect(detectKind(new Set(fields as never[]), generic, genericDate)).toMatchObject({ kind, confidence });
  });
});
