/**
 * Texts of the Summary sheet (汇总), in English and Simplified Chinese. Group
 * labels (tiers, segments, stages) are not here: the sheet reads them from
 * the Settings sheet by formula, so a rename there renames them here too.
 */
import type { Localized } from '../i18n/locale';

export const SUMMARY_SHEET_NAME: Localized = { en: 'Summary', zh: '汇总' };

export const SUMMARY_TEXT = {
  title: { en: 'Customer summary', zh: '客户汇总' },
  note: {
    en: 'Live formulas over the Customers table: edit a spend or a tier override there and these figures update. Tier, segment and stage names come from the Settings sheet.',
    zh: '以下数字均为基于“客户档案”表的实时公式：在表中修改消费金额或手动等级，这里会随之更新。等级、分类和阶段名称取自“设置”工作表。',
  },
  kpis: { en: 'Key figures', zh: '关键指标' },
  customers: { en: 'Customers', zh: '客户数' },
  scored: { en: 'Customers with a purchase', zh: '有购买的客户' },
  prospects: { en: 'Prospects (no purchase)', zh: '潜在客户（无购买）' },
  revenue: { en: 'Revenue', zh: '消费总额' },
  topTierRevenueShare: { en: "Top tier's share of revenue", zh: '最高等级的消费占比' },
  repeatRate: { en: 'Repeat purchase rate', zh: '复购率' },
  repeatRateNote: { en: 'Customers with 2 or more purchases, of those with a purchase.', zh: '购买 2 次及以上的客户占有购买客户的比例。' },
  atRiskCustomers: { en: 'At-risk and churned customers', zh: '流失预警及已流失客户' },
  atRiskRevenue: { en: 'Revenue of at-risk and churned customers', zh: '流失预警及已流失客户的消费额' },
  churnedShare: { en: 'Churned share', zh: '已流失占比' },
  churnedShareNote: { en: 'Churned customers, of those with a purchase.', zh: '已流失客户占有购买客户的比例。' },
  avgSatisfaction: { en: 'Average satisfaction (1-5)', zh: '平均满意度（1-5）' },
  noSatisfaction: { en: 'No satisfaction column in the data.', zh: '数据中没有满意度列。' },
  noScoreTier: { en: 'The tier list has no tier with a score threshold.', zh: '等级列表中没有按得分划分的等级。' },
  byTier: { en: 'By tier', zh: '按客户等级' },
  bySegment: { en: 'By segment (customers with a purchase)', zh: '按客户分类（有购买的客户）' },
  bySegmentSorted: { en: 'Segments by customers', zh: '客户分类（按客户数排序）' },
  byLifecycle: { en: 'By lifecycle stage', zh: '按生命周期阶段' },
  byOwner: { en: 'By owner and tier (customers)', zh: '按负责人与等级（客户数）' },
  ownerNote: {
    en: 'Owners as of the build. "Other" is all customers minus the rows above it: owners typed in since, or beyond the first {max}.',
    zh: '负责人为生成时的名单。“其他”= 全部客户减去上面各行：包括之后新填写的负责人，或前 {max} 位以外的负责人。',
  },
  headerCustomers: { en: 'Customers', zh: '客户数' },
  headerCustomerShare: { en: 'Share of customers', zh: '客户占比' },
  headerRevenue: { en: 'Revenue', zh: '消费金额' },
  headerRevenueShare: { en: 'Share of revenue', zh: '消费占比' },
  headerAvgSpend: { en: 'Average spend', zh: '平均消费' },
  headerAvgRecency: { en: 'Average recency (days)', zh: '平均最近购买天数' },
  headerCumulative: { en: 'Cumulative share of revenue', zh: '累计消费占比' },
  total: { en: 'Total', zh: '合计' },
  noOwner: { en: '(no owner)', zh: '（无负责人）' },
  other: { en: 'Other', zh: '其他' },
} as const satisfies Record<string, Localized>;
