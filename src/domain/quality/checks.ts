/**
 * Runs every data-quality check over the customers (issue 8 §1). Linear in
 * the customers: probable duplicates are found by hashing normalised keys
 * (one DuplicateKeys per key kind, duplicateKeys.ts), never by comparing pairs;
 * values are read by the quick readers (quickReaders.ts) first. Findings are
 * recorded compactly (findingStore.ts); their values and messages are built
 * when a writer asks for them.
 */
import type { DayNumber } from '../dates';
import { nfkc } from '../import/text';
import type { CarriedValue, CustomerRecord, FieldKey, InputKind, Issue, IssueCode } from '../types';
import { isValidNonPlainEmail, NOT_PLAIN_EMAIL, plainEmailHash } from './email';
import { readIdNumber, readPhone, type IdNumberReading } from './identifiers';
import { QUICK_INVALID_MOBILE, QUICK_RESIDENT_VALID, QUICK_UNDECIDED, QUICK_USCC_CHECKSUM, QUICK_USCC_VALID, quickIdHash, quickIdNumber, quickIdVerdict, quickMobileKey } from './quickReaders';
import { DuplicateKeys, newLinkScratch, foldedTextHash, pairHash, textHash, type KeyComparison } from './duplicateKeys';
import { MAX_IDS_IN_MESSAGE } from './messages';
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

/** `text.trim()`, without the call when both ends are printable ASCII (nothing to trim). */
function trimmed(text: string): string {
  const last = text.length - 1;
  if (last < 0) return text;
  const head = text.charCodeAt(0);
  const tail = text.charCodeAt(last);
  return head > 32 && head < 127 && tail > 32 && tail < 127 ? text : text.trim();
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

/** How each of DUPLICATE_CHECKS compares its keys. */
const DUPLICATE_COMPARISONS: readonly KeyComparison[] = ['number', 'folded', 'text', 'text', 'pair'];

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
  // Quick readers first (quickReaders.ts: no object, string or regular expression per value), the general
  // readers for whatever they cannot decide.
  const chains = DUPLICATE_COMPARISONS.map((comparison) => new DuplicateKeys(n, comparison));
  const [mobileKeys, emailKeys, usccKeys, residentKeys, nameKeys] = chains as [DuplicateKeys, DuplicateKeys, DuplicateKeys, DuplicateKeys, DuplicateKeys];
  const phoneState = new Uint8Array(n);
  const emailInvalid = new Uint8Array(n);
  /** The FINDING kind of an invalid ID, 0 for a valid or blank one. */
  const idState = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const profile = records[i]!.profile;
    const phone = typedText(profile.phone);
    if (phone !== '') {
      const quick = quickMobileKey(phone);
      if (quick >= 0) mobileKeys.setNumber(i, quick);
      else if (quick === QUICK_INVALID_MOBILE) phoneState[i] = PHONE_INVALID_MOBILE;
      else {
        const reading = readPhone(phone);
        if (reading !== null) {
          if (reading.valid) {
            // A valid mobile's key is its 11 digits (/^1[3-9]\d{9}$/): exact as a number.
            if (reading.kind === 'mobile') mobileKeys.setNumber(i, Number(reading.key));
          } else phoneState[i] = reading.kind === 'mobile' ? PHONE_INVALID_MOBILE : PHONE_INVALID_LANDLINE;
        }
      }
    }
    const email = trimmed(typedText(profile.email));
    if (email !== '') {
      // Keys compare lower-cased: a plain ASCII address folds A-Z as it is compared, any other is lower-cased here.
      const plainHash = plainEmailHash(email);
      if (plainHash !== NOT_PLAIN_EMAIL) emailKeys.setText(i, email, plainHash);
      else if (isValidNonPlainEmail(email)) {
        const key = email.toLowerCase();
        emailKeys.setText(i, key, foldedTextHash(key));
      } else emailInvalid[i] = 1;
    }
    const idNumber = typedText(profile.idNumber);
    if (idNumber !== '') {
      const quick = quickIdNumber(idNumber, today);
      const verdict = quick === QUICK_UNDECIDED ? QUICK_UNDECIDED : quickIdVerdict(quick);
      if (verdict === QUICK_RESIDENT_VALID) residentKeys.setText(i, idNumber, quickIdHash(quick));
      else if (verdict === QUICK_USCC_VALID) usccKeys.setText(i, idNumber, quickIdHash(quick));
      else if (verdict === QUICK_USCC_CHECKSUM) idState[i] = FINDING.USCC_CHECKSUM;
      else {
        const reading = readIdNumber(idNumber, today);
        if (reading !== null) {
          if (reading.valid) (reading.kind === 'uscc' ? usccKeys : residentKeys).setText(i, reading.key, textHash(reading.key));
          else idState[i] = idFindingKind(reading);
        }
      }
    }
    const name = typedText(profile.name);
    const region = typedText(profile.region);
    if (name !== '' && region !== '') {
      if (isNameKeyAlready(name) && isNameKeyAlready(region)) nameKeys.setPair(i, name, region, pairHash(name, region));
      else if (name.trim() !== '' && region.trim() !== '') {
        const nameText = nameKey(name);
        const regionText = nameKey(region);
        nameKeys.setPair(i, nameText, regionText, pairHash(nameText, regionText));
      }
    }
  }

  // Groups: a key shared by two or more different IDs (one ID listed twice is the import's duplicate-customer-id).
  // Which customers are in one is decided here; each group's list of IDs and key text are built when a
  // writer asks (the duplicateGroups getter, a finding's message), like the findings' messages.
  const idOf = (index: number): string => records[index]!.id;
  /** Per key kind: the heads of its groups, ascending. */
  const scratch = newLinkScratch(n);
  for (const chain of chains) chain.link(scratch);
  const groupHeads = chains.map((chain) => chain.groupHeads(idOf));
  /** Per key kind: 1 at a head whose key is a group. */
  const isGroup = groupHeads.map((heads) => {
    const flags = new Uint8Array(n);
    for (let g = 0; g < heads.length; g++) flags[heads[g]!] = 1;
    return flags;
  });
  /** Per key kind, by the group's first customer: the group's IDs (built on first use). */
  const groupIdLists = DUPLICATE_CHECKS.map(() => new Map<number, readonly string[]>());
  const groupIds = (k: number, head: number): readonly string[] => {
    let ids = groupIdLists[k]!.get(head);
    if (ids === undefined) {
      if (isGroup[k]![head] !== 1) throw new RangeError(`internal: customer ${head} heads no ${DUPLICATE_CHECKS[k]} group`);
      ids = chains[k]!.chainIds(head, idOf);
      groupIdLists[k]!.set(head, ids);
    }
    return ids;
  };
  let duplicateGroups: DuplicateGroup[] | null = null;

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
    // Built on first use (the report), once: kinds in DUPLICATE_CHECKS order, groups by first customer.
    get duplicateGroups() {
      if (duplicateGroups === null) {
        const groups: DuplicateGroup[] = [];
        DUPLICATE_CHECKS.forEach((check, k) => {
          const heads = groupHeads[k]!;
          for (let g = 0; g < heads.length; g++) {
            const head = heads[g]!;
            const text = chains[k]!.keyText(head);
            // Emails are kept as typed when plain ASCII (compared case-folded); the group shows the lower-cased key.
            const key = check === 'duplicate-email' ? text.toLowerCase() : text.replace('\u0000', ' / ');
            groups.push({ check, key, ids: groupIds(k, head) });
          }
        });
        duplicateGroups = groups;
      }
      return duplicateGroups;
    },
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

