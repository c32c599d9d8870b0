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
  errorOtherLanguageWhat: {
    en: 'This workbook was built by Tierwise in the other display language (English or Chinese).',
    zh: '此工作簿是 Tierwise 以另一种显示语言（英文或中文）生成的。',
  },
  errorOtherLanguageDo: {
    en: 'Switch Office\'s display language to the one named below, then build again. Nothing was written, so your notes and overrides are safe.',
    zh: '请将 Office 的显示语言切换为下方所述的语言，然后重新生成。工作簿未作任何更改，您的备注和手动调整都完好无损。',
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

  // Summary KPIs on the Done screen (issue 6 §1; the same figures as the Summary sheet)
  doneKpisHeading: { en: 'Key figures', zh: '关键指标' },
  doneKpiRevenue: { en: 'Revenue', zh: '消费总额' },
  doneKpiBuyers: { en: 'Customers with a purchase', zh: '有购买的客户' },
  doneKpiTopTierShare: { en: "Top tier's share of revenue", zh: '最高等级的消费占比' },
  doneKpiRepeatRate: { en: 'Repeat purchase rate', zh: '复购率' },
  doneKpiAtRisk: { en: 'At risk or churned', zh: '流失预警及已流失' },
  doneKpiAtRiskValue: { en: '{count} (revenue {revenue})', zh: '{count} 位（消费额 {revenue}）' },
  doneKpiChurnedShare: { en: 'Churned (of customers with a purchase)', zh: '已流失（占有购买客户）' },
  doneKpiSatisfaction: { en: 'Average satisfaction (1-5)', zh: '平均满意度（1-5）' },
  doneKpiNone: { en: 'n/a', zh: '无' },
  doneKpisSheet: { en: 'The Summary sheet holds these figures as live formulas, by tier, segment, stage and owner.', zh: '“汇总”工作表以实时公式列出这些数字，并按等级、分类、阶段和负责人细分。' },
  // Slide deck export (issue 6 §3): src/taskpane/components/DeckExport.tsx
  deckHeading: { en: 'Slide deck', zh: '演示文稿' },
  deckIntro: {
    en: 'A 16:9 PowerPoint deck of this grading: key figures, native charts you can edit, the tier and segment tables with suggested actions, and the rules used.',
    zh: '本次分级的 16:9 PowerPoint 演示文稿：关键指标、可编辑的原生图表、等级与细分表格及建议行动，以及所用规则。',
  },
  deckLanguage: { en: 'Deck language', zh: '演示文稿语言' },
  deckLanguageEnglish: { en: 'English', zh: '英文' },
  deckLanguageChinese: { en: 'Chinese (Simplified)', zh: '简体中文' },
  deckExport: { en: 'Export slide deck (.pptx)', zh: '导出演示文稿（.pptx）' },
  deckWriting: { en: 'Making the deck…', zh: '正在生成演示文稿…' },
  deckSaved: {
    en: 'The deck {file} was handed to your downloads. In Excel on Windows the download shows at the bottom of this pane; on the web, in your browser.',
    zh: '演示文稿 {file} 已交给下载。在 Windows 版 Excel 中，下载提示显示在本窗格底部；在网页版中，显示在浏览器里。',
  },
  deckIfNothing: {
    en: 'If no file appears, this copy of Excel blocks downloads from add-ins. Use the command line on the data file instead: {command}',
    zh: '如果没有出现文件，说明此版本的 Excel 不允许加载项下载文件。请改用命令行处理数据文件：{command}',
  },
  deckBlocked: {
    en: 'Excel on Mac and on iPad does not let add-ins save files, so the deck cannot be downloaded here. Instead: open this workbook in Excel on the web or on Windows and export there; or make the deck from the data file with the command line: {command}; or copy charts from the workbook into PowerPoint (select a chart, Copy, Paste).',
    zh: 'Mac 版和 iPad 版 Excel 不允许加载项保存文件，因此无法在这里下载演示文稿。请在网页版或 Windows 版 Excel 中打开此工作簿后再导出，或用命令行从数据文件生成：{command}；也可以把工作簿中的图表复制到 PowerPoint（选中图表，复制，粘贴）。',
  },
  deckCommandInput: { en: '<your data file.xlsx>', zh: '<数据文件.xlsx>' },
  deckFailed: { en: 'The deck could not be made. Details: {detail}', zh: '无法生成演示文稿。详细信息：{detail}' },
  deckPreviewNote: {
    en: 'Preview: your browser downloads the deck. Excel on the web and on Windows download it the same way; Excel on Mac cannot save files from an add-in and shows the command line instead.',
    zh: '预览：由浏览器下载演示文稿。网页版和 Windows 版 Excel 的下载方式相同；Mac 版 Excel 不能从加载项保存文件，会改为显示命令行方法。',
  },

  // Issue 11: two sources, the order log and the customer archive, joined by customer ID.
  startArchiveHeading: { en: 'Orders + customer archive', zh: '订单 + 客户档案' },
  startArchiveBody: {
    en: 'Orders here, customers (name, owner, phone, region…) in another sheet? Pick that sheet: the grading table will be the archive, graded by the orders.',
    zh: '订单在这里、客户信息（名称、负责人、电话、地区等）在另一张工作表？请选择那张表：分级表将以客户档案为准，按订单分级。',
  },
  startArchivePick: { en: 'Customer archive sheet', zh: '客户档案工作表' },
  startArchiveNone: { en: 'No archive (one source)', zh: '不使用客户档案（单一来源）' },
  startArchiveReading: { en: 'Reading the customer archive…', zh: '正在读取客户档案…' },
  startArchiveFound: { en: "Archive: sheet '{sheet}', {rows} rows, header in row {row}", zh: '客户档案：工作表“{sheet}”，{rows} 行，表头在第 {row} 行' },
  startArchiveMatched: {
    en: '{matched} of {orderCustomers} customers in the orders are in the archive; {missing} are not.',
    zh: '订单中的 {orderCustomers} 位客户有 {matched} 位在客户档案中，{missing} 位不在。',
  },
  startArchiveProspects: { en: '{count} archive customers have no orders (prospects).', zh: '档案中有 {count} 位客户没有订单（潜在客户）。' },
  startArchiveNeedsColumns: {
    en: 'The match is counted once both sources have their columns: choose them on the next screen.',
    zh: '两个来源的字段都确定后才能统计匹配情况：请在下一步选择字段。',
  },
  startArchiveRemembered: {
    en: "Rebuild reads the orders from '{orders}' and the archive from '{archive}' (saved on the Settings sheet).",
    zh: '重新生成时从“{orders}”读取订单、从“{archive}”读取客户档案（保存在设置工作表中）。',
  },
  columnsOrdersHeading: { en: 'Order log', zh: '订单记录' },
  columnsArchiveHeading: { en: "Customer archive: sheet '{sheet}'", zh: '客户档案：工作表“{sheet}”' },
  columnsArchiveIntro: {
    en: "The archive's columns become the table's columns, in its order; purchases and spend come from the orders.",
    zh: '档案的列按原顺序成为分级表的列；购买次数和消费金额来自订单。',
  },
  columnsArchiveIssues: { en: 'Problems found in the archive', zh: '客户档案中发现的问题' },
  startArchiveRenameSuggestion: { en: '{sheet} (source)', zh: '{sheet}（源）' },
  startArchiveNameClash: {
    en: "Your sheet '{sheet}' has the name of a sheet Tierwise creates, so the build would stop without writing. Rename your sheet first (for example '{suggestion}'), then read again.",
    zh: '您的工作表“{sheet}”与本工具要创建的工作表同名，生成时会停止且不写入任何内容。请先重命名您的工作表（例如“{suggestion}”），再重新读取。',
  },
  // Protection by role (issue 7 §2: the Protect screen, the rebuild password prompt)
  stepProtect: { en: 'Protect', zh: '保护' },
  protectOpen: { en: 'Protect…', zh: '保护…' },
  protectIntro: {
    en: 'Lock the workbook for a role: people in that role can edit only their columns; formulas, Settings, Summary and Charts stay locked.',
    zh: '按角色锁定工作簿：该角色只能编辑属于自己的列；公式、“设置”、汇总和图表保持锁定。',
  },
  protectNotSecurity: {
    en: 'Sheet protection prevents accidental edits. It is not security: anyone with the file can read every row, and protection can be removed with readily available tools.',
    zh: '工作表保护只能防止误改，并不是安全措施：拿到文件的人都能看到每一行数据，而且用常见工具即可去除保护。',
  },
  protectConfidential: {
    en: 'For confidentiality, give each sales rep a copy with only their own customers and personal fields masked (command line: tierwise --split-by owner).',
    zh: '如需保密，请为每位销售代表生成只含其本人客户、并已隐藏个人信息的副本（命令行：tierwise --split-by owner）。',
  },
  protectLimitsHeading: { en: 'What Excel allows on a protected sheet', zh: 'Excel 对受保护工作表的限制' },
  protectLimitAddCustomers: {
    en: 'New customers cannot be typed below the table: a table cannot grow on a protected sheet. Add them to the source and rebuild (Tierwise asks for the password, lifts protection, rebuilds and protects again), or remove protection first.',
    zh: '不能在表格下方直接添加新客户：受保护工作表上的表格无法扩展。请把新客户加入数据源后重新生成（本工具会询问密码，临时撤消保护，生成后再恢复保护），或先撤消保护。',
  },
  protectLimitSort: {
    en: 'Filtering works. Sorting works only on a selection of unlocked columns: Excel refuses to sort a range that holds locked cells, even when sorting is allowed.',
    zh: '可以筛选。排序只适用于选中的未锁定列：即使允许排序，Excel 也不会对包含锁定单元格的区域排序。',
  },
  protectLimitUndo: {
    en: 'Applying or removing protection clears Excel’s undo history.',
    zh: '应用或撤消保护会清空 Excel 的撤消记录。',
  },
  protectLoading: { en: 'Reading the protection of the sheets…', zh: '正在读取工作表的保护状态…' },
  protectStatusHeading: { en: 'Sheets', zh: '工作表' },
  protectStatusProtected: { en: 'protected', zh: '已保护' },
  protectStatusOpen: { en: 'not protected', zh: '未保护' },
  protectStatusStructure: { en: 'Workbook structure (add, delete, rename sheets)', zh: '工作簿结构（添加、删除、重命名工作表）' },
  protectAppliedRecord: { en: 'Protected for the role {role} on {date}.', zh: '已于 {date} 按“{role}”角色保护。' },
  protectProfileLabel: { en: 'Role', zh: '角色' },
  protectPasswordLabel: { en: 'Password (optional)', zh: '密码（可选）' },
  protectPasswordHint: {
    en: 'Tierwise never stores it. Without it nobody, Tierwise included, can remove the protection from the pane.',
    zh: '本工具不会保存密码。没有密码，任何人（包括本工具）都无法在任务窗格中撤消保护。',
  },
  protectStrengthNone: { en: 'No password: anyone can remove protection with Review > Unprotect Sheet.', zh: '未设置密码：任何人都可以通过“审阅 > 撤消工作表保护”去除保护。' },
  protectStrengthWeak: { en: 'Weak: use at least 12 characters mixing letters, digits and symbols.', zh: '弱：请使用至少 12 个字符，并混合字母、数字和符号。' },
  protectStrengthFair: { en: 'Fair: longer, or with more kinds of characters, is better.', zh: '一般：更长或包含更多种类的字符会更好。' },
  protectStrengthStrong: { en: 'Strong.', zh: '强。' },
  protectGenerate: { en: 'Generate a password', zh: '生成密码' },
  protectGenerated: {
    en: 'Generated password, shown only now: copy it and keep it somewhere safe. Tierwise will not show it again.',
    zh: '生成的密码仅此一次显示：请复制并妥善保存。本工具不会再次显示。',
  },
  protectCopy: { en: 'Copy', zh: '复制' },
  protectCopied: { en: 'Copied.', zh: '已复制。' },
  protectApply: { en: 'Apply protection', zh: '应用保护' },
  protectApplied: { en: 'The workbook is protected for the role {role}.', zh: '工作簿已按“{role}”角色保护。' },
  protectRemoveHeading: { en: 'Remove protection', zh: '撤消保护' },
  protectRemovePassword: { en: 'Password used to protect', zh: '保护时使用的密码' },
  protectRemove: { en: 'Remove protection', zh: '撤消保护' },
  protectRemoved: { en: 'Protection removed: every sheet can be edited again.', zh: '已撤消保护：所有工作表均可再次编辑。' },
  protectBack: { en: 'Back', zh: '返回' },
  protectWorking: { en: 'Working…', zh: '正在处理…' },
  protectRolesProblems: { en: 'Some role settings in the Settings sheet could not be read; their defaults are used:', zh: '“设置”工作表中部分角色设置无法读取，已使用默认值：' },
  protectRebuildHeading: { en: 'This workbook is protected', zh: '此工作簿受保护' },
  protectRebuildBody: {
    en: 'To rebuild, Tierwise removes the protection, rebuilds, and protects the workbook again for the same role with the same password. Enter the password once; it is used for this rebuild only and not kept.',
    zh: '重新生成时，本工具会先撤消保护，生成后再按相同角色和相同密码恢复保护。请输入一次密码；它只用于本次生成，不会被保存。',
  },
  protectRebuildPassword: { en: 'Protection password', zh: '保护密码' },
  protectRebuildGo: { en: 'Rebuild and protect again', zh: '重新生成并恢复保护' },
  protectRebuildCancel: { en: 'Cancel', zh: '取消' },
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
    en: '{count} customers at high churn risk with the highest CLV (at risk, high value) are listed on the Summary sheet: call them first.',
    zh: '“汇总”表列出了 {count} 位高流失风险且客户终身价值最高的客户（高价值流失预警）：请优先联系他们。',
  },

  // Issue 6 §3: the Summary & charts screen (refresh summary, refresh charts, chart images, the deck).
  stepSummaryCharts: { en: 'Summary & charts', zh: '汇总与图表' },
  doneSummaryCharts: { en: 'Summary & charts', zh: '汇总与图表' },
  doneExportDeck: { en: 'Export slide deck', zh: '导出演示文稿' },
  startOpenSummary: { en: 'Open summary', zh: '打开汇总' },
  scIntro: {
    en: 'The Summary sheet and the charts are live: their numbers follow the table. Here you redraw them after editing Settings, and take them to a meeting.',
    zh: '“汇总”表和图表都是实时的：数字随客户表自动更新。在这里可以在修改设置后重新绘制它们，并导出用于会议。',
  },
  scSummaryHeading: { en: 'Summary sheet', zh: '汇总表' },
  scSummaryBody: {
    en: 'Refresh summary rebuilds from the source sheet, as Rebuild does: the Summary lists the owners and tier labels as they are now, the tier colours come from Settings, and the charts are redrawn. Your overrides, notes and added columns are kept.',
    zh: '“刷新汇总”会像“重新生成”一样从源数据表重新生成：汇总表按当前的负责人和等级名称排列，等级颜色取自“设置”，图表也会重新绘制。您的手动等级、备注和新增列都会保留。',
  },
  scRefreshSummary: { en: 'Refresh summary (rebuild)', zh: '刷新汇总（重新生成）' },
  scSummaryNeedsSource: {
    en: 'The source sheet has not been read yet: go back to Start, pick the data sheet, then come here again.',
    zh: '尚未读取源数据表：请返回“开始”，选择数据表后再回到这里。',
  },
  scChartsHeading: { en: 'Charts', zh: '图表' },
  scChartsBody: {
    en: "Refresh charts redraws Tierwise's charts in the tier colours the Settings sheet holds now. Charts you made yourself are left as they are.",
    zh: '“刷新图表”会按“设置”表中当前的等级颜色重新绘制本工具生成的图表。您自己创建的图表保持不变。',
  },
  scRefreshCharts: { en: 'Refresh charts', zh: '刷新图表' },
  scChartsNeedBuild: {
    en: 'To redraw the charts the pane needs the layout of a build made in this session. Press Refresh summary once: it redraws the charts too.',
    zh: '重新绘制图表需要本次会话中生成时的布局。请先点一次“刷新汇总”，它也会重新绘制图表。',
  },
  scReadingColours: { en: 'Reading the tier colours from Settings…', zh: '正在从“设置”读取等级颜色…' },
  scDrawingCharts: { en: 'Redrawing {count} charts…', zh: '正在重新绘制 {count} 个图表…' },
  scChartsDone: {
    en: "Redrew {count} Tierwise charts in the Settings sheet's tier colours; {kept} charts of your own were left as they were.",
    zh: '已按“设置”中的等级颜色重新绘制 {count} 个本工具图表；您自己的 {kept} 个图表保持不变。',
  },
  scColourProblems: {
    en: 'Some tier colour cells in Settings do not hold a colour (#RRGGBB); those tiers kept their previous colour:',
    zh: '“设置”中部分等级颜色单元格不是颜色值（#RRGGBB），这些等级保留了原来的颜色：',
  },
  scChartsRefusedWhat: { en: 'The charts were not redrawn: a sheet they use is missing.', zh: '未重新绘制图表：图表使用的工作表不存在。' },
  scChartsRefusedDo: { en: 'Press Refresh summary to recreate the Summary and Charts sheets.', zh: '请点“刷新汇总”以重新创建汇总表和图表工作表。' },
  scImagesHeading: { en: 'Chart images', zh: '图表图片' },
  scImagesBody: {
    en: "Saves a picture of each Tierwise chart as Excel draws it; several charts come in one .zip file.",
    zh: '按 Excel 绘制的样子保存每个本工具图表的图片；多个图表打包为一个 .zip 文件。',
  },
  scExportImages: { en: 'Export chart images', zh: '导出图表图片' },
  scImagesReading: { en: 'Asking Excel for the chart images…', zh: '正在从 Excel 获取图表图片…' },
  scImagesZipping: { en: 'Packing {count} images…', zh: '正在打包 {count} 张图片…' },
  scImagesSaved: { en: '{count} chart images ({format}) were handed to your downloads as {file}.', zh: '已将 {count} 张图表图片（{format}）作为 {file} 交给下载。' },
  scImagesIfNothing: {
    en: 'If no file appears, this copy of Excel blocks downloads from add-ins: copy the charts instead (select a chart on the Charts sheet, Copy, and Paste into PowerPoint).',
    zh: '如果没有出现文件，说明此版本的 Excel 不允许加载项下载文件：请改为复制图表（在“图表”工作表中选中图表，复制，再粘贴到 PowerPoint）。',
  },
  scImagesNone: { en: 'This workbook has no Tierwise charts yet. Press Refresh summary to make them.', zh: '此工作簿还没有本工具生成的图表。请点“刷新汇总”生成。' },
  scImagesBlocked: {
    en: 'Excel on Mac and on iPad does not let add-ins save files, so the images cannot be downloaded here. Instead: select a chart on the Charts sheet, Copy, then in PowerPoint Paste (it stays a chart you can edit) or Paste Special > Picture; or export from Excel on the web or on Windows.',
    zh: 'Mac 版和 iPad 版 Excel 不允许加载项保存文件，因此无法在这里下载图片。请改为：在“图表”工作表中选中图表，复制，然后在 PowerPoint 中粘贴（仍是可编辑的图表），或“选择性粘贴 > 图片”；也可以在网页版或 Windows 版 Excel 中导出。',
  },
  scImagesUnknownWhat: { en: 'Excel returned chart {chart} in an image format the pane cannot save (first bytes {head}).', zh: 'Excel 返回的图表 {chart} 图片格式无法保存（开头字节 {head}）。' },
  scImagesUnknownDo: { en: 'Copy the chart in Excel and paste it into PowerPoint instead.', zh: '请改为在 Excel 中复制图表并粘贴到 PowerPoint。' },
  scImagesPreviewNote: {
    en: 'Preview: the preview workbook cannot draw charts, so each image here is a generated picture of stripes in the chart\'s colours, not a rendering of the chart. Only Excel renders real chart images; the download works as in Excel on the web.',
    zh: '预览：预览工作簿无法绘制图表，因此这里的每张图片都是按图表颜色生成的条纹图，并非图表的真实渲染。只有 Excel 能生成真实的图表图片；下载方式与网页版 Excel 相同。',
  },
  scDeckNeedBuild: {
    en: 'The slide deck is made from the figures of a build made in this session: press Refresh summary first.',
    zh: '演示文稿依据本次会话中生成时的数据制作：请先点“刷新汇总”。',
  },
  scDetails: { en: 'Details', zh: '详细信息' },
  scBack: { en: 'Back', zh: '返回' },
  previewOnlyExcel: {
    en: 'Only Excel draws the charts: here the Charts sheet shows no pictures, and an exported chart image is a generated stripe picture in the chart\'s colours, not the chart.',
    zh: '只有 Excel 能绘制图表：此处“图表”工作表不显示图形，导出的图表图片是按图表颜色生成的条纹图，并非图表本身。',
  },
  // Per-rep copies from the pane (issue 7 §3: the copies screen, reached from Protect)
  copiesOpen: { en: 'Copies for sales reps…', zh: '销售代表副本…' },
  copiesHeading: { en: 'A copy for each sales rep', zh: '为每位销售代表制作副本' },
  copiesIntro: {
    en: "Each copy holds only one owner's customers, graded as in this workbook, with personal fields masked and columns locked as the Sales rep role in the Settings sheet says.",
    zh: '每份副本只包含一位负责人的客户，分级结果与本工作簿一致，个人信息按“设置”工作表中销售代表角色的规定隐藏，各列按该角色锁定。',
  },
  copiesHonestNote: {
    en: "Nothing about another owner's customers remains anywhere in a copy: not in hidden sheets, lists or cached values. The copy's protection only prevents accidental edits; it is not encryption, so send each copy to its owner only.",
    zh: '副本中不会残留其他负责人客户的任何信息：隐藏工作表、下拉列表和缓存值中都没有。副本的保护只能防止误改，并不是加密，请只把副本发给对应的负责人。',
  },
  copiesLoading: { en: 'Reading the owners…', zh: '正在读取负责人…' },
  copiesNoBuild: { en: 'Build the grading table first: the copies are made from the last build.', zh: '请先生成客户分级表：副本根据最近一次生成的结果制作。' },
  copiesRole: { en: 'Role: {role} · {count} copies (one per owner, and one for customers without an owner)', zh: '角色：{role} · 共 {count} 份副本（每位负责人一份，无负责人的客户一份）' },
  copiesLarge: {
    en: 'Copies of more than {rows} customers ({owners}) are slow to make here and need a lot of memory. For very large copies use the command line:',
    zh: '超过 {rows} 位客户的副本（{owners}）在此制作较慢且占用大量内存。副本很大时请使用命令行：',
  },
  copiesPasswordLabel: { en: 'Password for the copies (optional)', zh: '副本密码（可选）' },
  copiesPasswordHint: {
    en: 'Used only to protect these copies, for this one operation; it is not stored anywhere. Without one, the copies are protected without a password.',
    zh: '仅用于本次保护这些副本，不会保存在任何地方。不填写时，副本受保护但无密码。',
  },
  copiesAll: { en: 'Make a copy for each sales rep (one zip)', zh: '为每位销售代表制作副本（打包为一个 zip）' },
  copiesOwnerLabel: { en: 'Copy for one owner', zh: '单个负责人的副本' },
  copiesOwnerOption: { en: '{owner} ({count} customers)', zh: '{owner}（{count} 位客户）' },
  copiesNoOwner: { en: '(no owner)', zh: '（无负责人）' },
  copiesOne: { en: 'Make this copy', zh: '制作此副本' },
  copiesStarting: { en: 'Starting…', zh: '正在开始…' },
  copiesHashing: { en: 'Preparing the password…', zh: '正在处理密码…' },
  copiesProgress: { en: 'Copy {current} of {total}: {owner}', zh: '第 {current} 份，共 {total} 份：{owner}' },
  copiesCancel: { en: 'Cancel', zh: '取消' },
  copiesCancelled: { en: 'Cancelled: no file was saved.', zh: '已取消：未保存任何文件。' },
  copiesSaved: { en: 'Saved {file} ({count} copies). If no download appears, check the download bar of the pane or the browser.', zh: '已保存 {file}（{count} 份副本）。如未看到下载，请查看任务窗格或浏览器的下载栏。' },
  copiesCannotDownload: {
    en: 'This version of Excel (on Mac or iPad) does not let add-ins download files. Make the copies with the command line instead:',
    zh: '此版本的 Excel（Mac 或 iPad）不允许加载项下载文件。请改用命令行制作副本：',
  },
  copiesBack: { en: 'Back', zh: '返回' },
  // Data quality (issue 8 §1): the Done screen's findings by check.
  doneQualityHeading: { en: 'Data quality', zh: '数据质量' },
  doneQualityNone: { en: 'No data-quality findings.', zh: '未发现数据质量问题。' },
  doneQualityTotal: { en: '{count} findings, one row each on the Quality sheet.', zh: '共 {count} 个问题，“数据质量”工作表中每个问题一行。' },
  doneQualityOpen: { en: 'Open Quality sheet', zh: '打开“数据质量”工作表' },
  // Grade history on the Done screen (issue 8 §2, DoneHistory.tsx).
  doneHistoryHeading: { en: 'Grade history', zh: '分级历史' },
  doneHistoryCompared: { en: 'Compared with {date}: {up} moved up, {down} moved down, {fresh} new.', zh: '与 {date} 相比：{up} 位升级，{down} 位降级，{fresh} 位新客户。' },
  doneHistoryFirst: { en: 'The first snapshot of the grades is on the Grade history sheet; the next build with a later as-of date will show who moved.', zh: '首个分级快照已写入“分级历史”工作表；下次以更晚的评级日期生成时，将显示客户的升降情况。' },
  doneHistoryOpen: { en: 'Open the Grade history sheet', zh: '打开“分级历史”工作表' },
  // Ranges as sources (issue 11 §2: a block of cells for the archive or the orders; src/taskpane/sourceRange.ts, screens/RangeSource.tsx).
  rangeUseSelection: { en: 'Use the current selection', zh: '使用当前选定区域' },
  rangeTypedLabel: { en: 'Or type a range (for example Sheet2!A1:H500)', zh: '或输入区域（例如 Sheet2!A1:H500）' },
  rangeTypedUse: { en: 'Use this range', zh: '使用此区域' },
  rangeTypedEmpty: { en: 'Type a range such as Sheet2!A1:H500: the sheet name, !, then the cells.', zh: '请输入区域，例如 Sheet2!A1:H500：工作表名称、!，然后是单元格。' },
  rangeTypedNoSheet: {
    en: "'{input}' does not name a sheet. Type the sheet name, !, then the cells, for example Sheet2!A1:H500.",
    zh: '“{input}”中没有工作表名称。请输入工作表名称、!，然后是单元格，例如 Sheet2!A1:H500。',
  },
  rangeTypedSheetMissing: {
    en: "There is no sheet named '{sheet}' in this workbook. Check the sheet's name on its tab and type it before the !.",
    zh: '此工作簿中没有名为“{sheet}”的工作表。请查看工作表标签上的名称，并在 ! 前输入该名称。',
  },
  rangeTypedBadAddress: {
    en: "'{address}' is not a block of cells. Type the first and last cell, for example A1:H500.",
    zh: '“{address}”不是有效的单元格区域。请输入首尾两个单元格，例如 A1:H500。',
  },
  rangeTypedTooFewRows: {
    en: "'{address}' has fewer than two rows. A source needs its header row and at least one row of data: include them.",
    zh: '“{address}”少于两行。数据来源需要表头行和至少一行数据，请把它们包含在区域内。',
  },
  rangeTooSmallWhat: { en: 'The range has no data under its header.', zh: '该区域的表头下没有数据。' },
  rangeTooSmallDo: {
    en: 'Pick a range that holds the header row and at least one row of data, then try again.',
    zh: '请选择包含表头行和至少一行数据的区域，然后重试。',
  },
  startArchiveFoundRange: { en: "Archive: range '{range}', {rows} rows, header in row {row}", zh: '客户档案：区域“{range}”，{rows} 行，表头在第 {row} 行' },
  startFoundRange: { en: "Range '{range}'", zh: '区域“{range}”' },
  columnsArchiveHeadingRange: { en: "Customer archive: range '{range}'", zh: '客户档案：区域“{range}”' },
  rememberedSourceGoneWhat: {
    en: "The {source} the last build read, '{range}', is not in the workbook any more: its sheet was renamed or deleted.",
    zh: '上次生成时读取的{source}“{range}”已不在工作簿中：其工作表已被重命名或删除。',
  },
  rememberedSourceGoneDo: {
    en: 'Pick the order log and the customer archive again below (a sheet, the selection or a typed range), then build.',
    zh: '请在下方重新选择订单记录和客户档案（工作表、当前选定区域或输入的区域），然后生成。',
  },
  rememberedSourceOrders: { en: 'order log', zh: '订单记录' },
  rememberedSourceArchive: { en: 'customer archive', zh: '客户档案' },
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
  // Joining an order log to a customer archive.
  'not-in-archive': { en: 'Customers with orders, not in the archive', zh: '有订单但不在客户档案中的客户' },
  'id-format-mismatch': { en: 'IDs that differ only by leading zeros', zh: '只差前导零的客户编号' },
  'archive-figures-superseded': { en: 'Archive figures replaced by the orders', zh: '已由订单数据取代的档案数据' },
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
