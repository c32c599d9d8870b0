/** Strings of the grade history (issue 8 §2): the History sheet, the table's two columns, the Summary's migration block; English and Chinese. */
import type { Localized } from '../i18n/locale';
import type { TierChange } from '../domain/history';

export const HISTORY_TEXT = {
  // Not "History": Excel reserves that sheet name (it refuses it, and so does exceljs).
  sheetName: { en: 'Grade history', zh: '分级历史' },
  title: { en: 'Grade history', zh: '分级历史' },
  note: {
    en: 'One row per customer, one group of columns per build (as-of date in the group\'s first cell). Tierwise adds or replaces a group on each build; do not edit it by hand.',
    zh: '每位客户一行，每次生成一组列（该组第一格为评级日期）。每次生成时 Tierwise 新增或替换一组；请勿手工修改。',
  },
  asOfLabel: { en: 'As of', zh: '评级日期' },
  idHeader: { en: 'Customer ID', zh: '客户编号' },
  fieldHeaders: [
    { en: 'Tier', zh: '客户等级' },
    { en: 'Segment', zh: '客户分群' },
    { en: 'Lifecycle', zh: '生命周期' },
    { en: 'R', zh: 'R' },
    { en: 'F', zh: 'F' },
    { en: 'M', zh: 'M' },
    { en: 'Spend', zh: '消费总额' },
  ],
  previousTierHeader: { en: 'Previous tier', zh: '上期等级' },
  changeHeader: { en: 'Change', zh: '变化' },
  // Summary block
  matrixTitle: { en: 'Tier migration since {date}', zh: '等级变化（与 {date} 相比）' },
  matrixNote: {
    en: 'Rows: the tier at the previous build; columns: the tier now. Counts customers (left) and their spend (right).',
    zh: '行：上期等级；列：本期等级。左侧为客户数，右侧为其消费总额。',
  },
  noPrevious: { en: 'Tier migration: no earlier build in the history yet; the next build will show who moved.', zh: '等级变化：分级历史中尚无更早的记录，下次生成时将显示客户的升降。' },
  fromTo: { en: 'Previous \\ now', zh: '上期 \\ 本期' },
  customersHeader: { en: 'Customers', zh: '客户数' },
  revenueHeader: { en: 'Spend', zh: '消费总额' },
  newRow: { en: 'No previous tier', zh: '无上期等级' },
  unlistedRow: { en: 'Tier not in the list', zh: '等级不在列表中' },
  total: { en: 'Total', zh: '合计' },
  movedUp: { en: 'Moved up', zh: '升级' },
  movedDown: { en: 'Moved down', zh: '降级' },
  same: { en: 'Same tier', zh: '持平' },
  newCustomers: { en: 'New to the history', zh: '新进入历史' },
  unlisted: { en: 'Previous tier not in the list', zh: '上期等级不在列表中' },
  chartTitle: { en: 'Tier migration: previous tier -> tier now', zh: '等级变化：上期等级 → 本期等级' },
  chartCategoryAxis: { en: 'Previous tier', zh: '上期等级' },
} as const;

/**
 * The Change column's words. Each starts with an arrow or mark, never `=`,
 * `<`, `>`, `*`, `?` or `~`, so COUNTIFS reads it as a plain text criterion.
 */
export const CHANGE_WORDS: Readonly<Record<TierChange, Localized>> = {
  up: { en: '▲ Up', zh: '▲ 升级' },
  down: { en: '▼ Down', zh: '▼ 降级' },
  same: { en: '● Same', zh: '● 持平' },
  new: { en: '★ New', zh: '★ 新进' },
  unlisted: { en: '◇ Not in tier list', zh: '◇ 等级不在列表' },
};
