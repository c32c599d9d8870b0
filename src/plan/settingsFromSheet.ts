/**
 * The inverse of the Settings sheet buildPlan writes: reads the grading
 * settings back from the values (and formulas) of the sheet's defined names,
 * so a user's edits in the sheet's yellow input cells survive a rebuild from
 * the pane (issue 3 §4: settings editable in the pane and in the sheet).
 *
 * Pure: the caller (the Office.js reader, a test) supplies the values of each
 * name's range as Office.js returns them (`range.values` / `range.formulas`,
 * 2-D arrays). A value that cannot be read is a problem naming the cell, and
 * that setting keeps the `base` value.
 *
 * As-of mode. The plan writes `=TODAY()` for "today" and a date for "auto"
 * and "fixed", with a note in the cell to the right saying which. The rule:
 * - a `=TODAY()` formula -> today;
 * - a date whose note is the auto note -> auto, unless the caller knows the
 *   day auto would give now (`autoAsOfDay`) and the date differs: then the
 *   user typed a date over it -> fixed at that date;
 * - any other date (fixed note, today note with the formula typed over, note
 *   missing) -> fixed at that date.
 * Tiers: the sheet holds each tier's key, labels, colour and threshold but not
 * its rule kind, so rule kinds come from `base` matched by key; a sheet whose
 * tier keys differ from `base`'s keeps `base`'s tiers (a problem says so).
 */
import type { DayNumber } from '../domain/dates';
import { dayFromExcelSerial, formatIsoDay } from '../domain/dates';
import type { GradingSettings, SegmentDefinition, TierDefinition } from '../domain/settings';
import type { Locale, Localized } from '../i18n/locale';
import { segmentsInFormulaOrder } from './buildPlan';
import { SETTINGS_TEXT, type DefinedNameKey } from './strings';

/** The defined names the reader needs, as buildPlan names them (a renamed name fails to compile here). */
export const SETTINGS_SOURCE_NAMES = [
  'AsOfDate',
  'Quantiles',
  'HighCut',
  'ChurnDays',
  'AtRiskDays',
  'NewDays',
  'TierKeys',
  'TierNames',
  'TierNamesAlt',
  'TierColors',
  'TierThresholds',
  'SegmentNames',
] as const satisfies readonly DefinedNameKey[];

export type SettingsSourceName = (typeof SETTINGS_SOURCE_NAMES)[number];

/**
 * Not a defined name: the key under which a reader passes the note cell
 * beside `AsOfDate` (buildPlan writes it one column to the right), which says
 * which as-of mode the plan wrote.
 */
export const AS_OF_NOTE_KEY = 'AsOfDate:note';
/** Where the as-of note sits relative to the `AsOfDate` cell (rows, columns). */
export const AS_OF_NOTE_OFFSET = { rows: 0, columns: 1 } as const;

export type SheetGridValues = ReadonlyMap<string, readonly (readonly unknown[])[]>;

export interface SettingsProblem {
  /** The defined name (or AS_OF_NOTE_KEY) the value came from. */
  readonly name: string;
  /** The cell, `Settings!B5` when the reader passed addresses, else null. */
  readonly cell: string | null;
  readonly message: Localized;
}

export interface SheetReadOptions {
  /** The language the plan was written in (which labels `TierNames`/`SegmentNames` hold). */
  readonly locale: Locale;
  /** The day auto mode would give for the current data, when known (see the as-of rule above). */
  readonly autoAsOfDay?: DayNumber | null;
  /** Top-left cell of each name's range, `Settings!B5` (A1, as Office.js `range.address` gives it). */
  readonly addresses?: ReadonlyMap<string, string>;
}

export interface SettingsFromSheet {
  readonly settings: GradingSettings;
  readonly problems: readonly SettingsProblem[];
}

