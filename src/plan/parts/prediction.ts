/**
 * Part of the plan builder (see ../buildPlan.ts): the prediction (issue 9,
 * GRADING.md §10) in the workbook.
 *
 * - Settings: a block below the existing ones with the fitted parameters as
 *   defined names (BgNbd_r, BgNbd_alpha, BgNbd_a, BgNbd_b, GammaGamma_p/q/v),
 *   the log-likelihoods, customers used, the fit's as-of date, H, M, d, the
 *   churn-risk thresholds (Pred_HighRisk, Pred_MediumRisk), the holdout
 *   check and every problem, in the workbook's language.
 * - Customers table, appended columns: repeat purchase days (x, from the
 *   core), P(active) as a live formula over the parameters, x, the purchase
 *   dates and AsOfDate; the churn-risk band (a live formula over P(active)
 *   and the thresholds, with a conditional format); expected purchases,
 *   expected value and CLV as values from the core (no 2F1 in Excel).
 *
 * Without a fitted purchase model, or without a first-purchase column, the
 * table gets no prediction columns and the Settings block says why.
 */
import type { Localized } from '../../i18n/locale';
import { formatIsoDay, type DayNumber } from '../../domain/dates';
import type { PredictionRun } from '../../domain/prediction/report';
import { churnRisk } from '../../domain/prediction/settings';
import type { CachedResult, ConditionalFormatPlan, DefinedNamePlan, PlanCell, PlanValue, SheetPlan, TableColumnPlan, TablePlan } from '../types';
import { cellAddress, columnLetter, thisRowRef } from '../a1';
import type { FormulaHeaders } from '../formulas';
import { PREDICTION_TEXT as P } from '../predictionStrings';
import { COLORS, CUSTOMERS_TABLE, NUMBER_FORMATS } from './common';
import { extendRows } from './tableRows';

export const PREDICTION_NAMES = {
  r: 'BgNbd_r',
  alpha: 'BgNbd_alpha',
  a: 'BgNbd_a',
  b: 'BgNbd_b',
  p: 'GammaGamma_p',
  q: 'GammaGamma_q',
  v: 'GammaGamma_v',
  horizon: 'Pred_HorizonDays',
  months: 'Pred_ClvMonths',
  discount: 'Pred_MonthlyDiscount',
  highRisk: 'Pred_HighRisk',
  mediumRisk: 'Pred_MediumRisk',
} as const;

export const PREDICTION_FORMATS = { probability: '0.0%', expected: '0.00', parameter: '0.0000', correlation: '0.00' } as const;

const RISK_FILLS = { high: { fill: '#F8CBAD', font: '#C00000' }, medium: { fill: '#FFE699', font: '#7F6000' } } as const;

export interface PredictionPartInput {
  readonly prediction: PredictionRun | null | undefined;
  readonly asOf: DayNumber;
  readonly table: TablePlan;
  readonly settingsSheet: SheetPlan;
  readonly names: readonly DefinedNamePlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly fh: FormulaHeaders;
  readonly t: (text: Localized) => string;
}

export interface PredictionPartOutput {
  readonly table: TablePlan;
  readonly settingsSheet: SheetPlan;
  readonly names: readonly DefinedNamePlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
}

const fill = (template: string, values: Readonly<Record<string, string | number>>): string => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The P(active) formula (GRADING.md §10) over a row's x, purchase dates and AsOfDate; log-odds so a huge x gives 0, not #NUM!. */
export function pAliveFormula(xHeader: string, firstHeader: string, lastHeader: string): string {
  const x = thisRowRef(xHeader);
  const first = thisRowRef(firstHeader);
  const last = thisRowRef(lastHeader);
  const n = PREDICTION_NAMES;
  const logOdds = `(LN(${n.a})-LN(${n.b}+${x}-1)+(${n.r}+${x})*LN((${n.alpha}+AsOfDate-${first})/(${n.alpha}+${last}-${first})))`;
  return `=IF(OR(${x}="",${first}="",${last}=""),"",IF(${x}=0,1,IF(${logOdds}>700,0,1/(1+EXP(${logOdds})))))`;
}

export function churnRiskFormula(pAliveHeader: string, labels: { high: string; medium: string; low: string }): string {
  const p = thisRowRef(pAliveHeader);
  return `=IF(${p}="","",IF(${p}<${PREDICTION_NAMES.highRisk},"${labels.high}",IF(${p}<${PREDICTION_NAMES.mediumRisk},"${labels.medium}","${labels.low}")))`;
}

