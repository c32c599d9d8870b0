/**
 * Part of the plan builder (issue 8 §2): the grade history in the plan —
 * the Customers table's *Previous tier* and *Change* columns, their
 * conditional formats, the notes carried from an earlier workbook, and
 * `plan.history` (the History sheet: ../../domain/history/types.ts).
 *
 * Previous tier is a VALUE written at build from HistoryInput.previousTier
 * (role `input`, so a rebuild takes the new value each build: merge.ts
 * writes input columns of existing rows). Change is a live formula, O(1) per
 * row: the ranks of [@Tier] and [@Previous tier] looked up by MATCH over
 * TierNames (the handful of tier cells on Settings), never over the history.
 */
import type { Locale, Localized } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import type { TierDefinition } from '../../domain/settings';
import { buildSnapshot, previousTierLabel, tierChange, tierRanks, type CarriedEntries, type HistoryInput, type TierChange } from '../../domain/history';
import type { GradingResult } from '../../domain/types';
import type { GradingSettings } from '../../domain/settings';
import type { CachedResult, ConditionalFormatPlan, HistoryPlan, PlanValue, TablePlan, WorkbookPlan } from '../types';
import { columnLetter, thisRowRef } from '../a1';
import { NAMES } from '../formulas';
import { CHANGE_WORDS, HISTORY_TEXT } from '../historyStrings';
import { CUSTOMERS_TABLE, NUMBER_FORMATS, checkSourceCellText, maxDisplayWidth } from './common';
import { USER_NOTES_KEY, uniqueHeader } from './customersTable';
import { extendRows } from './tableRows';

export const PREVIOUS_TIER_KEY = 'previousTier';
export const TIER_CHANGE_KEY = 'tierChange';
/** The Previous tier and Change cells of a customer not in the last snapshot (Change is a formula). */
const NO_PREVIOUS: readonly PlanValue[] = [null, null];
const UP_FILL = '#E2EFDA';
const UP_FONT = '#006100';
const DOWN_FILL = '#FCE4D6';
const DOWN_FONT = '#9C0006';

/** A string literal in a formula (Tierwise's own words only). */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A text escaped for MATCH / COUNTIFS criteria, where `*`, `?` and `~` are wildcards. */
export function wildcardEscaped(ref: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}

/** The rank (tierRanks) of a tier label: CHOOSE over its MATCH position in TierNames; #N/A when not in the list. */
function rankOf(labelRef: string, ranks: readonly number[]): string {
  return `CHOOSE(MATCH(${wildcardEscaped(labelRef)},${NAMES.tierNames},0),${ranks.join(',')})`;
}

/** The Change formula: up / down / same / new / not in list, in the plan's locale. */
export function changeFormula(tierHeader: string, previousHeader: string, tiers: readonly TierDefinition[], locale: Locale): string {
  const w = (k: TierChange): string => literal(pick(CHANGE_WORDS[k], locale));
  const ranks = tierRanks(tiers);
  const previous = thisRowRef(previousHeader);
  const sign = `SIGN(${rankOf(thisRowRef(tierHeader), ranks)}-${rankOf(previous, ranks)})`;
  return `=IF(${previous}="",${w('new')},IFERROR(CHOOSE(${sign}+2,${w('down')},${w('same')},${w('up')}),${w('unlisted')}))`;
}

export interface HistoryPartInput {
  readonly plan: WorkbookPlan;
  readonly result: GradingResult;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  readonly history: HistoryInput;
  readonly carried?: CarriedEntries;
}

