/**
 * LibreOffice parity of the Summary sheet's prediction blocks (issue 9): the
 * workbook built from the CDNOW order log (with twin customers, so equal
 * CLVs), written by each .xlsx writer and recalculated by LibreOffice, shows
 * the predicted value by tier and by segment and the "at risk, high value"
 * call-first list exactly as the core computed them (summarizePrediction),
 * in English and Chinese; and every formula cell of the blocks shows its
 * cached result.
 *
 * One workbook has the high-risk threshold typed lower on the Settings sheet
 * before recalculation: its list must then be the core's list at that
 * threshold (the list is live).
 *
 * All workbooks are recalculated in one soffice run.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS, summarizePrediction, type PredictionSummary } from '../../../src/domain/prediction';
import { pick, type Locale } from '../../../src/i18n/locale';
import { columnLetter } from '../../../src/plan/a1';
import { PREDICTION_NAMES } from '../../../src/plan/parts/prediction';
import type { PredictionBlockRefs, PredictionSummaryLayout } from '../../../src/plan/predictionSummary';
import type { CachedResult, SheetPlan, WorkbookPlan } from '../../../src/plan/types';
import { gradeGrid, type GradeGridOutput } from '../../../src/pipeline/gradeGrid';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { recalcManyToCsv } from '../../support/libreoffice';
import { cdnowLog } from '../../support/predictionSummaryFixtures';

jest.setTimeout(300_000);

const TWINS = [1126, 2179, 526, 330, 17];
const LOWER_THRESHOLD = 0.2;

interface Case {
  readonly output: GradeGridOutput;
  readonly locale: Locale;
  readonly path: string;
  /** What the recalculated blocks must show. */
  readonly expected: PredictionSummary;
}

const cases = new Map<string, Case>();
let sheets: Map<string, Record<string, string[][]>>;
let workDir: string;

function build(locale: Locale): GradeGridOutput {
  return gradeGrid(cdnowLog(TWINS), {
    import: { kind: 'transactions' },
    settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(1998, 7, 1) } },
    prediction: DEFAULT_PREDICTION_SETTINGS,
    locale,
    today: dayFromYmd(2026, 1, 1),
  });
}

/** The plan with the Settings cell named `name` holding `value` (as a user would type it). */
function withSettingsNumber(plan: WorkbookPlan, name: string, value: number): WorkbookPlan {
  const address = plan.names.find((n) => n.name === name)?.address;
  let hits = 0;
  const sheetsOut = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.key !== 'settings') return sheet;
    return {
      ...sheet,
      cells: sheet.cells.map((c) => {
        if (`$${columnLetter(c.column)}$${c.row + 1}` !== address) return c;
        hits++;
        return { ...c, value: { kind: 'number', value } };
      }),
    };
  });
  if (hits !== 1) throw new Error(`no single Settings cell for ${name}`);
  return { ...plan, sheets: sheetsOut };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-predsummary-parity-'));
  for (const locale of ['en', 'zh-CN'] as const) {
    const output = build(locale);
    const summary = output.prediction?.summary;
    if (!summary) throw new Error('no prediction summary');
    const engines = locale === 'en' ? (['exceljs', 'streaming'] as const) : (['streaming'] as const);
    for (const engine of engines) {
      const path = join(workDir, `cdnow-${locale}-${engine}.xlsx`);
      await writeFile(path, await writeWorkbookXlsx(output.plan, { engine }));
      cases.set(`${locale} [${engine}]`, { output, locale, path, expected: summary });
    }
    if (locale === 'en') {
      const run = output.prediction;
      if (!run) throw new Error('no prediction');
      const lowered = { ...run.settings, highRiskBelow: LOWER_THRESHOLD };
      const expected = summarizePrediction(output.grading, run.result, lowered, output.settings.tiers.map((t) => t.key), output.settings.segments.map((s) => s.key));
      const path = join(workDir, 'cdnow-threshold-lowered.xlsx');
      await writeFile(path, await writeWorkbookXlsx(withSettingsNumber(output.plan, PREDICTION_NAMES.highRisk, LOWER_THRESHOLD)));
      cases.set('threshold lowered in Settings before recalculation', { output, locale, path, expected });
    }
  }
  sheets = await recalcManyToCsv([...cases.values()].map((c) => c.path), { timeoutMs: 240_000 });
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- reading cells

