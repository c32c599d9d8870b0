/**
 * The fake Excel's workbook window: active sheet, selection, used range and
 * a range's worksheet — one test per member, each citing the Microsoft
 * reference it follows (Excel JavaScript API reference, also in the doc
 * comments of @types/office-js):
 * - Excel.WorksheetCollection: https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection
 * - Excel.Worksheet: https://learn.microsoft.com/javascript/api/excel/excel.worksheet
 * - Excel.Workbook: https://learn.microsoft.com/javascript/api/excel/excel.workbook
 * - Excel.Range: https://learn.microsoft.com/javascript/api/excel/excel.range
 * - "Set and get the selected range": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get
 * - "*OrNullObject methods and properties": https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, type FakeExcel } from '../../../src/fake-excel';

/** A workbook with sheets "First", "Second" and an empty "Blank". */
function threeSheets(): FakeExcel {
  const fake = createFakeExcel();
  fake.model.addSheet('First').setConstant(0, 0, 'first');
  fake.model.addSheet('Second').setConstant(4, 2, 'second');
  fake.model.addSheet('Blank');
  return fake;
}

async function activeName(fake: FakeExcel): Promise<string> {
  return fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
}

async function selected(fake: FakeExcel): Promise<{ address: string; sheet: string }> {
  return fake.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('address');
    const sheet = range.worksheet;
    sheet.load('name');
    await context.sync();
    return { address: range.address, sheet: sheet.name };
  });
}

describe('fake Excel: the workbook window', () => {
  test('worksheets.getActiveWorksheet(): the first sheet added is active; add() does not activate ("If you wish to activate the newly added worksheet, call .activate() on it")', async () => {
    const fake = threeSheets();
    expect(await activeName(fake)).toBe('First');
    await fake.run(async (context) => {
      context.workbook.worksheets.add('Added');
      await context.sync();
    });
    expect(await activeName(fake)).toBe('First');
  });

  test('getActiveWorksheet() refers to the sheet active when it ran in the batch, not to one activated later in the same batch', async () => {
    const fake = threeSheets();
    const name = await fake.run(async (context) => {
      const before = context.workbook.worksheets.getActiveWorksheet();
      context.workbook.worksheets.getItem('Second').activate();
      before.load('name');
      await context.sync();
      return before.name;
    });
    expect(name).toBe('First');
    expect(await activeName(fake)).toBe('Second');
  });

  test('Worksheet.activate() ("Activate the worksheet in the Excel UI") makes it the active sheet; deleting the active sheet activates a neighbour', async () => {
    const fake = threeSheets();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Blank').activate();
      await context.sync();
    });
    expect(await activeName(fake)).toBe('Blank');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Blank').delete();
      await context.sync();
    });
    expect(await activeName(fake)).toBe('Second');
  });

  test('workbook.getSelectedRange() ("Gets the currently selected single range"): A1 of the active sheet until something is selected', async () => {
    const fake = threeSheets();
    expect(await selected(fake)).toEqual({ address: 'First!A1', sheet: 'First' });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Second').activate();
      await context.sync();
    });
    expect(await selected(fake)).toEqual({ address: 'Second!A1', sheet: 'Second' });
  });

  test('Range.select() ("Selects the specified range in the Excel UI"): the selection moves there, on that sheet, and each sheet keeps its own', async () => {
    const fake = threeSheets();
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('B2:E6').select();
      await context.sync();
    });
    expect(await selected(fake)).toEqual({ address: 'First!B2:E6', sheet: 'First' });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Second').getRangeByIndexes(4, 2, 1, 1).select();
      await context.sync();
    });
    expect(await selected(fake)).toEqual({ address: 'Second!C5', sheet: 'Second' });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('First').activate();
      await context.sync();
    });
    expect(await selected(fake)).toEqual({ address: 'First!B2:E6', sheet: 'First' });
  });

  test('Worksheet.getUsedRangeOrNullObject(valuesOnly): the smallest range with a value or formatting, not anchored at A1; a blank sheet is a null object', async () => {
    const fake = createFakeExcel();
    const data = fake.model.addSheet('Data');
    data.setConstant(2, 1, 'ID');
    data.setConstant(9, 3, 42);
    data.setFormulaRaw(5, 4, '=1+1');
    // A number format further down counts as formatting, not as a value.
    data.setNumberFormat(20, 1, '0.00');
    fake.model.addSheet('Blank');
    const result = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const withFormats = sheet.getUsedRangeOrNullObject();
      const valuesOnly = sheet.getUsedRangeOrNullObject(true);
      const blank = context.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true);
      withFormats.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      valuesOnly.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      blank.load('address');
      await context.sync();
      const shape = (r: Excel.Range) => [r.isNullObject, r.address, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount];
      return { withFormats: shape(withFormats), valuesOnly: shape(valuesOnly), blank: blank.isNullObject };
    });
    expect(result.valuesOnly).toEqual([false, 'Data!B3:E10', 2, 1, 8, 4]);
    expect(result.withFormats).toEqual([false, 'Data!B3:E21', 2, 1, 19, 4]);
    expect(result.blank).toBe(true);
  });

  test('the used range is computed when the batch runs: values written earlier in the same batch count', async () => {
    const fake = createFakeExcel();
    fake.model.addSheet('Data');
    const address = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('C3:D4').values = [
        [1, 2],
        [3, 4],
      ];
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      return used.address;
    });
    expect(address).toBe('Data!C3:D4');
  });

  test('Range.worksheet ("The worksheet containing the current range"), with its name loadable, for a selection, a used range and a plain range', async () => {
    const fake = threeSheets();
    const names = await fake.run(async (context) => {
      const fromSelection = context.workbook.getSelectedRange().worksheet;
      const fromUsed = context.workbook.worksheets.getItem('Second').getUsedRangeOrNullObject().worksheet;
      const fromRange = context.workbook.worksheets.getItem('Blank').getRange('A1:B2').worksheet;
      for (const sheet of [fromSelection, fromUsed, fromRange]) sheet.load('name');
      await context.sync();
      return [fromSelection.name, fromUsed.name, fromRange.name];
    });
    expect(names).toEqual(['First', 'Second', 'Blank']);
  });

  test('Range.load of values, formulas and number formats over a block from getRangeByIndexes', async () => {
    const fake = createFakeExcel();
    const data = fake.model.addSheet('Data');
    data.setConstant(0, 0, 'x');
    data.setFormulaRaw(0, 1, '=A1&"y"');
    data.setNumberFormat(0, 1, '@');
    const loaded = await fake.run(async (context) => {
      const block = context.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, 1, 2);
      block.load(['values', 'formulas', 'numberFormat']);
      await context.sync();
      return [block.values, block.formulas, block.numberFormat];
    });
    // No formula engine in the fake: a formula cell's value reads as "" (documented gap).
    expect(loaded).toEqual([[['x', '']], [['x', '=A1&"y"']], [['General', '@']]]);
  });
});
