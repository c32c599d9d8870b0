import { describe, expect, it } from '@jest/globals';
import type { RawCell } from '../../../src/domain/types';
import { readRecords } from '../../../src/domain/import';

/**
 * A timing check, not a timing assertion: the figure is printed for the
 * benchmark notes. The assertions check the work was actually done.
 */
describe('500k-line transaction log', () => {
  it('imports through readRecords and reports the time', () => {
    const LINES = 500_000;
    const grid: RawCell[][] = [['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']];
    for (let i = 0; i < LINES; i++) {
      const month = (i % 12) + 1;
      const dayOfMonth = (i % 28) + 1;
      grid.push([
        String(536365 + Math.floor(i / 4)),
        `SKU${i % 997}`,
        String((i % 7) + 1),
        `2011-${month}-${dayOfMonth} ${i % 24}:${String(i % 60).padStart(2, '0')}`,
        `${(i % 50) + 0.55}`,
        i % 101 === 0 ? '' : String(12346 + (i % 4000)),
        i % 3 === 0 ? 'United Kingdom' : 'France',
      ]);
    }
    let progressCalls = 0;
    const started = performance.now();
    const result = readRecords(grid, {}, () => progressCalls++);
    const ms = performance.now() - started;
    console.log(`readRecords: ${LINES.toLocaleString('en-US')} log lines in ${ms.toFixed(0)} ms`);
    if (result.kind !== 'transactions') throw new Error('expected transactions');
    const missing = Math.ceil(LINES / 101);
    expect(result.lines).toHaveLength(LINES - missing);
    expect(result.report.skippedByCode).toEqual({ 'missing-customer-id': missing });
    expect(result.report.issues).toHaveLength(1_000);
    expect(progressCalls).toBe(51);
  });
});
