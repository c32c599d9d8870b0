import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvText } from '../../../src/io/csv';

describe('parseCsvText', () => {
  it.each<[string, string, string, string[][]]>([
    ['comma', 'id,name\r\n1,Ann\r\n', ',', [['id', 'name'], ['1', 'Ann']]],
    ['tab', 'id\tname\tnote\n1\tAnn\ta, b\n', '\t', [['id', 'name', 'note'], ['1', 'Ann', 'a, b']]],
    ['semicolon (European Excel)', 'id;amount\n1;1,5\n2;3\n', ';', [['id', 'amount'], ['1', '1,5'], ['2', '3']]],
    ['pipe', 'id|name\n1|Ann\n', '|', [['id', 'name'], ['1', 'Ann']]],
  ])('detects %s', (_name, text, delimiter, grid) => {
    const result = parseCsvText(text);
    expect(result.delimiter).toBe(delimiter);
    expect(result.shape).toBe('delimited');
    expect(result.grid).toEqual(grid);
  });

  it('keeps quoted newlines, doubled quotes and delimiters inside quotes', () => {
    const text = 'id,name,note\n1,"Smith, Ann","line 1\r\nline 2"\n2,"say ""hi""",\n';
    expect(parseCsvText(text).grid).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Smith, Ann', 'line 1\r\nline 2'],
      ['2', 'say "hi"', ''],
    ]);
  });

  it('never coerces types: leading zeros, long digits, exponents, formulas and spaces stay as typed', () => {
    const text = 'id,value,f\n000123,1e5," =1+1"\n110101199003077777,TRUE,=SUM(1)\n';
    expect(parseCsvText(text).grid).toEqual([
      ['id', 'value', 'f'],
      ['000123', '1e5', ' =1+1'],
      ['110101199003077777', 'TRUE', '=SUM(1)'],
    ]);
  });

  it('keeps blank lines as rows so row numbers match the file, and drops only the final line break', () => {
    expect(parseCsvText('id,n\n\n1,2\n').grid).toEqual([['id', 'n'], [''], ['1', '2']]);
    expect(parseCsvText('id,n\n1,2').grid).toEqual([['id', 'n'], ['1', '2']]);
  });

  it('reads a CDNOW-like whitespace-aligned file (leading spaces, runs of spaces, CRLF)', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/import/cdnow-like.txt'), 'utf8');
    const result = parseCsvText(text);
    expect(result.shape).toBe('whitespace');
    expect(result.delimiter).toBeNull();
    expect(result.grid).toEqual([
      ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
      ['00001', '19970101', '1', '11.77'],
      ['00002', '19970112', '1', '12.00'],
      ['00002', '19970112', '5', '77.00'],
      ['00003', '19970102', '2', '20.76'],
      ['00003', '19970330', '2', '20.76'],
    ]);
  });

  it('a one-column file with spaces in values is not mistaken for whitespace-aligned', () => {
    const result = parseCsvText('name\nAnn Lee\nBo\nCarl Jr Smith\n');
    expect(result.shape).toBe('delimited');
    expect(result.grid).toEqual([['name'], ['Ann Lee'], ['Bo'], ['Carl Jr Smith']]);
  });

  it('reports broken quoting as a problem with its row', () => {
    const result = parseCsvText('id,name\n1,"Ann\n2,Bo\n');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]).toMatchObject({ code: 'MissingQuotes', row: 2 });
  });

  it('a forced delimiter wins', () => {
    expect(parseCsvText('a;b,c\n1;2,3\n', { delimiter: ',' }).grid).toEqual([['a;b', 'c'], ['1;2', '3']]);
    expect(parseCsvText('a b\n1 2\n', { delimiter: 'whitespace' }).grid).toEqual([['a', 'b'], ['1', '2']]);
  });
});