/** The cell `rowOffset`/`columnOffset` from the top-left `Sheet!B5` address, in the same form. */
export function offsetAddress(topLeft: string, rowOffset: number, columnOffset: number): string | null {
  const match = /^(.*!)?\$?([A-Za-z]{1,3})\$?(\d+)(:.*)?$/.exec(topLeft);
  if (!match) return null;
  const letters = (match[2] ?? '').toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  column += columnOffset;
  let name = '';
  while (column > 0) {
    const rem = (column - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    column = Math.floor((column - 1) / 26);
  }
  return `${match[1] ?? ''}${name}${Number(match[3]) + rowOffset}`;
}

function describeValue(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '(blank)';
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function settingsFromSheetValues(
  values: SheetGridValues,
  formulas: SheetGridValues,
  base: GradingSettings,
  options: SheetReadOptions,
): SettingsFromSheet {
  const problems: SettingsProblem[] = [];
  const cellOf = (name: string, index: number, across: boolean): string | null => {
    const topLeft = options.addresses?.get(name);
    if (topLeft === undefined) return null;
    return across ? offsetAddress(topLeft, 0, index) : offsetAddress(topLeft, index, 0);
  };
  const where = (name: string, cell: string | null, index: number): Localized =>
    cell !== null ? { en: `cell ${cell} (${name})`, zh: `单元格 ${cell}（${name}）` } : { en: `${name}, item ${index + 1}`, zh: `${name} 第 ${index + 1} 项` };
  const report = (name: string, index: number, across: boolean, why: (at: Localized) => Localized): void => {
    const cell = cellOf(name, index, across);
    problems.push({ name, cell, message: why(where(name, cell, index)) });
  };
  /** The name's cells as one list (a row or a column), or null (reported) when the name was not found. */
  const list = (name: SettingsSourceName, expected: number | null): readonly unknown[] | null => {
    const grid = values.get(name);
    if (grid === undefined) {
      problems.push({
        name,
        cell: null,
        message: {
          en: `The workbook has no name ${name} referring to cells of the Settings sheet; the pane's value is kept.`,
          zh: `工作簿中没有指向“设置”工作表单元格的名称 ${name}，沿用任务窗格中的值。`,
        },
      });
      return null;
    }
    const flat = grid.length === 1 ? [...(grid[0] ?? [])] : grid.map((row) => row[0]);
    if (expected !== null && flat.length !== expected) {
      problems.push({
        name,
        cell: null,
        message: {
          en: `${name} in the Settings sheet has ${flat.length} cells instead of ${expected}; the pane's values are kept.`,
          zh: `“设置”工作表中的 ${name} 有 ${flat.length} 个单元格，应为 ${expected} 个，沿用任务窗格中的值。`,
        },
      });
      return null;
    }
    return flat;
  };
  const across = (name: SettingsSourceName): boolean => (values.get(name)?.length ?? 0) === 1 && (values.get(name)?.[0]?.length ?? 0) > 1;
  const numberAt = (name: SettingsSourceName, cells: readonly unknown[] | null, index: number, fallback: number): number => {
    if (cells === null) return fallback;
    const value = cells[index];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    report(name, index, across(name), (at) => ({
      en: `${at.en} holds "${describeValue(value)}", not a number; the pane's value ${fallback} is kept.`,
      zh: `${at.zh}的内容“${describeValue(value)}”不是数字，沿用任务窗格中的值 ${fallback}。`,
    }));
    return fallback;
  };
  const textAt = (name: SettingsSourceName, cells: readonly unknown[] | null, index: number, fallback: string): string => {
    if (cells === null) return fallback;
    const value = cells[index];
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (text !== '') return text;
    report(name, index, across(name), (at) => ({
      en: `${at.en} is blank; the pane's label "${fallback}" is kept.`,
      zh: `${at.zh}为空，沿用任务窗格中的名称“${fallback}”。`,
    }));
    return fallback;
  };
  const single = (name: SettingsSourceName, fallback: number): number => numberAt(name, list(name, 1), 0, fallback);

  // ---- as-of date -----------------------------------------------------------
  let asOf: GradingSettings['asOf'] = base.asOf;
  const asOfCells = list('AsOfDate', 1);
  if (asOfCells !== null) {
    const formula = formulas.get('AsOfDate')?.[0]?.[0];
    const normalizedFormula = typeof formula === 'string' ? formula.replace(/\s+/g, '').toUpperCase() : '';
    if (normalizedFormula === '=TODAY()') {
      asOf = { mode: 'today' };
    } else {
      const value = asOfCells[0];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 1) {
        // A date cell's value is its serial; a time of day (the fraction) does not move the as-of day.
        const day = dayFromExcelSerial(Math.floor(value));
        const note = values.get(AS_OF_NOTE_KEY)?.[0]?.[0];
        const markedAuto = typeof note === 'string' && (note === SETTINGS_TEXT.asOfAuto.en || note === SETTINGS_TEXT.asOfAuto.zh);
        const autoDay = options.autoAsOfDay ?? null;
        asOf = markedAuto && (autoDay === null || autoDay === day) ? { mode: 'auto' } : { mode: 'fixed', day };
      } else {
        const kept = base.asOf.mode === 'fixed' ? formatIsoDay(base.asOf.day) : base.asOf.mode;
        report('AsOfDate', 0, false, (at) => ({
          en: `${at.en} holds "${describeValue(value)}", not a date; the pane's as-of setting (${kept}) is kept.`,
          zh: `${at.zh}的内容“${describeValue(value)}”不是日期，沿用任务窗格中的截止日设置（${kept}）。`,
        }));
      }
    }
  }

  // ---- quantiles, high cut, lifecycle ------------------------------------------
  const quantileCells = list('Quantiles', 4);
  const quantiles = base.quantiles.map((q, i) => numberAt('Quantiles', quantileCells, i, q)) as unknown as GradingSettings['quantiles'];
  const highScoreCut = single('HighCut', base.highScoreCut);
  const lifecycle: GradingSettings['lifecycle'] = {
    churnedAfterDays: single('ChurnDays', base.lifecycle.churnedAfterDays),
    atRiskAfterDays: single('AtRiskDays', base.lifecycle.atRiskAfterDays),
    newWithinDays: single('NewDays', base.lifecycle.newWithinDays),
  };

  // ---- tiers --------------------------------------------------------------------
  const tierCount = base.tiers.length;
  const keys = list('TierKeys', null);
  let tiers: readonly TierDefinition[] = base.tiers;
  const sheetKeys = keys?.map((k) => (typeof k === 'string' ? k.trim() : describeValue(k))) ?? null;
  if (sheetKeys !== null && (sheetKeys.length !== tierCount || sheetKeys.some((k, i) => k !== base.tiers[i]?.key))) {
    problems.push({
      name: 'TierKeys',
      cell: cellOf('TierKeys', 0, false),
      message: {
        en: `The tiers in the Settings sheet (${sheetKeys.join(', ')}) are not the pane's (${base.tiers.map((t) => t.key).join(', ')}); the pane's tiers are kept.`,
        zh: `“设置”工作表中的等级（${sheetKeys.join('、')}）与任务窗格中的等级（${base.tiers.map((t) => t.key).join('、')}）不一致，沿用任务窗格中的等级。`,
      },
    });
  } else if (sheetKeys !== null) {
    const names = list('TierNames', tierCount);
    const alt = list('TierNamesAlt', tierCount);
    const colors = list('TierColors', tierCount);
    const thresholds = list('TierThresholds', tierCount);
    const labelKey = options.locale === 'zh-CN' ? 'zh' : 'en';
    const altKey = labelKey === 'zh' ? 'en' : 'zh';
    tiers = base.tiers.map((tier, i) => {
      const label: Localized = {
        ...tier.label,
        [labelKey]: textAt('TierNames', names, i, tier.label[labelKey]),
        [altKey]: textAt('TierNamesAlt', alt, i, tier.label[altKey]),
      } as Localized;
      let color = tier.color;
      if (colors !== null) {
        const typed = colors[i];
        if (typeof typed === 'string' && /^#[0-9A-Fa-f]{6}$/.test(typed.trim())) color = typed.trim().toUpperCase();
        else {
          report('TierColors', i, false, (at) => ({
            en: `${at.en} holds "${describeValue(typed)}", not a colour like #FFD966; the pane's colour ${tier.color} is kept.`,
            zh: `${at.zh}的内容“${describeValue(typed)}”不是 #FFD966 这样的颜色，沿用任务窗格中的颜色 ${tier.color}。`,
          }));
        }
      }
      const rule = tier.rule;
      const nextRule: TierDefinition['rule'] =
        rule.kind === 'score'
          ? { kind: 'score', minScore: numberAt('TierThresholds', thresholds, i, rule.minScore) }
          : rule.kind === 'new'
            ? { kind: 'new', withinDays: numberAt('TierThresholds', thresholds, i, rule.withinDays) }
            : rule;
      return { ...tier, label, color, rule: nextRule };
    });
  }

  // ---- segments (labels in the plan's language, in formula order) -----------------
  let segments: readonly SegmentDefinition[] = base.segments;
  const segmentCells = list('SegmentNames', 8);
  if (segmentCells !== null) {
    const labelKey = options.locale === 'zh-CN' ? 'zh' : 'en';
    const typed = new Map<string, string>();
    segmentsInFormulaOrder(base.segments).forEach((segment, i) => {
      typed.set(segment.key, textAt('SegmentNames', segmentCells, i, segment.label[labelKey]));
    });
    segments = base.segments.map((segment) => ({ ...segment, label: { ...segment.label, [labelKey]: typed.get(segment.key) ?? segment.label[labelKey] } }));
  }

  return { settings: { ...base, asOf, quantiles, highScoreCut, tiers, segments, lifecycle }, problems };
}
