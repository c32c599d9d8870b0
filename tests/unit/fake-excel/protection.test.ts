/**
 * The fake Excel enforces protection the way Excel does: one test per rule,
 * citing its Microsoft source (or, where no Microsoft page states it, the
 * team's finding in DESIGN.md §4, listed on docs/real-excel-checklist.md).
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, FakeExcelError, type FakeExcel } from '../../../src/fake-excel';

async function expectCode(promise: Promise<unknown>, code: string): Promise<FakeExcelError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FakeExcelError);
  expect((caught as FakeExcelError).code).toBe(code);
  return caught as FakeExcelError;
}

function withTable(): FakeExcel {
  const fake = createFakeExcel();
  const sheet = fake.model.addSheet('Data');
  [['ID', 'Name', 'Spend'], ['C2', 'Bo', 20], ['C1', 'Al', 10], ['C3', 'Cy', 30]].forEach((row, r) => row.forEach((v, c) => sheet.setConstant(r, c, v)));
  fake.model.addTable(sheet, { r0: 0, c0: 0, r1: 3, c1: 2 }, true).name = 'T';
  return fake;
}

describe('fake Excel: protection', () => {
  // Range.format.protection.locked (ExcelApi 1.2): "Specifies if Excel locks the cells in the object. A null value
  // indicates that the entire range doesn't have a uniform lock setting"; cells are locked by default
  // (support.microsoft.com "Lock or unlock specific areas of a protected worksheet": "By default, all cells are locked").
  test('cells are locked by default; locked reads true, false, or null for a mixed range', async () => {
    const fake = withTable();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('B2:B4').format.protection.locked = false;
    const all = sheet.getRange('A1').format.protection.load('locked');
    const unlocked = sheet.getRange('B2:B4').format.protection.load('locked');
    const mixed = sheet.getRange('A2:B2').format.protection.load('locked');
    await fake.context.sync();
    expect([all.locked, unlocked.locked, mixed.locked]).toEqual([true, false, null]);
  });

  // WorksheetProtection.protect(options, password) (ExcelApi 1.2 options, 1.7 password); `options` and `protected` load.
  test('protect stores its options; protected and options are loadable; unprotect clears them', async () => {
    const fake = withTable();
    const protection = fake.context.workbook.worksheets.getItem('Data').protection;
    protection.protect({ allowSort: true, allowAutoFilter: true, allowFormatCells: false, selectionMode: 'Normal' }, 'pw-1');
    protection.load(['protected', 'options']);
    await fake.context.sync();
    expect(protection.protected).toBe(true);
    expect(protection.options).toEqual({ allowSort: true, allowAutoFilter: true, allowFormatCells: false, selectionMode: 'Normal' });
    protection.unprotect('pw-1');
    protection.load(['protected', 'options']);
    await fake.context.sync();
    expect([protection.protected, protection.options]).toEqual([false, {}]);
  });

  // WorksheetProtection.pauseProtection (@types/office-js): "If the password is incorrect, then this method throws
  // an InvalidArgument error"; unprotect with a wrong password fails the same way and leaves the sheet protected.
  test('unprotect with a wrong password fails with InvalidArgument and the sheet stays protected', async () => {
    const fake = withTable();
    const protection = fake.context.workbook.worksheets.getItem('Data').protection;
    protection.protect({}, 'right');
    await fake.context.sync();
    protection.unprotect('wrong');
    const error = await expectCode(fake.context.sync(), 'InvalidArgument');
    expect(error.message).not.toContain('right');
    expect(fake.model.sheet('Data')?.protection.protected).toBe(true);
    protection.unprotect();
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  // Excel.WorksheetProtection.protect: "Fails if the worksheet has already been protected" (also OfficeDev/office-js#6784,
  // where newer builds answer AccessDenied: callers must read `protected` first rather than rely on the code).
  test('protect() twice fails, even with the same password', async () => {
    const fake = withTable();
    const protection = fake.context.workbook.worksheets.getItem('Data').protection;
    protection.protect({}, 'a');
    await fake.context.sync();
    protection.protect({}, 'a');
    await expectCode(fake.context.sync(), 'InvalidOperation');
  });

  // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection: locked cells of a protected sheet
  // cannot change; formatting them needs allowFormatCells; the Locked setting itself cannot change while protected.
  test('formatting locked cells needs allowFormatCells; changing Locked on a protected sheet always fails', async () => {
    const fake = withTable();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.protection.protect({ allowFormatCells: false });
    await fake.context.sync();
    sheet.getRange('A1').format.font.bold = true;
    await expectCode(fake.context.sync(), 'AccessDenied');
    sheet.protection.unprotect();
    sheet.protection.protect({ allowFormatCells: true });
    sheet.getRange('A1').format.font.bold = true;
    await fake.context.sync();
    sheet.getRange('B2').format.protection.locked = false;
    await expectCode(fake.context.sync(), 'AccessDenied');
  });

  // DESIGN.md §4 (to confirm in real Excel: docs/real-excel-checklist.md): a table cannot grow on a protected sheet,
  // even when the cells below it are unlocked.
  test('a table on a protected sheet cannot grow: rows.add and columns.add fail, nothing is written', async () => {
    const fake = withTable();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1:D20').format.protection.locked = false;
    sheet.protection.protect({ allowInsertRows: true });
    await fake.context.sync();
    fake.context.workbook.tables.getItem('T').rows.add(undefined, [['C4', 'Di', 40]]);
    await expectCode(fake.context.sync(), 'AccessDenied');
    fake.context.workbook.tables.getItem('T').columns.add(undefined, undefined, 'Extra');
    await expectCode(fake.context.sync(), 'AccessDenied');
    expect(fake.model.table('T')?.bodyRows).toBe(3);
    expect(fake.model.sheet('Data')?.value(4, 0)).toBe('');
  });

  // "Protect a worksheet" (support.microsoft.com/office/protect-a-worksheet-3179efdb-1285-4d49-a9c3-f4ca36276de6), Sort:
  // "Users can't sort ranges that contain locked cells on a protected worksheet, regardless of this setting."
  test('sorting on a protected sheet needs allowSort, and fails over locked cells even with it', async () => {
    const fake = withTable();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A2:C4').sort.apply([{ key: 2, ascending: true }]);
    await fake.context.sync();
    expect([0, 1, 2].map((i) => fake.model.sheet('Data')?.value(1 + i, 0))).toEqual(['C1', 'C2', 'C3']);
    sheet.getRange('B2:B4').format.protection.locked = false;
    sheet.protection.protect({ allowSort: false });
    sheet.getRange('B2:B4').sort.apply([{ key: 0, ascending: false }]);
    await expectCode(fake.context.sync(), 'AccessDenied');
    sheet.protection.unprotect();
    sheet.protection.protect({ allowSort: true });
    sheet.getRange('A2:C4').sort.apply([{ key: 2, ascending: false }]);
    const locked = await expectCode(fake.context.sync(), 'AccessDenied');
    expect(locked.message).toMatch(/locked cells/);
    expect(fake.model.sheet('Data')?.value(1, 0)).toBe('C1');
    sheet.getRange('B2:B4').sort.apply([{ key: 0, ascending: false }]);
    await fake.context.sync();
    expect([1, 2, 3].map((r) => fake.model.sheet('Data')?.value(r, 1))).toEqual(['Cy', 'Bo', 'Al']);
  });

  // "Protect a workbook" (support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517):
  // structure protection prevents "adding, moving, deleting, hiding, and renaming worksheets";
  // WorkbookProtection.protect "Fails if the workbook has been protected" (ExcelApi 1.7).
  test('workbook structure protection blocks adding, deleting and renaming sheets; protect twice and a wrong password fail', async () => {
    const fake = withTable();
    fake.model.addSheet('Other');
    const wb = fake.context.workbook;
    const protection = wb.protection;
    protection.protect('s3cret');
    protection.load('protected');
    await fake.context.sync();
    expect(protection.protected).toBe(true);
    wb.worksheets.add('New');
    await expectCode(fake.context.sync(), 'AccessDenied');
    wb.worksheets.getItem('Other').delete();
    await expectCode(fake.context.sync(), 'AccessDenied');
    wb.worksheets.getItem('Other').name = 'Renamed';
    await expectCode(fake.context.sync(), 'AccessDenied');
    wb.protection.protect('s3cret');
    await expectCode(fake.context.sync(), 'InvalidOperation');
    wb.protection.unprotect('nope');
    await expectCode(fake.context.sync(), 'InvalidArgument');
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Data', 'Other']);
    wb.protection.unprotect('s3cret');
    wb.worksheets.add('New');
    await fake.context.sync();
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Data', 'Other', 'New']);
  });

  // Insert > Table is unavailable on a protected sheet.
  test('a table cannot be added on a protected sheet', async () => {
    const fake = withTable();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('F1:G5').format.protection.locked = false;
    sheet.protection.protect();
    sheet.tables.add('F1:G5', true);
    await expectCode(fake.context.sync(), 'AccessDenied');
  });
});
