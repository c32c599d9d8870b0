/**
 * Builds the WorkbookPlan (DESIGN.md §2): the Settings sheet with its defined
 * names, and the Customers table whose computed columns are live formulas
 * reading those names. Pure and deterministic: the same input gives the same
 * plan, so a plan can be golden-tested.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import type { GradingSettings, SegmentDefinition, TierDefinition } from '../domain/settings';
import { LIFECYCLE_LABELS } from '../domain/settings';
import type { CarriedValue, FieldKey, GradedCustomer, GradingResult } from '../domain/types';
import type { DayNumber } from '../domain/dates';
import { excelSerialFromDay } from '../domain/dates';
import type {
  CachedResult,
  ConditionalFormatPlan,
  DefinedNamePlan,
  PlanCell,
  PlanValue,
  SheetPlan,
  TableColumnPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
} from './types';
import { cellAddress, columnLetter, rangeAddress } from './a1';
import { withRolesBlock } from './rolesBlock';
import {
  COMPUTED_HEADERS,
  CONSENT_VALUES,
  CUSTOMER_TYPES,
  FIELD_HEADERS,
  NAME_COMMENTS,
  SETTINGS_TEXT,
  SHEET_NAMES,
  VALIDATION_TEXT,
  type ComputedKey,
  type DefinedNameKey,
} from './strings';
import {
  LIFECYCLE_ORDER,
  NAMES,
  breakpointFormula,
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

export interface PlanInput {
  readonly result: GradingResult;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  /** Profile fields present in the source, in source order (customerId, name, owner, phone, firstPurchase, ...). */
  readonly profileFields: readonly FieldKey[];
  /** Unmapped source headers, carried into the table in this order. */
  readonly carriedHeaders: readonly string[];
}

export type PlanErrorCode =
  /** The segment map does not cover each of the 8 (R, F, M) high/low combinations exactly once. */
  | 'incomplete-segment-map'
  /** The tier list is empty or has duplicate keys or labels. */
  | 'invalid-tier-list'
  /** A text longer than a spreadsheet cell holds (32,767 characters); the import should have reported it. */
  | 'cell-text-too-long'
  /** More rows than a sheet holds (1,048,576 including the header). */
  | 'too-many-rows';

/** Misuse of the plan builder (input the import or settings validation should have stopped). */
export class PlanError extends Error {
  readonly code: PlanErrorCode;
  constructor(code: PlanErrorCode, message: string) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
  }
}

/** The Customers table's name: ASCII and the same in every locale, since formulas refer to it. */
export const CUSTOMERS_TABLE = 'Customers';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;
/** Excel's rows per sheet. */
const MAX_SHEET_ROWS = 1_048_576;

export const NUMBER_FORMATS = {
  text: '@',
  date: 'yyyy-mm-dd',
  count: '0',
  money: '#,##0.00',
  general: 'General',
  score: '0',
  quantile: '0.00',
  breakpoint: '#,##0.00',
} as const;

/** Fields the grading reads: placed after the profile columns, in a fixed order. */
const GRADING_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'customerId',
  'firstPurchase',
  'lastPurchase',
  'orderCount',
  'totalSpend',
  'tierOverride',
]);
/** Order-line fields: folded into the aggregates, never columns of the customer table. */
const LOG_ONLY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['orderId', 'orderDate', 'quantity', 'unitPrice', 'amount']);
const DATE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['firstPurchase', 'lastPurchase', 'lastContact']);
const TEXT_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'customerId',
  'name',
  'customerType',
  'owner',
  'phone',
  'email',
  'region',
  'consent',
  'tierOverride',
  'notes',
]);

const COMPUTED_ORDER: readonly ComputedKey[] = ['recencyDays', 'r', 'f', 'm', 'rfmCode', 'segment', 'tier', 'lifecycle'];

const COLORS = {
  customersTab: '#2F5597',
  settingsTab: '#FFC000',
  spendBar: '#5B9BD5',
  churnedFill: '#FCE4D6',
  churnedFont: '#C00000',
  atRiskFill: '#FFF2CC',
  atRiskFont: '#9C5700',
} as const;

