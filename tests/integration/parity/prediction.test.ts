/**
 * LibreOffice parity of the live P(active) formula (issue 9): the workbook
 * built from the CDNOW order log, recalculated by LibreOffice, gives on every
 * row the P(active) and churn-risk band the TypeScript core computed, in
 * English and Chinese; the value columns read back as the core's figures.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { dayFromYmd, type DayNumber } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS, churnRisk, probabilityAlive } from '../../../src/domain/prediction';
import type { RawGrid } from '../../../src/domain/types';
import type { Locale } from '../../../src/i18n/locale';
import { pick } from '../../../src/i18n/locale';
import { gradeGrid, type GradeGridOutput } from '../../../src/pipeline/gradeGrid';
import { PREDICTION_TEXT } from '../../../src/plan/predictionStrings';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { recalcManyToCsv } from '../../support/libreoffice';

jest.setTimeout(300_000);

const SAMPLE = path.resolve(__dirname, '../../fixtures/prediction/CDNOW_sample.txt');
const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
let workDir: string;
const outputs = new Map<Locale, { output: GradeGridOutput; path: string }>();
let sheets: Map<string, Record<string, string[][]>>;
let movedPath: string;
const AS_OF_SHIFT = 100;

function cdnowGrid(): RawGrid {
  const lines = readFileSync(SAMPLE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/) as [string, string, string, string, string];
      return [`C${id}`, `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, dollars];
    });
  return [['Customer ID', 'Order Date', 'Amount'], ...lines];
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-predict-parity-'));
  const grid = cdnowGrid();
  for (const locale of LOCALES) {
    const output = gradeGrid(grid, {
      import: { kind: 'transactions' },
      settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(1998, 7, 1) } },
      prediction: DEFAULT_PREDICTION_SETTINGS,
      locale,
      today: dayFromYmd(2026, 1, 1),
    });
    const file = join(workDir, `cdnow-${locale}.xlsx`);
    await writeFile(file, await writeWorkbookXlsx(output.plan));
    outputs.set(locale, { output, path: file });
  }
  // The same English workbook with the as-of date moved 100 days later in Settings (as a user would type it).
  const en = outputs.get('en');
  if (en === undefined) throw new Error('not built');
  const asOfName = en.output.plan.names.find((n) => n.name === 'AsOfDate');
  const moved = {
    ...en.output.plan,
    sheets: en.output.plan.sheets.map((sheet) =>
      sheet.key !== 'settings'
        ? sheet
        : {
            ...sheet,
            cells: sheet.cells.map((c) =>
              `$${String.fromCharCode(65 + c.column)}$${c.row + 1}` === asOfName?.address && c.value?.kind === 'date' ? { ...c, value: { kind: 'date' as const, day: (c.value.day + AS_OF_SHIFT) as DayNumber } } : c,
            ),
          },
    ),
  };
  movedPath = join(workDir, 'cdnow-moved.xlsx');
  await writeFile(movedPath, await writeWorkbookXlsx(moved));
  sheets = await recalcManyToCsv([...[...outputs.values()].map((o) => o.path), movedPath], { timeoutMs: 240_000 });
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe.each(LOCALES)('prediction columns recalculated by LibreOffice (%s)', (locale) => {
  test('P(active) and the churn-risk band equal the core on every row; the values are the core figures', () => {
    const built = outputs.get(locale);
    if (built === undefined) throw new Error('not built');
    const { output } = built;
    const prediction = output.prediction;
    expect(prediction?.result.status).toBe('ok');
    if (!prediction) return;
    const table = output.plan.tables[0];
    if (!table) throw new Error('no table');
    const sheetName = output.plan.sheets.find((s) => s.key === 'customers')?.name ?? '';
    const rows = sheets.get(built.path)?.[sheetName] ?? [];
    const header = rows[0] ?? [];
    const column = (key: string): number => header.indexOf(table.columns.find((c) => c.key === key)?.header ?? '\u0000');
    const [pCol, riskCol, eCol, vCol, clvCol] = ['pAlive', 'churnRisk', 'expectedPurchases', 'expectedValue', 'clv'].map(column);
    expect([pCol, riskCol, eCol, vCol, clvCol].every((i) => (i as number) >= 0)).toBe(true);
    expect(rows.length - 1).toBe(output.grading.customers.length);
    const labels = { high: pick(PREDICTION_TEXT.riskHigh, locale), medium: pick(PREDICTION_TEXT.riskMedium, locale), low: pick(PREDICTION_TEXT.riskLow, locale) };
    let compared = 0;
    for (let i = 0; i < output.grading.customers.length; i++) {
      const cells = rows[i + 1] as string[];
      const core = prediction.result.pAlive[i] as number;
      if (Number.isNaN(core)) {
        expect(cells[pCol as number]).toBe('');
        continue;
      }
      // The CSV export keeps full precision but writes the percent format's sign: "76.6489269252113%".
      const shown = cells[pCol as number] as string;
      const fromLibreOffice = shown.endsWith('%') ? Number(shown.slice(0, -1)) / 100 : Number(shown);
      expect(Math.abs(fromLibreOffice - core)).toBeLessThanOrEqual(1e-12 + 1e-9 * core);
      expect(cells[riskCol as number]).toBe(labels[churnRisk(core, prediction.settings)]);
      expect(Number(cells[eCol as number])).toBeCloseTo(prediction.result.expectedPurchases[i] as number, 9);
      expect(Number(cells[clvCol as number])).toBeCloseTo(prediction.result.clv[i] as number, 6);
      compared++;
    }
    expect(compared).toBe(2349);
  });
});

describe('P(active) is live', () => {
  test('moving the as-of date 100 days later in Settings lowers P(active) exactly as the model says', () => {
    const built = outputs.get('en');
    if (built === undefined) throw new Error('not built');
    const run = built.output.prediction;
    const model = run?.result.purchaseModel;
    if (!run || !model) throw new Error('no model');
    const rows = sheets.get(movedPath)?.['Customers'] ?? [];
    const pCol = (rows[0] ?? []).indexOf('P(active)');
    let lower = 0;
    for (let i = 0; i < built.output.grading.customers.length; i++) {
      const x = run.features.x[i] as number;
      if (Number.isNaN(x)) continue;
      const expected = probabilityAlive(model, x, run.features.tx[i] as number, (run.features.T[i] as number) + AS_OF_SHIFT);
      const shown = (rows[i + 1] as string[])[pCol] as string;
      const got = shown.endsWith('%') ? Number(shown.slice(0, -1)) / 100 : Number(shown);
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 + 1e-9 * expected);
      if (x > 0 && expected < (run.result.pAlive[i] as number)) lower++;
    }
    expect(lower).toBe(run.result.purchaseModel?.repeatBuyers);
  });
});
