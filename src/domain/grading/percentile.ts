/**
 * PERCENTILE.INC and the spreadsheet comparison, computed the way the
 * workbook's engines compute them, so the TypeScript core and the live
 * formulas (`AGGREGATE(16,6,...)` = PERCENTILE.INC) agree cell for cell.
 *
 * Definition (Excel): for n sorted values v[0..n-1] and 0 <= p <= 1,
 * position h = p*(n-1); result = v[floor(h)] + (h - floor(h)) * (v[floor(h)+1] - v[floor(h)]).
 *
 * The floating-point details mirror LibreOffice Calc's ScInterpreter::GetPercentile
 * (sc/source/core/tool/interpr3.cxx) and rtl::math (sal/rtl/math.cxx), because the
 * parity tests recalculate the workbook with LibreOffice:
 *   nIndex = approxFloor(p*(n-1))          -- 15-significant-digit rounding, then floor
 *   fDiff  = p*(n-1) - approxFloor(p*(n-1))  -- a tiny NEGATIVE number when approxFloor
 *                                             rounded p*(n-1) up (0.7*90 = 62.99999999999999)
 *   fDiff <= 0 ? v[nIndex] : v[nIndex] + fDiff * (v[nIndex+1] - v[nIndex])
 * The `<= 0` branch is what LibreOffice 7.4 does (measured: for 1..91 at 0.7 it
 * returns exactly 64, not 64 - 7e-15); a tiny POSITIVE fDiff (0.07*100 =
 * 7.000000000000001) still interpolates. Verified bit for bit against
 * LibreOffice 7.4 headless over about 100,000 random cases, including these
 * near-integer positions (tests/unit/grading/percentile.test.ts pins them).
 *
 * Comparisons: Calc (and Excel) compare numbers with a relative tolerance of
 * about 15 significant digits (`rtl_math_approxEqual`), so `x > b` is false when
 * x and b are approximately equal. `exceeds` mirrors that, which keeps a score
 * from flipping on a last-bit difference between two engines' breakpoints.
 */
import { GradingError } from './errors';

/** 2^41: above it rtl_math_approxValue leaves a value alone (at most 11 fraction bits left). */
const APPROX_BIG_INT = 2199023255552;
/** 2^-48 and 2^-44: the relative tolerances of rtl_math_approxEqual. */
const EPS_48 = 1 / (16777216 * 16777216);
const EPS_44 = EPS_48 * 16;
const MAX_SAFE = Number.MAX_SAFE_INTEGER; // 2^53 - 1, kMaxInt in rtl::math

/** rtl::math's n10s table: 1e1..1e16 and 1e-1..1e-16 as decimal literals (1e-k is not exactly 1/1e+k). */
const POSITIVE_POWERS_OF_TEN = [1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];
const NEGATIVE_POWERS_OF_TEN = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15, 1e-16];

/** getN10Exp: the table for |exponent| <= 16, pow() beyond it. */
function pow10(exponent: number): number {
  if (exponent === 0) return 1;
  if (exponent > 0 && exponent <= 16) return POSITIVE_POWERS_OF_TEN[exponent - 1] as number;
  if (exponent < 0 && exponent >= -16) return NEGATIVE_POWERS_OF_TEN[-exponent - 1] as number;
  return Math.pow(10, exponent);
}

function isRepresentableInteger(absValue: number): boolean {
  return absValue <= MAX_SAFE && Number.isInteger(absValue);
}

/**
 * rtl_math_approxValue: rounds to 15 significant decimal digits, except for
 * zero, non-finite values, values above 2^41, integers, and values with at
 * most 11 binary fraction digits (those are already "decimal enough").
 */
export function approxValue(value: number): number {
  if (value === 0 || !Number.isFinite(value) || value > APPROX_BIG_INT) return value;
  const negative = value < 0;
  let v = Math.abs(value);
  // getBitsInFracPart(v) <= 11  <=>  v * 2^11 is an integer (scaling by 2^11 is exact).
  if (isRepresentableInteger(v) || Number.isInteger(v * 2048)) return value;
  const exponent = 14 - Math.floor(Math.log10(v));
  const scale = pow10(exponent);
  v *= scale;
  if (!Number.isFinite(v)) return value;
  // std::round: half away from zero; v is positive here, where Math.round agrees.
  v = Math.round(v);
  v /= scale;
  if (!Number.isFinite(v)) return value;
  return negative ? -v : v;
}

/** rtl::math::approxFloor: floor after 15-significant-digit rounding. */
export function approxFloor(value: number): number {
  return Math.floor(approxValue(value));
}

/** rtl_math_approxEqual: equal within a relative 2^-48 (about 15 significant digits). */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  const d = Math.abs(a - b);
  if (!Number.isFinite(d)) return false;
  const absA = Math.abs(a);
  if (d > absA * EPS_44) return false;
  const absB = Math.abs(b);
  if (d > absB * EPS_44) return false;
  if (isRepresentableInteger(d) && isRepresentableInteger(absA) && isRepresentableInteger(absB)) return false;
  return d < absA * EPS_48 && d < absB * EPS_48;
}

/** The spreadsheet's `x > b`: strictly greater and not approximately equal. */
export function exceeds(x: number, b: number): boolean {
  return x > b && !approxEqual(x, b);
}

