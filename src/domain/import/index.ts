/**
 * Reading customer data (pure): header row and header recognition, input
 * kind, value parsing, and records with an import report.
 */
export type { DayMonthOrder, Parsed, DayMonthReading } from './values';
export {
  parseId,
  parseDay,
  parseExcelSerial,
  parseAmount,
  parseNumber,
  parseCount,
  parseText,
  isFormulaLike,
  readHumanNumber,
  dayMonthReading,
  civilDay,
} from './values';
export { parsePhone, parseEmail, parseSatisfaction, parseConsent } from './profileValues';
export type { ImportOptions, ImportAnalysis, ImportReport, ImportResult, RowReader } from './rows';
export { analyzeGrid, readRecords, roundToCents, startReadingRows, throwIfUnusable, displayHeaders, DATE_FIELDS } from './rows';
export type { ColumnMapping } from './mapping';
export type { MappingConfidence, HeaderMatch } from './headers';
export { normalizeHeader, matchHeader, matchKindDependentHeader, isKnownHeader } from './headers';
export { detectHeaderRow, headerRowScore } from './headerRow';
export type { KindConfidence, KindDetection } from './kind';
export { detectKind } from './kind';
export { requiredFields, fieldLabel, missingRequiredFields, ALL_FIELDS, PROFILE_FIELDS } from './fields';
export type { ImportErrorCode } from './errors';
export { ImportError } from './errors';
export type { MessageDetail } from './messages';
export { issueMessage, makeIssue } from './messages';
export { MAX_CELL_CHARS } from './text';
