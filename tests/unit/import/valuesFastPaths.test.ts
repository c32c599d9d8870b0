/**
 * The loops that read common cells without a regular expression (issue 10
 * §2: a streamed log of millions of lines) must answer exactly as the
 * regular expressions they stand in for. The references below are the
 * patterns values.ts keeps for every other shape, copied here as the spec.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dayFromYmd } from '../../../src/domain/dates';
import { civilDay, dayMonthReading, isFormulaLike, parseDay, parseId, parseNumber } from '../../../src/domain/import';
import { simpleNumberValue } from '../../../src/domain/import/values';
import {
  CONSENT_WORDS,
  parseConsent,
  parseConsentInGeneral,
  parsePhone,
  parsePhoneInGeneral,
  parseSatisfaction,
  parseSatisfactionInGeneral,
} from '../../../src/domain/import/profileValues';

const TIME = String.raw`(?:[ T]+\d{1,2}(?::\d{1,2}(?::\d{1,2}(?:[.,]\d+)?)?|时(?:\d{1,2}分(?:\d{1,2}秒)?)?|点(?:\d{1,2}分?)?)\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?`;
const AB_YEAR = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`, 'i');
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const SCIENTIFIC_ID = /^[+-]?\d(?:\.\d+)?e\+?\d+$/i;

/** dayMonthReading by the regular expression alone. */
function referenceReading(text: string): ReturnType<typeof dayMonthReading> {
  const m = AB_YEAR.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = Number(m[3]);
  const dmy = civilDay(year, b, a) !== null;
  const mdy = civilDay(year, a, b) !== null;
  if (dmy && mdy) return a === b ? 'same' : 'ambiguous';
  if (dmy) return 'dmy-only';
  if (mdy) return 'mdy-only';
  return null;
}

/** Text made of the pieces dates, times and numbers are made of, so most samples are near the fast shapes. */
const dateLike = fc
  .array(fc.constantFrom('1', '2', '12', '31', '2024', '0', '00', '9', '-', '/', '.', ' ', '  ', ':', 'T', 't', 'pm', 'Z', '+08:00', ',5', '时', 'e', 'E', '+', '\u3000'), {
    maxLength: 10,
  })
  .map((parts) => parts.join(''));

/** parseDay of a/b/yyyy text by the regular expression alone (undefined for other text). */
function referenceAbDay(text: string, order: 'dmy' | 'mdy' | null): ReturnType<typeof parseDay> | undefined {
  const ab = AB_YEAR.exec(text.normalize('NFKC').trim());
  if (!ab) return undefined;
  const [a, b, year] = [Number(ab[1]), Number(ab[2]), Number(ab[3])];
  const dmy = civilDay(year, b, a);
  const mdy = civilDay(year, a, b);
  if (dmy !== null && mdy !== null && a !== b) return order === null ? { ok: false, code: 'ambiguous-date' } : { ok: true, value: order === 'dmy' ? dmy : mdy };
  const value = mdy ?? dmy;
  return value === null ? { ok: false, code: 'invalid-date' } : { ok: true, value };
}

