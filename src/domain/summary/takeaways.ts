/**
 * One-line takeaways for the deck's slides, computed from the summary's
 * numbers, in both languages. Pure.
 *
 * Every rule says only what the numbers support: no share is printed when
 * its divisor is 0, a tier nobody reached is named as such, and a base where
 * one tier holds everyone says so instead of comparing the tier with itself.
 */
import type { Localized } from '../../i18n/locale';
import type { GradingSettings, TierDefinition } from '../settings';
import type { CustomerSummary, GroupSummary, OwnerSummary } from './types';
import { formatCount, formatMoney, formatShare, shareOf } from './numberText';
import type { PredictionSummary } from '../prediction/summary';

/** The tier the KPIs call the top tier: the first with a score threshold (GRADING.md §9), else the one with most revenue. */
export function topTier(summary: CustomerSummary, tiers: readonly TierDefinition[]): { readonly tier: TierDefinition; readonly group: GroupSummary } | null {
  const scored = tiers.find((t) => t.rule.kind === 'score');
  const groupOf = (key: string): GroupSummary | undefined => summary.byTier.find((g) => g.key === key);
  if (scored !== undefined) {
    const group = groupOf(scored.key);
    if (group !== undefined) return { tier: scored, group };
  }
  let best: { tier: TierDefinition; group: GroupSummary } | null = null;
  for (const tier of tiers) {
    const group = groupOf(tier.key);
    if (group !== undefined && (best === null || group.revenue > best.group.revenue)) best = { tier, group };
  }
  return best;
}

/** "Gold customers", "金卡客户": the label with its customer noun, not doubled ("普通客户客户"). */
function customersOf(label: Localized): Localized {
  return {
    en: /customers?$/i.test(label.en.trim()) ? label.en : `${label.en} customers`,
    zh: label.zh.trim().endsWith('客户') ? label.zh : `${label.zh}客户`,
  };
}

const NO_CUSTOMERS: Localized = { en: 'There are no customers to summarise.', zh: '没有可汇总的客户。' };

/** The revenue-by-tier (Pareto) slide: how much of the revenue the top tier brings. */
export function tierTakeaway(summary: CustomerSummary, settings: Pick<GradingSettings, 'tiers'>): Localized {
  if (summary.customers === 0) return NO_CUSTOMERS;
  const nonEmpty = summary.byTier.filter((g) => g.customers > 0);
  const labelOf = (key: string): Localized => settings.tiers.find((t) => t.key === key)?.label ?? { en: key, zh: key };
  if (nonEmpty.length === 1 && nonEmpty[0] !== undefined) {
    const only = customersOf(labelOf(nonEmpty[0].key));
    const n = summary.customers;
    return { en: `All ${formatCount(n, 'en')} customers are ${only.en}.`, zh: `全部 ${formatCount(n, 'zh-CN')} 位客户都是${only.zh}。` };
  }
  if (summary.revenue <= 0) {
    const n = summary.customers;
    return {
      en: `No revenue yet: none of the ${formatCount(n, 'en')} customers has spent more than 0.`,
      zh: `尚无收入：${formatCount(n, 'zh-CN')} 位客户的消费额都是 0。`,
    };
  }
  const top = topTier(summary, settings.tiers);
  if (top === null) return NO_CUSTOMERS;
  const topLabel = customersOf(top.tier.label);
  if (top.group.customers === 0) {
    const biggest = [...summary.byTier].sort((a, b) => b.revenue - a.revenue)[0];
    if (biggest === undefined) return NO_CUSTOMERS;
    const big = customersOf(labelOf(biggest.key));
    const share = formatShare(biggest.revenueShare);
    return {
      en: `No customer reaches ${top.tier.label.en} yet; ${big.en} bring ${share} of revenue.`,
      zh: `尚无客户达到${top.tier.label.zh}；${big.zh}贡献 ${share} 的收入。`,
    };
  }
  const customerShare = formatShare(top.group.customerShare);
  const revenueShare = formatShare(top.group.revenueShare);
  return {
    en: `${topLabel.en} are ${customerShare} of customers and bring ${revenueShare} of revenue.`,
    zh: `${topLabel.zh}占 ${customerShare} 的客户，贡献 ${revenueShare} 的收入。`,
  };
}

