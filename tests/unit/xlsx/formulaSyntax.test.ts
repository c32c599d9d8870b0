import { describe, expect, test } from '@jest/globals';
import { columnLetter, columnRef, escapeStructuredColumn, rangeAddress, thisRowRef, unescapeStructuredColumn } from '../../../src/plan/a1';
import { FormulaSyntaxError, XLFN_FUNCTIONS, toFileFormula } from '../../../src/renderers/xlsx/formulaSyntax';

describe('A1 helpers', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  test('out-of-range columns throw', () => {
    expect(() => columnLetter(16_384)).toThrow(RangeError);
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });

  test('ranges', () => {
    expect(rangeAddress(1, 1, 1, 4, true)).toBe('$B$2:$E$2');
    expect(rangeAddress(3, 1, 3, 1, true)).toBe('$B$4');
  });
});

describe('structured reference escaping', () => {
  test.each([
    ['Recency (days)', 'Recency (days)'],
    ["O'Brien", "O''Brien"],
    ['#orders', "'#orders"],
    ['[x]', "'[x']"],
    ['a@b', "a'@b"],
    ['最近购买天数', '最近购买天数'],
  ])('%j -> %j', (header, escaped) => {
    expect(escapeStructuredColumn(header)).toBe(escaped);
    expect(unescapeStructuredColumn(escaped)).toBe(header);
  });

  test('plan syntax', () => {
    expect(thisRowRef('Spend')).toBe('[@[Spend]]');
    expect(columnRef('Customers', 'Orders #')).toBe("Customers[[Orders '#]]");
  });
});

describe('toFileFormula', () => {
  test.each([
    ['=[@[Recency (days)]]+1', 'Customers[[#This Row],[Recency (days)]]+1'],
    ['=[@Spend]*2', 'Customers[[#This Row],[Spend]]*2'],
    ["=[@[Orders '#]]", "Customers[[#This Row],[Orders '#]]"],
    ['=SUM(Customers[[Spend]])', 'SUM(Customers[Spend])'],
    ['=AGGREGATE(16,6,Customers[[Recency (days)]]/ISNUMBER(Customers[[Recency (days)]]),INDEX(Quantiles,1))', '_xlfn.AGGREGATE(16,6,Customers[Recency (days)]/ISNUMBER(Customers[Recency (days)]),INDEX(Quantiles,1))'],
    ['=PERCENTILE.INC(A1:A9,0.2)', '_xlfn.PERCENTILE.INC(A1:A9,0.2)'],
    ['=percentile.inc(A1:A9,0.2)', '_xlfn.percentile.inc(A1:A9,0.2)'],
    ['=IFERROR(1/0,0)', 'IFERROR(1/0,0)'], // Excel 2007: no prefix
    ['=COUNTIFS(A:A,">0")', 'COUNTIFS(A:A,">0")'],
    ['=_xlfn.AGGREGATE(9,6,A1:A3)', '_xlfn.AGGREGATE(9,6,A1:A3)'], // already prefixed
    ['="AGGREGATE(1) [@[x]] ""q"""&A1', '"AGGREGATE(1) [@[x]] ""q"""&A1'], // strings untouched
    ['=MYAGGREGATE(1)', 'MYAGGREGATE(1)'], // only whole names
    ['=TODAY()', 'TODAY()'],
  ])('%s', (plan, file) => {
    expect(toFileFormula(plan, 'Customers')).toBe(file);
  });

  test('a this-row reference outside a table is an error', () => {
    expect(() => toFileFormula('=[@[Spend]]', null)).toThrow(FormulaSyntaxError);
  });

  test('unbalanced brackets and strings are errors', () => {
    expect(() => toFileFormula('=[@[Spend]', 'T')).toThrow(FormulaSyntaxError);
    expect(() => toFileFormula('="abc', 'T')).toThrow(FormulaSyntaxError);
  });

  test('the prefix list holds the functions the plan uses and no Excel 2007 ones', () => {
    expect(XLFN_FUNCTIONS.has('AGGREGATE')).toBe(true);
    expect(XLFN_FUNCTIONS.has('PERCENTILE.INC')).toBe(true);
    for (const old of ['IFERROR', 'SUMIFS', 'COUNTIFS', 'AVERAGEIFS', 'INDEX', 'MATCH', 'ASC', 'CLEAN', 'TRIM', 'SUBSTITUTE', 'ISNUMBER']) {
      expect(XLFN_FUNCTIONS.has(old)).toBe(false);
    }
  });
});
