/**
 * Seeded synthetic data for benchmarks: customer records shaped like a real
 * CRM export (skewed order counts and spend, ~8% prospects, purchases over
 * two years) and order-log CSV text shaped like the UCI Online Retail file.
 */
import { dayFromYmd, formatIsoDay, type DayNumber } from '../src/domain/dates';
import type { CustomerRecord } from '../src/domain/types';
import { mulberry32 } from '../tests/fixtures/parity/datasets';

/** The seeded PRNG the parity fixtures use (mulberry32), so benchmark data is the same on every run. */
export const seededRandom = mulberry32;

const START: DayNumber = dayFromYmd(2023, 1, 1);
const SPAN_DAYS = 730;

export function syntheticCustomers(n: number, seed = 42): CustomerRecord[] {
  const random = seededRandom(seed);
  const out: CustomerRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const prospect = random() < 0.08;
    // Geometric-ish order counts: most customers buy once or twice.
    const frequency = prospect ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 3);
    const first = (START + Math.floor(random() * SPAN_DAYS)) as DayNumber;
    const last = (first + Math.floor(random() * (START + SPAN_DAYS - first))) as DayNumber;
    // Log-normal-ish spend in cents.
    const monetary = prospect ? 0 : Math.round(Math.exp(4 + random() * 4 + random() * 2) * frequency) / 100;
    out[i] = {
      id: `C${String(i + 1).padStart(7, '0')}`,
      sourceRow: i + 2,
      firstPurchase: prospect ? null : first,
      lastPurchase: prospect ? null : last,
      frequency,
      monetary,
      tierOverride: null,
      profile: {},
      carried: {},
    };
  }
  return out;
}

/** An order log as CSV text: `InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice`, ~2% refund lines. */
export function syntheticOrderLogCsv(lines: number, customers: number, seed = 7): string {
  const random = seededRandom(seed);
  const parts: string[] = ['InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice'];
  let invoice = 500000;
  for (let i = 0; i < lines; i++) {
    if (random() < 0.35) invoice++; // several lines share an invoice
    const customer = 10000 + Math.floor(Math.pow(random(), 1.5) * customers);
    const day = (START + Math.floor(random() * SPAN_DAYS)) as DayNumber;
    const refund = random() < 0.02;
    const quantity = (refund ? -1 : 1) * (1 + Math.floor(random() * 12));
    const price = (Math.floor(random() * 2000) + 10) / 100;
    const hour = 8 + Math.floor(random() * 10);
    const minute = Math.floor(random() * 60);
    parts.push(`${refund ? 'C' : ''}${invoice},${formatIsoDay(day)} ${hour}:${String(minute).padStart(2, '0')},${customer},${quantity},${price.toFixed(2)}`);
  }
  return parts.join('\n');
}
