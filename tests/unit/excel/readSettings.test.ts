/**
 * readSettings against the typed fake: a real plan applied with applyPlan,
 * then cells edited in the fake workbook as a user would in the Settings
 * sheet; readSettings returns the edits, in one sync (two when the as-of
 * cell holds a date), and null when the workbook has no Tierwise Settings.
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, parseAddress, type FakeExcel } from '../../../src/fake-excel';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { readSettings, sheetOfAddress } from '../../../src/renderers/excel/readSettings';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, type GradingSettings } from '../../../src/domain/settings';
import { dayFromYmd, excelSerialFromDay } from '../../../src/domain/dates';
import type { Locale } from '../../../src/i18n/locale';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import type { WorkbookPlan } from '../../../src/plan/types';
import { day, record } from '../../fixtures/parity/datasets';

const TODAY = day('2024-07-01');
const AUTO_DAY = day('2024-06-21'); // the day after the latest purchase below

function planFor(settings: GradingSettings, locale: Locale): WorkbookPlan {
  const records = [
    record({ id: 'A1', first: '2023-01-10', last: '2024-06-20', f: 12, m: 5400.5 }),
    record({ id: 'A2', first: '2024-05-01', last: '2024-06-01', f: 2, m: 300 }),
    record({ id: 'A3', f: 0, m: 0 }),
  ];
  return buildWorkbookPlan({
    result: gradeCustomers(records, settings, { today: TODAY }),
    settings,
    locale,
    profileFields: ['customerId', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'],
    carriedHeaders: [],
  });
}

async function built(settings: GradingSettings = DEFAULT_SETTINGS, locale: Locale = 'en'): Promise<{ fake: FakeExcel; plan: WorkbookPlan }> {
  const fake = createFakeExcel();
  fake.model.addSheet('Data').setConstant(0, 0, 'ID');
  const plan = planFor(settings, locale);
  await fake.run((context) => applyPlan(context, plan));
  return { fake, plan };
}

/** Sets a cell of the Settings sheet, addressed by a name and the offset inside its range. */
function edit(fake: FakeExcel, plan: WorkbookPlan, name: string, offset: number, value: string | number): void {
  const planned = plan.names.find((n) => n.name === name);
  const sheetName = plan.sheets.find((s) => s.key === 'settings')?.name ?? '';
  const sheet = fake.model.sheet(sheetName);
  if (!planned || !sheet) throw new Error(`no ${name}`);
  const { rect } = parseAddress(planned.address);
  const across = rect.r0 === rect.r1 && rect.c1 > rect.c0;
  sheet.setConstant(rect.r0 + (across ? 0 : offset), rect.c0 + (across ? offset : 0), value);
}

async function read(fake: FakeExcel, autoAsOfDay: ReturnType<typeof day> | null = null) {
  const before = fake.stats().syncs;
  const out = await fake.run((context) => readSettings(context, DEFAULT_SETTINGS, { autoAsOfDay }));
  return { out, syncs: fake.stats().syncs - before };
}

const goldIndex = DEFAULT_SETTINGS.tiers.findIndex((t) => t.key === 'gold');

