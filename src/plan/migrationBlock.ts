/**
 * The tier migration matrix on the Summary sheet (issue 8 §2), as live
 * formulas: previous tier (rows) x current tier (columns), customers and
 * their spend, then the moved up / moved down / same / new totals.
 *
 * A transform applied at the END of buildWorkbookPlan: it starts two rows
 * below the Summary sheet's last used row, computed from the sheet's cells
 * (other blocks are added to the Summary independently). Every formula is a
 * COUNTIFS / SUMIFS over whole table columns (Customers[Previous tier],
 * Customers[Tier], Customers[Change]): a few dozen cells, each one pass.
 * Criteria are `"="&label` with wildcards escaped, so a label is matched as
 * itself. Cached results are the core's (domain/history/migration.ts).
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { fillTemplate } from '../i18n/strings';
import { formatIsoDay } from '../domain/dates';
import type { GradingSettings } from '../domain/settings';
import { migrationMatrix, tierRanks, TIER_CHANGES, type HistoryInput, type MigrationMatrix, type TierChange } from '../domain/history';
import type { PlanCell, PlanValue, TablePlan, WorkbookPlan } from './types';
import type { ChartPlan, ChartSeriesPlan, PlanRangeRef } from './chartTypes';
import { cellAddress, columnRef, rangeAddress } from './a1';
import { NAMES } from './formulas';
import { CHANGE_WORDS, HISTORY_TEXT } from './historyStrings';
import { CUSTOMERS_TABLE } from './parts/common';
import { PREVIOUS_TIER_KEY, TIER_CHANGE_KEY, wildcardEscaped } from './parts/history';
import { SUMMARY_FORMATS } from './summarySheet';

/** Where the block sits (0-based), for the charts, the deck and tests. */
export interface MigrationLayout {
  readonly titleRow: number;
  readonly headerRow: number;
  /** First previous-tier row; then the tiers, "no previous tier", "not in the list", Total. */
  readonly firstRow: number;
  readonly countsColumn: number;
  readonly revenueColumn: number;
  /** First row of the totals (up, down, same, new, unlisted: TIER_CHANGES order). */
  readonly totalsRow: number;
}

/** The migration the plan's table implies, as the core computes it: previous tier and tier labels, spend, per row. */
export function planMigration(table: TablePlan, settings: GradingSettings, locale: Locale): MigrationMatrix {
  const labels = settings.tiers.map((x) => pick(x.label, locale));
  const prevIndex = table.columns.findIndex((c) => c.key === PREVIOUS_TIER_KEY);
  const tierIndex = table.columns.findIndex((c) => c.key === 'tier');
  const spendIndex = table.columns.findIndex((c) => c.key === 'totalSpend');
  const previous = table.rows.map((r) => {
    const v = r[prevIndex];
    return v && v.kind === 'text' ? v.text : null;
  });
  const current = (table.cachedResults ?? []).map((r) => String(r[tierIndex] ?? ''));
  const spend = table.rows.map((r) => {
    const v = r[spendIndex];
    return v && v.kind === 'number' ? v.value : 0;
  });
  return migrationMatrix(previous, current, spend, labels, tierRanks(settings.tiers));
}

