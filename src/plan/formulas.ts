/**
 * The live formulas of the Customers table and the Settings sheet, generated
 * from the settings so that a changed tier list changes the formula.
 *
 * Every per-row formula is O(1): it compares the row's values with the four
 * breakpoint cells computed once on the Settings sheet (GRADING.md §4). No
 * per-row PERCENTRANK / RANK / COUNTIF over a column, ever.
 *
 * Formulas are in the plan's syntax (Excel UI, English function names, comma
 * separators, no `_xlfn.`), with `[@[Header]]` this-row references and
 * `Customers[[Header]]` column references; renderers translate them.
 */
import type { TierDefinition } from '../domain/settings';
import { columnRef, thisRowRef } from './a1';

/** Headers (localised) of the columns the formulas read. */
export interface FormulaHeaders {
  readonly frequency: string;
  readonly monetary: string;
  readonly lastPurchase: string;
  /** null when the table has no first-purchase column (its rules are skipped). */
  readonly firstPurchase: string | null;
  readonly tierOverride: string;
  readonly recencyDays: string;
  readonly r: string;
  readonly f: string;
  readonly m: string;
}

/** Defined names the formulas read (see buildPlan's Settings sheet). */
export const NAMES = {
  asOf: 'AsOfDate',
  quantiles: 'Quantiles',
  highCut: 'HighCut',
  rBreaks: 'R_Breaks',
  fBreaks: 'F_Breaks',
  mBreaks: 'M_Breaks',
  churnDays: 'ChurnDays',
  atRiskDays: 'AtRiskDays',
  newDays: 'NewDays',
  lifecycleNames: 'LifecycleNames',
  tierKeys: 'TierKeys',
  tierNames: 'TierNames',
  tierNamesAlt: 'TierNamesAlt',
  tierThresholds: 'TierThresholds',
  segmentNames: 'SegmentNames',
} as const;

/** 1-based positions of the lifecycle stages in `LifecycleNames`. */
export const LIFECYCLE_ORDER = ['potential', 'churned', 'at-risk', 'new', 'active'] as const;

function lifecycleLabel(key: (typeof LIFECYCLE_ORDER)[number]): string {
  return `INDEX(${NAMES.lifecycleNames},${LIFECYCLE_ORDER.indexOf(key) + 1})`;
}

/**
 * The row has a purchase (frequency >= 1); otherwise it is a prospect
 * (GRADING.md §4, §6-7). A blank count is not >= 1.
 */
export function purchaserCondition(h: FormulaHeaders): string {
  return `${thisRowRef(h.frequency)}>=1`;
}

/**
 * The row is scored: a purchaser with a last purchase date. Recency is a
 * number exactly for these rows, so the other computed columns test
 * `ISNUMBER(recency)`. (The core leaves a purchaser without a last purchase
 * date unscored, and reports it.)
 */
export function scoredCondition(h: FormulaHeaders): string {
  return `ISNUMBER(${thisRowRef(h.recencyDays)})`;
}

/**
 * Breakpoint cell formula: PERCENTILE.INC of the scored customers' metric.
 * AGGREGATE(16 = PERCENTILE.INC, 6 = ignore errors): dividing by
 * ISNUMBER(recency) turns every unscored row into an error, which is skipped.
 * IFERROR gives 0 when nobody is scored.
 */
export function breakpointFormula(table: string, metricHeader: string, recencyHeader: string, quantileIndex: number): string {
  return (
    `=IFERROR(AGGREGATE(16,6,${columnRef(table, metricHeader)}/ISNUMBER(${columnRef(table, recencyHeader)}),` +
    `INDEX(${NAMES.quantiles},${quantileIndex})),0)`
  );
}

/** Recency in whole days; a purchase after the as-of date counts as 0 (GRADING.md §3). */
export function recencyFormula(h: FormulaHeaders): string {
  const last = thisRowRef(h.lastPurchase);
  return `=IF(AND(${purchaserCondition(h)},ISNUMBER(${last})),MAX(0,${NAMES.asOf}-${last}),"")`;
}

/** Number of the four breakpoints the value exceeds: `(x>INDEX(B,1))+...+(x>INDEX(B,4))`. */
function exceededCount(valueRef: string, breaksName: string, sign: '+' | '-'): string {
  return [1, 2, 3, 4].map((k) => `${sign}(${valueRef}>INDEX(${breaksName},${k}))`).join('');
}

export function rScoreFormula(h: FormulaHeaders): string {
  // r = 6 - bin(recency) = 5 - (number of breakpoints exceeded)
  return `=IF(${scoredCondition(h)},5${exceededCount(thisRowRef(h.recencyDays), NAMES.rBreaks, '-')},"")`;
}

export function fScoreFormula(h: FormulaHeaders): string {
  return `=IF(${scoredCondition(h)},1${exceededCount(thisRowRef(h.frequency), NAMES.fBreaks, '+')},"")`;
}

