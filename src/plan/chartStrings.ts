/**
 * Every text of the Charts sheet (issue 6 §2), in English and Simplified
 * Chinese: the sheet's name and note, chart titles, axis titles and series
 * names. Tier, segment and stage names are not here: they come from the
 * settings (and live in the workbook's Settings sheet).
 */
import type { Localized } from '../i18n/locale';

/** Sheet name (<= 31 characters, none of `: \ / ? * [ ]`). */
export const CHARTS_SHEET_NAME: Localized = { en: 'Charts', zh: '图表' };

export const CHARTS_SHEET_TEXT = {
  title: { en: 'Charts', zh: '图表' },
  note: {
    en: 'The charts read the Summary sheet and update with it. Refresh charts replaces the charts named Tierwise_…; charts you add yourself are kept. Copy a chart and paste it into PowerPoint: it stays an editable chart.',
    zh: '图表读取“汇总”表的数据并随之更新。“刷新图表”只替换名为 Tierwise_… 的图表，您自己添加的图表会保留。复制图表并粘贴到 PowerPoint 中，仍是可编辑的图表。',
  },
} as const satisfies Record<string, Localized>;

export const CHART_TITLES = {
  tierCustomers: { en: 'Customers by tier', zh: '各等级客户数' },
  tierRevenuePareto: { en: 'Revenue by tier and cumulative share', zh: '各等级收入及累计占比' },
  lifecycleCustomers: { en: 'Customers by lifecycle stage', zh: '各生命周期阶段客户数' },
  tierAverageSpend: { en: 'Average spend per customer by tier', zh: '各等级客均消费' },
  segmentCustomers: { en: 'Customers by segment', zh: '各客户分类客户数' },
  ownerTiers: { en: 'Customers by owner and tier', zh: '各负责人客户等级分布' },
} as const satisfies Record<string, Localized>;

export const CHART_AXIS_TITLES = {
  tier: { en: 'Tier', zh: '客户等级' },
  customers: { en: 'Customers', zh: '客户数' },
  revenue: { en: 'Revenue', zh: '收入' },
  cumulativeShare: { en: 'Cumulative share of revenue', zh: '累计收入占比' },
  lifecycle: { en: 'Lifecycle stage', zh: '生命周期阶段' },
  averageSpend: { en: 'Average spend', zh: '客均消费' },
  segment: { en: 'Segment', zh: '客户分类' },
  owner: { en: 'Owner', zh: '负责人' },
} as const satisfies Record<string, Localized>;

export const CHART_SERIES_NAMES = {
  customers: { en: 'Customers', zh: '客户数' },
  revenue: { en: 'Revenue', zh: '收入' },
  cumulativeShare: { en: 'Cumulative share', zh: '累计占比' },
  averageSpend: { en: 'Average spend', zh: '客均消费' },
} as const satisfies Record<string, Localized>;

/** Owner rows' labels as cached by the charts (the Summary sheet's own cells are the truth). */
export const CHART_OWNER_LABELS = {
  other: { en: 'Other', zh: '其他' },
  none: { en: '(no owner)', zh: '（无负责人）' },
} as const satisfies Record<string, Localized>;
