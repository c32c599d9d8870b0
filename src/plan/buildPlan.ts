/**
 * Builds the WorkbookPlan (DESIGN.md §2): the Settings sheet with its defined
 * names, and the Customers table whose computed columns are live formulas
 * reading those names. Pure and deterministic: the same input gives the same
 * plan, so a plan can be golden-tested.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import type { GradingSettings } from '../domain/settings';
import { LIFECYCLE_LABELS } from '../domain/settings';
import type { FieldKey, GradingResult } from '../domain/types';
import type {
  CachedResult,
  ConditionalFormatPlan,
  PlanValue,
  SheetPlan,
  TableColumnPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
} from './types';
import { columnLetter } from './a1';
import { COMPUTED_HEADERS, FIELD_HEADERS, SHEET_NAMES, VALIDATION_TEXT, type ComputedKey } from './strings';
import {
  LIFECYCLE_ORDER,
  NAMES,
  fScoreFormula,
  lifecycleFormula,
  mScoreFormula,
  rScoreFormula,
  recencyFormula,
  rfmCodeFormula,
  segmentFormula,
  tierFormula,
  type FormulaHeaders,
} from './formulas';
import {
  COLORS,
  CUSTOMERS_TABLE,
  MAX_CELL_TEXT,
  MAX_SHEET_ROWS,
  NUMBER_FORMATS,
  PlanError,
  displayWidth,
  maxDisplayWidth,
  type PlanErrorCode,
} from './parts/common';
import { buildSettingsSheet, checkTiers, distinctOwners, segmentsInFormulaOrder } from './parts/settingsSheet';
import {
  COMPUTED_ORDER,
  GRADING_FIELDS,
  LOG_ONLY_FIELDS,
  SOURCE_NOTES_HEADER,
  USER_NOTES_KEY,
  carriedNumberFormat,
  carriedValue,
  cleanHeader,
  columnWidth,
  computedValue,
  dedupe,
  fieldNumberFormat,
  fieldValue,
  tierLabeller,
  uniqueHeader,
  type ColumnDraft,
} from './parts/customersTable';

// The parts' public names, exported here as before the split (callers import them from the plan builder).
export { CUSTOMERS_TABLE, MAX_CELL_TEXT, NUMBER_FORMATS, PlanError, USER_NOTES_KEY, displayWidth, segmentsInFormulaOrder, type PlanErrorCode };

export interface PlanInput {
  readonly result: GradingResult;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  /** Profile fields present in the source, in source order (customerId, name, owner, phone, firstPurchase, ...). */
  readonly profileFields: readonly FieldKey[];
  /** Unmapped source headers, carried into the table in this order. */
  readonly carriedHeaders: readonly string[];
}




/**
 * Builds the plan. Throws PlanError on settings the plan cannot express (an
 * incomplete segment map, an empty tier list) and on text longer than a cell.
 */
