/**
 * Every text the task pane and the preview show, in English and Simplified
 * Chinese. Components never hold literal user-visible text (a DOM test scans
 * them); they look texts up here by key.
 *
 * Placeholders are `{name}`; `fillTemplate` replaces them with values the
 * caller has already formatted for the locale (numbers with Intl).
 */
import type { Locale, Localized } from './locale';
import type { InputKind, IssueCode } from '../domain/types';

export const STRINGS = {
  appName: { en: 'Tierwise', zh: '客户分级助手' },
  appTagline: {
    en: 'Grades your customers by recency, frequency and spend, and keeps the grades up to date with live formulas.',
    zh: '按最近购买、购买频次和消费金额为客户分级，并用实时公式让分级保持最新。',
  },
  languageLabel: { en: 'Language', zh: '语言' },
  languageEnglish: { en: 'English', zh: 'English' },
  languageChinese: { en: '中文', zh: '中文' },

  // Steps (shown as the pane's heading and in the step indicator)
  stepStart: { en: 'Start', zh: '开始' },
  stepColumns: { en: 'Columns', zh: '字段映射' },
  stepRules: { en: 'Rules', zh: '分级规则' },
  stepBuilding: { en: 'Building', zh: '生成中' },
  stepDone: { en: 'Done', zh: '完成' },
  stepIndicator: { en: 'Step {current} of {total}', zh: '第 {current} 步，共 {total} 步' },

  // Start
  startReading: { en: 'Reading the sheet…', zh: '正在读取工作表…' },
  startReadingRows: { en: 'Reading rows {from}–{to} of {total}', zh: '正在读取第 {from}–{to} 行，共 {total} 行' },
  startAnalyzing: { en: 'Looking for the header and the columns…', zh: '正在查找表头和各列…' },
  startFoundHeading: { en: 'What Tierwise found', zh: '识别结果' },
  startFoundSheet: { en: "Sheet '{sheet}'", zh: '工作表“{sheet}”' },
  startFoundSelection: { en: "Selection {address} on sheet '{sheet}'", zh: '工作表“{sheet}”中的选区 {address}' },
  startFoundSelectedCell: {
    en: "Sheet '{sheet}': only cell {cell} was selected, so all of the sheet's data was read",
    zh: '工作表“{sheet}”：只选中了单元格 {cell}，因此读取了该工作表的全部数据',
  },
  startFoundRows: { en: '{rows} data rows', zh: '{rows} 行数据' },
  startFoundHeader: { en: 'header in row {row}', zh: '表头在第 {row} 行' },
  startFoundNoHeader: { en: 'no header row found', zh: '未找到表头行' },
  startLooksLikeCustomers: { en: 'looks like a customer list', zh: '看起来是客户名单' },
  startLooksLikeTransactions: { en: 'looks like an order log', zh: '看起来是订单记录' },
  startUseThisData: { en: 'Use this data', zh: '使用这些数据' },
  startPickSheet: { en: 'Use another sheet', zh: '使用其他工作表' },
  startUseSelection: { en: 'Use the selection', zh: '使用当前选区' },
  startEmptySheet: {
    en: 'This sheet is empty. Open the sheet with your customers or orders, or pick it below.',
    zh: '这个工作表是空的。请打开包含客户或订单的工作表，或在下方选择。',
  },
  startExistingHeading: { en: 'This workbook already has a Tierwise grading table', zh: '此工作簿已有客户分级表' },
  startExistingBody: {
    en: 'Rebuilding updates it in place: rows are matched by customer ID and what people typed into it is kept.',
    zh: '重新生成会原地更新：按客户编号匹配行，并保留大家在表中填写的内容。',
  },
  startRebuild: { en: 'Rebuild from this data', zh: '用这些数据重新生成' },
  startOpenTable: { en: 'Open the grading table', zh: '打开客户分级表' },
  startNothingWritten: {
    en: 'Nothing is written to your workbook until you press Build.',
    zh: '在您点击“生成”之前，不会向工作簿写入任何内容。',
  },
  startReread: { en: 'Read the sheet again', zh: '重新读取工作表' },

  // Columns
  columnsIntro: {
    en: 'Check which column holds each field. Columns Tierwise does not use are kept as they are.',
    zh: '请确认每个字段对应的列。未使用的列会原样保留。',
  },
  columnsKindLabel: { en: 'The data is', zh: '数据类型' },
  kindCustomers: { en: 'A customer list (one row per customer)', zh: '客户名单（每行一个客户）' },
  kindTransactions: { en: 'An order log (one row per order or order line)', zh: '订单记录（每行一笔订单或订单明细）' },
  columnsHeaderRowLabel: { en: 'Header row', zh: '表头所在行' },
  columnsRequired: { en: 'Needed', zh: '必需' },
  columnsOptionalSummary: { en: 'Optional fields: {found} of {total} found', zh: '可选字段：已识别 {found} / {total} 个' },
  columnsNotUsed: { en: '(not used)', zh: '（不使用）' },
  columnsFieldFor: { en: 'Column for {field}', zh: '“{field}”对应的列' },
  confidenceHigh: { en: 'Sure', zh: '确定' },
  confidenceMedium: { en: 'Likely', zh: '可能' },
  confidenceLow: { en: 'Guess — please check', zh: '猜测，请确认' },
  confidenceManual: { en: 'Chosen by you', zh: '手动选择' },
  columnsAmountOrQtyPrice: {
    en: 'Amount, or both Quantity and Unit price, is needed.',
    zh: '需要“金额”，或同时有“数量”和“单价”。',
  },
  columnsMissing: { en: 'Still needed: {fields}', zh: '仍缺少：{fields}' },
  columnsKeptHeading: { en: 'Kept as is ({count})', zh: '原样保留的列（{count}）' },
  columnsKeptNone: { en: 'Every column is used.', zh: '所有列都已使用。' },
  columnsIssuesHeading: { en: 'Problems found in the data', zh: '数据中发现的问题' },
  columnsIssuesNone: { en: 'No problems found.', zh: '未发现问题。' },
  columnsIssueRows: { en: 'rows {rows}', zh: '第 {rows} 行' },
  columnsIssueMore: { en: 'and {count} more', zh: '等另外 {count} 处' },
  columnsDateOrderQuestion: {
    en: '{count} dates could be day/month or month/day. Which order does your data use?',
    zh: '有 {count} 个日期无法确定是“日/月”还是“月/日”。您的数据使用哪种顺序？',
  },
  dateOrderDmy: { en: 'Day/month (31/12)', zh: '日/月（31/12）' },
  dateOrderMdy: { en: 'Month/day (12/31)', zh: '月/日（12/31）' },
  columnsUpdating: { en: 'Checking the data again…', zh: '正在重新检查数据…' },
  next: { en: 'Next', zh: '下一步' },
  back: { en: 'Back', zh: '上一步' },

  // Rules
  rulesIntro: {
    en: 'The defaults follow the standard RFM model. Change them and watch how many customers fall in each tier.',
    zh: '默认值遵循标准 RFM 模型。修改后可即时看到各等级的客户数。',
  },
  rulesAsOfLabel: { en: 'Grade as of', zh: '分析基准日' },
  rulesAsOfAuto: { en: 'The day after the latest purchase ({date})', zh: '最近一次购买的次日（{date}）' },
  rulesAsOfAutoUnknown: { en: 'The day after the latest purchase', zh: '最近一次购买的次日' },
  rulesAsOfToday: { en: 'Today, recalculated every day', zh: '今天（每天自动更新）' },
  rulesAsOfFixed: { en: 'A fixed date', zh: '指定日期' },
  rulesAsOfDate: { en: 'As-of date', zh: '基准日期' },
  rulesTiersHeading: { en: 'Tiers', zh: '客户等级' },
  rulesTierMinScore: { en: '{tier}: R+F+M score at least', zh: '{tier}：R+F+M 总分至少' },
  rulesTierNewWithin: { en: '{tier}: first purchase within (days)', zh: '{tier}：首次购买在多少天内' },
  rulesLifecycleHeading: { en: 'Lifecycle', zh: '生命周期' },
  rulesAtRiskAfter: { en: 'At risk after (days without a purchase)', zh: '流失预警：多少天未购买' },
  rulesChurnedAfter: { en: 'Churned after (days without a purchase)', zh: '已流失：多少天未购买' },
  rulesSegmentsHeading: { en: 'Segments', zh: '客户细分' },
  rulesSegmentCut: { en: 'A score counts as high from', zh: '评分达到多少算“高”' },
  rulesAdvanced: { en: 'Advanced settings', zh: '高级设置' },
  rulesQuantiles: { en: 'Score breakpoints (percentiles, 0–1)', zh: '评分分界点（百分位，0–1）' },
  rulesQuantileN: { en: 'Breakpoint {n}', zh: '分界点 {n}' },
  rulesPreviewHeading: { en: 'Customers per tier with these rules', zh: '按此规则各等级客户数' },
  rulesPreviewUpdating: { en: 'Updating…', zh: '正在更新…' },
  rulesPreviewTotal: { en: '{count} customers', zh: '共 {count} 位客户' },
  rulesBuild: { en: 'Build the grading table', zh: '生成客户分级表' },
  rulesBuildNote: {
    en: 'This writes a Customers sheet and a Settings sheet into this workbook. Your own sheets are not changed.',
    zh: '将在此工作簿中写入“客户档案”和“设置”工作表，不会修改您原有的工作表。',
  },
  rulesRebuildNote: {
    en: 'This updates the Tierwise sheets in this workbook; what people typed into them is kept. Your own sheets are not changed.',
    zh: '将更新此工作簿中的客户分级工作表，并保留大家填写的内容；不会修改您原有的工作表。',
  },
  invalidNumber: { en: 'Enter a number.', zh: '请输入数字。' },
  invalidWholeNumber: { en: 'Enter a whole number.', zh: '请输入整数。' },
  invalidRange: { en: 'Enter a number from {min} to {max}.', zh: '请输入 {min} 到 {max} 之间的数。' },
  invalidDate: { en: 'Enter a date such as 2025-06-30.', zh: '请输入日期，例如 2025-06-30。' },
  rulesFixProblems: { en: 'Fix the highlighted settings to continue.', zh: '请先修正标出的设置。' },
  rulesFromSheet: { en: 'Rules loaded from the Settings sheet', zh: '已从“设置”工作表读取规则' },
  rulesFromSheetProblems: {
    en: 'Some cells of the Settings sheet could not be read; those rules keep the values shown here:',
    zh: '“设置”工作表中有些单元格无法读取，这些规则沿用此处显示的值：',
  },

  // Building
  buildingReading: { en: 'Reading rows {from}–{to} of {total}', zh: '正在读取第 {from}–{to} 行，共 {total} 行' },
  buildingImporting: { en: 'Checking rows {done} of {total}', zh: '正在检查第 {done} 行，共 {total} 行' },
  buildingAggregating: { en: 'Adding up orders {done} of {total}', zh: '正在汇总订单 {done}，共 {total}' },
  buildingGrading: { en: 'Grading customers {done} of {total}', zh: '正在为客户分级 {done}，共 {total}' },
  buildingPlanning: { en: 'Preparing the sheets', zh: '正在准备工作表' },
  buildingTransferring: { en: 'Preparing rows {done} of {total}', zh: '正在准备第 {done} 行，共 {total} 行' },
  buildingWriting: { en: 'Writing rows {from}–{to} of {total}', zh: '正在写入第 {from}–{to} 行，共 {total} 行' },
  writeStepInspect: { en: 'Checking the workbook…', zh: '正在检查工作簿…' },
  writeStepRead: { en: 'Reading the existing grading table…', zh: '正在读取现有的分级表…' },
  writeStepPrepare: { en: 'Creating the sheets and names…', zh: '正在创建工作表和名称…' },
  writeStepWrite: { en: 'Writing customer rows…', zh: '正在写入客户数据行…' },
  writeStepFormat: { en: 'Writing settings, formulas and formats…', zh: '正在写入设置、公式和格式…' },
  writeStepValidate: { en: 'Adding dropdowns and colours…', zh: '正在添加下拉列表和颜色…' },
  buildingCancel: { en: 'Cancel', zh: '取消' },
  buildingCancelling: { en: 'Cancelling…', zh: '正在取消…' },
  buildingKeepOpen: { en: 'You can keep working in other windows; keep this pane open.', zh: '您可以在其他窗口继续工作，请勿关闭此窗格。' },

  // Cancelled / done
  cancelledHeading: { en: 'Build cancelled', zh: '已取消生成' },
  cancelledNothingWritten: { en: 'Nothing was written to the workbook.', zh: '没有向工作簿写入任何内容。' },
  cancelledBackToRules: { en: 'Back to the rules', zh: '返回分级规则' },
  doneHeading: { en: 'The grading table is ready', zh: '客户分级表已生成' },
  doneSummary: { en: '{customers} customers graded as of {date}.', zh: '已按 {date} 为 {customers} 位客户分级。' },
  doneWritten: { en: '{rows} rows written ({added} new, {updated} updated).', zh: '写入 {rows} 行（新增 {added} 行，更新 {updated} 行）。' },
  doneNotInSourceOne: {
    en: '1 customer is no longer in the source; it was kept with its last data: {ids}',
    zh: '有 1 位客户已不在数据源中，已保留其最近一次的数据：{ids}',
  },
  doneNotInSource: {
    en: '{count} customers are no longer in the source; they were kept with their last data: {ids}',
    zh: '有 {count} 位客户已不在数据源中，已保留其最近一次的数据：{ids}',
  },
  doneNotInSourceMore: { en: '{shown} and {more} more', zh: '{shown}等（另有 {more} 位）' },
  doneUnkeyedOne: {
    en: '1 row in the table has no customer ID (or repeats one); it was left as it is.',
    zh: '表中有 1 行没有客户编号（或编号重复），已原样保留。',
  },
  doneUnkeyed: {
    en: '{count} rows in the table have no customer ID (or repeat one); they were left as they are.',
    zh: '表中有 {count} 行没有客户编号（或编号重复），已原样保留。',
  },
  doneWarningsHeading: { en: 'Notes from Excel', zh: 'Excel 提示' },
  donePerTier: { en: 'Customers per tier', zh: '各等级客户数' },
  donePerSegment: { en: 'Customers per segment', zh: '各细分群体客户数' },
  doneProspectsNoSegment: { en: 'Prospects have no segment: {count}', zh: '潜在客户不参与细分：{count} 位' },
  doneIssuesLeft: { en: 'Problems left in the data: {count}', zh: '数据中仍有 {count} 个问题' },
  doneNoIssues: { en: 'No problems left in the data.', zh: '数据中没有遗留问题。' },
  doneGoToTable: { en: 'Go to the table', zh: '查看分级表' },
  doneRebuild: { en: 'Rebuild', zh: '重新生成' },
  doneChangeRules: { en: 'Change the rules', zh: '修改分级规则' },
  barListItem: { en: '{label}: {count} ({percent})', zh: '{label}：{count}（{percent}）' },

  // Errors
  errorHeading: { en: 'Something went wrong', zh: '出现问题' },
  errorDetails: { en: 'Details', zh: '详细信息' },
  errorTryAgain: { en: 'Try again', zh: '重试' },
  errorStartOver: { en: 'Start over', zh: '重新开始' },
  errorNoHeaderWhat: { en: 'No header row was found in this data.', zh: '在这些数据中没有找到表头行。' },
  errorNoHeaderDo: {
    en: 'Add a row of column names (for example Customer ID, Last purchase) above the data, or select the table including its header.',
    zh: '请在数据上方添加一行列名（例如 客户编号、最近购买日期），或选中包含表头的整个表格。',
  },
  errorImportWhat: { en: 'This data cannot be graded as it is.', zh: '这些数据暂时无法分级。' },
  errorImportDo: { en: 'Check the message below, fix the source, then read the sheet again.', zh: '请查看下方说明，修改源数据后重新读取工作表。' },
  errorTooLargeWhat: { en: 'Excel refused a request because it was too large.', zh: 'Excel 拒绝了一个过大的请求。' },
  errorTooLargeDo: { en: 'Select fewer rows or columns and try again.', zh: '请减少选中的行或列后重试。' },
  errorProtectedWhat: { en: 'A sheet Tierwise writes to is protected.', zh: '客户分级要写入的工作表受保护。' },
  errorProtectedDo: {
    en: 'Remove the protection from the Tierwise sheets (Review > Unprotect Sheet), then build again.',
    zh: '请先取消客户分级工作表的保护（审阅 > 撤消工作表保护），然后重新生成。',
  },
  errorEditingWhat: { en: 'Excel is busy: a cell is being edited.', zh: 'Excel 正忙：有单元格正在编辑。' },
  errorEditingDo: { en: 'Press Enter or Esc in the sheet to finish editing, then try again.', zh: '请在工作表中按 Enter 或 Esc 结束编辑，然后重试。' },
  errorWorkerWhat: { en: 'The grading stopped unexpectedly.', zh: '分级意外中止。' },
  errorWorkerDo: { en: 'Try again. If it happens again, reload the pane.', zh: '请重试。如果再次出现，请重新加载此窗格。' },
  errorTableMissingWhat: {
    en: 'The customer table is no longer an Excel table (it was converted to a range or renamed).',
    zh: '客户表已不再是 Excel 表格（已转换为区域或被重命名）。',
  },
  errorTableMissingDo: {
    en: 'Undo that (Ctrl+Z), or select the data, choose Insert > Table and give the table the name below, then build again. Nothing was written, so your notes and overrides are safe.',
    zh: '请撤消该操作（Ctrl+Z），或选中数据后选择“插入 > 表格”，并按下方说明为表格命名，然后重新生成。工作簿未作任何更改，您的备注和手动调整都完好无损。',
  },
  errorWriteWhat: { en: 'Writing to the workbook failed.', zh: '写入工作簿失败。' },
  errorWriteDo: {
    en: 'The workbook was left consistent. Close any dialog in Excel and build again; re-running never duplicates rows.',
    zh: '工作簿保持一致。请关闭 Excel 中的对话框后重新生成；重复运行不会产生重复行。',
  },
  errorUnknownWhat: { en: 'Tierwise could not finish this step.', zh: '客户分级无法完成此步骤。' },
  errorUnknownDo: { en: 'Try again. If it keeps happening, copy the details and send them to whoever supports Tierwise for you.', zh: '请重试。如果问题持续出现，请复制详细信息并发送给负责维护本插件的同事。' },
  errorSettingsWhat: { en: 'The settings cannot be used.', zh: '这些设置无法使用。' },

  notInExcel: {
    en: 'Tierwise runs inside Excel (Excel 2019 or later, Microsoft 365, or Excel on the web). Open it from the Home tab in Excel.',
    zh: '客户分级助手需要在 Excel 中运行（Excel 2019 或更高版本、Microsoft 365 或网页版 Excel）。请在 Excel 的“开始”选项卡中打开。',
  },
  rulesLifecycleNewWithin: { en: 'Lifecycle "new": first purchase within (days)', zh: '生命周期“新客户”：首次购买在多少天内' },

  // Preview shell (not Excel)
  previewBanner: { en: 'Preview — not Excel', zh: '预览（非 Excel）' },
  previewBannerNote: {
    en: 'An in-memory workbook stands in for Excel. Formulas are not calculated here: computed columns show the values the grading core computed.',
    zh: '这里用内存中的工作簿代替 Excel。公式不会在此计算：计算列显示的是分级核心算出的值。',
  },
  previewWorkbook: { en: 'Workbook', zh: '工作簿' },
  previewComputedMark: { en: 'computed by the core', zh: '由分级核心计算' },
  previewFormulaLabel: { en: 'Formula: {formula}', zh: '公式：{formula}' },
  previewRowsShown: { en: 'Showing rows 1–{shown} of {total}', zh: '显示第 1–{shown} 行，共 {total} 行' },
  previewSheetTabs: { en: 'Sheets', zh: '工作表' },
  previewEmptySheet: { en: 'This sheet is empty.', zh: '此工作表为空。' },
  previewPane: { en: 'Task pane', zh: '任务窗格' },
  // ---- Prediction (issue 9): the Done screen's prediction section ----
  predictionHeading: { en: 'Churn and customer value prediction', zh: '流失与客户价值预测' },
  predictionWhatPActive: {
    en: 'The new P(active) column is the chance that a customer is still buying from you, judged from how often they bought and how long it has been since: a frequent buyer who has gone quiet scores low, a one-time buyer keeps a high score until the model learns otherwise. It updates when you change the as-of date. Churn risk bands it: high below {high}, medium below {medium}.',
    zh: '新增的“活跃概率”列表示客户仍在向您购买的可能性，由其购买频次和距上次购买的时间推算：一向常买却很久没来的客户得分低，只买过一次的客户在模型获得更多信息前保持较高得分。修改分析基准日后会自动更新。“流失风险”按它分档：低于 {high} 为高，低于 {medium} 为中。',
  },
  predictionFitted: {
    en: 'Fitted on {customers} customers ({repeat} bought more than once). Expected purchases over {days} days, expected value per purchase and {months}-month CLV are in the table; the model parameters are on the Settings sheet.',
    zh: '基于 {customers} 位客户拟合（其中 {repeat} 位不止购买一次）。表格中给出未来 {days} 天的预期购买次数、预期客单价和 {months} 个月的客户终身价值；模型参数在“设置”工作表中。',
  },
  predictionHoldout: {
    en: 'Holdout check: fitted on purchases up to {date}, the model predicted {predicted} purchases for the period after it; customers actually made {actual} ({error}).',
    zh: '留出期检验：基于 {date} 之前的购买拟合，模型预测此后的购买次数为 {predicted} 次；客户实际购买 {actual} 次（{error}）。',
  },
  predictionNoHoldout: {
    en: 'No holdout check was run: set a calibration end date to compare the model with what actually happened.',
    zh: '未运行留出期检验：设置校准截止日即可把模型预测与实际情况对比。',
  },
  predictionAtRisk: {
    en: '{count} customers are valuable but unlikely to be active (at risk, high value): sort the table by churn risk and spend to call them first.',
    zh: '{count} 位客户价值高但活跃可能性低（高价值流失预警）：按流失风险和消费金额排序表格，优先联系他们。',
  },
} as const satisfies Record<string, Localized>;

