/** Reads the committed CDNOW summaries (tests/fixtures/prediction, weeks). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface CdnowRow {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly zbar: number;
}

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'prediction');

function rows(file: string): string[][] {
  return readFileSync(path.join(DIR, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

/** cdnow_customers_summary_with_transactions.csv: x, t_x, T, zbar per customer. */
export function cdnowWithSpend(): CdnowRow[] {
  return rows('cdnow_customers_summary_with_transactions.csv').map((f) => ({ x: Number(f[1]), tx: Number(f[2]), T: Number(f[3]), zbar: Number(f[4]) }));
}

/** cdnow_customers_summary.csv: frequency, recency, T per customer (zbar unknown: NaN). */
export function cdnowSummary(): CdnowRow[] {
  return rows('cdnow_customers_summary.csv').map((f) => ({ x: Number(f[1]), tx: Number(f[2]), T: Number(f[3]), zbar: Number.NaN }));
}
