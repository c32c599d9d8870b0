/**
 * The Summary sheet (汇总): GRADING.md §9 as live formulas over the Customers
 * table, and the SummaryLayout the charts bind to.
 *
 * Every figure is a COUNTIFS / SUMIFS / AVERAGEIFS over whole table columns
 * (`Customers[[Tier]]`), so editing an override or a spend in the table
 * changes the summary at once; each formula cell carries what `summarise`
 * computed as its cached result. Group labels are formulas reading the
 * Settings sheet's names (`INDEX(TierNames,k)`), so renaming a tier there
 * renames it in the table and here alike.
 *
 * Criteria: a label is compared as `"="&label` with `~ * ?` escaped, so a
 * label that starts with `<`, `>` or `=` or holds a wildcard still matches
 * only itself. Owners whose text the criteria syntax cannot match exactly
 * (a case-only twin, number- or date-like text, more than 255 characters)
 * are counted with SUMPRODUCT(EXACT(...)) instead.
 *
 * A ratio whose divisor is 0 is the empty string `""` (cached `""`), the
 * `null` of `summarise`.
 *
 * Cost per recalculation: one pass over the table per COUNTIFS / SUMIFS /
 * AVERAGEIFS cell: about 3 x (tiers + 8 segments + 5 stages) + listed owners
 * x (tiers + 2) passes; nothing per row.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { LIFECYCLE_LABELS, type GradingSettings, type SegmentDefinition } from '../domain/settings';
import { LIFECYCLE_STAGES } from '../domain/summary/summarise';
import type { CustomerSummary, GroupSummary, OwnerSummary } from '../domain/summary/types';
import type { SummaryBlockRefs, SummaryLayout } from './chartTypes';
import type { CachedResult, CellStyle, PlanCell, PlanValue, SheetPlan, TablePlan } from './types';
import { cellAddress, columnRef, rangeAddress } from './a1';
import { NAMES } from './formulas';
import { SUMMARY_SHEET_NAME, SUMMARY_TEXT } from './summaryStrings';

export interface SummarySheetInput {
  readonly summary: CustomerSummary;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  /** The Customers table of the same plan: its name and localised headers are what the formulas refer to. */
  readonly table: TablePlan;
}

export interface SummarySheetPart {
  readonly sheet: SheetPlan;
  readonly layout: SummaryLayout;
}

/** Owners listed by name at most; the rest fall into "Other" (each listed owner costs tiers + 2 passes over the table). */
export const MAX_LISTED_OWNERS = 25;

export const SUMMARY_FORMATS = {
  count: '#,##0',
  money: '#,##0.00',
  percent: '0.0%',
  days: '0.0',
  satisfaction: '0.00',
  /** The sort helper: a number nobody needs to read. */
  hidden: ';;;',
} as const;

/** Columns of the group blocks (0-based). */
const C = {
  label: 0,
  customers: 1,
  customerShare: 2,
  revenue: 3,
  revenueShare: 4,
  avgSpend: 5,
  avgRecency: 6,
  cumulative: 7,
  /** Sort key of the segment block (customers + a tie-break fraction), read by the sorted block. */
  sortKey: 8,
  sortedLabel: 9,
  sortedCustomers: 10,
} as const;

const TAB_COLOR = '#70AD47';

/** Segment's 1-based position in `SegmentNames` (formula order: 1 + 4*(M low) + 2*(R low) + (F low)). */
export function segmentNameIndex(s: SegmentDefinition): number {
  return 1 + 4 * (s.mHigh ? 0 : 1) + 2 * (s.rHigh ? 0 : 1) + (s.fHigh ? 0 : 1);
}

