import { describe, expect, it } from '@jest/globals';
import type { IssueCode } from '../../../src/domain/types';
import { issueMessage, makeIssue } from '../../../src/domain/import';

/** Every IssueCode; a Record so the compiler rejects a missing or unknown code. */
const ALL_CODES: Record<IssueCode, true> = {
  'empty-file': true, 'no-header': true, 'no-data-rows': true, 'missing-required-field': true, 'ambiguous-mapping': true,
  'missing-customer-id': true, 'duplicate-customer-id': true, 'invalid-date': true, 'ambiguous-date': true, 'excel-serial-60': true,
  'future-date': true, 'purchase-after-as-of': true, 'invalid-number': true, 'negative-spend': true, 'negative-count': true,
  'non-integer-count': true, 'invalid-amount': true, 'invalid-phone': true, 'invalid-email': true, 'unknown-tier': true,
  'formula-like-text': true, 'text-too-long': true, 'orders-without-last-purchase': true, 'encoding-guessed': true,
  'id-precision-lost': true, 'malformed-csv': true, 'invalid-value': true,
  'not-in-archive': true, 'id-format-mismatch': true, 'archive-figures-superseded': true,
};
const CODES = Object.keys(ALL_CODES) as IssueCode[];
const detail = { otherRow: 3, count: 40000, text: { en: 'Detail', zh: '细节' } };

describe('issue messages', () => {
  it.each(CODES)('%s names the row and column in English and Chinese', (code) => {
    const message = issueMessage(code, 12, '最后下单时间', '2024-13-01', detail);
    expect(message.en.startsWith("Row 12, column '最后下单时间': ")).toBe(true);
    expect(message.zh.startsWith('第 12 行「最后下单时间」列：')).toBe(true);
    expect(message.zh).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(message.en).not.toContain('undefined');
    expect(message.zh).not.toContain('undefined');
  });

  it.each(CODES)('%s reads as a sentence without a row', (code) => {
    const message = issueMessage(code, null, null, null, detail);
    expect(message.en).toMatch(/^[A-Z']/);
    expect(message.en.endsWith('.')).toBe(true);
    expect(message.zh.endsWith('。')).toBe(true);
  });

  it('matches the documented example', () => {
    expect(issueMessage('invalid-date', 12, 'Last order', '2024-13-01')).toEqual({
      en: "Row 12, column 'Last order': '2024-13-01' is not a date. Fix it in the source and import again.",
      zh: "第 12 行「Last order」列：'2024-13-01' 不是有效日期。请在源数据中修改后重新导入。",
    });
  });

  it('shortens long values to 80 characters in the issue and the message', () => {
    const issue = makeIssue('invalid-amount', 'error', 2, 'Amount', 'x'.repeat(500));
    expect(issue.value).toHaveLength(80);
    expect(issue.message.en.length).toBeLessThan(300);
  });
});