/** Key of the user's Notes column when the source has notes of its own (then keyed `notes`). */
export const USER_NOTES_KEY = 'userNotes';
/** Header of the source's notes when the table also has the user's Notes column. */
const SOURCE_NOTES_HEADER = { en: 'Notes (source)', zh: '备注（来源）' } as const;

/** How a table column gets its value from a graded customer. */
type ColumnSource =
  | { readonly kind: 'field'; readonly field: FieldKey }
  | { readonly kind: 'carried'; readonly header: string }
  | { readonly kind: 'computed'; readonly key: ComputedKey }
  /** A column only people fill in the table: empty in every planned row. */
  | { readonly kind: 'blank' };

interface ColumnDraft {
  readonly plan: TableColumnPlan;
  readonly source: ColumnSource;
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

  // Role profiles (issue 7): a block appended below the Settings sheet's last block (rolesBlock.ts).
  return withRolesBlock({
    locale,
    sheets: [customersSheet, settingsSheet.sheet],
    tables: [table],
    names: settingsSheet.names,
    validations,
    conditionalFormats,
  });
}

// ---------------------------------------------------------------------------
// Settings sheet

/** Fixed layout of the Settings sheet (0-based rows and columns). */
const S = {
  labelColumn: 0,
  valueColumn: 1,
  titleRow: 0,
  noteRow: 1,
  asOfRow: 3,
  quantilesRow: 4,
  highCutRow: 5,
  breakHeaderRow: 7,
  rBreaksRow: 8,
  fBreaksRow: 9,
  mBreaksRow: 10,
  lifecycleHeaderRow: 12,
  /** Dropdown lists sit to the right of the main block, one per column. */
  listsColumn: 8,
  listsHeaderRow: 3,
} as const;

interface SettingsBuild {
  readonly input: PlanInput;
  readonly segmentsByIndex: readonly SegmentDefinition[];
  readonly fh: FormulaHeaders;
  readonly owners: readonly string[];
  readonly t: (text: Localized) => string;
}

