/**
 * Data-quality findings (issue 8 §1): each check is a rule with a stable
 * key, a severity and a message in English and Chinese saying what to do.
 * Pure data, like the rest of src/domain.
 */
import type { Localized } from '../../i18n/locale';
import type { FieldKey, IssueCode, IssueSeverity } from '../types';

/** The checks' stable keys (the JSON report, the Quality sheet, tests). Order = the order counts are shown in. */
export const QUALITY_RULE_KEYS = [
  'duplicate-mobile',
  'duplicate-email',
  'duplicate-uscc',
  'duplicate-resident-id',
  'duplicate-name-region',
  'invalid-mobile',
  'invalid-landline',
  'invalid-email',
  'invalid-resident-id',
  'invalid-resident-id-birth-date',
  'invalid-uscc',
  'missing-required-field',
  'satisfaction-out-of-range',
  'future-date',
  'stale-contact',
  'missing-consent',
] as const;

export type QualityRuleKey = (typeof QUALITY_RULE_KEYS)[number];

/** An issue the import already found, listed with the checks under `import:<IssueCode>`. */
export type ImportCheckKey = `import:${IssueCode}`;

export type QualityCheckKey = QualityRuleKey | ImportCheckKey;

export interface QualityFinding {
  readonly check: QualityCheckKey;
  readonly severity: IssueSeverity;
  /** The customer the finding is about; null for a finding about a whole column or an order line. */
  readonly customerId: string | null;
  /** 1-based source row (as in Issue.row); null when there is none. */
  readonly row: number | null;
  /** The field checked; null for an import issue about a source column Tierwise does not map. */
  readonly field: FieldKey | null;
  /** The source column as the user named it (import issues), or null. */
  readonly column: string | null;
  /** The value as typed, as text (never run as a formula), at most 80 characters; null when empty. */
  readonly value: string | null;
  readonly message: Localized;
}

/** One group of probable duplicates: different IDs sharing one normalised key. Always two IDs or more. */
export interface DuplicateGroup {
  readonly check: Extract<QualityRuleKey, `duplicate-${string}`>;
  /** The normalised value the IDs share (digits of a mobile, a lower-case email, name + region). */
  readonly key: string;
  readonly ids: readonly string[];
}

export interface QualitySettings {
  /** Profile fields every customer should have (a finding per customer missing one). */
  readonly requiredFields: readonly FieldKey[];
  /** A last contact more than this many days before the as-of date is stale ("call to update"). */
  readonly staleContactDays: number;
  /** Flag customers whose marketing consent is not recorded. */
  readonly requireConsent: boolean;
}

export const DEFAULT_QUALITY_SETTINGS: QualitySettings = {
  requiredFields: ['name', 'phone', 'owner'],
  staleContactDays: 180,
  requireConsent: true,
};

export interface QualityResult {
  /** Findings per check, in QUALITY_RULE_KEYS order then import checks by first appearance; zero counts are left out. */
  readonly counts: readonly { readonly check: QualityCheckKey; readonly count: number }[];
  /** How many findings there are (the findings' length, without building them). */
  readonly findingCount: number;
  /** One finding, built when asked for (a writer going row by row builds no array of them). 0 <= index < findingCount. */
  readonly findingAt: (index: number) => QualityFinding;
  /**
   * Whole-column findings, then the checks in customer order, each customer's findings together, then
   * the import's issues. Built on first use (messages included) and kept: the checks themselves record
   * findings compactly (findingStore.ts).
   */
  readonly findings: readonly QualityFinding[];
  readonly duplicateGroups: readonly DuplicateGroup[];
  /** Findings per customer ID (the table's Data issues column); customers without findings are absent. Built on first use. */
  readonly findingsByCustomer: ReadonlyMap<string, number>;
  /** How many customers were checked (the input's records, in their order). */
  readonly customerCount: number;
  /** The ID of the checked customer at `index` (0 <= index < customerCount), as the checks read it. */
  readonly customerIdAt: (index: number) => string;
  /**
   * The findings of the checked customer at `index`. Summed over the customers that share an ID, they
   * are findingsByCustomer's; graded customers' IDs are unique (the import and the join refuse a second
   * row with an ID), so for them it is the ID's count. O(1): a writer whose rows are the checked
   * customers in order needs no map of 100,000 IDs.
   */
  readonly findingCountOf: (index: number) => number;
  /** The index of the checked customer finding `index` is about; -1 for a whole-column or import finding. */
  readonly findingCustomerAt: (index: number) => number;
}
