/**
 * Runs every data-quality check over the customers (issue 8 §1). Linear in
 * the customers: probable duplicates are found by hashing normalised keys
 * (one Map per key kind), never by comparing pairs.
 */
import type { DayNumber } from '../dates';
import { formatIsoDay } from '../dates';
import { nfkc, shortValue } from '../import/text';
import type { CarriedValue, CustomerRecord, FieldKey, InputKind, Issue, IssueCode, IssueSeverity } from '../types';
import { isValidEmail } from './email';
import { readIdNumber, readPhone } from './identifiers';
import { MESSAGES } from './messages';
import {
  DEFAULT_QUALITY_SETTINGS,
  QUALITY_RULE_KEYS,
  type DuplicateGroup,
  type QualityCheckKey,
  type QualityFinding,
  type QualityResult,
  type QualityRuleKey,
  type QualitySettings,
} from './types';

export interface QualityInput {
  /** The graded customers' records, in table order. */
  readonly records: readonly CustomerRecord[];
  /** The fields the source maps (a required field the source lacks is one finding, not one per customer). */
  readonly profileFields: readonly FieldKey[];
  /** What the source was: a customer list attributes import issues to the customer of their row; an order log cannot. */
  readonly inputKind: InputKind;
  readonly asOf: DayNumber;
  /** Today where the job runs: dates after it are in the future. */
  readonly today: DayNumber;
  /** The issues of reading, import and grading: listed with the findings. */
  readonly importIssues: readonly Issue[];
  readonly settings?: QualitySettings;
}

/** Import codes a quality check reports more precisely (the check's finding replaces the import's warning). */
const SUPERSEDED_IMPORT_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['invalid-phone', 'invalid-email']);

type DuplicateCheck = DuplicateGroup['check'];
const DUPLICATE_CHECKS: readonly DuplicateCheck[] = ['duplicate-mobile', 'duplicate-email', 'duplicate-uscc', 'duplicate-resident-id', 'duplicate-name-region'];

const WHITESPACE_RUN = /\s+/g;

