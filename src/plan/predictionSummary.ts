/**
 * The Summary sheet's prediction blocks (issue 9), placed below the existing
 * blocks (summarySheet.ts) when the build has a prediction:
 *
 * - predicted value by tier and by segment: customers with a prediction,
 *   expected purchases, expected revenue (next H days), CLV (M months), their
 *   averages per customer and each group's share of CLV, as live formulas
 *   over the Customers table's prediction columns (COUNTIFS / SUMIFS /
 *   AVERAGEIFS; expected revenue = SUMPRODUCT of expected purchases x
 *   expected value per purchase, a product SUMIFS cannot sum);
 * - "at risk, high value — call first": the customers at high churn risk
 *   (live P(active) below Pred_HighRisk) with the highest CLV, the first
 *   AT_RISK_LIST_LENGTH, as live formulas (the rule of
 *   src/domain/prediction/summary.ts, which gives the cached results).
 *
 * Every formula cell carries the core's value as its cached result. The
 * values summed are the core's (the table's expected purchases, expected
 * value and CLV are values: Excel has no 2F1); P(active) is the table's live
 * formula, so the call-first list follows the as-of date and the threshold.
 *
 * The call-first list without SORT / FILTER (LibreOffice 7.4 has neither):
 * with E = ISNUMBER(P) x ISNUMBER(CLV) x (P < Pred_HighRisk) over the table,
 * the k-th CLV is AGGREGATE(14, 6, CLV / E, k) (LARGE ignoring the #DIV/0! of
 * the rows E excludes); its table row is the j-th row holding that CLV with
 * E = 1, j = k - (rows with E = 1 and a larger CLV), by AGGREGATE(15, 6, ...)
 * (SMALL) over the row numbers: equal CLVs come out in table order, each once.
 * No criteria text is built from a CLV (`">"&v` would round it to 15 digits).
 *
 * Cost per recalculation: 3 passes over the table per group cell, and per
 * listed customer about 4 array passes over 3 columns: 20 x 12 column passes.
 *
 * No prediction (`--no-predict`): nothing is added. A prediction that could
 * not be fitted: the title and why, no figure.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { formatIsoDay, type DayNumber } from '../domain/dates';
import type { GradingSettings, SegmentDefinition } from '../domain/settings';
import type { PredictionRun } from '../domain/prediction/report';
import { AT_RISK_LIST_LENGTH, type PredictionGroup, type PredictionSummary } from '../domain/prediction/summary';
import type { SummaryLayout } from './chartTypes';
import type { CachedResult, CellStyle, PlanCell, PlanValue, SheetPlan, TablePlan } from './types';
import { cellAddress, columnRef, rangeAddress } from './a1';
import { NAMES } from './formulas';
import { displayWidth } from './parts/common';
import { PREDICTION_NAMES } from './parts/prediction';
import { exactCriterion, segmentNameIndex, SUMMARY_FORMATS, type SummarySheetPart } from './summarySheet';
import { PREDICTION_SUMMARY_TEXT as T } from './predictionSummaryStrings';

/** Where the prediction blocks' figures sit (absolute A1, one column each); null where the build has no such figure. */
export interface PredictionBlockRefs {
  readonly rows: number;
  readonly labels: string;
  readonly predicted: string;
  readonly expectedPurchases: string;
  readonly expectedRevenue: string | null;
  readonly avgExpectedRevenue: string | null;
  readonly clv: string | null;
  readonly avgClv: string | null;
  readonly clvShare: string | null;
  /** The "All customers" row's cells, same order as above (one cell each). */
  readonly total: { readonly predicted: string; readonly expectedPurchases: string; readonly expectedRevenue: string | null; readonly clv: string | null };
}

export interface CallFirstRefs {
  /** Rows of the list (AT_RISK_LIST_LENGTH); rows past the selected customers are "". */
  readonly rows: number;
  readonly id: string;
  readonly name: string | null;
  readonly owner: string | null;
  readonly tier: string;
  readonly pAlive: string;
  readonly clv: string;
  /** The hidden helper: each listed customer's 1-based row in the Customers table's body. */
  readonly tableRow: string;
  /** Customers at high churn risk with a CLV, and their CLV summed (one cell each). */
  readonly highRiskCustomers: string;
  readonly highRiskClv: string;
}

export interface PredictionSummaryLayout {
  readonly byTier: PredictionBlockRefs;
  readonly bySegment: PredictionBlockRefs;
  /** null without a spend model (no CLV to rank by). */
  readonly callFirst: CallFirstRefs | null;
}

