/**
 * Property tests of the quality rules' invariants (issue 8 §3): duplicate
 * groups over every key kind, the mobile key's idempotence, and the GB 11643
 * and GB 32100 checksums (accept every generated valid code, reject every
 * one-character change).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readIdNumber, readPhone, residentIdCheckCharacter, runQualityChecks, usccCheckCharacter } from '../../../src/domain/quality';
import { dayFromYmd } from '../../../src/domain/dates';
import type { CustomerRecord } from '../../../src/domain/types';

const TODAY = dayFromYmd(2025, 1, 1);
const FULL_WIDTH = (s: string): string => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

/** A valid resident ID: a region code, a real birth date from 1900 to 2024, a sequence, its check character. */
const residentId = fc
  .tuple(fc.integer({ min: 11, max: 82 }), digits(4), fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true }), digits(3))
  .map(([region, area, birth, sequence]) => {
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `${region}${area}${ymd}${sequence}`;
    return first17 + residentIdCheckCharacter(first17);
  });

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccChars = (length: number) => fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: length, maxLength: length }).map((c) => c.join(''));
/** A valid USCC with at least one letter (an all-digit code can also be a resident ID). */
const uscc = fc.tuple(usccChars(2), digits(6), usccChars(8), fc.constantFrom(...'ABCDEFGHJKLMNPQRTUWXY')).map(([head, area, body, letter]) => {
  const first17 = `${head}${area}${letter}${body}`;
  return first17 + usccCheckCharacter(first17);
});

/** The text with character `at` replaced by another of `alphabet`. */
const oneCharacterChange = (code: string, alphabet: string) =>
  fc.tuple(fc.integer({ min: 0, max: code.length - 1 }), fc.integer({ min: 1, max: alphabet.length - 1 })).map(([at, shift]) => {
    const replaced = alphabet[(alphabet.indexOf(code[at]!) + shift) % alphabet.length]!;
    return code.slice(0, at) + replaced + code.slice(at + 1);
  });

