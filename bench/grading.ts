/**
 * Focused grading benchmark (the goal: grade n customers within 3x the
 * time of three Float64Array sorts of n, measured in the same process), plus
 * the 500k-line log aggregation.
 *
 *   node bin/run-ts.cjs bench/grading.ts [--runs 5] [--sizes 100000,1000000] [--no-aggregate]
 *
 * The machine is shared and noisy, so every figure is the best of N runs, and
 * the baseline and the candidate runs are interleaved (sort, grade, sort,
 * grade, ...) so that a burst of load from elsewhere hits both alike. Prints
 * best and median milliseconds, and the ratio of the bests.
 */
import { syntheticCustomers, seededRandom } from './synthetic';
import { aggregateTransactions, gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { dayFromYmd, type DayNumber } from '../src/domain/dates';
import type { TransactionLine } from '../src/domain/types';

const TODAY = dayFromYmd(2025, 1, 1);

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const runs = Number(argValue('--runs') ?? 5);
const sizes = (argValue('--sizes') ?? '100000,1000000').split(',').map(Number);
const withAggregate = !process.argv.includes('--no-aggregate');

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const fmt = (x: number): string => x.toFixed(1).padStart(8);

/** Order lines shaped like bench/synthetic.ts's order log (invoice IDs, ~2% refunds), already parsed. */
function syntheticLines(count: number, customers: number, seed = 7): TransactionLine[] {
  const random = seededRandom(seed);
  const start = dayFromYmd(2023, 1, 1);
  const out: TransactionLine[] = new Array<TransactionLine>(count);
  let invoice = 500000;
  for (let i = 0; i < count; i++) {
    if (random() < 0.35) invoice++;
    const customer = 10000 + Math.floor(Math.pow(random(), 1.5) * customers);
    const day = (start + Math.floor(random() * 730)) as DayNumber;
    const refund = random() < 0.02;
    const quantity = (refund ? -1 : 1) * (1 + Math.floor(random() * 12));
    const price = (Math.floor(random() * 2000) + 10) / 100;
    out[i] = { customerId: String(customer), sourceRow: i + 2, day, amount: quantity * price, orderId: `${refund ? 'C' : ''}${invoice}`, profile: {} };
  }
  return out;
}

let sink = 0;
for (const n of sizes) {
  const records = syntheticCustomers(n);
  const random = seededRandom(n);
  const columns = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => random() * 1000));
  const sortTimes: number[] = [];
  const gradeTimes: number[] = [];
  // One untimed warm-up of each, then interleaved timed runs.
  for (const c of columns) sink += c.slice().sort()[0] as number;
  sink += gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY }).customers.length;
  for (let run = 0; run < runs; run++) {
    sortTimes.push(
      timeMs(() => {
        for (const c of columns) sink += c.slice().sort()[0] as number;
      }),
    );
    gradeTimes.push(
      timeMs(() => {
        sink += gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY }).customers.length;
      }),
    );
  }
  const bestSort = Math.min(...sortTimes);
  const bestGrade = Math.min(...gradeTimes);
  process.stdout.write(
    `grade n=${String(n).padStart(8)}  3 sorts best ${fmt(bestSort)} ms (median ${fmt(median(sortTimes))})  ` +
      `grade best ${fmt(bestGrade)} ms (median ${fmt(median(gradeTimes))})  ratio best/best ${(bestGrade / bestSort).toFixed(2)}x  median/median ${(median(gradeTimes) / median(sortTimes)).toFixed(2)}x\n`,
  );
}

if (withAggregate) {
  const count = 500_000;
  const lines = syntheticLines(count, Math.round(count / 25));
  const dayLines = lines.map((l) => ({ ...l, orderId: null }));
  for (const [label, input] of [
    ['order IDs', lines],
    ['day keys', dayLines],
  ] as const) {
    sink += aggregateTransactions(input).records.length;
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(timeMs(() => (sink += aggregateTransactions(input).records.length)));
    process.stdout.write(`aggregate ${count} lines (${label})  best ${fmt(Math.min(...times))} ms (median ${fmt(median(times))})\n`);
  }
}
if (sink === -1) process.stdout.write('\n');
