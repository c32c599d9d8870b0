/** Slide 1: what this deck is about: the source and the as-of date. */
import { formatIsoDay } from '../../../domain/dates';
import { formatCount } from '../../../domain/summary/numberText';
import { shorten, type DeckContext } from '../context';

/** Characters of the source name on the cover (one 20 pt line across the slide). */
const TITLE_SOURCE_CHARS = 90;
import { DECK_STRINGS as S, fill } from '../strings';
import { COLOR, CONTENT, MARGIN, SIZE, SLIDE } from '../theme';

export function addTitleSlide(ctx: DeckContext): void {
  const { input } = ctx;
  const slide = ctx.pptx.addSlide();
  slide.background = { color: COLOR.accent };
  slide.addText(ctx.t(S.deckTitle), {
    x: MARGIN, y: 2.0, w: CONTENT.w, h: 1.2,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.coverTitle, bold: true, color: COLOR.white, margin: 0, valign: 'bottom', fit: 'shrink',
  });
  slide.addShape(ctx.pptx.ShapeType.rect, { x: MARGIN, y: 3.35, w: 1.6, h: 0.08, fill: { color: 'FFD966' }, line: { color: 'FFD966', width: 0 } });
  const count = `${formatCount(input.summary.customers, ctx.locale)} ${ctx.t(S.customersCount)}`;
  slide.addText(
    [
      { text: fill(ctx.t(S.source), { name: shorten(input.sourceName, TITLE_SOURCE_CHARS) }), options: { breakLine: true } },
      { text: `${ctx.t(S.asOf)} ${formatIsoDay(input.asOf)}  ·  ${count}` },
    ],
    {
      x: MARGIN, y: 3.6, w: CONTENT.w, h: 1.1,
      fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.coverSubtitle, color: COLOR.white, margin: 0, valign: 'top', paraSpaceAfter: 6, fit: 'shrink',
    },
  );
  slide.addText(ctx.t(S.madeWith), {
    x: MARGIN, y: SLIDE.height - 1.0, w: CONTENT.w, h: 0.5,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.footer, color: 'DCE6F2', margin: 0, valign: 'middle', fit: 'shrink',
  });
}
