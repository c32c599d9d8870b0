/**
 * The Summary sheet's parity (issue 6 §1): the workbook written by each .xlsx
 * writer, recalculated by LibreOffice, shows on its Summary sheet exactly what
 * `summarise` computes, cell for cell — every block the charts bind to
 * (SummaryLayout), the KPIs, and every formula cell's cached result.
 *
 * One workbook is edited as a user would before it is recalculated: a tier
 * override typed in, a spend changed and a new owner typed over an old one;
 * the Summary must then equal `summarise` of the customers graded again with
 * those edits (and the new owner falls into "Other").
 *
 * All workbooks are recalculated in one soffice run.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayLocal } from '../../../src/domain/dates';
import { gradeCustomers } from '../../../src/domain/grading';
import { LIFECYCLE_LABELS, type GradingSettings } from '../../../src/domain/settings';
import { summarise, type CustomerSummary } from '../../../src/domain/summary';
import type { CustomerRecord } from '../../../src/domain/types';
import { pick, type Locale } from '../../../src/i18n/locale';
import { columnLetter } from '../../../src/plan/a1';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { SummaryLayout } from '../../../src/plan/chartTypes';
import { MAX_LISTED_OWNERS } from '../../../src/plan/summarySheet';
import { SUMMARY_TEXT } from '../../../src/plan/summaryStrings';
import type { CachedResult, TablePlan, WorkbookPlan } from '../../../src/plan/types';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { ZipWriter } from '../../../src/renderers/xlsx/zip';
import { parityDatasets, type ParityDataset } from '../../fixtures/parity/datasets';
import { summaryParityDatasets } from '../../fixtures/parity/summaryDatasets';
import { recalcManyToCsv } from '../../support/libreoffice';
import { unzipText } from '../../unit/xlsx/unzip';

const ENGINES = ['exceljs', 'streaming'] as const;
type Engine = (typeof ENGINES)[number];

interface Case {
  readonly name: string;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  /** The plan the file was written from (its layout and listed owners). */
  readonly plan: WorkbookPlan;
  /** What LibreOffice must show: summarise of the customers as the file holds them. */
  readonly expected: CustomerSummary;
  /** The owners listed on the sheet at build time, in order (null is the "(no owner)" row). */
  readonly listedOwners: readonly (string | null)[] | null;
  readonly path: string;
  /** Whether every formula cell's cached result must equal LibreOffice's value (false once the file was edited). */
  readonly cachedIsCurrent: boolean;
}

const SUMMARY_DATASETS = new Set(['ties', 'prospects-refunds', 'no-first-purchase', 'overrides-en', 'random-1500']);
const cases = new Map<string, Case>();
let sheetsByPath: Map<string, Record<string, string[][]>>;
let workDir: string;

function planOf(dataset: ParityDataset, records: readonly CustomerRecord[], settings: GradingSettings): { plan: WorkbookPlan; summary: CustomerSummary } {
  const result = gradeCustomers(records, settings, { today: dataset.today });
  const plan = buildWorkbookPlan({ result, settings, locale: dataset.locale, profileFields: dataset.profileFields, carriedHeaders: dataset.carriedHeaders });
  return { plan, summary: summarise(result, settings) };
}

function listedOwnersOf(plan: WorkbookPlan, summary: CustomerSummary): (string | null)[] | null {
  if (plan.summaryLayout?.ownerByTier == null) return null;
  const named = summary.byOwner.filter((o) => o.owner !== null).slice(0, MAX_LISTED_OWNERS).map((o) => o.owner);
  return summary.byOwner.some((o) => o.owner === null) ? [...named, null] : named;
}

function table(plan: WorkbookPlan): TablePlan {
  return plan.tables[0] as TablePlan;
}