/** The segment slide: the largest segment, and what the important-value segment brings. */
export function segmentTakeaway(summary: CustomerSummary, settings: Pick<GradingSettings, 'segments'>): Localized {
  if (summary.customers === 0) return NO_CUSTOMERS;
  if (summary.scored === 0) {
    return { en: 'No customer has bought yet, so no segment has members.', zh: '尚无客户产生购买，因此各细分都没有客户。' };
  }
  let largest: GroupSummary | null = null;
  for (const g of summary.bySegment) if (largest === null || g.customers > largest.customers) largest = g;
  if (largest === null) return NO_CUSTOMERS;
  const largestKey = largest.key;
  const labelOf = (key: string): Localized => settings.segments.find((s) => s.key === key)?.label ?? { en: key, zh: key };
  const largestLabel = labelOf(largestKey);
  const share = formatShare(shareOf(largest.customers, summary.scored));
  const first: Localized = {
    en: `Largest segment: ${largestLabel.en}, ${share} of buying customers`,
    zh: `最大的细分是${largestLabel.zh}，占有购买客户的 ${share}`,
  };
  const best = summary.bySegment.find((g) => g.key === 'important-value');
  if (best === undefined || best.revenueShare === null || summary.revenue <= 0 || best.customers === 0) {
    return { en: `${first.en}.`, zh: `${first.zh}。` };
  }
  const bestShare = formatShare(best.revenueShare);
  if (largestKey === 'important-value') {
    return { en: `${first.en}, bringing ${bestShare} of revenue.`, zh: `${first.zh}，贡献 ${bestShare} 的收入。` };
  }
  const bestLabel = customersOf(labelOf('important-value'));
  return {
    en: `${first.en}; ${bestLabel.en} bring ${bestShare} of revenue.`,
    zh: `${first.zh}；${bestLabel.zh}贡献 ${bestShare} 的收入。`,
  };
}

/** The segment table: how much of the base and of the revenue the four important (high-spend) segments hold. */
export function importantSegmentsTakeaway(summary: CustomerSummary): Localized {
  if (summary.customers === 0) return NO_CUSTOMERS;
  if (summary.scored === 0) {
    return { en: 'No customer has bought yet, so no segment has members.', zh: '尚无客户产生购买，因此各细分都没有客户。' };
  }
  const important = summary.bySegment.filter((g) => g.key.startsWith('important-'));
  const customers = important.reduce((n, g) => n + g.customers, 0);
  const revenue = important.reduce((n, g) => n + g.revenue, 0);
  const customerShare = formatShare(shareOf(customers, summary.scored));
  const revenueShare = shareOf(revenue, summary.revenue);
  if (revenueShare === null) {
    return { en: `The important segments hold ${customerShare} of buying customers.`, zh: `重要细分占有购买客户的 ${customerShare}。` };
  }
  return {
    en: `The important segments are ${customerShare} of buying customers and bring ${formatShare(revenueShare)} of revenue.`,
    zh: `重要细分占有购买客户的 ${customerShare}，贡献 ${formatShare(revenueShare)} 的收入。`,
  };
}

/** The lifecycle / at-risk slide: how many buying customers slip away, and how much revenue they brought. */
export function lifecycleTakeaway(summary: CustomerSummary, settings: Pick<GradingSettings, 'lifecycle'>): Localized {
  if (summary.customers === 0) return NO_CUSTOMERS;
  if (summary.scored === 0) {
    const n = summary.customers;
    return { en: `No customer has bought yet: all ${formatCount(n, 'en')} are potential.`, zh: `尚无客户产生购买：${formatCount(n, 'zh-CN')} 位都是潜在客户。` };
  }
  const days = settings.lifecycle.atRiskAfterDays;
  const atRisk = summary.kpis.atRiskCustomers;
  if (atRisk === 0) {
    return {
      en: `No buying customer is at risk: every one bought within the last ${formatCount(days, 'en')} days.`,
      zh: `没有流失风险客户：所有有购买的客户都在最近 ${formatCount(days, 'zh-CN')} 天内购买过。`,
    };
  }
  const share = formatShare(shareOf(atRisk, summary.scored));
  const head: Localized = {
    en: `${formatCount(atRisk, 'en')} customers (${share} of buying customers) are at risk or churned`,
    zh: `${formatCount(atRisk, 'zh-CN')} 位客户（占有购买客户的 ${share}）处于流失预警或已流失`,
  };
  const revenueShare = shareOf(summary.kpis.atRiskRevenue, summary.revenue);
  if (revenueShare === null) return { en: `${head.en}.`, zh: `${head.zh}。` };
  return {
    en: `${head.en}; they brought ${formatShare(revenueShare)} of revenue.`,
    zh: `${head.zh}，他们贡献了 ${formatShare(revenueShare)} 的收入。`,
  };
}

export const NO_OWNER_LABEL: Localized = { en: '(no owner)', zh: '（未分配）' };

/** Whether the data names any owner (sales rep): the owners slide exists only then. */
export function hasOwners(summary: CustomerSummary): boolean {
  return summary.byOwner.some((o) => o.owner !== null);
}

