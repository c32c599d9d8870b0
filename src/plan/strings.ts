/**
 * Every text the workbook plan puts in front of a user, in English and
 * Simplified Chinese: sheet names, table headers, Settings labels and notes,
 * validation messages and dropdown lists. Formulas refer to table headers by
 * their localised text, so a header here must stay unique within the table.
 */
import type { Localized } from '../i18n/locale';
import type { FieldKey } from '../domain/types';

/** Sheet names (<= 31 characters, none of `: \ / ? * [ ]`). */
export const SHEET_NAMES = {
  customers: { en: 'Customers', zh: '客户档案' },
  settings: { en: 'Settings', zh: '设置' },
} as const satisfies Record<string, Localized>;

/** Headers of the input and profile columns of the Customers table. */
export const FIELD_HEADERS: Readonly<Record<FieldKey, Localized>> = {
  customerId: { en: 'Customer ID', zh: '客户编号' },
  name: { en: 'Name', zh: '客户名称' },
  customerType: { en: 'Type', zh: '客户类型' },
  owner: { en: 'Owner', zh: '负责人' },
  phone: { en: 'Phone', zh: '电话' },
  email: { en: 'Email', zh: '邮箱' },
  region: { en: 'Region', zh: '地区' },
  idNumber: { en: 'ID number', zh: '证件号码' },
  address: { en: 'Address', zh: '地址' },
  firstPurchase: { en: 'First purchase', zh: '首次购买日期' },
  lastPurchase: { en: 'Last purchase', zh: '最近购买日期' },
  orderCount: { en: 'Orders', zh: '购买次数' },
  totalSpend: { en: 'Spend', zh: '消费总额' },
  lastContact: { en: 'Last contact', zh: '最近联系日期' },
  satisfaction: { en: 'Satisfaction (1-5)', zh: '满意度(1-5)' },
  consent: { en: 'Consent', zh: '营销同意' },
  tierOverride: { en: 'Tier override', zh: '手动等级' },
  notes: { en: 'Notes', zh: '备注' },
  orderId: { en: 'Order ID', zh: '订单号' },
  orderDate: { en: 'Order date', zh: '下单日期' },
  quantity: { en: 'Quantity', zh: '数量' },
  unitPrice: { en: 'Unit price', zh: '单价' },
  amount: { en: 'Amount', zh: '金额' },
};

/** Keys of the computed (formula) columns, in table order. */
export type ComputedKey = 'recencyDays' | 'r' | 'f' | 'm' | 'rfmCode' | 'segment' | 'tier' | 'lifecycle';

export const COMPUTED_HEADERS: Readonly<Record<ComputedKey, Localized>> = {
  recencyDays: { en: 'Recency (days)', zh: '最近购买天数' },
  r: { en: 'R', zh: 'R' },
  f: { en: 'F', zh: 'F' },
  m: { en: 'M', zh: 'M' },
  rfmCode: { en: 'RFM code', zh: 'RFM代码' },
  segment: { en: 'Segment', zh: '客户分类' },
  tier: { en: 'Tier', zh: '客户等级' },
  lifecycle: { en: 'Lifecycle', zh: '生命周期' },
};