/** Adds the table's Previous tier and Change columns, the carried notes and `plan.history`. */
export function withHistoryColumns(input: HistoryPartInput): WorkbookPlan {
  const { plan, result, settings, locale, history } = input;
  const t = (text: Localized): string => pick(text, locale);
  const tableIndex = plan.tables.findIndex((x) => x.name === CUSTOMERS_TABLE);
  const table = plan.tables[tableIndex];
  if (table === undefined) throw new Error('internal: the history part needs the Customers table');
  const keyIndex = table.columns.findIndex((c) => c.key === 'customerId');
  const tierColumn = table.columns.find((c) => c.key === 'tier');
  if (keyIndex < 0 || tierColumn === undefined) throw new Error('internal: the Customers table has no ID or Tier column');
  const used = new Set(table.columns.map((c) => c.header.toLowerCase()));
  const previousHeader = uniqueHeader(t(HISTORY_TEXT.previousTierHeader), used);
  const changeHeader = uniqueHeader(t(HISTORY_TEXT.changeHeader), used);
  const labels = settings.tiers.map((x) => t(x.label));
  const ranks = tierRanks(settings.tiers);
  const notesIndex = table.columns.findIndex((c) => c.role === 'userEntry' && (c.key === USER_NOTES_KEY || c.key === 'notes'));
  const notes = input.carried?.notes;

  if (table.rows.length !== result.customers.length) throw new Error('internal: the Customers table has a row per graded customer');
  /** Per customer: the Previous tier's label (null: not in the last snapshot), read once for the row and its cached Change. */
  const previousOf: (string | null)[] = new Array<string | null>(result.customers.length);
  // One cell per distinct label (a handful of tiers), not one per row.
  const previousCells = new Map<string, PlanValue>();
  const rows = extendRows<PlanValue>(table.rows, (row, i) => {
    const customer = result.customers[i]!;
    const id = customer.record.id.trim();
    const raw = history.previousTier.get(id);
    const previous = raw === undefined ? null : previousTierLabel(raw, settings.tiers, locale);
    previousOf[i] = previous;
    const typedNote = notes?.get(id);
    if (notesIndex >= 0 && typedNote !== undefined && typedNote !== '') {
      checkSourceCellText(typedNote, customer.record.sourceRow, table.columns[notesIndex]?.header ?? '');
      row[notesIndex] = { kind: 'text', text: typedNote };
    }
    if (previous === null) return NO_PREVIOUS;
    let cell = previousCells.get(previous);
    if (cell === undefined) {
      checkSourceCellText(previous, customer.record.sourceRow, previousHeader);
      cell = { kind: 'text', text: previous };
      previousCells.set(previous, cell);
    }
    return [cell, null];
  });
  const cachedRows = table.cachedResults ?? table.rows.map(() => table.columns.map(() => null));
  const cached = extendRows<CachedResult>(cachedRows, (_, i) => {
    const customer = result.customers[i]!;
    const current = labels[settings.tiers.findIndex((x) => x.key === customer.tier)] ?? customer.tier;
    return [null, t(CHANGE_WORDS[tierChange(previousOf[i] ?? null, current, labels, ranks)])];
  });

  const changeWidth = Math.min(24, maxDisplayWidth(Object.values(CHANGE_WORDS).map((w) => t(w))) + 4);
  const newTable: TablePlan = {
    ...table,
    columns: [
      ...table.columns,
      { key: PREVIOUS_TIER_KEY, header: previousHeader, role: 'input', formula: null, numberFormat: NUMBER_FORMATS.text, width: Math.max(12, Math.min(40, maxDisplayWidth([previousHeader, ...labels]) + 4)) },
      { key: TIER_CHANGE_KEY, header: changeHeader, role: 'computed', formula: changeFormula(tierColumn.header, previousHeader, settings.tiers, locale), numberFormat: NUMBER_FORMATS.text, width: Math.max(changeWidth, 10) },
    ],
    rows,
    cachedResults: cached,
  };
  const changeCell = `$${columnLetter(table.column + table.columns.length + 1)}${table.row + 2}`;
  const target = { kind: 'tableColumn', table: CUSTOMERS_TABLE, column: changeHeader } as const;
  const formats: ConditionalFormatPlan[] = [
    { kind: 'expression', target, formula: `=${changeCell}=${literal(t(CHANGE_WORDS.up))}`, fill: UP_FILL, fontColor: UP_FONT },
    { kind: 'expression', target, formula: `=${changeCell}=${literal(t(CHANGE_WORDS.down))}`, fill: DOWN_FILL, fontColor: DOWN_FONT },
  ];
  const historyPlan: HistoryPlan = {
    sheet: 'history',
    sheetName: t(HISTORY_TEXT.sheetName),
    title: t(HISTORY_TEXT.title),
    note: t(HISTORY_TEXT.note),
    asOfLabel: t(HISTORY_TEXT.asOfLabel),
    idHeader: t(HISTORY_TEXT.idHeader),
    fieldHeaders: HISTORY_TEXT.fieldHeaders.map((h) => t(h)),
    current: buildSnapshot(result, settings, locale),
    earlier: history.earlier,
  };
  return {
    ...plan,
    tables: plan.tables.map((x, i) => (i === tableIndex ? newTable : x)),
    conditionalFormats: [...plan.conditionalFormats, ...formats],
    history: historyPlan,
  };
}
