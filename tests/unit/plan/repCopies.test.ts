import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { buildRepCopyPlan, buildRepCopyPlans, groupByOwner, type RepCopyInput } from '../../../src/plan/repCopies';
import { NAMES } from '../../../src/plan/formulas';
import type { PlanCell, WorkbookPlan } from '../../../src/plan/types';
import { maskAddress, maskIdNumber } from '../../../src/domain/masking';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { parseIsoDay, type DayNumber } from '../../../src/domain/dates';
import { fixtureRows, gradeOwnersFixture, identifyingTexts } from '../../support/ownersFixture';

const salesRep = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;

function settingsCell(plan: WorkbookPlan, name: string, index = 0): PlanCell {
  const defined = plan.names.find((n) => n.name === name);
  if (!defined) throw new Error(`no name ${name}`);
  const settings = plan.sheets.find((s) => s.key === 'settings');
  const first = defined.address.replace(/\$/g, '').split(':')[0] as string;
  const column = (first.charCodeAt(0) - 65) + index;
  const row = Number(first.slice(1)) - 1;
  const cell = settings?.cells.find((c) => c.row === row && c.column === column);
  if (!cell) throw new Error(`no cell for ${name}[${index}]`);
  return cell;
}

describe('groupByOwner', () => {
  it('groups in one pass: owners in order of first appearance, master order inside, no-owner last', async () => {
    const output = await gradeOwnersFixture();
    const groups = groupByOwner(output.grading.customers);
    expect(groups.map((g) => g.owner)).toEqual(['A?B: Sales', 'CON', 'Li Lei', expect.any(String), expect.any(String), null]);
    expect(new Set(groups.map((g) => g.owner))).toEqual(new Set(['王芳', 'Li Lei', 'A/B: Sales', 'A?B: Sales', 'CON', null]));
    expect(groups.every((g) => g.customers.length === 6)).toBe(true);
    const masterOrder = output.grading.customers.map((c) => c.record.id);
    for (const g of groups) {
      const ids = g.customers.map((c) => c.record.id);
      expect(ids).toEqual(masterOrder.filter((id) => ids.includes(id)));
    }
  });
});

