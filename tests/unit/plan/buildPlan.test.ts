/**
 * The workbook plan for a small reviewed dataset (5 customers), with explicit
 * expectations, and invariants every plan must keep.
 */
import { describe, expect, test } from '@jest/globals';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, type GradingSettings } from '../../../src/domain/settings';
import type { CustomerRecord } from '../../../src/domain/types';
import { excelSerialFromDay } from '../../../src/domain/dates';
import { PlanError, buildWorkbookPlan, segmentsInFormulaOrder, type PlanInput } from '../../../src/plan/buildPlan';
import type { TablePlan, WorkbookPlan } from '../../../src/plan/types';
import { day, record } from '../../fixtures/parity/datasets';

const TODAY = day('2024-07-01');

function fiveCustomers(): CustomerRecord[] {
  return [
    record({ id: '000123', first: '2023-01-10', last: '2024-06-20', f: 12, m: 5400.5, profile: { name: '张三', owner: 'Li' }, carried: { Region: '华东' } }),
    record({ id: '000124', first: '2024-05-01', last: '2024-06-01', f: 2, m: 300, profile: { name: '=1+1', owner: 'Wang' }, carried: { Region: 'North' } }),
    record({ id: '000125', f: 0, m: 0, profile: { name: 'Prospect', owner: 'Li' }, carried: { Region: null } }),
    record({ id: '123456789012345678', first: '2021-02-01', last: '2023-01-15', f: 5, m: 1200, override: '金卡', profile: { name: 'Old gold', owner: 'Zhang' } }),
    record({ id: '000127', first: '2023-06-01', last: '2024-03-01', f: 3, m: 880, profile: { name: 'Mid', owner: 'Wang' }, carried: { Region: 'East' } }),
  ];
}