/** The Customers sheet XML with three cells replaced as a user would type them; each replacement must hit exactly one cell. */
function editCustomersSheet(xml: string, plan: WorkbookPlan, edits: { override: [number, string]; spend: [number, number]; owner: [number, string] }): string {
  const t = table(plan);
  const letter = (key: string): string => columnLetter(t.column + t.columns.findIndex((c) => c.key === key));
  const replaceOnce = (pattern: RegExp, replacement: string): void => {
    const matches = xml.match(new RegExp(pattern.source, 'g')) ?? [];
    if (matches.length !== 1) throw new Error(`expected one cell for ${pattern.source}, found ${matches.length}`);
    xml = xml.replace(pattern, replacement);
  };
  const ref = (key: string, customer: number): string => `${letter(key)}${t.row + 2 + customer}`;
  const inline = (text: string): string => `t="inlineStr"><is><t>${text}</t></is></c>`;
  // The override cell is empty (a styled cell without a value) in both writers' output.
  replaceOnce(new RegExp(`<c r="${ref('tierOverride', edits.override[0])}" s="(\\d+)"/>`), `<c r="${ref('tierOverride', edits.override[0])}" s="$1" ${inline(edits.override[1])}`);
  replaceOnce(new RegExp(`<c r="${ref('totalSpend', edits.spend[0])}" s="(\\d+)"><v>[^<]*</v></c>`), `<c r="${ref('totalSpend', edits.spend[0])}" s="$1"><v>${edits.spend[1]}</v></c>`);
  replaceOnce(
    new RegExp(`<c r="${ref('owner', edits.owner[0])}" s="(\\d+)" t="(?:s|inlineStr)">(?:<v>[^<]*</v>|<is><t>[^<]*</t></is>)</c>`),
    `<c r="${ref('owner', edits.owner[0])}" s="$1" ${inline(edits.owner[1])}`,
  );
  return xml;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-summary-parity-'));
  const datasets = [...parityDatasets(todayLocal()).filter((d) => SUMMARY_DATASETS.has(d.name)), ...summaryParityDatasets()];
  for (const dataset of datasets) {
    const { plan, summary } = planOf(dataset, dataset.records, dataset.settings);
    for (const engine of ENGINES) {
      const path = join(workDir, `${dataset.name}-${engine}.xlsx`);
      await writeFile(path, await writeWorkbookXlsx(plan, { engine }));
      cases.set(`${dataset.name} [${engine}]`, { name: dataset.name, settings: dataset.settings, locale: dataset.locale, plan, expected: summary, listedOwners: listedOwnersOf(plan, summary), path, cachedIsCurrent: true });
    }
  }

  // Edited before recalculation: customer 3 gets a Gold override, customer 5 spends 5,000, customer 2's owner becomes "Zhao".
  const ties = datasets.find((d) => d.name === 'ties') as ParityDataset;
  const original = planOf(ties, ties.records, ties.settings);
  const asOf = gradeCustomers(ties.records, ties.settings, { today: ties.today }).asOf;
  const edits = { override: [3, 'Gold'] as [number, string], spend: [5, 5000] as [number, number], owner: [2, 'Zhao'] as [number, string] };
  const editedRecords = ties.records.map((r, i) => ({
    ...r,
    tierOverride: i === edits.override[0] ? edits.override[1] : r.tierOverride,
    monetary: i === edits.spend[0] ? edits.spend[1] : r.monetary,
    profile: i === edits.owner[0] ? { ...r.profile, owner: edits.owner[1] } : r.profile,
  }));
  // The workbook's as-of date is a constant cell: grade again with that date.
  const fixedSettings: GradingSettings = { ...ties.settings, asOf: { mode: 'fixed', day: asOf } };
  const regraded = summarise(gradeCustomers(editedRecords, fixedSettings, { today: ties.today }), fixedSettings);
  for (const engine of ENGINES) {
    const files = unzipText(await writeWorkbookXlsx(original.plan, { engine }));
    const zip = new ZipWriter();
    for (const [name, content] of files) zip.add(name, name === 'xl/worksheets/sheet1.xml' ? editCustomersSheet(content, original.plan, edits) : content);
    const path = join(workDir, `edited-ties-${engine}.xlsx`);
    await writeFile(path, zip.finish());
    cases.set(`edited before recalculation [${engine}]`, {
      name: 'edited',
      settings: ties.settings,
      locale: ties.locale,
      plan: original.plan,
      expected: regraded,
      listedOwners: listedOwnersOf(original.plan, original.summary),
      path,
      cachedIsCurrent: false,
    });
  }
  sheetsByPath = await recalcManyToCsv([...cases.values()].map((c) => c.path), { timeoutMs: 170_000 });
}, 200_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- reading cells

/** 0-based cells of an absolute A1 address (`$B$3`, `$B$3:$B$7`), in order. */
function cellsOf(address: string): { row: number; column: number }[] {
  const parse = (a: string): { row: number; column: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
    if (!m) throw new Error(`bad address ${a}`);
    const column = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, column };
  };
  const [from, to] = address.split(':').map(parse) as [{ row: number; column: number }, { row: number; column: number } | undefined];
  const end = to ?? from;
  const out: { row: number; column: number }[] = [];
  for (let row = from.row; row <= end.row; row++) for (let column = from.column; column <= end.column; column++) out.push({ row, column });
  return out;
}

function summaryRows(c: Case): string[][] {
  const name = c.plan.sheets.find((s) => s.key === 'summary')?.name as string;
  const rows = sheetsByPath.get(c.path)?.[name];
  if (rows === undefined) throw new Error(`LibreOffice gave no Summary sheet for ${c.name}`);
  return rows;
}

