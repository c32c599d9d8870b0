/**
 * Issue 8 §2 figure: `tierwise grade new.csv --previous last.xlsx` reading an
 * earlier workbook of n customers whose History sheet holds 24 snapshots
 * (n = 100,000: 100,003 rows x 169 columns). Each measurement is a child
 * process under /usr/bin/time -v (CPU time = user + sys, peak RSS), A/B
 * alternated, against a baseline in the same run: exceljs's streaming
 * WorkbookReader merely iterating every row of the same file.
 *
 *   node bin/run-ts.cjs bench/previous.ts [n] [--file /tmp/x.xlsx]
 *   node bin/run-ts.cjs bench/previous.ts make <file> <n>   (one step, used by the above)
 *   node bin/run-ts.cjs bench/previous.ts read|baseline <file>
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { dayFromYmd, type DayNumber } from '../src/domain/dates';
import { historyInputFrom, type GradeHistory, type HistorySnapshot } from '../src/domain/history';
import { buildWorkbookPlan } from '../src/plan/buildPlan';
import { writeWorkbookXlsx } from '../src/renderers/xlsx/writeXlsx';
import { readPreviousWorkbook } from '../src/cli/previous';
import { syntheticCustomers } from './synthetic';

const AS_OF = dayFromYmd(2025, 1, 1);

async function make(file: string, n: number): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: AS_OF } };
  const result = gradeCustomers(syntheticCustomers(n), settings, { today: AS_OF });
  const ids = result.customers.map((c) => c.record.id);
  const tiers = ['金卡', '银卡', '普通客户', '新客户', '潜在客户'];
  const blankOr = <T>(x: T, i: number, g: number): T | null => ((i + g) % 50 === 0 ? null : x);
  const snapshots: HistorySnapshot[] = Array.from({ length: 23 }, (_, g) => ({
    asOf: (AS_OF - 30 * (23 - g)) as DayNumber,
    tier: ids.map((_, i) => blankOr(tiers[(i + g) % 5] as string, i, g)),
    segment: ids.map((_, i) => blankOr('重要价值客户', i, g)),
    lifecycle: ids.map((_, i) => blankOr('活跃', i, g)),
    r: ids.map((_, i) => blankOr(1 + ((i + g) % 5), i, g)),
    f: ids.map((_, i) => blankOr(1 + (i % 5), i, g)),
    m: ids.map((_, i) => blankOr(1 + (g % 5), i, g)),
    spend: ids.map((_, i) => blankOr(i + g / 4, i, g)),
  }));
  const earlier: GradeHistory = { ids, snapshots };
  const plan = buildWorkbookPlan({ result, settings, locale: 'zh-CN', profileFields: ['customerId'], carriedHeaders: [], history: historyInputFrom(earlier, AS_OF) });
  await writeFile(file, await writeWorkbookXlsx(plan, { engine: 'streaming' }));
}

async function read(file: string): Promise<string> {
  const previous = await readPreviousWorkbook(new Uint8Array(await readFile(file)), path.basename(file));
  return `${previous.history.ids.length} ids, ${previous.history.snapshots.length} snapshots, ${previous.carried.overrides.size} overrides (from ${previous.from})`;
}

async function baseline(file: string): Promise<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  let rows = 0;
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      cells += row.cellCount;
    }
  }
  return `${rows} rows, ${cells} cells iterated`;
}

interface Measured {
  readonly cpuS: number;
  readonly rssMb: number;
  readonly out: string;
}

function measure(mode: 'read' | 'baseline', file: string): Measured {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(__dirname, '..', 'bin', 'run-ts.cjs'), __filename, mode, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${mode} failed (${String(run.status)}): ${run.stderr.slice(-2000)}`);
  const field = (name: string): number => Number(new RegExp(`${name}: ([0-9.]+)`).exec(run.stderr)?.[1] ?? NaN);
  return { cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'), rssMb: field('Maximum resident set size \\(kbytes\\)') / 1024, out: run.stdout.trim() };
}

async function main(): Promise<void> {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'make' && a !== undefined) return make(a, Number(b ?? 100_000));
  if (mode === 'read' && a !== undefined) return void console.log(await read(a));
  if (mode === 'baseline' && a !== undefined) return void console.log(await baseline(a));
  const n = Number(mode ?? 100_000);
  const fileAt = process.argv.indexOf('--file');
  const file = fileAt > 0 ? (process.argv[fileAt + 1] as string) : `/tmp/tierwise-previous-${n}.xlsx`;
  if (!existsSync(file)) {
    console.log(`writing ${file} (${n} customers x 24 snapshots)…`);
    execFileSync(process.execPath, [path.join(__dirname, '..', 'bin', 'run-ts.cjs'), __filename, 'make', file, String(n)], { stdio: 'inherit' });
  }
  console.log(`${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB; load: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  const results: { mode: string; m: Measured }[] = [];
  for (let round = 0; round < 2; round++) {
    for (const m of ['baseline', 'read'] as const) {
      const r = measure(m, file);
      results.push({ mode: m, m: r });
      console.log(`${m}: CPU ${r.cpuS.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB — ${r.out}`);
    }
  }
  const best = (m: string, f: (x: Measured) => number): number => Math.min(...results.filter((r) => r.mode === m).map((r) => f(r.m)));
  console.log(
    `| --previous read of ${n.toLocaleString('en')} x 24 snapshots | CPU ${best('read', (x) => x.cpuS).toFixed(1)} s, peak RSS ${best('read', (x) => x.rssMb).toFixed(0)} MB | exceljs WorkbookReader iterating the rows: CPU ${best('baseline', (x) => x.cpuS).toFixed(1)} s, peak RSS ${best('baseline', (x) => x.rssMb).toFixed(0)} MB | ${(best('read', (x) => x.cpuS) / best('baseline', (x) => x.cpuS)).toFixed(2)}x CPU | peak RSS <= 1024 MB |`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
