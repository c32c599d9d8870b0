/**
 * Regression: the speed rewrite of the checks (compact findings, messages
 * built when written) must leave the report's `quality` key byte-identical.
 * The hashes below are of JSON.stringify(qualityReport(...)) recorded with
 * the checks as they were before the rewrite (commit "quality: golden report
 * hashes"), on the archive of reportGolden.ts; the counts are there to read.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { GOLDEN_SCENARIOS, goldenReportJson } from './reportGolden';

const RECORDED: Record<string, { readonly sha256: string; readonly counts: Record<string, number> }> = {
  'customer list, default settings': {
    sha256: 'd933bf012b754bb13d98505551288e4c32aec0dfcca74d1255562266eb49f474',
    counts: {"duplicate-mobile":156,"duplicate-email":97,"duplicate-uscc":44,"duplicate-resident-id":89,"duplicate-name-region":2770,"invalid-mobile":243,"invalid-landline":83,"invalid-email":242,"invalid-resident-id":142,"invalid-resident-id-birth-date":52,"invalid-uscc":91,"missing-required-field":255,"satisfaction-out-of-range":148,"future-date":100,"stale-contact":1426,"missing-consent":288,"import:ambiguous-date":31,"import:no-data-rows":1,"import:invalid-date":1},
  },
  'order log, no owner or consent column, stricter settings': {
    sha256: 'ab06d6b62627b1b5bbdf8860a679077c1b591721f443a0a0485cba79fde2bf53',
    counts: {"duplicate-mobile":156,"duplicate-email":97,"duplicate-uscc":44,"duplicate-resident-id":89,"duplicate-name-region":2770,"invalid-mobile":243,"invalid-landline":83,"invalid-email":242,"invalid-resident-id":142,"invalid-resident-id-birth-date":52,"invalid-uscc":91,"missing-required-field":183,"satisfaction-out-of-range":148,"future-date":100,"stale-contact":2030,"missing-consent":1,"import:ambiguous-date":31,"import:no-data-rows":1,"import:invalid-date":1},
  },
  'customer list, consent not required': {
    sha256: '3df13be756fc005fa9b6fcb4d225e5e110d492d53d21ce257818fb71f1006dcc',
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
