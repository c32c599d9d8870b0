/**
 * The proof of DESIGN.md §3 layer 3: the workbook written by the .xlsx
 * renderer, recalculated by a real spreadsheet engine (LibreOffice headless),
 * gives exactly what the TypeScript core computed — on every computed column
 * of every row, and on the breakpoints — and every input cell reads back as
 * written (text exactly as typed, never run as a formula).
 *
 * All workbooks are recalculated in one soffice run to keep the suite fast.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeCustomers } from '../../../src/domain/grading';
import { formatIsoDay, todayLocal } from '../../../src/domain/dates';
import { LIFECYCLE_LABELS } from '../../../src/domain/settings';
import type { GradingResult } from '../../../src/domain/types';
import { pick } from '../../../src/i18n/locale';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import { DEFAULT_ROLE_PROFILES } from '../../../src/domain/roles';
import { ROLE_PROFILES_NAME, roleProfilesFromBlock } from '../../../src/plan/rolesBlock';
import type { PlanValue, TablePlan, WorkbookPlan } from '../../../src/plan/types';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { parityDatasets, type ParityDataset } from '../../fixtures/parity/datasets';
import { recalcManyToCsv } from '../../support/libreoffice';
import { unzipText } from '../../unit/xlsx/unzip';

interface Built {
  readonly dataset: ParityDataset;
  readonly result: GradingResult;
  readonly plan: WorkbookPlan;
  readonly path: string;
}

const today = todayLocal();
const datasets = parityDatasets(today);
const built = new Map<string, Built>();
/** Both writers produce the workbook; both must recalculate to the core's values. */
const ENGINES = ['exceljs', 'streaming'] as const;
let sheetsByPath: Map<string, Record<string, string[][]>>;
let workDir: string;
const controlPaths: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-parity-'));
  for (const dataset of datasets) {
    const result = gradeCustomers(dataset.records, dataset.settings, { today: dataset.today });
    const plan = buildWorkbookPlan({
      result,
      settings: dataset.settings,
      locale: dataset.locale,
      profileFields: dataset.profileFields,
      carriedHeaders: dataset.carriedHeaders,
    });
    for (const engine of ENGINES) {
      const path = join(workDir, `${dataset.name}-${engine}.xlsx`);
      await writeFile(path, await writeWorkbookXlsx(plan, { engine }));
      built.set(`${dataset.name} [${engine}]`, { dataset, result, plan, path });
    }
  }
  // A control workbook whose cached results are deliberately wrong: if
  // LibreOffice showed cached values instead of recalculating, every test
  // above would compare the core with itself.
  const control = built.get('ties [exceljs]') as Built;
  const poisoned: WorkbookPlan = {
    ...control.plan,
    tables: control.plan.tables.map((t) => ({ ...t, cachedResults: t.cachedResults?.map((row) => row.map((v) => (v === null ? null : 'stale'))) })),
  };
  for (const engine of ENGINES) {
    const path = join(workDir, `control-stale-cache-${engine}.xlsx`);
    await writeFile(path, await writeWorkbookXlsx(poisoned, { engine }));
    controlPaths.push(path);
  }
  sheetsByPath = await recalcManyToCsv([...[...built.values()].map((b) => b.path), ...controlPaths], { timeoutMs: 150_000 });
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function sheetRows(b: Built, key: 'customers' | 'settings'): string[][] {
  const sheetName = b.plan.sheets.find((s) => s.key === key)?.name;
  const sheets = sheetsByPath.get(b.path);
  const rows = sheetName === undefined ? undefined : sheets?.[sheetName];
  if (rows === undefined) throw new Error(`LibreOffice gave no sheet ${key} for ${b.dataset.name}`);
  return rows;
}

function table(b: Built): TablePlan {
  const t = b.plan.tables[0];
  if (t === undefined) throw new Error('no table');
  return t;
}

