/** The Office.js renderer: the only code in Tierwise that calls Excel. */
export {
  applyPlan,
  cutBlocks,
  widthToPoints,
  DEFAULT_BLOCK_ROWS,
  MANAGED_SHEETS_NAME,
  REQUEST_BUDGET_BYTES,
  type ApplyOptions,
  type ApplyProgress,
  type ApplyResult,
} from './applyPlan';
export {
  BuildInterruptedError,
  describeInterruption,
  formatCount,
  BUILD_STEPS,
  type BuildFailureReason,
  type BuildInterruptedCode,
  type BuildStep,
  type WrittenSummary,
} from './errors';
export { officeCellInput, officeTextInput, wouldExcelConvertText, type OfficeCellInput } from './cellValues';
export { applyCharts, ChartsRefusedError, CHART_API, CHART_SYNCS, type ApplyChartsOptions, type ApplyChartsResult } from './charts';
export {
  applyProtection,
  readProtectionStatus,
  rebuildWhileProtected,
  removeProtection,
  ProtectionError,
  type ProtectionErrorCode,
  type ProtectionStatus,
  type SheetStatus,
} from './protection';
