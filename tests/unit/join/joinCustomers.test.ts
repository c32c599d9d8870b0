import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { joinCustomers, normalizeCustomerId, normalizeLineIds } from '../../../src/domain/join';
import type { CustomerRecord, TransactionLine } from '../../../src/domain/types';
import { D } from '../grading/helpers';

function archived(id: string, row: number, profile: CustomerRecord['profile'] = {}, figures: Partial<CustomerRecord> = {}): CustomerRecord {
  return { id, sourceRow: row, firstPurchase: null, lastPurchase: null, frequency: 0, monetary: 0, tierOverride: null, profile, carried: {}, ...figures };
}
function ordered(id: string, row: number, frequency: number, monetary: number, last = D('2024-06-01')): CustomerRecord {
  return { id, sourceRow: row, firstPurchase: D('2024-01-01'), lastPurchase: last, frequency, monetary, tierOverride: null, profile: {}, carried: {} };
}
const join = (archive: CustomerRecord[], orders: CustomerRecord[], extra: Partial<Parameters<typeof joinCustomers>[0]> = {}) =>
  joinCustomers({ archive, orders, archiveIdColumn: '客户编号', ordersIdColumn: 'CustomerID', ...extra });

describe('normalizeCustomerId', () => {
  it.each<[string, string, string]>([
    ['trims spaces', '  C001 ', 'C001'],
    ['trims the ideographic space', '\u3000C001\u3000', 'C001'],
    ['folds full-width letters and digits', 'Ａ１００', 'A100'],
    ['folds full-width punctuation', 'C－001', 'C-001'],
    ['reads a float artefact as the integer', '17850.0', '17850'],
    ['reads several zeros after the point too', '17850.000', '17850'],
    ['a full-width float artefact', '１７８５０.０', '17850'],
    ['keeps leading zeros', '007', '007'],
    ['keeps leading zeros with an artefact', '007.0', '007'],
    ['keeps a real decimal', '17850.5', '17850.5'],
    ['keeps letter case', 'abc', 'abc'],
    ['keeps an 18-digit ID exactly', '110101199003071234', '110101199003071234'],
    ['keeps inner spaces', 'C 001', 'C 001'],
  ])('%s: %s -> %s', (_name, raw, expected) => {
    expect(normalizeCustomerId(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (text) => normalizeCustomerId(normalizeCustomerId(text)) === normalizeCustomerId(text)));
  });

  it('its char-code fast path (issue 11 speed) gives what the rules alone give, on any text', () => {
    // The rules as a regex-only reference: fold full-width ASCII and U+3000, trim, read `17850.0` as `17850`.
    const reference = (id: string): string => {
      if (!/[\uff01-\uff5e\u3000]|^\s|\s$|^\d+\.0+$/.test(id)) return id;
      const folded = id.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim();
      return /^(\d+)\.0+$/.exec(folded)?.[1] ?? folded;
    };
    const piece = fc.constantFrom('0', '7', '17850', '.0', '.', 'A', 'ａ', '１', '\u3000', ' ', '\t', '\u00a0', '\ufeff', '\u2028', '客', '~');
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')));
    fc.assert(fc.property(text, (id) => normalizeCustomerId(id) === reference(id)), { numRuns: 2000 });
  });
});

describe('normalizeLineIds', () => {
  const line = (customerId: string, row: number): TransactionLine => ({ customerId, sourceRow: row, day: D('2024-01-01'), amount: 1, orderId: null, profile: {} });
  it('returns the same array when nothing changes', () => {
    const lines = [line('1', 2), line('2', 3)];
    expect(normalizeLineIds(lines)).toBe(lines);
  });
  it('normalises the IDs that need it and keeps the others as they were', () => {
    const lines = [line('1', 2), line('17850.0', 3), line('Ｂ2', 4)];
    const out = normalizeLineIds(lines);
    expect(out.map((l) => l.customerId)).toEqual(['1', '17850', 'B2']);
    expect(out[0]).toBe(lines[0]);
    expect(lines[1]!.customerId).toBe('17850.0');
  });
});