/** `"="&label` with the wildcard characters escaped: COUNTIFS then matches exactly that text (case-insensitively). */
export function exactCriterion(labelRef: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${labelRef},"~","~~"),"*","~*"),"?","~?")`;
}

/** Owner texts that COUNTIFS criteria cannot match exactly: number-, date- or boolean-like text, or over Excel's 255-character criterion. */
function criteriaUnsafe(owner: string): boolean {
  return owner.length > 255 || /^\s*[-+]?[\d.,:/\s]+%?\s*$/.test(owner) || /^\s*(true|false)\s*$/i.test(owner) || owner.trim() !== owner;
}

const nullable = (x: number | null): CachedResult => (x === null ? '' : x);

/** Width in characters of the default font, for column sizing: East Asian wide characters count two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) || (ch.codePointAt(0) ?? 0) >= 0x20000 ? 2 : 1;
  return width;
}

export function buildSummarySheet(input: SummarySheetInput): SummarySheetPart {
  const { summary, settings, locale, table } = input;
  const t = (text: Localized): string => pick(text, locale);
  const headerOf = (key: string): string | null => table.columns.find((c) => c.key === key)?.header ?? null;
  const required = (key: string): string => {
    const header = headerOf(key);
    if (header === null) throw new Error(`internal: the Customers table has no ${key} column`);
    return header;
  };
  const col = (key: string): string => columnRef(table.name, required(key));
  const tierCol = col('tier');
  const segmentCol = col('segment');
  const lifecycleCol = col('lifecycle');
  const spendCol = col('totalSpend');
  const ordersCol = col('orderCount');
  const recencyCol = col('recencyDays');
  const ownerHeader = headerOf('owner');
  const satisfactionHeader = headerOf('satisfaction');

  const cells: PlanCell[] = [];
  const put = (row: number, column: number, value: PlanValue, style: CellStyle | undefined, extra: Omit<PlanCell, 'row' | 'column' | 'value' | 'style'> = {}): void => {
    cells.push({ row, column, value, ...(style ? { style } : {}), ...extra });
  };
  const text = (s: string): PlanValue => ({ kind: 'text', text: s });
  const formula = (f: string): PlanValue => ({ kind: 'formula', formula: f });
  const computed = (row: number, column: number, f: string, cached: CachedResult, numberFormat: string): void =>
    put(row, column, formula(f), 'computed', { numberFormat, cachedResult: cached });
  const ref = (row: number, column: number): string => cellAddress(row, column, true);
  const columnRange = (first: number, last: number, column: number): string => rangeAddress(first, column, last, column, true);

  // ---- row positions ---------------------------------------------------------
  const titleRow = 0;
  const noteRow = 1;
  const kpiTitleRow = 3;
  const kpiKeys = ['customers', 'scored', 'prospects', 'revenue', 'topTierRevenueShare', 'repeatRate', 'atRiskCustomers', 'atRiskRevenue', 'churnedShare', 'avgSatisfaction'] as const;
  const kpiRow = (key: (typeof kpiKeys)[number]): number => kpiTitleRow + 1 + kpiKeys.indexOf(key);
  const tierTitleRow = kpiRow('avgSatisfaction') + 2;
  const tierFirst = tierTitleRow + 2;
  const tierLast = tierFirst + summary.byTier.length - 1;
  const segmentTitleRow = tierLast + 3;
  const segmentFirst = segmentTitleRow + 2;
  const segmentLast = segmentFirst + summary.bySegment.length - 1;
  const lifecycleTitleRow = segmentLast + 3;
  const lifecycleFirst = lifecycleTitleRow + 2;
  const lifecycleLast = lifecycleFirst + summary.byLifecycle.length - 1;
  const ownerTitleRow = lifecycleLast + 3;

  const totalCustomers = ref(kpiRow('customers'), 1);
  const totalRevenue = ref(kpiRow('revenue'), 1);
  const scoredCell = ref(kpiRow('scored'), 1);

  put(titleRow, 0, text(t(SUMMARY_TEXT.title)), 'title');
  put(noteRow, 0, text(t(SUMMARY_TEXT.note)), 'note');

  // ---- group blocks ------------------------------------------------------------
  const totalCents = Math.round(summary.revenue * 100);
  const groupBlock = (
    titleRow: number,
    title: Localized,
    labelHeader: string,
    groups: readonly GroupSummary[],
    labelFormula: (g: GroupSummary, i: number) => string,
    labelText: (g: GroupSummary) => string,
    criterionColumn: string,
    labelFill: (g: GroupSummary) => string | undefined,
    withCumulative: boolean,
  ): SummaryBlockRefs & { readonly cumulativeRevenueShare: string } => {
    const headerRow = titleRow + 1;
    const first = headerRow + 1;
    const last = first + groups.length - 1;
    put(titleRow, 0, text(t(title)), 'subtitle');
    const headers = [
      labelHeader,
      t(SUMMARY_TEXT.headerCustomers),
      t(SUMMARY_TEXT.headerCustomerShare),
      t(SUMMARY_TEXT.headerRevenue),
      t(SUMMARY_TEXT.headerRevenueShare),
      t(SUMMARY_TEXT.headerAvgSpend),
      t(SUMMARY_TEXT.headerAvgRecency),
      ...(withCumulative ? [t(SUMMARY_TEXT.headerCumulative)] : []),
    ];
    headers.forEach((h, i) => put(headerRow, i, text(h), 'header'));
    let runningCents = 0;
    groups.forEach((g, i) => {
      const row = first + i;
      const label = ref(row, C.label);
      const criterion = exactCriterion(label);
      const customers = ref(row, C.customers);
      const revenue = ref(row, C.revenue);
      const fill = labelFill(g);
      put(row, C.label, formula(labelFormula(g, i)), 'label', { cachedResult: labelText(g), ...(fill !== undefined ? { fill } : {}) });
      computed(row, C.customers, `=COUNTIFS(${criterionColumn},${criterion})`, g.customers, SUMMARY_FORMATS.count);
      computed(row, C.customerShare, `=IF(${totalCustomers}=0,"",${customers}/${totalCustomers})`, nullable(g.customerShare), SUMMARY_FORMATS.percent);
      computed(row, C.revenue, `=SUMIFS(${spendCol},${criterionColumn},${criterion})`, g.revenue, SUMMARY_FORMATS.money);
      computed(row, C.revenueShare, `=IF(${totalRevenue}=0,"",${revenue}/${totalRevenue})`, nullable(g.revenueShare), SUMMARY_FORMATS.percent);
      computed(row, C.avgSpend, `=IF(${customers}=0,"",${revenue}/${customers})`, nullable(g.avgSpend), SUMMARY_FORMATS.money);
      // AVERAGEIFS skips the "" recency of prospects; with no number at all it is #DIV/0!.
      computed(row, C.avgRecency, `=IFERROR(AVERAGEIFS(${recencyCol},${criterionColumn},${criterion}),"")`, nullable(g.avgRecencyDays), SUMMARY_FORMATS.days);
      if (withCumulative) {
        runningCents += Math.round(g.revenue * 100);
        const running = `SUM(${ref(first, C.revenue)}:${revenue})`;
        computed(row, C.cumulative, `=IF(${totalRevenue}=0,"",${running}/${totalRevenue})`, totalCents === 0 ? '' : runningCents / totalCents, SUMMARY_FORMATS.percent);
      }
    });
    // Totals of the block (a segment block totals the customers that have a segment).
    const totalRow = last + 1;
    const customersSum = groups.reduce((a, g) => a + g.customers, 0);
    const revenueCentsSum = groups.reduce((a, g) => a + Math.round(g.revenue * 100), 0);
    put(totalRow, C.label, text(t(SUMMARY_TEXT.total)), 'label');
    computed(totalRow, C.customers, `=SUM(${columnRange(first, last, C.customers)})`, customersSum, SUMMARY_FORMATS.count);
    computed(totalRow, C.revenue, `=SUM(${columnRange(first, last, C.revenue)})`, revenueCentsSum / 100, SUMMARY_FORMATS.money);
    return {
      rows: groups.length,
      labels: columnRange(first, last, C.label),
      customers: columnRange(first, last, C.customers),
      customerShare: columnRange(first, last, C.customerShare),
      revenue: columnRange(first, last, C.revenue),
      revenueShare: columnRange(first, last, C.revenueShare),
      avgSpend: columnRange(first, last, C.avgSpend),
      avgRecencyDays: columnRange(first, last, C.avgRecency),
      cumulativeRevenueShare: withCumulative ? columnRange(first, last, C.cumulative) : '',
    };
  };

  const tierIndex = new Map(settings.tiers.map((tier, i) => [tier.key, i] as const));
  const tierLabel = (key: string): string => {
    const tier = settings.tiers[tierIndex.get(key) ?? -1];
    return tier ? t(tier.label) : key;
  };
  const byTier = groupBlock(
    tierTitleRow,
    SUMMARY_TEXT.byTier,
    required('tier'),
    summary.byTier,
    (g) => `=INDEX(${NAMES.tierNames},${(tierIndex.get(g.key) ?? 0) + 1})`,
    (g) => tierLabel(g.key),
    tierCol,
    (g) => settings.tiers[tierIndex.get(g.key) ?? -1]?.color,
    true,
  );

  const segmentByKey = new Map(settings.segments.map((s) => [s.key, s] as const));
  const segmentLabel = (key: string): string => {
    const s = segmentByKey.get(key as SegmentDefinition['key']);
    return s ? t(s.label) : key;
  };
  const { cumulativeRevenueShare: _noSegmentCumulative, ...bySegment } = groupBlock(
    segmentTitleRow,
    SUMMARY_TEXT.bySegment,
    required('segment'),
    summary.bySegment,
    (g) => `=INDEX(${NAMES.segmentNames},${segmentNameIndex(segmentByKey.get(g.key as SegmentDefinition['key']) as SegmentDefinition)})`,
    (g) => segmentLabel(g.key),
    segmentCol,
    () => undefined,
    false,
  );

  // The segment block sorted by customers, descending, live: a sort key of customers + (n + 1 - i) / (n + 1)
  // is distinct per row and keeps equal counts in block order; LARGE picks the j-th key, MATCH finds its row.
  const n = summary.bySegment.length;
  const sortKeys = columnRange(segmentFirst, segmentLast, C.sortKey);
  const sortedOrder = summary.bySegment.map((g, i) => ({ g, i })).sort((a, b) => b.g.customers - a.g.customers || a.i - b.i);
  put(segmentTitleRow, C.sortedLabel, text(t(SUMMARY_TEXT.bySegmentSorted)), 'subtitle');
  put(segmentTitleRow + 1, C.sortedLabel, text(required('segment')), 'header');
  put(segmentTitleRow + 1, C.sortedCustomers, text(t(SUMMARY_TEXT.headerCustomers)), 'header');
  summary.bySegment.forEach((g, i) => {
    const row = segmentFirst + i;
    // No style: an unboxed, invisible helper between the two blocks.
    put(row, C.sortKey, formula(`=${ref(row, C.customers)}+${n - i}/${n + 1}`), undefined, { numberFormat: SUMMARY_FORMATS.hidden, cachedResult: g.customers + (n - i) / (n + 1) });
  });
  sortedOrder.forEach(({ g }, j) => {
    const row = segmentFirst + j;
    const position = `MATCH(LARGE(${sortKeys},${j + 1}),${sortKeys},0)`;
    put(row, C.sortedLabel, formula(`=INDEX(${bySegment.labels},${position})`), 'label', { cachedResult: segmentLabel(g.key) });
    computed(row, C.sortedCustomers, `=INDEX(${bySegment.customers},${position})`, g.customers, SUMMARY_FORMATS.count);
  });

  const lifecycleLabel = (key: string): string => {
    const stage = LIFECYCLE_STAGES.indexOf(key as (typeof LIFECYCLE_STAGES)[number]);
    return stage < 0 ? key : t(LIFECYCLE_LABELS[LIFECYCLE_STAGES[stage] as (typeof LIFECYCLE_STAGES)[number]]);
  };
  const { cumulativeRevenueShare: _noLifecycleCumulative, ...byLifecycle } = groupBlock(
    lifecycleTitleRow,
    SUMMARY_TEXT.byLifecycle,
    required('lifecycle'),
    summary.byLifecycle,
    (g) => `=INDEX(${NAMES.lifecycleNames},${LIFECYCLE_STAGES.indexOf(g.key as (typeof LIFECYCLE_STAGES)[number]) + 1})`,
    (g) => lifecycleLabel(g.key),
    lifecycleCol,
    () => undefined,
    false,
  );

  // ---- KPIs ----------------------------------------------------------------------
  put(kpiTitleRow, 0, text(t(SUMMARY_TEXT.kpis)), 'subtitle');
  const k = summary.kpis;
  const lifecycleRow = (key: (typeof LIFECYCLE_STAGES)[number]): number => lifecycleFirst + summary.byLifecycle.findIndex((g) => g.key === key);
  const kpi = (key: (typeof kpiKeys)[number], f: string | null, cached: CachedResult, numberFormat: string, note: Localized | null = null): void => {
    const row = kpiRow(key);
    put(row, 0, text(t(SUMMARY_TEXT[key])), 'label');
    if (f !== null) computed(row, 1, f, cached, numberFormat);
    if (note !== null) put(row, 2, text(t(note)), 'note');
  };
  kpi('customers', `=ROWS(${tierCol})`, summary.customers, SUMMARY_FORMATS.count);
  kpi('scored', `=COUNTIFS(${ordersCol},">=1")`, summary.scored, SUMMARY_FORMATS.count);
  kpi('prospects', `=${totalCustomers}-${scoredCell}`, summary.prospects, SUMMARY_FORMATS.count);
  kpi('revenue', `=SUM(${spendCol})`, summary.revenue, SUMMARY_FORMATS.money);
  const topTierIndex = summary.byTier.findIndex((g) => settings.tiers[tierIndex.get(g.key) ?? -1]?.rule.kind === 'score');
  if (topTierIndex >= 0) {
    kpi('topTierRevenueShare', `=IF(${totalRevenue}=0,"",${ref(tierFirst + topTierIndex, C.revenue)}/${totalRevenue})`, nullable(k.topTierRevenueShare), SUMMARY_FORMATS.percent);
    // Which tier that is, by name, live from the by-tier block.
    const topTier = summary.byTier[topTierIndex] as GroupSummary;
    put(kpiRow('topTierRevenueShare'), 2, formula(`=${ref(tierFirst + topTierIndex, C.label)}`), 'note', { cachedResult: tierLabel(topTier.key) });
  } else {
    kpi('topTierRevenueShare', null, null, SUMMARY_FORMATS.percent, SUMMARY_TEXT.noScoreTier);
  }
  kpi('repeatRate', `=IF(${scoredCell}=0,"",COUNTIFS(${ordersCol},">=2")/${scoredCell})`, nullable(k.repeatRate), SUMMARY_FORMATS.percent, SUMMARY_TEXT.repeatRateNote);
  const churned = lifecycleRow('churned');
  const atRisk = lifecycleRow('at-risk');
  kpi('atRiskCustomers', `=${ref(atRisk, C.customers)}+${ref(churned, C.customers)}`, k.atRiskCustomers, SUMMARY_FORMATS.count);
  kpi('atRiskRevenue', `=${ref(atRisk, C.revenue)}+${ref(churned, C.revenue)}`, k.atRiskRevenue, SUMMARY_FORMATS.money);
  kpi('churnedShare', `=IF(${scoredCell}=0,"",${ref(churned, C.customers)}/${scoredCell})`, nullable(k.churnedShare), SUMMARY_FORMATS.percent, SUMMARY_TEXT.churnedShareNote);
  if (satisfactionHeader !== null) {
    const s = columnRef(table.name, satisfactionHeader);
    kpi('avgSatisfaction', `=IFERROR(AVERAGEIFS(${s},${s},">=1",${s},"<=5"),"")`, nullable(k.avgSatisfaction), SUMMARY_FORMATS.satisfaction);
  } else {
    kpi('avgSatisfaction', null, null, SUMMARY_FORMATS.satisfaction, SUMMARY_TEXT.noSatisfaction);
  }

  // ---- owner x tier --------------------------------------------------------------
  let ownerByTier: SummaryLayout['ownerByTier'] = null;
  if (ownerHeader !== null) {
    const ownerCol = columnRef(table.name, ownerHeader);
    const named = summary.byOwner.filter((o) => o.owner !== null);
    const listed = named.slice(0, MAX_LISTED_OWNERS);
    const noOwner = summary.byOwner.find((o) => o.owner === null) ?? null;
    const folded = new Map<string, number>();
    for (const o of named) folded.set((o.owner as string).toLowerCase(), (folded.get((o.owner as string).toLowerCase()) ?? 0) + 1);
    const exactOnly = (owner: string): boolean => criteriaUnsafe(owner) || (folded.get(owner.toLowerCase()) ?? 0) > 1;

    const headerRow = ownerTitleRow + 1;
    const first = headerRow + 1;
    const firstTierColumn = 3;
    put(ownerTitleRow, 0, text(t(SUMMARY_TEXT.byOwner)), 'subtitle');
    put(headerRow, 0, text(ownerHeader), 'header');
    put(headerRow, 1, text(t(SUMMARY_TEXT.headerCustomers)), 'header');
    put(headerRow, 2, text(t(SUMMARY_TEXT.headerRevenue)), 'header');
    summary.byTier.forEach((g, i) => {
      put(headerRow, firstTierColumn + i, formula(`=INDEX(${NAMES.tierNames},${(tierIndex.get(g.key) ?? 0) + 1})`), 'header', { cachedResult: tierLabel(g.key) });
    });
    const tierHeader = (i: number): string => ref(headerRow, firstTierColumn + i);

    const rows: { label: string; entry: OwnerSummary; kind: 'owner' | 'none' }[] = listed.map((o) => ({ label: o.owner as string, entry: o, kind: 'owner' }));
    if (noOwner !== null) rows.push({ label: t(SUMMARY_TEXT.noOwner), entry: noOwner, kind: 'none' });
    rows.forEach(({ label, entry, kind }, r) => {
      const row = first + r;
      const labelRef = ref(row, 0);
      put(row, 0, text(label), 'label');
      let countF: string;
      let revenueF: string;
      let tierF: (i: number) => string;
      if (kind === 'none') {
        // Blank owner cells: `=""` is true for empty cells and empty texts alike.
        const match = `--(${ownerCol}="")`;
        countF = `=SUMPRODUCT(${match})`;
        revenueF = `=SUMPRODUCT(${match},${spendCol})`;
        tierF = (i) => `=SUMPRODUCT(${match},--(${tierCol}=${tierHeader(i)}))`;
      } else if (exactOnly(label)) {
        const match = `--EXACT(${ownerCol},${labelRef})`;
        countF = `=SUMPRODUCT(${match})`;
        revenueF = `=SUMPRODUCT(${match},${spendCol})`;
        tierF = (i) => `=SUMPRODUCT(${match},--(${tierCol}=${tierHeader(i)}))`;
      } else {
        const criterion = exactCriterion(labelRef);
        countF = `=COUNTIFS(${ownerCol},${criterion})`;
        revenueF = `=SUMIFS(${spendCol},${ownerCol},${criterion})`;
        tierF = (i) => `=COUNTIFS(${ownerCol},${criterion},${tierCol},${exactCriterion(tierHeader(i))})`;
      }
      computed(row, 1, countF, entry.customers, SUMMARY_FORMATS.count);
      computed(row, 2, revenueF, entry.revenue, SUMMARY_FORMATS.money);
      summary.byTier.forEach((g, i) => computed(row, firstTierColumn + i, tierF(i), entry.tiers[g.key] ?? 0, SUMMARY_FORMATS.count));
    });

    // Other = total minus the rows above: owners typed in since the build, and those beyond the listed ones.
    const otherRow = first + rows.length;
    const listedLast = otherRow - 1;
    const unlisted = named.slice(MAX_LISTED_OWNERS);
    const above = (column: number): string => (rows.length === 0 ? '0' : `SUM(${columnRange(first, listedLast, column)})`);
    put(otherRow, 0, text(t(SUMMARY_TEXT.other)), 'label');
    computed(otherRow, 1, `=${totalCustomers}-${above(1)}`, unlisted.reduce((a, o) => a + o.customers, 0), SUMMARY_FORMATS.count);
    // Rounded to cents: a difference of sums of cents, without binary noise (no "-0.00").
    computed(otherRow, 2, `=ROUND(${totalRevenue}-${above(2)},2)`, unlisted.reduce((a, o) => a + Math.round(o.revenue * 100), 0) / 100, SUMMARY_FORMATS.money);
    summary.byTier.forEach((g, i) => {
      const tierTotal = ref(tierFirst + i, C.customers);
      computed(otherRow, firstTierColumn + i, `=${tierTotal}-${above(firstTierColumn + i)}`, unlisted.reduce((a, o) => a + (o.tiers[g.key] ?? 0), 0), SUMMARY_FORMATS.count);
    });
    const totalRow = otherRow + 1;
    put(totalRow, 0, text(t(SUMMARY_TEXT.total)), 'label');
    computed(totalRow, 1, `=${totalCustomers}`, summary.customers, SUMMARY_FORMATS.count);
    computed(totalRow, 2, `=${totalRevenue}`, summary.revenue, SUMMARY_FORMATS.money);
    summary.byTier.forEach((g, i) => computed(totalRow, firstTierColumn + i, `=${ref(tierFirst + i, C.customers)}`, g.customers, SUMMARY_FORMATS.count));
    put(totalRow + 1, 0, text(t(SUMMARY_TEXT.ownerNote).replace('{max}', String(MAX_LISTED_OWNERS))), 'note');

    ownerByTier = {
      rows: rows.length + 1,
      labels: columnRange(first, otherRow, 0),
      customers: columnRange(first, otherRow, 1),
      revenue: columnRange(first, otherRow, 2),
      tiers: summary.byTier.map((g, i) => ({ tierKey: g.key, header: tierHeader(i), customers: columnRange(first, otherRow, firstTierColumn + i) })),
    };
  }

  const widest = (texts: readonly string[]): number => Math.min(40, Math.max(...texts.map(displayWidth)) + 2);
  const labelTexts = [
    ...kpiKeys.map((key) => t(SUMMARY_TEXT[key])),
    ...summary.byTier.map((g) => tierLabel(g.key)),
    ...summary.bySegment.map((g) => segmentLabel(g.key)),
    ...summary.byOwner.slice(0, MAX_LISTED_OWNERS).map((o) => o.owner ?? t(SUMMARY_TEXT.noOwner)),
  ];
  const columnWidths = [
    { column: C.label, width: widest(labelTexts) },
    // Each figure column as wide as its widest header (the owner block's tier names included), 12 to 26.
    ...[C.customers, C.customerShare, C.revenue, C.revenueShare, C.avgSpend, C.avgRecency, C.cumulative].map((column) => {
      const headers = cells.filter((cell) => cell.column === column && cell.style === 'header').map((cell) => (cell.value?.kind === 'text' ? cell.value.text : String(cell.cachedResult ?? '')));
      return { column, width: Math.min(26, Math.max(12, ...headers.map((h) => displayWidth(h) + 1))) };
    }),
    { column: C.sortKey, width: 3 },
    { column: C.sortedLabel, width: widest([t(SUMMARY_TEXT.bySegmentSorted), ...summary.bySegment.map((g) => segmentLabel(g.key))]) },
    { column: C.sortedCustomers, width: 12 },
  ];

  return {
    sheet: { key: 'summary', name: t(SUMMARY_SHEET_NAME), tabColor: TAB_COLOR, freeze: null, columnWidths, cells, replaceAllCells: true },
    layout: {
      sheet: 'summary',
      byTier,
      bySegment,
      bySegmentSorted: {
        rows: n,
        labels: columnRange(segmentFirst, segmentLast, C.sortedLabel),
        customers: columnRange(segmentFirst, segmentLast, C.sortedCustomers),
      },
      byLifecycle,
      ownerByTier,
    },
  };
}
