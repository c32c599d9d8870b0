/**
 * Reading the grading settings back from the Settings sheet: the inverse of
 * what buildPlan writes (round trip over random settings), the as-of mode
 * rule, and problems for cells that do not hold what belongs there.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, type GradingSettings, type TierDefinition } from '../../../src/domain/settings';
import { dayFromYmd, excelSerialFromDay, type DayNumber } from '../../../src/domain/dates';
import type { Locale } from '../../../src/i18n/locale';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import {
  AS_OF_NOTE_KEY,
  AS_OF_NOTE_OFFSET,
  SETTINGS_SOURCE_NAMES,
  offsetAddress,
  settingsFromSheetValues,
} from '../../../src/plan/settingsFromSheet';
import type { PlanValue, WorkbookPlan } from '../../../src/plan/types';
import { day, record } from '../../fixtures/parity/datasets';

const TODAY = day('2024-07-01');
const RECORDS = [
  record({ id: 'A1', first: '2023-01-10', last: '2024-06-20', f: 12, m: 5400.5 }),
  record({ id: 'A2', first: '2024-05-01', last: '2024-06-01', f: 2, m: 300 }),
  record({ id: 'A3', f: 0, m: 0 }),
  record({ id: 'A4', first: '2021-02-01', last: '2023-01-15', f: 5, m: 1200 }),
];

function planFor(settings: GradingSettings, locale: Locale): WorkbookPlan {
  // Rows graded with the contract's thresholds and the settings' as-of mode: the sheet part depends on `settings` only.
  const result = gradeCustomers(RECORDS, { ...DEFAULT_SETTINGS, asOf: settings.asOf }, { today: TODAY });
  return buildWorkbookPlan({
    result,
    settings,
    locale,
    profileFields: ['customerId', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'],
    carriedHeaders: [],
  });
}

/** `$B$5:$E$5` -> rows/columns (0-based). */
function rect(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const cell = (a: string): [number, number] => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
    if (!m) throw new Error(`bad address ${a}`);
    let c = 0;
    for (const ch of m[1] ?? '') c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, c - 1];
  };
  const [a, b = a] = address.split(':') as [string, string?];
  const [r0, c0] = cell(a);
  const [r1, c1] = cell(b);
  return { r0, c0, r1, c1 };
}

/** What Office.js returns for the plan's Settings sheet after applying it (formulas read as "" like the fake). */
function sheetGrids(plan: WorkbookPlan): { values: Map<string, unknown[][]>; formulas: Map<string, unknown[][]> } {
  const sheet = plan.sheets.find((s) => s.key === 'settings');
  if (!sheet) throw new Error('no settings sheet');
  const at = new Map(sheet.cells.map((c) => [`${c.row},${c.column}`, c.value] as const));
  const asValue = (v: PlanValue | undefined): unknown =>
    v === undefined || v === null ? '' : v.kind === 'text' ? v.text : v.kind === 'date' ? excelSerialFromDay(v.day) : v.kind === 'formula' ? '' : v.value;
  const asFormula = (v: PlanValue | undefined): unknown => (v !== undefined && v !== null && v.kind === 'formula' ? v.formula : asValue(v));
  const values = new Map<string, unknown[][]>();
  const formulas = new Map<string, unknown[][]>();
  const put = (key: string, r: ReturnType<typeof rect>): void => {
    const vs: unknown[][] = [];
    const fs: unknown[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const vr: unknown[] = [];
      const fr: unknown[] = [];
      for (let col = r.c0; col <= r.c1; col++) {
        vr.push(asValue(at.get(`${row},${col}`)));
        fr.push(asFormula(at.get(`${row},${col}`)));
      }
      vs.push(vr);
      fs.push(fr);
    }
    values.set(key, vs);
    formulas.set(key, fs);
  };
  for (const n of plan.names) put(n.name, rect(n.address));
  const asOf = plan.names.find((n) => n.name === 'AsOfDate');
  if (!asOf) throw new Error('no AsOfDate');
  const a = rect(asOf.address);
  put(AS_OF_NOTE_KEY, { r0: a.r0 + AS_OF_NOTE_OFFSET.rows, c0: a.c0 + AS_OF_NOTE_OFFSET.columns, r1: a.r0, c1: a.c0 + AS_OF_NOTE_OFFSET.columns });
  return { values, formulas };
}

const withCell = (grids: Map<string, unknown[][]>, name: string, row: number, column: number, value: unknown): Map<string, unknown[][]> => {
  const copy = new Map([...grids].map(([k, g]) => [k, g.map((r) => [...r])] as const));
  const grid = copy.get(name);
  if (!grid || !grid[row]) throw new Error(`no ${name}`);
  grid[row][column] = value;
  return copy;
};

const tierIndex = (key: string): number => DEFAULT_SETTINGS.tiers.findIndex((t) => t.key === key);
const minScore = (s: GradingSettings, key: string): number | null => {
  const rule = s.tiers.find((t) => t.key === key)?.rule;
  return rule?.kind === 'score' ? rule.minScore : null;
};

