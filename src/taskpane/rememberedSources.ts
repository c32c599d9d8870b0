/**
 * Reads back the sources a joined build remembered on the Settings sheet
 * (src/plan/sourcesBlock.ts): the order-log sheet and the customer-archive
 * sheet, through the defined names that point at them. Two syncs: the
 * names, then the cells of those that exist.
 */
import { SOURCE_NAMES, type JoinSources } from '../plan/sourcesBlock';
import type { ExcelRun } from './workbookGateway';
import { sheetOfAddress } from '../renderers/excel/readSettings';

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

/**
 * After a build from one source: forgets what an earlier joined build
 * remembered, so the remembered sources are exactly the last build's and a
 * later Rebuild does not join again. The two names are deleted; the block's
 * cells (heading, note, the two rows) on the Settings sheet are cleared where
 * they lie below `settings.rows`, the rows the build just wrote there, unless
 * the sheet is protected (then they stay as text: without the names nothing
 * reads them). Four syncs when something is remembered, one otherwise.
 */
export async function forgetRememberedSources(run: ExcelRun, settings: { readonly sheet: string; readonly rows: number }): Promise<void> {
  await run(async (context) => {
    const names = (['orders', 'archive'] as const).map((key) => {
      const name = context.workbook.names.getItemOrNullObject(SOURCE_NAMES[key]);
      name.load('name');
      return name;
    });
    await context.sync();
    const present = names.filter((name) => !name.isNullObject);
    if (present.length === 0) return;
    const ranges = present.map((name) => {
      const range = name.getRangeOrNullObject();
      range.load(['rowIndex', 'address']);
      return range;
    });
    const sheet = context.workbook.worksheets.getItemOrNullObject(settings.sheet);
    sheet.load('name');
    await context.sync();
    const protection = sheet.isNullObject ? null : sheet.protection.load('protected');
    if (protection) await context.sync();
    const onSettings = ranges.filter((range) => !range.isNullObject && sheetOfAddress(range.address)?.toLowerCase() === settings.sheet.toLowerCase());
    if (protection && !protection.protected && onSettings.length > 0) {
      const rows = onSettings.map((range) => range.rowIndex);
      // The heading and the note sit two rows above the first source row (src/plan/sourcesBlock.ts).
      const firstRow = Math.max(settings.rows, Math.min(...rows) - 2);
      const lastRow = Math.max(...rows);
      if (lastRow >= firstRow) sheet.getRangeByIndexes(firstRow, 0, lastRow - firstRow + 1, 2).clear('All');
    }
    for (const name of present) name.delete();
    await context.sync();
  });
}
