import { describe, expect, it } from '@jest/globals';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { parseIsoDay } from '../../../src/domain/dates';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/domain/prediction/settings';

describe('parseArgs', () => {
  it('parses a full grade command', () => {
    const cmd = parseArgs([
      'grade', 'in.csv', '--out', 'o.xlsx', '--report=r.json', '--as-of', '2024-06-30', '--kind', 'transactions',
      '--map', 'customerId=Account Number', '--map=totalSpend=Lifetime = Value', '--encoding', 'gb18030', '--lang', 'zh-CN',
      '--day-month', 'dmy', '--sheet', 'Orders', '--deck', 'd.pptx',
    ]);
    expect(cmd).toEqual({
      command: 'grade',
      input: 'in.csv',
      out: 'o.xlsx',
      report: 'r.json',
      deck: 'd.pptx',
      asOf: { mode: 'fixed', day: parseIsoDay('2024-06-30') },
      kind: 'transactions',
      mapping: { customerId: 'Account Number', totalSpend: 'Lifetime = Value' },
      encoding: 'gb18030',
      lang: 'zh-CN',
      dayMonthOrder: 'dmy',
      sheet: 'Orders',
      quiet: false,
      prediction: DEFAULT_PREDICTION_SETTINGS,
    });
  });

  it('defaults', () => {
    expect(parseArgs(['grade', 'x.xlsx'])).toMatchObject({ out: null, report: null, deck: null, asOf: null, kind: null, encoding: 'auto', lang: null });
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['demo'])).toEqual({ command: 'demo', outDir: 'out', lang: null });
  });

  it.each([
    [['grade'], 'Name the input file'],
    [['grade', 'a.csv', '--as-of', '2024-02-30'], '--as-of must be'],
    [['grade', 'a.csv', '--kind', 'orders'], '--kind must be'],
    [['grade', 'a.csv', '--encoding', 'latin1'], '--encoding must be'],
    [['grade', 'a.csv', '--map', 'spend=Total'], '--map takes field=Header'],
    [['grade', 'a.csv', '--map', 'totalSpend='], '--map takes field=Header'],
    [['grade', 'a.csv', '--frobnicate', '1'], 'Unknown option --frobnicate'],
    [['grade', 'a.csv', 'b.csv'], "Unexpected argument 'b.csv'"],
    [['grade', 'a.csv', '--out'], '--out needs a value'],
    [['grade', 'a.csv', '--out', 'a', '--out', 'b'], 'more than once'],
    [['grade', 'a.csv', '--lang', 'fr'], '--lang must be'],
    [['export'], "Unknown command 'export'"],
  ])('rejects %j with a message in both languages', (argv, english) => {
    let caught: unknown;
    try {
      parseArgs(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const usage = caught as UsageError;
    expect(usage.en).toContain(english);
    expect(usage.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
