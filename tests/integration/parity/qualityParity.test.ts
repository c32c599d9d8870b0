/**
 * LibreOffice parity of the data-quality part (issue 8 §1): the .xlsx of both
 * writers, recalculated by LibreOffice, shows in every Customers row the Data
 * issues count the TypeScript core found, and on the Quality sheet each
 * finding's customer ID, its Go to link (evaluated), and the value exactly as
 * typed (text, never run: a value like `=1+2` stays `=1+2`).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawCell, RawGrid } from '../../../src/domain/types';
import type { Locale } from '../../../src/i18n/locale';
import { gradeGrid, type GradeGridOutput } from '../../../src/pipeline/gradeGrid';
import { DATA_ISSUES_KEY } from '../../../src/plan/qualitySheet';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { recalcManyToCsv } from '../../support/libreoffice';
import { mulberry32 } from '../../fixtures/parity/datasets';

const TODAY = dayFromYmd(2025, 1, 1);
const ENGINES = ['exceljs', 'streaming'] as const;
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: dayFromYmd(2024, 12, 31) } };

/** Customers with mobiles typed several ways (some shared), bad landlines and emails, formula-like phones, blanks. */
function grid(customers: number): RawGrid {
  const random = mulberry32(5);
  const rows: RawCell[][] = [['Customer ID', 'Name', 'Owner', 'Phone', 'Email', 'Region', 'Last purchase', 'Orders', 'Spend', 'Consent', 'Last contact']];
  for (let i = 0; i < customers; i++) {
    const shared = i % 17 === 0 ? '13800138000' : `139${String(10_000_000 + i)}`;
    const phone = i % 11 === 0 ? '=1+2' : i % 13 === 0 ? '021-123' : i % 2 === 0 ? `+86 ${shared.slice(0, 3)}-${shared.slice(3, 7)}-${shared.slice(7)}` : shared;
    rows.push([
      `Q${String(i).padStart(4, '0')}`,
      i % 9 === 0 ? '' : `客户${i % 40}`,
      i % 5 === 0 ? '' : '王芳',
      phone,
      i % 7 === 0 ? `user${i}@example` : `user${i}@example.com`,
      ['华东', '华北'][i % 2]!,
      `2024-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-10`,
      String(1 + (i % 4)),
      String(100 + i),
      i % 4 === 0 ? '' : '是',
      i % 3 === 0 ? '2023-01-05' : '2024-11-20',
    ]);
  }
  return rows;
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
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-quality-parity-'));
  for (const locale of ['en', 'zh-CN'] as const) {
    const output = gradeGrid(grid(240), { settings: SETTINGS, locale, today: TODAY });
    for (const engine of ENGINES) {
      const file = join(workDir, `quality-${locale}-${engine}.xlsx`);
      await writeFile(file, await writeWorkbookXlsx(output.plan, { engine }));
      built.set(`${locale} [${engine}]`, { locale, output, path: file });
    }
  }
  sheetsByPath = await recalcManyToCsv([...built.values()].map((b) => b.path), { timeoutMs: 150_000 });
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function sheet(b: Built, key: 'customers' | 'quality'): string[][] {
  const name = b.output.plan.sheets.find((s) => s.key === key)?.name;
  const rows = name === undefined ? undefined : sheetsByPath.get(b.path)?.[name];
  if (rows === undefined) throw new Error(`LibreOffice gave no ${key} sheet`);
  return rows;
}

describe.each(['en [exceljs]', 'en [streaming]', 'zh-CN [exceljs]', 'zh-CN [streaming]'])('%s', (name) => {
  test('the Data issues column equals the core\'s count on every row', () => {
    const b = built.get(name)!;
    const table = b.output.plan.tables[0]!;
    const column = table.columns.findIndex((c) => c.key === DATA_ISSUES_KEY);
    const rows = sheet(b, 'customers');
    const quality = b.output.planInput.quality!;
    let withFindings = 0;
    b.output.grading.customers.forEach((c, i) => {
      const expected = quality.findingsByCustomer.get(c.record.id) ?? 0;
      if (expected > 0) withFindings++;
      expect([c.record.id, rows[table.row + 1 + i]?.[column]]).toEqual([c.record.id, String(expected)]);
    });
    expect(withFindings).toBeGreaterThan(100);
  });

  test('the Quality sheet: IDs, evaluated links and values as typed', () => {
    const b = built.get(name)!;
    const planned = b.output.plan.sheets.find((s) => s.key === 'quality')!;
    const rows = sheet(b, 'quality');
    const cells = planned.cells.filter((c) => c.column <= 4 && c.row > 3);
    expect(cells.length).toBeGreaterThan(400);
    for (const cell of cells) {
      const shown = rows[cell.row]?.[cell.column] ?? '';
      const expected = cell.value?.kind === 'text' ? cell.value.text : cell.value?.kind === 'number' ? String(cell.value.value) : cell.cachedResult;
      expect([cell.row, cell.column, shown]).toEqual([cell.row, cell.column, expected]);
    }
    expect(rows.some((r) => r[4] === '=1+2')).toBe(true);
  });
});