/** Profile value as text: what the user typed (numbers as plain digits); '' for empty. */
function typedText(value: CarriedValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Names and regions compared NFKC, trimmed, spaces collapsed, case folded. */
function nameKey(text: string): string {
  return nfkc(text).trim().replace(WHITESPACE_RUN, ' ').toLowerCase();
}

function isBlank(value: CarriedValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Runs the checks. Pure; the same input gives the same findings in the same order. */
export function runQualityChecks(input: QualityInput): QualityResult {
  const settings = input.settings ?? DEFAULT_QUALITY_SETTINGS;
  const { records, today, asOf } = input;
  const n = records.length;
  const present = new Set(input.profileFields);

  // ---- pass 1: the normalised duplicate keys, hashed ------------------------------------
  const keysByCheck = new Map<DuplicateCheck, (string | null)[]>(DUPLICATE_CHECKS.map((c) => [c, new Array<string | null>(n).fill(null)]));
  const buckets = new Map<DuplicateCheck, Map<string, number[]>>(DUPLICATE_CHECKS.map((c) => [c, new Map()]));
  const phoneReadings = new Array<ReturnType<typeof readPhone>>(n);
  const idReadings = new Array<ReturnType<typeof readIdNumber>>(n);
  const addKey = (check: DuplicateCheck, index: number, key: string): void => {
    keysByCheck.get(check)![index] = key;
    const bucket = buckets.get(check)!;
    const list = bucket.get(key);
    if (list === undefined) bucket.set(key, [index]);
    else list.push(index);
  };
  for (let i = 0; i < n; i++) {
    const profile = records[i]!.profile;
    const phone = typedText(profile.phone);
    const phoneReading = phone === '' ? null : readPhone(phone);
    phoneReadings[i] = phoneReading;
    if (phoneReading?.valid && phoneReading.kind === 'mobile') addKey('duplicate-mobile', i, phoneReading.key);
    const email = typedText(profile.email).trim();
    if (email !== '' && isValidEmail(email)) addKey('duplicate-email', i, email.toLowerCase());
    const idNumber = typedText(profile.idNumber);
    const idReading = idNumber === '' ? null : readIdNumber(idNumber, today);
    idReadings[i] = idReading;
    if (idReading?.valid) addKey(idReading.kind === 'uscc' ? 'duplicate-uscc' : 'duplicate-resident-id', i, idReading.key);
    const name = typedText(profile.name);
    const region = typedText(profile.region);
    if (name.trim() !== '' && region.trim() !== '') addKey('duplicate-name-region', i, `${nameKey(name)}\u0000${nameKey(region)}`);
  }

  // Groups: a key shared by two or more different IDs (one ID listed twice is the import's duplicate-customer-id).
  const duplicateGroups: DuplicateGroup[] = [];
  const groupOf = new Map<DuplicateCheck, Map<string, readonly string[]>>();
  for (const check of DUPLICATE_CHECKS) {
    const groups = new Map<string, readonly string[]>();
    for (const [key, indexes] of buckets.get(check)!) {
      if (indexes.length < 2) continue;
      const ids = [...new Set(indexes.map((i) => records[i]!.id))];
      if (ids.length < 2) continue;
      groups.set(key, ids);
      duplicateGroups.push({ check, key: key.replace('\u0000', ' / '), ids });
    }
    groupOf.set(check, groups);
  }

  // ---- pass 2: every check, customer by customer --------------------------------------------
  const findings: QualityFinding[] = [];
  const findingsByCustomer = new Map<string, number>();
  let current: CustomerRecord | null = null;
  const add = (check: QualityCheckKey, severity: IssueSeverity, field: FieldKey | null, value: string | null, message: QualityFinding['message']): void => {
    const record = current;
    findings.push({
      check,
      severity,
      customerId: record?.id ?? null,
      row: record?.sourceRow ?? null,
      field,
      column: null,
      value: value === null || value === '' ? null : shortValue(value),
      message,
    });
    if (record) findingsByCustomer.set(record.id, (findingsByCustomer.get(record.id) ?? 0) + 1);
  };

  // Whole-column findings first: a required field, or consent, the source has no column for.
  const requiredFields = settings.requiredFields.filter((f) => f !== 'customerId');
  for (const field of requiredFields) if (!present.has(field)) add('missing-required-field', 'warning', field, null, MESSAGES.missingColumn(field));
  if (settings.requireConsent && !present.has('consent')) add('missing-consent', 'warning', 'consent', null, MESSAGES.noConsentColumn);

  const duplicateFields: Record<DuplicateCheck, FieldKey> = {
    'duplicate-mobile': 'phone',
    'duplicate-email': 'email',
    'duplicate-uscc': 'idNumber',
    'duplicate-resident-id': 'idNumber',
    'duplicate-name-region': 'name',
  };
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    current = record;
    const profile = record.profile;

    for (const check of DUPLICATE_CHECKS) {
      const key = keysByCheck.get(check)![i];
      if (key === null || key === undefined) continue;
      const ids = groupOf.get(check)!.get(key);
      if (ids === undefined) continue;
      const field = duplicateFields[check];
      const value = check === 'duplicate-name-region' ? `${typedText(profile.name)} / ${typedText(profile.region)}` : typedText(profile[field]);
      add(check, 'warning', field, value, MESSAGES.duplicate(check, ids.filter((id) => id !== record.id)));
    }

    const phone = phoneReadings[i];
    if (phone && !phone.valid) {
      const mobile = phone.kind === 'mobile';
      add(mobile ? 'invalid-mobile' : 'invalid-landline', 'error', 'phone', typedText(profile.phone), mobile ? MESSAGES.invalidMobile : MESSAGES.invalidLandline);
    }
    const email = typedText(profile.email);
    if (email.trim() !== '' && !isValidEmail(email.trim())) add('invalid-email', 'error', 'email', email, MESSAGES.invalidEmail);

    const id = idReadings[i];
    if (id && !id.valid) {
      const typed = typedText(profile.idNumber);
      if (id.kind === 'uscc') add('invalid-uscc', 'error', 'idNumber', typed, id.problem === 'shape' ? MESSAGES.invalidUsccShape : MESSAGES.invalidUscc);
      else if (id.problem === 'birth-date') add('invalid-resident-id-birth-date', 'error', 'idNumber', typed, MESSAGES.invalidResidentIdBirthDate);
      else add('invalid-resident-id', 'error', 'idNumber', typed, id.problem === 'shape' ? MESSAGES.invalidResidentIdShape : MESSAGES.invalidResidentId);
    }

    for (const field of requiredFields) {
      if (present.has(field) && isBlank(profile[field])) add('missing-required-field', 'warning', field, null, MESSAGES.missingField(field));
    }

    const satisfaction = profile.satisfaction;
    if (!isBlank(satisfaction) && !(typeof satisfaction === 'number' && Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)) {
      add('satisfaction-out-of-range', 'error', 'satisfaction', typedText(satisfaction), MESSAGES.satisfaction);
    }

    const lastContact = typeof profile.lastContact === 'number' ? (profile.lastContact as DayNumber) : null;
    for (const [field, day] of [
      ['firstPurchase', record.firstPurchase],
      ['lastPurchase', record.lastPurchase],
      ['lastContact', lastContact],
    ] as const) {
      if (day !== null && day > today) add('future-date', 'error', field, formatIsoDay(day), MESSAGES.futureDate(field));
    }
    if (lastContact !== null && lastContact <= today && asOf - lastContact > settings.staleContactDays) {
      add('stale-contact', 'warning', 'lastContact', formatIsoDay(lastContact), MESSAGES.stale(asOf - lastContact, settings.staleContactDays));
    }

    if (settings.requireConsent && present.has('consent') && isBlank(profile.consent)) add('missing-consent', 'warning', 'consent', null, MESSAGES.missingConsent);
  }

  // ---- the import's own issues, in the same list -----------------------------------------
  const customerOfRow = new Map<number, CustomerRecord>();
  if (input.inputKind === 'customers') for (const record of records) customerOfRow.set(record.sourceRow, record);
  for (const issue of input.importIssues) {
    if (SUPERSEDED_IMPORT_CODES.has(issue.code)) continue;
    current = issue.row === null ? null : (customerOfRow.get(issue.row) ?? null);
    findings.push({
      check: `import:${issue.code}`,
      severity: issue.severity,
      customerId: current?.id ?? null,
      row: issue.row,
      field: null,
      column: issue.column,
      value: issue.value,
      message: issue.message,
    });
    if (current) findingsByCustomer.set(current.id, (findingsByCustomer.get(current.id) ?? 0) + 1);
  }

  return { counts: countByCheck(findings), findings, duplicateGroups, findingsByCustomer };
}

/** Findings per check: rules in QUALITY_RULE_KEYS order, then import checks in order of first appearance; no zero counts. */
export function countByCheck(findings: readonly QualityFinding[]): { readonly check: QualityCheckKey; readonly count: number }[] {
  const counts = new Map<QualityCheckKey, number>();
  for (const f of findings) counts.set(f.check, (counts.get(f.check) ?? 0) + 1);
  const ruleOrder = new Map<QualityCheckKey, number>(QUALITY_RULE_KEYS.map((k, i) => [k, i]));
  return [...counts.entries()]
    .map(([check, count], appearance) => ({ check, count, order: ruleOrder.get(check) ?? QUALITY_RULE_KEYS.length + appearance }))
    .sort((a, b) => a.order - b.order)
    .map(({ check, count }) => ({ check, count }));
}

export function isRuleKey(check: QualityCheckKey): check is QualityRuleKey {
  return !check.startsWith('import:');
}

