/**
 * Runs every data-quality check over the customers (issue 8 §1). Linear in
 * the customers: probable duplicates are found by hashing normalised keys
 * (one KeyTable per key kind), never by comparing pairs. Findings are
 * recorded compactly (findingStore.ts); their values and messages are built
 * when a writer asks for them.
 */
import type { DayNumber } from '../dates';
import { nfkc } from '../import/text';
import type { CarriedValue, CustomerRecord, FieldKey, InputKind, Issue, IssueCode } from '../types';
import { isValidEmail } from './email';
import { readIdNumber, readPhone, type IdNumberReading } from './identifiers';
import { MAX_IDS_IN_MESSAGE } from './messages';
import { KeyTable } from './keyTable';
import { DUPLICATE_CHECKS, FINDING, FindingStore, KIND_CHECK, findingMaterialiser, typedText } from './findingStore';
import {
  DEFAULT_QUALITY_SETTINGS,
  QUALITY_RULE_KEYS,
  type DuplicateGroup,
  type QualityCheckKey,
  type QualityFinding,
  type QualityRuleKey,
  type QualityResult,
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

const WHITESPACE_RUN = /\s+/g;

function isBlank(value: CarriedValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Names and regions compared NFKC, trimmed, spaces collapsed, case folded. */
function nameKey(text: string): string {
  return isNameKeyAlready(text) ? text : nfkc(text).trim().replace(WHITESPACE_RUN, ' ').toLowerCase();
}

/** True for text nameKey leaves as it is: only CJK ideographs (U+4E00-U+9FFF), lower-case ASCII letters and digits. */
function isNameKeyAlready(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 0x4e00 && code <= 0x9fff) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

/** A duplicate kind's chains through the customers sharing a key: typed arrays, no allocation per customer. */
interface KeyChains {
  readonly table: KeyTable;
  /** The first customer holding i's key, -1 when i has none. */
  readonly first: Int32Array;
  readonly next: Int32Array;
  readonly last: Int32Array;
  readonly size: Int32Array;
  /** i's position in its chain (0 = the first). */
  readonly rank: Int32Array;
}

function newChains(n: number): KeyChains {
  return { table: new KeyTable(n), first: new Int32Array(n).fill(-1), next: new Int32Array(n).fill(-1), last: new Int32Array(n), size: new Int32Array(n), rank: new Int32Array(n) };
}

function addKey(chain: KeyChains, index: number, key: string): void {
  link(chain, index, chain.table.headOrInsert(key, index));
}

function addPairKey(chain: KeyChains, index: number, first: string, second: string): void {
  link(chain, index, chain.table.headOrInsertPair(first, second, index));
}

/** Links `index` into the chain of `head` (-1: `index` starts a chain). */
function link(chain: KeyChains, index: number, head: number): void {
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
}

/** Phone and ID readings kept between the passes, one byte per customer. */
const PHONE_INVALID_MOBILE = 1;
const PHONE_INVALID_LANDLINE = 2;

/** The FINDING kind of an invalid ID reading. */
function idFindingKind(reading: Exclude<IdNumberReading, { valid: true }>): number {
  if (reading.kind === 'uscc') return reading.problem === 'shape' ? FINDING.USCC_SHAPE : FINDING.USCC_CHECKSUM;
  if (reading.problem === 'birth-date') return FINDING.RESIDENT_BIRTH_DATE;
  return reading.problem === 'shape' ? FINDING.RESIDENT_SHAPE : FINDING.RESIDENT_CHECKSUM;
}

/** Runs the checks. Pure; the same input gives the same findings in the same order. */
export function runQualityChecks(input: QualityInput): QualityResult {
  const settings = input.settings ?? DEFAULT_QUALITY_SETTINGS;
  const { records, today, asOf } = input;
  const n = records.length;
  const present = new Set(input.profileFields);

  // ---- pass 1: the normalised duplicate keys, hashed; phones, emails and IDs read once ----
  const chains = DUPLICATE_CHECKS.map(() => newChains(n));
  const [mobileChains, emailChains, usccChains, residentChains, nameChains] = chains as [KeyChains, KeyChains, KeyChains, KeyChains, KeyChains];
  const phoneState = new Uint8Array(n);
  const emailInvalid = new Uint8Array(n);
  /** The FINDING kind of an invalid ID, 0 for a valid or blank one. */
  const idState = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const profile = records[i]!.profile;
    const phone = typedText(profile.phone);
    if (phone !== '') {
      const reading = readPhone(phone);
      if (reading !== null) {
        if (reading.valid) {
          if (reading.kind === 'mobile') addKey(mobileChains, i, reading.key);
        } else phoneState[i] = reading.kind === 'mobile' ? PHONE_INVALID_MOBILE : PHONE_INVALID_LANDLINE;
      }
    }
    const email = typedText(profile.email).trim();
    if (email !== '') {
      if (isValidEmail(email)) addKey(emailChains, i, email.toLowerCase());
      else emailInvalid[i] = 1;
    }
    const idNumber = typedText(profile.idNumber);
    if (idNumber !== '') {
      const reading = readIdNumber(idNumber, today);
      if (reading !== null) {
        if (reading.valid) addKey(reading.kind === 'uscc' ? usccChains : residentChains, i, reading.key);
        else idState[i] = idFindingKind(reading);
      }
    }
    const name = typedText(profile.name);
    const region = typedText(profile.region);
    if (name.trim() !== '' && region.trim() !== '') addPairKey(nameChains, i, nameKey(name), nameKey(region));
  }

  // Groups: a key shared by two or more different IDs (one ID listed twice is the import's duplicate-customer-id).
  const duplicateGroups: DuplicateGroup[] = [];
  /** Per key kind, by the group's first customer: the group's IDs. */
  const groupIds: Map<number, readonly string[]>[] = [];
  /** Per key kind: 1 at a head whose key is a group. */
  const isGroup: Uint8Array[] = [];
  DUPLICATE_CHECKS.forEach((check, k) => {
    const chain = chains[k]!;
    const groups = new Map<number, readonly string[]>();
    const flags = new Uint8Array(n);
    for (let head = 0; head < n; head++) {
      if (chain.first[head] !== head || chain.size[head]! < 2) continue;
      const ids: string[] = [];
      // Few members: a linear search beats hashing; a big group (5,000 namesakes) gets a Set.
      const seen = chain.size[head]! > 16 ? new Set<string>() : null;
      for (let i = head; i !== -1; i = chain.next[i]!) {
        const id = records[i]!.id;
        if (seen === null ? ids.includes(id) : seen.has(id)) continue;
        seen?.add(id);
        ids.push(id);
      }
      if (ids.length < 2) continue;
      groups.set(head, ids);
      flags[head] = 1;
      duplicateGroups.push({ check, key: chain.table.keyOf(head).replace('\u0000', ' / '), ids });
    }
    groupIds.push(groups);
    isGroup.push(flags);
  });

  // ---- pass 2: every check, customer by customer, recorded compactly (findingStore.ts) -----
  // About two findings per customer in a real archive (bench/quality.ts: 1.8): rarely a regrowth.
  const store = new FindingStore(2 * n + input.importIssues.length);
  // Whole-column findings first: a required field, or consent, the source has no column for.
  const requiredFields = settings.requiredFields.filter((f) => f !== 'customerId');
  requiredFields.forEach((field, f) => {
    if (!present.has(field)) store.add(FINDING.MISSING_COLUMN, -1, f);
  });
  if (settings.requireConsent && !present.has('consent')) store.add(FINDING.NO_CONSENT_COLUMN, -1, 0);
  /** Indices (into requiredFields) of the required fields the source has. */
  const requiredPresent = requiredFields.flatMap((field, f) => (present.has(field) ? [f] : []));
  const checkConsent = settings.requireConsent && present.has('consent');
  const staleDays = settings.staleContactDays;

  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    const profile = record.profile;
    for (let k = 0; k < DUPLICATE_CHECKS.length; k++) {
      const chain = chains[k]!;
      const head = chain.first[i]!;
      // Among the group's first six (by position in its chain): its own message; the rest share one.
      if (head !== -1 && isGroup[k]![head] === 1) store.add(FINDING.DUPLICATE + k, i, chain.rank[i]! <= MAX_IDS_IN_MESSAGE ? head : ~head);
    }
    const phone = phoneState[i]!;
    if (phone !== 0) store.add(phone === PHONE_INVALID_MOBILE ? FINDING.INVALID_MOBILE : FINDING.INVALID_LANDLINE, i, 0);
    if (emailInvalid[i] === 1) store.add(FINDING.INVALID_EMAIL, i, 0);
    const id = idState[i]!;
    if (id !== 0) store.add(id, i, 0);

    for (const f of requiredPresent) if (isBlank(profile[requiredFields[f]!])) store.add(FINDING.MISSING_FIELD, i, f);

    const satisfaction = profile.satisfaction;
    if (!isBlank(satisfaction) && !(typeof satisfaction === 'number' && Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)) {
      store.add(FINDING.SATISFACTION, i, 0);
    }

    const lastContact = typeof profile.lastContact === 'number' ? profile.lastContact : null;
    if (record.firstPurchase !== null && record.firstPurchase > today) store.add(FINDING.FUTURE_FIRST_PURCHASE, i, 0);
    if (record.lastPurchase !== null && record.lastPurchase > today) store.add(FINDING.FUTURE_LAST_PURCHASE, i, 0);
    if (lastContact !== null && lastContact > today) store.add(FINDING.FUTURE_LAST_CONTACT, i, 0);
    if (lastContact !== null && lastContact <= today && asOf - lastContact > staleDays) store.add(FINDING.STALE, i, asOf - lastContact);

    if (checkConsent && isBlank(profile.consent)) store.add(FINDING.MISSING_CONSENT, i, 0);
  }

  // ---- the import's own issues, in the same list -----------------------------------------
  // Source row -> customer, built only when there are issues to tie (a sparse array: rows are small integers).
  const customerOfRow: (number | undefined)[] = [];
  if (input.inputKind === 'customers' && input.importIssues.length > 0) records.forEach((record, i) => (customerOfRow[record.sourceRow] = i));
  const issues = input.importIssues;
  const importCounts = new Map<QualityCheckKey, number>();
  // Issue 11: an order customer missing from the archive is found by its ID (rows of two sources collide).
  let customerOfId: Map<string, number> | null = null;
  for (let j = 0; j < issues.length; j++) {
    const issue = issues[j]!;
    if (SUPERSEDED_IMPORT_CODES.has(issue.code)) continue;
    let index = issue.row === null ? undefined : customerOfRow[issue.row];
    if ((issue.code === 'not-in-archive' || issue.code === 'id-format-mismatch') && issue.value !== null) index = (customerOfId ??= new Map(records.map((record, i) => [record.id, i]))).get(issue.value);
    store.add(FINDING.IMPORT, index ?? -1, j);
    const check: QualityCheckKey = `import:${issue.code}`;
    importCounts.set(check, (importCounts.get(check) ?? 0) + 1);
  }

  // Counts from the kinds: rules in QUALITY_RULE_KEYS order, then import checks by first appearance.
  const ruleCounts = new Map<QualityCheckKey, number>();
  KIND_CHECK.forEach((check, kind) => ruleCounts.set(check, (ruleCounts.get(check) ?? 0) + store.perKind[kind]!));
  const counts: { check: QualityCheckKey; count: number }[] = [];
  for (const check of QUALITY_RULE_KEYS) {
    const count = ruleCounts.get(check) ?? 0;
    if (count > 0) counts.push({ check, count });
  }
  for (const [check, count] of importCounts) counts.push({ check, count });

  const materialise = findingMaterialiser(store, { records, fields: requiredFields, staleContactDays: staleDays, groupIds, issues });
  let findings: QualityFinding[] | null = null;
  let findingsByCustomer: Map<string, number> | null = null;
  let perCustomer: Int32Array | null = null;
  /** Findings per checked customer, by index; built on first use, once. */
  const countsPerCustomer = (): Int32Array => {
    if (perCustomer === null) {
      perCustomer = new Int32Array(n);
      for (let i = 0; i < store.length; i++) {
        const customer = store.customers[i]!;
        if (customer !== -1) perCustomer[customer]! += 1;
      }
    }
    return perCustomer;
  };
  const checkCustomerIndex = (index: number): void => {
    if (!(index >= 0 && index < n)) throw new RangeError(`internal: no checked customer ${index} (of ${n})`);
  };
  return {
    counts,
    duplicateGroups,
    findingCount: store.length,
    findingAt: (index) => {
      if (!(index >= 0 && index < store.length)) throw new RangeError(`internal: no quality finding ${index} (of ${store.length})`);
      return materialise(index);
    },
    // Built on first use (the writers), once.
    get findings() {
      if (findings === null) {
        findings = new Array<QualityFinding>(store.length);
        for (let i = 0; i < store.length; i++) findings[i] = materialise(i);
      }
      return findings;
    },
    get findingsByCustomer() {
      if (findingsByCustomer === null) {
        const counts = countsPerCustomer();
        findingsByCustomer = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          const count = counts[i]!;
          if (count > 0) findingsByCustomer.set(records[i]!.id, (findingsByCustomer.get(records[i]!.id) ?? 0) + count);
        }
      }
      return findingsByCustomer;
    },
    customerCount: n,
    customerIdAt: (index) => {
      checkCustomerIndex(index);
      return records[index]!.id;
    },
    findingCountOf: (index) => {
      checkCustomerIndex(index);
      return countsPerCustomer()[index]!;
    },
    findingCustomerAt: (index) => {
      if (!(index >= 0 && index < store.length)) throw new RangeError(`internal: no quality finding ${index} (of ${store.length})`);
      return store.customers[index]!;
    },
  };
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

