/**
 * The fake Excel rejects what Excel rejects: one test per rule of DESIGN.md
 * §4, each citing its Microsoft source, plus the fake's bookkeeping (sync
 * counts, request sizes, fault injection) and the table behaviours the
 * renderer relies on.
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

function withSheet(name = 'Data'): FakeExcel {
  const fake = createFakeExcel();
  fake.model.addSheet(name);
  return fake;
}

describe('fake Excel: Excel rules', () => {
  // "Call load on an object ... before you read its properties", learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
  test('a property read before load() + sync() throws PropertyNotLoaded; after both it reads', async () => {
    const fake = withSheet();
    fake.model.sheet('Data')?.setConstant(0, 0, 42);
    const range = fake.context.workbook.worksheets.getItem('Data').getRange('A1');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await fake.context.sync();
    expect(range.values).toEqual([[42]]);
  });

  // Resource limits and performance optimization for Office Add-ins (Excel add-ins: 5 MB request payload on the web),
  // learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
  test('a request over 5 MB is rejected whole with RequestPayloadSizeLimitExceeded', async () => {
    const fake = withSheet();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['applied?']];
    const rows = 60_000;
    sheet.getRange(`B1:B${rows}`).values = Array.from({ length: rows }, () => ['x'.repeat(90)]);
    await expectCode(fake.context.sync(), 'RequestPayloadSizeLimitExceeded');
    expect(fake.model.sheet('Data')?.value(0, 0)).toBe('');
    expect(fake.stats().requests[0]?.requestBytes).toBeGreaterThan(5_000_000);
  });

  // Same page: reading a range of more than 5 million cells fails (RangeExceedsLimit, Excel.ErrorCodes).
  test('reading more than 5,000,000 cells throws RangeExceedsLimit', async () => {
    const fake = withSheet();
    const range = fake.context.workbook.worksheets.getItem('Data').getRange('A1:F1000000').load('values');
    await expectCode(fake.context.sync(), 'RangeExceedsLimit');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  // "Protect a worksheet" / WorksheetProtection: locked cells of a protected sheet cannot be changed,
  // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection
  test('writing to locked cells of a protected sheet throws AccessDenied; unlocked cells accept writes', async () => {
    const fake = withSheet();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('B1').format.protection.locked = false;
    sheet.protection.protect();
    await fake.context.sync();
    sheet.getRange('B1').values = [['ok']];
    await fake.context.sync();
    expect(fake.model.sheet('Data')?.value(0, 1)).toBe('ok');
    sheet.getRange('A1').values = [['no']];
    await expectCode(fake.context.sync(), 'AccessDenied');
    expect(fake.model.sheet('Data')?.value(0, 0)).toBe('');
  });

  // Excel.WorksheetProtection.protect (@types/office-js): "Protects a worksheet. Fails if the worksheet has already been protected."
  test('protect() on an already protected sheet fails', async () => {
    const fake = withSheet();
    const protection = fake.context.workbook.worksheets.getItem('Data').protection;
    protection.protect();
    await fake.context.sync();
    protection.protect();
    await expectCode(fake.context.sync(), 'InvalidOperation');
  });

  // MS-XLSX 2.6.4 CT_DataValidationFormula: validation formulas "MUST NOT use ... structure-reference",
  // learn.microsoft.com/openspecs/office_standards/ms-xlsx/20ed0abd-113f-4b8a-8de3-c68e733a300a
  test('a data-validation formula with a structured reference is rejected; a defined name is accepted', async () => {
    const fake = withSheet();
    const range = fake.context.workbook.worksheets.getItem('Data').getRange('A2:A10');
    range.dataValidation.rule = { list: { inCellDropDown: true, source: '=Tiers[Name]' } };
    await expectCode(fake.context.sync(), 'InvalidArgument');
    range.dataValidation.rule = { list: { inCellDropDown: true, source: '=TierNames' } };
    await fake.context.sync();
    expect(fake.model.sheet('Data')?.validations).toHaveLength(1);
  });

  // Excel shows "You cannot use references to other worksheets or workbooks ... or tables" for conditional-format
  // formulas; the Office.js ConditionalFormatRule.formula takes A1 syntax (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting).
  test('a conditional-format formula with a structured reference is rejected', async () => {
    const fake = withSheet();
    const format = fake.context.workbook.worksheets.getItem('Data').getRange('A2:A10').conditionalFormats.add('Custom');
    format.custom.rule.formula = '=[@Tier]="A"';
    await expectCode(fake.context.sync(), 'InvalidArgument');
    const ok = fake.context.workbook.worksheets.getItem('Data').getRange('A2:A10').conditionalFormats.add('Custom');
    ok.custom.rule.formula = '=$A2="A"';
    await fake.context.sync();
    expect(fake.model.sheet('Data')?.conditionalFormats.map((f) => f.formula)).toContain('=$A2="A"');
  });

  // VBA Validation.Add: Formula1 "must not exceed 255 characters", learn.microsoft.com/office/vba/api/excel.validation.add
  test('an inline list source longer than 255 characters is rejected', async () => {
    const fake = withSheet();
    const range = fake.context.workbook.worksheets.getItem('Data').getRange('A2:A10');
    const items = Array.from({ length: 60 }, (_, i) => `Tier${i}`).join(',');
    expect(items.length).toBeGreaterThan(255);
    range.dataValidation.rule = { list: { inCellDropDown: true, source: items } };
    await expectCode(fake.context.sync(), 'InvalidArgument');
    range.dataValidation.rule = { list: { inCellDropDown: true, source: 'A,B,C' } };
    await fake.context.sync();
  });

  // MS-OI29500 2.1.613 (dataValidation): Office limits errorTitle and promptTitle to 32 characters, the error to 224,
  // learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64
  test.each([
    ['error title', { title: 'x'.repeat(33), message: 'ok' }],
    ['error message', { title: 'ok', message: 'x'.repeat(226) }],
  ])('a validation %s over the limit is rejected', async (_what, alert) => {
    const fake = withSheet();
    const validation = fake.context.workbook.worksheets.getItem('Data').getRange('A1:A5').dataValidation;
    validation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    validation.errorAlert = { showAlert: true, style: 'Stop', ...alert };
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  // "Work with worksheets": use getItemOrNullObject to check existence; adding an existing item fails (ItemAlreadyExists),
  // learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
  test.each([
    ['sheet', (fake: FakeExcel) => void fake.context.workbook.worksheets.add('data')],
    ['table', (fake: FakeExcel) => void fake.context.workbook.worksheets.getItem('Data').tables.add('D1:E3', true).load('name')],
    ['name', (fake: FakeExcel) => void fake.context.workbook.names.add('Total', '=Data!$A$1')],
  ])('adding an existing %s throws ItemAlreadyExists', async (what, addAgain) => {
    const fake = withSheet();
    const table = fake.context.workbook.worksheets.getItem('Data').tables.add('A1:B3', true);
    table.name = 'Total2';
    fake.context.workbook.names.add('Total', '=Data!$A$1');
    await fake.context.sync();
    if (what === 'table') {
      const second = fake.context.workbook.worksheets.getItem('Data').tables.add('D1:E3', true);
      second.name = 'Total2';
      await expectCode(fake.context.sync(), 'ItemAlreadyExists');
      return;
    }
    addAgain(fake);
    await expectCode(fake.context.sync(), 'ItemAlreadyExists');
  });

  test('getItemOrNullObject reports a missing item as a null object instead of throwing; getItem throws ItemNotFound', async () => {
    const fake = withSheet();
    const missing = fake.context.workbook.worksheets.getItemOrNullObject('Nope');
    missing.load('name');
    const name = fake.context.workbook.names.getItemOrNullObject('Nope');
    name.load('formula');
    const table = fake.context.workbook.tables.getItemOrNullObject('Nope');
    table.load('name');
    await fake.context.sync();
    expect([missing.isNullObject, name.isNullObject, table.isNullObject]).toEqual([true, true, true]);
    fake.context.workbook.worksheets.getItem('Nope').load('name');
    await expectCode(fake.context.sync(), 'ItemNotFound');
  });

  // Excel.Worksheet.getRange (@types/office-js): "The address has a limit of 8192 characters. If the address exceeds the
  // character limit, this method returns an InvalidArgument error."
  test('an address longer than 8,192 characters is InvalidArgument', async () => {
    const fake = withSheet();
    fake.context.workbook.worksheets.getItem('Data').getRange(`A1${' '.repeat(8_200)}`).load('values');
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  // Excel specifications and limits: formula contents 8,192 characters; cell text 32,767 characters; 1,048,576 rows,
  // support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
  test('a formula longer than 8,192 characters is rejected', async () => {
    const fake = withSheet();
    fake.context.workbook.worksheets.getItem('Data').getRange('A1').formulas = [[`=${'1+'.repeat(4_100)}1`]];
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  test('cell text longer than 32,767 characters is rejected; 32,767 is accepted', async () => {
    const fake = withSheet();
    const cell = fake.context.workbook.worksheets.getItem('Data').getRange('A1');
    cell.values = [['x'.repeat(32_767)]];
    await fake.context.sync();
    cell.values = [['x'.repeat(32_768)]];
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  test('row 1,048,577 does not exist', async () => {
    const fake = withSheet();
    fake.context.workbook.worksheets.getItem('Data').getRange('A1048577').values = [[1]];
    await expectCode(fake.context.sync(), 'InvalidArgument');
    fake.context.workbook.worksheets.getItem('Data').getRange('A1048576').values = [[1]];
    await fake.context.sync();
  });

  // Excel.Range.values (@types/office-js): "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
  // Excel interprets this value as a formula." OfficeDev/office-js#3256 (strings starting with "-").
  // The quote prefix: OfficeDev/office-js#6687 (Excel keeps the leading apostrophe out of the value).
  test.each([
    ['=1+1', 'General', { formula: '=1+1', value: '' }],
    ['+86 138', 'General', { formula: '=+86 138', value: '' }],
    ['-abc', 'General', { formula: '=-abc', value: '' }],
    ['-120.5', 'General', { formula: -120.5, value: -120.5 }],
    ['00123', 'General', { formula: 123, value: 123 }],
    ['=1+1', '@', { formula: '=1+1', value: '=1+1' }],
    ['00123', '@', { formula: '00123', value: '00123' }],
    ["'=1+1", 'General', { formula: '=1+1', value: '=1+1' }],
    ["''quoted", '@', { formula: "'quoted", value: "'quoted" }],
  ])('writing %j through values into a %s cell', async (input, format, expected) => {
    const fake = withSheet();
    const cell = fake.context.workbook.worksheets.getItem('Data').getRange('A1');
    cell.numberFormat = [[format]];
    cell.values = [[input]];
    await fake.context.sync();
    const sheet = fake.model.sheet('Data');
    expect({ formula: sheet?.formula(0, 0), value: sheet?.value(0, 0) }).toEqual(expected);
  });

  // "Rename a worksheet" (names: at most 31 characters, none of / \ ? * : [ ]),
  // support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
  test.each(['a'.repeat(32), 'Q1/Q2', 'What?', 'a*b', 'x:y', '[x]', 'back\\slash', "'quoted'", ''])('sheet name %j is rejected', async (name) => {
    const fake = withSheet();
    fake.context.workbook.worksheets.add(name);
    await expectCode(fake.context.sync(), 'InvalidArgument');
  });

  test('a 31-character sheet name and a Chinese name are accepted', async () => {
    const fake = withSheet();
    fake.context.workbook.worksheets.add('a'.repeat(31));
    fake.context.workbook.worksheets.add('客户档案');
    await fake.context.sync();
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Data', 'a'.repeat(31), '客户档案']);
  });

  test('a 2D array whose size differs from the range is InvalidArgument; one value is applied to every cell', async () => {
    const fake = withSheet();
    const range = fake.context.workbook.worksheets.getItem('Data').getRange('A1:B2');
    range.values = [[1, 2]];
    await expectCode(fake.context.sync(), 'InvalidArgument');
    (range as unknown as { numberFormat: unknown }).numberFormat = '0.00';
    await fake.context.sync();
    expect([0, 1].flatMap((r) => [0, 1].map((c) => fake.model.sheet('Data')?.numberFormat(r, c)))).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });
});

describe('fake Excel: batches, stats and fault injection', () => {
  test('counts syncs and records request size, cells written and suspension flags', async () => {
    const fake = withSheet();
    const app = fake.context.workbook.application;
    app.suspendApiCalculationUntilNextSync();
    fake.context.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [
      [1, 2],
      [3, 4],
    ];
    await fake.context.sync();
    await fake.context.sync();
    const stats = fake.stats();
    expect(stats.syncs).toBe(2);
    expect(stats.requests[0]).toMatchObject({ cellsWritten: 4, calculationSuspended: true, screenUpdatingSuspended: false, failed: null });
    expect(stats.requests[1]).toMatchObject({ operations: 0, requestBytes: 0 });
  });

  test('failAtSync: the n-th sync throws and applies nothing of its batch; earlier syncs stay applied', async () => {
    const fake = createFakeExcel({ failAtSync: 2 });
    fake.model.addSheet('Data');
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['first']];
    await fake.context.sync();
    sheet.getRange('A2').values = [['second']];
    await expectCode(fake.context.sync(), 'GeneralException');
    expect([fake.model.sheet('Data')?.value(0, 0), fake.model.sheet('Data')?.value(1, 0)]).toEqual(['first', '']);
  });

  test('failAtOperation: the n-th operation of the session throws; its batch keeps the operations before it, drops it and the rest', async () => {
    const fake = createFakeExcel({ failAtOperation: 4 });
    fake.model.addSheet('Data');
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['op 1']];
    sheet.getRange('A2').values = [['op 2']];
    await fake.context.sync();
    sheet.getRange('A3').values = [['op 3']];
    sheet.getRange('A4').values = [['op 4']];
    sheet.getRange('A5').values = [['op 5']];
    await expectCode(fake.context.sync(), 'GeneralException');
    expect([0, 1, 2, 3, 4].map((r) => fake.model.sheet('Data')?.value(r, 0))).toEqual(['op 1', 'op 2', 'op 3', '', '']);
    const stats = fake.stats();
    expect(stats.operationsRun).toBe(4);
    expect(stats.requests.map((r) => [r.failed, r.failedAtOperation])).toEqual([
      [null, null],
      ['GeneralException', 2],
    ]);
    // Only the n-th operation fails: the session goes on afterwards.
    sheet.getRange('A4').values = [['again']];
    await fake.context.sync();
    expect(fake.model.sheet('Data')?.value(3, 0)).toBe('again');
  });

  test('failAtOperation with a list fails each listed operation, in whichever sync it falls', async () => {
    const fake = createFakeExcel({ failAtOperation: [2, 3] });
    fake.model.addSheet('Data');
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['op 1']];
    sheet.getRange('A2').values = [['op 2']];
    await expectCode(fake.context.sync(), 'GeneralException');
    sheet.getRange('A3').values = [['op 3']];
    await expectCode(fake.context.sync(), 'GeneralException');
    sheet.getRange('A4').values = [['op 4']];
    await fake.context.sync();
    expect([0, 1, 2, 3].map((r) => fake.model.sheet('Data')?.value(r, 0))).toEqual(['op 1', '', '', 'op 4']);
  });

  test('an operation that fails stops the batch: earlier operations stay applied, later ones are dropped (no rollback)', async () => {
    const fake = withSheet();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['before']];
    sheet.getRange('A2').values = [[1, 2]];
    sheet.getRange('A3').values = [['after']];
    await expectCode(fake.context.sync(), 'InvalidArgument');
    expect([0, 1, 2].map((r) => fake.model.sheet('Data')?.value(r, 0))).toEqual(['before', '', '']);
  });

  test('run() sends what is still queued, like Excel.run', async () => {
    const fake = withSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('C3').values = [['x']];
    });
    expect(fake.model.sheet('Data')?.value(2, 2)).toBe('x');
    expect(fake.stats().syncs).toBe(1);
  });
});

describe('fake Excel: tables, names and formats', () => {
  test('a formula written over a whole table column body makes a calculated column that fills added rows', async () => {
    const fake = withSheet();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1:B3').values = [
      ['Qty', 'Double'],
      [1, ''],
      [2, ''],
    ];
    const table = sheet.tables.add('A1:B3', true);
    table.name = 'T';
    (table.columns.getItem('Double').getDataBodyRange() as unknown as { formulas: unknown }).formulas = '=[@Qty]*2';
    table.rows.add(undefined, [[3, '']]);
    await fake.context.sync();
    const model = fake.model.table('T');
    expect(model?.columns.map((c) => c.calculatedFormula)).toEqual([null, '=[@Qty]*2']);
    expect(model?.bodyRows).toBe(3);
    expect(fake.model.sheet('Data')?.formula(3, 1)).toBe('=[@Qty]*2');
    expect(fake.model.sheet('Data')?.value(3, 0)).toBe(3);
  });

  test('rows.add extends validations and conditional formats that cover a whole table column', async () => {
    const fake = withSheet();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('A1:A2').values = [['Tier'], ['A']];
    const table = sheet.tables.add('A1:A2', true);
    table.columns.getItem('Tier').getDataBodyRange().dataValidation.rule = { list: { inCellDropDown: true, source: 'A,B' } };
    table.rows.add(undefined, [['B'], ['A']]);
    await fake.context.sync();
    expect(fake.model.sheet('Data')?.validations[0]?.rect).toEqual({ r0: 1, c0: 0, r1: 3, c1: 0 });
  });

  test('a defined name added from a Range refers to its absolute address; hidden names stay hidden', async () => {
    const fake = withSheet();
    const item = fake.context.workbook.names.add('AsOf', fake.context.workbook.worksheets.getItem('Data').getRange('B3'), 'as-of');
    item.visible = false;
    await fake.context.sync();
    expect(fake.model.names.get('asof')).toEqual({ name: 'AsOf', formula: '=Data!$B$3', comment: 'as-of', visible: false });
  });

  test('format layers: fill, font, widths and freeze panes land in the model', async () => {
    const fake = withSheet();
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    const range = sheet.getRange('A1:B1');
    range.format.fill.color = '#FFEE00';
    range.format.font.bold = true;
    range.format.columnWidth = 80;
    sheet.freezePanes.freezeRows(1);
    sheet.tabColor = '#112233';
    await fake.context.sync();
    const model = fake.model.sheet('Data');
    expect(model?.cellFormat(0, 1)).toMatchObject({ fill: '#FFEE00', bold: true });
    expect(model?.columnWidths.get(1)).toBe(80);
    expect(model?.freeze).toEqual({ rows: 1, columns: 0 });
    expect(model?.tabColor).toBe('#112233');
  });
});

describe('fake Excel: ranges and workbook objects', () => {
  test('getCell, getResizedRange and getOffsetRange resolve relative to their range; address, text and sizes load', async () => {
    const fake = withSheet();
    fake.model.sheet('Data')?.setConstant(3, 2, true);
    const base = fake.context.workbook.worksheets.getItem('Data').getRange('B2:C3');
    const cell = base.getCell(1, 1).load(['address', 'text', 'values']);
    const resized = base.getResizedRange(2, 0).load(['address', 'rowCount', 'columnCount']);
    const moved = base.getOffsetRange(1, -1).load(['address', 'rowIndex', 'columnIndex']);
    await fake.context.sync();
    expect([cell.address, cell.text, cell.values]).toEqual(['Data!C3', [['']], [['']]]);
    expect([resized.address, resized.rowCount, resized.columnCount]).toEqual(['Data!B2:C5', 4, 2]);
    expect([moved.address, moved.rowIndex, moved.columnIndex]).toEqual(['Data!A3:B4', 2, 0]);
    const outside = base.getOffsetRange(0, -5).load('address');
    await expectCode(fake.context.sync(), 'InvalidArgument');
    expect(() => outside.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('a formula cell stores its formula; values and text read "" (no formula engine)', async () => {
    const fake = withSheet();
    const range = fake.context.workbook.worksheets.getItem('Data').getRange('A1');
    range.formulas = [['=1+1']];
    range.load(['values', 'formulas', 'text']);
    await fake.context.sync();
    expect([range.formulas, range.values, range.text]).toEqual([[['=1+1']], [['']], [['']]]);
  });

  test('sheets delete, tables toggle headers, calculation mode reads back', async () => {
    const fake = withSheet();
    fake.context.workbook.worksheets.add('Temp');
    await fake.context.sync();
    fake.context.workbook.worksheets.getItem('Temp').delete();
    const table = fake.context.workbook.worksheets.getItem('Data').tables.add('A1:B2', true);
    table.showHeaders = false;
    const app = fake.context.workbook.application;
    app.calculationMode = 'Manual';
    app.load('calculationMode');
    table.load(['name', 'showHeaders']);
    await fake.context.sync();
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Data']);
    expect([table.name, table.showHeaders, app.calculationMode]).toEqual(['Table1', false, 'Manual']);
  });

  test('worksheet.tables.load(items/name) lists the sheet\'s tables (workbook.tables: all), each usable in later batches', async () => {
    const fake = createFakeExcel();
    const a = fake.model.addSheet('A');
    fake.model.addSheet('B');
    a.setConstant(0, 0, 'x');
    a.setConstant(1, 0, 1);
    const wb = fake.context.workbook;
    wb.worksheets.getItem('A').tables.add('A1:A2', true);
    wb.worksheets.getItem('B').tables.add('C3:D4', true).name = 'Other';
    await fake.context.sync();
    const onA = wb.worksheets.getItem('A').tables.load('items/name');
    const all = wb.tables.load('items/name');
    await fake.context.sync();
    expect(onA.items.map((t) => t.name)).toEqual(['Table1']);
    expect(all.items.map((t) => t.name)).toEqual(['Table1', 'Other']);
    // A listed table is the table itself: renaming it and reading its header row work in the next batch.
    const listed = onA.items[0] as Excel.Table;
    listed.name = 'Renamed';
    const header = listed.getHeaderRowRange().load(['rowIndex', 'columnIndex', 'values']);
    await fake.context.sync();
    expect([fake.model.table('Renamed')?.sheet.name, header.rowIndex, header.columnIndex, header.values]).toEqual(['A', 0, 0, [['x']]]);
  });

  test('loading worksheets returns every sheet with its name loaded', async () => {
    const fake = withSheet();
    fake.model.addSheet('客户档案');
    const sheets = fake.context.workbook.worksheets.load('items/name');
    await fake.context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['Data', '客户档案']);
  });
});

