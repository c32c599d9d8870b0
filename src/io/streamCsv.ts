/**
 * A CSV (or whitespace-aligned) file read as a stream (issue 10 §2): bytes
 * are decoded in chunks (TextDecoder streams for UTF-8 and UTF-16,
 * iconv-lite's decoder for GB18030) and parsed in chunks by the same parser
 * as the whole-file read (Papa Parse, fed chunk by chunk), handing rows on
 * in batches. Node only (the command line); the task pane reads whole
 * sheets. The result equals readInputFile's on the same bytes:
 *
 * - 'auto' without a BOM decides as decodeBytes does over the whole file
 *   (ASCII? valid UTF-8? UTF-16 zero-byte pattern in the first 4 KiB?): a
 *   first pass validates the bytes (native, no text kept), then the second
 *   decodes them;
 * - the layout (delimiter or whitespace columns) comes from the first 50
 *   non-blank lines, and Papa Parse's line-ending guess from the first
 *   1 MiB of text, so the first chunk given to the parser holds both;
 * - row numbers of CSV problems count rows from the top of the file.
 */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Issue } from '../domain/types';
import { chooseDelimiter, prefixDecidesLayout, type CsvDelimiter, type CsvParseProblem, type CsvShape } from './csv';
// The BOM-less UTF-16 test is decode.ts's own, so the streamed read guesses exactly as the whole-file read.
import { DecodeError, ENCODING_CHOICES, sniffUtf16WithoutBom, type DetectedEncoding, type EncodingChoice } from './decode';
import { csvSourceIssues, encodingGuessedIssue } from './readFile';

export interface StreamedCsv {
  readonly encoding: DetectedEncoding;
  readonly encodingGuessed: boolean;
  readonly shape: CsvShape;
  readonly delimiter: CsvDelimiter | null;
  /** The file's own problems (a guessed encoding, a malformed quote), as readInputFile reports them. */
  readonly issues: Issue[];
}

export interface StreamCsvOptions {
  readonly encoding?: EncodingChoice;
  /** Bytes per read (default DEFAULT_CHUNK_BYTES); tests use tiny chunks to cut characters and rows anywhere. */
  readonly chunkBytes?: number;
  /** Called after each chunk with the bytes read so far and the file's size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Bytes per read. Each chunk's rows are all alive while they are graded, and
 * every young-generation collection copies them: 128 KiB instead of 1 MiB cut
 * the collector's time on a 1M-line log from about 2.4 s to 0.6 s and the
 * peak heap by 100 MB (measured with --trace-gc). The parser's first chunk is
 * still at least FIRST_CHUNK_CHARS (see `take`).
 */
const DEFAULT_CHUNK_BYTES = 128 * 1024;
/** Text the parser's first chunk holds at least: Papa Parse guesses line endings from the first 1 MiB. */
const FIRST_CHUNK_CHARS = 1024 * 1024;
const SNIFF_BYTES = 4096;
const LINE_BREAK = /\r\n|\n|\r/;
const SPACE_RUN = / +/;

type Bom = 'utf-8' | 'utf-16le' | 'utf-16be' | null;

async function firstBytes(file: string, count: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function bomOf(bytes: Uint8Array): Bom {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Whole-file facts decodeBytes looks at: all ASCII? valid UTF-8? One pass, stopping at the first invalid byte. */
async function scanBytes(file: string, chunkBytes: number): Promise<{ ascii: boolean; validUtf8: boolean }> {
  let ascii = true;
  const validator = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes })) {
      const bytes = chunk as Buffer;
      if (ascii && isAscii(bytes)) continue;
      ascii = false;
      validator.decode(bytes, { stream: true });
    }
    validator.decode();
  } catch (error) {
    // The fatal decoder's "invalid encoded data" (checked by its code: under jest the TypeError is another realm's).
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return { ascii: false, validUtf8: false };
    throw error;
  }
  return { ascii, validUtf8: true };
}

interface Decision {
  readonly encoding: DetectedEncoding;
  readonly guessed: boolean;
  /** Bytes of BOM skipped. */
  readonly skip: number;
}

/** The encoding decodeBytes would choose for the whole file. */
async function decideEncoding(file: string, choice: EncodingChoice, chunkBytes: number): Promise<Decision> {
  if (!ENCODING_CHOICES.includes(choice)) throw new DecodeError(String(choice));
  const start = await firstBytes(file, SNIFF_BYTES);
  const bom = bomOf(start);
  switch (choice) {
    case 'utf-8':
      return { encoding: 'utf-8', guessed: false, skip: bom === 'utf-8' ? 3 : 0 };
    case 'gb18030':
      return { encoding: 'gb18030', guessed: false, skip: bom === 'utf-8' ? 3 : 0 };
    case 'utf-16': {
      const encoding = bom === 'utf-16be' ? 'utf-16be' : 'utf-16le';
      return { encoding, guessed: false, skip: bom === 'utf-16le' || bom === 'utf-16be' ? 2 : 0 };
    }
    case 'auto':
      break;
  }
  if (bom === 'utf-8') return { encoding: 'utf-8', guessed: false, skip: 3 };
  if (bom !== null) return { encoding: bom, guessed: false, skip: 2 };
  const { ascii, validUtf8 } = await scanBytes(file, chunkBytes);
  const utf16 = ascii || !validUtf8 ? sniffUtf16WithoutBom(start) : null;
  if (utf16 !== null) return { encoding: utf16, guessed: true, skip: 0 };
  if (validUtf8) return { encoding: 'utf-8', guessed: false, skip: 0 };
  return { encoding: 'gb18030', guessed: true, skip: 0 };
}

