/** Grade history (issue 8 §2): the contract and the pure rules over it. */
export * from './types';
export { HISTORY_MESSAGES, HistoryError, fillMessage, type HistoryMessageKey } from './messages';
export { buildSnapshot, historyInputFrom, mergeSnapshot } from './snapshot';
export { historyColumnCount, historyGridRow, historyRowCount, parseHistoryGrid, type HistoryGridCell, type HistoryGridLabels, type HistoryGridProblem, type ParsedHistory } from './grid';
export {
  TIER_CHANGES,
  labelPosition,
  migrationMatrix,
  previousTierLabel,
  sameCellText,
  tierChange,
  tierRanks,
  type ChangeTotal,
  type MigrationMatrix,
  type TierChange,
} from './migration';
export { applyCarriedOverrides, type CarriedEntries } from './carried';
export { historyReport, type HistoryReport } from './report';
export { migrationSentence } from './sentence';
