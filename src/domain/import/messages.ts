/**
 * User-facing messages for every IssueCode, in English and Simplified
 * Chinese. Each names the row and the column (as the user typed the header)
 * and says what to do next.
 */
import type { Localized } from '../../i18n/locale';
import type { Issue, IssueCode, IssueSeverity } from '../types';
import { shortValue } from './text';
import { detachedText } from '../detachedText';

/** What a message may mention besides row, column and value. */
export interface MessageDetail {
  /** A second row (the first occurrence of a duplicate ID). */
  readonly otherRow?: number;
  /** A number for the message: a text length, a count of columns. */
  readonly count?: number;
  /** Free detail already in both languages (field names, header lists, parser text). */
  readonly text?: Localized;
}

type Body = (value: Localized, detail: MessageDetail) => Localized;

const EMPTY: Localized = { en: '', zh: '' };

/** The message bodies. `value` arrives quoted ('...'), or as words for an empty value. */
const BODIES: Readonly<Record<IssueCode, Body>> = {
  'empty-file': () => ({
    en: 'the file is empty. Choose a file that contains your customers or orders.',
    zh: '文件是空的。请选择包含客户或订单数据的文件。',
  }),
  'no-header': () => ({
    en: 'no header row was found. Add a row of column names (for example Customer ID, Last purchase) above the data.',
    zh: '未找到表头行。请在数据上方添加一行列名（例如 客户编号、最近购买日期）。',
  }),
  'no-data-rows': () => ({
    en: 'the file has a header row but no data rows below it. Add data and import again.',
    zh: '文件只有表头，没有数据行。请添加数据后重新导入。',
  }),
  'missing-required-field': (_v, d) => ({
    en: `no column was found for: ${(d.text ?? EMPTY).en}. Choose the matching column in the mapping, or add it to the source.`,
    zh: `未找到以下字段对应的列：${(d.text ?? EMPTY).zh}。请在字段映射中选择对应的列，或在源数据中添加。`,
  }),
  'ambiguous-mapping': (_v, d) => ({
    en: `several columns could be ${(d.text ?? EMPTY).en}. Check the mapping and change it if the wrong one was chosen.`,
    zh: `有多列都可能是${(d.text ?? EMPTY).zh}。请检查字段映射，如选错请更改。`,
  }),
  'missing-customer-id': () => ({
    en: 'the customer ID is empty, so the row was skipped. Fill it in the source and import again.',
    zh: '客户编号为空，已跳过该行。请在源数据中补充后重新导入。',
  }),
  'duplicate-customer-id': (v, d) => ({
    en: `customer ID ${v.en} also appears in row ${d.otherRow ?? '?'}; the first row was kept and this one skipped. Merge or fix the rows in the source and import again.`,
    zh: `客户编号 ${v.zh} 与第 ${d.otherRow ?? '?'} 行重复；已保留第一次出现的行，跳过本行。请在源数据中合并或修改后重新导入。`,
  }),
  'invalid-date': (v) => ({
    en: `${v.en} is not a date. Fix it in the source and import again.`,
    zh: `${v.zh} 不是有效日期。请在源数据中修改后重新导入。`,
  }),
  'ambiguous-date': (v) => ({
    en: `${v.en} could be day/month or month/day. Choose the date order (day/month or month/day) and import again.`,
    zh: `${v.zh} 无法确定是“日/月”还是“月/日”。请选择日期顺序（日/月 或 月/日）后重新导入。`,
  }),
  'excel-serial-60': (v) => ({
    en: `${v.en} is Excel's date serial 60, the day 1900-02-29 that never existed. Fix the date in the source and import again.`,
    zh: `${v.zh} 是 Excel 日期序号 60，即并不存在的 1900-02-29。请在源数据中修改日期后重新导入。`,
  }),
  'future-date': (v) => ({
    en: `${v.en} is in the future. Check the date in the source.`,
    zh: `${v.zh} 是未来的日期。请检查源数据中的日期。`,
  }),
  'purchase-after-as-of': (v) => ({
    en: `the purchase date ${v.en} is after the as-of date; its recency counts as 0. Check the date or the as-of date.`,
    zh: `购买日期 ${v.zh} 晚于分析基准日，其最近购买间隔按 0 计。请检查该日期或基准日。`,
  }),
  'invalid-number': (v) => ({
    en: `${v.en} is not a valid number here. Fix it in the source and import again.`,
    zh: `${v.zh} 不是有效的数值。请在源数据中修改后重新导入。`,
  }),
  'negative-spend': (v) => ({
    en: `the spend ${v.en} is negative; it counts as 0. Check the value in the source.`,
    zh: `消费金额 ${v.zh} 为负数，按 0 计算。请检查源数据中的数值。`,
  }),
  'negative-count': (v) => ({
    en: `the count ${v.en} is negative, so the row was skipped. Fix it in the source and import again.`,
    zh: `次数 ${v.zh} 为负数，已跳过该行。请在源数据中修改后重新导入。`,
  }),
  'non-integer-count': (v) => ({
    en: `the count ${v.en} is not a whole number, so the row was skipped. Fix it in the source and import again.`,
    zh: `次数 ${v.zh} 不是整数，已跳过该行。请在源数据中修改后重新导入。`,
  }),
  'invalid-amount': (v) => ({
    en: `${v.en} is not an amount, so the row was skipped (it is not counted as zero). Fix it in the source and import again.`,
    zh: `${v.zh} 不是有效金额，已跳过该行（不会按 0 计算）。请在源数据中修改后重新导入。`,
  }),
  'invalid-phone': (v) => ({
    en: `${v.en} does not look like a phone number; it was kept as typed. Check it in the source.`,
    zh: `${v.zh} 不像有效的电话号码，已按原样保留。请检查源数据。`,
  }),
  'invalid-email': (v) => ({
    en: `${v.en} does not look like an email address; it was kept as typed. Check it in the source.`,
    zh: `${v.zh} 不像有效的邮箱地址，已按原样保留。请检查源数据。`,
  }),
  'unknown-tier': (v) => ({
    en: `${v.en} is not in the tier list; the override is ignored. Pick a tier from the list.`,
    zh: `${v.zh} 不在等级列表中，手动等级被忽略。请从列表中选择等级。`,
  }),
  'formula-like-text': (v) => ({
    en: `${v.en} starts like a formula; it is kept as text exactly as typed and will never be calculated.`,
    zh: `${v.zh} 以公式符号开头；已按原样作为文本保留，不会被当作公式计算。`,
  }),
  'text-too-long': (_v, d) => ({
    en: `the text has ${d.count ?? '?'} characters, more than Excel's 32,767 per cell; only the first 32,767 were kept. Shorten it in the source.`,
    zh: `文本有 ${d.count ?? '?'} 个字符，超过 Excel 单元格上限 32,767；只保留了前 32,767 个字符。请在源数据中缩短。`,
  }),
  'orders-without-last-purchase': (v) => ({
    en: `the order count is ${v.en} but there is no last purchase date, so the row was skipped. Fill in the last purchase date in the source and import again.`,
    zh: `该行有订单数 ${v.zh} 但没有最近购买日期，已跳过。请在源数据中补充最近购买日期后重新导入。`,
  }),
  'encoding-guessed': (_v, d) => ({
    en: `the file's text encoding was guessed as ${(d.text ?? EMPTY).en}. If the text looks garbled, choose the encoding and import again.`,
    zh: `文件编码推测为 ${(d.text ?? EMPTY).zh}。如果文字显示为乱码，请手动选择编码后重新导入。`,
  }),
  'id-precision-lost': (v) => ({
    en: `the ID ${v.en} was stored as a number too long for the file to keep exactly, so its last digits may be wrong. Format the ID column as text in the source and import again.`,
    zh: `编号 ${v.zh} 在文件中被存成了过长的数字，末尾几位可能已失真。请在源数据中把编号列设为文本格式后重新导入。`,
  }),
  'invalid-value': (v, d) => ({
    en: `${v.en} is not one of the accepted values (${(d.text ?? EMPTY).en}); it was kept as typed. Check it in the source.`,
    zh: `${v.zh} 不是可接受的取值（${(d.text ?? EMPTY).zh}），已按原样保留。请检查源数据。`,
  }),
  'malformed-csv': (_v, d) => ({
    en: `the CSV quoting is broken here (${(d.text ?? EMPTY).en}); the row may be split or merged wrongly. Check quotes in the source.`,
    zh: `此处 CSV 引号不匹配（${(d.text ?? EMPTY).zh}），该行可能被错误拆分或合并。请检查源数据中的引号。`,
  }),
  // Joining an order log to a customer archive (src/domain/join).
  'not-in-archive': (v) => ({
    en: `customer ${v.en} has orders but is not in the customer archive; it is graded without a profile (no owner, phone or region). Add it to the archive, or check its ID.`,
    zh: `客户 ${v.zh} 有订单，但不在客户档案中；已分级，但没有档案信息（负责人、电话、地区等）。请把它加入客户档案，或检查其编号。`,
  }),
  'id-format-mismatch': (v, d) => ({
    en: `customer ID ${v.en} of the order log is not in the archive, but the archive has ${(d.text ?? EMPTY).en}${d.otherRow === undefined ? '' : ` (row ${d.otherRow})`}, the same but for leading zeros. They are treated as different customers; if they are one, make the IDs the same in both sources.`,
    zh: `订单记录中的客户编号 ${v.zh} 不在客户档案中，但档案中有 ${(d.text ?? EMPTY).zh}${d.otherRow === undefined ? '' : `（第 ${d.otherRow} 行）`}，两者只差前导零。它们按不同客户处理；如果是同一客户，请在两个来源中统一编号。`,
  }),
  'archive-figures-superseded': (_v, d) => ({
    en: `this archive column is replaced by the figures computed from the order log${d.count ? `; ${d.count} customers' values differ from the orders` : ''}. The orders are what is graded.`,
    zh: `该档案列已由订单记录计算出的数据取代${d.count ? `；其中 ${d.count} 位客户的数值与订单不一致` : ''}。分级以订单为准。`,
  }),
};