export function mScoreFormula(h: FormulaHeaders): string {
  return `=IF(${scoredCondition(h)},1${exceededCount(thisRowRef(h.monetary), NAMES.mBreaks, '+')},"")`;
}

/** "545": the three scores as text. */
export function rfmCodeFormula(h: FormulaHeaders): string {
  return `=IF(${scoredCondition(h)},${thisRowRef(h.r)}&${thisRowRef(h.f)}&${thisRowRef(h.m)},"")`;
}

/**
 * Segment label: `SegmentNames` holds the 8 segments in the contract's order
 * (GRADING.md §5), which is exactly index 1 + 4*(M low) + 2*(R low) + (F low).
 */
export function segmentFormula(h: FormulaHeaders): string {
  const low = (header: string): string => `(${thisRowRef(header)}<${NAMES.highCut})`;
  return `=IF(${scoredCondition(h)},INDEX(${NAMES.segmentNames},1+4*${low(h.m)}+2*${low(h.r)}+${low(h.f)}),"")`;
}

/**
 * A typed tier name as the core compares it (`normalizeTierName`: trim,
 * NFKC, lower case). In formulas: ASC folds full-width letters, digits and
 * the ideographic space to their half-width forms (the NFKC folds users
 * meet), CLEAN drops control characters, TRIM drops surrounding spaces, and
 * MATCH compares case-insensitively. MATCH with match type 0 reads `*`, `?`
 * and `~` as wildcards, so they are escaped with `~` to match literally.
 */
function normalizedOverride(textRef: string): string {
  const folded = `TRIM(CLEAN(ASC(${textRef})))`;
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${folded},"~","~~"),"*","~*"),"?","~?")`;
}

/** The first-purchase "new" test: a first purchase date <= days before the as-of date. */
function newCondition(h: FormulaHeaders, daysRef: string): string | null {
  if (h.firstPurchase === null) return null;
  const first = thisRowRef(h.firstPurchase);
  return `IF(ISNUMBER(${first}),${NAMES.asOf}-${first}<=${daysRef},FALSE)`;
}

/**
 * Tier: the override when it names a tier (its label in either language or
 * its key), else the first rule of the tier list that applies, in list order.
 * Generated from `tiers` so that a changed list changes the formula; the
 * labels and thresholds themselves are read from the Settings cells.
 */
export function tierFormula(h: FormulaHeaders, tiers: readonly TierDefinition[]): string {
  let chain = '""'; // no tier applies (a list without a fallback tier)
  for (let i = tiers.length - 1; i >= 0; i--) {
    const tier = tiers[i] as TierDefinition;
    const k = i + 1;
    const label = `INDEX(${NAMES.tierNames},${k})`;
    const threshold = `INDEX(${NAMES.tierThresholds},${k})`;
    let condition: string | null;
    switch (tier.rule.kind) {
      case 'prospect':
        condition = `NOT(${purchaserCondition(h)})`;
        break;
      case 'new':
        condition = newCondition(h, threshold);
        break;
      case 'score':
        // SUM ignores the "" of unscored rows, so this never errors.
        condition = `AND(${scoredCondition(h)},SUM(${thisRowRef(h.r)},${thisRowRef(h.f)},${thisRowRef(h.m)})>=${threshold})`;
        break;
      case 'fallback':
        condition = 'TRUE';
        break;
    }
    if (condition === null) continue;
    chain = condition === 'TRUE' ? label : `IF(${condition},${label},${chain})`;
  }
  const typed = normalizedOverride(thisRowRef(h.tierOverride));
  const position =
    `IFERROR(MATCH(${typed},${NAMES.tierNames},0),` +
    `IFERROR(MATCH(${typed},${NAMES.tierNamesAlt},0),MATCH(${typed},${NAMES.tierKeys},0)))`;
  return `=IFERROR(INDEX(${NAMES.tierNames},${position}),${chain})`;
}

/** Lifecycle stage (GRADING.md §7). */
export function lifecycleFormula(h: FormulaHeaders): string {
  const recency = thisRowRef(h.recencyDays);
  const newTest = newCondition(h, NAMES.newDays);
  const tail = newTest === null ? lifecycleLabel('active') : `IF(${newTest},${lifecycleLabel('new')},${lifecycleLabel('active')})`;
  // AND(ISNUMBER(...)) because "" > 365 is TRUE in spreadsheets (text sorts after numbers).
  return (
    `=IF(NOT(${purchaserCondition(h)}),${lifecycleLabel('potential')},` +
    `IF(AND(${scoredCondition(h)},${recency}>${NAMES.churnDays}),${lifecycleLabel('churned')},` +
    `IF(AND(${scoredCondition(h)},${recency}>${NAMES.atRiskDays}),${lifecycleLabel('at-risk')},${tail})))`
  );
}
