/** Texts of the Summary sheet's prediction blocks (issue 9), in English and Simplified Chinese. */
import type { Localized } from '../i18n/locale';

export const PREDICTION_SUMMARY_TEXT = {
  title: { en: 'Predicted value and churn risk (BG/NBD and Gamma-Gamma)', zh: '预测价值与流失风险（BG/NBD 与 Gamma-Gamma 模型）' },
  note: {
    en: 'From the models fitted at this build (as of {date}, on {n} customers); Tierwise refits them at every build. Expected revenue = expected purchases x expected value per purchase over the next {h} days; CLV = the expected revenue of the next {m} months, discounted {d} a month. Averages are per predicted customer. These are live sums over the Customers table\'s prediction columns, whose values come from that fit: rebuild to refresh them.',
    zh: '来自本次生成时拟合的模型（基准日 {date}，{n} 位客户参与拟合）；每次生成都会重新拟合。预期收入 = 未来 {h} 天的预期购买次数 × 预期客单价；客户终身价值 = 未来 {m} 个月的预期收入，按每月 {d} 贴现。平均值按有预测的客户计算。以下为基于“客户档案”表预测列的实时汇总，这些列的数值来自该次拟合：重新生成即可更新。',
  },
  byTier: { en: 'Predicted value by tier', zh: '按客户等级的预测价值' },
  bySegment: { en: 'Predicted value by segment', zh: '按客户分类的预测价值' },
  headerPredicted: { en: 'Predicted customers', zh: '有预测的客户数' },
  headerExpectedPurchases: { en: 'Expected purchases ({h} days)', zh: '预期购买次数（{h} 天）' },
  headerExpectedRevenue: { en: 'Expected revenue ({h} days)', zh: '预期收入（{h} 天）' },
  headerAvgExpectedRevenue: { en: 'Avg expected revenue', zh: '平均预期收入' },
  headerClv: { en: 'CLV ({m} months)', zh: '客户终身价值（{m} 个月）' },
  headerAvgClv: { en: 'Avg CLV', zh: '平均终身价值' },
  headerClvShare: { en: 'Share of CLV', zh: '终身价值占比' },
  allCustomers: { en: 'All customers', zh: '全部客户' },
  noValueModel: {
    en: 'No spend model in this build, so no expected revenue and no CLV: only expected purchases are shown.',
    zh: '本次生成没有消费金额模型，因此没有预期收入和客户终身价值：仅显示预期购买次数。',
  },
  unavailable: { en: 'No prediction in this build:', zh: '本次生成没有预测：' },
  noFirstPurchase: {
    en: 'The data has no first purchase date, so no customer has a prediction.',
    zh: '数据中没有首次购买日期，因此没有客户可以预测。',
  },
  callFirst: { en: 'At risk, high value — call first', zh: '需优先联系的高价值流失风险客户' },
  callFirstRule: {
    en: 'Customers at high churn risk (P(active) below the threshold on the Settings sheet, now {threshold}) with the highest CLV, the first {n}. Live formulas: a new as-of date or threshold changes the list; equal CLVs keep the table\'s order.',
    zh: '流失风险为“高”（活跃概率低于“设置”表中的阈值，当前为 {threshold}）且客户终身价值最高的前 {n} 位客户。实时公式：修改分析基准日或阈值后名单随之更新；终身价值相同时按表中顺序排列。',
  },
  callFirstNoValue: {
    en: 'The call-first list ranks customers by CLV, and this build has no spend model (so no CLV).',
    zh: '优先联系名单按客户终身价值排序，而本次生成没有消费金额模型（因此没有终身价值）。',
  },
  highRiskCustomers: { en: 'Customers at high churn risk', zh: '高流失风险客户数' },
  highRiskClv: { en: 'Their CLV', zh: '其客户终身价值合计' },
  noneAtRisk: { en: 'No customer is at high churn risk.', zh: '没有高流失风险的客户。' },
} as const satisfies Record<string, Localized>;
