/**
 * Text from users is data, never code (DESIGN.md §6).
 *
 * Spreadsheet hosts turn some typed text into formulas: Excel's `range.values`
 * runs a string that starts with `=`, `+` or `-` as a formula, and CSV
 * readers (Excel, LibreOffice) also treat a leading `@`, TAB, CR or LF as the
 * start of a formula ("CSV injection"). Full-width characters are folded by
 * NFKC (`＝1＋1` becomes `=1+1`), so the check is made on the NFKC form.
 *
 * The rule every renderer follows:
 * - Such text is stored as TEXT, never as a formula, and shows exactly what
 *   the user typed (no character is added to or removed from the visible
 *   value).
 * - Numbers stay numbers: a refund of -120.5 is the number -120.5, not text.
 *   Only string values are ever checked.
 *
 * How each renderer obeys it:
 * - `.xlsx` (exceljs): write the string as a string cell (a shared string),
 *   which no spreadsheet reads as a formula, and give text columns the number
 *   format `@`. exceljs never turns a string value into a formula.
 * - The Office JavaScript API: a string written through `range.values` that starts with `=`,
 *   `+` or `-` becomes a formula even in a text-formatted cell in some hosts,
 *   so the renderer (1) sets `numberFormat` `@` on the text columns BEFORE
 *   writing values, and (2) writes every string through `officeTextInput`
 *   (src/renderers/excel/cellValues.ts), which prefixes formula-like text
 *   (and text that already starts with an apostrophe) with an apostrophe. Excel does not show that apostrophe (it is the "quote
 *   prefix"), so the cell still displays exactly what the user typed.
 *
 * Pure: no host library is imported here.
 */

/** First characters (after NFKC) that make a host read text as a formula. */
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

/**
 * True when a spreadsheet could read `text` as a formula: its NFKC form starts
 * with `=`, `+`, `-`, `@`, TAB, CR or LF. Full-width forms (`＝`, `＋`, `－`,
 * `＠`) fold to their ASCII twins under NFKC and count too.
 *
 * @example isFormulaLike('=HYPERLINK("x")') === true
 * @example isFormulaLike('＝1＋1') === true
 * @example isFormulaLike('+86 138-0013-8000') === true
 * @example isFormulaLike('Acme') === false
 */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  // NFKC of the first few characters is enough: a leading combining sequence
  // never folds to `=`, but normalising a short prefix keeps this O(1) for a
  // 40,000-character note.
  const head = text.slice(0, 8).normalize('NFKC');
  const first = head.charAt(0);
  return FORMULA_TRIGGERS.has(first);
}

/** The number format of a cell that must hold text exactly as typed. */
export const TEXT_NUMBER_FORMAT = '@';