/** @internal exported for tests: a streaming decoder of one encoding. */
export interface TextDecoderLike {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * A streaming decoder, as TextDecoder (or iconv-lite for GB18030) decodes the
 * bytes of the whole file. UTF-8 chunks of ASCII bytes only, up to the first
 * chunk with another byte, are copied as Latin-1 (what UTF-8 gives for ASCII,
 * at memory speed, where TextDecoder validates each byte): nothing is pending
 * between them, so from the first other chunk on, a fresh TextDecoder reads
 * the rest exactly as one would have read the whole file.
 * @internal exported for tests
 */
export function decoderFor(encoding: DetectedEncoding): TextDecoderLike {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030', { stripBOM: false });
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let asciiSoFar = encoding === 'utf-8';
  return {
    write: (bytes) => {
      if (asciiSoFar && isAscii(bytes)) return bytes.toString('latin1');
      asciiSoFar = false;
      return decoder.decode(bytes, { stream: true });
    },
    end: () => decoder.decode(),
  };
}

/** Parses text pushed in chunks into rows, handing each batch on. */
interface ChunkParser {
  write(text: string): void;
  end(): void;
  readonly problems: CsvParseProblem[];
}

/** Papa Parse over a stand-in stream: each chunk is parsed as it is emitted, synchronously, as Papa's own stream reader does. */
function papaParser(delimiter: CsvDelimiter, onRows: (rows: string[][]) => void): ChunkParser {
  const input = Object.assign(new EventEmitter(), { readable: true, read: () => null, pause: () => undefined, resume: () => undefined });
  const problems: CsvParseProblem[] = [];
  let rowsBefore = 0;
  let finished = false;
  let failure: unknown = null;
  Papa.parse<string[]>(input as unknown as NodeJS.ReadableStream as unknown as File, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    quoteChar: '"',
    chunk: (results) => {
      const rows = results.data;
      for (const e of results.errors) {
        // A problem in the unfinished last row of a chunk is found again when that row is parsed whole.
        if (e.type !== 'Quotes') continue;
        if (!finished && (e.row ?? 0) >= rows.length) continue;
        problems.push({ row: rowsBefore + (e.row ?? 0) + 1, code: e.code, message: e.message });
      }
      rowsBefore += rows.length;
      onRows(rows);
    },
    complete: () => undefined,
    error: (error: unknown) => {
      failure = error;
    },
  });
  const check = () => {
    if (failure !== null) throw failure;
  };
  return {
    problems,
    write: (text) => {
      if (text !== '') input.emit('data', text);
      check();
    },
    end: () => {
      finished = true;
      input.emit('end');
      check();
    },
  };
}

/** csv.ts's whitespace-aligned split, line by line (a `\r` at a chunk's end waits: it may start `\r\n`). */
function whitespaceParser(onRows: (rows: string[][]) => void): ChunkParser {
  let rest = '';
  const rowOf = (line: string): string[] => (line.trim() === '' ? [''] : line.trim().split(SPACE_RUN));
  return {
    problems: [],
    write: (text) => {
      const all = rest + text;
      const parts = all.split(LINE_BREAK);
      rest = parts.pop() ?? '';
      if (all.endsWith('\r')) {
        // "a\r" split gives ["a", ""]: the break may be half of "\r\n", so keep it for the next chunk.
        const last = parts.pop() ?? '';
        rest = `${last}\r`;
      }
      if (parts.length > 0) onRows(parts.map(rowOf));
    },
    end: () => {
      const parts = rest.split(LINE_BREAK);
      // The text's final line break adds no row (parseWhitespace drops it too).
      if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
      if (parts.length > 0) onRows(parts.map(rowOf));
      rest = '';
    },
  };
}

/**
 * Streams a text file's rows to `onRows` (batches, in order).
 * @throws FileReadError for a quote that never closes (after the whole file is read, as readInputFile does)
 * @throws DecodeError for an unknown encoding choice
 */
export async function streamCsvFile(file: string, onRows: (rows: string[][]) => void, options: StreamCsvOptions = {}): Promise<StreamedCsv> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const decision = await decideEncoding(file, options.encoding ?? 'auto', chunkBytes);
  const decoder = decoderFor(decision.encoding);
  const totalBytes = (await open(file, 'r').then(async (h) => {
    try {
      return (await h.stat()).size;
    } finally {
      await h.close();
    }
  })) as number;
  let head: string | null = '';
  let parser: ChunkParser | null = null;
  let delimiter: CsvDelimiter | null = null;
  const startParser = (text: string): void => {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    delimiter = chooseDelimiter(source);
    parser = delimiter === null ? whitespaceParser(onRows) : papaParser(delimiter, onRows);
    parser.write(source);
  };
  const take = (text: string): void => {
    if (head === null) {
      (parser as ChunkParser | null)?.write(text);
      return;
    }
    head += text;
    if (head.length >= FIRST_CHUNK_CHARS && prefixDecidesLayout(head)) {
      const first = head;
      head = null;
      startParser(first);
    }
  };
  let bytesRead = decision.skip;
  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes, start: decision.skip })) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    take(decoder.write(bytes));
    options.onProgress?.(bytesRead, totalBytes);
  }
  take(decoder.end());
  if (head !== null) startParser(head);
  const finalParser = parser as unknown as ChunkParser;
  finalParser.end();
  const issues: Issue[] = [];
  if (decision.guessed) issues.push(encodingGuessedIssue(decision.encoding));
  issues.push(...csvSourceIssues(finalParser.problems));
  return { encoding: decision.encoding, encodingGuessed: decision.guessed, shape: delimiter === null ? 'whitespace' : 'delimited', delimiter, issues };
}
