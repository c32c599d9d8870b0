/**
 * The Fluent theme: Office's theme colours when the host gives them
 * (`Office.context.officeTheme`, ExcelApi-independent, desktop and web),
 * otherwise Fluent's web light theme.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The part of `Office.OfficeTheme` the pane uses (colours as `#RRGGBB`). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
}

/** Relative luminance 0 (black) .. 1 (white) of `#RRGGBB`; null when not a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => {
    const c = parseInt(part ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFromOffice(colors: OfficeThemeColors | null | undefined): Theme {
  if (!colors) return webLightTheme;
  const background = luminance(colors.bodyBackgroundColor);
  if (background === null) return webLightTheme;
  const base = background < 0.4 ? webDarkTheme : webLightTheme;
  return {
    ...base,
    colorNeutralBackground1: colors.bodyBackgroundColor,
    colorNeutralForeground1: colors.bodyForegroundColor,
    colorNeutralBackground3: colors.controlBackgroundColor,
    colorNeutralForeground3: colors.controlForegroundColor,
  };
}
