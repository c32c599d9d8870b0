/**
 * Regression: when the source had a Notes/备注 column, the plan made it the
 * table's only notes column with the role `input`, so every rebuild wrote the
 * source's text over what people had typed there. Now the source's notes
 * get their own column and the user's Notes column is never written.
 */
import { describe, expect, it } from '@jest/globals';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import { USER_NOTES_KEY } from '../../../src/plan/buildPlan';
import { createFakeExcel } from '../../../src/fake-excel';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';

const TODAY = dayFromYmd(2024, 7, 1);
const grid = (note: string): string[][] => [
  ['客户编号', '最近购买日期', '订单数', '消费总额', '备注'],
  ['A1', '2024-06-01', '3', '300', note],
  ['A2', '2024-05-01', '1', '80', ''],
];

describe('notes from the source and notes typed in the table', () => {
  it('plans two columns: the source notes (refreshed) and the user notes (never written)', () => {
    const { plan } = gradeGrid(grid('from source'), { settings: DEFAULT_SETTINGS, locale: 'zh-CN', today: TODAY });
    const table = plan.tables[0];
    const notes = table?.columns.filter((c) => c.key === 'notes' || c.key === USER_NOTES_KEY).map((c) => [c.key, c.header, c.role]);
    expect(notes).toEqual([
      ['notes', '备注（来源）', 'input'],
      [USER_NOTES_KEY, '备注', 'userEntry'],
    ]);
  });

  it('keeps what the user typed across a rebuild that changes the source notes', async () => {
    const fake = createFakeExcel();
    const first = gradeGrid(grid('from source'), { settings: DEFAULT_SETTINGS, locale: 'en', today: TODAY });
    await fake.run((context) => applyPlan(context, first.plan, { supports: () => true }));
    const table = fake.model.table('Customers');
    if (!table) throw new Error('no table');
    const userNotes = table.columns.findIndex((c) => c.name === 'Notes');
    const sourceNotes = table.columns.findIndex((c) => c.name === 'Notes (source)');
    expect(userNotes).toBeGreaterThanOrEqual(0);
    expect(sourceNotes).toBeGreaterThanOrEqual(0);
    table.sheet.setConstant(table.firstBodyRow, table.firstColumn + userNotes, 'typed by a person');

    const second = gradeGrid(grid('changed in the CRM'), { settings: DEFAULT_SETTINGS, locale: 'en', today: TODAY });
    await fake.run((context) => applyPlan(context, second.plan, { supports: () => true }));
    const after = fake.model.table('Customers');
    if (!after) throw new Error('no table');
    expect(after.bodyRows).toBe(2);
    expect(after.sheet.formula(after.firstBodyRow, after.firstColumn + userNotes)).toBe('typed by a person');
    expect(after.sheet.formula(after.firstBodyRow, after.firstColumn + sourceNotes)).toBe('changed in the CRM');
  });
});
