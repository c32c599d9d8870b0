/** The committed CDNOW 1/10 sample transaction log (tests/fixtures/prediction/CDNOW_sample.txt) as order lines. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import type { TransactionLine } from '../../../src/domain/types';

export function cdnowSampleLines(): TransactionLine[] {
  const text = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'prediction', 'CDNOW_sample.txt'), 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
      const day = dayFromYmd(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8)));
      return { customerId: sampleId, sourceRow: i + 1, day, amount: Number(dollars), orderId: null, profile: {} };
    });
}
