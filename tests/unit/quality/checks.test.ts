import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { runQualityChecks, residentIdCheckCharacter, type QualityInput } from '../../../src/domain/quality';
import { dayFromYmd, type DayNumber } from '../../../src/domain/dates';
import type { CarriedValue, CustomerRecord, FieldKey, Issue } from '../../../src/domain/types';

const TODAY = dayFromYmd(2025, 1, 1);
const AS_OF = dayFromYmd(2024, 12, 31);
const ALL_FIELDS: FieldKey[] = ['customerId', 'name', 'phone', 'email', 'region', 'owner', 'idNumber', 'satisfaction', 'lastContact', 'consent'];

function record(id: string, row: number, profile: Partial<Record<FieldKey, CarriedValue>>, extra: Partial<CustomerRecord> = {}): CustomerRecord {
  const full = { name: `Name ${id}`, owner: 'Li', phone: null, consent: true, ...profile };
  return { id, sourceRow: row, firstPurchase: null, lastPurchase: dayFromYmd(2024, 6, 1), frequency: 1, monetary: 100, tierOverride: null, profile: full, carried: {}, ...extra };
}

function run(records: CustomerRecord[], over: Partial<QualityInput> = {}) {
  return runQualityChecks({
    records,
    profileFields: ALL_FIELDS,
    inputKind: 'customers',
    asOf: AS_OF,
    today: TODAY,
    importIssues: [],
    settings: { requiredFields: ['name', 'owner'], staleContactDays: 180, requireConsent: true },
    ...over,
  });
}

const checksOf = (records: CustomerRecord[], over: Partial<QualityInput> = {}) => run(records, over).findings.map((f) => [f.customerId, f.check]);

describe('one check per kind of problem', () => {
  test.each<[string, Partial<Record<FieldKey, CarriedValue>>, string[]]>([
    ['a clean customer', { phone: '13800138000', email: 'a@example.com', idNumber: '11010519491231002X', satisfaction: 4 }, []],
    ['an invalid mobile', { phone: '1280013800' }, ['invalid-mobile']],
    ['an invalid landline', { phone: '021-123' }, ['invalid-landline']],
    ['an invalid email', { email: 'li@example' }, ['invalid-email']],
    ['a resident ID with a bad check digit', { idNumber: '110105194912310021' }, ['invalid-resident-id']],
    ['a resident ID with an impossible birth date', { idNumber: `44030620010229123${residentIdCheckCharacter('44030620010229123')}` }, ['invalid-resident-id-birth-date']],
    ['a USCC with a bad check character', { idNumber: '91350100M000100Y44' }, ['invalid-uscc']],
    ['a missing required name', { name: '  ' }, ['missing-required-field']],
    ['satisfaction 7', { satisfaction: 7 }, ['satisfaction-out-of-range']],
    ['satisfaction as unreadable text', { satisfaction: 'great' }, ['satisfaction-out-of-range']],
    ['a last contact in the future', { lastContact: dayFromYmd(2025, 3, 1) }, ['future-date']],
    ['a last contact 200 days old', { lastContact: (AS_OF - 200) as DayNumber }, ['stale-contact']],
    ['a last contact 180 days old (not stale yet)', { lastContact: (AS_OF - 180) as DayNumber }, []],
    ['consent missing', { consent: null }, ['missing-consent']],
    ['consent declined (recorded)', { consent: false }, []],
  ])('%s', (_label, profile, expected) => {
    expect(run([record('C1', 2, profile)]).findings.map((f) => f.check)).toEqual(expected);
  });

  test('a purchase date in the future is flagged with its field', () => {
    const result = run([record('C1', 2, {}, { lastPurchase: dayFromYmd(2025, 2, 1) })]);
    expect(result.findings).toEqual([expect.objectContaining({ check: 'future-date', field: 'lastPurchase', value: '2025-02-01' })]);
  });

  test('the value is kept as typed and every message says what to do in both languages', () => {
    const result = run([record('C1', 2, { phone: '=HYPERLINK("x")', email: ' bad@ ' })]);
    expect(result.findings.map((f) => f.value)).toEqual(['=HYPERLINK("x")', ' bad@ ']);
    for (const f of result.findings) {
      expect(f.message.en).toMatch(/\.\s*$/);
      expect(f.message.zh).toMatch(/。$/);
    }
  });

  test('a required field or consent the source has no column for is one finding, not one per customer', () => {
    const records = [record('C1', 2, { owner: null, consent: null }), record('C2', 3, { owner: null, consent: null })];
    const result = run(records, { profileFields: ['customerId', 'name'] });
    expect(result.findings.map((f) => [f.customerId, f.check, f.field])).toEqual([
      [null, 'missing-required-field', 'owner'],
      [null, 'missing-consent', 'consent'],
    ]);
    expect(result.findingsByCustomer.size).toBe(0);
  });
});

