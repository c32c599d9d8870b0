import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { keyOfValue, mergeTableRows, TableMergeError, type ExistingTable, type MergedCell } from '../../../src/plan/merge';
import type { TablePlan } from '../../../src/plan/types';
import { makeSamplePlan, SAMPLE_COLUMNS } from './samplePlan';

const HEADERS = SAMPLE_COLUMNS.map((c) => c.header);
const col = (header: string): number => HEADERS.indexOf(header);

function tableOf(options: Parameters<typeof makeSamplePlan>[0]): TablePlan {
  const table = makeSamplePlan(options).tables[0];
  if (!table) throw new Error('sample plan without table');
  return table;
}

/** An existing table as Excel would return it after a first build of `ids`, with notes typed by the user. */
function existingOf(ids: readonly string[], notes: Record<string, string> = {}, extraHeader?: string): ExistingTable {
  const headers = extraHeader ? [...HEADERS, extraHeader] : [...HEADERS];
  return {
    headers,
    rows: ids.map((id) => {
      const row: unknown[] = headers.map(() => '');
      row[col('Customer ID')] = id;
      row[col('Name')] = `old ${id}`;
      row[col('Notes')] = notes[id] ?? '';
      if (extraHeader) row[headers.length - 1] = `mine ${id}`;
      return row;
    }),
  };
}

const written = (cell: MergedCell | undefined): unknown => (cell?.kind === 'write' ? cell.value : cell?.kind);

describe('mergeTableRows', () => {
  test('first build: every planned row is appended, computed cells are filled by formulas', () => {
    const merge = mergeTableRows(null, tableOf({ customers: 3 }));
    expect(merge.counts).toEqual({ updated: 0, appended: 3, notInSource: 0, unkeyed: 0 });
    expect(merge.headers).toEqual(HEADERS);
    expect(merge.rows[0]?.cells[col('R')]).toEqual({ kind: 'formula' });
    expect(written(merge.rows[0]?.cells[col('Customer ID')])).toEqual({ kind: 'text', text: 'C000000' });
  });

  test('rebuild: matched rows take new inputs, keep user-entry cells and user columns; new customers are appended; gone customers are kept', () => {
    const existing = existingOf(['C000000', 'C000001', 'C000009'], { C000001: 'call back' }, 'My column');
    const merge = mergeTableRows(existing, tableOf({ indexes: [1, 0, 5], version: 2 }));
    expect(merge.counts).toEqual({ updated: 2, appended: 1, notInSource: 1, unkeyed: 0 });
    expect(merge.userHeaders).toEqual(['My column']);
    expect(merge.rows.map((r) => [r.key, r.origin])).toEqual([
      ['C000000', 'updated'],
      ['C000001', 'updated'],
      ['C000009', 'notInSource'],
      ['C000005', 'appended'],
    ]);
    const updated = merge.rows[1];
    expect(written(updated?.cells[col('Name')])).toEqual({ kind: 'text', text: '=HYPERLINK("http://x")' });
    expect(updated?.cells[col('Notes')]).toEqual({ kind: 'keep' });
    expect(updated?.cells[HEADERS.length]).toEqual({ kind: 'keep' });
    const gone = merge.rows[2];
    expect(written(gone?.cells[col('Name')])).toEqual({ kind: 'text', text: 'old C000009' });
    expect(merge.notInSourceKeys).toEqual(['C000009']);
    const appended = merge.rows[3];
    expect(written(appended?.cells[HEADERS.length])).toBeNull();
  });

  test('keys match as trimmed text: the number 123 and the text " 123 " are one customer', () => {
    expect(keyOfValue(123)).toBe('123');
    expect(keyOfValue({ kind: 'text', text: ' 123 ' })).toBe('123');
    expect(keyOfValue('')).toBeNull();
  });

  test('rows without a key and repeated keys are kept untouched, never matched twice', () => {
    const existing = existingOf(['C000000', '', 'C000000']);
    const merge = mergeTableRows(existing, tableOf({ customers: 1 }));
    expect(merge.rows.map((r) => r.origin)).toEqual(['updated', 'unkeyed', 'unkeyed']);
    expect(merge.counts.appended).toBe(0);
  });

  test('a plan column missing from the table is appended; headers match ignoring case', () => {
    const existing: ExistingTable = {
      headers: HEADERS.filter((h) => h !== 'Phone').map((h) => (h === 'Name' ? 'NAME' : h)),
      rows: [HEADERS.filter((h) => h !== 'Phone').map((h) => (h === 'Customer ID' ? 'C000000' : ''))],
    };
    const merge = mergeTableRows(existing, tableOf({ customers: 1 }));
    expect(merge.addedHeaders).toEqual(['Phone']);
    expect(merge.headers[merge.headers.length - 1]).toBe('Phone');
    expect(merge.userHeaders).toEqual([]);
    expect(written(merge.rows[0]?.cells[merge.headers.length - 1])).toEqual({ kind: 'text', text: '013800000000' });
  });

  test.each([
    ['keyColumnMissing', () => mergeTableRows({ headers: ['客户编号'], rows: [] }, tableOf({ customers: 1 }))],
    [
      'duplicatePlanKey',
      () => {
        const t = tableOf({ customers: 1 });
        mergeTableRows(null, { ...t, rows: [...t.rows, ...t.rows] });
      },
    ],
    [
      'planRowWithoutKey',
      () => {
        const t = tableOf({ customers: 1 });
        mergeTableRows(null, { ...t, rows: [t.rows[0]?.map((v, i) => (i === 0 ? null : v)) ?? []] });
      },
    ],
  ])('refuses to merge: %s', (code, run) => {
    expect(run).toThrow(TableMergeError);
    expect(run).toThrow(expect.objectContaining({ code }));
  });

  test('property: a merge never drops or duplicates a customer, and keeps every user note', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }),
        (before, after) => {
          const ids = before.map((i) => `C${String(i).padStart(6, '0')}`);
          const notes = Object.fromEntries(ids.map((id) => [id, `note ${id}`]));
          const merge = mergeTableRows(existingOf(ids, notes), tableOf({ indexes: after }));
          const keys = merge.rows.map((r) => r.key);
          const expected = new Set([...ids, ...after.map((i) => `C${String(i).padStart(6, '0')}`)]);
          expect(new Set(keys)).toEqual(expected);
          expect(keys).toHaveLength(expected.size);
          // Existing rows keep their positions; their notes are never written.
          merge.rows.slice(0, ids.length).forEach((row, i) => {
            expect(row.existingIndex).toBe(i);
            expect(row.cells[col('Notes')]).toEqual({ kind: 'keep' });
          });
        },
      ),
    );
  });
});
