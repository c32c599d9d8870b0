/**
 * GRADING.md §2: a transaction log folded into one record per customer.
 *
 * - Order key: the order ID when the line has one, else the line's calendar
 *   day (all of a customer's lines on one day are one order).
 * - An order's date is its latest line's date; its net is the sum of its lines.
 *   A purchase is an order whose net, rounded to cents, is > 0.
 * - frequency = number of purchases; monetary = max(0, sum of all the
 *   customer's line amounts) rounded to cents; first/last purchase = the
 *   earliest/latest purchase date. No purchase: a prospect (frequency 0, no dates).
 *
 * Money arithmetic is exact decimal, not binary floating point: each amount is
 * split into its whole part and its fraction in millionths (exact for amounts
 * with up to 6 decimals, which covers cents and unit prices like 0.3333), and
 * both parts are summed as integers. So 0.1 + 0.2 is exactly 0.30, and
 * rounding half away from zero at the cent sees the exact sum (1.005 + 0 ->
 * 1.01, where binary floats would give 1.00).
 */
import type { DayNumber } from '../dates';
import type { CarriedValue, CustomerRecord, FieldKey, Issue, TransactionLine } from '../types';
import { GradingError } from './errors';
import { gradingIssue } from './messages';
import { buildPurchaseHistory, type PurchaseHistory } from '../prediction/history';
import { IdIndex, type IdLookup } from '../idIndex';
import { detachedText } from '../detachedText';

export interface AggregateOptions {
  /** Called now and then with the number of lines folded so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface AggregateResult {
  readonly records: CustomerRecord[];
  readonly issues: Issue[];
  /** Purchase days and day nets per customer (index = records index), for the prediction (GRADING.md §10). */
  readonly purchaseHistory: PurchaseHistory;
  /** Each customer's ID (as in `records`) -> its index in `records`: the join reuses it (joinCustomers). */
  readonly indexById: IdLookup;
}

/** A folded customer carries no unmapped columns (the log's are per line): one frozen empty object for all. */
const NO_CARRIED: Record<string, CarriedValue> = Object.freeze({}) as Record<string, CarriedValue>;
const MICROS_PER_UNIT = 1_000_000;
const MICROS_PER_CENT = 10_000;
const PROGRESS_EVERY = 65_536;

/**
 * Exact decimal sums, held as parallel columns: whole currency units plus
 * millionths, both integers in doubles (exact below 2^53: 9e15 units, far
 * above any spend). Slot i is one order or one customer. The columns are
 * typed arrays that double when full (no per-slot allocation, no element-kind
 * changes).
 */
class DecimalSums {
  whole = new Float64Array(64);
  micros = new Float64Array(64);
  length = 0;

  /** A new zero sum; returns its slot. */
  open(): number {
    if (this.length === this.whole.length) {
      this.whole = grown(this.whole);
      this.micros = grown(this.micros);
    }
    return this.length++;
  }

  add(slot: number, amount: number): void {
    const wholeColumn = this.whole;
    const microsColumn = this.micros;
    const whole = Math.trunc(amount);
    // amount - trunc(amount) is exact in binary; rounding it to millionths
    // recovers the decimal the user typed (19.99 -> 990000 millionths).
    let wholeSum = (wholeColumn[slot] as number) + whole;
    let micros = (microsColumn[slot] as number) + Math.round((amount - whole) * MICROS_PER_UNIT);
    // Keep the millionths below one unit so they never lose precision.
    if (micros >= MICROS_PER_UNIT || micros <= -MICROS_PER_UNIT) {
      const carry = Math.trunc(micros / MICROS_PER_UNIT);
      wholeSum += carry;
      micros -= carry * MICROS_PER_UNIT;
    }
    wholeColumn[slot] = wholeSum;
    microsColumn[slot] = micros;
  }

  /** The sum in whole cents, rounded half away from zero. */
  cents(slot: number): number {
    return decimalToCents(this.whole[slot] as number, this.micros[slot] as number);
  }
}

