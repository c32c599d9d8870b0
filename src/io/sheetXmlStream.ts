/**
 * Streaming reading of an .xlsx sheet part (issue 8 §2, `--previous` on a
 * 100,000-customer × 24-snapshot history): the sheet's XML is fed in text
 * chunks of any size and parsed incrementally — no DOM, no whole-sheet
 * string — and each row comes out as the RawCells of its cells, as
 * `sheetGrid` of src/io/xlsx.ts gives them, minus the number-format step:
 * a date cell is its serial number (no styles are read).
 *
 * Cell kinds read: shared strings (`t="s"`), inline strings
 * (`t="inlineStr"`, `<is><t>` or rich-text runs `<is><r><t>`), formula
 * strings (`t="str"`), booleans (`t="b"`), errors (`t="e"`), ISO dates
 * (`t="d"`), numbers (no `t` or `t="n"`); a formula without a cached value
 * reads as its text `=…`, as in rawCellOf. Entities (`&amp;`, `&#…;`,
 * `&#x…;`) are decoded; `<rPh>` phonetic runs are not part of the text.
 */
import type { RawCell } from '../domain/types';
import { isBlankRow } from '../domain/import/text';

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref === 'amp') return '&';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The value of attribute `name` in a start tag's text, decoded, or undefined. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (match === null) return undefined;
  return decodeXmlText(match[1] ?? match[2] ?? '');
}

/** The 0-based column of a cell reference such as `AB12`, or -1. */
export function columnOfRef(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

function localName(tagBody: string): string {
  let end = 0;
  while (end < tagBody.length && !/[\s/>]/.test(tagBody[end]!)) end++;
  const name = tagBody.slice(0, end);
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A pull parser over XML text fed in chunks: calls `onOpen(name, tag,
 * selfClosing)`, `onClose(name)` and `onText(decodedText)`. Keeps only the
 * unfinished tail of the text between chunks (at most one tag or one text
 * run), so memory stays bounded by the largest single text node.
 */
export class XmlChunkParser {
  private tail = '';
  constructor(
    private readonly handlers: {
      onOpen(name: string, tag: string, selfClosing: boolean): void;
      onClose(name: string): void;
      onText(text: string): void;
    },
  ) {}

  /** How many characters are held between chunks (an unfinished tag or text run). */
  get pendingLength(): number {
    return this.tail.length;
  }

  write(chunk: string): void {
    const text = this.tail === '' ? chunk : this.tail + chunk;
    let at = 0;
    const n = text.length;
    while (at < n) {
      const lt = text.indexOf('<', at);
      if (lt < 0) break; // text runs on into the next chunk (it may end inside an entity)
      if (lt > at) this.handlers.onText(decodeXmlText(text.slice(at, lt)));
      at = lt;
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) break;
        at = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', at)) {
        const end = text.indexOf(']]>', at + 9);
        if (end < 0) break;
        this.handlers.onText(text.slice(at + 9, end));
        at = end + 3;
        continue;
      }
      const gt = text.indexOf('>', at + 1);
      if (gt < 0) break; // the tag runs on into the next chunk
      const body = text.slice(at + 1, gt);
      at = gt + 1;
      if (body.startsWith('?') || body.startsWith('!')) continue;
      if (body.startsWith('/')) {
        this.handlers.onClose(localName(body.slice(1)));
        continue;
      }
      const selfClosing = body.endsWith('/');
      const name = localName(body);
      this.handlers.onOpen(name, body, selfClosing);
      if (selfClosing) this.handlers.onClose(name);
    }
    // Keep the unfinished part; text with no '<' yet is kept whole, as it may end inside an entity.
    this.tail = text.slice(at);
  }

  /** The end of the input: text left over is a final text run. */
  end(): void {
    if (this.tail !== '') {
      if (this.tail.includes('<')) throw new Error(`the XML ends inside a tag: "${this.tail.slice(0, 40)}"`);
      this.handlers.onText(decodeXmlText(this.tail));
      this.tail = '';
    }
  }
}

/** Collects the strings of a sharedStrings part: one per `<si>`, its `<t>` texts joined, phonetic runs left out. */
export function sharedStringsCollector(): { parser: XmlChunkParser; strings: string[] } {
  const strings: string[] = [];
  let inSi = false;
  let inT = false;
  let inPhonetic = 0;
  let current = '';
  const parser = new XmlChunkParser({
    onOpen(name) {
      if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && inSi && inPhonetic === 0) inT = true;
    },
    onClose(name) {
      if (name === 'si') {
        strings.push(current);
        inSi = false;
      } else if (name === 'rPh') inPhonetic--;
      else if (name === 't') inT = false;
    },
    onText(text) {
      if (inT) current += text;
    },
  });
  return { parser, strings };
}

