/**
 * Order logs for the prediction summary's tests (issue 9): the committed
 * CDNOW sample, with a name and an owner per customer, and (`withTwins`)
 * copies of some customers under new IDs, so the call-first list holds
 * customers with exactly equal CLVs (ties).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RawGrid } from '../../src/domain/types';

const SAMPLE = path.resolve(__dirname, '../fixtures/prediction/CDNOW_sample.txt');
const OWNERS = ['张伟', 'Li Na', 'Wang'] as const;

/** The CDNOW sample as an order log; `twins` = customer numbers copied under a `T` prefix (same dates and amounts). */
export function cdnowLog(twins: readonly number[] = []): RawGrid {
  const lines = readFileSync(SAMPLE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/) as [string, string, string, string, string];
      return { n: Number(id), date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, dollars };
    });
  const row = (prefix: string, n: number, date: string, dollars: string): string[] => [
    `${prefix}${String(n).padStart(4, '0')}`,
    // Every seventh customer has no name: the list must show an empty name, not 0.
    n % 7 === 0 ? '' : `${prefix === 'C' ? 'Customer' : 'Twin'} ${n}`,
    OWNERS[n % OWNERS.length] as string,
    date,
    dollars,
  ];
  const twinSet = new Set(twins);
  return [
    ['Customer ID', 'Name', 'Owner', 'Order Date', 'Amount'],
    ...lines.map((l) => row('C', l.n, l.date, l.dollars)),
    ...lines.filter((l) => twinSet.has(l.n)).map((l) => row('T', l.n, l.date, l.dollars)),
  ];
}
