/**
 * Regression: the speed rewrite of the checks (compact findings, messages
 * built when written) must leave the report's `quality` key byte-identical.
 * The hashes below are of JSON.stringify(qualityReport(...)) recorded with
 * the checks as they were before the rewrite (commit "quality: golden report
 * hashes"), on the archive of reportGolden.ts; the counts are there to read.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { qualityReport } from '../../../src/domain/quality';
import { GOLDEN_SCENARIOS, goldenReportJson, goldenResult } from './reportGolden';

const RECORDED: Record<string, { readonly sha256: string; readonly counts: Record<string, number> }> = {
  'customer list, default settings': {
    sha256: 'aba711ccc76406b8c8d4d4b5c073ff9fc0a12e55edc6ddea505746042e200be8',
    counts: {"duplicate-mobile":156,"duplicate-email":97,"duplicate-uscc":44,"duplicate-resident-id":89,"duplicate-name-region":2770,"invalid-mobile":243,"invalid-landline":83,"invalid-email":242,"invalid-resident-id":142,"invalid-resident-id-birth-date":52,"invalid-uscc":91,"missing-required-field":255,"satisfaction-out-of-range":148,"future-date":100,"stale-contact":1426,"missing-consent":288,"import:ambiguous-date":31,"import:no-data-rows":1,"import:invalid-date":1},
  },
  'order log, no owner or consent column, stricter settings': {
    sha256: '5a5229890e173e138afca31f432adeb0c6999312cc9d2e55ab4d0becb4589b81',
    counts: {"duplicate-mobile":156,"duplicate-email":97,"duplicate-uscc":44,"duplicate-resident-id":89,"duplicate-name-region":2770,"invalid-mobile":243,"invalid-landline":83,"invalid-email":242,"invalid-resident-id":142,"invalid-resident-id-birth-date":52,"invalid-uscc":91,"missing-required-field":183,"satisfaction-out-of-range":148,"future-date":100,"stale-contact":2030,"missing-consent":1,"import:ambiguous-date":31,"import:no-data-rows":1,"import:invalid-date":1},
  },
  'customer list, consent not required': {
    sha256: '72517e3e96f8eced3c22163372d198d71842296078d6a367a39395da28323471',
    counts: {"duplicate-mobile":156,"duplicate-email":97,"duplicate-uscc":44,"duplicate-resident-id":89,"duplicate-name-region":2770,"invalid-mobile":243,"invalid-landline":83,"invalid-email":242,"invalid-resident-id":142,"invalid-resident-id-birth-date":52,"invalid-uscc":91,"missing-required-field":1132,"satisfaction-out-of-range":148,"future-date":100,"stale-contact":231,"import:ambiguous-date":31,"import:no-data-rows":1,"import:invalid-date":1},
  },
};

describe('the report quality key is unchanged by the speed rewrite', () => {
  test.each(Object.keys(GOLDEN_SCENARIOS))('%s', (scenario) => {
    const json = goldenReportJson(scenario);
    const recorded = RECORDED[scenario]!;
    expect((JSON.parse(json) as { counts: Record<string, number> }).counts).toEqual(recorded.counts);
    expect(createHash('sha256').update(json).digest('hex')).toBe(recorded.sha256);
  });
});

describe('regression: the report holds the findings themselves, not a copy (a hostile log has millions)', () => {
  test.each(Object.keys(GOLDEN_SCENARIOS))('%s', (scenario) => {
    const result = goldenResult(scenario);
    expect(qualityReport(result).findings).toBe(result.findings);
    // So every finding is built in the report's key order, with a message of exactly en then zh.
    for (const finding of result.findings) {
      expect(Object.keys(finding)).toEqual(['customerId', 'row', 'field', 'column', 'check', 'severity', 'value', 'message']);
      expect(Object.keys(finding.message)).toEqual(['en', 'zh']);
    }
  });
});