export type StringKey = keyof typeof STRINGS;

/** Names of issue groups on the Columns and Done screens, one per IssueCode. */
export const ISSUE_GROUP_LABELS: Readonly<Record<IssueCode, Localized>> = {
  'empty-file': { en: 'The source is empty', zh: '数据源为空' },
  'no-header': { en: 'No header row', zh: '没有表头行' },
  'no-data-rows': { en: 'No data rows', zh: '没有数据行' },
  'missing-required-field': { en: 'Needed column missing', zh: '缺少必需的列' },
  'ambiguous-mapping': { en: 'Several columns could match', zh: '多列可能匹配' },
  'missing-customer-id': { en: 'Rows without a customer ID (skipped)', zh: '缺少客户编号的行（已跳过）' },
  'duplicate-customer-id': { en: 'Duplicate customer IDs (later rows skipped)', zh: '重复的客户编号（后出现的行已跳过）' },
  'invalid-date': { en: 'Dates that cannot be read', zh: '无法识别的日期' },
  'ambiguous-date': { en: 'Dates that could be day/month or month/day', zh: '无法确定日/月顺序的日期' },
  'excel-serial-60': { en: "Excel's non-existent 1900-02-29", zh: 'Excel 中不存在的 1900-02-29' },
  'future-date': { en: 'Dates in the future', zh: '未来的日期' },
  'purchase-after-as-of': { en: 'Purchases after the as-of date', zh: '晚于基准日的购买' },
  'invalid-number': { en: 'Numbers that cannot be read', zh: '无法识别的数值' },
  'negative-spend': { en: 'Negative spend (counted as 0)', zh: '消费金额为负（按 0 计）' },
  'negative-count': { en: 'Negative counts (skipped)', zh: '次数为负（已跳过）' },
  'non-integer-count': { en: 'Counts that are not whole numbers (skipped)', zh: '次数不是整数（已跳过）' },
  'invalid-amount': { en: 'Amounts that cannot be read (skipped)', zh: '无法识别的金额（已跳过）' },
  'invalid-phone': { en: 'Phone numbers that look wrong', zh: '可能有误的电话号码' },
  'invalid-email': { en: 'Email addresses that look wrong', zh: '可能有误的邮箱地址' },
  'unknown-tier': { en: 'Manual tiers not in the tier list', zh: '不在等级列表中的手动等级' },
  'formula-like-text': { en: 'Text that looks like a formula (kept as text)', zh: '看起来像公式的文本（按文本保留）' },
  'text-too-long': { en: 'Text longer than a cell can hold', zh: '超出单元格长度上限的文本' },
  'orders-without-last-purchase': { en: 'Orders without a last purchase date (skipped)', zh: '有订单但无最近购买日期（已跳过）' },
  'encoding-guessed': { en: 'Text encoding guessed', zh: '文本编码为推测' },
  'id-precision-lost': { en: 'Customer IDs too long for a number', zh: '客户编号超出数字精度' },
  'malformed-csv': { en: 'Lines the CSV reader could not split', zh: 'CSV 中无法正确拆分的行' },
  'invalid-value': { en: 'Values not in the allowed list', zh: '不在允许范围内的值' },
};

export const INPUT_KIND_LABELS: Readonly<Record<InputKind, Localized>> = {
  customers: STRINGS.kindCustomers,
  transactions: STRINGS.kindTransactions,
};

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so a test can catch it. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** The text of a string key in a locale, with placeholders filled. */
export function text(key: StringKey, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  const entry: Localized = STRINGS[key];
  return fillTemplate(locale === 'zh-CN' ? entry.zh : entry.en, values);
}
