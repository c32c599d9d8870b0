import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dayFromYmd, formatIsoDay } from '../../../src/domain/dates';
import type { DayNumber } from '../../../src/domain/dates';
import type { RawCell } from '../../../src/domain/types';
import {
  civilDay,
  dayMonthReading,
  isFormulaLike,
  parseAmount,
  parseConsent,
  parseCount,
  parseDay,
  parseEmail,
  parseId,
  parseNumber,
  parsePhone,
  parseSatisfaction,
  parseText,
} from '../../../src/domain/import';

const day = (y: number, m: number, d: number): DayNumber => dayFromYmd(y, m, d);

describe('parseDay', () => {
  it.each<[string, RawCell, DayNumber]>([
    ['ISO', '2024-03-05', day(2024, 3, 5)],
    ['slashes, no padding', '2024/3/5', day(2024, 3, 5)],
    ['dashes with a time', '2024-3-5 14:30', day(2024, 3, 5)],
    ['ISO with T, seconds and zone', '2024-03-05T23:59:59+08:00', day(2024, 3, 5)],
    ['dots', '2024.03.05', day(2024, 3, 5)],
    ['年月日', '2024年3月5日', day(2024, 3, 5)],
    ['年月日 with full-width digits', '２０２４年３月５日', day(2024, 3, 5)],
    ['年月日 with time', '2024年3月5日 14:30', day(2024, 3, 5)],
    ['年月号', '2024年03月05号', day(2024, 3, 5)],
    ['YYYYMMDD text (CDNOW)', '19970101', day(1997, 1, 1)],
    ['YYYYMMDD number', 19970112, day(1997, 1, 12)],
    ['Excel serial 45356', 45356, day(2024, 3, 5)],
    ['Excel serial with time fraction', 45356.75, day(2024, 3, 5)],
    ['Excel serial as 5-digit text', '45356', day(2024, 3, 5)],
    ['serial 59 (before the phantom leap day)', 59, day(1900, 2, 28)],
    ['serial 61', 61, day(1900, 3, 1)],
    ['serial 1', 1, day(1900, 1, 1)],
    ['JS Date at UTC midnight', new Date(Date.UTC(2024, 2, 5)), day(2024, 3, 5)],
    ['JS Date with time', new Date(Date.UTC(2024, 2, 5, 23, 30)), day(2024, 3, 5)],
    ['13/04/2024 reads only as day/month', '13/04/2024', day(2024, 4, 13)],
    ['04/13/2024 reads only as month/day', '04/13/2024', day(2024, 4, 13)],
    ['05/05/2024 reads the same either way', '05/05/2024', day(2024, 5, 5)],
    ['5 Mar 2024', '5 Mar 2024', day(2024, 3, 5)],
    ['Mar 5, 2024', 'Mar 5, 2024', day(2024, 3, 5)],
    ['UCI Online Retail m/d/yyyy h:mm, day > 12', '12/13/2010 8:26', day(2010, 12, 13)],
    ['surrounding spaces', '  2024-03-05 ', day(2024, 3, 5)],
  ])('%s', (_name, cell, expected) => {
    expect(parseDay(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RawCell, string]>([
    ['month 13', '2024-13-01', 'invalid-date'],
    ['31 February', '2024-02-31', 'invalid-date'],
    ['words', 'last Tuesday', 'invalid-date'],
    ['serial 60 is the fictitious 1900-02-29', 60, 'excel-serial-60'],
    ['zero', 0, 'invalid-date'],
    ['negative serial', -5, 'invalid-date'],
    ['boolean', true, 'invalid-date'],
    ['small number as text is not a serial', '7', 'invalid-date'],
    ['03/04/2024 without an order', '03/04/2024', 'ambiguous-date'],
    ['invalid YYYYMMDD', '20241340', 'invalid-date'],
    ['invalid Date object', new Date(Number.NaN), 'invalid-date'],
  ])('rejects %s', (_name, cell, code) => {
    expect(parseDay(cell)).toEqual({ ok: false, code });
  });

  it('resolves 03/04/2024 with the chosen day/month order', () => {
    expect(parseDay('03/04/2024', 'dmy')).toEqual({ ok: true, value: day(2024, 4, 3) });
    expect(parseDay('03/04/2024', 'mdy')).toEqual({ ok: true, value: day(2024, 3, 4) });
    expect(dayMonthReading('03/04/2024')).toBe('ambiguous');
    expect(dayMonthReading('13/04/2024')).toBe('dmy-only');
    expect(dayMonthReading('2024-03-04')).toBeNull();
  });

  it('returns an empty value for blank cells', () => {
    expect(parseDay(null)).toEqual({ ok: true, value: null });
    expect(parseDay('   ')).toEqual({ ok: true, value: null });
  });

  it('property: ISO and 年月日 forms round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1900, 3, 1), max: dayFromYmd(2199, 12, 31) }), (n) => {
        const d = n as DayNumber;
        const iso = formatIsoDay(d);
        const [y, m, dd] = iso.split('-').map(Number);
        expect(parseDay(iso)).toEqual({ ok: true, value: d });
        expect(parseDay(`${y}年${m}月${dd}日`)).toEqual({ ok: true, value: d });
        expect(parseDay(`${y}/${m}/${dd}`)).toEqual({ ok: true, value: d });
      }),
    );
  });
});