function checkQuantile(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new GradingError('quantile-out-of-range', `PERCENTILE.INC needs 0 <= p <= 1, got ${p}`);
  }
}

/**
 * PERCENTILE.INC of values already sorted ascending (no NaN). Throws
 * GradingError 'empty-sample' for no values and 'quantile-out-of-range' for p
 * outside [0, 1] (Excel's #NUM!).
 */
export function percentileIncSorted(sorted: ArrayLike<number>, p: number): number {
  checkQuantile(p);
  const n = sorted.length;
  if (n === 0) throw new GradingError('empty-sample', 'PERCENTILE.INC of no values');
  const first = sorted[0] as number;
  if (n === 1) return first;
  const position = p * (n - 1);
  const index = approxFloor(position);
  const fraction = position - approxFloor(position);
  const low = sorted[index] as number;
  // fraction < 0: approxFloor rounded the position up to an integer; LibreOffice takes v[index] as is.
  if (fraction <= 0) return low;
  // Cannot happen (a positive fraction means index <= p*(n-1) < n-1); kept so a
  // read past the end can never turn into NaN.
  if (index + 1 >= n) return low;
  const high = sorted[index + 1] as number;
  return low + fraction * (high - low);
}

/** Below this many elements a range is finished by insertion sort. */
const INSERTION_SORT_MAX = 16;

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Multi-introselect (C++ nth_element, for several ranks at once): reorders
 * a[lo..hi] (inclusive) so that a[k] holds the value it would have if the
 * range were sorted, for every k in ranks[first..last] (sorted ascending,
 * inside lo..hi). Hoare partitioning around a median of three keeps ties
 * balanced; each side is then searched only for the ranks it holds, so the
 * 4-8 ranks of the breakpoints cost about one selection, not one each. A depth
 * limit falls back to sorting the range, so the worst case stays O(n log n).
 * Values must not be NaN.
 */
function selectRanksInPlace(a: Float64Array, lo0: number, hi: number, ranks: Int32Array, first0: number, last: number, depth0: number): void {
  // The left end and first rank move as the loop narrows to the right side; hi and last stay.
  let lo = lo0;
  let first = first0;
  let depth = depth0;
  // Loop on one side, recurse on the other (both only while they hold ranks).
  while (first <= last && hi > lo) {
    if (hi - lo < INSERTION_SORT_MAX) {
      insertionSort(a, lo, hi);
      return;
    }
    if (depth-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = a[lo] as number;
    const y = a[(lo + hi) >>> 1] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] all equal the pivot (those ranks are done).
    let leftLast = first - 1;
    while (leftLast < last && (ranks[leftLast + 1] as number) <= j) leftLast++;
    let rightFirst = leftLast + 1;
    while (rightFirst <= last && (ranks[rightFirst] as number) < i) rightFirst++;
    if (leftLast >= first) selectRanksInPlace(a, lo, j, ranks, first, leftLast, depth);
    lo = i;
    first = rightFirst;
  }
}

/**
 * PERCENTILE.INC at several quantiles at once, by selection instead of a full
 * sort (LibreOffice itself uses nth_element): O(n) on average. The results are
 * identical to `percentileIncSorted` on the sorted values, because the order
 * statistics are the same numbers. Reorders `values` in place; they must be
 * finite.
 */
export function percentilesInPlace(values: Float64Array, quantiles: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new GradingError('empty-sample', 'PERCENTILE.INC of no values');
  for (const p of quantiles) checkQuantile(p);
  // The ranks each quantile reads (index, and index + 1 when it interpolates).
  const ranks = new Set<number>();
  const plans = quantiles.map((p) => {
    if (n === 1) return { index: 0, fraction: 0 };
    const position = p * (n - 1);
    const index = approxFloor(position);
    const fraction = position - approxFloor(position);
    ranks.add(index);
    if (fraction > 0 && index + 1 < n) ranks.add(index + 1);
    return { index, fraction };
  });
  const sortedRanks = Int32Array.from(ranks).sort();
  selectRanksInPlace(values, 0, n - 1, sortedRanks, 0, sortedRanks.length - 1, 2 * Math.ceil(Math.log2(n + 1)));
  return plans.map(({ index, fraction }) => {
    const low = values[index] as number;
    if (fraction <= 0 || index + 1 >= n) return low;
    const high = values[index + 1] as number;
    return low + fraction * (high - low);
  });
}

/** Sorted ascending copy of the values as a Float64Array (numeric typed-array sort). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  for (let i = 0; i < copy.length; i++) {
    if (!Number.isFinite(copy[i] as number)) {
      throw new GradingError('non-finite-value', `PERCENTILE.INC got a non-finite value at index ${i}`);
    }
  }
  return copy.sort();
}

/** PERCENTILE.INC of unsorted values (copies and sorts; the input is untouched). */
export function percentileInc(values: ArrayLike<number>, p: number): number {
  checkQuantile(p);
  return percentileIncSorted(sortedCopy(values), p);
}

/**
 * GRADING.md §4 bin: 1 + the number of breakpoints b_k with x > b_k
 * (right-closed bins; `>` with the spreadsheet's tolerance, see `exceeds`).
 */
export function binOf(x: number, breakpoints: readonly number[]): number {
  let bin = 1;
  for (const b of breakpoints) if (exceeds(x, b)) bin++;
  return bin;
}