/** A copy of `column` with twice the room (the new half is zero). */
function grown<T extends Float64Array | Int32Array>(column: T): T {
  const next = new (column.constructor as new (length: number) => T)(column.length * 2);
  next.set(column);
  return next;
}

/**
 * Orders as parallel columns: owner customer, latest line day, (in `net`) the
 * exact net sum, and a link to the next order of another customer with the
 * same order ID (index + 1; 0 ends the chain).
 */
class OrderTable {
  customer = new Int32Array(64);
  latestDay = new Float64Array(64);
  nextSameId = new Int32Array(64);
  readonly net = new DecimalSums();

  get length(): number {
    return this.net.length;
  }

  /** A new order of customer `ci` dated `day`; returns its index. */
  open(ci: number, day: number): number {
    const oi = this.net.open();
    if (oi === this.customer.length) {
      this.customer = grown(this.customer);
      this.latestDay = grown(this.latestDay);
      this.nextSameId = grown(this.nextSameId);
    }
    this.customer[oi] = ci;
    this.latestDay[oi] = day;
    return oi;
  }
}

/** whole + micros/1e6 (|micros| < 1e6) in cents, rounded half away from zero. */
export function decimalToCents(wholeUnits: number, microUnits: number): number {
  let whole = wholeUnits;
  let micros = microUnits;
  // Bring both parts to the same sign so the fraction is the true fraction.
  if (whole > 0 && micros < 0) {
    whole -= 1;
    micros += MICROS_PER_UNIT;
  } else if (whole < 0 && micros > 0) {
    whole += 1;
    micros -= MICROS_PER_UNIT;
  }
  const centsInFraction = Math.trunc(micros / MICROS_PER_CENT); // toward zero
  const rest = micros - centsInFraction * MICROS_PER_CENT; // same sign as micros, |rest| < 10000
  let cents = whole * 100 + centsInFraction;
  if (rest >= MICROS_PER_CENT / 2) cents += 1;
  else if (rest <= -MICROS_PER_CENT / 2) cents -= 1;
  return cents;
}

/** The exact decimal sum of amounts, rounded half away from zero to cents (see the file comment). */
export function sumToCents(amounts: readonly number[]): number {
  const sums = new DecimalSums();
  const slot = sums.open();
  for (const amount of amounts) sums.add(slot, amount);
  return sums.cents(slot);
}

/** Cents to currency units: the double nearest to the decimal (cents / 100 is correctly rounded). */
function centsToUnits(cents: number): number {
  return cents / 100;
}