describe('parseAmount', () => {
  it.each<[string, RawCell, number]>([
    ['￥ with thousands and 元', '￥1,234.50元', 1234.5],
    ['half-width ¥', '¥88', 88],
    ['dollar', '$1,000,000.25', 1000000.25],
    ['RMB prefix', 'RMB 300', 300],
    ['元 suffix', '45元', 45],
    ['full-width digits', '１２３', 123],
    ['full-width comma and dot', '１，２３４．５', 1234.5],
    ['万', '1.2万', 12000],
    ['万元', '1.15万元', 11500],
    ['亿', '3亿', 300000000],
    ['parentheses negative', '(1,234)', -1234],
    ['refund', '-120.50', -120.5],
    ['negative with currency', '-¥120.5', -120.5],
    ['currency then sign', '¥-120.5', -120.5],
    ['plain', '99.99', 99.99],
    ['leading dot', '.5', 0.5],
    ['number cell', 1234.5, 1234.5],
    ['negative number cell', -3, -3],
  ])('%s', (_name, cell, expected) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RawCell]>([
    ['words', 'abc'],
    ['European decimal comma is not guessed', '1,5'],
    ['misplaced separators', '12,34,5'],
    ['two dots', '1.2.3'],
    ['a date', new Date(Date.UTC(2024, 0, 1))],
    ['boolean', false],
    ['currency only', '¥'],
  ])('rejects %s', (_name, cell) => {
    expect(parseAmount(cell)).toEqual({ ok: false, code: 'invalid-amount' });
  });

  it('property: a number formatted with separators and a currency mark parses back to itself', () => {
    const formats: ((s: string) => string)[] = [(s) => s, (s) => `¥${s}`, (s) => `￥${s}元`, (s) => `$${s}`, (s) => `RMB ${s}`, (s) => `${s}元`];
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.integer({ min: 0, max: formats.length - 1 }), fc.boolean(), (cents, f, useParens) => {
        const value = cents / 100;
        const abs = Math.abs(value);
        const grouped = abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const body = formats[f]!(grouped);
        const text = value < 0 ? (useParens ? `(${body})` : `-${body}`) : body;
        expect(parseAmount(text)).toEqual({ ok: true, value: Number(abs.toFixed(2)) * (value < 0 ? -1 : 1) });
      }),
    );
  });
});

describe('parseCount and parseNumber', () => {
  it.each<[RawCell, number | null]>([['12', 12], [3, 3], ['1,234', 1234], ['12次', 12], ['０', 0], ['', null], [null, null]])('count %p', (cell, expected) => {
    expect(parseCount(cell)).toEqual({ ok: true, value: expected });
  });
  it.each<[RawCell, string]>([['-1', 'negative-count'], ['2.5', 'non-integer-count'], ['many', 'invalid-number'], [true, 'invalid-number']])('count %p fails with %s', (cell, code) => {
    expect(parseCount(cell)).toEqual({ ok: false, code });
  });
  it('numbers allow negatives and fractions (UCI returns have negative quantities)', () => {
    expect(parseNumber('-12')).toEqual({ ok: true, value: -12 });
    expect(parseNumber('2.55')).toEqual({ ok: true, value: 2.55 });
    expect(parseNumber('x')).toEqual({ ok: false, code: 'invalid-number' });
  });
});

describe('parseId', () => {
  it.each<[string, RawCell, string, string | undefined]>([
    ['leading zeros kept', '000123', '000123', undefined],
    ['18-digit text kept exactly', '110101199003077777', '110101199003077777', undefined],
    ['integer number without .0', 12345, '12345', undefined],
    ['large safe integer without exponent', 9007199254740991, '9007199254740991', undefined],
    ['18-digit number above 2^53 is flagged (shortest digits, no exponent)', 110101199003077780, '110101199003077780', 'id-precision-lost'],
    ['number above 1e21 has no exponent', 1e21, '1000000000000000000000', 'id-precision-lost'],
    ['scientific notation text from a CSV is flagged', '1.10101E+17', '1.10101E+17', 'id-precision-lost'],
    ['surrounding spaces trimmed', '  A-17 ', 'A-17', undefined],
  ])('%s', (_name, cell, value, warning) => {
    expect(parseId(cell)).toEqual(warning ? { ok: true, value, warning } : { ok: true, value });
  });

  it('property: ID text (without surrounding whitespace) is never changed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== '' && !/^[+-]?\d(\.\d+)?e\+?\d+$/i.test(s)), (id) => {
        expect(parseId(id)).toEqual({ ok: true, value: id });
      }),
    );
  });

  it('property: digit strings of any length (leading zeros, 18 digits) stay exact', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,30}$/), (id) => {
        expect(parseId(id)).toEqual({ ok: true, value: id });
      }),
    );
  });
});

