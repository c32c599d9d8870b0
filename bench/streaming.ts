/**
 * Issue 10 §2: grading order logs of millions of lines, streamed. For each
 * size (500k and 5M lines; --quick: 50k and 500k) an Online-Retail-shaped
 * log (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,
 * CustomerID,Country; ~90 bytes a line, so 5M lines is ~450 MB) is written to
 * a temporary file, then two child processes run on it, each under
 * /usr/bin/time -v for its peak resident memory:
 *
 * - the baseline: Papa Parse alone streaming the same file (UTF-8, the same
 *   options the reader uses), rows discarded;
 * - `bin/tierwise.cjs grade log.csv --out log.xlsx --report r.json --quiet`,
 *   from the CLI bundle (built first, `scripts/build-cli.mjs`; TIERWISE_CLI=bundle
 *   so a stale bundle fails the run) or, with --engine tsx, from the sources.
 *
 * Figures: CLI time / Papa time (goal <= 2x at 5M), CLI peak RSS (goal <= 1 GB),
 * and the CLI's time per line at both sizes (goal: flat). Files are deleted after.
 *
 *   node bin/run-ts.cjs bench/streaming.ts [--quick] [--engine bundle|tsx]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from './synthetic';

export interface StreamingFigure {
  readonly lines: number;
  readonly bytes: number;
  readonly customers: number;
  readonly papaMs: number;
  readonly papaRssMb: number;
  readonly cliMs: number;
  readonly cliRssMb: number;
}

const COUNTRIES = ['United Kingdom', 'France', 'Germany', 'EIRE', 'Spain', 'Netherlands'];
const WORDS = ['WHITE', 'HANGING', 'HEART', 'T-LIGHT', 'HOLDER', 'REGENCY', 'CAKESTAND', 'JUMBO', 'BAG', 'RED', 'RETROSPOT', 'LUNCH', 'BOX'];

/** Writes an order log of `lines` lines to `file` without holding it in memory. */
export async function writeLog(file: string, lines: number, customers: number): Promise<void> {
  const random = seededRandom(lines);
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n');
  let invoice = 536365;
  let customer = 12346;
  const start = Date.UTC(2011, 0, 1);
  let batch: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (random() < 0.05) {
      invoice++;
      customer = 12346 + Math.floor(Math.pow(random(), 1.3) * customers);
    }
    const refund = random() < 0.02;
    const quantity = (refund ? -1 : 1) * (1 + Math.floor(random() * 24));
    const price = ((Math.floor(random() * 1500) + 10) / 100).toFixed(2);
    const when = new Date(start + Math.floor(random() * 3650) * 86_400_000 + Math.floor(random() * 36_000) * 1000);
    const date = `${when.getUTCMonth() + 1}/${when.getUTCDate()}/${when.getUTCFullYear()} ${when.getUTCHours()}:${String(when.getUTCMinutes()).padStart(2, '0')}`;
    const description = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}`;
    batch.push(`${refund ? 'C' : ''}${invoice},${85000 + (i % 4000)}A,${description},${quantity},${date},${price},${customer},${COUNTRIES[customer % COUNTRIES.length]}\n`);
    if (batch.length === 10_000) {
      await write(batch.join(''));
      batch = [];
    }
  }
  await write(batch.join(''));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs a command under /usr/bin/time -v: wall time (ms) and peak resident memory (MB). */
function measured(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { ms: number; rssMb: number; stdout: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  if (!kb) throw new Error(`/usr/bin/time printed no peak memory:\n${run.stderr}`);
  return { ms, rssMb: Number(kb[1]) / 1024, stdout: run.stdout };
}

/** Papa Parse alone, streaming the file with the reader's options (the baseline). */
const PAPA_ALONE = `
const fs = require('node:fs');
const Papa = require('papaparse');
let rows = 0;
Papa.parse(fs.createReadStream(process.argv[1], { encoding: 'utf8', highWaterMark: 1 << 20 }), {
  delimiter: ',', header: false, dynamicTyping: false, skipEmptyLines: false, quoteChar: '"',
  chunk: (results) => { rows += results.data.length; },
  complete: () => process.stdout.write(String(rows) + '\\n'),
});
`;

export type CliEngine = 'bundle' | 'tsx';

export async function benchStreaming(sizes: readonly number[], engine: CliEngine = 'bundle'): Promise<StreamingFigure[]> {
  const root = path.resolve(__dirname, '..');
  if (engine === 'bundle') {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`scripts/build-cli.mjs exited ${build.status}:\n${build.stderr}`);
  }
  const figures: StreamingFigure[] = [];
  for (const lines of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-bench-stream-'));
    try {
      const customers = Math.round(lines / 100);
      const file = path.join(dir, 'orders.csv');
      process.stderr.write(`streaming: writing a ${lines.toLocaleString('en')}-line log…\n`);
      await writeLog(file, lines, customers);
      const bytes = statSync(file).size;
      process.stderr.write(`streaming: Papa Parse alone on ${(bytes / 1e6).toFixed(0)} MB…\n`);
      const papa = measured(process.execPath, ['-e', PAPA_ALONE, file], root);
      if (Number(papa.stdout.trim()) !== lines + 1) throw new Error(`Papa Parse read ${papa.stdout.trim()} rows, not ${lines + 1}`);
      process.stderr.write('streaming: the CLI…\n');
      const cli = measured(process.execPath, [path.join(root, 'bin', 'tierwise.cjs'), 'grade', file, '--out', path.join(dir, 'orders.xlsx'), '--report', path.join(dir, 'r.json'), '--quiet', '--day-month', 'mdy'], dir, { ...process.env, TIERWISE_CLI: engine });
      figures.push({ lines, bytes, customers, papaMs: papa.ms, papaRssMb: papa.rssMb, cliMs: cli.ms, cliRssMb: cli.rssMb });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

if (/bench[\\/]streaming\.ts$/.test(process.argv[1] ?? '')) {
  const quick = process.argv.includes('--quick');
  const engineAt = process.argv.indexOf('--engine');
  const engine = engineAt >= 0 ? process.argv[engineAt + 1] : 'bundle';
  if (engine !== 'bundle' && engine !== 'tsx') throw new Error(`--engine must be bundle or tsx, not ${engine}`);
  benchStreaming(quick ? [50_000, 500_000] : [500_000, 5_000_000], engine)
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
