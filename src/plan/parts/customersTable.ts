/**
 * Part of the plan builder (see ../buildPlan.ts): the Customers table's
 * columns (fields, carried source columns, user entries, computed formulas),
 * their values per customer, cached results and widths.
 */
import type { Locale, Localized } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import type { TierDefinition } from '../../domain/settings';
import { LIFECYCLE_LABELS } from '../../domain/settings';
import type { CarriedValue, FieldKey, GradedCustomer } from '../../domain/types';
import type { DayNumber } from '../../domain/dates';
import type { CachedResult, PlanValue, SheetPlan, TableColumnPlan, TablePlan } from '../types';
import { COMPUTED_HEADERS, CONSENT_VALUES, FIELD_HEADERS, SHEET_NAMES, type ComputedKey } from '../strings';
import {
  LIFECYCLE_ORDER,
  fScoreFormula,
  lifecycleFormula,
  mScoreFormula,
  rScoreFormula,
  recencyFormula,
  rfmCodeFormula,
  segmentFormula,
  tierFormula,
  type FormulaHeaders,
} from '../formulas';
import type { PlanInput } from '../buildPlan';
import { COLORS, CUSTOMERS_TABLE, NUMBER_FORMATS, checkSourceCellText, displayWidth, maxDisplayWidth } from './common';
import { ColumnTexts, SharedValues } from './sharedCells';

/** Fields the grading reads: placed after the profile columns, in a fixed order. */
export const GRADING_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'customerId',
  'firstPurchase',
  'lastPurchase',
  'orderCount',
  'totalSpend',
  'tierOverride',
]);
/** Order-line fields: folded into the aggregates, never columns of the customer table. */
export const LOG_ONLY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['orderId', 'orderDate', 'quantity', 'unitPrice', 'amount']);
export const DATE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['firstPurchase', 'lastPurchase', 'lastContact']);
export const TEXT_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'customerId',
  'name',
  'customerType',
  'owner',
  'phone',
  'email',
  'region',
  'idNumber',
  'address',
  'consent',
  'tierOverride',
  'notes',
]);

export const COMPUTED_ORDER: readonly ComputedKey[] = ['recencyDays', 'r', 'f', 'm', 'rfmCode', 'segment', 'tier', 'lifecycle'];

/** Key of the user's Notes column when the source has notes of its own (then keyed `notes`). */
export const USER_NOTES_KEY = 'userNotes';
/** Header of the source's notes when the table also has the user's Notes column. */
export const SOURCE_NOTES_HEADER = { en: 'Notes (source)', zh: '备注（来源）' } as const;

/** How a table column gets its value from a graded customer. */
export type ColumnSource =
  | { readonly kind: 'field'; readonly field: FieldKey }
  | { readonly kind: 'carried'; readonly header: string }
  | { readonly kind: 'computed'; readonly key: ComputedKey }
  /** A column only people fill in the table: empty in every planned row. */
  | { readonly kind: 'blank' };

export interface ColumnDraft {
  readonly plan: TableColumnPlan;
  readonly source: ColumnSource;
}

