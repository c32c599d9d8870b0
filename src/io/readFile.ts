/**
 * One entry point for customer files: .xlsx (recognised by its zip magic
 * bytes, whatever the name says) or delimited / whitespace-aligned text in
 * any supported encoding. Works on bytes, so the CLI (node:fs) and the task
 * pane (File.arrayBuffer()) share it.
 */
import type { Localized } from '../i18n/locale';
import type { Issue, RawGrid } from '../domain/types';
import { makeIssue } from '../domain/import/messages';
import type { CsvDelimiter, CsvParseProblem, CsvShape } from './csv';
import { parseCsvText } from './csv';
import type { DetectedEncoding, EncodingChoice } from './decode';
import { decodeBytes } from './decode';
import { readXlsx } from './xlsx';

export interface ReadInputOptions {
  /** Text files only; default 'auto'. */
  readonly encoding?: EncodingChoice;
  /** Workbooks only: the sheet to read; default the first non-empty one. */
  readonly sheet?: string;
  /** Text files only: forces the delimiter; detected by default. */
  readonly delimiter?: CsvDelimiter | 'whitespace';
}

export interface InputFile {
  readonly grid: RawGrid;
  readonly format: 'xlsx' | 'text';
  /** The text encoding used; null for workbooks. */
  readonly encoding: DetectedEncoding | null;
  readonly encodingGuessed: boolean;
  /** The sheet read; null for text files. */
  readonly sheetName: string | null;
  /** All sheets of a workbook; [] for text files. */
  readonly sheetNames: string[];
  /** Text files: how the text was split. */
  readonly csvShape: CsvShape | null;
  readonly delimiter: CsvDelimiter | null;
  /** File-level warnings: a guessed encoding, broken CSV quoting. */
  readonly issues: Issue[];
}

export type FileReadErrorCode = 'unsupported-format' | 'csv-unterminated-quote';

/**
 * A file Tierwise cannot read at all (old binary .xls, .xlsb, other binaries),
 * or a CSV whose quote never closes: everything after it would be swallowed
 * into one cell, so rows would vanish without a trace.
 */
export class FileReadError extends Error {
  constructor(
    readonly code: FileReadErrorCode,
    readonly userMessage: Localized,
  ) {
    super(`${code}: ${userMessage.en}`);
    this.name = 'FileReadError';
  }
}

/** Papa Parse's problem codes in the user's words (its own messages are English only). */
const CSV_PROBLEM_TEXT: Readonly<Record<string, Localized>> = {
  InvalidQuotes: { en: 'a quote inside a field is not doubled', zh: '字段内的引号没有写成两个' },
  TooFewFields: { en: 'the row has fewer fields than the header', zh: '该行的字段比表头少' },
  TooManyFields: { en: 'the row has more fields than the header', zh: '该行的字段比表头多' },
  UndetectableDelimiter: { en: 'the separator could not be detected', zh: '无法识别分隔符' },
};

const ENCODING_NAMES: Readonly<Record<DetectedEncoding, Localized>> = {
  'utf-8': { en: 'UTF-8', zh: 'UTF-8' },
  'utf-16le': { en: 'UTF-16 (little-endian)', zh: 'UTF-16（小端）' },
  'utf-16be': { en: 'UTF-16 (big-endian)', zh: 'UTF-16（大端）' },
  gb18030: { en: 'GB18030 (GBK, Chinese Excel CSV)', zh: 'GB18030（GBK，中文 Excel 默认 CSV 编码）' },
};

/**
 * The issues of a CSV's own problems (a broken quote), reported before the
 * grid's. Shared with the streaming reader (streamCsv.ts).
 * @throws FileReadError 'csv-unterminated-quote' when a quote never closes
 */
export function csvSourceIssues(problems: readonly CsvParseProblem[]): Issue[] {
  const unterminated = problems.find((p) => p.code === 'MissingQuotes');
  if (unterminated) {
    throw new FileReadError('csv-unterminated-quote', {
      en: `Row ${unterminated.row}: a quote (") opens a field that never closes, so the rest of the file would be read as one cell. Fix the quotes in that row (a quote inside a field is written twice: "") and try again.`,
      zh: `第 ${unterminated.row} 行：某个字段的引号（"）没有闭合，文件其余部分会被读成一个单元格。请修正该行的引号（字段内的引号需写成两个：""）后重试。`,
    });
  }
  return problems.map((problem) => makeIssue('malformed-csv', 'warning', problem.row, null, null, { text: CSV_PROBLEM_TEXT[problem.code] ?? { en: problem.message, zh: 'CSV 格式错误' } }));
}

/** The issue saying the encoding was guessed. */
export function encodingGuessedIssue(encoding: DetectedEncoding): Issue {
  return makeIssue('encoding-guessed', 'warning', null, null, null, { text: ENCODING_NAMES[encoding] });
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when readInputFile would read these bytes as text (CSV), not as a workbook: the first 8 bytes are enough. */
export function isTextInput(firstBytes: Uint8Array, fileName: string): boolean {
  const ext = extensionOf(fileName);
  return !(startsWith(firstBytes, OLE_MAGIC) || ext === 'xls' || ext === 'xlsb' || startsWith(firstBytes, ZIP_MAGIC) || ext === 'xlsx' || ext === 'xlsm');
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Reads a customer file into a grid.
 * @throws FileReadError 'unsupported-format' for .xls/.xlsb and other binary workbooks
 * @throws XlsxReadError when a workbook cannot be read or the sheet is missing
 * @throws DecodeError for an unknown encoding choice
 */
export async function readInputFile(bytes: Uint8Array, fileName: string, opts: ReadInputOptions = {}): Promise<InputFile> {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, OLE_MAGIC) || ext === 'xls' || ext === 'xlsb') {
    throw new FileReadError('unsupported-format', {
      en: `'${fileName}' is an old or binary Excel file (.xls/.xlsb). Open it in Excel, save it as .xlsx or CSV, and try again.`,
      zh: `「${fileName}」是旧版或二进制 Excel 文件（.xls/.xlsb）。请在 Excel 中打开，另存为 .xlsx 或 CSV 后重试。`,
    });
  }
  if (startsWith(bytes, ZIP_MAGIC) || ext === 'xlsx' || ext === 'xlsm') {
    const book = await readXlsx(bytes, opts.sheet);
    return {
      grid: book.grid,
      format: 'xlsx',
      encoding: null,
      encodingGuessed: false,
      sheetName: book.sheetName,
      sheetNames: book.sheetNames,
      csvShape: null,
      delimiter: null,
      issues: [],
    };
  }
  const decoded = decodeBytes(bytes, opts.encoding ?? 'auto');
  const csv = parseCsvText(decoded.text, opts.delimiter ? { delimiter: opts.delimiter } : {});
  const issues: Issue[] = [];
  if (decoded.guessed) {
    issues.push(makeIssue('encoding-guessed', 'warning', null, null, null, { text: ENCODING_NAMES[decoded.encoding] }));
  }
  issues.push(...csvSourceIssues(csv.problems));
  return {
    grid: csv.grid,
    format: 'text',
    encoding: decoded.encoding,
    encodingGuessed: decoded.guessed,
    sheetName: null,
    sheetNames: [],
    csvShape: csv.shape,
    delimiter: csv.delimiter,
    issues,
  };
}
