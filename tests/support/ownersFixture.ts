/**
 * The per-rep copies' fixture (tests/fixtures/copies/customers-owners.csv):
 * 36 customers, five owners (two whose names collide once made safe for a
 * file name, one a Windows device name) and six without an owner, with
 * names, phones in several spellings, emails, resident IDs, credit codes,
 * a non-ID in the ID column, Chinese and English addresses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { readInputFile } from '../../src/io/readFile';
import { gradeGrid, type GradeGridOutput } from '../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS, type GradingSettings } from '../../src/domain/settings';
import { parseIsoDay, type DayNumber } from '../../src/domain/dates';
import type { Locale } from '../../src/i18n/locale';

export const OWNERS_CSV = path.resolve(__dirname, '../fixtures/copies/customers-owners.csv');
export const FIXTURE_AS_OF = '2024-07-01';

export async function gradeOwnersFixture(locale: Locale = 'zh-CN', settings: Partial<GradingSettings> = {}): Promise<GradeGridOutput> {
  const input = await readInputFile(new Uint8Array(readFileSync(OWNERS_CSV)), 'customers-owners.csv', { encoding: 'auto' });
  return gradeGrid(input.grid, {
    settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: parseIsoDay(FIXTURE_AS_OF) as DayNumber }, ...settings },
    locale,
    today: parseIsoDay('2024-07-02') as DayNumber,
    import: { maxIssuesPerCode: Number.POSITIVE_INFINITY },
  });
}

/** The raw fixture rows, keyed by header, as typed in the CSV. */
export function fixtureRows(): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(readFileSync(OWNERS_CSV, 'utf8').replace(/^\uFEFF/, '').trim());
  const [header, ...rows] = parsed.data;
  return rows.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i] ?? ''])));
}

/** Every text of a customer that must not appear in another owner's copy, in the spellings it may take. */
export function identifyingTexts(row: Record<string, string>): string[] {
  const phone = row['手机'] as string;
  const texts = [row['客户编号'], row['客户名称'], phone, phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, ''), row['邮箱'], row['身份证号'], row['地址']];
  return texts.filter((t): t is string => t !== undefined && t !== '' && t !== 'unknown-id');
}