describe('buildRepCopyPlan', () => {
  it('each copy holds only its owner, masks IDs and addresses, and nothing of another owner is anywhere in its plan', async () => {
    const output = await gradeOwnersFixture();
    const input: RepCopyInput = { master: output.planInput, profile: salesRep };
    const rows = fixtureRows();
    const copies = buildRepCopyPlans(input);
    expect(copies).toHaveLength(6);
    for (const copy of copies) {
      const mine = rows.filter((r) => (r['负责人'] || null) === copy.owner);
      const others = rows.filter((r) => (r['负责人'] || null) !== copy.owner);
      const table = copy.plan.tables[0];
      if (!table) throw new Error('no table');
      const column = (key: string): number => table.columns.findIndex((c) => c.key === key);
      const ids = table.rows.map((r) => (r[column('customerId')] as { text: string }).text);
      expect(ids.sort()).toEqual(mine.map((r) => r['客户编号']).sort());
      for (const row of table.rows) {
        const id = (row[column('customerId')] as { text: string }).text;
        const source = mine.find((r) => r['客户编号'] === id) as Record<string, string>;
        expect(row[column('idNumber')]).toEqual({ kind: 'text', text: maskIdNumber(source['身份证号'] as string) });
        expect(row[column('address')]).toEqual({ kind: 'text', text: maskAddress(source['地址'] as string) });
        expect(JSON.stringify(row)).not.toContain(source['身份证号'] === 'unknown-id' ? 'unknown-id' : (source['身份证号'] as string).slice(6, 14));
      }
      const everything = JSON.stringify(copy.plan);
      for (const other of others) {
        for (const textOfOther of identifyingTexts(other)) expect(everything).not.toContain(textOfOther);
        if (other['负责人']) expect(everything).not.toContain(JSON.stringify(other['负责人']).slice(1, -1));
      }
      // The owner dropdown offers exactly this owner (or does not exist for the no-owner copy).
      const ownerList = copy.plan.names.find((n) => n.name === 'OwnerList');
      if (copy.owner === null) expect(ownerList).toBeUndefined();
      else expect(ownerList?.address).toMatch(/^\$[A-Z]+\$\d+$/); // one cell: this owner alone
    }
  });

  it('writes the master as-of date and breakpoints as constants, says so, and keeps the grades the master gave', async () => {
    const output = await gradeOwnersFixture('en');
    const input: RepCopyInput = { master: output.planInput, profile: salesRep };
    const group = groupByOwner(output.grading.customers)[0];
    if (!group) throw new Error('no group');
    const plan = buildRepCopyPlan(input, group);
    const bp = output.grading.breakpoints;
    if (!bp) throw new Error('no breakpoints');
    for (const [name, values] of [[NAMES.rBreaks, bp.recency], [NAMES.fBreaks, bp.frequency], [NAMES.mBreaks, bp.monetary]] as const) {
      values.forEach((value, i) => expect(settingsCell(plan, name, i).value).toEqual({ kind: 'number', value }));
    }
    expect(settingsCell(plan, NAMES.asOf).value).toEqual({ kind: 'date', day: output.grading.asOf });
    const settingsTexts = plan.sheets.find((s) => s.key === 'settings')?.cells.map((c) => (c.value?.kind === 'text' ? c.value.text : '')) ?? [];
    expect(settingsTexts.some((t) => t.includes('fixed values computed over all customers of the master'))).toBe(true);
    expect(settingsTexts.some((t) => t.startsWith('Fixed values from the master workbook'))).toBe(true);
    expect(settingsTexts.some((t) => t.includes('Yellow cells are inputs'))).toBe(false);
    // cached grades are the master's
    const table = plan.tables[0];
    const tierColumn = table?.columns.findIndex((c) => c.key === 'tier') ?? -1;
    const masterTable = output.plan.tables[0];
    const masterIds = masterTable?.rows.map((r) => (r[0] as { text: string }).text) ?? [];
    table?.rows.forEach((row, i) => {
      const masterRow = masterIds.indexOf((row[0] as { text: string }).text);
      expect(table.cachedResults?.[i]?.[tierColumn]).toBe(masterTable?.cachedResults?.[masterRow]?.[tierColumn]);
    });
  });

  it('pins an as-of date of TODAY() to the master date: a copy opened later grades as the master did', async () => {
    const output = await gradeOwnersFixture('en', { asOf: { mode: 'today' } });
    const group = groupByOwner(output.grading.customers)[1];
    if (!group) throw new Error('no group');
    const plan = buildRepCopyPlan({ master: output.planInput, profile: salesRep }, group);
    expect(settingsCell(plan, NAMES.asOf).value).toEqual({ kind: 'date', day: output.grading.asOf });
    expect(JSON.stringify(plan.sheets)).not.toContain('TODAY()');
  });

  it('protects as the sales-rep profile says: its editable columns unlocked, Settings locked, the structure protected', async () => {
    const output = await gradeOwnersFixture('en');
    const group = groupByOwner(output.grading.customers)[0];
    if (!group) throw new Error('no group');
    const plan = buildRepCopyPlan({ master: output.planInput, profile: salesRep }, group);
    const customers = plan.sheets.find((s) => s.key === 'customers');
    expect(customers?.protection).toEqual({ unlockedColumns: ['phone', 'email', 'notes'], allowSort: true, allowAutoFilter: true });
    expect(plan.sheets.find((s) => s.key === 'settings')?.protection).toEqual({ unlockedColumns: [], allowSort: false, allowAutoFilter: true });
    expect(plan.workbookProtection).toEqual({ structure: true });
    expect(JSON.stringify(plan)).not.toMatch(/password/i);
  });

  it('masks a carried column whose header names a masked field (the second address column)', () => {
    const grid = [
      ['客户编号', '负责人', '最近购买日期', '订单数', '消费总额', '地址', '详细地址', '身份证号'],
      ['C1', '王芳', '2024-01-01', '2', '100', '北京市朝阳区建国路88号', '上海市浦东新区世纪大道1号', '11010519491231002X'],
      ['C2', 'Li Lei', '2024-02-01', '1', '50', '广东省深圳市南山区1号', '浙江省杭州市西湖区2号', '440301199001011234'],
    ];
    const output = gradeGrid(grid, { settings: DEFAULT_SETTINGS, locale: 'zh-CN', today: parseIsoDay('2024-07-01') as DayNumber });
    expect(output.planInput.carriedHeaders).toEqual(['详细地址']);
    const [first] = groupByOwner(output.grading.customers);
    if (!first) throw new Error('no group');
    const plan = buildRepCopyPlan({ master: output.planInput, profile: salesRep }, first);
    const text = JSON.stringify(plan.tables);
    expect(text).toContain('"北京市"');
    expect(text).toContain('"上海市"');
    expect(text).not.toContain('世纪大道');
    expect(text).not.toContain('建国路');
    expect(text).toContain('1101**********002X');
    expect(text).not.toContain('Li Lei');
    expect(text).not.toContain('C2');
  });

  it('masks what the profile says: a viewer copy masks phones and emails too, and keeps nothing editable', async () => {
    const output = await gradeOwnersFixture('en');
    const viewer = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'viewer') as RoleProfile;
    const group = groupByOwner(output.grading.customers).find((g) => g.owner === 'Li Lei');
    if (!group) throw new Error('no group');
    const plan = buildRepCopyPlan({ master: output.planInput, profile: viewer }, group);
    const table = plan.tables[0];
    if (!table) throw new Error('no table');
    const phone = table.columns.findIndex((c) => c.key === 'phone');
    const email = table.columns.findIndex((c) => c.key === 'email');
    for (const row of table.rows) {
      expect((row[phone] as { text: string }).text).toMatch(/^(\+86 )?1\d{2}\*{4}\d{4}$/);
      expect((row[email] as { text: string }).text).toMatch(/^u\*\*\*@mail\d\.example\.com$/);
    }
    expect(plan.sheets.find((s) => s.key === 'customers')?.protection?.unlockedColumns).toEqual([]);
  });
});