describe('parsePhone', () => {
  it.each<[string, RawCell, string]>([
    ['+86 with dashes', '+86 138-0013-8000', '13800138000'],
    ['full-width digits', '１３８００１３８０００', '13800138000'],
    ['0086 prefix', '0086 13800138000', '13800138000'],
    ['number cell', 13800138000, '13800138000'],
    ['spaces', '138 0013 8000', '13800138000'],
    ['landline kept as typed', '010-12345678', '010-12345678'],
    ['landline with extension', '021-87654321转123', '021-87654321转123'],
    ['400 number', '400-123-4567', '400-123-4567'],
    ['E.164 US', '+1 (415) 555-0100', '+14155550100'],
    ['E.164 UK', '+44 20 7946 0958', '+442079460958'],
  ])('%s', (_name, cell, value) => {
    expect(parsePhone(cell)).toEqual({ ok: true, value });
  });
  it.each<[string, string]>([
    ['too short mobile', '1380013800'],
    ['letters', 'call me'],
    ['mobile with bad prefix', '12800138000'],
    ['too long international', '+123456789012345678'],
  ])('keeps %s as typed with a warning', (_name, typed) => {
    expect(parsePhone(typed)).toEqual({ ok: true, value: typed, warning: 'invalid-phone' });
  });
});

describe('parseEmail, parseSatisfaction, parseConsent', () => {
  it('emails', () => {
    expect(parseEmail(' li.lei@example.com ')).toEqual({ ok: true, value: 'li.lei@example.com' });
    expect(parseEmail('li.lei@example')).toEqual({ ok: true, value: 'li.lei@example', warning: 'invalid-email' });
    expect(parseEmail('a b@c.com')).toEqual({ ok: true, value: 'a b@c.com', warning: 'invalid-email' });
  });
  it.each<[RawCell, number]>([[5, 5], ['4', 4], ['3分', 3], ['4/5', 4], ['满意', 4], ['非常满意', 5], ['１', 1]])('satisfaction %p', (cell, value) => {
    expect(parseSatisfaction(cell)).toEqual({ ok: true, value });
  });
  it.each<RawCell>([0, 6, 4.5, 'great'])('satisfaction %p is kept with a warning', (cell) => {
    expect(parseSatisfaction(cell)).toEqual({ ok: true, value: cell, warning: 'invalid-value' });
  });
  it.each<[RawCell, boolean]>([
    ['yes', true], ['Y', true], ['true', true], ['是', true], ['同意', true], [true, true], [1, true],
    ['no', false], ['N', false], ['FALSE', false], ['否', false], ['不同意', false], [0, false],
  ])('consent %p', (cell, value) => {
    expect(parseConsent(cell)).toEqual({ ok: true, value });
  });
  it('unknown consent text is kept with a warning', () => {
    expect(parseConsent('maybe')).toEqual({ ok: true, value: 'maybe', warning: 'invalid-value' });
  });
});

describe('free text and formula-like values', () => {
  it.each<string>(['=HYPERLINK("http://x","y")', '＝1＋1', '@SUM(1,1)', '=1+1\n', '+cmd', '-2+3', '\tx', '\rx', '\nx', '－1＋1'])('%p is flagged and kept verbatim', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(parseText(text)).toEqual({ ok: true, value: text, warning: 'formula-like-text' });
  });
  it.each<string>(['-120.5', '+86', 'hello', '', ' =not first', '1=1'])('%p is not flagged', (text) => {
    expect(isFormulaLike(text)).toBe(false);
  });
  it('a 40,000-character text keeps its first 32,767 characters, with a warning', () => {
    const note = 'n'.repeat(40_000);
    const parsed = parseText(note);
    expect(parsed).toEqual({ ok: true, value: note.slice(0, 32_767), warning: 'text-too-long' });
  });
});

describe('civilDay', () => {
  it('property: agrees with dates.ts dayFromYmd on every real date, and rejects impossible ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        let expected: number | null;
        try {
          expected = dayFromYmd(y, m, d);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          expected = null;
        }
        expect(civilDay(y, m, d)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });
});