function buildSettingsSheet(b: SettingsBuild): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const { input, t } = b;
  const { settings, result, locale } = input;
  const cells: PlanCell[] = [];
  const names: DefinedNamePlan[] = [];
  const cell = (row: number, column: number, value: PlanValue, extra: Omit<PlanCell, 'row' | 'column' | 'value'> = {}): void => {
    cells.push({ row, column, value, ...extra });
  };
  const text = (s: string): PlanValue => ({ kind: 'text', text: s });
  const num = (n: number): PlanValue => ({ kind: 'number', value: n });
  const name = (key: DefinedNameKey, address: string): void => {
    names.push({ name: key, sheet: 'settings', address, comment: t(NAME_COMMENTS[key]) });
  };
  const label = (row: number, s: Localized): void => cell(row, S.labelColumn, text(t(s)), { style: 'label' });

  cell(S.titleRow, 0, text(t(SETTINGS_TEXT.title)), { style: 'title' });
  cell(S.noteRow, 0, text(t(SETTINGS_TEXT.note)), { style: 'note' });

  // As-of date
  label(S.asOfRow, SETTINGS_TEXT.asOfDate);
  const asOfSerial = excelSerialFromDay(result.asOf);
  if (settings.asOf.mode === 'today') {
    cell(S.asOfRow, S.valueColumn, { kind: 'formula', formula: '=TODAY()' }, { style: 'computed', numberFormat: NUMBER_FORMATS.date, cachedResult: asOfSerial });
  } else {
    cell(S.asOfRow, S.valueColumn, { kind: 'date', day: result.asOf }, { style: 'input', numberFormat: NUMBER_FORMATS.date });
  }
  const asOfNote = settings.asOf.mode === 'today' ? SETTINGS_TEXT.asOfToday : settings.asOf.mode === 'fixed' ? SETTINGS_TEXT.asOfFixed : SETTINGS_TEXT.asOfAuto;
  cell(S.asOfRow, S.valueColumn + 1, text(t(asOfNote)), { style: 'note' });
  name('AsOfDate', cellAddress(S.asOfRow, S.valueColumn, true));

  // Quantiles and the high cut
  label(S.quantilesRow, SETTINGS_TEXT.quantiles);
  settings.quantiles.forEach((q, i) => cell(S.quantilesRow, S.valueColumn + i, num(q), { style: 'input', numberFormat: NUMBER_FORMATS.quantile }));
  name('Quantiles', rangeAddress(S.quantilesRow, S.valueColumn, S.quantilesRow, S.valueColumn + 3, true));
  label(S.highCutRow, SETTINGS_TEXT.highCut);
  cell(S.highCutRow, S.valueColumn, num(settings.highScoreCut), { style: 'input', numberFormat: NUMBER_FORMATS.general });
  name('HighCut', cellAddress(S.highCutRow, S.valueColumn, true));

  // Breakpoints, computed once
  cell(S.breakHeaderRow, 0, text(t(SETTINGS_TEXT.breakpoints)), { style: 'header' });
  ['b1', 'b2', 'b3', 'b4'].forEach((h, i) => cell(S.breakHeaderRow, S.valueColumn + i, text(h), { style: 'header' }));
  const breakRows = [
    { row: S.rBreaksRow, label: SETTINGS_TEXT.breakRecency, metric: b.fh.recencyDays, key: 'R_Breaks', values: result.breakpoints?.recency },
    { row: S.fBreaksRow, label: SETTINGS_TEXT.breakFrequency, metric: b.fh.frequency, key: 'F_Breaks', values: result.breakpoints?.frequency },
    { row: S.mBreaksRow, label: SETTINGS_TEXT.breakMonetary, metric: b.fh.monetary, key: 'M_Breaks', values: result.breakpoints?.monetary },
  ] as const;
  for (const br of breakRows) {
    label(br.row, br.label);
    for (let i = 0; i < 4; i++) {
      cell(
        br.row,
        S.valueColumn + i,
        { kind: 'formula', formula: breakpointFormula(CUSTOMERS_TABLE, br.metric, b.fh.recencyDays, i + 1) },
        // IFERROR(...,0) yields 0 when nobody is scored; the core has no breakpoints then.
        { style: 'computed', numberFormat: NUMBER_FORMATS.breakpoint, cachedResult: br.values ? (br.values[i] as number) : 0 },
      );
    }
    name(br.key, rangeAddress(br.row, S.valueColumn, br.row, S.valueColumn + 3, true));
  }

  // Lifecycle stages: key | label | rule | days
  let row: number = S.lifecycleHeaderRow;
  const header4 = (r: number, texts: readonly string[]): void => texts.forEach((s, i) => cell(r, i, text(s), { style: 'header' }));
  header4(row, [t(SETTINGS_TEXT.lifecycle), t(SETTINGS_TEXT.label), t(SETTINGS_TEXT.rule), t(SETTINGS_TEXT.days)]);
  const lifecycleRules: Record<(typeof LIFECYCLE_ORDER)[number], { rule: Localized; days: number | null; name: DefinedNameKey | null }> = {
    potential: { rule: SETTINGS_TEXT.ruleProspect, days: null, name: null },
    churned: { rule: SETTINGS_TEXT.ruleChurned, days: settings.lifecycle.churnedAfterDays, name: 'ChurnDays' },
    'at-risk': { rule: SETTINGS_TEXT.ruleAtRisk, days: settings.lifecycle.atRiskAfterDays, name: 'AtRiskDays' },
    new: { rule: SETTINGS_TEXT.ruleNew, days: settings.lifecycle.newWithinDays, name: 'NewDays' },
    active: { rule: SETTINGS_TEXT.ruleActive, days: null, name: null },
  };
  const firstLifecycleRow = row + 1;
  for (const key of LIFECYCLE_ORDER) {
    row++;
    const spec = lifecycleRules[key];
    cell(row, 0, text(key), { style: 'label' });
    cell(row, 1, text(t(LIFECYCLE_LABELS[key])), { style: 'input', numberFormat: NUMBER_FORMATS.text });
    cell(row, 2, text(t(spec.rule)), { style: 'note' });
    if (spec.days !== null && spec.name !== null) {
      cell(row, 3, num(spec.days), { style: 'input', numberFormat: NUMBER_FORMATS.count });
      name(spec.name, cellAddress(row, 3, true));
    }
  }
  name('LifecycleNames', rangeAddress(firstLifecycleRow, 1, row, 1, true));

  // Tiers: key | label | colour | rule | min score / days | label in the other language
  row += 2;
  const otherLocale: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  [t(SETTINGS_TEXT.tiers), t(SETTINGS_TEXT.label), t(SETTINGS_TEXT.colour), t(SETTINGS_TEXT.rule), t(SETTINGS_TEXT.threshold), t(SETTINGS_TEXT.otherLabel)].forEach(
    (s, i) => cell(row, i, text(s), { style: 'header' }),
  );
  const firstTierRow = row + 1;
  let tierNewDaysNamed = false;
  for (const tier of settings.tiers) {
    row++;
    cell(row, 0, text(tier.key), { style: 'label' });
    cell(row, 1, text(t(tier.label)), { style: 'input', numberFormat: NUMBER_FORMATS.text });
    cell(row, 2, text(tier.color), { style: 'label', fill: tier.color });
    const rule = tier.rule;
    const ruleText =
      rule.kind === 'prospect' ? SETTINGS_TEXT.ruleProspect : rule.kind === 'new' ? SETTINGS_TEXT.ruleNew : rule.kind === 'score' ? SETTINGS_TEXT.ruleScore : SETTINGS_TEXT.ruleFallback;
    cell(row, 3, text(t(ruleText)), { style: 'note' });
    if (rule.kind === 'score') cell(row, 4, num(rule.minScore), { style: 'input', numberFormat: NUMBER_FORMATS.general });
    if (rule.kind === 'new') {
      cell(row, 4, num(rule.withinDays), { style: 'input', numberFormat: NUMBER_FORMATS.count });
      if (!tierNewDaysNamed) {
        name('TierNewDays', cellAddress(row, 4, true));
        tierNewDaysNamed = true;
      }
    }
    cell(row, 5, text(pick(tier.label, otherLocale)), { style: 'input', numberFormat: NUMBER_FORMATS.text });
  }
  name('TierKeys', rangeAddress(firstTierRow, 0, row, 0, true));
  name('TierNames', rangeAddress(firstTierRow, 1, row, 1, true));
  name('TierColors', rangeAddress(firstTierRow, 2, row, 2, true));
  name('TierThresholds', rangeAddress(firstTierRow, 4, row, 4, true));
  name('TierNamesAlt', rangeAddress(firstTierRow, 5, row, 5, true));

  // Segment map: key | label | R high | F high | M high, in formula order
  row += 2;
  [t(SETTINGS_TEXT.segments), t(SETTINGS_TEXT.label), t(SETTINGS_TEXT.rHigh), t(SETTINGS_TEXT.fHigh), t(SETTINGS_TEXT.mHigh)].forEach((s, i) =>
    cell(row, i, text(s), { style: 'header' }),
  );
  const firstSegmentRow = row + 1;
  const hl = (high: boolean): PlanValue => text(t(high ? SETTINGS_TEXT.high : SETTINGS_TEXT.low));
  for (const segment of b.segmentsByIndex) {
    row++;
    cell(row, 0, text(segment.key), { style: 'label' });
    cell(row, 1, text(t(segment.label)), { style: 'input', numberFormat: NUMBER_FORMATS.text });
    cell(row, 2, hl(segment.rHigh), { style: 'note' });
    cell(row, 3, hl(segment.fHigh), { style: 'note' });
    cell(row, 4, hl(segment.mHigh), { style: 'note' });
  }
  name('SegmentNames', rangeAddress(firstSegmentRow, 1, row, 1, true));

  // Dropdown lists, one column each, to the right of the main block
  cell(S.listsHeaderRow - 1, S.listsColumn, text(t(SETTINGS_TEXT.lists)), { style: 'subtitle' });
  const lists: { title: Localized; key: DefinedNameKey; values: readonly PlanValue[] }[] = [
    { title: SETTINGS_TEXT.typeList, key: 'TypeList', values: CUSTOMER_TYPES.map((x) => text(t(x))) },
    { title: SETTINGS_TEXT.consentList, key: 'ConsentList', values: CONSENT_VALUES.map((x) => text(t(x))) },
    { title: SETTINGS_TEXT.satisfactionList, key: 'SatisfactionList', values: [1, 2, 3, 4, 5].map(num) },
  ];
  if (b.owners.length > 0) lists.push({ title: SETTINGS_TEXT.ownerList, key: 'OwnerList', values: b.owners.map(text) });
  lists.forEach((list, i) => {
    const column = S.listsColumn + i;
    cell(S.listsHeaderRow, column, text(t(list.title)), { style: 'header' });
    list.values.forEach((value, j) => {
      const isText = value !== null && value.kind === 'text';
      checkCellText(isText ? value.text : '', 'settings', t(list.title));
      cell(S.listsHeaderRow + 1 + j, column, value, { style: 'input', numberFormat: isText ? NUMBER_FORMATS.text : NUMBER_FORMATS.general });
    });
    name(list.key, rangeAddress(S.listsHeaderRow + 1, column, S.listsHeaderRow + list.values.length, column, true));
  });

  const columnWidths = [
    { column: 0, width: 34 },
    { column: 1, width: 16 },
    { column: 2, width: 22 },
    { column: 3, width: 26 },
    { column: 4, width: 14 },
    { column: 5, width: 16 },
    { column: 6, width: 4 },
    { column: 7, width: 4 },
    ...lists.map((list, i) => ({ column: S.listsColumn + i, width: Math.max(12, list.key === 'OwnerList' ? maxDisplayWidth(b.owners) + 2 : 12) })),
  ];
  return {
    sheet: { key: 'settings', name: t(SHEET_NAMES.settings), tabColor: COLORS.settingsTab, freeze: null, columnWidths, cells },
    names,
  };
}