/** Settings sheet texts. */
export const SETTINGS_TEXT = {
  title: { en: 'Tierwise settings', zh: '客户分级设置' },
  note: {
    en: 'Yellow cells are inputs: change them and every formula in the Customers table updates. Grey cells are computed.',
    zh: '黄色单元格可以修改：修改后“客户档案”表中的公式会自动重新计算。灰色单元格为计算结果。',
  },
  asOfDate: { en: 'As-of date', zh: '统计截止日' },
  asOfAuto: {
    en: 'The day after the latest purchase in the data (fixed when built). Type another date to change it.',
    zh: '数据中最近一次购买的次日（生成时固定）。可直接输入其他日期。',
  },
  asOfFixed: { en: 'A fixed date. Type another date to change it.', zh: '固定日期，可直接输入其他日期。' },
  asOfToday: { en: '=TODAY(): moves forward every day.', zh: '=TODAY()：每天自动更新。' },
  quantiles: { en: 'Quantiles for b1-b4', zh: '分位点 b1-b4' },
  highCut: { en: 'High score cut (a score >= this is high)', zh: '高分线（得分 >= 此值为“高”）' },
  breakpoints: { en: 'Breakpoints (computed once here)', zh: '分段点（在此统一计算）' },
  breakRecency: { en: 'Recency (days)', zh: '最近购买天数' },
  breakFrequency: { en: 'Orders', zh: '购买次数' },
  breakMonetary: { en: 'Spend', zh: '消费总额' },
  lifecycle: { en: 'Lifecycle stage', zh: '生命周期阶段' },
  label: { en: 'Shown as', zh: '显示名称' },
  rule: { en: 'Rule', zh: '规则' },
  days: { en: 'Days', zh: '天数' },
  tiers: { en: 'Tier', zh: '客户等级' },
  colour: { en: 'Colour', zh: '颜色' },
  threshold: { en: 'Min score / days', zh: '最低分 / 天数' },
  otherLabel: { en: 'Chinese name', zh: '英文名称' },
  segments: { en: 'Segment', zh: '客户分类' },
  rHigh: { en: 'R high', zh: 'R 高' },
  fHigh: { en: 'F high', zh: 'F 高' },
  mHigh: { en: 'M high', zh: 'M 高' },
  high: { en: 'High', zh: '高' },
  low: { en: 'Low', zh: '低' },
  lists: { en: 'Dropdown lists', zh: '下拉列表' },
  typeList: { en: 'Customer type', zh: '客户类型' },
  consentList: { en: 'Consent', zh: '营销同意' },
  satisfactionList: { en: 'Satisfaction', zh: '满意度' },
  ownerList: { en: 'Owner', zh: '负责人' },
  ruleProspect: { en: 'Orders = 0', zh: '购买次数 = 0' },
  ruleNew: { en: 'First purchase <= days before the as-of date', zh: '首次购买距截止日 <= 天数' },
  ruleScore: { en: 'R + F + M >= min score', zh: 'R + F + M >= 最低分' },
  ruleFallback: { en: 'Everyone else', zh: '其余客户' },
  ruleChurned: { en: 'Recency > days', zh: '最近购买天数 > 天数' },
  ruleAtRisk: { en: 'Recency > days', zh: '最近购买天数 > 天数' },
  ruleActive: { en: 'Everyone else', zh: '其余客户' },
} as const satisfies Record<string, Localized>;

/** Dropdown lists offered by validations. */
export const CUSTOMER_TYPES: readonly Localized[] = [
  { en: 'Individual', zh: '个人' },
  { en: 'Enterprise', zh: '企业' },
  { en: 'Government', zh: '政府' },
  { en: 'Institution', zh: '事业单位' },
];

export const CONSENT_VALUES: readonly Localized[] = [
  { en: 'Yes', zh: '是' },
  { en: 'No', zh: '否' },
];

/** Validation texts: a title and a message per rule, and the input prompts. */
export const VALIDATION_TEXT = {
  tierTitle: { en: 'Tier override', zh: '手动等级' },
  tierMessage: {
    en: 'Choose a tier from the list (Settings sheet), or leave the cell empty to let the formulas decide.',
    zh: '请从列表（“设置”表）中选择等级，或留空由公式自动判定。',
  },
  tierPrompt: {
    en: 'Optional: pick a tier to override the computed one.',
    zh: '可选：选择一个等级以覆盖自动判定结果。',
  },
  listTitle: { en: 'Not in the list', zh: '不在列表中' },
  listMessage: { en: 'Choose a value from the dropdown list.', zh: '请从下拉列表中选择。' },
  dateTitle: { en: 'Date', zh: '日期' },
  dateMessage: {
    en: 'Enter a date (yyyy-mm-dd) that is not in the future.',
    zh: '请输入不晚于今天的日期（yyyy-mm-dd）。',
  },
  countTitle: { en: 'Whole number', zh: '整数' },
  countMessage: { en: 'Enter a whole number, 0 or more.', zh: '请输入大于或等于 0 的整数。' },
  spendTitle: { en: 'Amount', zh: '金额' },
  spendMessage: { en: 'Enter an amount, 0 or more.', zh: '请输入大于或等于 0 的金额。' },
  satisfactionTitle: { en: 'Satisfaction', zh: '满意度' },
  satisfactionMessage: { en: 'Choose a score from 1 to 5.', zh: '请选择 1 到 5 的分数。' },
} as const satisfies Record<string, Localized>;