describe('GB 11643 resident IDs', () => {
  test('every generated valid ID is accepted, also full-width and with surrounding spaces', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        expect(readIdNumber(id, TODAY)).toEqual({ kind: 'resident-id', valid: true, key: id });
        expect(readIdNumber(` ${FULL_WIDTH(id)}\u3000`, TODAY)).toEqual({ kind: 'resident-id', valid: true, key: id });
      }),
      { numRuns: 500 },
    );
  });
  test('a one-character change is never a valid resident ID (the MOD 11-2 check catches every one)', () => {
    fc.assert(
      fc.property(
        residentId.chain((id) => fc.tuple(fc.constant(id), oneCharacterChange(id, '0123456789X'))),
        ([, changed]) => {
          // Only the last position may hold X; an X elsewhere is not a resident ID's shape at all.
          if (changed.slice(0, 17).includes('X')) return;
          expect(residentIdCheckCharacter(changed)).not.toBe(changed[17]);
          const reading = readIdNumber(changed, TODAY);
          expect(reading?.kind === 'resident-id' && reading.valid).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('GB 32100 Unified Social Credit Codes', () => {
  test('every generated valid code is accepted, also lower-case, full-width and with spaces', () => {
    fc.assert(
      fc.property(uscc, (code) => {
        expect(readIdNumber(code, TODAY)).toEqual({ kind: 'uscc', valid: true, key: code });
        expect(readIdNumber(` ${FULL_WIDTH(code).toLowerCase()} `, TODAY)).toEqual({ kind: 'uscc', valid: true, key: code });
      }),
      { numRuns: 500 },
    );
  });
  test('a one-character change is never a valid code (the MOD 31 check catches every one)', () => {
    fc.assert(
      fc.property(
        uscc.chain((code) => oneCharacterChange(code, USCC_ALPHABET)),
        (changed) => {
          expect(usccCheckCharacter(changed)).not.toBe(changed[17]);
          const reading = readIdNumber(changed, TODAY);
          expect(reading?.kind === 'uscc' && reading.valid).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the mobile key', () => {
  const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
  const typedAs = (m: string) =>
    fc.constantFrom(
      m,
      `+86 ${m}`,
      `0086${m}`,
      `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
      `+86 (${m.slice(0, 3)}) ${m.slice(3, 7)} ${m.slice(7)}`,
      FULL_WIDTH(m),
      `  ${m}\u3000`,
      `${m.slice(0, 3)}.${m.slice(3, 7)}.${m.slice(7)}`,
    );
  test('is idempotent: reading a key gives the same key', () => {
    fc.assert(
      fc.property(mobile.chain((m) => typedAs(m)), (typed) => {
        const first = readPhone(typed);
        expect(first?.valid && first.kind === 'mobile').toBe(true);
        const key = first!.valid ? first!.key : '';
        expect(readPhone(key)).toEqual({ valid: true, kind: 'mobile', key });
      }),
      { numRuns: 1000 },
    );
  });
  test('every way of typing one mobile gives one key', () => {
    fc.assert(
      fc.property(mobile, (m) => {
        const keys = new Set(['', '+86 ', '0086', ' '].map((prefix) => readPhone(prefix + m)).map((r) => (r?.valid ? r.key : null)));
        expect([...keys]).toEqual([m]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('duplicate groups over every key kind', () => {
  test('a group never holds one ID, IDs are not repeated, and each member has one finding of its check', () => {
    const email = fc.constantFrom('li@example.com', 'LI@Example.com', ' li@example.com ', 'wang@example.cn', null);
    const phone = fc.constantFrom('13800138000', '+86 138-0013-8000', '１３８００１３８０００', '13900139000', null);
    const id = fc.constantFrom('11010519491231002X', '11010519491231002x', '91350100M000100Y43', null);
    const name = fc.constantFrom('王伟', ' 王伟', 'Li Lei', 'li  lei');
    const row = fc.record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G'), email, phone, idNumber: id, name, region: fc.constantFrom('上海', '北京') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const records: CustomerRecord[] = rows.map((r, i) => ({
          id: r.id,
          sourceRow: i + 2,
          firstPurchase: null,
          lastPurchase: null,
          frequency: 0,
          monetary: 0,
          tierOverride: null,
          profile: { email: r.email, phone: r.phone, idNumber: r.idNumber, name: r.name, region: r.region },
          carried: {},
        }));
        const result = runQualityChecks({ records, profileFields: ['customerId', 'email', 'phone', 'idNumber', 'name', 'region'], inputKind: 'customers', asOf: TODAY, today: TODAY, importIssues: [], settings: { requiredFields: [], staleContactDays: 180, requireConsent: false } });
        const members = new Map<string, number>();
        for (const group of result.duplicateGroups) {
          expect(group.ids.length).toBeGreaterThanOrEqual(2);
          expect(new Set(group.ids).size).toBe(group.ids.length);
          members.set(group.check, (members.get(group.check) ?? 0) + records.filter((r) => group.ids.includes(r.id) && sharesKey(group.check, r, group.key)).length);
        }
        for (const [check, count] of members) expect(result.findings.filter((f) => f.check === check)).toHaveLength(count);
        expect(result.findingCount).toBe(result.findings.length);
        // The index readers (the Data issues column, the Quality sheet's links) say what the ID readers say.
        expect(result.customerCount).toBe(records.length);
        const summedById = new Map<string, number>();
        records.forEach((r, i) => {
          expect(result.customerIdAt(i)).toBe(r.id);
          expect(result.findingCountOf(i)).toBe(result.findings.filter((_, k) => result.findingCustomerAt(k) === i).length);
          if (result.findingCountOf(i) > 0) summedById.set(r.id, (summedById.get(r.id) ?? 0) + result.findingCountOf(i));
        });
        // Per customer, summed over the customers that share an ID (the records here repeat IDs on purpose).
        expect(summedById).toEqual(result.findingsByCustomer);
        result.findings.forEach((f, i) => {
          const customer = result.findingCustomerAt(i);
          expect(customer === -1 ? null : records[customer]!.id).toBe(f.customerId);
        });
        expect(() => result.findingCountOf(records.length)).toThrow(RangeError);
      }),
      { numRuns: 300 },
    );
  });
});

/** Whether a record carries a group's key (the test's own reading of the normalisations). */
function sharesKey(check: string, record: CustomerRecord, key: string): boolean {
  const p = record.profile;
  if (check === 'duplicate-email') return typeof p.email === 'string' && p.email.trim().toLowerCase() === key;
  if (check === 'duplicate-mobile') {
    const reading = typeof p.phone === 'string' ? readPhone(p.phone) : null;
    return reading?.valid === true && reading.key === key;
  }
  if (check === 'duplicate-name-region') {
    const norm = (s: unknown) => String(s).normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
    return `${norm(p.name)} / ${norm(p.region)}` === key;
  }
  const reading = typeof p.idNumber === 'string' ? readIdNumber(p.idNumber, TODAY) : null;
  return reading?.valid === true && reading.key === key;
}
