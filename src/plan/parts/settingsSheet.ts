/**
 * Part of the plan builder (see ../buildPlan.ts): the Settings sheet — the
 * as-of date, quantiles, breakpoints, lifecycle days, the tier list with its
 * colours, the segment map and the dropdown lists — and its defined names.
 */
import type { Locale, Localized } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import type { SegmentDefinition, TierDefinition } from '../../domain/settings';
import { LIFECYCLE_LABELS } from '../../domain/settings';
import type { GradedCustomer } from '../../domain/types';
import { excelSerialFromDay } from '../../domain/dates';
import type { DefinedNamePlan, PlanCell, PlanValue, SheetPlan } from '../types';
import { cellAddress, rangeAddress } from '../a1';
import { CONSENT_VALUES, CUSTOMER_TYPES, NAME_COMMENTS, SETTINGS_TEXT, SHEET_NAMES, type DefinedNameKey } from '../strings';
import { LIFECYCLE_ORDER, breakpointFormula, type FormulaHeaders } from '../formulas';
import type { PlanInput } from '../buildPlan';
import { COLORS, CUSTOMERS_TABLE, NUMBER_FORMATS, PlanError, checkCellText, maxDisplayWidth } from './common';

/** Fixed layout of the Settings sheet (0-based rows and columns). */
export const S = {
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

export interface SettingsBuild {
  readonly input: PlanInput;
  readonly segmentsByIndex: readonly SegmentDefinition[];
  readonly fh: FormulaHeaders;
  readonly owners: readonly string[];
  readonly t: (text: Localized) => string;
}

export function buildSettingsSheet(b: SettingsBuild): { sheet: SheetPlan; names: DefinedNamePlan[] } {
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

export function checkTiers(tiers: readonly TierDefinition[]): void {
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

export function distinctOwners(customers: readonly GradedCustomer[]): string[] {
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
