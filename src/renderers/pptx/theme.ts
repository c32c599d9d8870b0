/**
 * The deck's look: slide geometry (inches, LAYOUT_WIDE 13.33 x 7.5 = 16:9),
 * fonts per locale, text sizes (points, none below 12) and colours
 * (`RRGGBB`, as PptxGenJS takes them).
 */
import type { Locale } from '../../i18n/locale';

export const SLIDE = { width: 13.333, height: 7.5 } as const;
/** Left/right margin and the content area between the takeaway and the footer, in inches. */
export const MARGIN = 0.55;
export const CONTENT = { x: MARGIN, y: 1.75, w: SLIDE.width - 2 * MARGIN, h: 5.0 } as const;

/**
 * Chinese decks use Microsoft YaHei (on every Windows and Office for Mac;
 * elsewhere the renderer substitutes a CJK sans such as Noto Sans CJK),
 * which also carries Latin glyphs. English decks use Arial, which every
 * host has or maps metric-compatibly (Liberation Sans).
 */
export function fontFor(locale: Locale): string {
  return locale === 'zh-CN' ? 'Microsoft YaHei' : 'Arial';
}

export const SIZE = {
  coverTitle: 40,
  coverSubtitle: 20,
  title: 28,
  takeaway: 18,
  body: 14,
  table: 13,
  chart: 13,
  kpiValue: 32,
  kpiLabel: 14,
  footer: 12,
} as const;

export const COLOR = {
  ink: '1F2937',
  muted: '5B6472',
  accent: '1F4E79',
  accentLight: 'DCE6F2',
  rule: 'BFC5CD',
  tileFill: 'F3F5F8',
  white: 'FFFFFF',
  /** Outline drawn around tier-coloured bars: the default tier fills are pale and would vanish on white. */
  barOutline: '6B7280',
  paretoLine: 'C0392B',
} as const;

/** Lifecycle stage colours: grey for potential, red for churned, amber for at risk, blue for new, green for active. */
export const LIFECYCLE_COLORS: Readonly<Record<string, string>> = {
  potential: 'A6A6A6',
  churned: 'C0392B',
  'at-risk': 'E67E22',
  new: '5B9BD5',
  active: '4E9A47',
};

/** Important segments dark, general segments light: the segment chart reads as two groups. */
export function segmentColor(key: string): string {
  return key.startsWith('important-') ? '1F4E79' : '8FAADC';
}

/** `#RRGGBB` (settings) to `RRGGBB` (PptxGenJS); anything else falls back to grey. */
export function hexColor(color: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m?.[1] ? m[1].toUpperCase() : 'A6A6A6';
}
