/**
 * Reads the grading settings back from the open workbook's Settings sheet
 * (the defined names buildPlan writes), so the pane starts from what the
 * user typed in the sheet and a rebuild does not overwrite it.
 *
 * Round trips: one `context.sync()` loads every name's range (values,
 * formulas, address) through `names.getItemOrNullObject(name)
 * .getRangeOrNullObject()`, which is safe when a name is missing. A second
 * sync runs only when the as-of cell holds a date rather than `=TODAY()`: it
 * reads the note beside the cell, which says whether the plan wrote that date
 * for "auto" or "fixed" (the note's address is known only after the first
 * sync, and a derived range of a missing name would fail the whole batch).
 */
import type { DayNumber } from '../../domain/dates';
import type { GradingSettings } from '../../domain/settings';
import type { Locale } from '../../i18n/locale';
import {
  AS_OF_NOTE_KEY,
  AS_OF_NOTE_OFFSET,
  SETTINGS_SOURCE_NAMES,
  settingsFromSheetValues,
  type SettingsProblem,
} from '../../plan/settingsFromSheet';
import { SHEET_NAMES } from '../../plan/strings';
import { tierColours, type TierColour } from '../../plan/parts/common';

export interface WorkbookSettings {
  readonly settings: GradingSettings;
  readonly problems: readonly SettingsProblem[];
  /** The Settings sheet's name as found (`Settings` or `设置`). */
  readonly sheetName: string;
  /** The language the sheet was written in (from its name). */
  readonly locale: Locale;
}

export interface ReadSettingsOptions {
  /** The day auto mode would give for the current data, when known (see settingsFromSheet.ts). */
  readonly autoAsOfDay?: DayNumber | null;
}

/** `'My sheet'!B4:E4` -> `My sheet`; null when the address has no sheet part. */
export function sheetOfAddress(address: string): string | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  const raw = address.slice(0, bang);
  return raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

/**
 * The settings held by the workbook's Tierwise Settings sheet, starting from
 * `base` for what the sheet does not hold (tier rule kinds, the other
 * language's segment labels) or holds unreadably (listed in `problems`).
 * Null when the workbook has no Tierwise Settings sheet (no `AsOfDate` name
 * on a sheet named Settings / 设置).
 */
export async function readSettings(
  context: Excel.RequestContext,
  base: GradingSettings,
  options: ReadSettingsOptions = {},
): Promise<WorkbookSettings | null> {
  const ranges = SETTINGS_SOURCE_NAMES.map((name) => {
    const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
    range.load(['values', 'formulas', 'address']);
    return { name, range };
  });
  await context.sync();

  const values = new Map<string, unknown[][]>();
  const formulas = new Map<string, unknown[][]>();
  const addresses = new Map<string, string>();
  let asOfRange: Excel.Range | null = null;
  let sheetName: string | null = null;
  for (const { name, range } of ranges) {
    if (range.isNullObject) continue;
    const sheet = sheetOfAddress(range.address);
    if (name === 'AsOfDate') {
      asOfRange = range;
      sheetName = sheet;
    }
    values.set(name, range.values);
    formulas.set(name, range.formulas);
    addresses.set(name, range.address);
  }
  if (asOfRange === null || sheetName === null) return null;
  const locale: Locale | null = sheetName === SHEET_NAMES.settings.zh ? 'zh-CN' : sheetName === SHEET_NAMES.settings.en ? 'en' : null;
  if (locale === null) return null;

  const asOfFormula = formulas.get('AsOfDate')?.[0]?.[0];
  if (typeof asOfFormula !== 'string' || !asOfFormula.startsWith('=')) {
    const note = asOfRange.getOffsetRange(AS_OF_NOTE_OFFSET.rows, AS_OF_NOTE_OFFSET.columns);
    note.load('values');
    await context.sync();
    values.set(AS_OF_NOTE_KEY, note.values);
  }

  const read = settingsFromSheetValues(values, formulas, base, { locale, autoAsOfDay: options.autoAsOfDay ?? null, addresses });
  return { settings: read.settings, problems: read.problems, sheetName, locale };
}

/**
 * The tier colours the workbook's Settings sheet holds now (tier key and
 * `#RRGGBB`, in tier order; a cell that is not a colour keeps `base`'s, and
 * is listed in `problems`), for the parts that colour by tier on a refresh
 * (summary, charts) without rebuilding the table. Null without a Tierwise
 * Settings sheet. The same one or two syncs as {@link readSettings}.
 */
export async function readTierColours(
  context: Excel.RequestContext,
  base: GradingSettings,
): Promise<{ readonly colours: readonly TierColour[]; readonly problems: readonly SettingsProblem[] } | null> {
  const read = await readSettings(context, base);
  if (read === null) return null;
  return { colours: tierColours(read.settings.tiers), problems: read.problems.filter((p) => p.name === 'TierColors') };
}
