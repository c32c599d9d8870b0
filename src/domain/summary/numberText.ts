/**
 * Numbers as the deck and the takeaways print them. Pure; uses only the
 * language's built-in Intl formatting (no host library).
 *
 * Shares are fractions 0..1 printed as whole percents, except that a share
 * that is not exactly 0 never prints as "0%" and one that is not exactly 1
 * never prints as "100%": a presenter must not say "0% of customers" about
 * 3 customers.
 */
import type { Locale } from '../../i18n/locale';

/** The text of a missing value (a share or mean whose divisor is 0). */
export const NO_VALUE = '—';

export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return NO_VALUE;
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  const percent = Math.round(share * 100);
  if (percent === 0) return '<1%';
  if (percent === 100) return '>99%';
  return `${percent}%`;
}

/** A count with the locale's grouping (1,234 / 1,234). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Money in the data's currency units, rounded to whole units (the deck shows no cents). */
export function formatMoney(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
}

/** A mean number of days, one decimal at most; null prints as NO_VALUE. */
export function formatDays(days: number | null, locale: Locale): string {
  if (days === null || !Number.isFinite(days)) return NO_VALUE;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: days >= 100 ? 0 : 1 }).format(days);
}

/** A fraction of two counts, null when the divisor is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