/** Comments of the defined names (shown in Excel's Name Manager). */
export const NAME_COMMENTS = {
  AsOfDate: { en: 'As-of date used for recency and new-customer rules.', zh: '计算最近购买天数与新客户规则所用的截止日。' },
  Quantiles: { en: 'The four PERCENTILE.INC quantiles of b1-b4.', zh: 'b1-b4 的四个 PERCENTILE.INC 分位点。' },
  HighCut: { en: 'A score >= this is high in the segment model.', zh: '分类模型中得分 >= 此值为“高”。' },
  R_Breaks: { en: 'Recency breakpoints b1-b4 (days).', zh: '最近购买天数分段点 b1-b4（天）。' },
  F_Breaks: { en: 'Frequency breakpoints b1-b4 (orders).', zh: '购买次数分段点 b1-b4。' },
  M_Breaks: { en: 'Spend breakpoints b1-b4.', zh: '消费金额分段点 b1-b4。' },
  ChurnDays: { en: 'Churned when recency > this many days.', zh: '最近购买天数大于此值为已流失。' },
  AtRiskDays: { en: 'At risk when recency > this many days.', zh: '最近购买天数大于此值为流失预警。' },
  NewDays: { en: 'Lifecycle "new" when the first purchase is <= this many days before the as-of date.', zh: '首次购买距截止日不超过此天数为新客户（生命周期）。' },
  TierNewDays: { en: 'Tier "new" when the first purchase is <= this many days before the as-of date.', zh: '首次购买距截止日不超过此天数为新客户（等级）。' },
  LifecycleNames: { en: 'Lifecycle stage names, in rule order.', zh: '生命周期阶段名称（按规则顺序）。' },
  TierKeys: { en: 'Tier keys (stable machine names).', zh: '等级键（固定的英文标识）。' },
  TierNames: { en: 'Tier names, in rule order; the tier override dropdown offers exactly these.', zh: '等级名称（按规则顺序）；手动等级下拉列表即为此列表。' },
  TierNamesAlt: { en: 'Tier names in the other language (accepted as overrides).', zh: '另一种语言的等级名称（可作为手动等级）。' },
  TierColors: { en: 'Tier colours (#RRGGBB).', zh: '等级颜色（#RRGGBB）。' },
  TierThresholds: { en: 'Per tier: the minimum R+F+M score, or the days of the new-customer rule.', zh: '各等级的最低 R+F+M 分数或新客户天数。' },
  SegmentNames: { en: 'Segment names by (R, F, M) high/low, in the contract order.', zh: '按 R/F/M 高低排列的客户分类名称。' },
  TypeList: { en: 'Customer types offered by the dropdown.', zh: '客户类型下拉列表。' },
  ConsentList: { en: 'Consent values offered by the dropdown.', zh: '营销同意下拉列表。' },
  SatisfactionList: { en: 'Satisfaction scores 1-5.', zh: '满意度 1-5。' },
  OwnerList: { en: 'Owners found in the data.', zh: '数据中的负责人。' },
} as const satisfies Record<string, Localized>;

export type DefinedNameKey = keyof typeof NAME_COMMENTS;
