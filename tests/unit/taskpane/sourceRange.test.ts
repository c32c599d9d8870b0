/** Typed range sources (issue 11 §2): what is accepted, and the message for what is not. */
import { describe, expect, it } from '@jest/globals';
import { STRINGS } from '../../../src/i18n/strings';
import { locationLabel, parseTypedSource } from '../../../src/taskpane/sourceRange';

const SHEETS = ['Orders', 'Sheet2', 'My data', "Bob's list", '客户档案'];

describe('parseTypedSource', () => {
  it.each<[string, string, string]>([
    ['Sheet2!A1:H500', 'Sheet2', 'A1:H500'],
    ['  sheet2!a1:h500 ', 'Sheet2', 'A1:H500'],
    ["'My data'!$B$4:$G$11", 'My data', 'B4:G11'],
    ["'Bob''s list'!A1:B2", "Bob's list", 'A1:B2'],
    ['客户档案!C3:H10', '客户档案', 'C3:H10'],
    ['Orders!H500:A1', 'Orders', 'H500:A1'],
  ])('accepts %s', (typed, sheet, address) => {
    expect(parseTypedSource(typed, SHEETS)).toEqual({ ok: true, location: { sheet, address } });
  });

  it.each<[string, keyof typeof STRINGS, string]>([
    ['', 'rangeTypedEmpty', 'Type a range such as Sheet2!A1:H500: the sheet name, !, then the cells.'],
    ['A1:H500', 'rangeTypedNoSheet', "'A1:H500' does not name a sheet. Type the sheet name, !, then the cells, for example Sheet2!A1:H500."],
    ['Sheet3!A1:H500', 'rangeTypedSheetMissing', "There is no sheet named 'Sheet3' in this workbook. Check the sheet's name on its tab and type it before the !."],
    ['Sheet2!A1:H', 'rangeTypedBadAddress', "'A1:H' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['Sheet2!A1', 'rangeTypedBadAddress', "'A1' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['Sheet2!A:H', 'rangeTypedBadAddress', "'A:H' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['Sheet2!A0:H5', 'rangeTypedBadAddress', "'A0:H5' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['Sheet2!A1:XFE5', 'rangeTypedBadAddress', "'A1:XFE5' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['Sheet2!A1:H1048577', 'rangeTypedBadAddress', "'A1:H1048577' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['Sheet2!A3:H3', 'rangeTypedTooFewRows', "'A3:H3' has fewer than two rows. A source needs its header row and at least one row of data: include them."],
  ])('refuses %j with %s', (typed, key, english) => {
    const result = parseTypedSource(typed, SHEETS);
    if (result.ok) throw new Error('accepted');
    expect(result.problem.en).toBe(english);
    expect(result.problem.zh).not.toMatch(/\{\w+\}/);
    expect(result.problem.zh.length).toBeGreaterThan(0);
    expect(STRINGS[key].en.length).toBeGreaterThan(0);
  });

  it('a label parses back to the same location', () => {
    for (const sheet of SHEETS) {
      const location = { sheet, address: 'B4:G11' };
      expect(parseTypedSource(locationLabel(location), SHEETS)).toEqual({ ok: true, location });
    }
  });
});
