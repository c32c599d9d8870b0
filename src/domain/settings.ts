/**
 * Grading settings: every threshold, list and map of GRADING.md is data here,
 * with the contract's values as the defaults. The workbook's Settings sheet
 * holds the same values (as defined names), and the task pane edits them.
 */
import type { Localized } from '../i18n/locale';
import type { DayNumber } from './dates';
import type { SegmentKey } from './types';

/** How the as-of date is chosen (GRADING.md §3). */
export type AsOfSetting =
  | { readonly mode: 'auto' } // the day after the latest purchase in the data
  | { readonly mode: 'fixed'; readonly day: DayNumber }
  | { readonly mode: 'today' };

/** How a tier is decided. Tiers are tried in list order; the first that applies wins. */
export type TierRule =
  | { readonly kind: 'prospect' } // frequency = 0
  | { readonly kind: 'new'; readonly withinDays: number } // first purchase <= withinDays before as-of
  | { readonly kind: 'score'; readonly minScore: number } // r + f + m >= minScore
  | { readonly kind: 'fallback' }; // always applies

export interface TierDefinition {
  readonly key: string;
  readonly label: Localized;
  /** Fill colour for conditional formatting, `#RRGGBB`. */
  readonly color: string;
  readonly rule: TierRule;
}

export interface SegmentDefinition {
  readonly key: SegmentKey;
  readonly label: Localized;
  readonly rHigh: boolean;
  readonly fHigh: boolean;
  readonly mHigh: boolean;
}

export interface LifecycleSettings {
  /** Churned when recency days > this. */
  readonly churnedAfterDays: number;
  /** At risk when recency days > this. */
  readonly atRiskAfterDays: number;
  /** New when the first purchase is <= this many days before the as-of date. */
  readonly newWithinDays: number;
}

export interface GradingSettings {
  readonly asOf: AsOfSetting;
  /** The four PERCENTILE.INC quantiles giving b1..b4. */
  readonly quantiles: readonly [number, number, number, number];
  /** A score is "high" when >= this (segment model). */
  readonly highScoreCut: number;
  readonly tiers: readonly TierDefinition[];
  /** The 8 segments in the contract's order (GRADING.md §5 table). */
  readonly segments: readonly SegmentDefinition[];
  readonly lifecycle: LifecycleSettings;
  /** Suggested action per segment on the slide deck; a missing key uses DEFAULT_SEGMENT_ACTIONS (src/domain/summary/segmentActions.ts). Not yet on the Settings sheet. */
  readonly segmentActions?: Readonly<Partial<Record<SegmentKey, Localized>>>;
}

export const DEFAULT_TIERS: readonly TierDefinition[] = [
  { key: 'prospect', label: { en: 'Prospect', zh: '潜在客户' }, color: '#D9D9D9', rule: { kind: 'prospect' } },
  { key: 'new', label: { en: 'New', zh: '新客户' }, color: '#BDD7EE', rule: { kind: 'new', withinDays: 90 } },
  { key: 'gold', label: { en: 'Gold', zh: '金卡' }, color: '#FFD966', rule: { kind: 'score', minScore: 13 } },
  { key: 'silver', label: { en: 'Silver', zh: '银卡' }, color: '#C9C9C9', rule: { kind: 'score', minScore: 10 } },
  { key: 'regular', label: { en: 'Regular', zh: '普通客户' }, color: '#E2EFDA', rule: { kind: 'fallback' } },
];

/** The 8-class RFM model, in the order of GRADING.md §5. */
export const DEFAULT_SEGMENTS: readonly SegmentDefinition[] = [
  { key: 'important-value', label: { en: 'Important value', zh: '重要价值客户' }, rHigh: true, fHigh: true, mHigh: true },
  { key: 'important-develop', label: { en: 'Important to develop', zh: '重要发展客户' }, rHigh: true, fHigh: false, mHigh: true },
  { key: 'important-retain', label: { en: 'Important to retain', zh: '重要保持客户' }, rHigh: false, fHigh: true, mHigh: true },
  { key: 'important-winback', label: { en: 'Important to win back', zh: '重要挽留客户' }, rHigh: false, fHigh: false, mHigh: true },
  { key: 'general-value', label: { en: 'General value', zh: '一般价值客户' }, rHigh: true, fHigh: true, mHigh: false },
  { key: 'general-develop', label: { en: 'General to develop', zh: '一般发展客户' }, rHigh: true, fHigh: false, mHigh: false },
  { key: 'general-retain', label: { en: 'General to retain', zh: '一般保持客户' }, rHigh: false, fHigh: true, mHigh: false },
  { key: 'general-winback', label: { en: 'General to win back', zh: '一般挽留客户' }, rHigh: false, fHigh: false, mHigh: false },
];

export const LIFECYCLE_LABELS: Readonly<Record<'potential' | 'churned' | 'at-risk' | 'new' | 'active', Localized>> = {
  potential: { en: 'Potential', zh: '潜在' },
  churned: { en: 'Churned', zh: '已流失' },
  'at-risk': { en: 'At risk', zh: '流失预警' },
  new: { en: 'New', zh: '新客户' },
  active: { en: 'Active', zh: '活跃' },
};

export const DEFAULT_SETTINGS: GradingSettings = {
  asOf: { mode: 'auto' },
  quantiles: [0.2, 0.4, 0.6, 0.8],
  highScoreCut: 4,
  tiers: DEFAULT_TIERS,
  segments: DEFAULT_SEGMENTS,
  lifecycle: { churnedAfterDays: 365, atRiskAfterDays: 180, newWithinDays: 90 },
};
