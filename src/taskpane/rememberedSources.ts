/**
 * Reads back the sources a joined build remembered on the Settings sheet
 * (src/plan/sourcesBlock.ts): the order-log sheet and the customer-archive
 * sheet, through the defined names that point at them. Two syncs: the
 * names, then the cells of those that exist.
 */
import { SOURCE_NAMES, type JoinSources } from '../plan/sourcesBlock';
import type { ExcelRun } from './workbookGateway';

/** The remembered sheets, or null when the workbook has none (one-source builds, or no Tierwise sheets). */
export async function readRememberedSources(run: ExcelRun): Promise<JoinSources | null> {
  return run(async (context) => {
    const names = (['orders', 'archive'] as const).map((key) => {
      const name = context.workbook.names.getItemOrNullObject(SOURCE_NAMES[key]);
      name.load('name');
      return name;
    });
    await context.sync();
    if (names.some((name) => name.isNullObject)) return null;
    const ranges = names.map((name) => {
      const range = name.getRangeOrNullObject();
      range.load('values');
      return range;
    });
    await context.sync();
    const [orders, archive] = ranges.map((range) => {
      if (range.isNullObject) return '';
      const value: unknown = range.values[0]?.[0];
      return typeof value === 'string' ? value.trim() : '';
    });
    return orders && archive ? { orders, archive } : null;
  });
}