/** The owners slide: who looks after the largest share of revenue (or of customers, when there is no revenue). */
export function ownerTakeaway(summary: CustomerSummary): Localized | null {
  if (!hasOwners(summary)) return null;
  const nameOf = (o: OwnerSummary): Localized => (o.owner === null ? NO_OWNER_LABEL : { en: o.owner, zh: o.owner });
  if (summary.revenue <= 0) {
    let most: OwnerSummary | null = null;
    for (const o of summary.byOwner) if (most === null || o.customers > most.customers) most = o;
    if (most === null) return null;
    const name = nameOf(most);
    return {
      en: `${name.en} looks after the most customers (${formatCount(most.customers, 'en')}); there is no revenue yet.`,
      zh: `${name.zh}负责的客户最多（${formatCount(most.customers, 'zh-CN')} 位）；尚无收入。`,
    };
  }
  const top = summary.byOwner[0];
  if (top === undefined) return null;
  const name = nameOf(top);
  const share = formatShare(shareOf(top.revenue, summary.revenue));
  return {
    en: `${name.en} looks after ${share} of revenue (${formatCount(top.customers, 'en')} customers).`,
    zh: `${name.zh}负责 ${share} 的收入（${formatCount(top.customers, 'zh-CN')} 位客户）。`,
  };
}

/** The KPI slide: repeat buying and the revenue at risk. */
export function kpiTakeaway(summary: CustomerSummary): Localized {
  if (summary.customers === 0) return NO_CUSTOMERS;
  const repeat = summary.kpis.repeatRate;
  if (repeat === null) {
    return { en: 'No customer has bought yet: every figure below counts prospects only.', zh: '尚无客户产生购买：以下数字只包含潜在客户。' };
  }
  const head: Localized = {
    en: `${formatShare(repeat)} of buying customers bought more than once`,
    zh: `${formatShare(repeat)} 的有购买客户购买过不止一次`,
  };
  const atRiskShare = shareOf(summary.kpis.atRiskRevenue, summary.revenue);
  if (atRiskShare === null || summary.kpis.atRiskCustomers === 0) return { en: `${head.en}.`, zh: `${head.zh}。` };
  return {
    en: `${head.en}; ${formatShare(atRiskShare)} of revenue came from customers now at risk or churned.`,
    zh: `${head.zh}；${formatShare(atRiskShare)} 的收入来自现已流失预警或已流失的客户。`,
  };
}

/** What the prediction slide's takeaway is computed from (issue 9): the prediction summary and the settings it names. */
export interface PredictionTakeawayInput {
  readonly summary: PredictionSummary;
  readonly highRiskBelow: number;
  readonly horizonDays: number;
  /** How many of the call-first list the slide shows. */
  readonly shown: number;
}

/**
 * The prediction slide: the most valuable customers probably lost, their
 * CLV, and how many customers in all are at high churn risk; with nobody at
 * high risk, the expected revenue instead.
 */
export function predictionTakeaway(input: PredictionTakeawayInput): Localized {
  const { summary, highRiskBelow, horizonDays } = input;
  const threshold = formatShare(highRiskBelow);
  const listed = summary.atRiskHighValue.slice(0, Math.max(0, input.shown));
  if (listed.length === 0) {
    const revenue = summary.byTier.reduce((s, g) => s + (g.expectedRevenue ?? 0), 0);
    return {
      en: `No customer is at high churn risk (P(active) below ${threshold}); expected revenue over the next ${formatCount(horizonDays, 'en')} days: ${formatMoney(revenue, 'en')}.`,
      zh: `没有高流失风险客户（活跃概率低于 ${threshold}）；未来 ${formatCount(horizonDays, 'zh-CN')} 天预期收入 ${formatMoney(revenue, 'zh-CN')}。`,
    };
  }
  const clv = listed.reduce((s, c) => s + c.clv, 0);
  const all = summary.highRisk.customers;
  const tail: Localized =
    all > listed.length
      ? { en: ` ${formatCount(all, 'en')} customers in all have P(active) below ${threshold}.`, zh: `共有 ${formatCount(all, 'zh-CN')} 位客户的活跃概率低于 ${threshold}。` }
      : { en: '', zh: '' };
  if (listed.length === 1) {
    return {
      en: `The most valuable customer at high churn risk (CLV ${formatMoney(clv, 'en')}) is likely lost: call first.${tail.en}`,
      zh: `高流失风险客户中价值最高的 1 位（客户终身价值 ${formatMoney(clv, 'zh-CN')}）很可能流失：请优先联系。${tail.zh}`,
    };
  }
  return {
    en: `${formatCount(listed.length, 'en')} high-value customers (CLV ${formatMoney(clv, 'en')}) are likely lost: call them first.${tail.en}`,
    zh: `${formatCount(listed.length, 'zh-CN')} 位高价值客户（客户终身价值合计 ${formatMoney(clv, 'zh-CN')}）很可能流失：请优先联系。${tail.zh}`,
  };
}
