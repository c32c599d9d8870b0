/**
 * What every slide builder gets: the input, the locale's font and text
 * picker, and the shared chrome (title, takeaway line, footer).
 */
import type PptxGenJS from 'pptxgenjs';
import type { Breakpoints } from '../../domain/types';
import type { DayNumber } from '../../domain/dates';
import { formatIsoDay } from '../../domain/dates';
import type { GradingSettings } from '../../domain/settings';
import type { CustomerSummary } from '../../domain/summary/types';
import type { PredictionHighlights } from '../../domain/prediction/summary';
import { pick, type Locale, type Localized } from '../../i18n/locale';
import { COLOR, CONTENT, fontFor, MARGIN, SIZE, SLIDE } from './theme';
import { DECK_STRINGS, fill } from './strings';
import type { HistoryReport } from '../../domain/history/report';

export interface DeckInput {
  readonly summary: CustomerSummary;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  readonly asOf: DayNumber;
  /** null when no customer is scored. */
  readonly breakpoints: Breakpoints | null;
  /** The data's file or sheet name, as the user knows it. */
  readonly sourceName: string;
  /** Issue 9: the prediction's summary and the settings it names; absent or null: no prediction slide. */
  readonly prediction?: DeckPrediction | null;
  /** Issue 8 §2: the tier migration since the previous snapshot (the report's history.migration); absent or null: no migration slide. */
  readonly migration?: HistoryReport['migration'];
}

export type DeckPrediction = PredictionHighlights;

export interface DeckContext {
  readonly pptx: PptxGenJS;
  readonly input: DeckInput;
  readonly locale: Locale;
  readonly font: string;
  /** `lang` of every text run: lets PowerPoint pick the East Asian font for Chinese. */
  readonly lang: string;
  readonly t: (text: Localized) => string;
}

export function makeContext(pptx: PptxGenJS, input: DeckInput): DeckContext {
  return {
    pptx,
    input,
    locale: input.locale,
    font: fontFor(input.locale),
    lang: input.locale === 'zh-CN' ? 'zh-CN' : 'en-US',
    t: (text) => pick(text, input.locale),
  };
}

/** A content slide: the title, the one-line takeaway under it, and the footer. */
export function contentSlide(ctx: DeckContext, title: string, takeaway: string): PptxGenJS.Slide {
  const slide = ctx.pptx.addSlide();
  slide.background = { color: COLOR.white };
  slide.addShape(ctx.pptx.ShapeType.rect, { x: 0, y: 0, w: SLIDE.width, h: 0.12, fill: { color: COLOR.accent }, line: { color: COLOR.accent, width: 0 } });
  slide.addText(title, {
    x: MARGIN, y: 0.3, w: CONTENT.w, h: 0.7,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.title, bold: true, color: COLOR.ink, valign: 'middle', margin: 0, fit: 'shrink',
  });
  slide.addText(takeaway, {
    x: MARGIN, y: 1.0, w: CONTENT.w, h: 0.6,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.takeaway, color: COLOR.accent, valign: 'middle', margin: 0, fit: 'shrink',
  });
  footer(ctx, slide);
  return slide;
}

/**
 * A user's text cut to `max` characters with an ellipsis. PowerPoint shrinks
 * overflowing text only once the box is edited, so a long file name would
 * spill out of the one-line footer.
 */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Characters of the source name in the footer (one 12 pt line beside the date). */
const FOOTER_SOURCE_CHARS = 60;

function footer(ctx: DeckContext, slide: PptxGenJS.Slide): void {
  const { input } = ctx;
  const text = `${fill(ctx.t(DECK_STRINGS.source), { name: shorten(input.sourceName, FOOTER_SOURCE_CHARS) })}  ·  ${ctx.t(DECK_STRINGS.asOf)} ${formatIsoDay(input.asOf)}`;
  slide.addShape(ctx.pptx.ShapeType.line, { x: MARGIN, y: 6.9, w: CONTENT.w, h: 0, line: { color: COLOR.rule, width: 0.75 } });
  slide.addText(text, {
    x: MARGIN, y: 6.95, w: CONTENT.w - 1, h: 0.4,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.footer, color: COLOR.muted, valign: 'middle', margin: 0, fit: 'shrink',
  });
  slide.slideNumber = { x: SLIDE.width - MARGIN - 0.8, y: 6.95, w: 0.8, h: 0.4, fontFace: ctx.font, fontSize: SIZE.footer, color: COLOR.muted, align: 'right' };
}

/** Text options every chart shares: the locale's font, readable sizes, no chart title (the slide has one). */
export function chartText(ctx: DeckContext): PptxGenJS.IChartOpts {
  return {
    catAxisLabelFontFace: ctx.font,
    catAxisLabelFontSize: SIZE.chart,
    catAxisLabelColor: COLOR.ink,
    valAxisLabelFontFace: ctx.font,
    valAxisLabelFontSize: SIZE.chart,
    valAxisLabelColor: COLOR.muted,
    dataLabelFontFace: ctx.font,
    dataLabelFontSize: SIZE.chart,
    dataLabelColor: COLOR.ink,
    legendFontFace: ctx.font,
    legendFontSize: SIZE.chart,
    legendColor: COLOR.ink,
    catAxisTitleFontFace: ctx.font,
    valAxisTitleFontFace: ctx.font,
    catAxisTitleFontSize: SIZE.chart,
    valAxisTitleFontSize: SIZE.chart,
    catAxisTitleColor: COLOR.muted,
    valAxisTitleColor: COLOR.muted,
    valGridLine: { color: 'E5E7EB', size: 0.75 },
    catGridLine: { style: 'none' },
    lang: ctx.lang,
  };
}

/** A small grey note under a chart. */
export function note(ctx: DeckContext, slide: PptxGenJS.Slide, text: string, y = 6.45): void {
  slide.addText(text, {
    x: MARGIN, y, w: CONTENT.w, h: 0.4,
    fontFace: ctx.font, lang: ctx.lang, fontSize: SIZE.footer, color: COLOR.muted, valign: 'middle', margin: 0, fit: 'shrink',
  });
}

/**
 * The value axis of a chart of customer counts: whole numbers only. Left
 * to itself the host picks steps of 0.5 for small counts, which print as
 * "0, 1, 1, 2" in a no-decimals format; with no customer at all it has no
 * scale. `max` is the largest bar (the largest stack for stacked bars).
 */
export function countAxis(max: number): PptxGenJS.IChartOpts {
  if (max <= 0) return { valAxisMinVal: 0, valAxisMaxVal: 1, valAxisMajorUnit: 1 };
  if (max < 10) return { valAxisMinVal: 0, valAxisMajorUnit: 1 };
  return { valAxisMinVal: 0 };
}
