/** Table styling shared by the tier, segment and rules tables. */
import type PptxGenJS from 'pptxgenjs';
import type { DeckContext } from '../context';
import { COLOR, SIZE } from '../theme';

export type Align = 'left' | 'right' | 'center';

export function headerCell(ctx: DeckContext, text: string, align: Align = 'left'): PptxGenJS.TableCell {
  return { text, options: { bold: true, color: COLOR.white, fill: { color: COLOR.accent }, align, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.table, valign: 'middle' } };
}

export function bodyCell(ctx: DeckContext, text: string, align: Align = 'left', extra: PptxGenJS.TableCellProps = {}): PptxGenJS.TableCell {
  return { text, options: { color: COLOR.ink, align, fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.table, valign: 'middle', ...extra } };
}

export const TABLE_BORDER: PptxGenJS.BorderProps = { type: 'solid', pt: 0.75, color: COLOR.rule };
