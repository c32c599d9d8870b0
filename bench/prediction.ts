/**
 * Prediction figures (issue 9), each a ratio against grading the same
 * customers in the same run:
 *   - fit (BG/NBD + Gamma-Gamma) and predictions for 100k customers: goal <= 10x grading them;
 *   - predictions alone (fitted parameters given) for 1M customers: goal <= 2x grading them;
 *   - the day-level purchase history the aggregation now keeps, against the whole aggregation.
 *
 *   node bin/run-ts.cjs bench/prediction.ts [--quick]
 */
import { aggregateTransactions, gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { dayFromYmd, type DayNumber } from '../src/domain/dates';
import type { CustomerRecord, TransactionLine } from '../src/domain/types';
import { seededRandom } from './synthetic';
import {
  DEFAULT_PREDICTION_SETTINGS,
  buildPurchaseHistory,
  featuresFromRecords,
  fitPurchaseModel,
  fitSpendModel,
  predictCustomers,
  runPrediction,
} from '../src/domain/prediction';

const TODAY = dayFromYmd(2025, 1, 1);

export interface BenchRow {
  readonly figure: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
}

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
/** Best of `runs`, baseline and candidate interleaved so a burst of load elsewhere hits both alike. */
function interleaved(runs: number, baseline: () => void, candidate: () => void): { baseline: number; candidate: number } {
  let b = Infinity;
  let c = Infinity;
  for (let i = 0; i < runs; i++) {
    b = Math.min(b, timeMs(baseline));
    c = Math.min(c, timeMs(candidate));
  }
  return { baseline: b, candidate: c };
}
const ms = (x: number): string => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

let sink = 0;

/** A Gamma(shape, 1) variate (Marsaglia & Tsang 2000; shape < 1 by the u^(1/shape) boost). */
function gammaVariate(shape: number, random: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Standard normal by Box-Muller.
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Customer-list records drawn from the models themselves (BG/NBD with the
 * CDNOW parameters in days, Gamma-Gamma with CDNOW's spend parameters), first
 * purchases over two years before 2025-01-01: data the fits converge on,
 * unlike bench/synthetic.ts's uniform dates, where nobody ever drops out and
 * the fit rightly reports no convergence.
 */
export function syntheticBtydCustomers(n: number, seed: number): CustomerRecord[] {
  const random = seededRandom(seed);
  const [r, alpha, a, b] = [0.243, 4.414 * 7, 0.793, 2.426];
  const [p, q, v] = [6.25, 3.74, 15.44];
  const end = dayFromYmd(2025, 1, 1) - 1;
  const out: CustomerRecord[] = new Array<CustomerRecord>(n);
  for (let i = 0; i < n; i++) {
    const first = end - Math.floor(random() * 730);
    const lambda = gammaVariate(r, random) / alpha;
    const ga = gammaVariate(a, random);
    const dropout = ga / (ga + gammaVariate(b, random));
    const nu = gammaVariate(q, random) / v;
    let t = first;
    let last = first;
    let purchases = 1;
    let spend = gammaVariate(p, random) / nu;
    for (;;) {
      if (random() < dropout) break;
      t += -Math.log(1 - random()) / lambda;
      if (t > end) break;
      last = Math.floor(t);
      purchases++;
      spend += gammaVariate(p, random) / nu;
    }
    out[i] = {
      id: `B${i + 1}`,
      sourceRow: i + 2,
      firstPurchase: first as DayNumber,
      lastPurchase: last as DayNumber,
      frequency: purchases,
      monetary: Math.round(spend * 100) / 100,
      tierOverride: null,
      profile: {},
      carried: {},
    };
  }
  return out;
}

export function benchPrediction(quick: boolean): BenchRow[] {
  const rows: BenchRow[] = [];
  // 1. Fit + predict 100k customers vs grading them.
  {
    const n = quick ? 20_000 : 100_000;
    const records = syntheticBtydCustomers(n, 11);
    const asOf = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY }).asOf;
    const t = interleaved(
      3,
      () => {
        sink += gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY }).customers.length;
      },
      () => {
        sink += runPrediction(featuresFromRecords(records, asOf), DEFAULT_PREDICTION_SETTINGS).clv.length;
      },
    );
    rows.push({
      figure: `fit (BG/NBD + Gamma-Gamma) and predictions (P(alive), E[purchases] in 365 days, value, 12-month CLV) for ${n.toLocaleString('en')} customers`,
      measured: ms(t.candidate),
      baseline: `grading them: ${ms(t.baseline)}`,
      ratio: ratio(t.candidate, t.baseline),
      goal: '<= 10x',
    });
  }
  // 2. Predictions alone for 1M customers vs grading them.
  {
    const n = quick ? 100_000 : 1_000_000;
    const records = syntheticBtydCustomers(n, 12);
    const asOf = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY }).asOf;
    const features = featuresFromRecords(records, asOf);
    const purchase = fitPurchaseModel(features).model;
    const spend = fitSpendModel(features, DEFAULT_PREDICTION_SETTINGS).model;
    if (purchase === null || spend === null) throw new Error('the benchmark data did not fit');
    const t = interleaved(
      3,
      () => {
        sink += gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY }).customers.length;
      },
      () => {
        sink += predictCustomers(featuresFromRecords(records, asOf), purchase, spend, DEFAULT_PREDICTION_SETTINGS).clv.length;
      },
    );
    rows.push({
      figure: `predictions alone (features + the four figures, parameters fitted) for ${n.toLocaleString('en')} customers`,
      measured: ms(t.candidate),
      baseline: `grading them: ${ms(t.baseline)}`,
      ratio: ratio(t.candidate, t.baseline),
      goal: '<= 2x',
    });
  }
  // 3. The purchase history kept by the aggregation, against the aggregation itself.
  {
    const count = quick ? 100_000 : 500_000;
    const random = seededRandom(7);
    const start = dayFromYmd(2023, 1, 1);
    const lines: TransactionLine[] = new Array<TransactionLine>(count);
    let invoice = 500000;
    for (let i = 0; i < count; i++) {
      if (random() < 0.35) invoice++;
      const customer = 10000 + Math.floor(Math.pow(random(), 1.5) * (count / 25));
      const day = (start + Math.floor(random() * 730)) as DayNumber;
      lines[i] = { customerId: String(customer), sourceRow: i + 2, day, amount: (1 + Math.floor(random() * 12)) * 1.5, orderId: String(invoice), profile: {}, carried: {} };
    }
    // The history alone, rebuilt from an equivalent order table (one order per line here: the worst case).
    const customerOf = Int32Array.from(lines, (l) => Number(l.customerId) - 10000);
    const dayOf = Float64Array.from(lines, (l) => l.day);
    const cents = Float64Array.from(lines, (l) => Math.round(l.amount * 100));
    const customers = count / 25 + 1;
    const t = interleaved(
      3,
      () => {
        sink += aggregateTransactions(lines).records.length;
      },
      () => {
        sink += buildPurchaseHistory(customers, count, customerOf, dayOf, cents).days.length;
      },
    );
    rows.push({
      figure: `day-level purchase history kept by the aggregation (${count.toLocaleString('en')} orders, its worst case)`,
      measured: ms(t.candidate),
      baseline: `the whole aggregation of ${count.toLocaleString('en')} lines, history included: ${ms(t.baseline)}`,
      ratio: ratio(t.candidate, t.baseline),
      goal: 'report (a small share)',
    });
  }
  if (sink === -1) process.stderr.write('');
  return rows;
}

// Run directly (node bin/run-ts.cjs bench/prediction.ts), not when bench/run.ts imports it.
if (/bench[\\/]prediction\.ts$/.test(process.argv[1] ?? '')) {
  const rows = benchPrediction(process.argv.includes('--quick'));
  process.stdout.write(`| figure | measured | baseline (same run) | ratio | goal |\n| --- | --- | --- | --- | --- |\n${rows.map((r) => `| ${r.figure} | ${r.measured} | ${r.baseline} | ${r.ratio} | ${r.goal} |`).join('\n')}\n`);
}