/** Upper-cases the first letter, for bodies that follow no "Row n:" prefix. */
function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * The full message: "Row 12, column 'Last order': ..." /
 * "第 12 行「最后下单时间」列：...". File-level issues have no prefix.
 */
export function issueMessage(code: IssueCode, row: number | null, column: string | null, value: string | null, detail: MessageDetail = {}): Localized {
  const quoted: Localized = value === null || value === '' ? { en: 'the empty value', zh: '空值' } : { en: `'${shortValue(value)}'`, zh: `'${shortValue(value)}'` };
  const body = BODIES[code](quoted, detail);
  if (row === null && column === null) return { en: capitalise(body.en), zh: body.zh };
  const enPrefix = row !== null && column !== null ? `Row ${row}, column '${column}': ` : row !== null ? `Row ${row}: ` : `Column '${column}': `;
  const zhPrefix = row !== null && column !== null ? `第 ${row} 行「${column}」列：` : row !== null ? `第 ${row} 行：` : `「${column}」列：`;
  return { en: enPrefix + body.en, zh: zhPrefix + body.zh };
}

/** Builds an Issue with its bilingual message. `value` is shortened to 80 characters. */
export function makeIssue(
  code: IssueCode,
  severity: IssueSeverity,
  row: number | null,
  column: string | null,
  value: string | null,
  detail: MessageDetail = {},
): Issue {
  const message = issueMessage(code, row, column, value, detail);
  // The report's key order (report.ts hands such an issue on without a copy), and texts of their own
  // (detachedText): a log of millions of lines can have an issue on every other line.
  return {
    row,
    column,
    code,
    severity,
    value: value === null ? null : detachedText(shortValue(value)),
    message: { en: detachedText(message.en), zh: detachedText(message.zh) },
  };
}