function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function isEmptyValue(value: CarriedValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Per customer state while folding (the spend sum lives in a DecimalSums slot of the same index). */
interface CustomerState {
  readonly id: string;
  readonly sourceRow: number;
  /** Profile being built, and per field the date and row of the value kept (null until a line has one). */
  profile: Partial<Record<FieldKey, CarriedValue>> | null;
  stampDay: Partial<Record<FieldKey, number>> | null;
  stampRow: Partial<Record<FieldKey, number>> | null;
}

/**
 * Day-keyed orders use a numeric map key: customer index * 2^22 + day + 2^20.
 * Day numbers of years 1..9999 lie in -719162..2932896, so day + 2^20 fits in
 * 22 bits, and the key stays below 2^53 for up to 2^31 customers.
 */
const DAY_KEY_SPAN = 4_194_304; // 2^22
const DAY_KEY_OFFSET = 1_048_576; // 2^20
/**
 * An order ID used by several customers: the orders of its first
 * SHARED_ID_CHAIN_MAX customers are chained from the ID's first order (a walk
 * of a few steps, no map); the orders of further customers go to a map keyed
 * by (the ID's first order, customer) as one number: first order * 2^26 +
 * customer index. Both are below the line count, so the key is exact below
 * 2^53 for logs of fewer than 2^26 lines; longer logs fall back to a text key.
 */
const SHARED_ID_CHAIN_MAX = 8;
const SHARED_ID_CUSTOMER_SPAN = 67_108_864; // 2^26

/** Folds order lines into customers (GRADING.md §2). Customers come out in order of first appearance. */
export function aggregateTransactions(lines: readonly TransactionLine[], options: AggregateOptions = {}): AggregateResult {
  const total = lines.length;
  const onProgress = options.onProgress;
  const aggregator = startAggregating();
  for (let li = 0; li < total; li++) {
    aggregator.add(lines[li] as TransactionLine);
    if (onProgress !== undefined && (li + 1) % PROGRESS_EVERY === 0) onProgress(li + 1, total);
  }
  const result = aggregator.finish();
  onProgress?.(total, total);
  return result;
}

/** Folds order lines one at a time (GRADING.md §2): only per-customer and per-order state is kept, never the lines. */
export interface TransactionAggregator {
  add(line: TransactionLine): void;
  finish(): AggregateResult;
}

/** The incremental form of aggregateTransactions, for logs read as a stream (issue 10): the same result, line for line. */
export function startAggregating(): TransactionAggregator {
  // IdIndex, not a Map: one lookup per line that changes customer (see idIndex.ts for why).
  const customerIndex = new IdIndex();
  const customers: CustomerState[] = [];
  const spend = new DecimalSums();
  const orders = new OrderTable();
  const ordersByDay = new Map<number, number>();
  // Order IDs are usually unique per customer: look the ID up alone first, and
  // only when another customer used the same ID fall back to a (first order, customer) key.
  const ordersById = new IdIndex();
  const ordersBySharedId = new Map<number | string, number>();
  // The previous line's lookups: logs list an order's lines (and a customer's orders) together,
  // so most lines repeat them. Caching a lookup's result changes no result.
  let previousCustomerId: string | null = null;
  let previousCustomer = -1;
  let previousOrderId: string | null = null;
  let previousOrderDay = Number.NaN;
  let previousOrderCustomer = -1;
  let previousOrder = -1;

  const add = (line: TransactionLine): void => {
    const day = line.day;
    const amount = line.amount;
    if (!Number.isFinite(amount) || !Number.isFinite(day)) {
      throw new GradingError('non-finite-value', `Order line at row ${line.sourceRow} has a non-finite amount or date`);
    }
    let customerId = line.customerId;
    let ci: number;
    if (customerId === previousCustomerId) {
      ci = previousCustomer;
    } else {
      const known = customerIndex.get(customerId);
      if (known === undefined) {
        ci = customers.length;
        customerId = detachedText(customerId);
        customerIndex.set(customerId, ci);
        customers.push({ id: customerId, sourceRow: line.sourceRow, profile: null, stampDay: null, stampRow: null });
        spend.open();
      } else {
        ci = known;
      }
      previousCustomerId = customerId;
      previousCustomer = ci;
    }
    spend.add(ci, amount);

    let oi: number;
    const orderId = line.orderId;
    if (ci === previousOrderCustomer && orderId === previousOrderId && (orderId !== null || day === previousOrderDay)) {
      oi = previousOrder;
    } else if (orderId === null) {
      const key = ci * DAY_KEY_SPAN + day + DAY_KEY_OFFSET;
      const known = ordersByDay.get(key);
      if (known === undefined) {
        oi = orders.open(ci, day);
        ordersByDay.set(key, oi);
      } else {
        oi = known;
      }
    } else {
      const first = ordersById.get(orderId);
      if (first === undefined) {
        oi = orders.open(ci, day);
        ordersById.set(detachedText(orderId), oi);
      } else if (orders.customer[first] === ci) {
        oi = first;
      } else {
        // Walk the chain of this ID's orders (one per customer, first customers only).
        let node = first;
        let length = 1;
        let found = -1;
        for (;;) {
          const next = (orders.nextSameId[node] as number) - 1;
          if (next < 0) break;
          node = next;
          length++;
          if (orders.customer[node] === ci) {
            found = node;
            break;
          }
        }
        if (found >= 0) {
          oi = found;
        } else if (length < SHARED_ID_CHAIN_MAX) {
          oi = orders.open(ci, day);
          orders.nextSameId[node] = oi + 1;
        } else {
          // Exact as a number while both parts are below 2^26 (decided per pair, so one pair always gets one kind of key).
          const key = first < SHARED_ID_CUSTOMER_SPAN && ci < SHARED_ID_CUSTOMER_SPAN ? first * SHARED_ID_CUSTOMER_SPAN + ci : `${ci}\u0000${orderId}`;
          const known = ordersBySharedId.get(key);
          if (known === undefined) {
            oi = orders.open(ci, day);
            ordersBySharedId.set(key, oi);
          } else {
            oi = known;
          }
        }
      }
    }
    previousOrderCustomer = ci;
    previousOrderId = orderId;
    previousOrderDay = day;
    previousOrder = oi;
    const latestDay = orders.latestDay;
    if (day > (latestDay[oi] as number)) latestDay[oi] = day;
    orders.net.add(oi, amount);

    // Profile: the latest non-empty value by date wins; on the same date, the later row.
    for (const field in line.profile) {
      const customer = customers[ci] as CustomerState;
      const key = field as FieldKey;
      const value = line.profile[key];
      if (isEmptyValue(value)) continue;
      customer.profile ??= {};
      customer.stampDay ??= {};
      customer.stampRow ??= {};
      const keptDay = customer.stampDay[key];
      if (keptDay === undefined || day > keptDay || (day === keptDay && line.sourceRow > (customer.stampRow[key] as number))) {
        customer.profile[key] = typeof value === 'string' ? detachedText(value) : (value as CarriedValue);
        customer.stampDay[key] = day;
        customer.stampRow[key] = line.sourceRow;
      }
    }
  };

  const finish = (): AggregateResult => {
    // Purchases: orders with a net above zero cents.
    const frequency = new Float64Array(customers.length);
    const firstPurchase = new Float64Array(customers.length).fill(Number.POSITIVE_INFINITY);
    const lastPurchase = new Float64Array(customers.length).fill(Number.NEGATIVE_INFINITY);
    const purchaseNetCents = new Float64Array(orders.length); // 0: not a purchase
    for (let oi = 0; oi < orders.length; oi++) {
      const netCents = orders.net.cents(oi);
      if (netCents <= 0) continue;
      purchaseNetCents[oi] = netCents;
      const ci = orders.customer[oi] as number;
      const day = orders.latestDay[oi] as number;
      frequency[ci] = (frequency[ci] as number) + 1;
      if (day < (firstPurchase[ci] as number)) firstPurchase[ci] = day;
      if (day > (lastPurchase[ci] as number)) lastPurchase[ci] = day;
    }

    const issues: Issue[] = [];
    const records: CustomerRecord[] = customers.map((customer, ci) => {
      const spendCents = spend.cents(ci);
      if (spendCents < 0) issues.push(gradingIssue('negative-spend', 'warning', customer.sourceRow, null, formatCents(spendCents)));
      const purchases = frequency[ci] as number;
      const profile = customer.profile ?? {};
      const override = profile.tierOverride;
      return {
        id: customer.id,
        sourceRow: customer.sourceRow,
        firstPurchase: purchases > 0 ? (firstPurchase[ci] as DayNumber) : null,
        lastPurchase: purchases > 0 ? (lastPurchase[ci] as DayNumber) : null,
        frequency: purchases,
        monetary: centsToUnits(Math.max(0, spendCents)),
        tierOverride: override === undefined || override === null ? null : String(override),
        profile,
        carried: NO_CARRIED,
      };
    });
    // Prediction (issue 9): each customer's purchase days and their nets, kept as typed arrays.
    const purchaseHistory = buildPurchaseHistory(customers.length, orders.length, orders.customer, orders.latestDay, purchaseNetCents);
    return { records, issues, purchaseHistory, indexById: customerIndex };
  };
  return { add, finish };
}
