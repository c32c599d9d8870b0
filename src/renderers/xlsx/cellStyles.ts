/**
 * The look of each PlanCell style, in neutral terms both .xlsx writers
 * translate (exceljs objects, or SpreadsheetML written directly).
 * Colours are `RRGGBB`.
 */
import type { CellStyle } from '../../plan/types';

export interface StyleSpec {
  readonly font?: { readonly bold?: boolean; readonly italic?: boolean; readonly size?: number; readonly color?: string };
  readonly fill?: string;
  readonly border?: 'thin';
  readonly wrap?: boolean;
  readonly align?: 'left' | 'center' | 'right';
}

export const BORDER_COLOR = 'BFBFBF';

export const CELL_STYLES: Readonly<Record<CellStyle, StyleSpec>> = {
  title: { font: { bold: true, size: 14, color: '1F3864' } },
  subtitle: { font: { bold: true, size: 12, color: '1F3864' } },
  header: { font: { bold: true, color: 'FFFFFF' }, fill: '2F5597', border: 'thin' },
  label: { font: { color: '262626' } },
  input: { fill: 'FFF2CC', border: 'thin' },
  note: { font: { italic: true, color: '595959' } },
  computed: { fill: 'EDEDED', border: 'thin' },
};

/** `#RRGGBB` -> `RRGGBB` (upper case); throws a TypeError on anything else. */
export function hexColor(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new TypeError(`Not a #RRGGBB colour: ${color}`);
  return hex;
}

/**
 * Table header cells: written explicitly (white bold on TableStyleMedium2's
 * blue), because LibreOffice does not draw Excel table styles and would show
 * a plain header row; in Excel the same look comes from the table style.
 */
export const TABLE_HEADER_STYLE: StyleSpec = { font: { bold: true, color: 'FFFFFF' }, fill: '4472C4', border: 'thin' };
