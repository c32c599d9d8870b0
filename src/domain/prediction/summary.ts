/**
 * The prediction's figures for the summary (issue 9): expected purchases,
 * expected revenue (next H days) and CLV summed by tier and by segment, and
 * the customers to call first, "at risk, high value": P(active) below the
 * medium-risk threshold, ranked by spend at risk = total spend x (1 - P(active)).
 */
import type { GradedCustomer, GradingResult, SegmentKey } from '../types';
import type { PredictionResult } from './predict';
import type { PredictionSettings } from './settings';

export interface PredictionGroup {
  /** Tier key or segment key; null segment = customers without a segment (prospects). */
  readonly key: string | null;
  readonly customers: number;
  /** Customers with a prediction. */
  readonly predicted: number;
  readonly expectedPurchases: number;
  /** Sum of expected purchases x expected value per purchase over the next H days; null without a spend model. */
  readonly expectedRevenue: number | null;
  readonly clv: number | null;
}

export interface AtRiskCustomer {
  readonly id: string;
  readonly tier: string;
  readonly segment: SegmentKey | null;
  readonly pAlive: number;
  readonly spend: number;
  readonly spendAtRisk: number;
  readonly clv: number | null;
}

export interface PredictionSummary {
  readonly byTier: readonly PredictionGroup[];
  readonly bySegment: readonly PredictionGroup[];
  readonly atRiskHighValue: readonly AtRiskCustomer[];
}

/** How many customers the "call first" list holds. */
export const AT_RISK_LIST_LENGTH = 20;

export function summarizePrediction(grading: GradingResult, prediction: PredictionResult, settings: PredictionSettings, tierOrder: readonly string[], segmentOrder: readonly SegmentKey[]): PredictionSummary {
  const withValue = prediction.spendModel !== null;
  type Acc = { customers: number; predicted: number; purchases: number; revenue: number; clv: number };
  const empty = (): Acc => ({ customers: 0, predicted: 0, purchases: 0, revenue: 0, clv: 0 });
  const tiers = new Map<string, Acc>(tierOrder.map((k) => [k, empty()]));
  const segments = new Map<string | null, Acc>([...segmentOrder.map((k) => [k, empty()] as const), [null, empty()]]);
  const atRisk: AtRiskCustomer[] = [];
  grading.customers.forEach((c: GradedCustomer, i) => {
    const tierAcc = tiers.get(c.tier) ?? (tiers.set(c.tier, empty()).get(c.tier) as Acc);
    const segmentAcc = segments.get(c.segment) as Acc;
    const p = prediction.pAlive[i] as number;
    const e = prediction.expectedPurchases[i] as number;
    const v = prediction.expectedValue[i] as number;
    const clv = prediction.clv[i] as number;
    for (const acc of [tierAcc, segmentAcc]) {
      acc.customers++;
      if (Number.isNaN(p) || Number.isNaN(e)) continue;
      acc.predicted++;
      acc.purchases += e;
      if (withValue) {
        acc.revenue += e * v;
        acc.clv += clv;
      }
    }
    if (!Number.isNaN(p) && p < settings.mediumRiskBelow) {
      const spend = c.record.monetary;
      atRisk.push({ id: c.record.id, tier: c.tier, segment: c.segment, pAlive: p, spend, spendAtRisk: spend * (1 - p), clv: withValue && Number.isFinite(clv) ? clv : null });
    }
  });
  const group = ([key, a]: [string | null, Acc]): PredictionGroup => ({
    key,
    customers: a.customers,
    predicted: a.predicted,
    expectedPurchases: a.purchases,
    expectedRevenue: withValue ? a.revenue : null,
    clv: withValue ? a.clv : null,
  });
  atRisk.sort((x, y) => y.spendAtRisk - x.spendAtRisk || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    byTier: [...tiers].map(group),
    bySegment: [...segments].map(group),
    atRiskHighValue: atRisk.slice(0, AT_RISK_LIST_LENGTH),
  };
}
