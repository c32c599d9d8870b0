/**
 * The .xlsx styles part (xl/styles.xml) of the streaming writer (streamXlsx.ts): fonts, fills,
 * borders, number formats and cell formats interned as the sheets' cells ask for them, plus the
 * differential formats of conditional formatting.
 */
import type { CellStyle } from '../../plan/types';
import { BORDER_COLOR, CELL_STYLES, hexColor, type StyleSpec } from './cellStyles';
import { NS_MAIN, XML_HEAD, escapeAttr } from './ooxmlText';

/** Built-in number format ids (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_NUMFMTS: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '@': 49 };

/** The workbook's styles part, built as cells ask for their styles (one xf per distinct style). */
export class StyleBook {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>();
  /** cellXf's answers by (style, number format, fill): xf keys by JSON text, once per combination only. */
  private readonly cellXfIndex = new Map<string, number>();
  private readonly dxfs: string[] = [];

  private intern(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  private numFmtId(format: string): number {
    const builtin = BUILTIN_NUMFMTS[format];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(format);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(format, id);
    }
    return id;
  }

  /** The cellXfs index of a style spec + number format (+ an extra fill colour; `unlocked` for cells a protected sheet leaves editable). */
  xf(spec: StyleSpec, numberFormat: string | undefined, fillOverride?: string, unlocked = false): number {
    const key = JSON.stringify([spec, numberFormat ?? 'General', fillOverride ?? null, unlocked]);
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(numberFormat ?? 'General');
    let fontId = 0;
    if (spec.font) {
      const f = spec.font;
      fontId = this.intern(
        this.fonts,
        `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? 11}"/>${f.color ? `<color rgb="FF${f.color}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`,
      );
    }
    const fill = fillOverride ?? spec.fill;
    const fillId = fill === undefined ? 0 : this.intern(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${fill}"/><bgColor indexed="64"/></patternFill></fill>`);
    const b = `<color rgb="FF${BORDER_COLOR}"/>`;
    const borderId =
      spec.border === 'thin'
        ? this.intern(this.borders, `<border><left style="thin">${b}</left><right style="thin">${b}</right><top style="thin">${b}</top><bottom style="thin">${b}</bottom><diagonal/></border>`)
        : 0;
    const align = spec.wrap || spec.align ? `<alignment${spec.align ? ` horizontal="${spec.align}"` : ''}${spec.wrap ? ' wrapText="1"' : ''}/>` : '';
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      (align ? ' applyAlignment="1"' : '') +
      (unlocked ? ' applyProtection="1"' : '') +
      (align || unlocked ? `>${align}${unlocked ? '<protection locked="0"/>' : ''}</xf>` : '/>');
    this.xfs.push(xml);
    const index = this.xfs.length - 1;
    this.xfIndex.set(key, index);
    return index;
  }

  /**
   * The cellXfs index of a plan cell's style, number format and fill (`#RRGGBB`), worked out once per
   * combination: a Quality sheet can list a million findings of six cells each, and xf's JSON key per
   * cell was 0.8 s of a 19 s run (2026-12-06).
   */
  cellXf(style: CellStyle | undefined, numberFormat: string | undefined, fill?: string): number {
    // \u0001 stands for an absent part (an empty number format is not the absent one: it is not General).
    const key = `${style ?? '\u0001'}\u0000${numberFormat ?? '\u0001'}\u0000${fill ?? '\u0001'}`;
    let index = this.cellXfIndex.get(key);
    if (index === undefined) {
      index = this.xf(specOf(style), numberFormat, fill === undefined ? undefined : hexColor(fill));
      this.cellXfIndex.set(key, index);
    }
    return index;
  }

  /** A differential format for conditional formatting: fill and optional font colour. */
  dxf(fill: string, fontColor: string | null): number {
    const font = fontColor === null ? '' : `<font><color rgb="FF${hexColor(fontColor)}"/></font>`;
    this.dxfs.push(`<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="FF${hexColor(fill)}"/></patternFill></fill></dxf>`);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

function specOf(style: CellStyle | undefined): StyleSpec {
  return style === undefined ? {} : CELL_STYLES[style];
}