describe('settingsFromSheetValues', () => {
  test('the plan writes every name the reader needs', () => {
    const names = planFor(DEFAULT_SETTINGS, 'en').names.map((n) => n.name);
    for (const name of SETTINGS_SOURCE_NAMES) expect(names).toContain(name);
  });

  test('an untouched sheet gives back the settings it was built from, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const { values, formulas } = sheetGrids(planFor(DEFAULT_SETTINGS, locale));
      const out = settingsFromSheetValues(values, formulas, DEFAULT_SETTINGS, { locale });
      expect(out.problems).toEqual([]);
      expect(out.settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  test('edited thresholds and labels are read: gold min score 12, ChurnDays 300, a renamed tier', () => {
    const { values, formulas } = sheetGrids(planFor(DEFAULT_SETTINGS, 'zh-CN'));
    let edited = withCell(values, 'TierThresholds', tierIndex('gold'), 0, 12);
    edited = withCell(edited, 'ChurnDays', 0, 0, 300);
    edited = withCell(edited, 'TierNames', tierIndex('gold'), 0, '黄金会员');
    const out = settingsFromSheetValues(edited, formulas, DEFAULT_SETTINGS, { locale: 'zh-CN' });
    expect(out.problems).toEqual([]);
    expect(minScore(out.settings, 'gold')).toBe(12);
    expect(out.settings.lifecycle.churnedAfterDays).toBe(300);
    expect(out.settings.tiers[tierIndex('gold')]?.label).toEqual({ en: 'Gold', zh: '黄金会员' });
  });

  test.each([
    ['text in a number cell', 'HighCut', 0, 0, 'high', 'cell Settings!B6 (HighCut)'],
    ['a blank quantile', 'Quantiles', 0, 2, '', 'cell Settings!D5 (Quantiles)'],
    ['a number typed as text', 'TierThresholds', 2, 0, '12', 'cell Settings!E23 (TierThresholds)'],
    ['a date that is text', 'AsOfDate', 0, 0, 'yesterday', 'cell Settings!B4 (AsOfDate)'],
  ])('%s is a problem naming the cell, and the setting keeps the base value', (_what, name, row, column, typed, cellText) => {
    const { values, formulas } = sheetGrids(planFor(DEFAULT_SETTINGS, 'en'));
    const plan = planFor(DEFAULT_SETTINGS, 'en');
    const addresses = new Map(plan.names.map((n) => [n.name, `Settings!${n.address.split(':')[0]?.replace(/\$/g, '')}`] as const));
    const out = settingsFromSheetValues(withCell(values, name, row, column, typed), formulas, DEFAULT_SETTINGS, { locale: 'en', addresses });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]?.name).toBe(name);
    expect(out.problems[0]?.message.en).toContain(cellText);
    expect(out.problems[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(out.problems[0]?.message.zh).toContain(cellText.replace(/^cell (\S+).*$/, '$1'));
    expect(out.settings).toEqual(DEFAULT_SETTINGS);
  });

  test('a name missing from the workbook is a problem; the rest is still read', () => {
    const { values, formulas } = sheetGrids(planFor(DEFAULT_SETTINGS, 'en'));
    const edited = withCell(values, 'AtRiskDays', 0, 0, 150);
    edited.delete('ChurnDays');
    const out = settingsFromSheetValues(edited, formulas, DEFAULT_SETTINGS, { locale: 'en' });
    expect(out.problems.map((p) => p.name)).toEqual(['ChurnDays']);
    expect(out.settings.lifecycle).toEqual({ ...DEFAULT_SETTINGS.lifecycle, atRiskAfterDays: 150 });
  });

  test('tier keys that differ from the pane keep the pane tiers, with a problem', () => {
    const { values, formulas } = sheetGrids(planFor(DEFAULT_SETTINGS, 'en'));
    const edited = withCell(withCell(values, 'TierKeys', 2, 0, 'platinum'), 'TierThresholds', 2, 0, 14);
    const out = settingsFromSheetValues(edited, formulas, DEFAULT_SETTINGS, { locale: 'en' });
    expect(out.problems.map((p) => p.name)).toEqual(['TierKeys']);
    expect(out.settings.tiers).toEqual(DEFAULT_SETTINGS.tiers);
  });

  describe('as-of mode', () => {
    const fixedDay = dayFromYmd(2024, 3, 31);
    const autoDay = day('2024-06-21'); // the day after the latest purchase in RECORDS
    const cases: readonly [string, GradingSettings['asOf'], unknown, DayNumber | null, GradingSettings['asOf']][] = [
      ['=TODAY() stays today', { mode: 'today' }, undefined, null, { mode: 'today' }],
      ['an auto date stays auto when the auto day is unknown', { mode: 'auto' }, undefined, null, { mode: 'auto' }],
      ['an auto date stays auto when it equals the auto day', { mode: 'auto' }, undefined, autoDay, { mode: 'auto' }],
      ['a date typed over an auto date is fixed', { mode: 'auto' }, excelSerialFromDay(fixedDay), autoDay, { mode: 'fixed', day: fixedDay }],
      ['a fixed date stays fixed even when it equals the auto day', { mode: 'fixed', day: autoDay }, undefined, autoDay, { mode: 'fixed', day: autoDay }],
      ['a date typed over =TODAY() is fixed', { mode: 'today' }, excelSerialFromDay(fixedDay), null, { mode: 'fixed', day: fixedDay }],
      ['a time of day does not move the date', { mode: 'fixed', day: fixedDay }, excelSerialFromDay(fixedDay) + 0.75, null, { mode: 'fixed', day: fixedDay }],
    ];
    test.each(cases)('%s', (_what, written, typed, autoAsOfDay, expected) => {
      const settings: GradingSettings = { ...DEFAULT_SETTINGS, asOf: written };
      let { values, formulas } = sheetGrids(planFor(settings, 'en'));
      if (typed !== undefined) {
        values = withCell(values, 'AsOfDate', 0, 0, typed);
        formulas = withCell(formulas, 'AsOfDate', 0, 0, typed);
      }
      const out = settingsFromSheetValues(values, formulas, DEFAULT_SETTINGS, { locale: 'en', autoAsOfDay });
      expect(out.problems).toEqual([]);
      expect(out.settings.asOf).toEqual(expected);
    });
  });

  test('offsetAddress', () => {
    expect(offsetAddress('Settings!$B$5', 0, 3)).toBe('Settings!E5');
    expect(offsetAddress("'设置'!Z9:Z12", 2, 1)).toBe("'设置'!AA11");
    expect(offsetAddress('not an address', 0, 0)).toBeNull();
  });

  test('round trip: random valid settings -> plan -> sheet values -> settingsFromSheetValues gives them back', () => {
    const label = fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9 \u4e00-\u9fa5]{0,10}[A-Za-z0-9\u4e00-\u9fa5]$/);
    const days = fc.integer({ min: 0, max: 10_950 });
    const arbitrarySettings = fc
      .record({
        locale: fc.constantFrom<Locale>('en', 'zh-CN'),
        asOf: fc.oneof(
          fc.constant<GradingSettings['asOf']>({ mode: 'auto' }),
          fc.constant<GradingSettings['asOf']>({ mode: 'today' }),
          fc.integer({ min: dayFromYmd(2000, 1, 1), max: dayFromYmd(2040, 12, 31) }).map((d): GradingSettings['asOf'] => ({ mode: 'fixed', day: d as DayNumber })),
        ),
        quantiles: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        highScoreCut: fc.integer({ min: 1, max: 5 }),
        tierLabels: fc.array(fc.tuple(label, label), { minLength: DEFAULT_SETTINGS.tiers.length, maxLength: DEFAULT_SETTINGS.tiers.length }),
        colors: fc.array(fc.stringMatching(/^#[0-9A-F]{6}$/), { minLength: DEFAULT_SETTINGS.tiers.length, maxLength: DEFAULT_SETTINGS.tiers.length }),
        scores: fc.array(fc.integer({ min: 3, max: 15 }), { minLength: DEFAULT_SETTINGS.tiers.length, maxLength: DEFAULT_SETTINGS.tiers.length }),
        tierDays: days,
        lifecycle: fc.record({ churnedAfterDays: days, atRiskAfterDays: days, newWithinDays: days }),
        segmentLabels: fc.array(label, { minLength: 8, maxLength: 8 }),
      })
      .map(({ locale, tierLabels, colors, scores, tierDays, segmentLabels, ...rest }) => {
        const tiers: TierDefinition[] = DEFAULT_SETTINGS.tiers.map((tier, i) => ({
          ...tier,
          // Unique labels per language (the plan refuses duplicates): the index makes them so.
          label: { en: `${tierLabels[i]?.[0] ?? ''}${i}`, zh: `${tierLabels[i]?.[1] ?? ''}${i}` },
          color: colors[i] ?? tier.color,
          rule: tier.rule.kind === 'score' ? { kind: 'score', minScore: scores[i] ?? 3 } : tier.rule.kind === 'new' ? { kind: 'new', withinDays: tierDays } : tier.rule,
        }));
        const key = locale === 'zh-CN' ? 'zh' : 'en';
        // The sheet holds segment labels in the plan's language only: the other language stays the base's.
        const segments = DEFAULT_SETTINGS.segments.map((s, i) => ({ ...s, label: { ...s.label, [key]: `${segmentLabels[i] ?? ''}${i}` } }));
        return { locale, settings: { ...DEFAULT_SETTINGS, ...rest, tiers, segments } as GradingSettings };
      });
    fc.assert(
      fc.property(arbitrarySettings, ({ locale, settings }) => {
        const plan = planFor(settings, locale);
        const { values, formulas } = sheetGrids(plan);
        const out = settingsFromSheetValues(values, formulas, DEFAULT_SETTINGS, { locale });
        expect(out.problems).toEqual([]);
        expect(out.settings).toEqual(settings);
      }),
      { numRuns: 150 },
    );
  });
});
