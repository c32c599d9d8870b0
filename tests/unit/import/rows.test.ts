import fc from 'fast-check';
import { describe, expect, it } from '@jest/globals';
import { dayFromYmd } from '../../../src/domain/dates';
import type { CustomerRecord, Issue, RawCell, RawGrid } from '../../../src/domain/types';
import { ImportError, readRecords, roundToCents } from '../../../src/domain/import';
import type { ImportOptions, ImportResult } from '../../../src/domain/import';

const LIST_HEADER = ['客户编号', '客户名称', '最近购买日期', '订单数', '消费总额', '备注', '手机'];

function customers(rows: RawCell[][], options: ImportOptions = {}, header: RawCell[] = LIST_HEADER): Extract<ImportResult, { kind: 'customers' }> {
  const result = readRecords([header, ...rows], options);
  if (result.kind !== 'customers') throw new Error(`expected a customer list, got ${result.kind}`);
  return result;
}

function transactions(grid: RawGrid, options: ImportOptions = {}): Extract<ImportResult, { kind: 'transactions' }> {
  const result = readRecords(grid, options);
  if (result.kind !== 'transactions') throw new Error(`expected a transaction log, got ${result.kind}`);
  return result;
}

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.row}:${i.code}`);
const byId = (records: readonly CustomerRecord[], id: string) => records.find((r) => r.id === id)!;

function thrownBy(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('unusable inputs throw a typed, bilingual ImportError', () => {
  it.each<[string, RawGrid, string]>([
    ['an empty file', [], 'empty-file'],
    ['a file of blank lines', [[''], [], ['', ' ']], 'empty-file'],
    ['headers only', [LIST_HEADER], 'no-data-rows'],
    ['headers and blank rows only', [LIST_HEADER, [''], []], 'no-data-rows'],
    ['required columns missing', [['客户编号', '客户名称'], ['1', 'a']], 'missing-required-field'],
    ['only numbers, no header', [['1', '2'], ['3', '4']], 'no-header'],
  ])('%s', (_name, grid, code) => {
    const error = thrownBy(() => readRecords(grid));
    expect(error.code).toBe(code);
    expect(error.userMessage.en.length).toBeGreaterThan(10);
    expect(error.userMessage.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the missing fields in both languages', () => {
    const error = thrownBy(() => readRecords([['客户编号', '订单数'], ['1', '1']]));
    expect(error.userMessage.en).toContain('Last purchase, Total spend');
    expect(error.userMessage.zh).toContain('最近购买日期、消费总额');
  });
});

describe('customer list', () => {
  it('reads a clean row into a record with profile and carried columns in source order', () => {
    const result = customers(
      [['000123', '张三', '2024-03-05', '3', '￥1,234.50元', '老客户', '+86 138-0013-8000', '展会', 'VIP']],
      {},
      [...LIST_HEADER, '来源', '标签'],
    );
    expect(result.records).toEqual([
      {
        id: '000123',
        sourceRow: 2,
        firstPurchase: null,
        lastPurchase: dayFromYmd(2024, 3, 5),
        frequency: 3,
        monetary: 1234.5,
        tierOverride: null,
        profile: { name: '张三', notes: '老客户', phone: '13800138000' },
        carried: { 来源: '展会', 标签: 'VIP' },
      },
    ]);
    expect(Object.keys(result.records[0]!.carried)).toEqual(['来源', '标签']);
    expect(result.carriedHeaders).toEqual(['来源', '标签']);
    expect(result.report).toMatchObject({ rowsRead: 1, rowsSkipped: 0, skippedByCode: {}, issues: [] });
  });

  it('regression: duplicate customer IDs are reported naming both rows; the first is kept, nothing overwritten', () => {
    const result = customers([
      ['C1', 'first', '2024-01-01', '1', '10'],
      ['C2', 'other', '2024-01-01', '1', '10'],
      ['C1', 'second', '2024-02-01', '5', '500'],
    ]);
    expect(result.records.map((r) => [r.id, r.profile.name])).toEqual([['C1', 'first'], ['C2', 'other']]);
    expect(byId(result.records, 'C1').monetary).toBe(10);
    expect(result.report.rowsSkipped).toBe(1);
    expect(result.report.skippedByCode).toEqual({ 'duplicate-customer-id': 1 });
    const issue = result.report.issues[0]!;
    expect(issue).toMatchObject({ code: 'duplicate-customer-id', severity: 'error', row: 4, column: '客户编号', value: 'C1' });
    expect(issue.message.en).toContain('row 2');
    expect(issue.message.en).toContain('Row 4');
    expect(issue.message.zh).toContain('第 2 行');
  });

  it('regression: formula-like text in name and notes is kept verbatim and flagged', () => {
    const texts = ['=HYPERLINK("http://x","y")', '＝1＋1', '@SUM(1,1)', '=1+1\n'];
    const result = customers(texts.map((t, i) => [`C${i}`, t, '2024-01-01', '1', '1', t]));
    expect(result.records.map((r) => r.profile.name)).toEqual(texts);
    expect(result.records.map((r) => r.profile.notes)).toEqual(texts);
    const flagged = result.report.issues.filter((i) => i.code === 'formula-like-text');
    expect(flagged).toHaveLength(8);
    expect(flagged.map((i) => i.column)).toEqual(['客户名称', '备注', '客户名称', '备注', '客户名称', '备注', '客户名称', '备注']);
    expect(result.report.rowsSkipped).toBe(0);
  });

  it('regression: a refund in a numeric field is a number, not formula-like; a negative spend counts as 0 with a warning', () => {
    const result = customers([['C1', 'a', '2024-01-01', '1', '-120.50']]);
    expect(result.records[0]!.monetary).toBe(0);
    expect(codes(result.report.issues)).toEqual(['2:negative-spend']);
  });

  it('phones: +86 and full-width digits normalise; invalid ones are kept as typed with a warning', () => {
    const result = customers([
      ['C1', 'a', '2024-01-01', '1', '1', '', '+86 138-0013-8000'],
      ['C2', 'b', '2024-01-01', '1', '1', '', '１３８００１３８０００'],
      ['C3', 'c', '2024-01-01', '1', '1', '', '12345'],
    ]);
    expect(result.records.map((r) => r.profile.phone)).toEqual(['13800138000', '13800138000', '12345']);
    expect(codes(result.report.issues)).toEqual(['4:invalid-phone']);
  });

  it('regression: 18-digit IDs and leading zeros stay exact; a number that lost precision is flagged', () => {
    const result = customers([
      ['110101199003077777', 'a', '2024-01-01', '1', '1'],
      ['000042', 'b', '2024-01-01', '1', '1'],
      [42, 'c', '2024-01-01', '1', '1'],
      [110101199003077780, 'd', '2024-01-01', '1', '1'],
    ]);
    expect(result.records.map((r) => r.id)).toEqual(['110101199003077777', '000042', '42', '110101199003077780']);
    expect(codes(result.report.issues)).toEqual(['5:id-precision-lost']);
  });

  it('dates: 年月日, serial 45356, ambiguous 03/04/2024 flagged and skipped, then resolved by dayMonthOrder', () => {
    const rows: RawCell[][] = [
      ['C1', 'a', '2024年3月5日', '1', '1'],
      ['C2', 'b', 45356, '1', '1'],
      ['C3', 'c', '03/04/2024', '1', '1'],
    ];
    const unresolved = customers(rows);
    expect(unresolved.analysis.ambiguousDateCount).toBe(1);
    expect(unresolved.records.map((r) => r.lastPurchase)).toEqual([dayFromYmd(2024, 3, 5), dayFromYmd(2024, 3, 5)]);
    expect(unresolved.report.skippedByCode).toEqual({ 'ambiguous-date': 1 });
    expect(unresolved.report.issues[0]).toMatchObject({ code: 'ambiguous-date', row: 4, column: '最近购买日期', value: '03/04/2024' });

    expect(byId(customers(rows, { dayMonthOrder: 'dmy' }).records, 'C3').lastPurchase).toBe(dayFromYmd(2024, 4, 3));
    expect(byId(customers(rows, { dayMonthOrder: 'mdy' }).records, 'C3').lastPurchase).toBe(dayFromYmd(2024, 3, 4));
  });

  it('suggests a day/month order from unambiguous dates without applying it', () => {
    const result = customers([
      ['C1', 'a', '25/12/2023', '1', '1'],
      ['C2', 'b', '03/04/2024', '1', '1'],
    ]);
    expect(result.analysis.suggestedDayMonthOrder).toBe('dmy');
    expect(result.analysis.dayMonthEvidence).toEqual({ dmyOnly: 1, mdyOnly: 0 });
    expect(result.report.skippedByCode).toEqual({ 'ambiguous-date': 1 });
  });

  it('amounts: ￥1,234.50元, 1.2万, (1,234); spend rounds to cents', () => {
    const result = customers([
      ['C1', 'a', '2024-01-01', '1', '￥1,234.50元'],
      ['C2', 'b', '2024-01-01', '1', '1.2万'],
      ['C3', 'c', '2024-01-01', '1', '(1,234)'],
      ['C4', 'd', '2024-01-01', '1', '10.005'],
    ]);
    expect(result.records.map((r) => r.monetary)).toEqual([1234.5, 12000, 0, 10.01]);
    expect(codes(result.report.issues)).toEqual(['4:negative-spend']);
  });

  it('prospects: empty or zero order count; orders without a last purchase date are skipped', () => {
    const result = customers([
      ['P1', 'a', '', '', ''],
      ['P2', 'b', '', '0', '0'],
      ['X1', 'c', '', '2', '100'],
      ['X2', 'd', '2024-13-01', '2', '100'],
      ['X3', 'e', '2024-01-01', '2.5', '100'],
      ['X4', 'f', '2024-01-01', '2', 'lots'],
      ['', 'g', '2024-01-01', '2', '100'],
    ]);
    expect(result.records.map((r) => [r.id, r.frequency, r.monetary, r.lastPurchase])).toEqual([
      ['P1', 0, 0, null],
      ['P2', 0, 0, null],
    ]);
    expect(result.report.rowsRead).toBe(7);
    expect(result.report.rowsSkipped).toBe(5);
    expect(result.report.skippedByCode).toEqual({
      'orders-without-last-purchase': 1,
      'invalid-date': 1,
      'non-integer-count': 1,
      'invalid-amount': 1,
      'missing-customer-id': 1,
    });
    const invalidDate = result.report.issues.find((i) => i.code === 'invalid-date')!;
    expect(invalidDate.message).toEqual({
      en: "Row 5, column '最近购买日期': '2024-13-01' is not a date. Fix it in the source and import again.",
      zh: "第 5 行「最近购买日期」列：'2024-13-01' 不是有效日期。请在源数据中修改后重新导入。",
    });
  });

  it('regression: a 40,000-character note is kept to 32,767 characters with a warning, quickly', () => {
    const note = '备'.repeat(40_000);
    const started = Date.now();
    const result = customers([['C1', 'a', '2024-01-01', '1', '1', note]]);
    expect(Date.now() - started).toBeLessThan(2_000);
    const kept = result.records[0]!.profile.notes as string;
    expect(kept.length).toBe(32_767);
    expect(note.startsWith(kept)).toBe(true);
    expect(result.report.issues).toHaveLength(1);
    expect(result.report.issues[0]!.code).toBe('text-too-long');
    expect(result.report.issues[0]!.value!.length).toBeLessThanOrEqual(80);
    expect(result.report.issues[0]!.message.en).toContain('40000');
  });

  it('blank rows are not counted; row numbers are the source rows', () => {
    const result = readRecords([['Report'], [], LIST_HEADER, ['C1', 'a', '2024-01-01', '1', '1'], [], ['', '  '], ['C2', 'b', 'bad', '1', '1']]);
    expect(result.analysis.headerRow).toBe(2);
    expect(result.report.rowsRead).toBe(2);
    expect(codes(result.report.issues)).toEqual(['7:invalid-date']);
  });

  it('tier override, satisfaction, consent, email and first purchase', () => {
    const header = ['客户编号', '最近购买日期', '订单数', '消费总额', '手动等级', '满意度', '是否同意营销', '邮箱', '首次购买日期', '最近联系日期'];
    const result = customers(
      [
        ['C1', '2024-01-01', '1', '1', ' 金卡 ', '5', '是', 'a@b.cn', '2023-01-01', '2024-02-02'],
        ['C2', '2024-01-01', '1', '1', '', '9', 'maybe', 'not-an-email', 'soon', 'later'],
      ],
      {},
      header,
    );
    expect(result.records[0]).toMatchObject({
      tierOverride: '金卡',
      firstPurchase: dayFromYmd(2023, 1, 1),
      profile: { satisfaction: 5, consent: true, email: 'a@b.cn', lastContact: dayFromYmd(2024, 2, 2) },
    });
    expect(result.records[1]).toMatchObject({ tierOverride: null, firstPurchase: null, profile: { satisfaction: '9', consent: 'maybe', email: 'not-an-email', lastContact: 'later' } });
    expect(codes(result.report.issues)).toEqual(['3:invalid-date', '3:invalid-value', '3:invalid-value', '3:invalid-email', '3:invalid-date']);
  });

  it('carried Date cells become ISO text, numbers stay numbers', () => {
    const result = customers([['C1', 'a', new Date(Date.UTC(2024, 0, 2)), 1, 1, null, null, new Date(Date.UTC(2024, 0, 3, 9, 30)), 7.5]], {}, [...LIST_HEADER, '登记时间', '积分']);
    expect(result.records[0]!.lastPurchase).toBe(dayFromYmd(2024, 1, 2));
    expect(result.records[0]!.carried).toEqual({ 登记时间: '2024-01-03 09:30', 积分: 7.5 });
  });

  it('issue details are capped per code while counts stay exact', () => {
    const rows: RawCell[][] = Array.from({ length: 30 }, (_, i) => [`C${i}`, '=x', '2024-01-01', '1', '1']);
    const result = customers(rows, { maxIssuesPerCode: 10 });
    expect(result.report.issues).toHaveLength(10);
    expect(result.report.issueCountByCode).toEqual({ 'formula-like-text': 30 });
    expect(result.report.issuesOmittedByCode).toEqual({ 'formula-like-text': 20 });
  });
});

describe('transaction log', () => {
  const header = ['订单号', '客户ID', '下单时间', '数量', '单价', '金额', '客户名称'];

  it('reads lines with full precision and profile fields; refunds stay negative', () => {
    const result = transactions([
      header,
      ['A1', 'C1', '2024-03-05 14:30', '3', '0.1', '0.30000000000000004', '张三'],
      ['A2', 'C1', '2024/3/6', '1', '', '-120.50', ''],
    ]);
    expect(result.lines).toEqual([
      { customerId: 'C1', sourceRow: 2, day: dayFromYmd(2024, 3, 5), amount: 0.30000000000000004, orderId: 'A1', profile: { name: '张三' } },
      { customerId: 'C1', sourceRow: 3, day: dayFromYmd(2024, 3, 6), amount: -120.5, orderId: 'A2', profile: { name: null } },
    ]);
    expect(result.report.issues).toEqual([]);
  });

  it('amount = quantity x unit price when there is no amount column', () => {
    const result = transactions([
      ['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      ['536365', '6', '12/13/2010 8:26', '2.55', '17850', 'United Kingdom'],
      ['C536379', '-1', '12/13/2010 9:41', '27.50', '14527', 'United Kingdom'],
      ['536366', '2', '12/14/2010 9:41', 'n/a', '14527', 'United Kingdom'],
    ]);
    expect(result.lines.map((l) => [l.orderId, l.customerId, l.amount, l.profile.region])).toEqual([
      ['536365', '17850', 6 * 2.55, 'United Kingdom'],
      ['C536379', '14527', -27.5, 'United Kingdom'],
    ]);
    expect(result.report.skippedByCode).toEqual({ 'invalid-amount': 1 });
    expect(result.report.issues[0]).toMatchObject({ row: 4, column: 'UnitPrice', value: 'n/a' });
  });

  it('lines without a customer ID, a date or an amount are skipped and counted, never zero', () => {
    const result = transactions([
      ['customer_id', 'date', 'dollar_value'],
      ['', '19970101', '11.77'],
      ['00002', '', '12.00'],
      ['00003', '19970101', ''],
      ['00004', '19970132', '1'],
      ['00005', '19970101', '0'],
    ]);
    expect(result.lines.map((l) => [l.customerId, l.amount])).toEqual([['00005', 0]]);
    expect(result.report).toMatchObject({
      rowsRead: 5,
      rowsSkipped: 4,
      skippedByCode: { 'missing-customer-id': 1, 'invalid-date': 2, 'invalid-amount': 1 },
    });
  });

  it('unmapped columns of a line are carried', () => {
    const result = transactions([['客户ID', '日期', '金额', '渠道'], ['C1', '2024-01-01', '5', '线上']]);
    expect(result.lines[0]!.carried).toEqual({ 渠道: '线上' });
    expect(result.carriedHeaders).toEqual(['渠道']);
  });

  it('a forced kind wins over detection', () => {
    const grid = [['客户编号', '最近购买日期', '订单数', '消费总额', '下单时间', '金额'], ['C1', '2024-01-01', '1', '5', '2024-01-01', '5']];
    expect(readRecords(grid).kind).toBe('customers');
    expect(readRecords(grid, { kind: 'transactions' }).kind).toBe('transactions');
  });

  it('calls progress every 10,000 rows and at the end', () => {
    const grid: RawCell[][] = [['客户ID', '日期', '金额']];
    for (let i = 0; i < 25_000; i++) grid.push([`C${i % 100}`, '2024-01-01', '1']);
    const calls: [number, number][] = [];
    readRecords(grid, {}, (done, total) => calls.push([done, total]));
    expect(calls).toEqual([[10_000, 25_000], [20_000, 25_000], [25_000, 25_000]]);
  });
});

describe('roundToCents', () => {
  it.each<[number, number]>([[1.005, 1.01], [1234.5, 1234.5], [0.1 + 0.2, 0.3], [2.675, 2.68], [1e-7, 0], [123456789.125, 123456789.13]])('%p -> %p', (value, expected) => {
    expect(roundToCents(value)).toBe(expected);
  });

  it('whole numbers (the shortcut, issue 11 speed) round exactly as the decimal-text path does, -0 to 0', () => {
    const byText = (value: number): number => {
      const text = String(value);
      if (text.includes('e')) return Math.round(value * 100) / 100;
      return Number(`${Math.round(Number(`${text}e2`))}e-2`);
    };
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(-0, 0, 2 ** 46 - 1, -(2 ** 46 - 1), 2 ** 46, 2 ** 53 - 1)), (value) => {
        expect(Object.is(roundToCents(value), byText(value))).toBe(true);
      }),
    );
  });
});

describe('formula-like IDs and headers', () => {
  it('regression: an ID or a header that starts like a formula is kept as typed and flagged', () => {
    const result = customers([['=1+1', 'a', '2024-01-01', '1', '1'], ['-5', 'b', '2024-01-01', '1', '1']], {}, [...LIST_HEADER, '=cmd']);
    expect(result.records.map((r) => r.id)).toEqual(['=1+1', '-5']);
    expect(codes(result.report.issues)).toEqual(['1:formula-like-text', '2:formula-like-text']);
    expect(result.report.issues[0]!.column).toBe('=cmd');
    expect(result.carriedHeaders).toEqual(['=cmd']);
  });
});
