/** Data quality (issue 8 §1): the checks, their keys, messages and settings. */
export * from './types';
export { runQualityChecks, countByCheck, isRuleKey } from './checks';
export type { QualityInput } from './checks';
export { isValidEmail, type EmailValidator } from './email';
export { readPhone, readIdNumber, residentIdCheckCharacter, usccCheckCharacter, normaliseText } from './identifiers';
export { QUALITY_CHECK_NAMES, IMPORT_CHECK_NAME } from './messages';
export { qualityReport, type QualityReport, type QualityReportFinding } from './report';