// ---------------------------------------------------------------------------
// helpers

function checkTiers(tiers: readonly TierDefinition[]): void {
  if (tiers.length === 0) throw new PlanError('invalid-tier-list', 'The tier list is empty.');
  const keys = new Set<string>();
  for (const tier of tiers) {
    if (keys.has(tier.key)) throw new PlanError('invalid-tier-list', `Duplicate tier key: ${tier.key}`);
    keys.add(tier.key);
  }
}

/**
 * The segments ordered by formula index 1 + 4*(M low) + 2*(R low) + (F low),
 * which is the contract's table order. Throws when a combination is missing
 * or repeated, since the formula could not find it.
 */
export function segmentsInFormulaOrder(segments: readonly SegmentDefinition[]): SegmentDefinition[] {
  const ordered: SegmentDefinition[] = [];
  for (let index = 0; index < 8; index++) {
    const mHigh = (index & 4) === 0;
    const rHigh = (index & 2) === 0;
    const fHigh = (index & 1) === 0;
    const matches = segments.filter((s) => s.rHigh === rHigh && s.fHigh === fHigh && s.mHigh === mHigh);
    if (matches.length !== 1) {
      throw new PlanError(
        'incomplete-segment-map',
        `The segment map needs exactly one segment for R ${rHigh ? 'high' : 'low'}, F ${fHigh ? 'high' : 'low'}, M ${mHigh ? 'high' : 'low'}; found ${matches.length}.`,
      );
    }
    ordered.push(matches[0] as SegmentDefinition);
  }
  return ordered;
}

