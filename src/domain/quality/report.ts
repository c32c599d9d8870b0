/**
 * The JSON report's `quality` key (issue 8 §1):
 *
 *   "quality": { "counts": { "<check>": n, ... },
 *                "duplicateGroups": [ { "check", "key", "ids": [...] } ],
 *                "findings": [ { "customerId", "row", "field", "column", "check",
 *                                "severity", "value", "message": { en, zh } } ] }
 *
 * Counts are in the checks' display order (QUALITY_RULE_KEYS, then import
 * checks); key order is fixed so JSON.stringify writes the file.
 */
import type { FieldKey, IssueSeverity } from '../types';
import type { DuplicateGroup, QualityCheckKey, QualityResult } from './types';

export interface QualityReportFinding {
  readonly customerId: string | null;
  readonly row: number | null;
  readonly field: FieldKey | null;
  readonly column: string | null;
  readonly check: QualityCheckKey;
  readonly severity: IssueSeverity;
  readonly value: string | null;
  readonly message: { readonly en: string; readonly zh: string };
}

export interface QualityReport {
  readonly counts: Readonly<Record<string, number>>;
  readonly duplicateGroups: readonly DuplicateGroup[];
  readonly findings: readonly QualityReportFinding[];
}

export function qualityReport(quality: QualityResult): QualityReport {
  const counts: Record<string, number> = {};
  for (const { check, count } of quality.counts) counts[check] = count;
  return {
    counts,
    duplicateGroups: quality.duplicateGroups.map((g) => ({ check: g.check, key: g.key, ids: [...g.ids] })),
    // The findings themselves, not a copy: they are built in this key order (findingStore.ts), and a
    // hostile log has millions of them (1.8 million ambiguous dates in a 5M-line log), each copy of
    // which, with its message, was two more objects held until the report was written.
    findings: quality.findings,
  };
}
