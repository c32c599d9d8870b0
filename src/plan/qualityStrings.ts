/** Strings of the Quality sheet and the table's Data issues column (issue 8 §1), English and Chinese. */
import type { Localized } from '../i18n/locale';

export const QUALITY_TEXT = {
  sheetName: { en: 'Quality', zh: '数据质量' },
  title: { en: 'Data quality', zh: '数据质量' },
  note: {
    en: 'Counted when the workbook was built: correct the data, then rebuild to recount. "Go to" opens the customer\'s row as built.',
    zh: '以下为生成工作簿时的统计：更正数据后重新生成即可重新统计。“转到”打开生成时该客户所在的行。',
  },
  countsCheck: { en: 'Check', zh: '检查项' },
  countsFindings: { en: 'Findings', zh: '问题数' },
  countsKey: { en: 'Key', zh: '代码' },
  countsTotal: { en: 'Total', zh: '合计' },
  none: { en: 'No data issues found.', zh: '未发现数据问题。' },
  customerId: { en: 'Customer ID', zh: '客户编号' },
  goTo: { en: 'Go to', zh: '转到' },
  field: { en: 'Field', zh: '字段' },
  check: { en: 'Check', zh: '检查项' },
  value: { en: 'Value as typed', zh: '原始值' },
  whatToDo: { en: 'What to do', zh: '处理建议' },
  sourceRow: { en: 'Source row', zh: '来源行' },
  /** The link's text: `{row}` is the customer's row number on the Customers sheet. */
  goToRow: { en: 'Row {row}', zh: '第 {row} 行' },
  dataIssuesHeader: { en: 'Data issues', zh: '数据问题' },
  /** The last row of a Quality sheet too short for every finding: `{listed}` and `{more}` are counts. */
  notListed: {
    en: 'The first {listed} findings are listed: {more} more do not fit in a worksheet. The counts above and the Data issues column count all of them; the command line\'s report (--report) lists every one.',
    zh: '此处列出前 {listed} 条问题，另有 {more} 条超出工作表的行数上限未列出。上方的统计和“数据问题”列包含全部问题；命令行的报告（--report）列出每一条。',
  },
  phoneTitle: { en: 'Phone number', zh: '电话号码' },
  phoneMessage: {
    en: 'Type a phone number: digits, with spaces, dashes, brackets or +86 if you like (a mobile has 11 digits).',
    zh: '请输入电话号码：数字，可带空格、短横线、括号或 +86（手机号为 11 位）。',
  },
  emailTitle: { en: 'Email address', zh: '邮箱地址' },
  emailMessage: {
    en: 'Type an email address such as name@example.com (one @, no spaces).',
    zh: '请输入邮箱地址，例如 name@example.com（一个 @，不含空格）。',
  },
} as const satisfies Record<string, Localized>;
