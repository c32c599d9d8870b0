/**
 * Bilingual messages of the issues the grading itself raises (GRADING.md
 * §2-§6). Same shape as the import's: "Row 12: ..." / "第 12 行：...".
 */
import type { Localized } from '../../i18n/locale';
import type { Issue, IssueCode, IssueSeverity } from '../types';

/** Issues are short: the offending value is cut to 80 characters (types.ts). */
const MAX_VALUE_CHARS = 80;

export type GradingIssueCode = Extract<IssueCode, 'purchase-after-as-of' | 'unknown-tier' | 'orders-without-last-purchase' | 'negative-spend'>;

const BODIES: Readonly<Record<GradingIssueCode, (value: string) => Localized>> = {
  'purchase-after-as-of': (v) => ({
    en: `the last purchase ${v} is after the as-of date, so its recency counts as 0 days. Check the date or the as-of date.`,
    zh: `最近购买日期 ${v} 晚于分析基准日，最近购买间隔按 0 天计。请检查该日期或基准日。`,
  }),
  'unknown-tier': (v) => ({
    en: `the manual tier ${v} is not in the tier list, so it is ignored and the tier is computed. Pick a tier from the list.`,
    zh: `手动等级 ${v} 不在等级列表中，已忽略并按规则计算等级。请从列表中选择等级。`,
  }),
  'orders-without-last-purchase': (v) => ({
    en: `the customer has ${v} orders but no last purchase date, so it is not scored. Fill in the last purchase date.`,
    zh: `该客户有 ${v} 笔订单但没有最近购买日期，因此不参与评分。请补充最近购买日期。`,
  }),
  'negative-spend': (v) => ({
    en: `the customer's amounts sum to ${v}, below zero; the spend counts as 0. Check refunds and cancellations in the source.`,
    zh: `该客户金额合计为 ${v}，小于 0；消费金额按 0 计算。请检查源数据中的退款和取消记录。`,
  }),
};

function shorten(value: string): string {
  const chars = Array.from(value);
  return chars.length <= MAX_VALUE_CHARS ? value : `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…`;
}

/** An Issue raised by aggregation or grading, with its English and Chinese message. */
export function gradingIssue(code: GradingIssueCode, severity: IssueSeverity, row: number | null, column: string | null, value: string): Issue {
  const short = shorten(value);
  const body = BODIES[code](`'${short}'`);
  const en = row !== null ? `Row ${row}: ${body.en}` : body.en.charAt(0).toUpperCase() + body.en.slice(1);
  const zh = row !== null ? `第 ${row} 行：${body.zh}` : body.zh;
  return { code, severity, row, column, value: short, message: { en, zh } };
}
