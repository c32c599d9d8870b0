import fc from 'fast-check';
import { describe, expect, it } from '@jest/globals';
import { axisNumberFormat, buildCharts, chartName, CHART_GRID_TOP, ChartPlanError, isTierwiseChartName, SLIDE, withCharts } from '../../../src/plan/charts';
import type { ChartPlan } from '../../../src/plan/chartTypes';
import { DEFAULT_SETTINGS, type GradingSettings, type TierDefinition } from '../../../src/domain/settings';
import type { Locale } from '../../../src/i18n/locale';
import { summaryFixture } from '../../fixtures/charts/summaryFixture';

const byName = (charts: readonly ChartPlan[], key: string): ChartPlan => {
  const c = charts.find((x) => x.name === `Tierwise_${key}`);
  if (!c) throw new Error(`no chart ${key}`);
  return c;
};

const ALLOWED_SIZES = new Set([`${SLIDE.width}x${SLIDE.height}`, `${SLIDE.width / 2}x${SLIDE.height}`, `${SLIDE.width}x${SLIDE.height / 2}`, `${SLIDE.width / 2}x${SLIDE.height / 2}`]);

function overlaps(a: ChartPlan, b: ChartPlan): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('buildCharts', () => {
  it.each<Locale>(['en', 'zh-CN'])('makes the six charts, named Tierwise_<key>, on the Charts sheet (%s)', (locale) => {
    const f = summaryFixture(locale);
    const { sheet, charts } = buildCharts(f.layout, f.summary, f.settings, locale);
    expect(charts.map((c) => c.name)).toEqual([
      'Tierwise_tierCustomers',
      'Tierwise_tierRevenuePareto',
      'Tierwise_lifecycleCustomers',
      'Tierwise_tierAverageSpend',
      'Tierwise_segmentCustomers',
      'Tierwise_ownerTiers',
    ]);
    expect(charts.every((c) => c.sheet === 'charts' && isTierwiseChartName(c.name))).toBe(true);
    expect(sheet.key).toBe('charts');
    expect(sheet.name).toBe(locale === 'en' ? 'Charts' : '图表');
  });

  it('localises titles, axis titles and series names; Chinese has no English left', () => {
    const en = summaryFixture('en');
    const zh = summaryFixture('zh-CN');
    const enCharts = buildCharts(en.layout, en.summary, en.settings, 'en').charts;
    const zhCharts = buildCharts(zh.layout, zh.summary, zh.settings, 'zh-CN').charts;
    expect(byName(enCharts, 'tierCustomers').title).toBe('Customers by tier');
    expect(byName(zhCharts, 'tierCustomers').title).toBe('各等级客户数');
    expect(byName(zhCharts, 'tierRevenuePareto').axisTitles).toEqual({ category: null, value: '收入', secondaryValue: '累计收入占比' });
    expect(byName(zhCharts, 'tierCustomers').cachedCategories).toEqual(['潜在客户', '新客户', '金卡', '银卡', '普通客户']);
    for (const c of zhCharts) {
      const texts = [c.title, c.axisTitles.category, c.axisTitles.value, c.axisTitles.secondaryValue, ...c.series.map((s) => s.name)].filter((x): x is string => x !== null);
      for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('colours each tier bar in its tier colour from the settings', () => {
    const custom: GradingSettings = { ...DEFAULT_SETTINGS, tiers: DEFAULT_SETTINGS.tiers.map((t, i) => ({ ...t, color: `#10203${i}` })) };
    const f = summaryFixture('en', { settings: custom });
    const { charts } = buildCharts(f.layout, f.summary, custom, 'en');
    const expected = ['#102030', '#102031', '#102032', '#102033', '#102034'];
    expect(byName(charts, 'tierCustomers').series[0]?.pointColors).toEqual(expected);
    expect(byName(charts, 'tierRevenuePareto').series[0]?.pointColors).toEqual(expected);
    expect(byName(charts, 'ownerTiers').series.map((s) => s.color)).toEqual(expected);
  });

  it('binds the customers-per-tier chart to the tier block with the summary as cache', () => {
    const f = summaryFixture('en');
    const c = byName(buildCharts(f.layout, f.summary, f.settings, 'en').charts, 'tierCustomers');
    expect(c.kind).toBe('column');
    expect(c.categories).toEqual({ sheet: 'summary', address: f.layout.byTier.labels });
    expect(c.series[0]?.values).toEqual({ sheet: 'summary', address: f.layout.byTier.customers });
    expect(c.series[0]?.cachedValues).toEqual(f.summary.byTier.map((g) => g.customers));
    expect(c.series[0]?.dataLabels).toBe(true);
    expect(c.legend).toBe('none');
  });

  it('makes the Pareto a combo: revenue columns and the cumulative share as a line on a 0-100 % secondary axis', () => {
    const f = summaryFixture('en');
    const c = byName(buildCharts(f.layout, f.summary, f.settings, 'en').charts, 'tierRevenuePareto');
    expect(c.series.map((s) => [s.kind, s.axis])).toEqual([
      ['column', 'primary'],
      ['line', 'secondary'],
    ]);
    expect(c.series[1]?.values.address).toBe(f.layout.byTier.cumulativeRevenueShare);
    expect(c.secondaryAxis).toEqual({ min: 0, max: 1, numberFormat: '0%' });
    const cumulative = c.series[1]?.cachedValues as number[];
    expect(cumulative[cumulative.length - 1]).toBeCloseTo(1, 12);
    for (let i = 1; i < cumulative.length; i++) expect(cumulative[i]).toBeGreaterThanOrEqual(cumulative[i - 1] as number);
  });

  it('reads the sorted segment block, largest first', () => {
    const f = summaryFixture('en');
    const c = byName(buildCharts(f.layout, f.summary, f.settings, 'en').charts, 'segmentCustomers');
    expect(c.kind).toBe('bar');
    expect(c.categories.address).toBe(f.layout.bySegmentSorted.labels);
    expect(c.series[0]?.values.address).toBe(f.layout.bySegmentSorted.customers);
    const values = c.series[0]?.cachedValues as number[];
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(c.cachedCategories[0]).toBe('General to win back'); // the fixture's largest segment
  });

  it('stacks owners by tier with a series per tier named from its header cell, the rest summed as "Other"', () => {
    const f = summaryFixture('zh-CN', { owners: 9, listedOwners: 5 });
    const c = byName(buildCharts(f.layout, f.summary, f.settings, 'zh-CN').charts, 'ownerTiers');
    expect(c.kind).toBe('stackedBar');
    expect(c.cachedCategories).toHaveLength(6);
    expect(c.cachedCategories[5]).toBe('其他');
    expect(c.series.map((s) => s.nameRef?.address)).toEqual(f.layout.ownerByTier?.tiers.map((t) => t.header));
    const gold = c.series[2];
    const goldTotal = f.summary.byOwner.reduce((sum, o) => sum + (o.tiers.gold ?? 0), 0);
    expect((gold?.cachedValues as number[]).reduce((a, b) => a + b, 0)).toBe(goldTotal);
    expect(c.legend).toBe('bottom');
  });

  it('leaves the owner chart out when the data has no owner column', () => {
    const f = summaryFixture('en', { owners: 0 });
    expect(f.layout.ownerByTier).toBeNull();
    const { charts } = buildCharts(f.layout, f.summary, f.settings, 'en');
    expect(charts.map((c) => c.name)).not.toContain(chartName('ownerTiers'));
    expect(charts).toHaveLength(5);
  });

  it('refuses a layout whose block sizes disagree with the summary', () => {
    const f = summaryFixture('en');
    const layout = { ...f.layout, byTier: { ...f.layout.byTier, rows: f.layout.byTier.rows + 1 } };
    expect(() => buildCharts(layout, f.summary, f.settings, 'en')).toThrow(ChartPlanError);
  });

  it('withCharts puts the Charts sheet right after the Summary sheet and replaces an earlier one', () => {
    const f = summaryFixture('en');
    const base = { locale: 'en' as const, sheets: [f.sheet, { ...f.sheet, key: 'settings' as const, name: 'Settings' }], tables: [], names: [], validations: [], conditionalFormats: [], charts: [] };
    const once = withCharts(base, f.layout, f.summary, f.settings);
    expect(once.sheets.map((s) => s.key)).toEqual(['summary', 'charts', 'settings']);
    const twice = withCharts(once, f.layout, f.summary, f.settings);
    expect(twice.sheets.map((s) => s.key)).toEqual(['summary', 'charts', 'settings']);
    expect(twice.charts).toHaveLength(6);
  });

  const tierArb: fc.Arbitrary<readonly TierDefinition[]> = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 8 })
    .map((xs) =>
      xs.map(([color], i) => ({
        key: `t${i}`,
        label: { en: `Tier ${i}`, zh: `等级${i}` },
        color: `#${color.toString(16).padStart(6, '0').toUpperCase()}`,
        rule: i === xs.length - 1 ? ({ kind: 'fallback' } as const) : ({ kind: 'score', minScore: 15 - i } as const),
      })),
    );

  it('property: every chart is a whole 960 x 540 slide or an exact half or quarter of one, on the grid, inside the sheet, none overlapping; caches match categories', () => {
    fc.assert(
      fc.property(
        tierArb,
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<Locale>('en', 'zh-CN'),
        (tiers, counts, owners, listed, locale) => {
          const settings: GradingSettings = { ...DEFAULT_SETTINGS, tiers };
          const f = summaryFixture(locale, { settings, tierCustomers: tiers.map((_, i) => counts[i] ?? 0), owners, listedOwners: listed });
          const { charts } = buildCharts(f.layout, f.summary, settings, locale);
          expect(new Set(charts.map((c) => c.name)).size).toBe(charts.length);
          for (const c of charts) {
            expect(ALLOWED_SIZES.has(`${c.width}x${c.height}`)).toBe(true);
            expect(c.left % (SLIDE.width / 2)).toBe(0);
            expect((c.top - CHART_GRID_TOP) % (SLIDE.height / 2)).toBe(0);
            expect(c.left + c.width).toBeLessThanOrEqual(SLIDE.width);
            expect(c.top).toBeGreaterThanOrEqual(CHART_GRID_TOP);
            for (const s of c.series) {
              expect(s.cachedValues).toHaveLength(c.cachedCategories.length);
              if (s.pointColors) expect(s.pointColors).toHaveLength(c.cachedCategories.length);
            }
          }
          for (let i = 0; i < charts.length; i++) {
            for (let j = i + 1; j < charts.length; j++) expect(overlaps(charts[i] as ChartPlan, charts[j] as ChartPlan)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ['#,##0;-#,##0;', '#,##0'],
    ['0%', '0%'],
    ['', 'General'],
  ])('axisNumberFormat(%j) = %j: the axis keeps its zero', (label, axis) => {
    expect(axisNumberFormat(label)).toBe(axis);
  });
});
