/**
 * The findings as the checks record them: three parallel typed arrays (what
 * was found, about which customer, one number of detail) instead of one
 * object with two message strings per finding. 100k customers make about
 * 180k findings; building their objects and messages was most of the
 * checks' time (bench/quality.ts), and only the writers (the Quality sheet,
 * the report) need them. `materialise` builds one finding's object, the
 * exact value and message the checks used to build, when it is written.
 */
import type { Localized } from '../../i18n/locale';
import { formatIsoDay, type DayNumber } from '../dates';
import { shortValue } from '../import/text';
import type { CarriedValue, CustomerRecord, FieldKey, Issue } from '../types';
import { MESSAGES } from './messages';
import type { DuplicateGroup, QualityCheckKey, QualityFinding, QualityRuleKey } from './types';

export type DuplicateCheck = DuplicateGroup['check'];
export const DUPLICATE_CHECKS: readonly DuplicateCheck[] = ['duplicate-mobile', 'duplicate-email', 'duplicate-uscc', 'duplicate-resident-id', 'duplicate-name-region'];
const DUPLICATE_FIELDS: readonly FieldKey[] = ['phone', 'email', 'idNumber', 'idNumber', 'name'];

/**
 * What a finding is (its check, severity, field and message variant). The
 * detail number means: the field's index (MISSING_COLUMN, MISSING_FIELD),
 * the group's first customer (DUPLICATE + k; bit-inverted when the customer
 * is past the six a message is written for), the days since the last contact
 * (STALE), the issue's index (IMPORT).
 */
export const FINDING = {
  MISSING_COLUMN: 0,
  NO_CONSENT_COLUMN: 1,
  /** DUPLICATE + the check's index in DUPLICATE_CHECKS. */
  DUPLICATE: 2,
  INVALID_MOBILE: 7,
  INVALID_LANDLINE: 8,
  INVALID_EMAIL: 9,
  USCC_SHAPE: 10,
  USCC_CHECKSUM: 11,
  RESIDENT_BIRTH_DATE: 12,
  RESIDENT_SHAPE: 13,
  RESIDENT_CHECKSUM: 14,
  MISSING_FIELD: 15,
  SATISFACTION: 16,
  FUTURE_FIRST_PURCHASE: 17,
  FUTURE_LAST_PURCHASE: 18,
  FUTURE_LAST_CONTACT: 19,
  STALE: 20,
  MISSING_CONSENT: 21,
  IMPORT: 22,
} as const;
const KIND_COUNT = 23;

/** The rule each kind below IMPORT counts under. */
export const KIND_CHECK: readonly QualityRuleKey[] = [
  'missing-required-field',
  'missing-consent',
  ...DUPLICATE_CHECKS,
  'invalid-mobile',
  'invalid-landline',
  'invalid-email',
  'invalid-uscc',
  'invalid-uscc',
  'invalid-resident-id-birth-date',
  'invalid-resident-id',
  'invalid-resident-id',
  'missing-required-field',
  'satisfaction-out-of-range',
  'future-date',
  'future-date',
  'future-date',
  'stale-contact',
  'missing-consent',
];

/** Profile value as text: what the user typed (numbers as plain digits); '' for empty. */
export function typedText(value: CarriedValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'string' ? value : String(value);
}

/** Growable parallel arrays: kind, customer index (-1: none), detail. */
export class FindingStore {
  kinds: Uint8Array;
  customers: Int32Array;
  details: Int32Array;
  length = 0;
  /** Findings per kind (the counts are summed from these, no pass over the findings). */
  readonly perKind = new Int32Array(KIND_COUNT);

  /** `expected`: a first guess at the number of findings (the arrays double beyond it). */
  constructor(expected: number) {
    const size = Math.max(1024, expected);
    this.kinds = new Uint8Array(size);
    this.customers = new Int32Array(size);
    this.details = new Int32Array(size);
  }

  add(kind: number, customer: number, detail: number): void {
    if (this.length === this.kinds.length) this.grow();
    const at = this.length++;
    this.kinds[at] = kind;
    this.customers[at] = customer;
    this.details[at] = detail;
    this.perKind[kind]! += 1;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const customers = new Int32Array(size);
    customers.set(this.customers);
    const details = new Int32Array(size);
    details.set(this.details);
    this.kinds = kinds;
    this.customers = customers;
    this.details = details;
  }
}

/** What materialising needs besides the store. */
export interface FindingContext {
  readonly records: readonly CustomerRecord[];
  /** The fields a MISSING_COLUMN or MISSING_FIELD detail indexes. */
  readonly fields: readonly FieldKey[];
  readonly staleContactDays: number;
  /** The IDs of duplicate check k's group whose first customer is `head` (the same array each time). */
  readonly groupIds: (k: number, head: number) => readonly string[];
  /** The import issues an IMPORT detail indexes. */
  readonly issues: readonly Issue[];
}