function cellsOf(address: string): { row: number; column: number }[] {
  const parse = (a: string): { row: number; column: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
    if (!m) throw new Error(`bad address ${a}`);
    return { row: Number(m[2]) - 1, column: [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };
  const [from, to] = address.split(':').map(parse) as [{ row: number; column: number }, { row: number; column: number } | undefined];
  const end = to ?? from;
  const out: { row: number; column: number }[] = [];
  for (let row = from.row; row <= end.row; row++) for (let column = from.column; column <= end.column; column++) out.push({ row, column });
  return out;
}

function csvValue(text: string): CachedResult {
  if (text === '') return '';
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?%$/i.test(text)) return Number(text.slice(0, -1)) / 100;
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(text)) return Number(text);
  return text;
}

/** Sums over the table are added in another order than the core's: 1e-9 relative. Text exactly. */
function same(actual: CachedResult, expected: CachedResult): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) <= Math.max(1e-9, Math.abs(expected) * 1e-9);
  return actual === expected;
}

function summaryRows(c: Case): string[][] {
  const name = c.output.plan.sheets.find((s) => s.key === 'summary')?.name as string;
  const rows = sheets.get(c.path)?.[name];
  if (rows === undefined) throw new Error(`LibreOffice gave no Summary sheet for ${c.path}`);
  return rows;
}

function layoutOf(c: Case): PredictionSummaryLayout {
  const layout = c.output.plan.summaryLayout?.prediction;
  if (!layout) throw new Error('no prediction layout');
  return layout;
}

/** Every checked cell of the prediction blocks: address -> the core's value. */
function expectedCells(c: Case): Map<string, CachedResult> {
  const layout = layoutOf(c);
  const s = c.expected;
  const settings = c.output.settings;
  const t = (x: { en: string; zh: string }): string => pick(x, c.locale);
  const out = new Map<string, CachedResult>();
  const column = (address: string | null, values: readonly CachedResult[]): void => {
    if (address === null) throw new Error('a column the test expects is absent');
    const cells = cellsOf(address);
    expect(cells).toHaveLength(values.length);
    cells.forEach((cell, i) => out.set(`${columnLetter(cell.column)}${cell.row + 1}`, values[i] as CachedResult));
  };
  const blank = (x: number | null): CachedResult => (x === null ? '' : x);
  const totalClv = s.byTier.reduce((a, g) => a + (g.clv ?? 0), 0);
  const block = (refs: PredictionBlockRefs, groups: PredictionSummary['byTier'], label: (key: string) => string): void => {
    column(refs.labels, groups.map((g) => label(g.key as string)));
    column(refs.predicted, groups.map((g) => g.predicted));
    // A group with nobody predicted shows "" (not 0) in every figure but its count.
    const some = (g: PredictionSummary['byTier'][number], x: number | null): CachedResult => (g.predicted === 0 ? '' : blank(x));
    column(refs.expectedPurchases, groups.map((g) => some(g, g.expectedPurchases)));
    column(refs.expectedRevenue, groups.map((g) => some(g, g.expectedRevenue)));
    column(refs.avgExpectedRevenue, groups.map((g) => blank(g.avgExpectedRevenue)));
    column(refs.clv, groups.map((g) => some(g, g.clv)));
    column(refs.avgClv, groups.map((g) => blank(g.avgClv)));
    column(refs.clvShare, groups.map((g) => some(g, (g.clv ?? 0) / totalClv)));
    column(refs.total.predicted, [s.byTier.reduce((a, g) => a + g.predicted, 0)]);
    column(refs.total.clv, [totalClv]);
  };
  block(layout.byTier, s.byTier, (key) => t(settings.tiers.find((x) => x.key === key)?.label ?? { en: key, zh: key }));
  block(layout.bySegment, s.bySegment.filter((g) => g.key !== null), (key) => t(settings.segments.find((x) => x.key === key)?.label ?? { en: key, zh: key }));
  const list = layout.callFirst;
  if (list === null) throw new Error('no call-first list');
  const pad = <V,>(values: readonly V[]): (V | '')[] => [...values, ...Array.from({ length: list.rows - values.length }, () => '' as const)];
  const tierLabel = (key: string): string => t(settings.tiers.find((x) => x.key === key)?.label ?? { en: key, zh: key });
  column(list.id, pad(s.atRiskHighValue.map((x) => x.id)));
  column(list.name, pad(s.atRiskHighValue.map((x) => x.name ?? '')));
  column(list.owner, pad(s.atRiskHighValue.map((x) => x.owner ?? '')));
  column(list.tier, pad(s.atRiskHighValue.map((x) => tierLabel(x.tier))));
  column(list.pAlive, pad(s.atRiskHighValue.map((x) => x.pAlive)));
  column(list.clv, pad(s.atRiskHighValue.map((x) => x.clv)));
  column(list.tableRow, pad(s.atRiskHighValue.map((x) => x.index + 1)));
  column(list.highRiskCustomers, [s.highRisk.customers]);
  column(list.highRiskClv, [s.highRisk.clv ?? 0]);
  return out;
}

