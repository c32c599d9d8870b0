/**
 * The Summary sheet's plan: where the blocks sit (the SummaryLayout the charts
 * bind to), which formulas the cells hold, and the cached results from
 * summarise. Whether the formulas compute those results is the parity test's
 * job (tests/integration/parity/summaryParity.test.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, type GradingSettings } from '../../../src/domain/settings';
import { summarise } from '../../../src/domain/summary';
import type { CarriedValue, CustomerRecord, FieldKey } from '../../../src/domain/types';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { SummaryLayout } from '../../../src/plan/chartTypes';
import { MAX_LISTED_OWNERS } from '../../../src/plan/summarySheet';
import type { PlanCell, SheetPlan } from '../../../src/plan/types';
import { day, record } from '../../fixtures/parity/datasets';

const TODAY = day('2024-07-01');
const FIELDS: readonly FieldKey[] = ['customerId', 'name', 'owner', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'];

function customersWith(owners: readonly (CarriedValue | undefined)[]): CustomerRecord[] {
  return owners.map((owner, i) =>
    record({
      id: `C${i}`,
      first: '2023-01-01',
      last: `2024-0${1 + (i % 6)}-10`,
      f: i % 4 === 3 ? 0 : 1 + (i % 5),
      m: i % 4 === 3 ? 0 : 100 * (i + 1) + 0.25,
      profile: owner === undefined ? { name: `N${i}` } : { name: `N${i}`, owner },
    }),
  );
}

function planFor(records: readonly CustomerRecord[], options: { fields?: readonly FieldKey[]; settings?: GradingSettings; locale?: 'en' | 'zh-CN' } = {}) {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const result = gradeCustomers(records, settings, { today: TODAY });
  const plan = buildWorkbookPlan({ result, settings, locale: options.locale ?? 'en', profileFields: options.fields ?? FIELDS, carriedHeaders: [] });
  return { plan, summary: summarise(result, settings), layout: plan.summaryLayout as SummaryLayout, sheet: plan.sheets.find((s) => s.key === 'summary') as SheetPlan };
}

/** The cell at an absolute A1 address (`$B$3`). */
function cellAt(sheet: SheetPlan, address: string): PlanCell | undefined {
  const m = /^\$([A-Z]+)\$(\d+)$/.exec(address);
  if (!m) throw new Error(`not one absolute cell: ${address}`);
  const column = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheet.cells.find((c) => c.row === Number(m[2]) - 1 && c.column === column);
}
function cellsIn(sheet: SheetPlan, range: string): (PlanCell | undefined)[] {
  const [a, b] = range.split(':') as [string, string];
  const [, col, r1] = /^\$([A-Z]+)\$(\d+)$/.exec(a) as RegExpExecArray;
  const [, col2, r2] = /^\$([A-Z]+)\$(\d+)$/.exec(b) as RegExpExecArray;
  expect(col2).toBe(col); // layout ranges are one column
  const out: (PlanCell | undefined)[] = [];
  for (let r = Number(r1); r <= Number(r2); r++) out.push(cellAt(sheet, `$${col}$${r}`));
  return out;
}
const formulaOf = (cell: PlanCell | undefined): string => (cell?.value?.kind === 'formula' ? cell.value.formula : `not a formula: ${JSON.stringify(cell?.value)}`);

