/**
 * Customer list or transaction log? Decided from the fields the headers
 * name (GRADING.md §1): order date, quantity, unit price, order ID and line
 * amount point to a log; order count, total spend and last purchase date to
 * a list. The user can force either.
 */
import type { FieldKey, InputKind } from '../types';

export type KindConfidence = 'high' | 'low' | 'none';

export interface KindDetection {
  /** null when the headers say nothing either way. */
  readonly kind: InputKind | null;
  readonly confidence: KindConfidence;
  readonly listScore: number;
  readonly logScore: number;
}

/** Evidence weights: the fields a kind cannot do without count double. */
const LIST_EVIDENCE: Readonly<Partial<Record<FieldKey, number>>> = { orderCount: 2, totalSpend: 2, lastPurchase: 2, firstPurchase: 1 };
const LOG_EVIDENCE: Readonly<Partial<Record<FieldKey, number>>> = { orderDate: 2, quantity: 2, unitPrice: 2, orderId: 2, amount: 2 };

/**
 * @param fields fields matched by kind-independent headers
 * @param kindDependentColumns how many headers only make sense once the kind is known (`金额`, `Date`)
 * @param hasDateLikeGenericHeader whether one of those is a plain date header (`日期`, `Date`): a list has no plain date
 */
export function detectKind(fields: ReadonlySet<FieldKey>, kindDependentColumns: number, hasDateLikeGenericHeader: boolean): KindDetection {
  let listScore = 0;
  let logScore = 0;
  for (const field of fields) {
    listScore += LIST_EVIDENCE[field] ?? 0;
    logScore += LOG_EVIDENCE[field] ?? 0;
  }
  if (listScore === 0 && logScore === 0) {
    // Only generic headers like `日期` + `金额`: a plain date column is an order date; a list would name its dates.
    if (kindDependentColumns > 0 && hasDateLikeGenericHeader) return { kind: 'transactions', confidence: 'low', listScore, logScore };
    return { kind: null, confidence: 'none', listScore, logScore };
  }
  if (listScore === logScore) {
    // A tie: a list must have an order count, a log cannot; let that decide, with low confidence.
    return { kind: fields.has('orderCount') ? 'customers' : 'transactions', confidence: 'low', listScore, logScore };
  }
  const kind: InputKind = listScore > logScore ? 'customers' : 'transactions';
  const confidence: KindConfidence = Math.min(listScore, logScore) === 0 ? 'high' : 'low';
  return { kind, confidence, listScore, logScore };
}
