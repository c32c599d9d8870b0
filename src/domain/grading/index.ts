/** The grading contract (GRADING.md §2-§7): aggregation, percentiles, scores, settings checks. */
export { GradingError, type GradingErrorCode } from './errors';
export { approxEqual, approxFloor, approxValue, binOf, exceeds, percentileInc, percentileIncSorted, percentilesInPlace, sortedCopy } from './percentile';
export { gradeCustomers, normalizeTierName, resolveAsOf, type GradeOptions } from './grade';
export { aggregateTransactions, startAggregating, type AggregateOptions, type AggregateResult, type TransactionAggregator } from './aggregate';
export { validateSettings, type SettingsProblem, type SettingsProblemCode } from './settingsValidation';
export { gradingIssue, type GradingIssueCode } from './messages';