describe('the Summary sheet plan', () => {
  const owners = ['Li', 'Wang', 'Li', undefined, 'Zhang', 'Wang', '', 'Li'];
  const { plan, summary, layout, sheet } = planFor(customersWith(owners));

  test('a sheet keyed summary, named 汇总 in Chinese, after Customers and Settings', () => {
    expect(plan.sheets.map((s) => s.key)).toEqual(['customers', 'settings', 'summary']);
    expect(sheet.name).toBe('Summary');
    expect(planFor(customersWith(owners), { locale: 'zh-CN' }).sheet.name).toBe('汇总');
  });

  test('every block range has one cell per group, and its cells are formulas with the summarise results cached', () => {
    const blocks = [
      [layout.byTier, summary.byTier],
      [layout.bySegment, summary.bySegment],
      [layout.byLifecycle, summary.byLifecycle],
    ] as const;
    for (const [refs, groups] of blocks) {
      expect(refs.rows).toBe(groups.length);
      const cached = (range: string) => cellsIn(sheet, range).map((c) => c?.cachedResult);
      expect(cached(refs.customers)).toEqual(groups.map((g) => g.customers));
      expect(cached(refs.revenue)).toEqual(groups.map((g) => g.revenue));
      expect(cached(refs.customerShare)).toEqual(groups.map((g) => g.customerShare ?? ''));
      expect(cached(refs.revenueShare)).toEqual(groups.map((g) => g.revenueShare ?? ''));
      expect(cached(refs.avgSpend)).toEqual(groups.map((g) => g.avgSpend ?? ''));
      expect(cached(refs.avgRecencyDays)).toEqual(groups.map((g) => g.avgRecencyDays ?? ''));
      for (const range of [refs.labels, refs.customers, refs.revenue, refs.customerShare, refs.revenueShare, refs.avgSpend, refs.avgRecencyDays]) {
        for (const cell of cellsIn(sheet, range)) expect(cell?.value?.kind).toBe('formula');
      }
    }
    expect(cellsIn(sheet, layout.byTier.labels).map((c) => c?.cachedResult)).toEqual(['Prospect', 'New', 'Gold', 'Silver', 'Regular']);
  });

  test('labels read the Settings names, so a rename there renames them here', () => {
    expect(cellsIn(sheet, layout.byTier.labels).map(formulaOf)).toEqual([1, 2, 3, 4, 5].map((k) => `=INDEX(TierNames,${k})`));
    expect(cellsIn(sheet, layout.bySegment.labels).map(formulaOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((k) => `=INDEX(SegmentNames,${k})`));
    expect(cellsIn(sheet, layout.byLifecycle.labels).map(formulaOf)).toEqual([1, 2, 3, 4, 5].map((k) => `=INDEX(LifecycleNames,${k})`));
    expect(layout.ownerByTier?.tiers.map((t) => formulaOf(cellAt(sheet, t.header)))).toEqual([1, 2, 3, 4, 5].map((k) => `=INDEX(TierNames,${k})`));
  });

  test('group figures are COUNTIFS / SUMIFS / AVERAGEIFS over whole table columns, matching the label exactly (operators and wildcards escaped)', () => {
    const [first] = cellsIn(sheet, layout.byTier.customers);
    const criterion = '"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A$18,"~","~~"),"*","~*"),"?","~?")';
    expect(layout.byTier.customers.startsWith('$B$18:')).toBe(true);
    expect(formulaOf(first)).toBe(`=COUNTIFS(Customers[[Tier]],${criterion})`);
    expect(formulaOf(cellsIn(sheet, layout.byTier.revenue)[0])).toBe(`=SUMIFS(Customers[[Spend]],Customers[[Tier]],${criterion})`);
    expect(formulaOf(cellsIn(sheet, layout.byTier.avgRecencyDays)[0])).toBe(`=IFERROR(AVERAGEIFS(Customers[[Recency (days)]],Customers[[Tier]],${criterion}),"")`);
    // No this-row reference anywhere: the sheet is outside the table.
    for (const cell of sheet.cells) if (cell.value?.kind === 'formula') expect(cell.value.formula).not.toContain('[@');
  });

  test('the Pareto line: cumulative revenue share in tier order, ending at 1', () => {
    const cumulative = cellsIn(sheet, layout.byTier.cumulativeRevenueShare).map((c) => c?.cachedResult as number);
    expect(cumulative).toHaveLength(summary.byTier.length);
    expect(cumulative.at(-1)).toBeCloseTo(1, 12);
    for (let i = 1; i < cumulative.length; i++) expect(cumulative[i]).toBeGreaterThanOrEqual(cumulative[i - 1] as number);
  });

  test('segments sorted by customers, descending, equal counts in block order (LARGE over a tie-broken key)', () => {
    const sorted = layout.bySegmentSorted;
    expect(sorted.rows).toBe(8);
    const expected = summary.bySegment.map((g, i) => ({ g, i })).sort((a, b) => b.g.customers - a.g.customers || a.i - b.i);
    expect(cellsIn(sheet, sorted.customers).map((c) => c?.cachedResult)).toEqual(expected.map((x) => x.g.customers));
    const labels = cellsIn(sheet, layout.bySegment.labels).map((c) => c?.cachedResult);
    expect(cellsIn(sheet, sorted.labels).map((c) => c?.cachedResult)).toEqual(expected.map((x) => labels[x.i]));
    expect(formulaOf(cellsIn(sheet, sorted.customers)[0])).toMatch(/^=INDEX\(\$B\$\d+:\$B\$\d+,MATCH\(LARGE\(\$I\$\d+:\$I\$\d+,1\),\$I\$\d+:\$I\$\d+,0\)\)$/);
  });

  test('owners: listed by revenue, then (no owner), then Other = total minus the rows above; every column adds up', () => {
    const o = layout.ownerByTier;
    if (o === null) throw new Error('no owner block');
    const labels = cellsIn(sheet, o.labels).map((c) => (c?.value?.kind === 'text' ? c.value.text : null));
    const named = summary.byOwner.filter((x) => x.owner !== null).map((x) => x.owner);
    expect(labels).toEqual([...named, '(no owner)', 'Other']);
    expect(o.rows).toBe(labels.length);
    const other = cellsIn(sheet, o.customers).at(-1);
    expect(formulaOf(other)).toMatch(/^=\$B\$\d+-SUM\(\$B\$\d+:\$B\$\d+\)$/);
    expect(other?.cachedResult).toBe(0);
    const sum = (range: string) => cellsIn(sheet, range).reduce((a, c) => a + (c?.cachedResult as number), 0);
    expect(sum(o.customers)).toBe(summary.customers);
    expect(Math.round(sum(o.revenue) * 100)).toBe(Math.round(summary.revenue * 100));
    o.tiers.forEach((t, i) => expect(sum(t.customers)).toBe(summary.byTier[i]?.customers));
    // Empty and missing owners together: `=""` matches both.
    const noOwner = cellsIn(sheet, o.customers).at(-2);
    expect(formulaOf(noOwner)).toBe('=SUMPRODUCT(--(Customers[[Owner]]=""))');
    expect(noOwner?.cachedResult).toBe(2);
  });

  test('KPIs: formulas over the table and the blocks, cached from summarise', () => {
    const kpi = (label: string): PlanCell | undefined => {
      const row = sheet.cells.find((c) => c.column === 0 && c.value?.kind === 'text' && c.value.text === label)?.row;
      return sheet.cells.find((c) => c.row === row && c.column === 1);
    };
    expect(formulaOf(kpi('Customers'))).toBe('=ROWS(Customers[[Tier]])');
    expect(kpi('Customers')?.cachedResult).toBe(summary.customers);
    expect(formulaOf(kpi('Customers with a purchase'))).toBe('=COUNTIFS(Customers[[Orders]],">=1")');
    expect(kpi('Revenue')?.cachedResult).toBe(summary.revenue);
    expect(kpi("Top tier's share of revenue")?.cachedResult).toBe(summary.kpis.topTierRevenueShare ?? '');
    expect(kpi('Repeat purchase rate')?.cachedResult).toBe(summary.kpis.repeatRate);
    // No satisfaction column: no formula, a note says why.
    expect(kpi('Average satisfaction (1-5)')).toBeUndefined();
  });

  test('number formats: counts, money, percent', () => {
    expect(cellAt(sheet, (layout.byTier.customers.split(':')[0]) as string)?.numberFormat).toBe('#,##0');
    expect(cellAt(sheet, (layout.byTier.revenue.split(':')[0]) as string)?.numberFormat).toBe('#,##0.00');
    expect(cellAt(sheet, (layout.byTier.revenueShare.split(':')[0]) as string)?.numberFormat).toBe('0.0%');
  });
});

describe('owner block edge cases', () => {
  test('no owner column: no owner block, ownerByTier is null', () => {
    const { layout, sheet } = planFor(customersWith(['Li', 'Wang']), { fields: FIELDS.filter((f) => f !== 'owner') });
    expect(layout.ownerByTier).toBeNull();
    expect(sheet.cells.some((c) => c.value?.kind === 'formula' && c.value.formula.includes('Owner'))).toBe(false);
  });

  test(`more than ${MAX_LISTED_OWNERS} owners: the first ${MAX_LISTED_OWNERS} by revenue are listed, the rest are in Other (cached)`, () => {
    const names = Array.from({ length: MAX_LISTED_OWNERS + 5 }, (_, i) => `Rep ${String(i).padStart(2, '0')}`);
    const { layout, sheet, summary } = planFor(customersWith(names));
    const o = layout.ownerByTier;
    if (o === null) throw new Error('no owner block');
    expect(o.rows).toBe(MAX_LISTED_OWNERS + 1);
    const rest = summary.byOwner.slice(MAX_LISTED_OWNERS);
    expect(cellsIn(sheet, o.customers).at(-1)?.cachedResult).toBe(rest.reduce((a, x) => a + x.customers, 0));
    expect(cellsIn(sheet, o.revenue).at(-1)?.cachedResult).toBeCloseTo(rest.reduce((a, x) => a + x.revenue, 0), 9);
  });

  test('owners COUNTIFS cannot tell apart (case twins, number-like, padded) are counted with EXACT; others with COUNTIFS', () => {
    const { layout, sheet } = planFor(customersWith(['Al', 'al', '007', ' Li ', 'Bo', 'A*b']));
    const o = layout.ownerByTier;
    if (o === null) throw new Error('no owner block');
    const labels = cellsIn(sheet, o.labels).map((c) => (c?.value?.kind === 'text' ? c.value.text : ''));
    const formulas = cellsIn(sheet, o.customers).map(formulaOf);
    const byLabel = new Map(labels.map((l, i) => [l, formulas[i] as string]));
    for (const exact of ['Al', 'al', '007', ' Li ']) expect(byLabel.get(exact)).toMatch(/^=SUMPRODUCT\(--EXACT\(Customers\[\[Owner\]\],\$A\$\d+\)\)$/);
    for (const plain of ['Bo', 'A*b']) expect(byLabel.get(plain)).toMatch(/^=COUNTIFS\(Customers\[\[Owner\]\],"="&SUBSTITUTE/);
  });
});
