/**
 * What the Summary sheet (issue 6 §1) costs LibreOffice's recalculation: the
 * same graded workbook of N customers (default 100,000; five owners) written
 * by the same writer with and without its Summary sheet, each opened,
 * recalculated (forced: the files carry cached results) and exported to CSV
 * by soffice headless. The runs alternate (with, without, with, without) and
 * the best of each is kept, since other jobs on a shared machine inflate
 * wall-clock time. The recalculated Summary is checked against `summarise`
 * (customers per tier).
 *
 * Goal (issue 6 §4): the Summary sheet and the charts together add at most
 * 25% to the recalculation; the plan "with" carries both (the charts are
 * drawn from the Summary's cells), the plan "without" neither.
 *
 * Run: node bin/run-ts.cjs bench/summary-recalc.ts [customers=100000] [--json]
 * --json  also print the figure as one final JSON line (bench/run.ts's format)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromYmd } from '../src/domain/dates';
import { gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { summarise } from '../src/domain/summary';
import { buildWorkbookPlan } from '../src/plan/buildPlan';
import type { WorkbookPlan } from '../src/plan/types';
import { writeWorkbookXlsx } from '../src/renderers/xlsx/writeXlsx';
import { random } from '../tests/fixtures/parity/datasets';
import { recalcManyToCsv } from '../tests/support/libreoffice';

const args = process.argv.slice(2);
const JSON_OUTPUT = args.includes('--json');
const N = Number(args.find((a) => !a.startsWith('--')) ?? 100_000);
const TODAY = dayFromYmd(2024, 7, 1);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function recalc(path: string): Promise<{ ms: number; sheets: Record<string, string[][]> }> {
  const started = performance.now();
  const all = await recalcManyToCsv([path], { timeoutMs: 900_000 });
  return { ms: performance.now() - started, sheets: all.get(path) ?? {} };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tierwise-bench-summary-'));
  try {
    const records = random(N, 1, { firstPurchaseShare: 0.85, prospectShare: 0.08 });
    const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY });
    const withSummary = buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId', 'name', 'owner', 'firstPurchase'], carriedHeaders: ['Region'] });
    // Without the Summary sheet there is nothing for the charts to bind to: both go (the budget is for the two together).
    const withoutSummary: WorkbookPlan = { ...withSummary, sheets: withSummary.sheets.filter((s) => s.key !== 'summary' && s.key !== 'charts'), charts: [] };
    const summarySheet = withSummary.sheets.find((s) => s.key === 'summary');
    if (summarySheet === undefined) throw new Error('the plan has no Summary sheet');
    const formulas = summarySheet.cells.filter((c) => c.value?.kind === 'formula').length;
    console.log(`Summary sheet recalculation cost: ${N.toLocaleString('en')} customers, ${formulas} Summary formulas (node ${process.version})`);

    const withPath = join(dir, 'with-summary.xlsx');
    const withoutPath = join(dir, 'without-summary.xlsx');
    await writeFile(withPath, await writeWorkbookXlsx(withSummary, { engine: 'streaming' }));
    await writeFile(withoutPath, await writeWorkbookXlsx(withoutSummary, { engine: 'streaming' }));

    const withRuns: number[] = [];
    const withoutRuns: number[] = [];
    let checked = false;
    for (let round = 0; round < 2; round++) {
      const a = await recalc(withPath);
      withRuns.push(a.ms);
      console.log(`  with Summary:    ${seconds(a.ms)}`);
      if (!checked) {
        // The recalculated customers per tier equal summarise's.
        const rows = a.sheets[summarySheet.name] ?? [];
        const expected = summarise(result, DEFAULT_SETTINGS).byTier.map((g) => String(g.customers));
        const first = Number(/\$(\d+):/.exec(withSummary.summaryLayout?.byTier.customers ?? '')?.[1]) - 1;
        const actual = expected.map((_, i) => rows[first + i]?.[1] ?? '');
        if (actual.join() !== expected.join()) throw new Error(`Summary customers per tier: LibreOffice ${actual.join()}, summarise ${expected.join()}`);
        console.log(`  recalculated customers per tier equal summarise: ${actual.join(', ')}`);
        checked = true;
      }
      const b = await recalc(withoutPath);
      withoutRuns.push(b.ms);
      console.log(`  without Summary: ${seconds(b.ms)}`);
    }
    const withMs = Math.min(...withRuns);
    const withoutMs = Math.min(...withoutRuns);
    const ratio = withMs / withoutMs;
    console.log(`best of 2: with ${seconds(withMs)}, without ${seconds(withoutMs)}: ratio ${ratio.toFixed(3)} (Summary adds ${((ratio - 1) * 100).toFixed(1)}%)`);
    if (JSON_OUTPUT) {
      console.log(
        JSON.stringify([
          {
            figure: `LibreOffice open + recalculate + CSV of ${N.toLocaleString('en')} customers with the Summary sheet (${formulas} formulas) and the Charts sheet vs without either`,
            measured: `${seconds(withMs)} (best of 2)`,
            baseline: `without the Summary sheet: ${seconds(withoutMs)} (best of 2)`,
            ratio: `${ratio.toFixed(2)}x`,
            goal: '<= 1.25x for Summary + charts together (issue 6 §4)',
          },
        ]),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