/** Builds findings' objects; messages shared by many findings are built once per materialiser. */
export function findingMaterialiser(store: FindingStore, context: FindingContext): (index: number) => QualityFinding {
  const { records, fields, groupIds, issues } = context;
  const sharedDuplicate = new Map<readonly string[], Localized>();
  // Dates repeat across findings (a few thousand distinct days): each is formatted once.
  const isoDays = new Map<number, string>();
  const isoDay = (day: number): string => {
    let text = isoDays.get(day);
    if (text === undefined) {
      text = formatIsoDay(day as DayNumber);
      isoDays.set(day, text);
    }
    return text;
  };
  const staleMessages = new Map<number, Localized>();
  const fieldMessages = new Map<string, Localized>();
  const perField = (kind: 'missing' | 'future', field: FieldKey): Localized => {
    const key = `${kind}:${field}`;
    let message = fieldMessages.get(key);
    if (message === undefined) {
      message = kind === 'missing' ? MESSAGES.missingField(field) : MESSAGES.futureDate(field);
      fieldMessages.set(key, message);
    }
    return message;
  };
  const finding = (
    check: QualityCheckKey,
    severity: QualityFinding['severity'],
    record: CustomerRecord | null,
    field: FieldKey | null,
    value: string | null,
    message: Localized,
  ): QualityFinding => ({
    // The report's key order (quality/report.ts writes these objects as they are).
    customerId: record?.id ?? null,
    row: record?.sourceRow ?? null,
    field,
    column: null,
    check,
    severity,
    value: value === null || value === '' ? null : shortValue(value),
    message,
  });

  return (index) => {
    const kind = store.kinds[index]!;
    const customer = store.customers[index]!;
    const detail = store.details[index]!;
    const record = customer === -1 ? null : records[customer]!;
    const profile = record?.profile ?? {};
    const check = kind < FINDING.IMPORT ? KIND_CHECK[kind]! : null;
    switch (kind) {
      case FINDING.MISSING_COLUMN:
        return finding(check!, 'warning', null, fields[detail]!, null, MESSAGES.missingColumn(fields[detail]!));
      case FINDING.NO_CONSENT_COLUMN:
        return finding(check!, 'warning', null, 'consent', null, MESSAGES.noConsentColumn);
      case FINDING.INVALID_MOBILE:
        return finding(check!, 'error', record, 'phone', typedText(profile.phone), MESSAGES.invalidMobile);
      case FINDING.INVALID_LANDLINE:
        return finding(check!, 'error', record, 'phone', typedText(profile.phone), MESSAGES.invalidLandline);
      case FINDING.INVALID_EMAIL:
        return finding(check!, 'error', record, 'email', typedText(profile.email), MESSAGES.invalidEmail);
      case FINDING.USCC_SHAPE:
        return finding(check!, 'error', record, 'idNumber', typedText(profile.idNumber), MESSAGES.invalidUsccShape);
      case FINDING.USCC_CHECKSUM:
        return finding(check!, 'error', record, 'idNumber', typedText(profile.idNumber), MESSAGES.invalidUscc);
      case FINDING.RESIDENT_BIRTH_DATE:
        return finding(check!, 'error', record, 'idNumber', typedText(profile.idNumber), MESSAGES.invalidResidentIdBirthDate);
      case FINDING.RESIDENT_SHAPE:
        return finding(check!, 'error', record, 'idNumber', typedText(profile.idNumber), MESSAGES.invalidResidentIdShape);
      case FINDING.RESIDENT_CHECKSUM:
        return finding(check!, 'error', record, 'idNumber', typedText(profile.idNumber), MESSAGES.invalidResidentId);
      case FINDING.MISSING_FIELD:
        return finding(check!, 'warning', record, fields[detail]!, null, perField('missing', fields[detail]!));
      case FINDING.SATISFACTION:
        return finding(check!, 'error', record, 'satisfaction', typedText(profile.satisfaction), MESSAGES.satisfaction);
      case FINDING.FUTURE_FIRST_PURCHASE:
        return finding(check!, 'error', record, 'firstPurchase', isoDay(record!.firstPurchase!), perField('future', 'firstPurchase'));
      case FINDING.FUTURE_LAST_PURCHASE:
        return finding(check!, 'error', record, 'lastPurchase', isoDay(record!.lastPurchase!), perField('future', 'lastPurchase'));
      case FINDING.FUTURE_LAST_CONTACT:
        return finding(check!, 'error', record, 'lastContact', isoDay(profile.lastContact as number), perField('future', 'lastContact'));
      case FINDING.STALE: {
        let message = staleMessages.get(detail);
        if (message === undefined) {
          message = MESSAGES.stale(detail, context.staleContactDays);
          staleMessages.set(detail, message);
        }
        return finding(check!, 'warning', record, 'lastContact', isoDay(profile.lastContact as number), message);
      }
      case FINDING.MISSING_CONSENT:
        return finding(check!, 'warning', record, 'consent', null, MESSAGES.missingConsent);
      case FINDING.IMPORT: {
        const issue = issues[detail]!;
        return {
          customerId: record?.id ?? null,
          row: issue.row,
          field: null,
          column: issue.column,
          check: `import:${issue.code}`,
          severity: issue.severity,
          value: issue.value,
          message: issue.message,
        };
      }
      default: {
        // A probable duplicate: DUPLICATE + the check's index.
        const k = kind - FINDING.DUPLICATE;
        const duplicateCheck = DUPLICATE_CHECKS[k]!;
        const ownMessage = detail >= 0;
        const ids = groupIds(k, ownMessage ? detail : ~detail);
        const field = DUPLICATE_FIELDS[k]!;
        const value = duplicateCheck === 'duplicate-name-region' ? `${typedText(profile.name)} / ${typedText(profile.region)}` : typedText(profile[field]);
        // Among the group's first six: its own message (the five others it names exclude itself).
        // Past them every member reads the same five names: one message per group serves them.
        let message: Localized;
        if (ownMessage) message = MESSAGES.duplicate(duplicateCheck, ids, record!.id);
        else {
          const shared = sharedDuplicate.get(ids);
          message = shared ?? MESSAGES.duplicate(duplicateCheck, ids, '');
          if (shared === undefined) sharedDuplicate.set(ids, message);
        }
        return finding(duplicateCheck, 'warning', record, field, value, message);
      }
    }
  };
}
