/**
 * Part of the Office.js renderer (see ../applyPlan.ts): round trip 3, read —
 * the existing table's input and carried columns, one sync per block of
 * rows (only on a rebuild), for the merge (src/plan/merge.ts).
 */
import type { Localized } from '../../../i18n/locale';
import type { TableMergeError } from '../../../plan/merge';
import type { TablePlan } from '../../../plan/types';
import { estimatePlannedRowBytes, runsOf, type ExistingTableInfo } from './table';

export interface ReadExistingRowsOptions {
  readonly sheet: () => Excel.Worksheet;
  readonly table: ExistingTableInfo;
  readonly tablePlan: TablePlan;
  readonly maxRows: number;
  /** Bytes a response may use (the request budget). */
  readonly budget: number;
  readonly sync: () => Promise<void>;
  /** Before each read batch is queued (the cancellation check). */
  readonly beforeBatch: () => void;
  /** Once the blocks are cut, before the first read: the reads expected and the rows per block. */
  readonly planned: (expectedReads: number, readRows: number) => void;
}

/** The existing rows (null in the columns not read) and the read blocks (syncs) it took. */
export async function readExistingRows(o: ReadExistingRowsOptions): Promise<{ rows: unknown[][]; blocks: number }> {
  const { table: existing, tablePlan, maxRows } = o;
  let readBlocks = 0;
  const planRoleByHeader = new Map(tablePlan.columns.map((c) => [c.header.toLowerCase(), c.role]));
  const readColumns = existing.headers
    .map((h, i) => ({ i, role: planRoleByHeader.get(h.toLowerCase()) }))
    .filter((c) => c.role === 'input' || c.role === 'carried')
    .map((c) => c.i);
  const existingRows = Array.from({ length: existing.bodyRows }, () => new Array<unknown>(existing.headers.length).fill(null));
  // Response size: estimate from the planned rows' size, doubled for safety.
  const plannedBytes = tablePlan.rows.length === 0 ? 64 : estimatePlannedRowBytes(tablePlan) * 2;
  const readRows = Math.max(1, Math.min(maxRows, Math.floor(o.budget / Math.max(64, plannedBytes))));
  const runs = runsOf(readColumns);
  const expectedReads = runs.length === 0 ? 0 : Math.ceil(existing.bodyRows / readRows);
  o.planned(expectedReads, readRows);
  const table = existing;
  for (let start = 0; runs.length > 0 && start < table.bodyRows; start += readRows) {
    o.beforeBatch();
    const count = Math.min(readRows, table.bodyRows - start);
    const sheet = o.sheet();
    const ranges = runs.map(([c0, c1]) => ({
      c0,
      range: sheet.getRangeByIndexes(table.headerRow + 1 + start, table.firstColumn + c0, count, c1 - c0 + 1).load('values'),
    }));
    await o.sync();
    readBlocks += 1;
    for (const { c0, range } of ranges) {
      range.values.forEach((row, r) => {
        const target = existingRows[start + r];
        if (target) row.forEach((v, k) => (target[c0 + k] = v));
      });
    }
  }
  return { rows: existingRows, blocks: readBlocks };
}

/** The `cannotMerge` failure's detail for a merge that threw {@link TableMergeError}. */
export function cannotMergeDetail(error: TableMergeError, tablePlan: TablePlan): Localized {
  return error.code === 'keyColumnMissing'
    ? {
        en: `The existing ${tablePlan.name} table has no column "${tablePlan.keyColumn}" to match customers by (was it built in another language, or the header renamed?). Restore the header or build in the same language.`,
        zh: `现有的 ${tablePlan.name} 表格中没有用于匹配客户的列"${tablePlan.keyColumn}"（是否以另一种语言生成，或改了列名？）。请恢复列名或使用相同语言生成。`,
      }
    : { en: `The customer rows cannot be merged: ${error.message}`, zh: `无法合并客户行：${error.message}` };
}
