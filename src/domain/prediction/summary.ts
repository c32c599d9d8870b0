/**
 * The prediction's figures for the summary (issue 9): expected purchases,
 * expected revenue (next H days) and CLV summed and averaged by tier and by
 * segment, and the customers to call first, "at risk, high value".
 *
 * The call-first rule (the Summary sheet's live list follows the same one):
 * customers whose P(active) is below the high-risk threshold (their churn-risk
 * band is "high") and who have a CLV, the most valuable (CLV) first; equal CLVs
 * keep the table's order (the customers' order); the first AT_RISK_LIST_LENGTH.
 * Without a spend model there is no CLV, hence no list.
 */
import type { GradedCustomer, GradingResult, SegmentKey } from '../types';
import type { PredictionResult } from './predict';
import type { PredictionSettings } from './settings';

export interface PredictionGroup {
  /** Tier key or segment key; null segment = customers without a segment (prospects). */
  readonly key: string | null;
  readonly customers: number;
  /** Customers with a prediction (a P(active) and expected purchases). */
  readonly predicted: number;
  readonly expectedPurchases: number;
  /** Sum of expected purchases x expected value per purchase over the next H days; null without a spend model. */
  readonly expectedRevenue: number | null;
  /** expectedRevenue / predicted; null without a spend model or with no customer predicted. */
  readonly avgExpectedRevenue: number | null;
  readonly clv: number | null;
  /** clv / predicted (every predicted customer has a CLV when there is a spend model); null as avgExpectedRevenue. */
  readonly avgClv: number | null;
}

export interface AtRiskCustomer {
  /** The customer's index in the grading result (= its row in the Customers table). */
  readonly index: number;
  readonly id: string;
  /** The profile's name and owner as text; null when absent. */
  readonly name: string | null;
  readonly owner: string | null;
  readonly tier: string;
  readonly segment: SegmentKey | null;
  readonly pAlive: number;
  readonly spend: number;
  /** Total spend x (1 - P(active)): the spend of a customer probably lost. */
  readonly spendAtRisk: number;
  readonly clv: number;
}

export interface PredictionSummary {
  readonly byTier: readonly PredictionGroup[];
  readonly bySegment: readonly PredictionGroup[];
  /** The call-first list (rule above), at most AT_RISK_LIST_LENGTH customers. */
  readonly atRiskHighValue: readonly AtRiskCustomer[];
  /** Every customer the rule selects (the list is the head of them): how many, and their CLV summed; clv null without a spend model. */
  readonly highRisk: { readonly customers: number; readonly clv: number | null };
}

/** The summary with the settings its texts name: what the deck's prediction slide and the pane's deck export carry. */
export interface PredictionHighlights {
  readonly summary: PredictionSummary;
  readonly horizonDays: number;
  readonly clvMonths: number;
  readonly highRiskBelow: number;
}

/** The highlights of a prediction run's summary; null when nothing was predicted. */
export function predictionHighlights(summary: PredictionSummary | null, settings: Pick<PredictionSettings, 'horizonDays' | 'clvMonths' | 'highRiskBelow'>): PredictionHighlights | null {
  return summary === null ? null : { summary, horizonDays: settings.horizonDays, clvMonths: settings.clvMonths, highRiskBelow: settings.highRiskBelow };
}

/** How many customers the "call first" list holds. */
export const AT_RISK_LIST_LENGTH = 20;

const profileText = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

export function summarizePrediction(grading: GradingResult, prediction: PredictionResult, settings: PredictionSettings, tierOrder: readonly string[], segmentOrder: readonly SegmentKey[]): PredictionSummary {
  const withValue = prediction.spendModel !== null;
  type Acc = { customers: number; predicted: number; purchases: number; revenue: number; clv: number };
  const empty = (): Acc => ({ customers: 0, predicted: 0, purchases: 0, revenue: 0, clv: 0 });
  const tiers = new Map<string, Acc>(tierOrder.map((k) => [k, empty()]));
  const segments = new Map<string | null, Acc>([...segmentOrder.map((k) => [k, empty()] as const), [null, empty()]]);
  const atRisk: AtRiskCustomer[] = [];
  let highRiskClv = 0;
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
    if (withValue && !Number.isNaN(p) && p < settings.highRiskBelow && Number.isFinite(clv)) {
      const spend = c.record.monetary;
      highRiskClv += clv;
      atRisk.push({
        index: i,
        id: c.record.id,
        name: profileText(c.record.profile.name),
        owner: profileText(c.record.profile.owner),
        tier: c.tier,
        segment: c.segment,
        pAlive: p,
        spend,
        spendAtRisk: spend * (1 - p),
        clv,
      });
    }
  });
  const group = ([key, a]: [string | null, Acc]): PredictionGroup => ({
    key,
    customers: a.customers,
    predicted: a.predicted,
    expectedPurchases: a.purchases,
    expectedRevenue: withValue ? a.revenue : null,
    avgExpectedRevenue: withValue && a.predicted > 0 ? a.revenue / a.predicted : null,
    clv: withValue ? a.clv : null,
    avgClv: withValue && a.predicted > 0 ? a.clv / a.predicted : null,
  });
  // Array.prototype.sort is stable: equal CLVs keep the customers' (the table's) order, as the sheet's live list does.
  atRisk.sort((x, y) => y.clv - x.clv);
  return {
    byTier: [...tiers].map(group),
    bySegment: [...segments].map(group),
    atRiskHighValue: atRisk.slice(0, AT_RISK_LIST_LENGTH),
    highRisk: { customers: atRisk.length, clv: withValue ? highRiskClv : null },
  };
}