describe('the per-cell memo of date reading (the streamed read asks twice per cell)', () => {
  /** parseDay answered alone: another text first, so no clean text is remembered from earlier calls. */
  const alone = (cell: string, order: 'dmy' | 'mdy' | null): ReturnType<typeof parseDay> => {
    parseDay('not a date');
    return parseDay(cell, order);
  };

  /** `a/b/yyyy` dates, real or not, with the times of an order log. */
  const abDate = fc
    .tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.constantFrom('2011', '2024', '2100', '0000'), fc.constantFrom('', ' 8:26', ' 23:59:59', '  10:00'), fc.constantFrom('/', '-', '.'))
    .map(([a, b, year, time, sep]) => `${a}${sep}${b}${sep}${year}${time}`);

  it('any sequence of dayMonthReading and parseDay calls answers as the regular expressions do', () => {
    const op = fc.record({
      text: fc.nat(3),
      copy: fc.boolean(),
      reading: fc.boolean(),
      order: fc.constantFrom('dmy' as const, 'mdy' as const, null),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(dateLike, abDate, abDate.map((t) => ` ${t}\u3000`)), { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 12 }), (pool, ops) => {
        for (const { text, copy, reading, order } of ops) {
          const picked = pool[text % pool.length] as string;
          // The same content in another string object, as the next row's cell would be.
          const cell = copy ? [...picked].join('') : picked;
          if (reading) {
            expect(dayMonthReading(cell)).toBe(referenceReading(cell.normalize('NFKC')));
          } else {
            const parsed = parseDay(cell, order);
            expect(parsed).toEqual(referenceAbDay(cell, order) ?? alone(cell, order));
          }
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it.each<[string, string, 'dmy' | 'mdy' | null]>([
    ['3/4/2024 10:00', '4/3/2024 10:00', 'dmy'],
    ['12/1/2011 8:26', '31/1/2011 8:26', null],
    ['1/1/2024', '2/30/2024', 'mdy'],
  ])('reading %s, then %s: the second day is its own, not the first one remembered', (first, second, order) => {
    expect(dayMonthReading(first)).toBe(referenceReading(first));
    expect(parseDay(first, order)).toEqual(referenceAbDay(first, order));
    expect(dayMonthReading(second)).toBe(referenceReading(second));
    expect(parseDay(second, order)).toEqual(referenceAbDay(second, order));
  });
});

describe('fast paths agree with the regular expressions', () => {
  it('dayMonthReading: a/b/yyyy with any time tail', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(dayMonthReading(text)).toBe(referenceReading(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseDay: a/b/yyyy (both orders) and yyyy-m-d give the day their parts name', () => {
    fc.assert(
      fc.property(dateLike, fc.constantFrom('dmy' as const, 'mdy' as const, null), (text, order) => {
        const parsed = parseDay(text, order);
        const ab = AB_YEAR.exec(text.trim());
        const ymd = YMD.exec(text.trim());
        if (ab) {
          const [a, b, year] = [Number(ab[1]), Number(ab[2]), Number(ab[3])];
          const dmy = civilDay(year, b, a);
          const mdy = civilDay(year, a, b);
          if (dmy !== null && mdy !== null && a !== b) {
            expect(parsed).toEqual(order === null ? { ok: false, code: 'ambiguous-date' } : { ok: true, value: order === 'dmy' ? dmy : mdy });
          } else {
            const value = mdy ?? dmy;
            expect(parsed).toEqual(value === null ? { ok: false, code: 'invalid-date' } : { ok: true, value });
          }
        } else if (ymd) {
          const value = civilDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
          expect(parsed).toEqual(value === null ? { ok: false, code: 'invalid-date' } : { ok: true, value });
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseNumber: the loop for plain decimals answers as the general reader (a leading space takes the general path)', () => {
    const numberLike = fc
      .array(fc.constantFrom('0', '1', '12', '999', '.', '-', '+', ',', 'e', ' ', '元', '万'), { maxLength: 7 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(numberLike, (text) => {
        expect(parseNumber(text)).toEqual(parseNumber(` ${text}`));
      }),
      { numRuns: 20_000 },
    );
  });

  it('isFormulaLike: the ASCII first characters by code answer as the Set of formula starts', () => {
    const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);
    const SIGNED_NUMBER = /^[+-]\d+(?:\.\d+)?$/;
    /** The general rule: NFKC of the first characters, then the Set; a signed number is not a formula. */
    const reference = (text: string): boolean => {
      if (text.length === 0) return false;
      const code = text.charCodeAt(0);
      if (code >= 0x4e00 && code <= 0x9fff) return false;
      const first = text.slice(0, 2).normalize('NFKC')[0] ?? '';
      if (!FORMULA_START.has(first)) return false;
      return !(first === '-' || first === '+') || !SIGNED_NUMBER.test(text.length > 40 ? '' : text.trim());
    };
    const start = fc.oneof(fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), fc.constantFrom('＝', '＋', '－', '中', 'é'));
    const rest = fc.array(fc.constantFrom('1', '2.5', ',', '%', ' ', 'A', '=', '+', '-', '(', ')'), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(start, rest, (first, tail) => {
        expect(isFormulaLike(first + tail)).toBe(reference(first + tail));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseId: only an exponent form is flagged as lost digits', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const parsed = parseId(text);
        const trimmed = text.trim();
        if (trimmed === '') expect(parsed).toEqual({ ok: true, value: null });
        else expect(parsed).toEqual(SCIENTIFIC_ID.test(trimmed) ? { ok: true, value: trimmed, warning: 'id-precision-lost' } : { ok: true, value: trimmed });
      }),
      { numRuns: 20_000 },
    );
  });

  it.each<[string, string, 'dmy' | 'mdy' | null, number | string]>([
    ['Online Retail time', '12/1/2010 8:26', 'mdy', dayFromYmd(2010, 12, 1)],
    ['seconds', '1/12/2010 08:26:59', 'dmy', dayFromYmd(2010, 12, 1)],
    ['two spaces before the time', '13/1/2010  8:26', null, dayFromYmd(2010, 1, 13)],
    ['hour and minute of three digits: not a time', '1/1/2010 8:261', null, 'invalid-date'],
    ['a colon with no minutes', '1/1/2010 8:', null, 'invalid-date'],
    ['hour only', '1/1/2010 8', null, 'invalid-date'],
    ['a time the loop leaves to TIME (pm)', '3/4/2010 8:26 pm', 'mdy', dayFromYmd(2010, 3, 4)],
    ['five-digit year', '1/1/20101', null, 'invalid-date'],
    ['mixed separators', '5-21.2016', null, dayFromYmd(2016, 5, 21)],
  ])('%s: %s', (_name, text, order, expected) => {
    const parsed = parseDay(text, order);
    expect(parsed).toEqual(typeof expected === 'number' ? { ok: true, value: expected } : { ok: false, code: expected });
  });
});

describe('the profile cells an archive holds most (plain mobiles, a score, a consent word) answer as the general readers do', () => {
  const phoneLike = fc
    .array(fc.constantFrom('1', '3', '8', '9', '0', '2', '5', ' ', '-', '+86', '+', '１', '３', 'x', '转', '\u3000', '(', ')'), { maxLength: 14 })
    .map((parts) => parts.join(''));
  it('parsePhone = parsePhoneInGeneral on phone-like text and on 11-digit strings (property)', () => {
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.stringMatching(/^1\d{10}$/), fc.stringMatching(/^\d{11}$/), fc.string({ maxLength: 12 })), (text) => {
        expect(parsePhone(text)).toEqual(parsePhoneInGeneral(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(['13812345678', '19900000000', '12812345678', '1381234567', '138123456789', '+8613812345678', ' 13812345678', '１3812345678'])('parsePhone(%j) as in general', (text) => {
    expect(parsePhone(text)).toEqual(parsePhoneInGeneral(text));
  });

  it('parseSatisfaction = parseSatisfactionInGeneral on every one-character text and on score-like text (property)', () => {
    for (let code = 0; code < 0x3000; code++) {
      const text = String.fromCharCode(code);
      expect(parseSatisfaction(text)).toEqual(parseSatisfactionInGeneral(text));
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('1', '4', '5', '6', '0', ' ', '分', '/5', '.', '满意'), { maxLength: 5 }).map((p) => p.join('')), (text) => {
        expect(parseSatisfaction(text)).toEqual(parseSatisfactionInGeneral(text));
      }),
    );
  });

  it('parseConsent = parseConsentInGeneral on every consent word, its case and spacing variants, and other text', () => {
    const variants = CONSENT_WORDS.flatMap((word) => [word, word.toUpperCase(), ` ${word} `, `${word}\u3000`, word.normalize('NFKD')]);
    for (const text of [...variants, '', ' ', '是的', 'maybe', '１', 'Y ']) expect(parseConsent(text)).toEqual(parseConsentInGeneral(text));
    fc.assert(fc.property(fc.string({ maxLength: 6 }), (text) => expect(parseConsent(text)).toEqual(parseConsentInGeneral(text))));
  });
});

describe('simpleNumberValue (a simple number read in the pass that checks its shape)', () => {
  const SIMPLE_NUMBER = /^-?\d+(?:\.\d+)?$/;
  /** The spec: the pattern decides, Number reads. */
  const reference = (text: string): number => (SIMPLE_NUMBER.test(text) ? Number(text) : Number.NaN);

  it.each([
    '0', '-0', '0.0', '-0.0', '007', '2.55', '-2.55', '0.1', '0.3', '1.005', '19.99', '123456789012345', '1234567890123456',
    '99999999999999999999', '0.000000000000001', '9007199254740993', '4.35', '1.15', '', '-', '.5', '5.', '1.2.3', '1e5', '+5', ' 5', '5 ', '１２', '1,234',
  ])('%j reads as Number would', (text) => {
    expect(Object.is(simpleNumberValue(text), reference(text))).toBe(true);
  });

  it('equals Number on random decimals of every length, signs and leading zeros included', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(fc.oneof(decimal, fc.string({ maxLength: 8 })), (text) => {
        expect(Object.is(simpleNumberValue(text), reference(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads money with two decimals exactly as Number does, for every cent up to 100,000.00', () => {
    for (let cents = 0; cents <= 10_000_000; cents += 7) {
      const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      if (simpleNumberValue(text) !== Number(text)) throw new Error(`${text}: ${simpleNumberValue(text)} against ${Number(text)}`);
    }
  });
});
