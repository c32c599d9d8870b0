/**
 * Regression: exceljs 4.4 threw "Cannot set properties of undefined (setting
 * 'filterButton')" when loading a workbook whose table has a calculated
 * column — every Tierwise workbook, and many users' own tables. This file
 * imports only the reader (each Jest file has its own module registry), so
 * exceljs is exactly as the CLI's reader finds it.
 *
 * Fixture: a Tierwise workbook of 3 customers, written by the .xlsx renderer
 * (zh-CN, as of 2024-07-01).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readInputFile } from '../../../src/io/readFile';
import { readRecords } from '../../../src/domain/import';

describe('reading a workbook whose table has calculated columns', () => {
  it('reads the Customers table of a Tierwise workbook back', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures/io/tierwise-graded-zh.xlsx')));
    const read = await readInputFile(bytes, 'graded.xlsx', {});
    expect(read.sheetNames).toEqual(expect.arrayContaining(['客户档案', '设置']));
    expect(read.sheetName).toBe('客户档案');
    const result = readRecords(read.grid, { kind: 'customers' });
    if (result.kind !== 'customers') throw new Error('expected a customer list');
    expect(result.records.map((r) => [r.id, r.frequency, r.monetary])).toEqual([
      ['000123', 12, 58000],
      ['000124', 3, 12000],
      ['000125', 1, 980],
    ]);
  });
});
