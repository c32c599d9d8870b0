/**
 * What the plan builder's parts share (see ../buildPlan.ts): its error type,
 * Excel's limits, number formats, colours, and text measures.
 */
import type { TierDefinition } from '../../domain/settings';

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
export const MAX_SHEET_ROWS = 1_048_576;

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

export const COLORS = {
  customersTab: '#2F5597',
  settingsTab: '#FFC000',
  spendBar: '#5B9BD5',
  churnedFill: '#FCE4D6',
  churnedFont: '#C00000',
  atRiskFill: '#FFF2CC',
  atRiskFont: '#9C5700',
} as const;

export function checkCellText(text: string, where: string, column: string): void {
  if (text.length > MAX_CELL_TEXT) {
    throw new PlanError('cell-text-too-long', `${where}: a text of ${text.length} characters in column "${column}" exceeds a cell's ${MAX_CELL_TEXT}.`);
  }
}

/**
 * checkCellText for a cell from the source's row `sourceRow` ("source row 12"): the row's words are
 * built only to throw, not for each of a table's 100,000 rows per column.
 */
export function checkSourceCellText(text: string, sourceRow: number, column: string): void {
  if (text.length > MAX_CELL_TEXT) checkCellText(text, `source row ${sourceRow}`, column);
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

export function maxDisplayWidth(texts: readonly string[]): number {
  let max = 0;
  for (const s of texts) max = Math.max(max, displayWidth(s));
  return max;
}

/** A tier's key and its `#RRGGBB` colour, in tier-list order. */
export interface TierColour {
  readonly key: string;
  readonly color: string;
}

/**
 * The tier colours every part that colours by tier uses: the table's
 * conditional formats, the Settings swatches, and the summary's and charts'
 * bars. One function so they always agree; its input is the settings the
 * plan is built from, which the pane reads back from the Settings sheet
 * (readSettings / readTierColours), so a colour edited there is what the
 * next rebuild or refresh paints everywhere.
 */
export function tierColours(tiers: readonly TierDefinition[]): TierColour[] {
  return tiers.map((tier) => ({ key: tier.key, color: tier.color }));
}