/** A CSV cell as a value: '' stays '', `12.5%` is 0.125, numbers are numbers, anything else text. */
function csvValue(text: string): CachedResult {
  if (text === '') return '';
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?%$/i.test(text)) return Number(text.slice(0, -1)) / 100;
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(text)) return Number(text);
  return text;
}

/** Numbers agree to 12 significant digits (the CSV carries 15), or both are 0 within 1e-9; the rest exactly. */
function same(actual: CachedResult, expected: CachedResult): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) <= Math.max(1e-9, Math.abs(expected) * 1e-12);
  return actual === expected;
}

// ------------------------------------------------------------- what must be there

const blank = (x: number | null): CachedResult => (x === null ? '' : x);

/** Every checked cell of the Summary: address -> the value `summarise` gives it. */
function expectedCells(c: Case): Map<string, CachedResult> {
  const layout = c.plan.summaryLayout as SummaryLayout;
  const s = c.expected;
  const t = (x: { en: string; zh: string }): string => pick(x, c.locale);
  const tierLabel = (key: string): string => t(c.settings.tiers.find((x) => x.key === key)?.label ?? { en: key, zh: key });
  const segmentLabel = (key: string): string => t(c.settings.segments.find((x) => x.key === key)?.label ?? { en: key, zh: key });
  const out = new Map<string, CachedResult>();
  const column = (address: string, values: readonly CachedResult[]): void => {
    const cells = cellsOf(address);
    expect(cells).toHaveLength(values.length);
    cells.forEach((cell, i) => out.set(`${columnLetter(cell.column)}${cell.row + 1}`, values[i] as CachedResult));
  };
  const block = (refs: SummaryLayout['bySegment'], groups: CustomerSummary['byTier'], label: (key: string) => string): void => {
    column(refs.labels, groups.map((g) => label(g.key)));
    column(refs.customers, groups.map((g) => g.customers));
    column(refs.customerShare, groups.map((g) => blank(g.customerShare)));
    column(refs.revenue, groups.map((g) => g.revenue));
    column(refs.revenueShare, groups.map((g) => blank(g.revenueShare)));
    column(refs.avgSpend, groups.map((g) => blank(g.avgSpend)));
    column(refs.avgRecencyDays, groups.map((g) => blank(g.avgRecencyDays)));
  };
  block(layout.byTier, s.byTier, tierLabel);
  let running = 0;
  column(layout.byTier.cumulativeRevenueShare, s.byTier.map((g) => (s.revenue === 0 ? '' : (running += g.revenue) / s.revenue)));
  block(layout.bySegment, s.bySegment, segmentLabel);
  block(layout.byLifecycle, s.byLifecycle, (key) => t(LIFECYCLE_LABELS[key as keyof typeof LIFECYCLE_LABELS]));
  const sorted = [...s.bySegment].sort((a, b) => b.customers - a.customers); // Array.prototype.sort is stable
  column(layout.bySegmentSorted.labels, sorted.map((g) => segmentLabel(g.key)));
  column(layout.bySegmentSorted.customers, sorted.map((g) => g.customers));

  const owners = layout.ownerByTier;
  expect(owners === null).toBe(c.listedOwners === null);
  if (owners !== null && c.listedOwners !== null) {
    const listed = c.listedOwners.map((owner) => s.byOwner.find((o) => o.owner === owner) ?? { owner, customers: 0, revenue: 0, tiers: {} as Record<string, number> });
    const rest = s.byOwner.filter((o) => !c.listedOwners?.includes(o.owner));
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    column(owners.labels, [...listed.map((o) => o.owner ?? t(SUMMARY_TEXT.noOwner)), t(SUMMARY_TEXT.other)]);
    column(owners.customers, [...listed.map((o) => o.customers), sum(rest.map((o) => o.customers))]);
    column(owners.revenue, [...listed.map((o) => o.revenue), sum(rest.map((o) => Math.round(o.revenue * 100))) / 100]);
    for (const tier of owners.tiers) {
      column(tier.header, [tierLabel(tier.tierKey)]);
      column(tier.customers, [...listed.map((o) => o.tiers[tier.tierKey] ?? 0), sum(rest.map((o) => o.tiers[tier.tierKey] ?? 0))]);
    }
  }

  // KPIs: the value beside each KPI's label.
  const sheet = c.plan.sheets.find((x) => x.key === 'summary');
  const k = s.kpis;
  const kpis: [keyof typeof SUMMARY_TEXT, CachedResult][] = [
    ['customers', s.customers],
    ['scored', s.scored],
    ['prospects', s.prospects],
    ['revenue', s.revenue],
    ['topTierRevenueShare', blank(k.topTierRevenueShare)],
    ['repeatRate', blank(k.repeatRate)],
    ['atRiskCustomers', k.atRiskCustomers],
    ['atRiskRevenue', k.atRiskRevenue],
    ['churnedShare', blank(k.churnedShare)],
    ['avgSatisfaction', blank(k.avgSatisfaction)],
  ];
  for (const [key, value] of kpis) {
    const label = sheet?.cells.find((cell) => cell.column === 0 && cell.value?.kind === 'text' && cell.value.text === t(SUMMARY_TEXT[key]));
    if (label === undefined) throw new Error(`no KPI row ${key}`);
    out.set(`B${label.row + 1}`, value);
  }
  return out;
}