function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Table headers must be unique case-insensitively (Excel's rule); a repeat gets " (2)", " (3)". */
function uniqueHeader(header: string, used: Set<string>): string {
  let candidate = header;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${header} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** A carried source header as a table header: control characters become spaces, empty becomes "Column". */
function cleanHeader(header: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we replace
  const cleaned = header.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 255) : 'Column';
}

function fieldNumberFormat(field: FieldKey): string {
  if (DATE_FIELDS.has(field)) return NUMBER_FORMATS.date;
  if (TEXT_FIELDS.has(field)) return NUMBER_FORMATS.text;
  return NUMBER_FORMATS.general;
}

/** Text format when every carried value of the column is text (so typed text stays text), General otherwise. */
function carriedNumberFormat(customers: readonly GradedCustomer[], header: string): string {
  let sawValue = false;
  for (const c of customers) {
    const value = c.record.carried[header];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') return NUMBER_FORMATS.general;
    sawValue = true;
  }
  return sawValue ? NUMBER_FORMATS.text : NUMBER_FORMATS.general;
}

function checkCellText(text: string, where: string, column: string): void {
  if (text.length > MAX_CELL_TEXT) {
    throw new PlanError('cell-text-too-long', `${where}: a text of ${text.length} characters in column "${column}" exceeds a cell's ${MAX_CELL_TEXT}.`);
  }
}

function textValue(text: string, customer: GradedCustomer, column: string): PlanValue {
  checkCellText(text, `source row ${customer.record.sourceRow}`, column);
  return { kind: 'text', text };
}

function fieldValue(customer: GradedCustomer, field: FieldKey, locale: Locale, header: string): PlanValue {
  const record = customer.record;
  switch (field) {
    case 'customerId':
      return textValue(record.id, customer, header);
    case 'lastPurchase':
      return record.lastPurchase === null ? null : { kind: 'date', day: record.lastPurchase };
    case 'firstPurchase':
      return record.firstPurchase === null ? null : { kind: 'date', day: record.firstPurchase };
    case 'orderCount':
      return { kind: 'number', value: record.frequency };
    case 'totalSpend':
      return { kind: 'number', value: record.monetary };
    case 'tierOverride':
      return record.tierOverride === null ? null : textValue(record.tierOverride, customer, header);
    default:
      break;
  }
  const value = record.profile[field] ?? null;
  if (value === null) return null;
  if (DATE_FIELDS.has(field) && typeof value === 'number') return { kind: 'date', day: value as DayNumber };
  if (field === 'consent' && typeof value === 'boolean') return { kind: 'text', text: pick(CONSENT_VALUES[value ? 0 : 1] as Localized, locale) };
  if (TEXT_FIELDS.has(field)) return textValue(String(value), customer, header);
  return carriedValue(value, customer, header);
}

function carriedValue(value: CarriedValue, customer: GradedCustomer, header: string): PlanValue {
  if (value === null) return null;
  if (typeof value === 'string') return textValue(value, customer, header);
  if (typeof value === 'boolean') return { kind: 'bool', value };
  return { kind: 'number', value };
}

function tierLabeller(tiers: readonly TierDefinition[], locale: Locale): (key: string) => string {
  const labels = new Map(tiers.map((tier) => [tier.key, pick(tier.label, locale)] as const));
  return (key) => labels.get(key) ?? key;
}

function computedValue(
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

function distinctOwners(customers: readonly GradedCustomer[]): string[] {
  const seen = new Set<string>();
  const owners: string[] = [];
  for (const c of customers) {
    const owner = c.record.profile.owner;
    if (owner === null || owner === undefined) continue;
    const text = String(owner).trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    owners.push(text);
  }
  return owners;
}

/** Display width in "characters of the default font": CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000) ? 2 : 1;
  }
  return width;
}

function maxDisplayWidth(texts: readonly string[]): number {
  let max = 0;
  for (const s of texts) max = Math.max(max, displayWidth(s));
  return max;
}

/** Rows sampled to size a column: enough to see typical values, cheap at 100k rows. */
const WIDTH_SAMPLE_ROWS = 200;

function columnWidth(column: TableColumnPlan, rows: readonly (readonly PlanValue[])[], index: number): number {
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
