/**
 * Locales the product ships. Everything a user sees exists in both.
 * `zh-CN` is Simplified Chinese; `en` is English.
 */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** A user-visible text in every shipped locale. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

/** Picks the text for a locale. */
export function pick(text: Localized, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/**
 * Maps an Office display language tag (`Office.context.displayLanguage`,
 * e.g. `zh-CN`, `zh-SG`, `en-US`, `fr-FR`) to a shipped locale. Traditional
 * Chinese tags fall back to Simplified Chinese, which their readers read;
 * anything else falls back to English.
 */
export function localeFromLanguageTag(tag: string | null | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase();
  return t.startsWith('zh') ? 'zh-CN' : 'en';
}
