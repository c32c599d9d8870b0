import { describe, expect, test } from '@jest/globals';
import { addSheetWithValues, createFakeExcel, FakeWorkbookModel, sheetGrid } from '../../../src/fake-excel';

describe('sheetGrid (preview view of a fake sheet)', () => {
  test('shows values, formulas as written, formats, and how much is cut off', async () => {
    const model = new FakeWorkbookModel();
    addSheetWithValues(model, 'Data', [
      ['ID', 'Spend', null],
      ['C1', 10.5, true],
      ['C2', -3, null],
    ]);
    const fake = createFakeExcel({ model });
    const sheet = fake.context.workbook.worksheets.getItem('Data');
    sheet.getRange('C3').formulas = [['=B2+B3']];
    sheet.getRange('A1:C1').format.font.bold = true;
    sheet.getRange('A1').format.fill.color = '#DDEEFF';
    await fake.context.sync();
    const dataSheet = model.sheet('Data');
    if (!dataSheet) throw new Error('no sheet');
    const grid = sheetGrid(dataSheet, 2, 2);
    expect(grid.columns).toEqual(['A', 'B']);
    expect(grid.rows.map((r) => r.map((c) => c.display))).toEqual([
      ['ID', 'Spend'],
      ['C1', '10.5'],
    ]);
    expect(grid.rows[0]?.[0]).toMatchObject({ bold: true, fill: '#DDEEFF' });
    expect([grid.hiddenRows, grid.hiddenColumns]).toEqual([1, 1]);
    const full = sheetGrid(dataSheet);
    expect(full.rows[2]?.[2]).toMatchObject({ display: '=B2+B3', isFormula: true });
    expect(full.rows[1]?.[2]?.display).toBe('TRUE');
  });
});