function mismatches(c: Case, expected: ReadonlyMap<string, CachedResult>): string[] {
  const rows = summaryRows(c);
  const found: string[] = [];
  for (const [address, want] of expected) {
    const { row, column } = cellsOf(address)[0] as { row: number; column: number };
    const text = rows[row]?.[column] ?? '';
    // A label is compared as text ("007" is an owner, not 7).
    if (!(typeof want === 'string' ? text === want : same(csvValue(text), want))) found.push(`${address}: LibreOffice ${JSON.stringify(text)}, summarise ${JSON.stringify(want)}`);
  }
  return found;
}

const names = [...summaryParityDatasets().map((d) => d.name), ...SUMMARY_DATASETS, 'edited before recalculation'].flatMap((n) => ENGINES.map((engine: Engine) => `${n} [${engine}]`));

describe('the Summary sheet recalculated by LibreOffice equals summarise', () => {
  test.each(names)('%s: every block, the KPIs and the owner x tier table', (name) => {
    const c = cases.get(name) as Case;
    const expected = expectedCells(c);
    expect(expected.size).toBeGreaterThan(100);
    expect(mismatches(c, expected)).toEqual([]);
  });

  test.each(names.filter((n) => !n.startsWith('edited')))('%s: every formula cell shows its cached result (the core\'s value)', (name) => {
    const c = cases.get(name) as Case;
    const sheet = c.plan.sheets.find((s) => s.key === 'summary');
    const cached = new Map<string, CachedResult>();
    for (const cell of sheet?.cells ?? []) {
      if (cell.value?.kind !== 'formula') continue;
      expect(cell.cachedResult).toBeDefined();
      cached.set(`${columnLetter(cell.column)}${cell.row + 1}`, cell.cachedResult ?? null);
    }
    expect(cached.size).toBeGreaterThan(100);
    expect(mismatches(c, cached)).toEqual([]);
  });
});

describe('the summary datasets probe what they claim', () => {
  test('the edited workbook differs from its build: the edits reach the summary, the new owner is in "Other"', () => {
    const c = cases.get('edited before recalculation [streaming]') as Case;
    const built = cases.get('ties [streaming]') as Case;
    expect(c.expected.revenue).not.toBe(built.expected.revenue);
    expect(c.expected.byTier).not.toEqual(built.expected.byTier);
    expect(c.expected.byOwner.some((o) => o.owner === 'Zhao')).toBe(true);
    const other = cellsOf(c.plan.summaryLayout?.ownerByTier?.customers ?? '').at(-1) as { row: number; column: number };
    expect(summaryRows(c)[other.row]?.[other.column]).toBe('1');
  });

  test('renamed tiers: labels COUNTIFS would read as operators or wildcards, case-twin and number-like owners, blank owners', () => {
    const c = cases.get('sum-renamed-tiers [exceljs]') as Case;
    const owners = c.expected.byOwner.map((o) => o.owner);
    expect(owners).toEqual(expect.arrayContaining(['Al', 'al', '007', ' Li ', 'A*b', '=Bob', null]));
    expect(c.settings.tiers.map((x) => x.label.zh)).toEqual(['线索', '~新', '贵宾*', '<银>', '=基础?']);
    expect(c.expected.byTier.every((g) => g.customers > 0 || g.key === 'new')).toBe(true);
    expect(c.expected.kpis.avgSatisfaction).not.toBeNull();
  });

  test('prospects only: every ratio over buyers or revenue is empty', () => {
    const c = cases.get('sum-prospects-only [exceljs]') as Case;
    expect(c.expected.kpis).toMatchObject({ repeatRate: null, churnedShare: null, topTierRevenueShare: null });
    expect(c.expected.byTier.every((g) => g.revenueShare === null)).toBe(true);
  });

  test('no owner column: no owner block', () => {
    const c = cases.get('no-first-purchase [streaming]') as Case;
    expect(c.plan.summaryLayout?.ownerByTier).toBeNull();
  });
});