describe('probable duplicates', () => {
  test('the same mobile typed three ways across three IDs is one group listing the three', () => {
    const records = [
      record('C1', 2, { phone: '13800138000' }),
      record('C2', 3, { phone: '+86 138-0013-8000' }),
      record('C3', 4, { phone: '１３８００１３８０００' }),
      record('C4', 5, { phone: '13900139000' }),
    ];
    const result = run(records);
    expect(result.duplicateGroups).toEqual([{ check: 'duplicate-mobile', key: '13800138000', ids: ['C1', 'C2', 'C3'] }]);
    expect(checksOf(records)).toEqual([
      ['C1', 'duplicate-mobile'],
      ['C2', 'duplicate-mobile'],
      ['C3', 'duplicate-mobile'],
    ]);
    expect(result.findings[0]!.message.en).toContain('C2, C3');
    expect(result.findings[0]!.message.en).not.toContain('C1');
  });

  test.each<[string, Partial<Record<FieldKey, CarriedValue>>, Partial<Record<FieldKey, CarriedValue>>, string]>([
    ['email, case and spaces aside', { email: 'Li.Lei@Example.com' }, { email: ' li.lei@example.com ' }, 'duplicate-email'],
    ['USCC, full-width aside', { idNumber: '91350100M000100Y43' }, { idNumber: '９１３５０１００Ｍ０００１００Ｙ４３' }, 'duplicate-uscc'],
    ['resident ID, x and X', { idNumber: '11010519491231002X' }, { idNumber: '11010519491231002x' }, 'duplicate-resident-id'],
    ['name within a region', { name: '王 伟', region: '上海' }, { name: '王  伟 ', region: ' 上海' }, 'duplicate-name-region'],
  ])('same %s', (_label, a, b, check) => {
    const result = run([record('A', 2, a), record('B', 3, b)]);
    expect(result.duplicateGroups).toEqual([expect.objectContaining({ check, ids: ['A', 'B'] })]);
  });

  test('the same name in different regions is not a duplicate', () => {
    expect(run([record('A', 2, { name: '王伟', region: '上海' }), record('B', 3, { name: '王伟', region: '北京' })]).duplicateGroups).toEqual([]);
  });

  test('an invalid mobile is not hashed (two customers with "n/a" are not duplicates)', () => {
    const result = run([record('A', 2, { phone: 'n/a' }), record('B', 3, { phone: 'n/a' })]);
    expect(result.duplicateGroups).toEqual([]);
  });

  test('a big group names five other IDs and counts the rest', () => {
    const records = Array.from({ length: 12 }, (_, i) => record(`C${i}`, i + 2, { phone: '13800138000' }));
    const message = run(records).findings[0]!.message;
    expect(message.en).toContain('C1, C2, C3, C4, C5 and 6 more');
    expect(message.zh).toContain('等 11 个');
  });

  test('property: a duplicate group never holds one ID, and every grouped ID shares the key', () => {
    const phones = ['13800138000', '+86 138 0013 8000', '13900139000', '010-6552 9988', null];
    const names = ['王伟', '李娜', ' 王伟 '];
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), phone: fc.constantFrom(...phones), name: fc.constantFrom(...names), region: fc.constantFrom('上海', '北京') }), { maxLength: 30 }),
        (rows) => {
          const records = rows.map((r, i) => record(r.id, i + 2, { phone: r.phone, name: r.name, region: r.region }));
          const result = run(records);
          for (const group of result.duplicateGroups) {
            expect(new Set(group.ids).size).toBe(group.ids.length);
            expect(group.ids.length).toBeGreaterThanOrEqual(2);
          }
          const counted = [...result.findingsByCustomer.values()].reduce((a, b) => a + b, 0);
          expect(counted).toBe(result.findings.filter((f) => f.customerId !== null).length);
        },
      ),
    );
  });
});

describe('import issues in the same list', () => {
  const issue = (code: Issue['code'], row: number | null): Issue => ({ code, severity: 'warning', row, column: 'Date', value: '03/04/2024', message: { en: 'Ambiguous.', zh: '有歧义。' } });

  test('an import issue on a customer row counts for that customer; a skipped row has none', () => {
    const result = run([record('C1', 2, {})], { importIssues: [issue('ambiguous-date', 2), issue('missing-customer-id', 9)] });
    expect(result.findings.map((f) => [f.customerId, f.check, f.row, f.column])).toEqual([
      ['C1', 'import:ambiguous-date', 2, 'Date'],
      [null, 'import:missing-customer-id', 9, 'Date'],
    ]);
    expect(result.findingsByCustomer.get('C1')).toBe(1);
  });

  test("the import's invalid-phone and invalid-email are left to the richer checks", () => {
    const result = run([record('C1', 2, { phone: '021-123' })], { importIssues: [issue('invalid-phone', 2)] });
    expect(result.findings.map((f) => f.check)).toEqual(['invalid-landline']);
  });

  test('an order log does not attribute line issues to customers', () => {
    const result = run([record('C1', 2, {})], { inputKind: 'transactions', importIssues: [issue('ambiguous-date', 2)] });
    expect(result.findings[0]!.customerId).toBeNull();
  });

  test('counts follow the rule order, import checks last', () => {
    const result = run([record('C1', 2, { phone: '021-123', email: 'x' }), record('C2', 3, { email: 'y' })], { importIssues: [issue('ambiguous-date', 2)] });
    expect(result.counts).toEqual([
      { check: 'invalid-landline', count: 1 },
      { check: 'invalid-email', count: 2 },
      { check: 'import:ambiguous-date', count: 1 },
    ]);
  });
});
