/**
 * Ranges as sources (issue 11 §2): where a source lies, a whole sheet or a
 * block of cells on one, and the checks on an address the user typed
 * (`Sheet2!A1:H500`) before the workbook is asked for it. Pure: no Office.
 */
import type { Localized } from '../i18n/locale';
import { STRINGS, fillTemplate } from '../i18n/strings';
import type { SourceRef, SourceSnapshot } from './workbookGateway';

/** A source: a sheet (as the workbook spells it), and the block on it, or null for the whole sheet. */
export interface SourceLocation {
  readonly sheet: string;
  /** A1 address without the sheet (`A1:H500`), or null: the sheet's used range. */
  readonly address: string | null;
}

/** Rows a range source needs at least: a header row and one row of data. */
export const MIN_RANGE_ROWS = 2;

/** Excel's last row and column (1-based). */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * `Sheet2!A1:H500`, `My data!B4:G11`: how a location is shown, and a form
 * parseTypedSource accepts back (a whole sheet is just its name). Not quoted
 * as in a formula: the text is only ever parsed, and the last `!` separates
 * the sheet, so a sheet name with spaces, quotes or `!` in it reads back.
 */
export function locationLabel(location: SourceLocation): string {
  return location.address === null ? location.sheet : `${location.sheet}!${location.address}`;
}

export type TypedSourceResult = { readonly ok: true; readonly location: SourceLocation } | { readonly ok: false; readonly problem: Localized };

function problem(template: Localized, values: Readonly<Record<string, string | number>>): TypedSourceResult {
  return { ok: false, problem: { en: fillTemplate(template.en, values), zh: fillTemplate(template.zh, values) } };
}

/**
 * Checks a typed `Sheet!A1:H500` against the workbook's sheet names: the
 * sheet exists (compared case-insensitively, as Excel does; the workbook's
 * spelling is kept), the address is a cell or a block of cells inside the
 * grid, and the block has at least a header row and one row of data.
 */
export function parseTypedSource(typed: string, sheetNames: readonly string[]): TypedSourceResult {
  const input = typed.trim();
  if (input === '') return problem(STRINGS.rangeTypedEmpty, {});
  const bang = input.lastIndexOf('!');
  if (bang <= 0) return problem(STRINGS.rangeTypedNoSheet, { input });
  const rawSheet = input.slice(0, bang).trim();
  const sheetText = rawSheet.length >= 2 && rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const sheet = sheetNames.find((name) => name.toLowerCase() === sheetText.toLowerCase());
  if (sheet === undefined) return problem(STRINGS.rangeTypedSheetMissing, { sheet: sheetText });
  const addressText = input.slice(bang + 1).trim();
  const parts = addressText.split(':');
  const cells = parts.length === 2 ? parts.map((part) => CELL.exec(part.trim())) : [null];
  if (cells.some((cell) => cell === null)) return problem(STRINGS.rangeTypedBadAddress, { address: addressText });
  const [from, to] = cells as [RegExpExecArray, RegExpExecArray];
  const [c0, r0, c1, r1] = [columnNumber(from[1]!), Number(from[2]), columnNumber(to[1]!), Number(to[2])];
  if ([r0, r1].some((r) => r < 1 || r > LAST_ROW) || [c0, c1].some((c) => c < 1 || c > LAST_COLUMN)) {
    return problem(STRINGS.rangeTypedBadAddress, { address: addressText });
  }
  const rows = Math.abs(r1 - r0) + 1;
  if (rows < MIN_RANGE_ROWS) return problem(STRINGS.rangeTypedTooFewRows, { address: addressText });
  const address = parts.map((part) => part.trim().replace(/\$/g, '').toUpperCase()).join(':');
  return { ok: true, location: { sheet, address } };
}

/** Where a snapshot was read from: the block for a range or a selection of more than one cell, else the whole sheet. */
export function locationOfSnapshot(snapshot: Pick<SourceSnapshot, 'source' | 'sheetName' | 'address' | 'selectedCell'>): SourceLocation {
  const block = snapshot.source.kind === 'range' || (snapshot.source.kind === 'selection' && snapshot.selectedCell === undefined);
  return { sheet: snapshot.sheetName, address: block && snapshot.address !== '' ? snapshot.address : null };
}

/** What the gateway reads for a location. */
export function sourceRefOf(location: SourceLocation): SourceRef {
  return location.address === null ? { kind: 'sheet', name: location.sheet } : { kind: 'range', name: location.sheet, address: location.address };
}
