/**
 * The prediction's inputs per customer, GRADING.md §10, in days:
 * x = repeat purchase days, tx = last minus first purchase day, T = as-of
 * day minus first purchase day, zbar = mean net of the purchase days after
 * the first (currency units; NaN when x = 0). A customer without a usable
 * first purchase has x = NaN: no prediction.
 */
import type { CustomerRecord } from '../types';
import type { PurchaseHistory } from './history';

export interface PredictionFeatures {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly zbar: Float64Array;
  readonly length: number;
}

function emptyFeatures(n: number): PredictionFeatures {
  return { x: new Float64Array(n).fill(Number.NaN), tx: new Float64Array(n), T: new Float64Array(n), zbar: new Float64Array(n).fill(Number.NaN), length: n };
}

/**
 * From an order log's day-level history (index = customer). Only purchase
 * days up to `lastDay` count (the as-of date, or the calibration end of the
 * holdout check); T is measured to `observationEnd`.
 */
export function featuresFromHistory(history: PurchaseHistory, lastDay: number, observationEnd: number = lastDay): PredictionFeatures {
  const n = history.start.length - 1;
  const f = emptyFeatures(n);
  for (let ci = 0; ci < n; ci++) {
    const from = history.start[ci] as number;
    const to = history.start[ci + 1] as number;
    if (to === from) continue;
    const first = history.days[from] as number;
    if (first > lastDay) continue;
    let last = first;
    let count = 1;
    let repeatCents = 0;
    for (let i = from + 1; i < to; i++) {
      const day = history.days[i] as number;
      if (day > lastDay) break;
      last = day;
      count++;
      repeatCents += history.netCents[i] as number;
    }
    f.x[ci] = count - 1;
    f.tx[ci] = last - first;
    f.T[ci] = observationEnd - first;
    f.zbar[ci] = count > 1 ? repeatCents / 100 / (count - 1) : Number.NaN;
  }
  return f;
}

/**
 * From a customer list: x = orders - 1, tx and T from the first and last
 * purchase dates, zbar = spend / orders. No first purchase date, a last
 * purchase missing for a repeat buyer, or dates after the as-of date: no
 * prediction for that customer.
 */
export function featuresFromRecords(records: readonly CustomerRecord[], asOf: number): PredictionFeatures {
  const n = records.length;
  const f = emptyFeatures(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as CustomerRecord;
    const first = r.firstPurchase;
    if (first === null || r.frequency < 1 || first > asOf) continue;
    const x = r.frequency - 1;
    const last = r.lastPurchase ?? (x === 0 ? first : null);
    if (last === null || last < first || last > asOf) continue;
    f.x[i] = x;
    f.tx[i] = x === 0 ? 0 : last - first;
    f.T[i] = asOf - first;
    f.zbar[i] = x >= 1 ? r.monetary / r.frequency : Number.NaN;
  }
  return f;
}
