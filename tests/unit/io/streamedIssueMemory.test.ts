/**
 * Regression (issue 10, 2026-12-06): a streamed order log with an import issue on every other line
 * kept the whole file's text alive. Each issue's value ('3/4/2011 9:30') was a view of the chunk of
 * text the CSV parser cut it from, and its messages were trees of template pieces; a 1M-line log
 * with 360k ambiguous dates peaked at 1.6 GB and a 5M-line one would have run out of heap.
 *
 * The test streams a log whose lines carry a long description (as product names do), half of them
 * with an ambiguous date, and measures what the finished output holds per issue, after a full
 * garbage collection. Before the fix it held the description of every line (~4 KB per issue here);
 * now it holds the issue, its finding and its Quality sheet row.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { streamCsvFile } from '../../../src/io/streamCsv';
import { StreamingGrader } from '../../../src/pipeline/gradeStream';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import type { GradeGridOutput } from '../../../src/pipeline/gradeGrid';

const LINES = 20_000;
const DESCRIPTION_CHARS = 2_000;
const AMBIGUOUS_DAYS = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12];

const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-issue-memory-'));
  file = path.join(dir, 'orders.csv');
  const lines = ['InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID'];
  for (let i = 0; i < LINES; i++) {
    // Even lines: 3/4/2011 reads either way (an ambiguous date, the row is skipped; 4/4 is not); odd lines: 13/4/2011 reads one way only.
    const day = i % 2 === 0 ? AMBIGUOUS_DAYS[i % AMBIGUOUS_DAYS.length]! : 13 + (i % 15);
    const description = `${String(i).padStart(8, '0')} ${'WHITE HANGING HEART T-LIGHT HOLDER '.repeat(DESCRIPTION_CHARS / 35)}`;
    lines.push(`${536365 + i},${description},${1 + (i % 5)},${day}/4/2011 9:${String(i % 60).padStart(2, '0')},2.55,${12346 + (i % 500)}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a streamed log with an issue on every other line', () => {
  it('holds its issues without holding the text of the file', async () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const grader = new StreamingGrader({
      import: { maxIssuesPerCode: Number.POSITIVE_INFINITY, mapping: {}, dayMonthOrder: null },
      settings: DEFAULT_SETTINGS,
      locale: 'en',
      today: dayFromYmd(2026, 12, 6),
    });
    const streamed = await streamCsvFile(file, (rows) => grader.push(rows), { chunkBytes: 1 << 16 });
    const output: GradeGridOutput = grader.finish(streamed.issues);
    collectGarbage();
    const held = process.memoryUsage().heapUsed - before;

    const issues = output.issues.filter((issue) => issue.code === 'ambiguous-date').length;
    expect(issues).toBe(LINES / 2);
    expect(output.report.import.issues.length).toBe(output.issues.length);
    const bytesPerIssue = held / issues;
    // Measured 2026-12-06: ~1.5 KB per issue now; the file's text alone is ~2 KB per line, 4 KB per issue.
    expect(bytesPerIssue).toBeLessThan(2_500);
  });
});
