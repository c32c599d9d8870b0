/**
 * Text -> RawGrid. Delimited files go through Papa Parse (quoted fields,
 * quoted newlines, doubled quotes), never split(','); every cell stays a
 * string (the domain parses values). Whitespace-aligned files such as
 * CDNOW's `customer_id  date number_of_cds  dollar_value` (leading spaces,
 * CRLF) are detected and split on runs of spaces.
 */
import Papa from 'papaparse';

export type CsvDelimiter = ',' | '\t' | ';' | '|';
export type CsvShape = 'delimited' | 'whitespace';

export interface CsvParseProblem {
  /** 1-based record number (the grid row + 1). */
  readonly row: number;
  /** Papa Parse's code, e.g. 'MissingQuotes', 'InvalidQuotes'. */
  readonly code: string;
  readonly message: string;
}

export interface CsvReadResult {
  readonly grid: string[][];
  readonly shape: CsvShape;
  /** The delimiter used; null for whitespace-aligned files. */
  readonly delimiter: CsvDelimiter | null;
  readonly problems: CsvParseProblem[];
}

export interface CsvOptions {
  /** Forces a delimiter (or 'whitespace'); detected when absent. */
  readonly delimiter?: CsvDelimiter | 'whitespace';
}

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';', '|'];
const SAMPLE_LINES = 50;
const LINE_BREAK = /\r\n|\n|\r/;
const SPACE_RUN = / +/;

/** The first non-blank lines, for detection. Quoted newlines may cut a record here; counts are only compared. */
function sampleLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') out.push(line);
    start = end + 1;
  }
  return out;
}

/** Occurrences of `ch` outside double-quoted parts of one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) count++;
  }
  return count;
}

/**
 * The delimiter whose per-line count is most consistent (the most common
 * count, weighted by how many lines share it), or null when no candidate
 * appears on most lines.
 */
export function detectDelimiter(lines: readonly string[]): CsvDelimiter | null {
  let best: CsvDelimiter | null = null;
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, delimiter);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let modeCount = 0;
    let modeLines = 0;
    for (const [n, linesWithN] of counts) {
      if (n > 0 && (linesWithN > modeLines || (linesWithN === modeLines && n > modeCount))) {
        modeCount = n;
        modeLines = linesWithN;
      }
    }
    if (modeCount === 0 || modeLines < lines.length * 0.5) continue;
    const score = modeLines * 1000 + modeCount;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Whitespace-aligned: no delimiter, and most lines split on spaces into the same number (>= 2) of fields. */
export function looksWhitespaceAligned(lines: readonly string[]): boolean {
  if (lines.length === 0 || lines.some((l) => l.includes('"'))) return false;
  const counts = new Map<number, number>();
  for (const line of lines) {
    const n = line.trim().split(SPACE_RUN).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let modeCount = 0;
  let modeLines = 0;
  for (const [n, linesWithN] of counts) {
    if (linesWithN > modeLines) {
      modeCount = n;
      modeLines = linesWithN;
    }
  }
  return modeCount >= 2 && modeLines >= lines.length * 0.9;
}

function parseWhitespace(text: string): string[][] {
  const rows = text.split(LINE_BREAK).map((line) => (line.trim() === '' ? [''] : line.trim().split(SPACE_RUN)));
  if (rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
  return rows;
}

/** How many lines the layout is decided from (a prefix holding this many non-blank lines decides as the whole text). */
export const LAYOUT_SAMPLE_LINES = SAMPLE_LINES;

/** True when `prefix` holds enough complete non-blank lines to decide the layout exactly as the whole text would. */
export function prefixDecidesLayout(prefix: string): boolean {
  const complete = prefix.slice(0, prefix.lastIndexOf('\n') + 1);
  return sampleLines(complete).length >= SAMPLE_LINES;
}

/** The delimiter of a text (BOM removed), or null for whitespace-aligned columns: from its first 50 non-blank lines. */
export function chooseDelimiter(source: string, options: CsvOptions = {}): CsvDelimiter | null {
  if (options.delimiter === 'whitespace') return null;
  if (options.delimiter) return options.delimiter;
  const lines = sampleLines(source);
  const delimiter = detectDelimiter(lines);
  if (delimiter === null && !looksWhitespaceAligned(lines)) return ',';
  return delimiter;
}

/**
 * Parses CSV/TSV/whitespace-aligned text into a grid of strings. Blank lines
 * stay as rows (so row numbers match the file); a final line break adds no row.
 */
export function parseCsvText(text: string, options: CsvOptions = {}): CsvReadResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = chooseDelimiter(source, options);
  if (delimiter === null) return { grid: parseWhitespace(source), shape: 'whitespace', delimiter: null, problems: [] };

  const parsed = Papa.parse<string[]>(source, { delimiter, header: false, dynamicTyping: false, skipEmptyLines: false, quoteChar: '"' });
  const grid = parsed.data;
  const last = grid[grid.length - 1];
  if (last && last.length === 1 && last[0] === '') grid.pop();
  const problems: CsvParseProblem[] = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: (e.row ?? 0) + 1, code: e.code, message: e.message }));
  return { grid, shape: 'delimited', delimiter, problems };
}