/**
 * A parser of a worksheet part that calls `onRow(rowIndex0, cells)` for
 * every `<row>`, in order; cells are placed at their reference's column
 * (or after the previous cell when a cell has no reference), gaps null,
 * trailing empties trimmed as sheetGrid does.
 */
export function sheetRowsParser(sharedStrings: readonly string[], onRow: (row: number, cells: RawCell[]) => void): XmlChunkParser {
  let rowIndex = -1;
  let cells: RawCell[] = [];
  let inRow = false;
  let column = -1;
  let type = 'n';
  let value: string | null = null;
  let formula: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let inPhonetic = 0;
  let nextColumn = 0;
  // A shared formula's text is written once, in its first cell (`<f t="shared" si="0">…</f>`); the
  // other cells of the group carry only `<f t="shared" si="0"/>`. Their text is the first cell's,
  // kept untranslated: exact for structured references (all of Tierwise's), and only ever shown
  // as the text of a formula that has no cached value.
  const sharedFormulas = new Map<string, string>();
  let sharedIndex: string | undefined;

  const cellValue = (): RawCell => {
    switch (type) {
      case 's': {
        if (value === null) return null;
        const s = sharedStrings[Number(value)];
        return s === undefined ? null : s;
      }
      case 'inlineStr':
        return inline ?? (value === null ? null : value);
      case 'str':
        // An empty cached value reads as no cached value, as exceljs reads it (rawCellOf then gives the formula text).
        if (value === null || value === '') return formula === null ? value : `=${formula}`;
        return value;
      case 'b':
        return value === null ? null : value.trim() === '1' || value.trim().toLowerCase() === 'true';
      case 'e':
        return value;
      case 'd':
        return value === null ? null : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      default: {
        if (value === null || value.trim() === '') return formula === null ? null : `=${formula}`;
        return Number(value);
      }
    }
  };

  return new XmlChunkParser({
    onOpen(name, tag) {
      switch (name) {
        case 'row': {
          const r = attributeOf(tag, 'r');
          rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
          cells = [];
          inRow = true;
          nextColumn = 0;
          return;
        }
        case 'c': {
          if (!inRow) return;
          const ref = attributeOf(tag, 'r');
          column = ref === undefined ? nextColumn : columnOfRef(ref);
          type = attributeOf(tag, 't') ?? 'n';
          value = null;
          formula = null;
          inline = null;
          return;
        }
        case 'v':
          capture = 'v';
          value = '';
          return;
        case 'f':
          capture = 'f';
          formula = '';
          sharedIndex = attributeOf(tag, 't') === 'shared' ? attributeOf(tag, 'si') : undefined;
          return;
        case 'is':
          inIs = true;
          inline = '';
          return;
        case 'rPh':
          inPhonetic++;
          return;
        case 't':
          if (inIs && inPhonetic === 0) capture = 't';
          return;
        default:
          return;
      }
    },
    onClose(name) {
      switch (name) {
        case 'c': {
          if (!inRow || column < 0) return;
          const raw = cellValue();
          nextColumn = column + 1;
          if (raw === null) return; // sheetGrid leaves empty cells out
          while (cells.length < column) cells.push(null);
          cells[column] = raw;
          return;
        }
        case 'row':
          if (inRow) onRow(rowIndex, cells);
          inRow = false;
          cells = [];
          return;
        case 'f':
          capture = null;
          if (sharedIndex !== undefined) {
            if (formula === null || formula === '') formula = sharedFormulas.get(sharedIndex) ?? formula;
            else sharedFormulas.set(sharedIndex, formula);
          }
          return;
        case 'v':
        case 't':
          capture = null;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          inPhonetic--;
          return;
        default:
          return;
      }
    },
    onText(text) {
      if (capture === 'v') value = (value ?? '') + text;
      else if (capture === 'f') formula = (formula ?? '') + text;
      else if (capture === 't') inline = (inline ?? '') + text;
    },
  });
}

/** Rows of a sheet gathered into a grid as sheetGrid gives it: rows 1..last used, blank trailing rows dropped. */
export function gridCollector(sharedStrings: readonly string[]): { parser: XmlChunkParser; grid: RawCell[][] } {
  const grid: RawCell[][] = [];
  const parser = sheetRowsParser(sharedStrings, (row, cells) => {
    while (grid.length < row) grid.push([]);
    grid[row] = cells;
  });
  return { parser, grid };
}

/** Drops the blank rows at the end of a grid (as sheetGrid does). */
export function trimGrid(grid: RawCell[][]): RawCell[][] {
  while (grid.length > 0 && isBlankRow(grid[grid.length - 1])) grid.pop();
  return grid;
}