/** Adds the migration block to the Summary sheet; a one-line note when there is no earlier snapshot. */
export function withMigrationBlock(plan: WorkbookPlan, history: HistoryInput, settings: GradingSettings): WorkbookPlan {
  const summaryIndex = plan.sheets.findIndex((s) => s.key === 'summary');
  const sheet = plan.sheets[summaryIndex];
  const table = plan.tables.find((x) => x.name === CUSTOMERS_TABLE);
  if (sheet === undefined || table === undefined) return plan;
  const header = (key: string): string => {
    const c = table.columns.find((x) => x.key === key);
    if (c === undefined) throw new Error(`internal: the migration block needs the table's ${key} column`);
    return c.header;
  };
  if (!table.columns.some((c) => c.key === TIER_CHANGE_KEY)) return plan;
  const t = (text: Localized): string => pick(text, plan.locale);
  const lastRow = sheet.cells.reduce((max, c) => Math.max(max, c.row), -1);
  const start = lastRow + 2;
  const cells: PlanCell[] = [];
  const put = (row: number, column: number, value: PlanValue, extra: Partial<PlanCell> = {}): void => {
    cells.push({ row, column, value, ...extra });
  };
  const text = (s: string): PlanValue => ({ kind: 'text', text: s });
  const formula = (f: string): PlanValue => ({ kind: 'formula', formula: f });

  if (history.previousAsOf === null) {
    put(start, 0, text(t(HISTORY_TEXT.noPrevious)), { style: 'note' });
    return replaceSummary(plan, summaryIndex, cells);
  }

  const matrix = planMigration(table, settings, plan.locale);
  const n = settings.tiers.length;
  const prev = columnRef(CUSTOMERS_TABLE, header(PREVIOUS_TIER_KEY));
  const tier = columnRef(CUSTOMERS_TABLE, header('tier'));
  const change = columnRef(CUSTOMERS_TABLE, header(TIER_CHANGE_KEY));
  const spend = columnRef(CUSTOMERS_TABLE, header('totalSpend'));
  const criterion = (ref: string): string => `"="&${wildcardEscaped(ref)}`;
  const word = (k: TierChange): string => `"${t(CHANGE_WORDS[k]).replace(/"/g, '""')}"`;

  put(start, 0, text(fillTemplate(t(HISTORY_TEXT.matrixTitle), { date: formatIsoDay(history.previousAsOf) })), { style: 'subtitle' });
  put(start + 1, 0, text(t(HISTORY_TEXT.matrixNote)), { style: 'note' });
  // Title, note, then a row naming the two blocks (the note's row stays free for its long text), then the headers.
  const headerRow = start + 3;
  const firstRow = headerRow + 1;
  const countsColumn = 1;
  const revenueColumn = countsColumn + n + 2;
  put(headerRow, 0, text(t(HISTORY_TEXT.fromTo)), { style: 'header' });
  const labelOf = (k: number): string => pick((settings.tiers[k] as GradingSettings['tiers'][number]).label, plan.locale);
  for (const [block, title] of [
    [countsColumn, HISTORY_TEXT.customersHeader],
    [revenueColumn, HISTORY_TEXT.revenueHeader],
  ] as const) {
    put(headerRow - 1, block, text(t(title)), { style: 'label' });
    for (let k = 0; k < n; k++) put(headerRow, block + k, formula(`=INDEX(${NAMES.tierNames},${k + 1})`), { style: 'header', cachedResult: labelOf(k) });
    put(headerRow, block + n, text(t(HISTORY_TEXT.total)), { style: 'header' });
  }
  // Rows: each tier, then "no previous tier", "not in the list".
  const rowCount = n + 2;
  for (let p = 0; p < rowCount; p++) {
    const row = firstRow + p;
    const rowLabel = cellAddress(row, 0, true);
    if (p < n) put(row, 0, formula(`=INDEX(${NAMES.tierNames},${p + 1})`), { style: 'label', cachedResult: labelOf(p) });
    else put(row, 0, text(t(p === n ? HISTORY_TEXT.newRow : HISTORY_TEXT.unlistedRow)), { style: 'label' });
    for (const block of [countsColumn, revenueColumn]) {
      const money = block === revenueColumn;
      let rowTotal = 0;
      for (let c = 0; c < n; c++) {
        const colLabel = cellAddress(headerRow, block + c, true);
        const condition =
          p < n ? `${prev},${criterion(rowLabel)},${tier},${criterion(colLabel)}` : `${change},${word(p === n ? 'new' : 'unlisted')},${tier},${criterion(colLabel)}`;
        const f = money ? `=SUMIFS(${spend},${condition})` : `=COUNTIFS(${condition})`;
        const value = p < n ? (money ? matrix.revenue : matrix.counts)[p]?.[c] : p === n ? (money ? matrix.newRevenue : matrix.newCounts)[c] : (money ? matrix.unlistedRevenue : matrix.unlistedCounts)[c];
        rowTotal += value ?? 0;
        put(row, block + c, formula(f), { style: 'computed', numberFormat: money ? SUMMARY_FORMATS.money : SUMMARY_FORMATS.count, cachedResult: value ?? 0 });
      }
      put(row, block + n, formula(`=SUM(${cellAddress(row, block)}:${cellAddress(row, block + n - 1)})`), {
        style: 'computed',
        numberFormat: money ? SUMMARY_FORMATS.money : SUMMARY_FORMATS.count,
        cachedResult: money ? Math.round(rowTotal * 100) / 100 : rowTotal,
      });
    }
  }
  const totalRow = firstRow + rowCount;
  put(totalRow, 0, text(t(HISTORY_TEXT.total)), { style: 'label' });
  for (const block of [countsColumn, revenueColumn]) {
    const money = block === revenueColumn;
    for (let c = 0; c <= n; c++) {
      let sum = 0;
      for (const cell of cells) if (cell.column === block + c && cell.row >= firstRow && cell.row < totalRow && typeof cell.cachedResult === 'number') sum += cell.cachedResult;
      put(totalRow, block + c, formula(`=SUM(${cellAddress(firstRow, block + c)}:${cellAddress(totalRow - 1, block + c)})`), {
        style: 'label',
        numberFormat: money ? SUMMARY_FORMATS.money : SUMMARY_FORMATS.count,
        cachedResult: money ? Math.round(sum * 100) / 100 : sum,
      });
    }
  }
  // Totals by change: label | customers | spend.
  const totalsRow = totalRow + 2;
  put(totalsRow - 1 + 0, 1, text(t(HISTORY_TEXT.customersHeader)), { style: 'header' });
  put(totalsRow - 1, 2, text(t(HISTORY_TEXT.revenueHeader)), { style: 'header' });
  const changeLabels: Record<TierChange, Localized> = {
    up: HISTORY_TEXT.movedUp,
    down: HISTORY_TEXT.movedDown,
    same: HISTORY_TEXT.same,
    new: HISTORY_TEXT.newCustomers,
    unlisted: HISTORY_TEXT.unlisted,
  };
  TIER_CHANGES.forEach((k, i) => {
    const row = totalsRow + i;
    put(row, 0, text(`${t(CHANGE_WORDS[k]).split(' ')[0] ?? ''} ${t(changeLabels[k])}`), { style: 'label' });
    put(row, 1, formula(`=COUNTIFS(${change},${word(k)})`), { style: 'computed', numberFormat: SUMMARY_FORMATS.count, cachedResult: matrix.totals[k].customers });
    put(row, 2, formula(`=SUMIFS(${spend},${change},${word(k)})`), { style: 'computed', numberFormat: SUMMARY_FORMATS.money, cachedResult: matrix.totals[k].revenue });
  });
  const withBlock = replaceSummary(plan, summaryIndex, cells);
  return withMigrationChart(withBlock, { firstRow, headerRow, countsColumn, rows: rowCount }, matrix, settings, labelOf);
}

