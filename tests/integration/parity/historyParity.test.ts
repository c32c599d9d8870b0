/**
 * LibreOffice parity of the grade history (issue 8 §2): the .xlsx of both
 * writers, recalculated by LibreOffice, shows in every Customers row the
 * Change the TypeScript core computed, and on the Summary the migration
 * matrix (counts and spend) and the moved up / down totals of the core —
 * on a fixture with moves up, down, same, new, a previous label in another
 * case, and a renamed tier (a label no longer in the tier list).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawCell, RawGrid } from '../../../src/domain/types';
import type { Locale } from '../../../src/i18n/locale';
import { EMPTY_HISTORY, type HistoryInput, type TierChange } from '../../../src/domain/history';
import { gradeGrid, type GradeGridOutput } from '../../../src/pipeline/gradeGrid';
import { PREVIOUS_TIER_KEY, TIER_CHANGE_KEY } from '../../../src/plan/parts/history';
import { CHANGE_WORDS } from '../../../src/plan/historyStrings';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { recalcManyToCsv } from '../../support/libreoffice';
import { mulberry32 } from '../../fixtures/parity/datasets';

const TODAY = dayFromYmd(2025, 1, 1);
const ENGINES = ['exceljs', 'streaming'] as const;
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: dayFromYmd(2024, 12, 31) } };
const PREVIOUS_LABELS = ['Gold', 'Silver', 'Regular', 'Prospect', 'New', 'gold', '金卡', 'Platinum', 'VIP*'];

function grid(customers: number): RawGrid {
  const random = mulberry32(11);
  const rows: RawCell[][] = [['Customer ID', 'Last purchase', 'Orders', 'Spend', 'First purchase']];
  for (let i = 0; i < customers; i++) {
    const orders = i % 10 === 0 ? 0 : 1 + Math.floor(random() * 20);
    rows.push([`H${String(i).padStart(3, '0')}`, orders === 0 ? '' : `2024-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`, String(orders), orders === 0 ? '0' : (50 + Math.floor(random() * 5000)).toFixed(2), i % 9 === 0 ? '2024-11-01' : '2022-01-01']);
  }
  return rows;
}

/** Previous tiers: every label kind above, some customers with none (new). */
function history(customers: number): HistoryInput {
  const previousTier = new Map<string, string>();
  for (let i = 0; i < customers; i++) if (i % 7 !== 3) previousTier.set(`H${String(i).padStart(3, '0')}`, PREVIOUS_LABELS[i % PREVIOUS_LABELS.length]!);
  return { earlier: EMPTY_HISTORY, previousTier, previousAsOf: dayFromYmd(2024, 6, 30) };
}

interface Built {
  readonly locale: Locale;
  readonly output: GradeGridOutput;
  readonly path: string;
}
const built = new Map<string, Built>();
let sheetsByPath: Map<string, Record<string, string[][]>>;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-history-parity-'));
  for (const locale of ['en', 'zh-CN'] as const) {
    const output = gradeGrid(grid(180), { settings: SETTINGS, locale, today: TODAY, history: history(180) });
    for (const engine of ENGINES) {
      const file = join(workDir, `history-${locale}-${engine}.xlsx`);
      await writeFile(file, await writeWorkbookXlsx(output.plan, { engine }));
      built.set(`${locale} [${engine}]`, { locale, output, path: file });
    }
  }
  sheetsByPath = await recalcManyToCsv([...built.values()].map((b) => b.path), { timeoutMs: 150_000 });
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function sheet(b: Built, key: 'customers' | 'summary'): string[][] {
  const name = b.output.plan.sheets.find((s) => s.key === key)?.name;
  const rows = name === undefined ? undefined : sheetsByPath.get(b.path)?.[name];
  if (rows === undefined) throw new Error(`LibreOffice gave no ${key} sheet`);
  return rows;
}

const numberOf = (shown: string): number => Number(shown.replace(/,/g, ''));

describe.each(['en [exceljs]', 'en [streaming]', 'zh-CN [exceljs]', 'zh-CN [streaming]'])('%s', (name) => {
  test('the Change column equals the core on every row, and every kind of change occurs', () => {
    const b = built.get(name)!;
    const table = b.output.plan.tables[0]!;
    const column = table.columns.findIndex((c) => c.key === TIER_CHANGE_KEY);
    const rows = sheet(b, 'customers');
    const words = new Map(Object.entries(CHANGE_WORDS).map(([k, w]) => [b.locale === 'en' ? w.en : w.zh, k as TierChange]));
    const seen = new Set<TierChange>();
    table.cachedResults!.forEach((cached, i) => {
      const shown = rows[table.row + 1 + i]?.[column];
      expect([i, shown]).toEqual([i, cached[column]]);
      seen.add(words.get(String(shown))!);
    });
    expect([...seen].sort()).toEqual(['down', 'new', 'same', 'unlisted', 'up']);
  });

  test('the migration matrix and the moved up / down totals equal the core', () => {
    const b = built.get(name)!;
    const summary = b.output.plan.sheets.find((s) => s.key === 'summary')!;
    const rows = sheet(b, 'summary');
    const table = b.output.plan.tables[0]!;
    const headers = table.columns.filter((c) => c.key === TIER_CHANGE_KEY || c.key === PREVIOUS_TIER_KEY).map((c) => `[[${c.header}]]`);
    // The migration block's cells: the COUNTIFS / SUMIFS over the Change or Previous tier column.
    const formulas = summary.cells.filter((c) => c.value?.kind === 'formula' && headers.some((h) => (c.value as { formula: string }).formula.includes(h)));
    expect(formulas.length).toBeGreaterThan(60);
    let nonZero = 0;
    for (const cell of formulas) {
      const shown = numberOf(rows[cell.row]?.[cell.column] ?? '');
      expect([cell.row, cell.column, shown]).toEqual([cell.row, cell.column, cell.cachedResult]);
      if (cell.cachedResult !== 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(20);
    const report = b.output.report.history!.migration!;
    expect(report.movedUp.customers).toBeGreaterThan(0);
    expect(report.movedDown.customers).toBeGreaterThan(0);
    expect(report.unlisted.customers).toBeGreaterThan(0);
  });
});
