/**
 * Finding the header row when it is not row 1: report titles, a merged
 * title cell, export dates and blank rows often sit above it.
 */
import type { RawCell, RawGrid } from '../types';
import { isKnownHeader } from './headers';
import { isBlankCell } from './text';

/** How many rows from the top are candidates. */
export const HEADER_SCAN_ROWS = 30;

/** A label: short text that is not a number or a date. */
const NUMBER_LIKE = /^[\s+\-(（]*[¥￥$]?[\d,，.０-９]+[)）]?\s*[元万亿%]?\s*$/;
const DATE_LIKE = /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/;

function isLabelLike(cell: RawCell | undefined): boolean {
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return text.length > 0 && text.length <= 60 && !NUMBER_LIKE.test(text) && !DATE_LIKE.test(text);
}

/** The score of one row as a header: known headers weigh most; a lone cell (a title) weighs little. */
export function headerRowScore(row: readonly RawCell[]): number {
  let nonBlank = 0;
  let known = 0;
  let labels = 0;
  const seen = new Set<string>();
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    nonBlank++;
    if (isLabelLike(cell)) {
      const text = (cell as string).trim();
      // A merged title repeated across cells, or copies, count once.
      if (seen.has(text)) continue;
      seen.add(text);
      labels++;
      if (isKnownHeader(text)) known++;
    }
  }
  if (nonBlank === 0) return -1;
  if (nonBlank === 1 && known === 0) return 0.5; // a title line
  return known * 10 + labels - (nonBlank - labels) * 2;
}

/**
 * The 0-based index of the header row among the first 30 rows, or -1 when
 * every one of them is blank. Ties go to the earliest row.
 */
export function detectHeaderRow(grid: RawGrid): number {
  let best = -1;
  let bestScore = -1;
  const limit = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const score = headerRowScore(grid[i] ?? []);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
