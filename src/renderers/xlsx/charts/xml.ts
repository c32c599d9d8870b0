/**
 * XML helpers and namespaces shared by the chart-part serialisers
 * (DrawingML charts and spreadsheet drawings, ECMA-376 Part 1 §21.2 and §20.5).
 */
import { encodeOoxmlText } from '../ooxmlText';

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS = {
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawingMain: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const REL_TYPES = {
  drawing: `${NS.officeRel}/drawing`,
  chart: `${NS.officeRel}/chart`,
} as const;

export const CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

/** 1 pt = 12,700 EMU (ECMA-376 Part 1 §20.1.10.16, ST_Coordinate). */
export const EMU_PER_POINT = 12_700;

export function emu(points: number): number {
  return Math.round(points * EMU_PER_POINT);
}

/** Text of an ST_Xstring element (`c:v`, `c:f`): OOXML's `_xHHHH_` for control characters, then `& < >`. */
export function xstring(text: string): string {
  return encodeOoxmlText(text).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Text of a DrawingML run (`a:t`, plain xsd:string): characters XML 1.0 cannot carry are dropped, `& < >` escaped. */
export function runText(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** A double-quoted attribute value. */
export function attr(text: string): string {
  return runText(text).replace(/["\t\n\r]/g, (c) => (c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`));
}

/** `#RRGGBB` -> `RRGGBB` for `a:srgbClr`; throws on anything else (a plan bug, not data). */
export function rgb(color: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw new RangeError(`Not a #RRGGBB colour: ${color}`);
  return color.slice(1).toUpperCase();
}

/** A sheet-qualified absolute reference as formulas write it: `'Summary'!$B$3:$B$7` (quotes doubled). */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}
