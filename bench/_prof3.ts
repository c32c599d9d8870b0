import Papa from 'papaparse';
import { syntheticOrderLogCsv } from './synthetic';
import { syntheticArchiveGrid } from './join';
import { readRecords } from '../src/domain/import';
import { aggregateTransactions } from '../src/domain/grading';
import { joinCustomers } from '../src/domain/join';
import type { RawGrid } from '../src/domain/types';
const logGrid = Papa.parse<string[]>(syntheticOrderLogCsv(500000, 100000), { skipEmptyLines: true }).data as RawGrid;
const imp: any = readRecords(logGrid);
const agg = aggregateTransactions(imp.lines);
const arch: any = readRecords(syntheticArchiveGrid(100000), { kind: 'customers', role: 'archive' });
for (let k = 0; k < 3; k++) {
  joinCustomers({ archive: arch.records, orders: agg.records, archiveIdColumn: 'a', ordersIdColumn: 'b' });
}
