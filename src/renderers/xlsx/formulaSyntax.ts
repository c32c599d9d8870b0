/**
 * Plan formulas (Excel UI syntax) -> the syntax stored in an .xlsx file
 * (DESIGN.md §7):
 * - no leading `=`;
 * - functions newer than Excel 2007 carry the `_xlfn.` prefix, or Excel and
 *   LibreOffice show `#NAME?`;
 * - this-row structured references `[@[Col]]` / `[@Col]` are written in full,
 *   `Table[[#This Row],[Col]]`, as Excel itself stores them;
 * - whole-column references `Table[[Col]]` are written `Table[Col]`.
 * String literals ("...") are never touched.
 */

/**
 * Functions added after Excel 2007 (so stored with `_xlfn.`), from
 * Microsoft's "Issue: An _xlfn. prefix is displayed in front of a formula".
 * IFERROR, SUMIFS, COUNTIFS, AVERAGEIFS are Excel 2007 and need no prefix.
 */
export const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  'AGGREGATE',
  'BETA.DIST',
  'BETA.INV',
  'BINOM.DIST',
  'BINOM.INV',
  'CEILING.MATH',
  'CEILING.PRECISE',
  'CHISQ.DIST',
  'CHISQ.DIST.RT',
  'CHISQ.INV',
  'CHISQ.INV.RT',
  'CHISQ.TEST',
  'CONCAT',
  'CONFIDENCE.NORM',
  'CONFIDENCE.T',
  'COVARIANCE.P',
  'COVARIANCE.S',
  'DAYS',
  'EXPON.DIST',
  'F.DIST',
  'F.DIST.RT',
  'F.INV',
  'F.INV.RT',
  'F.TEST',
  'FILTER',
  'FLOOR.MATH',
  'FLOOR.PRECISE',
  'FORMULATEXT',
  'GAMMA.DIST',
  'GAMMA.INV',
  'GAMMALN.PRECISE',
  'HYPGEOM.DIST',
  'IFNA',
  'IFS',
  'ISOWEEKNUM',
  'LET',
  'LOGNORM.DIST',
  'LOGNORM.INV',
  'MAXIFS',
  'MINIFS',
  'MODE.MULT',
  'MODE.SNGL',
  'NEGBINOM.DIST',
  'NETWORKDAYS.INTL',
  'NORM.DIST',
  'NORM.INV',
  'NORM.S.DIST',
  'NORM.S.INV',
  'PERCENTILE.EXC',
  'PERCENTILE.INC',
  'PERCENTRANK.EXC',
  'PERCENTRANK.INC',
  'POISSON.DIST',
  'QUARTILE.EXC',
  'QUARTILE.INC',
  'RANK.AVG',
  'RANK.EQ',
  'SORT',
  'SORTBY',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'T.DIST',
  'T.DIST.2T',
  'T.DIST.RT',
  'T.INV',
  'T.INV.2T',
  'T.TEST',
  'TEXTJOIN',
  'UNIQUE',
  'VAR.P',
  'VAR.S',
  'WEIBULL.DIST',
  'WORKDAY.INTL',
  'XLOOKUP',
  'XMATCH',
  'Z.TEST',
]);

export class FormulaSyntaxError extends Error {
  readonly code = 'formula-syntax' as const;
  constructor(message: string) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

/**
 * Reads a bracketed structured-reference part starting at `start` (which
 * holds `[`), honouring `'` escapes and nested brackets; returns the index
 * after the closing `]`.
 */
function skipBracket(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const c = formula[i];
    if (c === "'") {
      i++; // the escaped character
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new FormulaSyntaxError(`Unclosed [ in formula: ${formula}`);
}

/**
 * Converts a plan formula to file syntax. `thisRowTable` is the table whose
 * row a `[@...]` reference means (the table the formula sits in); a `[@...]`
 * without one is an error.
 */
export function toFileFormula(formula: string, thisRowTable: string | null): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === '"') {
      // string literal, "" is an escaped quote
      let j = i + 1;
      for (;;) {
        if (j >= body.length) throw new FormulaSyntaxError(`Unclosed string in formula: ${formula}`);
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += body.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '[') {
      // a bare this-row reference: [@Col] or [@[Col]]
      const end = skipBracket(body, i);
      const inner = body.slice(i + 1, end - 1);
      if (!inner.startsWith('@')) throw new FormulaSyntaxError(`Unsupported bare structured reference ${body.slice(i, end)} in: ${formula}`);
      if (thisRowTable === null) throw new FormulaSyntaxError(`A this-row reference outside a table: ${formula}`);
      const column = inner.slice(1);
      const spec = column.startsWith('[') ? column : `[${column}]`;
      out += `${thisRowTable}[[#This Row],${spec}]`;
      i = end;
      continue;
    }
    if (/[A-Za-z_\\]/.test(c) && !/[A-Za-z0-9_.\\]/.test(out.charAt(out.length - 1))) {
      // an identifier: function name, defined name, table name or cell reference
      let j = i;
      while (j < body.length && /[A-Za-z0-9_.\\]/.test(body[j] as string)) j++;
      const word = body.slice(i, j);
      if (body[j] === '(' && XLFN_FUNCTIONS.has(word.toUpperCase())) {
        out += `_xlfn.${word}`;
      } else if (body[j] === '[') {
        // Table[...]: a whole-column reference; Table[[Col]] is stored Table[Col]
        const end = skipBracket(body, j);
        const spec = body.slice(j, end);
        const single = /^\[\[((?:[^'[\]]|'.)*)\]\]$/s.exec(spec);
        out += word + (single ? `[${single[1]}]` : spec);
        i = end;
        continue;
      } else {
        out += word;
      }
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
