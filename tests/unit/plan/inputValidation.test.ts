/**
 * Issue 8 §1: "the phone, email, date and satisfaction columns get data
 * validation with a clear error message, so a wrong value is stopped at the
 * keyboard". Every one of those columns, in both languages, in the plan, in
 * the Office.js build (typed fake Excel) and in both .xlsx writers.
 */
import { describe, expect, test } from '@jest/globals';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import type { Locale } from '../../../src/i18n/locale';
import type { ValidationPlan, WorkbookPlan } from '../../../src/plan/types';
import { createFakeExcel, FakeWorkbookModel } from '../../../src/fake-excel';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { writeWorkbookXlsxStreaming } from '../../../src/renderers/xlsx/streamXlsx';
import type { RawGrid } from '../../../src/domain/types';
import { unzipText } from '../xlsx/unzip';

const GRID: RawGrid = [
  ['Customer ID', 'Name', 'Phone', 'Email', 'First purchase', 'Last purchase', 'Last contact', 'Satisfaction', 'Orders', 'Spend'],
  ['C001', '王伟', '13800138000', 'wang@example.com', '2023-01-05', '2024-11-01', '2024-12-01', 5, 3, 1200],
  ['C002', 'Li Lei', '021-6552-9988', 'li@example.com', '2022-03-01', '2024-10-01', '2024-06-01', 2, 1, 300],
];

/** The columns the issue names, and the kind of rule each gets. */
const EXPECTED: readonly (readonly [string, ValidationPlan['rule']['kind']])[] = [
  ['phone', 'custom'],
  ['email', 'custom'],
  ['firstPurchase', 'date'],
  ['lastPurchase', 'date'],
  ['lastContact', 'date'],
  ['satisfaction', 'list'],
];

function planFor(locale: Locale): WorkbookPlan {
  return gradeGrid(GRID, { settings: DEFAULT_SETTINGS, locale, today: dayFromYmd(2025, 1, 1) }).plan;
}

function validationOf(plan: WorkbookPlan, key: string): ValidationPlan {
  const table = plan.tables[0]!;
  const header = table.columns.find((c) => c.key === key)?.header;
  if (header === undefined) throw new Error(`no ${key} column`);
  const found = plan.validations.filter((v) => v.target.kind === 'tableColumn' && v.target.column === header);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the plan: each column the issue names has a validation with a clear message', () => {
  test.each<Locale>(['en', 'zh-CN'])('%s', (locale) => {
    const plan = planFor(locale);
    for (const [key, kind] of EXPECTED) {
      const v = validationOf(plan, key);
      expect([key, v.rule.kind]).toEqual([key, kind]);
      expect(v.allowBlank).toBe(true);
      expect(v.errorTitle.length).toBeGreaterThan(0);
      expect(v.errorMessage.length).toBeGreaterThan(10);
      // The message is in the workbook's language.
      if (locale === 'zh-CN') expect(v.errorMessage).toMatch(/[\u4e00-\u9fff]/);
      else expect(v.errorMessage).toMatch(/^[\x20-\x7e]+$/);
    }
    const date = validationOf(plan, 'lastContact').rule;
    expect(date).toEqual({ kind: 'date', notAfterFormula: '=TODAY()' });
    expect(validationOf(plan, 'satisfaction').rule).toEqual({ kind: 'list', source: '=SatisfactionList' });
  });

  test('the date message says what to type; the satisfaction message names 1 to 5', () => {
    const en = planFor('en');
    expect(validationOf(en, 'firstPurchase').errorMessage).toMatch(/yyyy-mm-dd/);
    expect(validationOf(en, 'satisfaction').errorMessage).toMatch(/1 to 5/);
    expect(validationOf(planFor('zh-CN'), 'satisfaction').errorMessage).toMatch(/1 到 5/);
  });
});

describe('the Office.js build writes them (typed fake Excel)', () => {
  test.each<Locale>(['en', 'zh-CN'])('%s: a rule and a stop alert with the message on each column', async (locale) => {
    const plan = planFor(locale);
    const model = new FakeWorkbookModel();
    model.addSheet('Data');
    await applyPlan(createFakeExcel({ model }).context, plan, {});
    const table = plan.tables[0]!;
    const sheet = model.sheet(plan.sheets.find((s) => s.key === 'customers')!.name)!;
    for (const [key, kind] of EXPECTED) {
      const column = table.column + table.columns.findIndex((c) => c.key === key);
      const onColumn = sheet.validations.filter((v) => v.rect.c0 <= column && column <= v.rect.c1 && v.rect.r0 === table.row + 1);
      expect(onColumn).toHaveLength(1);
      const written = onColumn[0]!;
      const excelKind = kind === 'list' ? 'list' : kind === 'date' ? 'date' : 'custom';
      expect(Object.keys(written.rule)).toEqual([excelKind]);
      expect(written.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', message: validationOf(plan, key).errorMessage });
    }
  });
});

describe('both .xlsx writers write them', () => {
  // exceljs cannot hold TODAY() in a date rule (it makes the formula a date serial), so that writer stores
  // the same rule as a custom formula (writeXlsx.ts); the streaming writer stores a date rule.
  test.each([
    ['exceljs', writeWorkbookXlsx, /type="custom"[\s\S]*<formula1>AND\(ISNUMBER\([A-Z]+2\),[A-Z]+2&lt;=TODAY\(\)\)<\/formula1>/],
    ['streaming', writeWorkbookXlsxStreaming, /type="date"[\s\S]*TODAY\(\)/],
  ] as const)('%s: date, list and custom rules with their messages', async (_name, write, dateRule) => {
    const plan = planFor('zh-CN');
    const xml = [...unzipText(await write(plan)).entries()].filter(([name]) => name.startsWith('xl/worksheets/')).map(([, text]) => text).join('\n');
    const validations = xml.match(/<dataValidation [^>]*>[\s\S]*?<\/dataValidation>/g) ?? [];
    const of = (message: string) => validations.filter((v) => v.includes(`error="${message}"`));
    // The three date columns share one message; each is a date rule up to TODAY().
    const dates = of(validationOf(plan, 'lastContact').errorMessage);
    expect(dates).toHaveLength(3);
    for (const v of dates) {
      expect(v).toMatch(dateRule);
      expect(v).toMatch(/showErrorMessage="1"/);
    }
    const satisfaction = of(validationOf(plan, 'satisfaction').errorMessage);
    expect(satisfaction).toHaveLength(1);
    expect(satisfaction[0]).toMatch(/type="list"/);
    expect(satisfaction[0]).toMatch(/SatisfactionList/);
    for (const key of ['phone', 'email']) expect(of(validationOf(plan, key).errorMessage)[0]).toMatch(/type="custom"/);
  });
});