/** What the core says each computed column shows, as LibreOffice's CSV writes it. */
function expectedComputed(b: Built, index: number): Record<string, string> {
  const c = b.result.customers[index];
  if (c === undefined) throw new Error(`no customer ${index}`);
  const { settings, locale } = b.dataset;
  const tier = settings.tiers.find((x) => x.key === c.tier);
  const segment = settings.segments.find((x) => x.key === c.segment);
  const num = (x: number | null): string => (x === null ? '' : String(x));
  return {
    recencyDays: num(c.recencyDays),
    r: num(c.r),
    f: num(c.f),
    m: num(c.m),
    rfmCode: c.r === null ? '' : `${c.r}${c.f}${c.m}`,
    segment: segment ? pick(segment.label, locale) : '',
    tier: tier ? pick(tier.label, locale) : c.tier,
    lifecycle: pick(LIFECYCLE_LABELS[c.lifecycle], locale),
  };
}

/** How an input value reads back from the recalculated CSV. */
function expectedInput(value: PlanValue): string {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    case 'date':
      return formatIsoDay(value.day);
    case 'bool':
      return value.value ? 'TRUE' : 'FALSE';
    case 'formula':
      throw new Error('input cells hold no formulas');
  }
}

const names = datasets.flatMap((d) => ENGINES.map((engine) => `${d.name} [${engine}]`));