function input(locale: 'en' | 'zh-CN', settings: GradingSettings = DEFAULT_SETTINGS, records = fiveCustomers()): PlanInput {
  return {
    result: gradeCustomers(records, settings, { today: TODAY }),
    settings,
    locale,
    profileFields: ['customerId', 'name', 'owner', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend', 'tierOverride'],
    carriedHeaders: ['Region'],
  };
}

function customers(plan: WorkbookPlan): TablePlan {
  const t = plan.tables[0];
  if (!t) throw new Error('no table');
  return t;
}

describe('the plan of a 5-customer list (reviewed)', () => {
  const plan = buildWorkbookPlan(input('en'));
  const table = customers(plan);

  test('sheets, names and table', () => {
    expect(plan.sheets.map((s) => [s.key, s.name, s.freeze])).toEqual([
      ['customers', 'Customers', { rows: 1, columns: 1 }],
      ['settings', 'Settings', null],
      ['summary', 'Summary', null],
      ['charts', 'Charts', null],
    ]);
    expect(table.name).toBe('Customers');
    expect(table.keyColumn).toBe('Customer ID');
    expect(plan.names.map((n) => `${n.name}=${n.address}`)).toEqual([
      'AsOfDate=$B$4',
      'Quantiles=$B$5:$E$5',
      'HighCut=$B$6',
      'R_Breaks=$B$9:$E$9',
      'F_Breaks=$B$10:$E$10',
      'M_Breaks=$B$11:$E$11',
      'ChurnDays=$D$15',
      'AtRiskDays=$D$16',
      'NewDays=$D$17',
      'LifecycleNames=$B$14:$B$18',
      'TierNewDays=$E$22',
      'TierKeys=$A$21:$A$25',
      'TierNames=$B$21:$B$25',
      'TierColors=$C$21:$C$25',
      'TierThresholds=$E$21:$E$25',
      'TierNamesAlt=$F$21:$F$25',
      'SegmentNames=$B$28:$B$35',
      'TypeList=$I$5:$I$8',
      'ConsentList=$J$5:$J$6',
      'SatisfactionList=$K$5:$K$9',
      'OwnerList=$L$5:$L$7',
      // Role profiles (issue 7): the block below the segment map.
      'RoleProfiles=$A$39:$F$56',
      'RoleYesNo=$C$57:$D$57',
    ]);
  });

  test('columns: id first, profile, grading inputs, carried, user entry, computed', () => {
    expect(table.columns.map((c) => [c.key, c.header, c.role, c.numberFormat])).toEqual([
      ['customerId', 'Customer ID', 'input', '@'],
      ['name', 'Name', 'input', '@'],
      ['owner', 'Owner', 'input', '@'],
      ['lastPurchase', 'Last purchase', 'input', 'yyyy-mm-dd'],
      ['firstPurchase', 'First purchase', 'input', 'yyyy-mm-dd'],
      ['orderCount', 'Orders', 'input', '0'],
      ['totalSpend', 'Spend', 'input', '#,##0.00'],
      ['carried:Region', 'Region', 'carried', '@'],
      ['tierOverride', 'Tier override', 'userEntry', '@'],
      ['notes', 'Notes', 'userEntry', '@'],
      ['recencyDays', 'Recency (days)', 'computed', '0'],
      ['r', 'R', 'computed', '0'],
      ['f', 'F', 'computed', '0'],
      ['m', 'M', 'computed', '0'],
      ['rfmCode', 'RFM code', 'computed', '@'],
      ['segment', 'Segment', 'computed', '@'],
      ['tier', 'Tier', 'computed', '@'],
      ['lifecycle', 'Lifecycle', 'computed', '@'],
    ]);
  });

  test('rows: text stays text (formula-like name, 18-digit id), dates as days, computed cells empty', () => {
    const second = table.rows[1] ?? [];
    expect(second[1]).toEqual({ kind: 'text', text: '=1+1' });
    expect(table.rows[3]?.[0]).toEqual({ kind: 'text', text: '123456789012345678' });
    expect(table.rows[0]?.[3]).toEqual({ kind: 'date', day: day('2024-06-20') });
    expect(table.rows[2]?.[3]).toBeNull(); // prospect: no last purchase
    expect(table.rows[3]?.[8]).toEqual({ kind: 'text', text: '金卡' });
    expect(table.rows[2]?.[7]).toBeNull(); // carried null
    for (const row of table.rows) expect(row.slice(10)).toEqual([null, null, null, null, null, null, null, null]);
  });

  test('cached results are the core results, in the locale', () => {
    expect(table.cachedResults?.map((r) => r.slice(10))).toEqual([
      // as-of = the day after the latest purchase, 2024-06-21
      [1, 5, 5, 5, '555', 'Important value', 'Gold', 'Active'],
      [20, 4, 1, 1, '411', 'General to develop', 'New', 'New'], // first purchase 51 days before
      ['', '', '', '', '', '', 'Prospect', 'Potential'],
      [523, 1, 4, 4, '144', 'Important to retain', 'Gold', 'Churned'], // override 金卡
      [112, 2, 2, 2, '222', 'General to win back', 'Regular', 'Active'],
    ]);
  });

  test('computed formulas read the Settings names and compare with four breakpoint cells', () => {
    const f = (key: string) => table.columns.find((c) => c.key === key)?.formula;
    expect(f('recencyDays')).toBe('=IF(AND([@[Orders]]>=1,ISNUMBER([@[Last purchase]])),MAX(0,AsOfDate-[@[Last purchase]]),"")');
    expect(f('f')).toBe(
      '=IF(ISNUMBER([@[Recency (days)]]),1+([@[Orders]]>INDEX(F_Breaks,1))+([@[Orders]]>INDEX(F_Breaks,2))+([@[Orders]]>INDEX(F_Breaks,3))+([@[Orders]]>INDEX(F_Breaks,4)),"")',
    );
    expect(f('r')).toContain('5-([@[Recency (days)]]>INDEX(R_Breaks,1))');
    expect(f('segment')).toBe('=IF(ISNUMBER([@[Recency (days)]]),INDEX(SegmentNames,1+4*([@[M]]<HighCut)+2*([@[R]]<HighCut)+([@[F]]<HighCut)),"")');
    expect(f('rfmCode')).toBe('=IF(ISNUMBER([@[Recency (days)]]),[@[R]]&[@[F]]&[@[M]],"")');
  });

  test('the Settings sheet: as-of value, breakpoint formulas with cached core values, tier swatches', () => {
    const settings = plan.sheets[1];
    const at = (row: number, column: number) => settings?.cells.find((c) => c.row === row && c.column === column);
    const result = input('en').result;
    expect(at(3, 1)?.value).toEqual({ kind: 'date', day: result.asOf });
    expect(at(8, 1)?.value).toEqual({
      kind: 'formula',
      formula: '=IFERROR(AGGREGATE(16,6,Customers[[Recency (days)]]/ISNUMBER(Customers[[Recency (days)]]),INDEX(Quantiles,1)),0)',
    });
    expect(at(8, 1)?.cachedResult).toBe(result.breakpoints?.recency[0]);
    expect(at(10, 4)?.cachedResult).toBe(result.breakpoints?.monetary[3]);
    expect(at(22, 2)).toMatchObject({ value: { kind: 'text', text: '#FFD966' }, fill: '#FFD966' });
    expect(at(22, 4)?.value).toEqual({ kind: 'number', value: 13 });
    const note = settings?.cells.find((c) => c.style === 'note' && c.row === 1);
    expect(note?.value).toMatchObject({ kind: 'text' });
  });

  test('validations by range; list sources are names; localised messages', () => {
    expect(plan.validations.map((v) => [v.target.kind === 'tableColumn' ? v.target.column : '', v.rule.kind, v.rule.kind === 'list' ? v.rule.source : ''])).toEqual([
      ['Tier override', 'list', '=TierNames'],
      ['Owner', 'list', '=OwnerList'],
      ['Last purchase', 'date', ''],
      ['First purchase', 'date', ''],
      ['Orders', 'wholeNumber', ''],
      ['Spend', 'decimal', ''],
      ['', 'list', '=RoleYesNo'],
    ]);
    for (const v of plan.validations) {
      expect(v.errorTitle.length).toBeLessThanOrEqual(32); // Excel's limit
      expect(v.errorMessage.length).toBeLessThanOrEqual(255);
      expect((v.prompt ?? '').length).toBeLessThanOrEqual(255);
    }
  });

  test('conditional formats: tier fills in list order with A1 references, lifecycle fonts, icons, data bar', () => {
    const kinds = plan.conditionalFormats.map((cf) => cf.kind);
    expect(kinds).toEqual(['expression', 'expression', 'expression', 'expression', 'expression', 'expression', 'expression', 'iconSet', 'iconSet', 'iconSet', 'dataBar']);
    const first = plan.conditionalFormats[0];
    expect(first).toEqual({ kind: 'expression', target: { kind: 'tableColumn', table: 'Customers', column: 'Tier' }, formula: '=$Q2=INDEX(TierNames,1)', fill: '#D9D9D9', fontColor: null });
    expect(plan.conditionalFormats[5]).toMatchObject({ formula: '=$R2=INDEX(LifecycleNames,2)', fontColor: '#C00000' });
  });
});

describe('plan invariants', () => {
  const plans = [buildWorkbookPlan(input('en')), buildWorkbookPlan(input('zh-CN'))];

  test.each(plans.map((p) => [p.locale, p] as const))('%s: no per-row PERCENTRANK, RANK or COUNTIF (O(1) per row)', (_locale, plan) => {
    for (const column of customers(plan).columns) {
      expect(column.formula ?? '').not.toMatch(/PERCENTRANK|RANK|COUNTIF|PERCENTILE|AGGREGATE|Customers\[\[/);
    }
  });

  test.each(plans.map((p) => [p.locale, p] as const))('%s: validation and conditional-format formulas use no structured references', (_locale, plan) => {
    const formulas = [
      ...plan.validations.map((v) => (v.rule.kind === 'list' ? v.rule.source : v.rule.kind === 'date' ? v.rule.notAfterFormula : '')),
      ...plan.conditionalFormats.map((cf) => (cf.kind === 'expression' ? cf.formula : '')),
    ];
    for (const f of formulas) expect(f).not.toMatch(/\[/);
  });

  test.each(plans.map((p) => [p.locale, p] as const))('%s: headers unique (case-insensitively) and every name points at written cells', (_locale, plan) => {
    const headers = customers(plan).columns.map((c) => c.header.toLowerCase());
    expect(new Set(headers).size).toBe(headers.length);
    const settings = plan.sheets.find((s) => s.key === 'settings');
    const decode = (a: string): [number, number] => {
      const m = /^([A-Z])(\d+)$/.exec(a);
      return [Number(m?.[2]) - 1, (m?.[1] ?? 'A').charCodeAt(0) - 65];
    };
    // TierThresholds has blank cells for tiers without a threshold (prospect, fallback).
    for (const name of plan.names.filter((n) => n.name !== 'TierThresholds')) {
      const [a, b] = name.address.replace(/\$/g, '').split(':');
      const [r1, c1] = decode(a ?? '');
      const [r2, c2] = decode(b ?? a ?? '');
      // the first and last cells of every named range are written (blank threshold cells inside are fine)
      expect(settings?.cells.some((c) => c.row === r1 && c.column === c1)).toBe(true);
      expect(settings?.cells.some((c) => c.row === r2 && c.column === c2)).toBe(true);
    }
  });

  test('zh-CN: sheet names, headers and labels in Chinese', () => {
    const zh = plans[1] as WorkbookPlan;
    expect(zh.sheets.map((s) => s.name)).toEqual(['客户档案', '设置', '汇总', '图表']);
    expect(customers(zh).columns.slice(-3).map((c) => c.header)).toEqual(['客户分类', '客户等级', '生命周期']);
    expect(customers(zh).cachedResults?.[0]?.slice(-3)).toEqual(['重要价值客户', '金卡', '活跃']);
    expect(zh.validations[0]?.errorMessage).toMatch(/[\u4e00-\u9fff]/);
  });

  test('deterministic: the same input gives the same plan', () => {
    expect(JSON.stringify(buildWorkbookPlan(input('en')))).toBe(JSON.stringify(buildWorkbookPlan(input('en'))));
  });

  test('a changed tier list changes the tier formula; a list without first purchases drops the "new" rules', () => {
    const settings: GradingSettings = {
      ...DEFAULT_SETTINGS,
      tiers: [
        { key: 'vip', label: { en: 'VIP', zh: '贵宾' }, color: '#FF0000', rule: { kind: 'score', minScore: 14 } },
        ...DEFAULT_SETTINGS.tiers,
      ],
    };
    const withVip = customers(buildWorkbookPlan(input('en', settings))).columns.find((c) => c.key === 'tier')?.formula ?? '';
    const plain = customers(plans[0] as WorkbookPlan).columns.find((c) => c.key === 'tier')?.formula ?? '';
    expect(withVip).not.toBe(plain);
    expect(withVip).toContain('INDEX(TierNames,6)');
    expect(plain).not.toContain('INDEX(TierNames,6)');
    const noFirst = fiveCustomers().map((r) => ({ ...r, firstPurchase: null }));
    const plan = buildWorkbookPlan({ ...input('en', DEFAULT_SETTINGS, noFirst), profileFields: ['customerId', 'lastPurchase', 'orderCount', 'totalSpend'] });
    const table = customers(plan);
    expect(table.columns.some((c) => c.key === 'firstPurchase')).toBe(false);
    for (const c of table.columns) expect(c.formula ?? '').not.toContain('First purchase');
  });

  test('regression: a carried header equal to a Tierwise header gets a distinct name', () => {
    const plan = buildWorkbookPlan({ ...input('en'), carriedHeaders: ['Tier', 'tier', ''] });
    const headers = customers(plan).columns.map((c) => c.header);
    expect(headers).toContain('Tier');
    expect(headers).toContain('tier (2)'); // table headers are unique case-insensitively
    expect(headers).toContain('Column');
    // the computed Tier column got a free name too, and its conditional formats follow it
    const tier = customers(plan).columns.find((c) => c.key === 'tier');
    expect(tier?.header).toBe('Tier (3)');
    expect(plan.conditionalFormats[0]?.target).toEqual({ kind: 'tableColumn', table: 'Customers', column: 'Tier (3)' });
  });

  test('the as-of date: TODAY() for mode today, with the core date cached', () => {
    const settings: GradingSettings = { ...DEFAULT_SETTINGS, asOf: { mode: 'today' } };
    const plan = buildWorkbookPlan(input('en', settings));
    const cell = plan.sheets[1]?.cells.find((c) => c.row === 3 && c.column === 1);
    expect(cell?.value).toEqual({ kind: 'formula', formula: '=TODAY()' });
    expect(cell?.cachedResult).toBe(excelSerialFromDay(TODAY));
  });
});

describe('errors', () => {
  test('the segment map is put in formula order whatever its order, and must be complete', () => {
    const reversed = [...DEFAULT_SETTINGS.segments].reverse();
    expect(segmentsInFormulaOrder(reversed).map((s) => s.key)).toEqual(DEFAULT_SETTINGS.segments.map((s) => s.key));
    expect(() => segmentsInFormulaOrder(DEFAULT_SETTINGS.segments.slice(1))).toThrow(expect.objectContaining({ code: 'incomplete-segment-map' }));
  });

  test('text longer than a cell is refused with a typed error', () => {
    const records = fiveCustomers();
    records[0] = { ...(records[0] as CustomerRecord), profile: { name: 'x'.repeat(32_768) } };
    expect(() => buildWorkbookPlan(input('en', DEFAULT_SETTINGS, records))).toThrow(PlanError);
    try {
      buildWorkbookPlan(input('en', DEFAULT_SETTINGS, records));
    } catch (error) {
      expect((error as PlanError).code).toBe('cell-text-too-long');
    }
  });
});
