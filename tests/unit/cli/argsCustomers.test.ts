import { describe, expect, it } from '@jest/globals';
import { parseArgs, UsageError } from '../../../src/cli/args';

describe('parseArgs: --customers (a customer archive joined to the order log)', () => {
  it('parses the archive, its sheet, encoding and mapping corrections', () => {
    const cmd = parseArgs([
      'grade', 'orders.csv', '--customers', 'archive.xlsx', '--customers-sheet', '客户档案', '--customers-encoding', 'gb18030',
      '--map-customers', 'owner=负责人', '--map-customers=region=片区=华南', '--map', 'customerId=CustomerID',
    ]);
    expect(cmd).toMatchObject({
      command: 'grade',
      input: 'orders.csv',
      mapping: { customerId: 'CustomerID' },
      customers: { input: 'archive.xlsx', sheet: '客户档案', encoding: 'gb18030', mapping: { owner: '负责人', region: '片区=华南' } },
    });
  });

  it('defaults the archive encoding to auto and leaves one-source commands without the key', () => {
    expect(parseArgs(['grade', 'o.csv', '--customers', 'a.csv'])).toMatchObject({ customers: { input: 'a.csv', sheet: null, encoding: 'auto', mapping: {} } });
    expect('customers' in parseArgs(['grade', 'o.csv'])).toBe(false);
  });

  it.each<[string, string[], RegExp]>([
    ['archive options without --customers', ['grade', 'o.csv', '--customers-sheet', 'S'], /--customers FILE/],
    ['a mapping for an unknown field', ['grade', 'o.csv', '--customers', 'a.csv', '--map-customers', 'boss=X'], /--map-customers takes field=Header/],
    ['an unknown encoding', ['grade', 'o.csv', '--customers', 'a.csv', '--customers-encoding', 'latin1'], /--customers-encoding must be one of/],
    ['two archives', ['grade', 'o.csv', '--customers', 'a.csv', '--customers', 'b.csv'], /--customers was given more than once/],
  ])('refuses %s', (_name, argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
