import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createFakeExcel } from '../../../src/fake-excel';
import { officeCellInput, officeTextInput, wouldExcelConvertText, inputBytes } from '../../../src/renderers/excel/cellValues';
import type { DayNumber } from '../../../src/domain/dates';

/** Writes `texts` through the renderer's text rule into cells of the given format and reads back what the fake Excel stored. */
async function roundTrip(texts: readonly string[], numberFormat: string): Promise<{ value: unknown; isFormula: boolean }[]> {
  const fake = createFakeExcel();
  const sheet = fake.model.addSheet('T');
  const range = fake.context.workbook.worksheets.getItem('T').getRangeByIndexes(0, 0, texts.length, 1);
  (range as unknown as { numberFormat: unknown }).numberFormat = numberFormat;
  range.values = texts.map((t) => [officeTextInput(t, numberFormat === '@')]);
  await fake.context.sync();
  return texts.map((_, r) => ({ value: sheet.value(r, 0), isFormula: sheet.isFormula(r, 0) }));
}

describe('officeTextInput: text reaches Excel as the same text, never a formula', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['＝1＋1', "'＝1＋1"],
    ['+86 138', "'+86 138"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ["'quoted", "''quoted"],
    ['Acme', 'Acme'],
  ])('%j in a text column is sent as %j', (text, sent) => {
    expect(officeTextInput(text, true)).toBe(sent);
  });

  test.each(['00123', '1e5', ' 12 ', 'TRUE', 'false', '50%', '$5', '2024-01-05', '.5'])('%j would be converted by a General cell, so it gets the quote prefix there', (text) => {
    expect(wouldExcelConvertText(text)).toBe(true);
    expect(officeTextInput(text, false)).toBe(`'${text}`);
    expect(officeTextInput(text, true)).toBe(text);
  });

  test('property: any non-empty text round-trips through the fake Excel as the same text, in text and General columns', async () => {
    const texts = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), 300);
    const special = fc.sample(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '0', '.', '＝', 'T'), 50).map((c, i) => `${c}${texts[i] ?? ''}`);
    const all = [...texts, ...special];
    for (const format of ['@', 'General']) {
      const stored = await roundTrip(all, format);
      stored.forEach((cell, i) => expect(cell).toEqual({ value: all[i], isFormula: false }));
    }
  });

  test('numbers stay numbers, dates become Excel serials, null clears', () => {
    expect(officeCellInput({ kind: 'number', value: -120.5 }, '0.00')).toBe(-120.5);
    expect(officeCellInput({ kind: 'date', day: 0 as DayNumber }, 'yyyy-mm-dd')).toBe(25_569);
    expect(officeCellInput(null, '@')).toBe('');
    expect(officeCellInput({ kind: 'bool', value: true }, 'General')).toBe(true);
  });

  test('inputBytes counts JSON escapes and UTF-8', () => {
    expect(inputBytes('ab')).toBe(JSON.stringify('ab').length + 1);
    expect(inputBytes('a"b')).toBe(JSON.stringify('a"b').length + 1);
    expect(inputBytes('客户')).toBe(2 + 6 + 1);
    expect(inputBytes(12.5)).toBe(5);
  });
});