export function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Table headers must be unique case-insensitively (Excel's rule); a repeat gets " (2)", " (3)". */
export function uniqueHeader(header: string, used: Set<string>): string {
  let candidate = header;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${header} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** A carried source header as a table header: control characters become spaces, empty becomes "Column". */
export function cleanHeader(header: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we replace
  const cleaned = header.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 255) : 'Column';
}

export function fieldNumberFormat(field: FieldKey): string {
  if (DATE_FIELDS.has(field)) return NUMBER_FORMATS.date;
  if (TEXT_FIELDS.has(field)) return NUMBER_FORMATS.text;
  return NUMBER_FORMATS.general;
}

/** Text format when every carried value of the column is text (so typed text stays text), General otherwise. */
export function carriedNumberFormat(customers: readonly GradedCustomer[], header: string): string {
  let sawValue = false;
  for (const c of customers) {
    const value = c.record.carried[header];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') return NUMBER_FORMATS.general;
    sawValue = true;
  }
  return sawValue ? NUMBER_FORMATS.text : NUMBER_FORMATS.general;
}

/** Where a table column's cells come from: the build's shared days and numbers, and this column's texts. */
export interface ColumnCells {
  readonly shared: SharedValues;
  readonly texts: ColumnTexts;
  /** The column's header (a refused text names it). */
  readonly header: string;
  /** A profile field's kind, decided once per column (not by two set look-ups per cell: 700k cells for an archive's 7 columns). */
  readonly isDate: boolean;
  readonly isText: boolean;
}

export function textValue(text: string, customer: GradedCustomer, cells: ColumnCells): PlanValue {
  return cells.texts.text(text, customer.record.sourceRow);
}

export function fieldValue(customer: GradedCustomer, field: FieldKey, locale: Locale, cells: ColumnCells): PlanValue {
  const record = customer.record;
  switch (field) {
    case 'customerId':
      // Unique per row: nothing to share.
      checkSourceCellText(record.id, record.sourceRow, cells.header);
      return { kind: 'text', text: record.id };
    case 'lastPurchase':
      return record.lastPurchase === null ? null : cells.shared.date(record.lastPurchase);
    case 'firstPurchase':
      return record.firstPurchase === null ? null : cells.shared.date(record.firstPurchase);
    case 'orderCount':
      return cells.shared.number(record.frequency);
    case 'totalSpend':
      return { kind: 'number', value: record.monetary };
    case 'tierOverride':
      return record.tierOverride === null ? null : textValue(record.tierOverride, customer, cells);
    default:
      break;
  }
  const value = record.profile[field] ?? null;
  if (value === null) return null;
  if (cells.isDate && typeof value === 'number') return cells.shared.date(value as DayNumber);
  if (field === 'consent' && typeof value === 'boolean') return textValue(pick(CONSENT_VALUES[value ? 0 : 1] as Localized, locale), customer, cells);
  if (cells.isText) return textValue(String(value), customer, cells);
  return carriedValue(value, customer, cells);
}

export function carriedValue(value: CarriedValue, customer: GradedCustomer, cells: ColumnCells): PlanValue {
  if (value === null) return null;
  if (typeof value === 'string') return textValue(value, customer, cells);
  if (typeof value === 'boolean') return { kind: 'bool', value };
  return cells.shared.number(value);
}

export function tierLabeller(tiers: readonly TierDefinition[], locale: Locale): (key: string) => string {
  const labels = new Map(tiers.map((tier) => [tier.key, pick(tier.label, locale)] as const));
  return (key) => labels.get(key) ?? key;
}

export function computedValue(
  c: GradedCustomer,
  key: ComputedKey,
  tierLabel: (key: string) => string,
  segmentLabel: ReadonlyMap<string, string>,
  locale: Locale,
): CachedResult {
  switch (key) {
    case 'recencyDays':
      return c.recencyDays ?? '';
    case 'r':
      return c.r ?? '';
    case 'f':
      return c.f ?? '';
    case 'm':
      return c.m ?? '';
    case 'rfmCode':
      return c.r === null || c.f === null || c.m === null ? '' : `${c.r}${c.f}${c.m}`;
    case 'segment':
      return c.segment === null ? '' : (segmentLabel.get(c.segment) ?? c.segment);
    case 'tier':
      return tierLabel(c.tier);
    case 'lifecycle':
      return pick(LIFECYCLE_LABELS[c.lifecycle], locale);
  }
}

/** Rows sampled to size a column: enough to see typical values, cheap at 100k rows. */
export const WIDTH_SAMPLE_ROWS = 200;

export function columnWidth(column: TableColumnPlan, rows: readonly (readonly PlanValue[])[], index: number): number {
  // Header plus room for the filter button (about 3 characters).
  let width = displayWidth(column.header) + 3;
  if (column.role === 'computed') {
    // R/F/M carry an icon beside the score: 8 characters keep both readable.
    const minimum = column.key === 'segment' || column.key === 'tier' || column.key === 'lifecycle' ? 14 : 8;
    return Math.min(40, Math.max(width, minimum));
  }
  const n = Math.min(rows.length, WIDTH_SAMPLE_ROWS);
  for (let i = 0; i < n; i++) {
    const value = (rows[i] as readonly PlanValue[])[index];
    if (value === null || value === undefined) continue;
    let w: number;
    switch (value.kind) {
      case 'text':
        w = displayWidth(value.text);
        break;
      case 'date':
        w = 10;
        break;
      case 'number':
        w = column.numberFormat === NUMBER_FORMATS.money ? value.value.toFixed(2).length + Math.floor(Math.log10(Math.max(1, Math.abs(value.value))) / 3) : String(value.value).length;
        break;
      case 'bool':
        w = 5;
        break;
      case 'formula':
        w = 10;
        break;
    }
    width = Math.max(width, w + 2);
  }
  return Math.min(column.key === 'notes' || column.key === USER_NOTES_KEY ? 40 : 30, Math.max(8, width));
}

/**
 * The Customers table: the grading fields after the profile columns, carried
 * source columns, the user's entry columns, then the computed formulas; one
 * row per graded customer with the core's results cached beside the formulas.
 * `fh` names the headers the formulas (and the Settings sheet's breakpoints) read.
 */
export function buildCustomersTable(input: PlanInput, t: (text: Localized) => string): { table: TablePlan; fh: FormulaHeaders } {
  const { result, settings, locale } = input;
  const hasFirstPurchase =
    input.profileFields.includes('firstPurchase') || result.customers.some((c) => c.record.firstPurchase !== null);
  const profile = dedupe(
    input.profileFields.filter((f) => !GRADING_FIELDS.has(f) && !LOG_ONLY_FIELDS.has(f)),
  );
  const notesFromSource = profile.includes('notes');
  const usedHeaders = new Set<string>();
  const drafts: ColumnDraft[] = [];
  const addField = (field: FieldKey, role: TableColumnPlan['role'], numberFormat: string): void => {
    // Source notes are the source's: they are refreshed on every rebuild, so they get their own
    // header and the table still gets the user's own Notes column, which a rebuild never writes.
    const label = field === 'notes' && notesFromSource ? SOURCE_NOTES_HEADER : FIELD_HEADERS[field];
    const header = uniqueHeader(t(label), usedHeaders);
    drafts.push({ plan: { key: field, header, role, formula: null, numberFormat, width: 0 }, source: { kind: 'field', field } });
  };
  addField('customerId', 'input', NUMBER_FORMATS.text);
  for (const field of profile) addField(field, 'input', fieldNumberFormat(field));
  addField('lastPurchase', 'input', NUMBER_FORMATS.date);
  if (hasFirstPurchase) addField('firstPurchase', 'input', NUMBER_FORMATS.date);
  addField('orderCount', 'input', NUMBER_FORMATS.count);
  addField('totalSpend', 'input', NUMBER_FORMATS.money);
  for (const sourceHeader of input.carriedHeaders) {
    const header = uniqueHeader(cleanHeader(sourceHeader), usedHeaders);
    const numberFormat = carriedNumberFormat(result.customers, sourceHeader);
    drafts.push({
      plan: { key: `carried:${sourceHeader}`, header, role: 'carried', formula: null, numberFormat, width: 0 },
      source: { kind: 'carried', header: sourceHeader },
    });
  }
  addField('tierOverride', 'userEntry', NUMBER_FORMATS.text);
  if (notesFromSource) {
    const header = uniqueHeader(t(FIELD_HEADERS.notes), usedHeaders);
    drafts.push({ plan: { key: USER_NOTES_KEY, header, role: 'userEntry', formula: null, numberFormat: NUMBER_FORMATS.text, width: 0 }, source: { kind: 'blank' } });
  } else {
    addField('notes', 'userEntry', NUMBER_FORMATS.text);
  }
  const computedHeaders = {} as Record<ComputedKey, string>;
  for (const key of COMPUTED_ORDER) computedHeaders[key] = uniqueHeader(t(COMPUTED_HEADERS[key]), usedHeaders);

  const headerOf = (field: FieldKey): string => {
    const d = drafts.find((x) => x.source.kind === 'field' && x.source.field === field);
    if (!d) throw new Error(`internal: no column for ${field}`);
    return d.plan.header;
  };
  const fh: FormulaHeaders = {
    frequency: headerOf('orderCount'),
    monetary: headerOf('totalSpend'),
    lastPurchase: headerOf('lastPurchase'),
    firstPurchase: hasFirstPurchase ? headerOf('firstPurchase') : null,
    tierOverride: headerOf('tierOverride'),
    recencyDays: computedHeaders.recencyDays,
    r: computedHeaders.r,
    f: computedHeaders.f,
    m: computedHeaders.m,
  };
  const computedFormulas: Record<ComputedKey, string> = {
    recencyDays: recencyFormula(fh),
    r: rScoreFormula(fh),
    f: fScoreFormula(fh),
    m: mScoreFormula(fh),
    rfmCode: rfmCodeFormula(fh),
    segment: segmentFormula(fh),
    tier: tierFormula(fh, settings.tiers),
    lifecycle: lifecycleFormula(fh),
  };
  for (const key of COMPUTED_ORDER) {
    const numberFormat = key === 'recencyDays' || key === 'r' || key === 'f' || key === 'm' ? NUMBER_FORMATS.count : NUMBER_FORMATS.text;
    drafts.push({
      plan: { key, header: computedHeaders[key], role: 'computed', formula: computedFormulas[key], numberFormat, width: 0 },
      source: { kind: 'computed', key },
    });
  }

  // ---- rows and cached results ---------------------------------------------
  const tierLabel = tierLabeller(settings.tiers, locale);
  const segmentLabel = new Map(settings.segments.map((s) => [s.key, t(s.label)] as const));
  const rows: PlanValue[][] = [];
  const cached: CachedResult[][] = [];
  // Repeated values (dates, counts, owners, regions) are one cell object each: sharedCells.ts.
  const shared = new SharedValues();
  const columnCells: ColumnCells[] = drafts.map((d) => {
    const field = d.source.kind === 'field' ? d.source.field : null;
    return {
      shared,
      texts: new ColumnTexts(d.plan.header),
      header: d.plan.header,
      isDate: field !== null && DATE_FIELDS.has(field),
      isText: field !== null && TEXT_FIELDS.has(field),
    };
  });
  for (const customer of result.customers) {
    const row: PlanValue[] = [];
    const cache: CachedResult[] = [];
    for (let di = 0; di < drafts.length; di++) {
      const d = drafts[di]!;
      switch (d.source.kind) {
        case 'field':
          row.push(fieldValue(customer, d.source.field, locale, columnCells[di]!));
          cache.push(null);
          break;
        case 'carried':
          row.push(carriedValue(customer.record.carried[d.source.header] ?? null, customer, columnCells[di]!));
          cache.push(null);
          break;
        case 'computed':
          row.push(null);
          cache.push(computedValue(customer, d.source.key, tierLabel, segmentLabel, locale));
          break;
        case 'blank':
          row.push(null);
          cache.push(null);
          break;
      }
    }
    rows.push(row);
    cached.push(cache);
  }

  // Scores and the RFM code centred: with icons on the left of R/F/M, right-aligned scores
  // run into the next column's text ("5 245").
  const centred = new Set(['r', 'f', 'm', 'rfmCode']);
  // Label columns as wide as their longest label ("Important to win back"), capped.
  const labelWidths: Record<string, number> = {
    segment: maxDisplayWidth(settings.segments.map((x) => t(x.label))),
    tier: maxDisplayWidth(settings.tiers.map((x) => t(x.label))),
    lifecycle: maxDisplayWidth(LIFECYCLE_ORDER.map((k) => t(LIFECYCLE_LABELS[k]))),
  };
  const columns: TableColumnPlan[] = drafts.map((d, i) => ({
    ...d.plan,
    width: Math.max(columnWidth(d.plan, rows, i), Math.min(40, (labelWidths[d.plan.key] ?? 0) + 2)),
    ...(centred.has(d.plan.key) ? { align: 'center' as const } : {}),
  }));
  const table: TablePlan = {
    name: CUSTOMERS_TABLE,
    sheet: 'customers',
    row: 0,
    column: 0,
    style: 'TableStyleMedium2',
    columns,
    rows,
    keyColumn: columns[0]?.header ?? '',
    cachedResults: cached,
  };
  return { table, fh };
}

/** The Customers sheet: tab colour and frozen header row and ID column; its cells are the table's. */
export function customersSheetPlan(t: (text: Localized) => string): SheetPlan {
  return {
    key: 'customers',
    name: t(SHEET_NAMES.customers),
    tabColor: COLORS.customersTab,
    freeze: { rows: 1, columns: 1 },
    columnWidths: [],
    cells: [],
  };
}
