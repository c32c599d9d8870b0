/**
 * The domain's shared vocabulary: fields, input rows, issues, customers and
 * their grades. Pure data; no host library is imported anywhere in
 * src/domain (an ESLint rule enforces it).
 */
import type { Localized } from '../i18n/locale';
import type { DayNumber } from './dates';

/** The two input shapes of GRADING.md §1. */
export type InputKind = 'customers' | 'transactions';

/**
 * Every field Tierwise understands. Customer-list fields and transaction-log
 * fields share one namespace; `customerId` is needed by both.
 */
export type FieldKey =
  // identity and profile (customer list; some also appear in logs)
  | 'customerId'
  | 'name'
  | 'customerType'
  | 'owner'
  | 'phone'
  | 'email'
  | 'region'
  // personal data (issue 7): a resident ID or Unified Social Credit Code, and a full address
  | 'idNumber'
  | 'address'
  | 'firstPurchase'
  | 'lastPurchase'
  | 'orderCount'
  | 'totalSpend'
  | 'lastContact'
  | 'satisfaction'
  | 'consent'
  | 'tierOverride'
  | 'notes'
  // transaction log
  | 'orderId'
  | 'orderDate'
  | 'quantity'
  | 'unitPrice'
  | 'amount';

/** A cell as read from a CSV, an .xlsx or a sheet, before interpretation. */
export type RawCell = string | number | boolean | Date | null;

/** A rectangular-ish grid of raw cells; row 0 is the first row of the source. */
export type RawGrid = readonly (readonly RawCell[])[];

export type IssueSeverity = 'error' | 'warning';

/**
 * A problem found in the user's data. Problems in data are values shown to
 * the user, never thrown. `row` is the 1-based row number as the user sees it
 * in the source (sheet row or file line of the record); `column` is the
 * source header text as the user typed it.
 */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly row: number | null;
  readonly column: string | null;
  /** The offending value as text, shortened to at most 80 characters. */
  readonly value: string | null;
  readonly message: Localized;
}

/** Stable machine names of data issues (used in the JSON report and tests). */
export type IssueCode =
  | 'empty-file'
  | 'no-header'
  | 'no-data-rows'
  | 'missing-required-field'
  | 'ambiguous-mapping'
  | 'missing-customer-id'
  | 'duplicate-customer-id'
  | 'invalid-date'
  | 'ambiguous-date'
  | 'excel-serial-60'
  | 'future-date'
  | 'purchase-after-as-of'
  | 'invalid-number'
  | 'negative-spend'
  | 'negative-count'
  | 'non-integer-count'
  | 'invalid-amount'
  | 'invalid-phone'
  | 'invalid-email'
  | 'unknown-tier'
  | 'formula-like-text'
  | 'text-too-long'
  | 'orders-without-last-purchase'
  | 'encoding-guessed'
  // An ID that arrived as a number above 2^53 (or as `1.23E+17` text): digits were lost before Tierwise saw it.
  | 'id-precision-lost'
  // A CSV quoting problem reported by the parser (unterminated or stray quote).
  | 'malformed-csv'
  // A value outside a field's accepted set (satisfaction 1-5, consent yes/no); kept as typed.
  | 'invalid-value'
  // Joining an order log to a customer archive (src/domain/join):
  // a customer of the orders that the archive does not list (graded, without a profile);
  | 'not-in-archive'
  // an ID of one source that matches an ID of the other but for leading zeros (`7` vs `007`: different customers);
  | 'id-format-mismatch'
  // an archive column of figures (orders, spend, purchase dates) replaced by the figures from the order log.
  | 'archive-figures-superseded';

/** A scalar a customer row carries into the table (profile columns, kept columns). */
export type CarriedValue = string | number | boolean | DayNumber | null;

/**
 * One customer, ready to grade: the list row itself (customer list) or the
 * aggregate of its orders (transaction log, GRADING.md §2).
 */
export interface CustomerRecord {
  /** Always text: leading zeros and 18-digit IDs are kept exactly. */
  readonly id: string;
  /** 1-based source row of the customer (list) or of its first line (log). */
  readonly sourceRow: number;
  readonly firstPurchase: DayNumber | null;
  readonly lastPurchase: DayNumber | null;
  /** Number of purchases (orders with net > 0); 0 makes a prospect. */
  readonly frequency: number;
  /** Total spend in currency units, >= 0, rounded to cents. */
  readonly monetary: number;
  /** The tier override as typed (a tier label or key), or null. */
  readonly tierOverride: string | null;
  /** Mapped profile fields (name, owner, phone, ...), already parsed. */
  readonly profile: Readonly<Partial<Record<FieldKey, CarriedValue>>>;
  /** Unmapped source columns, carried into the table as they were: header -> value. */
  readonly carried: Readonly<Record<string, CarriedValue>>;
}

export type SegmentKey =
  | 'important-value'
  | 'important-develop'
  | 'important-retain'
  | 'important-winback'
  | 'general-value'
  | 'general-develop'
  | 'general-retain'
  | 'general-winback';

export type LifecycleKey = 'potential' | 'churned' | 'at-risk' | 'new' | 'active';

/** Tier keys are data (the tier list is editable); the defaults are these. */
export type DefaultTierKey = 'gold' | 'silver' | 'regular' | 'new' | 'prospect';

/** The three breakpoint lists of GRADING.md §4, each [b1, b2, b3, b4]. */
export interface Breakpoints {
  readonly recency: readonly [number, number, number, number];
  readonly frequency: readonly [number, number, number, number];
  readonly monetary: readonly [number, number, number, number];
}

/** A customer with its grade (GRADING.md §3-7). Scores are null for prospects. */
export interface GradedCustomer {
  readonly record: CustomerRecord;
  readonly recencyDays: number | null;
  readonly r: number | null;
  readonly f: number | null;
  readonly m: number | null;
  readonly segment: SegmentKey | null;
  readonly tier: string;
  readonly lifecycle: LifecycleKey;
}

/** The result of grading a set of customers. */
export interface GradingResult {
  readonly asOf: DayNumber;
  /** null when no customer is scored (everyone is a prospect). */
  readonly breakpoints: Breakpoints | null;
  readonly customers: readonly GradedCustomer[];
  readonly issues: readonly Issue[];
}

/** One parsed line of a transaction log, before aggregation (GRADING.md §2). */
export interface TransactionLine {
  readonly customerId: string;
  /** 1-based source row of the line. */
  readonly sourceRow: number;
  /** The line's date (time of day dropped). */
  readonly day: DayNumber;
  /** Line amount: the amount column, else quantity x unit price; may be negative (refund). */
  readonly amount: number;
  /** The order ID when mapped, else null (the order is then the customer's calendar day). */
  readonly orderId: string | null;
  /** Profile fields found on the line (name, owner, phone...); the latest non-empty wins on aggregation. */
  readonly profile: Readonly<Partial<Record<FieldKey, CarriedValue>>>;
  /** Unmapped source columns of the line, header -> value (the latest non-empty wins on aggregation, like profile). */
  readonly carried?: Readonly<Record<string, CarriedValue>>;
}