describe('readSettings', () => {
  test('a workbook without Tierwise sheets gives null, in one sync', async () => {
    const fake = createFakeExcel();
    fake.model.addSheet('Data').setConstant(0, 0, 'ID');
    const { out, syncs } = await read(fake);
    expect(out).toBeNull();
    expect(syncs).toBe(1);
  });

  test('an AsOfDate name on a sheet that is not the Settings sheet gives null', async () => {
    const fake = createFakeExcel();
    fake.model.addSheet('Mine').setConstant(0, 0, 45000);
    await fake.run(async (context) => {
      context.workbook.names.add('AsOfDate', '=Mine!$A$1');
      await context.sync();
    });
    expect((await read(fake)).out).toBeNull();
  });

  test('a name holding a constant or a formula, not a range, reads as missing (getRangeOrNullObject gives a null object)', async () => {
    const { fake } = await built();
    await fake.run(async (context) => {
      context.workbook.names.getItem('ChurnDays').delete();
      context.workbook.names.add('ChurnDays', '=365');
      await context.sync();
    });
    const { out } = await read(fake, AUTO_DAY);
    expect(out?.problems.map((p) => p.name)).toEqual(['ChurnDays']);
    expect(out?.settings.lifecycle.churnedAfterDays).toBe(DEFAULT_SETTINGS.lifecycle.churnedAfterDays);
  });

  test.each(['en', 'zh-CN'] as const)('an untouched %s workbook gives back the settings it was built from', async (locale) => {
    const { fake } = await built(DEFAULT_SETTINGS, locale);
    const { out, syncs } = await read(fake, AUTO_DAY);
    expect(out?.problems).toEqual([]);
    expect(out?.settings).toEqual(DEFAULT_SETTINGS);
    expect(out?.locale).toBe(locale);
    expect(out?.sheetName).toBe(locale === 'en' ? 'Settings' : '设置');
    // The as-of cell holds a date (auto mode): one more sync reads its note.
    expect(syncs).toBe(2);
  });

  test('gold min score 12 and ChurnDays 300 typed in the sheet are read', async () => {
    const { fake, plan } = await built();
    edit(fake, plan, 'TierThresholds', goldIndex, 12);
    edit(fake, plan, 'ChurnDays', 0, 300);
    edit(fake, plan, 'TierNames', goldIndex, 'Premium');
    const { out } = await read(fake, AUTO_DAY);
    expect(out?.problems).toEqual([]);
    const gold = out?.settings.tiers[goldIndex];
    expect(gold?.rule).toEqual({ kind: 'score', minScore: 12 });
    expect(gold?.label).toEqual({ en: 'Premium', zh: '金卡' });
    expect(out?.settings.lifecycle.churnedAfterDays).toBe(300);
  });

  test('=TODAY() is read in one sync', async () => {
    const { fake } = await built({ ...DEFAULT_SETTINGS, asOf: { mode: 'today' } });
    const { out, syncs } = await read(fake);
    expect(out?.settings.asOf).toEqual({ mode: 'today' });
    expect(syncs).toBe(1);
  });

  test('a date typed over the auto date is a fixed as-of date', async () => {
    const { fake, plan } = await built();
    edit(fake, plan, 'AsOfDate', 0, excelSerialFromDay(dayFromYmd(2024, 3, 31)));
    const { out } = await read(fake, AUTO_DAY);
    expect(out?.settings.asOf).toEqual({ mode: 'fixed', day: dayFromYmd(2024, 3, 31) });
  });

  test('text in a threshold cell is a problem naming the sheet cell; the rest is read', async () => {
    const { fake, plan } = await built(DEFAULT_SETTINGS, 'zh-CN');
    edit(fake, plan, 'HighCut', 0, '高');
    edit(fake, plan, 'AtRiskDays', 0, 150);
    const { out } = await read(fake, AUTO_DAY);
    expect(out?.problems.map((p) => [p.name, p.cell])).toEqual([['HighCut', "'设置'!B6"]]);
    expect(out?.problems[0]?.message.zh).toContain("单元格 '设置'!B6");
    expect(out?.settings.highScoreCut).toBe(DEFAULT_SETTINGS.highScoreCut);
    expect(out?.settings.lifecycle.atRiskAfterDays).toBe(150);
  });

  test('a deleted name is a problem, not a failure', async () => {
    const { fake } = await built();
    fake.model.names.delete('churndays');
    const { out } = await read(fake, AUTO_DAY);
    expect(out?.problems.map((p) => p.name)).toEqual(['ChurnDays']);
    expect(out?.settings.lifecycle.churnedAfterDays).toBe(DEFAULT_SETTINGS.lifecycle.churnedAfterDays);
  });

  test('sheetOfAddress', () => {
    expect(sheetOfAddress('Settings!B4')).toBe('Settings');
    expect(sheetOfAddress("'设置'!B4:E4")).toBe('设置');
    expect(sheetOfAddress("'It''s'!A1")).toBe("It's");
    expect(sheetOfAddress('B4')).toBeNull();
  });
});