describe('joinCustomers', () => {
  it('grades the archive by the orders, in archive order, with orders-only customers after', () => {
    const result = join(
      [archived('C2', 4, { owner: '王芳' }), archived('C1', 5, { owner: '李强', phone: '13900139000' }), archived('C3', 6, { owner: '赵敏' })],
      [ordered('C1', 2, 3, 300), ordered('C9', 3, 1, 50), ordered('C2', 7, 2, 120)],
    );
    expect(result.records.map((r) => [r.id, r.sourceRow, r.frequency, r.monetary, r.profile.owner ?? null])).toEqual([
      ['C2', 4, 2, 120, '王芳'],
      ['C1', 5, 3, 300, '李强'],
      ['C3', 6, 0, 0, '赵敏'],
      ['C9', 3, 1, 50, null],
    ]);
    expect(result.summary).toEqual({ inBoth: 2, archiveOnly: 1, ordersOnly: 1, archiveOnlyIds: ['C3'], ordersOnlyIds: ['C9'] });
    expect([...result.ordersOnlyIdSet]).toEqual(['C9']);
  });

  it('makes an archive customer without orders a prospect with its profile, whatever figures the archive states', () => {
    const result = join([archived('P1', 2, { name: '潜在客户甲' }, { frequency: 4, monetary: 99, lastPurchase: D('2024-01-01') })], []);
    expect(result.records[0]).toMatchObject({ id: 'P1', frequency: 0, monetary: 0, lastPurchase: null, firstPurchase: null, profile: { name: '潜在客户甲' } });
  });

  it('flags each orders-only customer at its first order line', () => {
    const result = join([archived('A', 2)], [ordered('B', 7, 1, 10), ordered('C', 9, 2, 20)]);
    expect(result.orderIssues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['not-in-archive', 7, 'CustomerID', 'B'],
      ['not-in-archive', 9, 'CustomerID', 'C'],
    ]);
    expect(result.orderIssues[0]!.message.en).toContain('not in the customer archive');
    expect(result.orderIssues[0]!.message.zh).toContain('不在客户档案中');
  });

  it.each<[string, string, string]>([
    ['full-width archive ID', 'Ａ100', 'A100'],
    ['float artefact in the orders', '17850', '17850.0'],
    ['spaces around the archive ID', ' C1 ', 'C1'],
  ])('matches across normalisation: %s', (_name, archiveId, orderId) => {
    const result = join([archived(archiveId, 2)], [ordered(orderId, 3, 1, 10)]);
    expect(result.summary.inBoth).toBe(1);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.id).toBe(normalizeCustomerId(archiveId));
  });

  it('keeps 007 and 7 apart and reports the likely mismatch, naming the archive row', () => {
    const result = join([archived('007', 4)], [ordered('7', 2, 2, 350)]);
    expect(result.summary).toMatchObject({ inBoth: 0, archiveOnly: 1, ordersOnly: 1 });
    const mismatch = result.orderIssues.find((i) => i.code === 'id-format-mismatch')!;
    expect(mismatch).toMatchObject({ row: 2, column: 'CustomerID', value: '7', severity: 'warning' });
    expect(mismatch.message.en).toContain("'007' (row 4)");
    expect(mismatch.message.zh).toContain("'007'（第 4 行）");
  });

  it('reports no mismatch when the zero-padded ID did match its own orders', () => {
    const result = join([archived('007', 4)], [ordered('007', 2, 1, 5), ordered('7', 3, 1, 5)]);
    expect(result.orderIssues.map((i) => i.code)).toEqual(['not-in-archive']);
  });

  it('reports archive IDs that are the same after normalisation, naming both rows, and keeps the first', () => {
    const result = join([archived('A100', 3, { name: 'first' }), archived('Ａ100', 8, { name: 'second' })], [ordered('A100', 2, 1, 10)]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.profile.name).toBe('first');
    expect(result.archiveIssues).toHaveLength(1);
    expect(result.archiveIssues[0]).toMatchObject({ code: 'duplicate-customer-id', row: 8, column: '客户编号', severity: 'error' });
    expect(result.archiveIssues[0]!.message.en).toContain('row 3');
  });

  it('reports order-side IDs that are the same after normalisation (a customer list as the order source)', () => {
    const result = join([archived('17850', 2)], [ordered('17850', 3, 1, 10), ordered('17850.0', 9, 2, 20)]);
    expect(result.records.map((r) => [r.id, r.frequency])).toEqual([['17850', 1]]);
    expect(result.orderIssues.map((i) => [i.code, i.row, i.value])).toEqual([['duplicate-customer-id', 9, '17850.0']]);
    expect(result.orderIssues[0]!.message.en).toContain('row 3');
  });

  it('fills an empty archive profile value from the order log, and never overrides a filled one', () => {
    const order: CustomerRecord = { ...ordered('C1', 2, 1, 10), profile: { owner: 'log owner', region: 'log region' }, carried: { 渠道: '线上' } };
    const result = join([archived('C1', 3, { owner: '王芳', region: null })], [order]);
    expect(result.records[0]!.profile).toEqual({ owner: '王芳', region: 'log region' });
    expect(result.records[0]!.carried).toEqual({ 渠道: '线上' });
  });

  it("reports each archive figure column once, with how many customers' values differ from the orders", () => {
    const result = join(
      [
        archived('C1', 2, {}, { frequency: 3, monetary: 300 }),
        archived('C2', 3, {}, { frequency: 1, monetary: 10 }),
        archived('C3', 4, {}, { frequency: 0, monetary: 0 }),
        archived('C4', 5, {}, { frequency: 2, monetary: 0 }),
      ],
      [ordered('C1', 2, 3, 300), ordered('C2', 3, 2, 10)],
      { archiveFigureColumns: { orderCount: '订单数', totalSpend: '消费总额' } },
    );
    expect(result.archiveIssues.map((i) => [i.code, i.column, i.row])).toEqual([
      ['archive-figures-superseded', '订单数', null],
      ['archive-figures-superseded', '消费总额', null],
    ]);
    expect(result.archiveIssues[0]!.message.en).toContain('2 customers');
    expect(result.archiveIssues[1]!.message.en).not.toContain('customers');
    expect(result.records.map((r) => r.frequency)).toEqual([3, 2, 0, 0]);
  });

  it('lists at most the given number of IDs per group, with exact counts', () => {
    const archive = Array.from({ length: 250 }, (_, i) => archived(`A${i}`, i + 2));
    const orders = Array.from({ length: 130 }, (_, i) => ordered(`O${i}`, i + 2, 1, 1));
    const result = join(archive, orders);
    expect(result.summary.archiveOnly).toBe(250);
    expect(result.summary.archiveOnlyIds).toHaveLength(100);
    expect(result.summary.ordersOnly).toBe(130);
    expect(result.summary.ordersOnlyIds).toHaveLength(100);
    expect(result.summary.ordersOnlyIds[99]).toBe('O99');
  });

  it('every customer of either source appears exactly once (property)', () => {
    const id = fc.constantFrom('1', '01', '001', '2', '２', '3', '3.0', 'A', 'Ａ', ' B', 'B', 'C');
    fc.assert(
      fc.property(fc.array(id, { maxLength: 12 }), fc.array(id, { maxLength: 12 }), (archiveIds, orderIds) => {
        const orders = [...new Set(orderIds.map(normalizeCustomerId))].map((o, i) => ordered(o, i + 2, 1, 1));
        const result = join(archiveIds.map((a, i) => archived(a, i + 2)), orders);
        const ids = result.records.map((r) => r.id);
        const expected = new Set([...archiveIds, ...orderIds].map(normalizeCustomerId));
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(expected);
        const s = result.summary;
        expect(s.inBoth + s.archiveOnly + s.ordersOnly).toBe(ids.length);
        expect(result.archiveIssues.length).toBe(archiveIds.length - new Set(archiveIds.map(normalizeCustomerId)).size);
      }),
    );
  });

  it("with the aggregation's ID index (ordersIndexById) gives exactly what it gives building its own (property)", () => {
    const id = fc.constantFrom('1', '01', '001', '2', '２', '3', '3.0', 'A', 'Ａ', ' B', 'B', 'C');
    fc.assert(
      fc.property(fc.array(id, { maxLength: 12 }), fc.array(id, { maxLength: 12 }), (archiveIds, orderIds) => {
        // As gradeJoined has them: normalised, unique order IDs in order of first appearance.
        const orders = [...new Set(orderIds.map(normalizeCustomerId))].map((o, i) => ordered(o, i + 2, 1 + i, 10 * i));
        const archive = archiveIds.map((a, i) => archived(a, i + 2));
        const indexById = new Map(orders.map((o, i) => [o.id, i] as const));
        expect(join(archive, orders, { ordersIndexById: indexById })).toEqual(join(archive, orders));
      }),
    );
  });

  it('refuses an ID index that does not index the orders', () => {
    const orders = [ordered('A', 2, 1, 1), ordered('B', 3, 1, 1)];
    expect(() => join([archived('A', 2)], orders, { ordersIndexById: new Map([['A', 0]]) })).toThrow(/ordersIndexById/);
  });
});