export function addPredictionPart(input: PredictionPartInput): PredictionPartOutput {
  const { prediction, t } = input;
  if (prediction === null || prediction === undefined) return input;
  const result = prediction.result;
  const settings = prediction.settings;
  const cells: PlanCell[] = [...input.settingsSheet.cells];
  const names: DefinedNamePlan[] = [...input.names];
  let row = cells.reduce((max, c) => Math.max(max, c.row), 0) + 2;
  const text = (s: string): PlanValue => ({ kind: 'text', text: s });
  const num = (v: number): PlanValue => ({ kind: 'number', value: v });
  const line = (label: Localized, value: PlanValue, format: string, name: string | null, style: 'input' | 'computed' = 'computed'): void => {
    cells.push({ row, column: 0, value: text(t(label)), style: 'label' });
    cells.push({ row, column: 1, value, style, numberFormat: format });
    if (name !== null) names.push({ name, sheet: 'settings', address: cellAddress(row, 1, true), comment: t(label) });
    row++;
  };
  const note = (s: string): void => {
    cells.push({ row, column: 0, value: text(s), style: 'note' });
    row++;
  };

  cells.push({ row, column: 0, value: text(t(P.header)), style: 'header' });
  row++;
  note(t(P.explain));
  const status = result.status === 'ok' ? P.statusOk : result.status === 'partial' ? P.statusPartial : P.statusUnavailable;
  line(P.status, text(t(status)), NUMBER_FORMATS.text, null);
  line(P.fittedAsOf, { kind: 'date', day: input.asOf }, NUMBER_FORMATS.date, null);
  const m = result.purchaseModel;
  if (m !== null) {
    line(P.r, num(m.r), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.r);
    line(P.alpha, num(m.alpha), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.alpha);
    line(P.a, num(m.a), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.a);
    line(P.b, num(m.b), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.b);
    line(P.logLikelihood, num(m.logLikelihood), NUMBER_FORMATS.breakpoint, null);
    line(P.customersUsed, num(m.customersUsed), NUMBER_FORMATS.count, null);
    line(P.repeatBuyers, num(m.repeatBuyers), NUMBER_FORMATS.count, null);
  }
  const g = result.spendModel;
  if (g !== null) {
    line(P.p, num(g.p), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.p);
    line(P.q, num(g.q), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.q);
    line(P.v, num(g.v), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.v);
    line(P.logLikelihood, num(g.logLikelihood), NUMBER_FORMATS.breakpoint, null);
    line(P.customersUsed, num(g.customersUsed), NUMBER_FORMATS.count, null);
    line(P.correlation, num(g.frequencySpendCorrelation), PREDICTION_FORMATS.correlation, null);
  }
  line(P.horizon, num(settings.horizonDays), NUMBER_FORMATS.count, PREDICTION_NAMES.horizon);
  line(P.months, num(settings.clvMonths), NUMBER_FORMATS.count, PREDICTION_NAMES.months);
  line(P.discount, num(settings.monthlyDiscount), PREDICTION_FORMATS.parameter, PREDICTION_NAMES.discount);
  line(P.highRisk, num(settings.highRiskBelow), PREDICTION_FORMATS.probability, PREDICTION_NAMES.highRisk, 'input');
  line(P.mediumRisk, num(settings.mediumRiskBelow), PREDICTION_FORMATS.probability, PREDICTION_NAMES.mediumRisk, 'input');
  const check = prediction.holdout?.check ?? null;
  if (check !== null) {
    const error = Number.isFinite(check.relativeError) ? `${check.relativeError >= 0 ? '+' : ''}${(check.relativeError * 100).toFixed(1)}%` : '—';
    line(
      P.holdout,
      text(fill(t(P.holdoutResult), { cal: formatIsoDay(check.calibrationEnd as DayNumber), days: check.holdoutDays, actual: check.actualTotal, predicted: check.predictedTotal.toFixed(0), error })),
      NUMBER_FORMATS.text,
      null,
    );
  }
  for (const problem of [...result.problems, ...(prediction.holdout?.problem ? [prediction.holdout.problem] : [])]) note(t(problem.message));
  const settingsSheet: SheetPlan = { ...input.settingsSheet, cells };

  // ---- table columns ---------------------------------------------------------
  const fh = input.fh;
  if (m === null || fh.firstPurchase === null) return { table: input.table, settingsSheet, names, conditionalFormats: input.conditionalFormats };
  const table = input.table;
  const used = new Set(table.columns.map((c) => c.header.toLowerCase()));
  const header = (label: Localized, values: Readonly<Record<string, string | number>> = {}): string => {
    let h = fill(t(label), values);
    for (let k = 2; used.has(h.toLowerCase()); k++) h = `${fill(t(label), values)} (${k})`;
    used.add(h.toLowerCase());
    return h;
  };
  const riskLabels = { high: t(P.riskHigh), medium: t(P.riskMedium), low: t(P.riskLow) };
  const xHeader = header(P.repeatDays);
  const pHeader = header(P.pAlive);
  const riskHeader = header(P.churnRisk);
  const columns: TableColumnPlan[] = [
    { key: 'predRepeatDays', header: xHeader, role: 'input', formula: null, numberFormat: NUMBER_FORMATS.count, width: 12 },
    { key: 'pAlive', header: pHeader, role: 'computed', formula: pAliveFormula(xHeader, fh.firstPurchase, fh.lastPurchase), numberFormat: PREDICTION_FORMATS.probability, width: 12 },
    { key: 'churnRisk', header: riskHeader, role: 'computed', formula: churnRiskFormula(pHeader, riskLabels), numberFormat: NUMBER_FORMATS.text, width: 12 },
    { key: 'expectedPurchases', header: header(P.expectedPurchases, { h: settings.horizonDays }), role: 'input', formula: null, numberFormat: PREDICTION_FORMATS.expected, width: 16 },
  ];
  if (g !== null) {
    columns.push(
      { key: 'expectedValue', header: header(P.expectedValue), role: 'input', formula: null, numberFormat: NUMBER_FORMATS.money, width: 16 },
      { key: 'clv', header: header(P.clv, { m: settings.clvMonths }), role: 'input', formula: null, numberFormat: NUMBER_FORMATS.money, width: 16 },
    );
  }
  const numberOrNull = (v: number): PlanValue => (Number.isFinite(v) ? { kind: 'number', value: v } : null);
  const f = prediction.features;
  // The cached results first: a table without them gets rows of nulls as wide as its rows before they grow.
  const cachedResults = extendRows<CachedResult>(table.cachedResults ?? table.rows.map((r) => r.map(() => null)), (_, i) => {
    const p = result.pAlive[i] as number;
    const extra: CachedResult[] = [null, Number.isFinite(p) ? p : '', Number.isFinite(p) ? riskLabels[churnRisk(p, settings)] : '', null];
    if (g !== null) extra.push(null, null);
    return extra;
  });
  const rows = extendRows<PlanValue>(table.rows, (_, i) => {
    const x = f.x[i] as number;
    const values: PlanValue[] = [numberOrNull(x), null, null, numberOrNull(result.expectedPurchases[i] as number)];
    if (g !== null) values.push(numberOrNull(result.expectedValue[i] as number), numberOrNull(result.clv[i] as number));
    return values;
  });
  const extended: TablePlan = { ...table, columns: [...table.columns, ...columns], rows, cachedResults };

  // Churn-risk band colours: relative to the column's first body cell.
  const riskIndex = extended.columns.findIndex((c) => c.key === 'churnRisk');
  const ref = `$${columnLetter(table.column + riskIndex)}${table.row + 2}`;
  const target = { kind: 'tableColumn', table: CUSTOMERS_TABLE, column: riskHeader } as const;
  const conditionalFormats: ConditionalFormatPlan[] = [
    ...input.conditionalFormats,
    { kind: 'expression', target, formula: `=${ref}="${riskLabels.high}"`, fill: RISK_FILLS.high.fill, fontColor: RISK_FILLS.high.font },
    { kind: 'expression', target, formula: `=${ref}="${riskLabels.medium}"`, fill: RISK_FILLS.medium.fill, fontColor: RISK_FILLS.medium.font },
  ];
  if (g !== null) conditionalFormats.push({ kind: 'dataBar', target: { kind: 'tableColumn', table: CUSTOMERS_TABLE, column: (columns[columns.length - 1] as TableColumnPlan).header }, color: COLORS.spendBar });
  return { table: extended, settingsSheet, names, conditionalFormats };
}