/**
 * The migration chart on the Charts sheet (when the plan has one): a stacked
 * bar per previous tier (then "no previous tier", "not in the list"), a
 * series per current tier in its colour, bound to the block's counts; placed
 * below the Charts sheet's lowest chart.
 */
function withMigrationChart(
  plan: WorkbookPlan,
  at: { readonly firstRow: number; readonly headerRow: number; readonly countsColumn: number; readonly rows: number },
  matrix: MigrationMatrix,
  settings: GradingSettings,
  labelOf: (k: number) => string,
): WorkbookPlan {
  if (!plan.sheets.some((s) => s.key === 'charts')) return plan;
  const t = (text: Localized): string => pick(text, plan.locale);
  const n = settings.tiers.length;
  const lastRow = at.firstRow + at.rows - 1;
  const ref = (address: string): PlanRangeRef => ({ sheet: 'summary', address });
  const categories = [...settings.tiers.map((_, k) => labelOf(k)), t(HISTORY_TEXT.newRow), t(HISTORY_TEXT.unlistedRow)];
  const series: ChartSeriesPlan[] = settings.tiers.map((tier, c) => ({
    name: labelOf(c),
    nameRef: ref(cellAddress(at.headerRow, at.countsColumn + c, true)),
    values: ref(rangeAddress(at.firstRow, at.countsColumn + c, lastRow, at.countsColumn + c, true)),
    cachedValues: [...matrix.counts.map((row) => row[c] ?? 0), matrix.newCounts[c] ?? 0, matrix.unlistedCounts[c] ?? 0],
    kind: 'bar',
    axis: 'primary',
    color: tier.color,
    pointColors: null,
    dataLabels: true,
    numberFormat: '#,##0;-#,##0;',
    outline: '#7F7F7F',
  }));
  const below = plan.charts.filter((c) => c.sheet === 'charts');
  const top = below.reduce((max, c) => Math.max(max, c.top + c.height), 40) + 18;
  const left = below.length > 0 ? Math.min(...below.map((c) => c.left)) : 20;
  const width = below.length > 0 ? Math.max(...below.map((c) => c.width)) : 720;
  const chart: ChartPlan = {
    name: 'Tierwise_tierMigration',
    sheet: 'charts',
    kind: 'stackedBar',
    title: t(HISTORY_TEXT.chartTitle),
    categories: ref(rangeAddress(at.firstRow, 0, lastRow, 0, true)),
    cachedCategories: categories,
    series,
    axisTitles: { category: t(HISTORY_TEXT.chartCategoryAxis), value: t(HISTORY_TEXT.customersHeader), secondaryValue: null },
    legend: 'bottom',
    left,
    top,
    width,
    height: Math.max(260, 40 * (n + 2) + 80),
  };
  return { ...plan, charts: [...plan.charts, chart] };
}

function replaceSummary(plan: WorkbookPlan, summaryIndex: number, cells: readonly PlanCell[]): WorkbookPlan {
  const sheet = plan.sheets[summaryIndex];
  if (sheet === undefined) return plan;
  return { ...plan, sheets: plan.sheets.map((s, i) => (i === summaryIndex ? { ...s, cells: [...s.cells, ...cells] } : s)) };
}

/** The block's layout for a plan built with `tiers` tiers starting at `start` (see withMigrationBlock). */
export function migrationLayout(start: number, tiers: number): MigrationLayout {
  const headerRow = start + 3;
  const firstRow = headerRow + 1;
  const totalRow = firstRow + tiers + 2;
  return { titleRow: start, headerRow, firstRow, countsColumn: 1, revenueColumn: 1 + tiers + 2, totalsRow: totalRow + 2 };
}