export interface PredictionSummaryInput {
  readonly prediction: PredictionRun | null | undefined;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  readonly asOf: DayNumber;
  /** The Customers table as the plan has it (with the prediction columns when there are any). */
  readonly table: TablePlan;
}

/** Columns of the prediction blocks (0-based). */
const C = { label: 0, predicted: 1, purchases: 2, revenue: 3, avgRevenue: 4, clv: 5, avgClv: 6, clvShare: 7, helper: 8 } as const;

const PURCHASES_FORMAT = '#,##0.0';

const fill = (template: string, values: Readonly<Record<string, string | number>>): string => template.replace(/\{(\w+)\}/g, (whole, k: string) => String(values[k] ?? whole));

const percentText = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** A table body value as the `INDEX(...)&""` of the call-first list shows it. */
function asListText(value: PlanValue | undefined, cached: CachedResult | undefined): string {
  if (cached !== undefined && cached !== null) return String(cached);
  if (value === null || value === undefined) return '';
  switch (value.kind) {
    case 'text': return value.text;
    case 'number': return String(value.value);
    case 'date': return String(value.day);
    case 'bool': return value.value ? 'TRUE' : 'FALSE';
    case 'formula': return '';
  }
}

/** The Summary part with the prediction blocks appended below its last row, and its layout's `prediction`. */
export function withPredictionSummary(part: SummarySheetPart, input: PredictionSummaryInput): SummarySheetPart {
  const { prediction, settings, locale, table } = input;
  if (prediction === null || prediction === undefined) return part;
  const t = (text: Localized): string => pick(text, locale);
  const cells: PlanCell[] = [];
  const put = (row: number, column: number, value: PlanValue, style: CellStyle | undefined, extra: Omit<PlanCell, 'row' | 'column' | 'value' | 'style'> = {}): void => {
    cells.push({ row, column, value, ...(style ? { style } : {}), ...extra });
  };
  const text = (s: string): PlanValue => ({ kind: 'text', text: s });
  const formula = (f: string): PlanValue => ({ kind: 'formula', formula: f });
  const computed = (row: number, column: number, f: string, cached: CachedResult, numberFormat: string): void => put(row, column, formula(f), 'computed', { numberFormat, cachedResult: cached });
  const ref = (row: number, column: number): string => cellAddress(row, column, true);
  const columnRange = (first: number, last: number, column: number): string => rangeAddress(first, column, last, column, true);
  const headerOf = (key: string): string | null => table.columns.find((c) => c.key === key)?.header ?? null;
  const colOf = (key: string): string | null => {
    const header = headerOf(key);
    return header === null ? null : columnRef(table.name, header);
  };

  const lastRow = part.sheet.cells.reduce((max, c) => Math.max(max, c.row), 0);
  const titleRow = lastRow + 3;
  put(titleRow, 0, text(t(T.title)), 'subtitle');

  const result = prediction.result;
  const summary = prediction.summary;
  const pCol = colOf('pAlive');
  const epCol = colOf('expectedPurchases');
  const tierHeader = headerOf('tier');
  if (result.purchaseModel === null || summary === null || pCol === null || epCol === null || tierHeader === null) {
    // Nothing was predicted: say why, show no figure.
    let row = titleRow + 1;
    const reasons = result.purchaseModel === null ? result.problems.map((p) => t(p.message)) : [t(T.noFirstPurchase)];
    put(row++, 0, text(t(T.unavailable)), 'note');
    for (const reason of reasons) put(row++, 0, text(reason), 'note');
    return { sheet: { ...part.sheet, cells: [...part.sheet.cells, ...cells] }, layout: part.layout };
  }

  const evCol = colOf('expectedValue');
  const clvCol = colOf('clv');
  const withValue = evCol !== null && clvCol !== null && result.spendModel !== null;
  const run = prediction.settings;
  put(
    titleRow + 1,
    0,
    text(fill(t(T.note), { date: formatIsoDay(input.asOf), n: result.purchaseModel.customersUsed, h: run.horizonDays, m: run.clvMonths, d: percentText(run.monthlyDiscount) })),
    'note',
  );
  let row = titleRow + 2;
  if (!withValue) {
    put(row++, 0, text(t(T.noValueModel)), 'note');
    for (const p of result.problems) put(row++, 0, text(t(p.message)), 'note');
  }
  const tierCol = columnRef(table.name, tierHeader);

  // Totals over all customers, from the core (the tiers partition them).
  const sum = (f: (g: PredictionGroup) => number | null): number => summary.byTier.reduce((s, g) => s + (f(g) ?? 0), 0);
  const total = { predicted: sum((g) => g.predicted), purchases: sum((g) => g.expectedPurchases), revenue: sum((g) => g.expectedRevenue), clv: sum((g) => g.clv) };

  const block = (title: Localized, labelHeader: string, groups: readonly PredictionGroup[], labelFormula: (g: PredictionGroup) => string, labelText: (g: PredictionGroup) => string, criterionColumn: string, labelFill: (g: PredictionGroup) => string | undefined): PredictionBlockRefs => {
    const blockTitleRow = row + 1;
    const headerRow = blockTitleRow + 1;
    const first = headerRow + 1;
    const last = first + groups.length - 1;
    const totalRow = last + 1;
    put(blockTitleRow, 0, text(t(title)), 'subtitle');
    const values = { h: run.horizonDays, m: run.clvMonths };
    const headers = [labelHeader, t(T.headerPredicted), fill(t(T.headerExpectedPurchases), values), ...(withValue ? [fill(t(T.headerExpectedRevenue), values), t(T.headerAvgExpectedRevenue), fill(t(T.headerClv), values), t(T.headerAvgClv), t(T.headerClvShare)] : [])];
    headers.forEach((h, i) => put(headerRow, i, text(h), 'header'));
    const totalClv = ref(totalRow, C.clv);
    groups.forEach((g, i) => {
      const r = first + i;
      const label = ref(r, C.label);
      const criterion = exactCriterion(label);
      const predicted = ref(r, C.predicted);
      const fillColor = labelFill(g);
      put(r, C.label, formula(labelFormula(g)), 'label', { cachedResult: labelText(g), ...(fillColor !== undefined ? { fill: fillColor } : {}) });
      // Expected purchases are numbers >= 0 where there is a prediction, empty elsewhere.
      computed(r, C.predicted, `=COUNTIFS(${criterionColumn},${criterion},${epCol},">=0")`, g.predicted, SUMMARY_FORMATS.count);
      // A group nobody in it is predicted for shows "", not a 0 that reads as a prediction.
      const none = g.predicted === 0;
      computed(r, C.purchases, `=IF(${predicted}=0,"",SUMIFS(${epCol},${criterionColumn},${criterion}))`, none ? '' : g.expectedPurchases, PURCHASES_FORMAT);
      if (withValue && evCol !== null && clvCol !== null) {
        const revenue = ref(r, C.revenue);
        const clv = ref(r, C.clv);
        // SUMPRODUCT reads the empty cells of prospects as 0; `=` compares text as COUNTIFS's "=" does (case-insensitively).
        computed(r, C.revenue, `=IF(${predicted}=0,"",SUMPRODUCT(--(${criterionColumn}=${label}),${epCol},${evCol}))`, none ? '' : (g.expectedRevenue ?? 0), SUMMARY_FORMATS.money);
        computed(r, C.avgRevenue, `=IF(${predicted}=0,"",${revenue}/${predicted})`, g.avgExpectedRevenue ?? '', SUMMARY_FORMATS.money);
        computed(r, C.clv, `=IF(${predicted}=0,"",SUMIFS(${clvCol},${criterionColumn},${criterion}))`, none ? '' : (g.clv ?? 0), SUMMARY_FORMATS.money);
        computed(r, C.avgClv, `=IFERROR(AVERAGEIFS(${clvCol},${criterionColumn},${criterion}),"")`, g.avgClv ?? '', SUMMARY_FORMATS.money);
        computed(r, C.clvShare, `=IF(OR(${predicted}=0,${totalClv}=0),"",${clv}/${totalClv})`, none || total.clv === 0 ? '' : (g.clv ?? 0) / total.clv, SUMMARY_FORMATS.percent);
      }
    });
    put(totalRow, C.label, text(t(T.allCustomers)), 'label');
    computed(totalRow, C.predicted, `=COUNT(${epCol})`, total.predicted, SUMMARY_FORMATS.count);
    computed(totalRow, C.purchases, `=SUM(${epCol})`, total.purchases, PURCHASES_FORMAT);
    if (withValue && evCol !== null && clvCol !== null) {
      computed(totalRow, C.revenue, `=SUMPRODUCT(${epCol},${evCol})`, total.revenue, SUMMARY_FORMATS.money);
      computed(totalRow, C.avgRevenue, `=IF(${ref(totalRow, C.predicted)}=0,"",${ref(totalRow, C.revenue)}/${ref(totalRow, C.predicted)})`, total.predicted === 0 ? '' : total.revenue / total.predicted, SUMMARY_FORMATS.money);
      computed(totalRow, C.clv, `=SUM(${clvCol})`, total.clv, SUMMARY_FORMATS.money);
      computed(totalRow, C.avgClv, `=IFERROR(AVERAGE(${clvCol}),"")`, total.predicted === 0 ? '' : total.clv / total.predicted, SUMMARY_FORMATS.money);
    }
    row = totalRow + 1;
    const columnOrNull = (column: number): string | null => (withValue ? columnRange(first, last, column) : null);
    return {
      rows: groups.length,
      labels: columnRange(first, last, C.label),
      predicted: columnRange(first, last, C.predicted),
      expectedPurchases: columnRange(first, last, C.purchases),
      expectedRevenue: columnOrNull(C.revenue),
      avgExpectedRevenue: columnOrNull(C.avgRevenue),
      clv: columnOrNull(C.clv),
      avgClv: columnOrNull(C.avgClv),
      clvShare: columnOrNull(C.clvShare),
      total: {
        predicted: ref(totalRow, C.predicted),
        expectedPurchases: ref(totalRow, C.purchases),
        expectedRevenue: withValue ? ref(totalRow, C.revenue) : null,
        clv: withValue ? ref(totalRow, C.clv) : null,
      },
    };
  };

  const tierIndex = new Map(settings.tiers.map((tier, i) => [tier.key, i] as const));
  const tiers = summary.byTier.filter((g) => g.key !== null && tierIndex.has(g.key));
  const tierLabel = (key: string): string => {
    const tier = settings.tiers[tierIndex.get(key) ?? -1];
    return tier ? t(tier.label) : key;
  };
  const byTier = block(
    T.byTier,
    tierHeader,
    tiers,
    (g) => `=INDEX(${NAMES.tierNames},${(tierIndex.get(g.key as string) ?? 0) + 1})`,
    (g) => tierLabel(g.key as string),
    tierCol,
    (g) => settings.tiers[tierIndex.get(g.key as string) ?? -1]?.color,
  );
  const segmentByKey = new Map(settings.segments.map((s) => [s.key, s] as const));
  const segments = summary.bySegment.filter((g) => g.key !== null && segmentByKey.has(g.key as SegmentDefinition['key']));
  const segmentHeader = headerOf('segment');
  const segmentCol = colOf('segment');
  if (segmentHeader === null || segmentCol === null) throw new Error('internal: the Customers table has no segment column');
  const segmentOf = (g: PredictionGroup): SegmentDefinition => segmentByKey.get(g.key as SegmentDefinition['key']) as SegmentDefinition;
  const bySegment = block(T.bySegment, segmentHeader, segments, (g) => `=INDEX(${NAMES.segmentNames},${segmentNameIndex(segmentOf(g))})`, (g) => t(segmentOf(g).label), segmentCol, () => undefined);

  // ---- at risk, high value: call first ---------------------------------------------
  const callFirstTitleRow = row + 1;
  put(callFirstTitleRow, 0, text(t(T.callFirst)), 'subtitle');
  let callFirst: CallFirstRefs | null = null;
  const idHeader = headerOf('customerId');
  if (!withValue || clvCol === null || idHeader === null) {
    put(callFirstTitleRow + 1, 0, text(t(T.callFirstNoValue)), 'note');
    row = callFirstTitleRow + 2;
  } else {
    callFirst = callFirstBlock(callFirstTitleRow, summary);
  }

  function callFirstBlock(titleAt: number, s: PredictionSummary): CallFirstRefs {
    const p = pCol as string;
    const v = clvCol as string;
    const eligible = `(ISNUMBER(${p})*ISNUMBER(${v})*(${p}<${PREDICTION_NAMES.highRisk}))`;
    put(titleAt + 1, 0, text(fill(t(T.callFirstRule), { threshold: percentText(run.highRiskBelow), n: AT_RISK_LIST_LENGTH })), 'note');
    const countRow = titleAt + 2;
    const clvRow = titleAt + 3;
    const count = ref(countRow, 1);
    put(countRow, 0, text(t(T.highRiskCustomers)), 'label');
    computed(countRow, 1, `=SUMPRODUCT(${eligible})`, s.highRisk.customers, SUMMARY_FORMATS.count);
    put(clvRow, 0, text(t(T.highRiskClv)), 'label');
    computed(clvRow, 1, `=SUMPRODUCT(${eligible},${v})`, s.highRisk.clv ?? 0, SUMMARY_FORMATS.money);

    // Columns: ID, then name and owner where the table has them, tier, P(active), CLV; the helper after them.
    const keys = ['customerId', 'name', 'owner', 'tier', 'pAlive', 'clv'].filter((k) => headerOf(k) !== null);
    const column = (key: string): number => keys.indexOf(key);
    const helperColumn = C.helper;
    const headerRow = titleAt + 4;
    keys.forEach((k, i) => put(headerRow, i, text(headerOf(k) as string), 'header'));
    const first = headerRow + 1;
    const last = first + AT_RISK_LIST_LENGTH - 1;
    const bodyIndex = (k: string): number => table.columns.findIndex((c) => c.key === k);
    for (let k = 1; k <= AT_RISK_LIST_LENGTH; k++) {
      const r = first + k - 1;
      const listed = s.atRiskHighValue[k - 1];
      const clvCell = ref(r, column('clv'));
      const tableRow = ref(r, helperColumn);
      computed(r, column('clv'), `=IF(${k}>${count},"",AGGREGATE(14,6,${v}/${eligible},${k}))`, listed ? listed.clv : '', SUMMARY_FORMATS.money);
      // The row of the (k - larger)-th customer with this CLV: equal CLVs in table order.
      // No style: an unboxed, invisible helper (as the segment block's sort key).
      put(
        r,
        helperColumn,
        formula(`=IF(${clvCell}="","",AGGREGATE(15,6,(ROW(${v})-ROW(INDEX(${v},1,1))+1)/(${eligible}*(${v}=${clvCell})),${k}-SUMPRODUCT(${eligible}*(${v}>${clvCell}))))`),
        undefined,
        { numberFormat: SUMMARY_FORMATS.hidden, cachedResult: listed ? listed.index + 1 : '' },
      );
      for (const key of keys) {
        if (key === 'clv') continue;
        const source = colOf(key) as string;
        const c = bodyIndex(key);
        if (key === 'pAlive') {
          computed(r, column(key), `=IF(${tableRow}="","",INDEX(${source},${tableRow}))`, listed ? listed.pAlive : '', SUMMARY_FORMATS.percent);
        } else {
          // `&""`: an empty name shows empty, not 0.
          const cached = listed ? asListText(table.rows[listed.index]?.[c], table.cachedResults?.[listed.index]?.[c]) : '';
          put(r, column(key), formula(`=IF(${tableRow}="","",INDEX(${source},${tableRow})&"")`), 'computed', { cachedResult: cached });
        }
      }
    }
    row = last + 1;
    const refOf = (key: string): string | null => (column(key) < 0 ? null : columnRange(first, last, column(key)));
    return {
      rows: AT_RISK_LIST_LENGTH,
      id: refOf('customerId') as string,
      name: refOf('name'),
      owner: refOf('owner'),
      tier: refOf('tier') as string,
      pAlive: refOf('pAlive') as string,
      clv: refOf('clv') as string,
      tableRow: columnRange(first, last, helperColumn),
      highRiskCustomers: count,
      highRiskClv: ref(clvRow, 1),
    };
  }

  // Column widths: each as wide as the widest header or label now in it (the list's names included), within bounds.
  const widths = new Map(part.sheet.columnWidths.map((w) => [w.column, w.width] as const));
  for (const cell of cells) {
    if (cell.column === C.helper || cell.style === 'note' || cell.style === 'subtitle') continue;
    const shown = cell.value?.kind === 'text' ? cell.value.text : typeof cell.cachedResult === 'string' ? cell.cachedResult : '';
    if (shown === '') continue;
    const cap = cell.column === C.label ? 40 : 30;
    const want = Math.min(cap, Math.max(12, displayWidth(shown) + 2));
    if (want > (widths.get(cell.column) ?? 0)) widths.set(cell.column, want);
  }
  const columnWidths = [...widths].sort((a, b) => a[0] - b[0]).map(([column, width]) => ({ column, width }));
  const sheet: SheetPlan = { ...part.sheet, columnWidths, cells: [...part.sheet.cells, ...cells] };
  const layout: SummaryLayout = { ...part.layout, prediction: { byTier, bySegment, callFirst } };
  return { sheet, layout };
}
