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
import { MAX_IDS_IN_MESSAGE, MESSAGES } from './messages';
import { KeyTable } from './keyTable';
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
  // Per key kind: one Map from key to the first customer holding it, and typed-array chains
  // (first[i], next[i]) through the customers sharing it: no allocation per customer.
  const chains = new Map<DuplicateCheck, { readonly firstOf: KeyTable; readonly first: Int32Array; readonly next: Int32Array; readonly last: Int32Array; readonly size: Int32Array; readonly rank: Int32Array }>(
    DUPLICATE_CHECKS.map((c) => [c, { firstOf: new KeyTable(n), first: new Int32Array(n).fill(-1), next: new Int32Array(n).fill(-1), last: new Int32Array(n), size: new Int32Array(n), rank: new Int32Array(n) }]),
  );
  const phoneReadings = new Array<ReturnType<typeof readPhone>>(n);
  const idReadings = new Array<ReturnType<typeof readIdNumber>>(n);
  const addKey = (check: DuplicateCheck, index: number, key: string): void => {
    const chain = chains.get(check)!;
    const head = chain.firstOf.headOrInsert(key, index);
    if (head === -1) {
      chain.first[index] = index;
      chain.last[index] = index;
      chain.size[index] = 1;
    } else {
      chain.first[index] = head;
      chain.rank[index] = chain.size[head]!;
      chain.next[chain.last[head]!] = index;
      chain.last[head] = index;
      chain.size[head]! += 1;
    }
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
  /** Per key kind, by the group's first customer: the group's IDs. */
  const groupIds = new Map<DuplicateCheck, Map<number, readonly string[]>>();
  for (const check of DUPLICATE_CHECKS) {
    const chain = chains.get(check)!;
    const groups = new Map<number, readonly string[]>();
    for (let head = 0; head < n; head++) {
      if (chain.first[head] !== head || chain.size[head]! < 2) continue;
      const key = chain.firstOf.keyOf(head);
      const seen = new Set<string>();
      for (let i = head; i !== -1; i = chain.next[i]!) seen.add(records[i]!.id);
      if (seen.size < 2) continue;
      const ids = [...seen];
      groups.set(head, ids);
      duplicateGroups.push({ check, key: key.replace('\u0000', ' / '), ids });
    }
    groupIds.set(check, groups);
  }

  // ---- pass 2: every check, customer by customer --------------------------------------------
  const findings: QualityFinding[] = [];
  /** Findings per customer index (the Map of the result is built once at the end: no string hashing per finding). */
  const perCustomer = new Int32Array(n);
  let currentIndex = -1;
  const sharedMessages = new Map<readonly string[], QualityFinding['message']>();
  // Messages that depend only on a field or a number of days are built once per value, not once per finding.
  const staleMessages = new Map<number, QualityFinding['message']>();
  const fieldMessages = new Map<string, QualityFinding['message']>();
  const perField = (kind: 'missing' | 'future', field: FieldKey): QualityFinding['message'] => {
    const key = `${kind}:${field}`;
    let message = fieldMessages.get(key);
    if (message === undefined) {
      message = kind === 'missing' ? MESSAGES.missingField(field) : MESSAGES.futureDate(field);
      fieldMessages.set(key, message);
    }
    return message;
  };
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
    if (record) perCustomer[currentIndex]! += 1;
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
    currentIndex = i;
    const profile = record.profile;

    for (const check of DUPLICATE_CHECKS) {
      const head = chains.get(check)!.first[i]!;
      if (head === -1) continue;
      const ids = groupIds.get(check)!.get(head);
      if (ids === undefined) continue;
      const field = duplicateFields[check];
      const value = check === 'duplicate-name-region' ? `${typedText(profile.name)} / ${typedText(profile.region)}` : typedText(profile[field]);
      // Members past the first six all read the same five names: one message per group serves them.
      let message: QualityFinding['message'];
      // Among the group's first six (by position in its chain, no string comparison): its own message.
      if (chains.get(check)!.rank[i]! <= MAX_IDS_IN_MESSAGE) {
        message = MESSAGES.duplicate(check, ids, record.id);
      } else {
        let shared = sharedMessages.get(ids);
        if (shared === undefined) {
          shared = MESSAGES.duplicate(check, ids, '');
          sharedMessages.set(ids, shared);
        }
        message = shared;
      }
      add(check, 'warning', field, value, message);
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
      if (present.has(field) && isBlank(profile[field])) add('missing-required-field', 'warning', field, null, perField('missing', field));
    }

    const satisfaction = profile.satisfaction;
    if (!isBlank(satisfaction) && !(typeof satisfaction === 'number' && Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)) {
      add('satisfaction-out-of-range', 'error', 'satisfaction', typedText(satisfaction), MESSAGES.satisfaction);
    }

    const lastContact = typeof profile.lastContact === 'number' ? (profile.lastContact as DayNumber) : null;
    if (record.firstPurchase !== null && record.firstPurchase > today) add('future-date', 'error', 'firstPurchase', formatIsoDay(record.firstPurchase), perField('future', 'firstPurchase'));
    if (record.lastPurchase !== null && record.lastPurchase > today) add('future-date', 'error', 'lastPurchase', formatIsoDay(record.lastPurchase), perField('future', 'lastPurchase'));
    if (lastContact !== null && lastContact > today) add('future-date', 'error', 'lastContact', formatIsoDay(lastContact), perField('future', 'lastContact'));
    if (lastContact !== null && lastContact <= today && asOf - lastContact > settings.staleContactDays) {
      const days = asOf - lastContact;
      let message = staleMessages.get(days);
      if (message === undefined) {
        message = MESSAGES.stale(days, settings.staleContactDays);
        staleMessages.set(days, message);
      }
      add('stale-contact', 'warning', 'lastContact', formatIsoDay(lastContact), message);
    }

    if (settings.requireConsent && present.has('consent') && isBlank(profile.consent)) add('missing-consent', 'warning', 'consent', null, MESSAGES.missingConsent);
  }

  // ---- the import's own issues, in the same list -----------------------------------------
  // Source row -> customer, built only when there are issues to tie (a sparse array: rows are small integers).
  const customerOfRow: (number | undefined)[] = [];
  if (input.inputKind === 'customers' && input.importIssues.length > 0) records.forEach((record, i) => (customerOfRow[record.sourceRow] = i));
  // Issue 11: an order customer missing from the archive is found by its ID (rows of two sources collide).
  let customerOfId: Map<string, number> | null = null;
  for (const issue of input.importIssues) {
    if (SUPERSEDED_IMPORT_CODES.has(issue.code)) continue;
    let index = issue.row === null ? undefined : customerOfRow[issue.row];
    if ((issue.code === 'not-in-archive' || issue.code === 'id-format-mismatch') && issue.value !== null) index = (customerOfId ??= new Map(records.map((record, i) => [record.id, i]))).get(issue.value);
    current = index === undefined ? null : records[index]!;
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
    if (index !== undefined) perCustomer[index]! += 1;
  }
  const findingsByCustomer = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const count = perCustomer[i]!;
    if (count > 0) findingsByCustomer.set(records[i]!.id, (findingsByCustomer.get(records[i]!.id) ?? 0) + count);
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