function mismatches(c: Case, expected: ReadonlyMap<string, CachedResult>): string[] {
  const rows = summaryRows(c);
  const found: string[] = [];
  for (const [address, want] of expected) {
    const { row, column } = cellsOf(address)[0] as { row: number; column: number };
    const text = rows[row]?.[column] ?? '';
    if (!(typeof want === 'string' ? text === want : same(csvValue(text), want))) found.push(`${address}: LibreOffice ${JSON.stringify(text)}, core ${JSON.stringify(want)}`);
  }
  return found;
}

const NAMES = ['en [exceljs]', 'en [streaming]', 'zh-CN [streaming]', 'threshold lowered in Settings before recalculation'];

describe('the Summary\'s prediction blocks recalculated by LibreOffice equal the core', () => {
  test.each(NAMES)('%s: by tier, by segment and the call-first list', (name) => {
    const c = cases.get(name) as Case;
    const expected = expectedCells(c);
    expect(expected.size).toBeGreaterThan(200);
    expect(mismatches(c, expected)).toEqual([]);
  });

  test.each(NAMES.filter((n) => !n.startsWith('threshold')))('%s: every formula cell of the blocks shows its cached result', (name) => {
    const c = cases.get(name) as Case;
    const sheet = c.output.plan.sheets.find((s) => s.key === 'summary');
    const first = cellsOf(layoutOf(c).byTier.labels)[0]?.row ?? Infinity;
    const cached = new Map<string, CachedResult>();
    for (const cell of sheet?.cells ?? []) {
      if (cell.value?.kind !== 'formula' || cell.row < first) continue;
      expect(cell.cachedResult).toBeDefined();
      cached.set(`${columnLetter(cell.column)}${cell.row + 1}`, cell.cachedResult ?? null);
    }
    expect(cached.size).toBeGreaterThan(200);
    expect(mismatches(c, cached)).toEqual([]);
  });
});

describe('the fixture probes what it claims', () => {
  test('the call-first list holds twins with equal CLVs, in table order, and customers without a name', () => {
    const list = (cases.get('en [exceljs]') as Case).expected.atRiskHighValue;
    const ties = list.filter((x, i) => i > 0 && x.clv === list[i - 1]?.clv);
    expect(ties.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]] as [(typeof list)[number], (typeof list)[number]];
      expect(a.clv > b.clv || (a.clv === b.clv && a.index < b.index)).toBe(true);
    }
    expect(list.length).toBe(20);
  });

  test('tiers nobody is predicted for (prospects) are in the blocks', () => {
    expect((cases.get('en [exceljs]') as Case).expected.byTier.some((g) => g.predicted === 0 && g.customers > 0)).toBe(true);
  });

  test('a lower threshold selects fewer customers and another list', () => {
    const base = (cases.get('en [exceljs]') as Case).expected;
    const lowered = (cases.get('threshold lowered in Settings before recalculation') as Case).expected;
    expect(lowered.highRisk.customers).toBeLessThan(base.highRisk.customers);
    expect(lowered.atRiskHighValue.map((x) => x.id)).not.toEqual(base.atRiskHighValue.map((x) => x.id));
  });
});
