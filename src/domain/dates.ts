/**
 * Calendar days. The grading works in whole days: the time of day is dropped
 * everywhere (GRADING.md §2-3). A `DayNumber` counts days since 1970-01-01,
 * proleptic Gregorian, with no time zone: it names a date, not an instant.
 */
export type DayNumber = number & { readonly __brand: 'DayNumber' };

/** Days between Excel's 1900-system serial 0 (1899-12-30, thanks to the 1900 leap-year bug) and 1970-01-01. */
export const EXCEL_EPOCH_OFFSET_DAYS = 25569;

const MS_PER_DAY = 86_400_000;

/** True when y-m-d is a real calendar date (month 1-12, day in range). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day number of a calendar date. Throws RangeError on an impossible date. */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  if (!isValidYmd(year, month, day)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round(d.getTime() / MS_PER_DAY) as DayNumber;
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdFromDay(day: DayNumber): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatIsoDay(day: DayNumber): string {
  const { year, month, day: dd } = ymdFromDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Parses a strict `YYYY-MM-DD`; null when it is not one or not a real date. */
export function parseIsoDay(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** Excel 1900-system serial (whole part) of a day. Valid for days after 1900-03-01. */
export function excelSerialFromDay(day: DayNumber): number {
  return day + EXCEL_EPOCH_OFFSET_DAYS;
}

/**
 * The day of an Excel 1900-system serial; the fraction (time of day) is
 * dropped. Serial 60 is Excel's fictitious 1900-02-29: callers flag it
 * (see `parseExcelSerial` in import/values.ts); here it maps to 1900-02-28's
 * successor like Excel's own arithmetic, and serials below 61 are shifted by
 * one day to undo the leap-year bug.
 */
export function dayFromExcelSerial(serial: number): DayNumber {
  const whole = Math.floor(serial);
  const adjusted = whole < 61 ? whole + 1 : whole;
  return (adjusted - EXCEL_EPOCH_OFFSET_DAYS) as DayNumber;
}

/** Today's date in the local time zone of the machine running the code. */
export function todayLocal(now: Date = new Date()): DayNumber {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
