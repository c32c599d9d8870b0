/**
 * Reads back the sources a joined build remembered on the Settings sheet
 * (src/plan/sourcesBlock.ts): the order-log sheet and the customer-archive
 * sheet, each with the range on it when it was not the whole sheet, through the defined names that point at them. Two syncs: the
 * names, then the cells of those that exist.
 */
import { SOURCE_NAMES, type JoinSources } from '../plan/sourcesBlock';
import type { ExcelRun } from './workbookGateway';
import { sheetOfAddress } from '../renderers/excel/readSettings';
import type { Localized } from '../i18n/locale';
import { STRINGS, fillTemplate } from '../i18n/strings';
import type { PaneError } from './errors';
import { locationLabel, parseTypedSource, type SourceLocation } from './sourceRange';

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
    // B is the sheet, C the range on it (empty: the whole sheet); a workbook built before ranges has only B.
    const cell = (range: Excel.Range, column: number): string => {
      if (range.isNullObject) return '';
      const value: unknown = range.values[0]?.[column];
      return typeof value === 'string' ? value.trim() : '';
    };
    const [ordersRange, archiveRange] = ranges as [Excel.Range, Excel.Range];
    const orders = cell(ordersRange, 0);
    const archive = cell(archiveRange, 0);
    return orders && archive ? { orders, archive, ordersRange: cell(ordersRange, 1) || null, archiveRange: cell(archiveRange, 1) || null } : null;
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
      // Three columns: label, sheet, range.
      if (lastRow >= firstRow) sheet.getRangeByIndexes(firstRow, 0, lastRow - firstRow + 1, 3).clear('All');
    }
    for (const name of present) name.delete();
    await context.sync();
  });
}

/** Where each remembered source lies. */
export function rememberedLocations(sources: JoinSources): { readonly orders: SourceLocation; readonly archive: SourceLocation } {
  return {
    orders: { sheet: sources.orders, address: sources.ordersRange ?? null },
    archive: { sheet: sources.archive, address: sources.archiveRange ?? null },
  };
}

/**
 * Why the remembered sources cannot be read again, or null when they can:
 * a source's sheet was renamed or deleted, or its range (typed on the
 * Settings sheet) is not one a source can be. Rebuild then refuses rather
 * than read something else; the user picks the sources again.
 */
export function rememberedSourcesProblem(sources: JoinSources, sheetNames: readonly string[]): PaneError | null {
  const locations = rememberedLocations(sources);
  for (const key of ['orders', 'archive'] as const) {
    const location = locations[key];
    const source = key === 'orders' ? STRINGS.rememberedSourceOrders : STRINGS.rememberedSourceArchive;
    const range = locationLabel(location);
    const details = `remembered ${key} source ${range}; sheets: ${sheetNames.join(', ')}`;
    if (!sheetNames.some((name) => name.toLowerCase() === location.sheet.toLowerCase())) {
      const what: Localized = {
        en: fillTemplate(STRINGS.rememberedSourceGoneWhat.en, { source: source.en, range }),
        zh: fillTemplate(STRINGS.rememberedSourceGoneWhat.zh, { source: source.zh, range }),
      };
      return { what, todo: STRINGS.rememberedSourceGoneDo, note: null, details };
    }
    if (location.address !== null) {
      const checked = parseTypedSource(range, sheetNames);
      if (!checked.ok) return { what: checked.problem, todo: STRINGS.rememberedSourceGoneDo, note: null, details };
    }
  }
  return null;
}
