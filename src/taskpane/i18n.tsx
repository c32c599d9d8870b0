/**
 * The pane's language: a React context with the current locale, a lookup
 * for string keys, and Intl formatters for numbers, percentages and dates.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { DayNumber } from '../domain/dates';
import { pick, type Locale, type Localized } from '../i18n/locale';
import { fillTemplate, STRINGS, type StringKey } from '../i18n/strings';

const MS_PER_DAY = 86_400_000;

export interface PaneText {
  readonly locale: Locale;
  /** The text of a key, placeholders filled. */
  t(key: StringKey, values?: Readonly<Record<string, string | number>>): string;
  /** A Localized value (from the domain: labels, issue messages) in this locale. */
  l(text: Localized): string;
  number(value: number): string;
  percent(fraction: number): string;
  day(day: DayNumber): string;
}

/** BCP 47 tag for Intl: Chinese readers get Chinese grouping and date order. */
export function intlTag(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}

export function createPaneText(locale: Locale): PaneText {
  const numberFormat = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 0 });
  // Day numbers name calendar dates, not instants: format them in UTC.
  const dateFormat = new Intl.DateTimeFormat(intlTag(locale), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    t: (key, values = {}) => fillTemplate(pick(STRINGS[key], locale), values),
    l: (text) => pick(text, locale),
    number: (value) => numberFormat.format(value),
    percent: (fraction) => percentFormat.format(fraction),
    day: (day) => dateFormat.format(new Date(day * MS_PER_DAY)),
  };
}

const TextContext = createContext<PaneText>(createPaneText('en'));

export function TextProvider({ locale, children }: { readonly locale: Locale; readonly children: ReactNode }): JSX.Element {
  const value = useMemo(() => createPaneText(locale), [locale]);
  return <TextContext.Provider value={value}>{children}</TextContext.Provider>;
}

export function useText(): PaneText {
  return useContext(TextContext);
}