export function buildWorkbookPlan(input: PlanInput): WorkbookPlan {
  const { result, settings, locale } = input;
  const t = (text: Localized): string => pick(text, locale);
  checkTiers(settings.tiers);
  const segmentsByIndex = segmentsInFormulaOrder(settings.segments);
  if (result.customers.length + 1 > MAX_SHEET_ROWS) {
    throw new PlanError('too-many-rows', `${result.customers.length} customers do not fit in one sheet (${MAX_SHEET_ROWS - 1} rows).`);
  }

  // ---- columns -------------------------------------------------------------
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
  for (const customer of result.customers) {
    const row: PlanValue[] = [];
    const cache: CachedResult[] = [];
    for (const d of drafts) {
      switch (d.source.kind) {
        case 'field':
          row.push(fieldValue(customer, d.source.field, locale, d.plan.header));
          cache.push(null);
          break;
        case 'carried':
          row.push(carriedValue(customer.record.carried[d.source.header] ?? null, customer, d.plan.header));
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

  // ---- settings sheet --------------------------------------------------------
  const owners = distinctOwners(result.customers);
  const settingsSheet = buildSettingsSheet({ input, segmentsByIndex, fh, owners, t });

  // ---- validations and conditional formats ---------------------------------
  const col = (key: string): TableColumnPlan | undefined => columns.find((c) => c.key === key);
  const target = (key: string) => ({ kind: 'tableColumn', table: CUSTOMERS_TABLE, column: (col(key) as TableColumnPlan).header }) as const;
  const has = (key: string): boolean => col(key) !== undefined;
  const validations: ValidationPlan[] = [];
  const v = (key: string, rule: ValidationPlan['rule'], title: Localized, message: Localized, prompt: Localized | null): void => {
    if (!has(key)) return;
    validations.push({ target: target(key), rule, allowBlank: true, errorTitle: t(title), errorMessage: t(message), prompt: prompt ? t(prompt) : null });
  };
  v('tierOverride', { kind: 'list', source: `=${NAMES.tierNames}` }, VALIDATION_TEXT.tierTitle, VALIDATION_TEXT.tierMessage, VALIDATION_TEXT.tierPrompt);
  v('customerType', { kind: 'list', source: '=TypeList' }, VALIDATION_TEXT.listTitle, VALIDATION_TEXT.listMessage, null);
  v('consent', { kind: 'list', source: '=ConsentList' }, VALIDATION_TEXT.listTitle, VALIDATION_TEXT.listMessage, null);
  v('satisfaction', { kind: 'list', source: '=SatisfactionList' }, VALIDATION_TEXT.satisfactionTitle, VALIDATION_TEXT.satisfactionMessage, null);
  if (owners.length > 0) v('owner', { kind: 'list', source: '=OwnerList' }, VALIDATION_TEXT.listTitle, VALIDATION_TEXT.listMessage, null);
  for (const dateField of ['lastPurchase', 'firstPurchase', 'lastContact'] as const) {
    v(dateField, { kind: 'date', notAfterFormula: '=TODAY()' }, VALIDATION_TEXT.dateTitle, VALIDATION_TEXT.dateMessage, null);
  }
  v('orderCount', { kind: 'wholeNumber', min: 0, max: null }, VALIDATION_TEXT.countTitle, VALIDATION_TEXT.countMessage, null);
  v('totalSpend', { kind: 'decimal', min: 0, max: null }, VALIDATION_TEXT.spendTitle, VALIDATION_TEXT.spendMessage, null);

  const firstBodyRow = table.row + 1;
  const relativeRef = (key: string): string => {
    const index = columns.findIndex((c) => c.key === key);
    return `$${columnLetter(table.column + index)}${firstBodyRow + 1}`;
  };
  const conditionalFormats: ConditionalFormatPlan[] = [];
  settings.tiers.forEach((tier, i) => {
    conditionalFormats.push({
      kind: 'expression',
      target: target('tier'),
      formula: `=${relativeRef('tier')}=INDEX(${NAMES.tierNames},${i + 1})`,
      fill: tier.color,
      fontColor: null,
    });
  });
  const lifecycleIndex = (key: (typeof LIFECYCLE_ORDER)[number]): number => LIFECYCLE_ORDER.indexOf(key) + 1;
  conditionalFormats.push(
    {
      kind: 'expression',
      target: target('lifecycle'),
      formula: `=${relativeRef('lifecycle')}=INDEX(${NAMES.lifecycleNames},${lifecycleIndex('churned')})`,
      fill: COLORS.churnedFill,
      fontColor: COLORS.churnedFont,
    },
    {
      kind: 'expression',
      target: target('lifecycle'),
      formula: `=${relativeRef('lifecycle')}=INDEX(${NAMES.lifecycleNames},${lifecycleIndex('at-risk')})`,
      fill: COLORS.atRiskFill,
      fontColor: COLORS.atRiskFont,
    },
  );
  for (const key of ['r', 'f', 'm'] as const) {
    conditionalFormats.push({ kind: 'iconSet', target: target(key), style: 'threeArrows', lowAtLeast: 3, highAtLeast: settings.highScoreCut });
  }
  conditionalFormats.push({ kind: 'dataBar', target: target('totalSpend'), color: COLORS.spendBar });

  const customersSheet: SheetPlan = {
    key: 'customers',
    name: t(SHEET_NAMES.customers),
    tabColor: COLORS.customersTab,
    freeze: { rows: 1, columns: 1 },
    columnWidths: [],
    cells: [],
  };

  return {
    locale,
    sheets: [customersSheet, settingsSheet.sheet],
    tables: [table],
    names: settingsSheet.names,
    validations,
    conditionalFormats,
  };
}






