/**
 * A realistic, deterministic archive for the quality report's byte-identity
 * regression (reportUnchanged.test.ts): every check fires, phones and IDs are
 * typed the ways people type them (full-width digits, +86, dashes, spaces,
 * extensions), namesake groups larger than the five IDs a message names, a
 * customer ID listed twice, import issues tied to rows and to no row.
 * Emails are ones the old rule and the library agree on, so the figure
 * guards the speed rewrite, not the email rule.
 */
import { dayFromYmd, type DayNumber } from '../../../src/domain/dates';
import { qualityReport, residentIdCheckCharacter, runQualityChecks, usccCheckCharacter, type QualityInput, type QualityResult } from '../../../src/domain/quality';
import type { CarriedValue, CustomerRecord, FieldKey, Issue } from '../../../src/domain/types';

export const GOLDEN_TODAY = dayFromYmd(2025, 1, 1);
export const GOLDEN_AS_OF = dayFromYmd(2024, 12, 31);

/** A small linear congruential generator: the same archive on every machine. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const SURNAMES = '王李张刘陈';
const GIVEN = '伟芳娜敏静';
const REGIONS = ['上海', '北京', ' 广州 ', '深圳'];

export function goldenRecords(n: number): CustomerRecord[] {
  const random = lcg(20261202);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const mobiles: string[] = [];
  const idNumbers: string[] = [];
  const records: CustomerRecord[] = [];
  for (let i = 0; i < n; i++) {
    const mobile = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    mobiles.push(mobile);
    const shared = i > 3 && random() < 0.04 ? mobiles[Math.floor(random() * (i - 1))]! : mobile;
    const phoneKind = random();
    const phone: CarriedValue =
      phoneKind < 0.05 ? shared.slice(0, 10)
      : phoneKind < 0.1 ? `+86 ${shared.slice(0, 3)}-${shared.slice(3, 7)}-${shared.slice(7)}`
      : phoneKind < 0.13 ? FULL_WIDTH(shared)
      : phoneKind < 0.16 ? `0086${shared}`
      : phoneKind < 0.19 ? `(021) 6${String(i).padStart(7, '0')}`
      : phoneKind < 0.21 ? `010-8${String(i).padStart(7, '0')} 转 ${i % 900}`
      : phoneKind < 0.23 ? `021-12${i % 10}`
      : phoneKind < 0.25 ? `+44 20 7946 ${String(i % 10000).padStart(4, '0')}`
      : phoneKind < 0.27 ? Number(shared)
      : phoneKind < 0.29 ? `${shared}x12`
      : phoneKind < 0.3 ? null
      : phoneKind < 0.31 ? `400${String(i).padStart(7, '0')}`
      : phoneKind < 0.32 ? 'n/a'
      : shared;
    const emailKind = random();
    const email: CarriedValue =
      emailKind < 0.04 ? `user${i}@example`
      : emailKind < 0.06 ? ` user${i % 37}@Example.com `
      : emailKind < 0.08 ? `USER${i % 37}@example.COM`
      : emailKind < 0.09 ? `user ${i}@example.com`
      : emailKind < 0.1 ? `@example.com`
      : emailKind < 0.11 ? `a..b${i}@example.com`
      : emailKind < 0.12 ? null
      : emailKind < 0.13 ? '=HYPERLINK("http://x")'
      : `first.last+${i}@mail${i % 7}.example.cn`;
    const birth = `19${50 + Math.floor(random() * 50)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const first17 = `${pick(['110105', '440306', '310101'])}${birth}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
    const uscc17 = `91${pick(['110108', '310115', '440300'])}MA0${String(Math.floor(random() * 1e6)).padStart(6, '0')}0`.slice(0, 17);
    const idKind = random();
    const idNumber: CarriedValue =
      idKind < 0.03 && idNumbers.length > 0 ? idNumbers[Math.floor(random() * idNumbers.length)]!
      : idKind < 0.3 ? first17 + residentIdCheckCharacter(first17)
      : idKind < 0.33 ? first17 + ((Number(residentIdCheckCharacter(first17) === 'X' ? 10 : residentIdCheckCharacter(first17)) + 1) % 10)
      : idKind < 0.35 ? `${first17.slice(0, 10)}1331${first17.slice(14)}${residentIdCheckCharacter(`${first17.slice(0, 10)}1331${first17.slice(14)}`)}`
      : idKind < 0.37 ? `${first17.slice(0, 6)}${birth.slice(2)}${first17.slice(14)}`
      : idKind < 0.39 ? FULL_WIDTH(first17 + residentIdCheckCharacter(first17))
      : idKind < 0.6 ? uscc17 + usccCheckCharacter(uscc17)
      : idKind < 0.62 ? `${uscc17}${usccCheckCharacter(uscc17) === '0' ? '1' : '0'}`
      : idKind < 0.63 ? `${uscc17.slice(0, 10)}I${uscc17.slice(11)}0`
      : idKind < 0.64 ? ` ${uscc17.toLowerCase()}${usccCheckCharacter(uscc17).toLowerCase()} `
      : idKind < 0.66 ? '12345'
      : null;
    if (typeof idNumber === 'string') idNumbers.push(idNumber);
    const name: CarriedValue = random() < 0.03 ? '  ' : pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.3 ? pick([...GIVEN]) : '');
    const satisfactionKind = random();
    const satisfaction: CarriedValue =
      satisfactionKind < 0.02 ? 7 : satisfactionKind < 0.03 ? 0 : satisfactionKind < 0.04 ? 3.5 : satisfactionKind < 0.05 ? 'good' : satisfactionKind < 0.1 ? null : 1 + Math.floor(random() * 5);
    const lastPurchase = (GOLDEN_AS_OF - Math.floor(random() * 900) + (random() < 0.01 ? 30 : 0)) as DayNumber;
    const firstPurchase = (random() < 0.01 ? GOLDEN_TODAY + 5 : lastPurchase - Math.floor(random() * 400)) as DayNumber;
    const lastContactKind = random();
    const lastContact: CarriedValue = lastContactKind < 0.1 ? null : lastContactKind < 0.12 ? GOLDEN_TODAY + 3 : GOLDEN_AS_OF - Math.floor(random() * 400);
    const consent: CarriedValue = random() < 0.1 ? (random() < 0.5 ? null : ' ') : random() < 0.5 ? true : 'yes';
    const profile: Partial<Record<FieldKey, CarriedValue>> = { name, owner: random() < 0.04 ? null : `Owner ${i % 9}`, phone, email, idNumber, region: pick(REGIONS), satisfaction, lastContact, consent };
    // Every 500th customer repeats the previous one's ID (the import's duplicate-customer-id, not a probable duplicate).
    const id = i % 500 === 499 ? `C${String(i - 1).padStart(5, '0')}` : `C${String(i).padStart(5, '0')}`;
    records.push({ id, sourceRow: i + 2, firstPurchase, lastPurchase, frequency: 1 + (i % 5), monetary: 100 + i, tierOverride: null, profile, carried: {} });
  }
  // A namesake group of twelve in one region: messages past the first six share one text.
  for (let k = 0; k < 12; k++) {
    records.push({ id: `N${k}`, sourceRow: n + 2 + k, firstPurchase: null, lastPurchase: GOLDEN_AS_OF, frequency: 1, monetary: 1, tierOverride: null, profile: { name: '欧阳 小明', region: '杭州', owner: 'Li', consent: true, phone: k < 8 ? '13900001111' : null }, carried: {} });
  }
  return records;
}

export function goldenIssues(n: number): Issue[] {
  const issues: Issue[] = [];
  for (let row = 2; row < n + 2; row += 97) {
    issues.push({ code: 'ambiguous-date', severity: 'warning', row, column: '最近购买', value: '03/04/2024', message: { en: 'Ambiguous date.', zh: '日期有歧义。' } });
    issues.push({ code: 'invalid-phone', severity: 'warning', row, column: '电话', value: 'x', message: { en: 'Invalid phone.', zh: '电话无效。' } });
  }
  issues.push({ code: 'no-data-rows', severity: 'warning', row: null, column: null, value: null, message: { en: 'Some rows skipped.', zh: '跳过了一些行。' } });
  issues.push({ code: 'invalid-date', severity: 'error', row: n + 500, column: 'Date', value: '2024-13-01', message: { en: 'Skipped row.', zh: '跳过该行。' } });
  return issues;
}

const N = 3000;
const ALL_FIELDS: FieldKey[] = ['customerId', 'name', 'owner', 'phone', 'email', 'idNumber', 'region', 'satisfaction', 'lastContact', 'consent'];

/** The settings the regression runs under. */
export const GOLDEN_SCENARIOS: Record<string, Omit<QualityInput, 'records' | 'importIssues' | 'asOf' | 'today'>> = {
  'customer list, default settings': { profileFields: ALL_FIELDS, inputKind: 'customers' },
  'order log, no owner or consent column, stricter settings': {
    profileFields: ALL_FIELDS.filter((f) => f !== 'owner' && f !== 'consent'),
    inputKind: 'transactions',
    settings: { requiredFields: ['customerId', 'name', 'phone', 'owner', 'email'], staleContactDays: 90, requireConsent: true },
  },
  'customer list, consent not required': { profileFields: ALL_FIELDS, inputKind: 'customers', settings: { requiredFields: ['name', 'idNumber'], staleContactDays: 365, requireConsent: false } },
};

/** The checks' result for one scenario. */
export function goldenResult(scenario: string): QualityResult {
  return runQualityChecks({ ...GOLDEN_SCENARIOS[scenario]!, records: goldenRecords(N), importIssues: goldenIssues(N), asOf: GOLDEN_AS_OF, today: GOLDEN_TODAY });
}

/** The report's quality key as written to the file, for one scenario. */
export function goldenReportJson(scenario: string): string {
  return JSON.stringify(qualityReport(goldenResult(scenario)));
}