describe('LibreOffice recalculation equals the TypeScript core', () => {
  test.each(names)('%s: every computed column of every row', (name) => {
    const b = built.get(name) as Built;
    const rows = sheetRows(b, 'customers');
    const t = table(b);
    expect(rows[0]).toEqual(t.columns.map((c) => c.header));
    expect(rows.length - 1).toBe(b.result.customers.length);
    const computed = t.columns.map((c, i) => ({ key: c.key, index: i })).filter((_, i) => t.columns[i]?.role === 'computed');
    expect(computed.map((c) => c.key)).toEqual(['recencyDays', 'r', 'f', 'm', 'rfmCode', 'segment', 'tier', 'lifecycle']);
    const mismatches: string[] = [];
    b.result.customers.forEach((customer, i) => {
      const expected = expectedComputed(b, i);
      const row = rows[i + 1] ?? [];
      for (const { key, index } of computed) {
        const actual = row[index] ?? '';
        if (actual !== expected[key]) mismatches.push(`${customer.record.id} ${key}: LibreOffice "${actual}", core "${expected[key]}"`);
      }
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  test.each(names)('%s: breakpoints computed once on the Settings sheet', (name) => {
    const b = built.get(name) as Built;
    const rows = sheetRows(b, 'settings');
    const bp = b.result.breakpoints;
    const metrics = [
      ['R_Breaks', bp?.recency],
      ['F_Breaks', bp?.frequency],
      ['M_Breaks', bp?.monetary],
    ] as const;
    for (const [rangeName, values] of metrics) {
      const address = b.plan.names.find((n) => n.name === rangeName)?.address ?? '';
      const row = Number(/\$(\d+):/.exec(address)?.[1]) - 1;
      const cells = (rows[row] ?? []).slice(1, 5).map(Number);
      const expected = values ?? [0, 0, 0, 0];
      cells.forEach((actual, k) => {
        const want = expected[k] as number;
        // CSV carries 15 significant digits; the engines agree to the last bit or so.
        expect(Math.abs(actual - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-13);
      });
    }
  });

  test.each(names)('%s: input cells read back exactly (text stays text)', (name) => {
    const b = built.get(name) as Built;
    const rows = sheetRows(b, 'customers');
    const t = table(b);
    const mismatches: string[] = [];
    t.rows.forEach((row, i) => {
      t.columns.forEach((column, c) => {
        if (column.role === 'computed') return;
        const expected = expectedInput(row[c] ?? null);
        const actual = rows[i + 1]?.[c] ?? '';
        if (actual !== expected) mismatches.push(`row ${i + 1} ${column.header}: LibreOffice ${JSON.stringify(actual)}, written ${JSON.stringify(expected)}`);
      });
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

describe('role profiles (issue 7) through LibreOffice', () => {
  test.each(names)('%s: the roles block reads back as the profiles written, with no problem', (name) => {
    const b = built.get(name) as Built;
    const rows = sheetRows(b, 'settings');
    const address = b.plan.names.find((n) => n.name === ROLE_PROFILES_NAME)?.address ?? '';
    const [first, last] = [...address.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 1);
    const grid = rows.slice(first, (last ?? 0) + 1).map((row) => row.slice(0, 6));
    const read = roleProfilesFromBlock(grid, `Settings!${address.split(':')[0] ?? ''}`);
    expect(read.problems).toEqual([]);
    expect(read.profiles.map((p) => [p.key, p.editsSettings, p.allowSortAndFilter, [...p.editableColumns].sort(), [...p.maskedFields].sort()])).toEqual(
      DEFAULT_ROLE_PROFILES.map((p) => [p.key, p.editsSettings, p.allowSortAndFilter, [...p.editableColumns].sort(), [...p.maskedFields].sort()]),
    );
  });
});

describe('the datasets probe what they claim', () => {
  test.each([0, 1])('LibreOffice recalculates on load (a stale cached result is not what it shows), writer %i', (index) => {
    const control = built.get('ties [exceljs]') as Built;
    const sheetName = control.plan.sheets.find((s) => s.key === 'customers')?.name as string;
    const rows = sheetsByPath.get(controlPaths[index] as string)?.[sheetName] ?? [];
    expect(rows.length).toBe(control.result.customers.length + 1);
    expect(rows.slice(1).some((row) => row.includes('stale'))).toBe(false);
    expect(rows.slice(1).map((row) => row.slice(-8))).toEqual(sheetRows(control, 'customers').slice(1).map((row) => row.slice(-8)));
  });

  // The streaming writer stores each calculated column as one shared formula
  // (streamXlsx.ts), the exceljs writer one formula per cell: the tests
  // above recalculate both forms, and the control above has both forms too.
  test.each([
    ['streaming', /<f t="shared" ref="[A-Z]+2:[A-Z]+\d+" si="0">/, true],
    ['exceljs', /<f t="shared"/, false],
  ] as const)('the %s workbooks carry the formula form they claim', async (engine, pattern, present) => {
    for (const path of [(built.get(`random-1500 [${engine}]`) as Built).path, controlPaths[engine === 'exceljs' ? 0 : 1] as string]) {
      const sheet = unzipText(await readFile(path)).get('xl/worksheets/sheet1.xml') ?? '';
      expect(sheet).toContain('<sheetData>');
      expect(pattern.test(sheet)).toBe(present);
    }
  });

  // Guards against a fixture that stops exercising its rule (a parity test
  // that compares nothing interesting cannot fail for the right reason).
  test('ties put equal values on a breakpoint', () => {
    const b = built.get('ties [streaming]') as Built;
    const freqs = b.result.customers.map((c) => c.record.frequency);
    expect(b.result.breakpoints?.frequency.some((x) => freqs.includes(x))).toBe(true);
  });

  test('overrides: formula-like, wildcard and other-language texts are present and some are unknown tiers', () => {
    const b = built.get('overrides-en [streaming]') as Built;
    expect(b.result.issues.some((i) => i.code === 'unknown-tier')).toBe(true);
    expect(b.result.customers.some((c) => c.record.tierOverride === '银卡' && c.tier === 'silver')).toBe(true);
  });

  test('custom as-of date has a purchase after it (recency 0)', () => {
    const b = built.get('custom-as-of [streaming]') as Built;
    expect(b.result.customers.some((c) => c.recencyDays === 0)).toBe(true);
  });

  test('random data has prospects, every segment and several tiers', () => {
    const b = built.get('random-1500 [streaming]') as Built;
    expect(new Set(b.result.customers.map((c) => c.segment)).size).toBe(9); // 8 segments + null
    expect(new Set(b.result.customers.map((c) => c.tier)).size).toBeGreaterThanOrEqual(4);
  });
});
