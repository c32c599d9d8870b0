/** When a build meets protection, the pane asks for the password, asks again, or explains the error. */
import { describe, expect, test } from '@jest/globals';
import { BuildInterruptedError, type WrittenSummary } from '../../../src/renderers/excel/errors';
import { ProtectionError } from '../../../src/renderers/excel/protection';
import { describeError } from '../../../src/taskpane/errors';
import { rebuildPasswordPrompt } from '../../../src/taskpane/protectedRebuild';

const NOTHING: WrittenSummary = {
  stepsDone: ['inspect'],
  stoppedIn: null,
  sheetsCreated: [],
  namesWritten: false,
  tableExists: true,
  rowsUpdated: 0,
  rowsToUpdate: 0,
  rowsAppended: 0,
  rowsToAppend: 0,
  formatsApplied: false,
  validationsApplied: false,
};
const protectedSheet = new BuildInterruptedError('failed', NOTHING, 'sheetProtected', { en: 'protected', zh: '受保护' });
const wrong = new ProtectionError('wrongPassword', { en: 'wrong', zh: '错误' });
const notReprotected = new ProtectionError('notReprotected', { en: 'rebuilt but unprotected', zh: '已生成但未保护' });

describe('rebuildPasswordPrompt', () => {
  test.each([
    ['a protected sheet, no password yet: ask', protectedSheet, false, null],
    ['a protected sheet with a password given: not a prompt (show the error)', protectedSheet, true, undefined],
    ['a wrong password: ask again, saying so', wrong, true, wrong.description],
    ['rebuilt but not reprotected: the error screen', notReprotected, true, undefined],
    ['anything else: the error screen', new Error('x'), false, undefined],
  ] as const)('%s', (_label, thrown, given, expected) => {
    expect(rebuildPasswordPrompt(thrown, given)).toEqual(expected);
  });

  test('the error screen carries a ProtectionError\'s own words as its note', () => {
    expect(describeError(notReprotected).note).toEqual(notReprotected.description);
  });
});
