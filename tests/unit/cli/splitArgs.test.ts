import { describe, expect, it } from '@jest/globals';
import { parseArgs, UsageError, type GradeCommand } from '../../../src/cli/args';

const grade = (args: string[]): GradeCommand => parseArgs(['grade', 'in.csv', ...args]) as GradeCommand;

describe('--split-by owner', () => {
  it.each([
    [['--split-by', 'owner', '--out-dir', 'reps'], { by: 'owner', outDir: 'reps', password: { from: 'none' } }],
    [['--split-by=owner', '--out-dir=reps', '--copies-password-file', 'pw.txt'], { by: 'owner', outDir: 'reps', password: { from: 'file', path: 'pw.txt' } }],
    [['--split-by', 'owner', '--out-dir', 'reps', '--copies-password-prompt'], { by: 'owner', outDir: 'reps', password: { from: 'prompt' } }],
  ])('%j', (args, split) => {
    expect(grade(args).split).toEqual(split);
  });

  it('without it there is no split', () => {
    expect(grade([]).split).toBeUndefined();
  });

  it.each([
    [['--split-by', 'owner', '--out-dir', 'd', '--copies-password', 'x'], 'never taken from the command line'],
    [['--split-by', 'owner', '--out-dir', 'd', '--password=x'], 'never taken from the command line'],
    [['--split-by', 'owner'], 'needs --out-dir'],
    [['--split-by', 'region', '--out-dir', 'd'], 'takes owner'],
    [['--out-dir', 'd'], 'go with --split-by owner'],
    [['--copies-password-prompt'], 'go with --split-by owner'],
    [['--split-by', 'owner', '--out-dir', 'd', '--copies-password-prompt', '--copies-password-file', 'f'], 'not both'],
  ])('%j is a usage error (%s), in both languages', (args, message) => {
    let error: unknown;
    try {
      grade(args);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).en).toContain(message);
    expect((error as UsageError).zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
