/**
 * The Quality sheet and the Data issues column (issue 8 §1), through the real
 * pipeline (gradeGrid), and as both .xlsx writers store them.
 */
import { describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import type { Locale } from '../../../src/i18n/locale';
import type { PlanCell, WorkbookPlan } from '../../../src/plan/types';
import { DATA_ISSUES_KEY, qualityLayout, withQuality } from '../../../src/plan/qualitySheet';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { writeWorkbookXlsxStreaming } from '../../../src/renderers/xlsx/streamXlsx';
import type { RawGrid } from '../../../src/domain/types';
import { buildRepCopyPlans } from '../../../src/plan/repCopies';
import { DEFAULT_ROLE_PROFILES } from '../../../src/domain/roles';
import { unzipText } from '../xlsx/unzip';

const TODAY = dayFromYmd(2025, 1, 1);
export const QUALITY_GRID: RawGrid = [
  ['Customer ID', 'Name', 'Owner', 'Phone', 'Email', 'Region', 'Last purchase', 'Orders', 'Spend', 'Consent'],
  ['C001', '王伟', '李娜', '+86 138-0013-8000', 'wang@example.com', '上海', '2024-11-01', 3, 1200, '是'],
  ['C002', '王伟', '李娜', '13800138000', 'wang@example', '上海', '2024-10-01', 1, 300, ''],
  ['C003', '=HYPERLINK("http://x","y")', '', '021-123', 'c3@example.com', '北京', '2024-09-01', 2, 500, '否'],
  ['C004', 'Li Lei', 'Zhang', '13912345678', 'li@example.com', '广州', '2024-08-01', 4, 900, 'yes'],
];

function run(locale: Locale) {
  return gradeGrid(QUALITY_GRID, { settings: DEFAULT_SETTINGS, locale, today: TODAY });
}

function qualityCells(plan: WorkbookPlan): PlanCell[] {
  const sheet = plan.sheets.find((s) => s.key === 'quality');
  if (!sheet) throw new Error('no Quality sheet');
  return [...sheet.cells];
}

describe('the Quality sheet in the plan', () => {
  test('the report carries counts by check and the findings', () => {
    const { report } = run('en');
    expect(report.quality?.counts).toEqual({
      'duplicate-mobile': 2,
      'duplicate-name-region': 2,
      'invalid-landline': 1,
      'invalid-email': 1,
      'missing-required-field': 1,
      'missing-consent': 1,
      'import:formula-like-text': 1,
    });
    expect(report.quality?.duplicateGroups).toEqual([
      { check: 'duplicate-mobile', key: '13800138000', ids: ['C001', 'C002'] },
      { check: 'duplicate-name-region', key: '王伟 / 上海', ids: ['C001', 'C002'] },
    ]);
    expect(Object.keys(report).slice(-2)).toEqual(['summary', 'quality']);
  });

  test.each<Locale>(['en', 'zh-CN'])('%s: every value cell is text, the only formulas are links built from a row number', (locale) => {
    const { plan } = run(locale);
    const cells = qualityCells(plan);
    const formulas = cells.filter((c) => c.value?.kind === 'formula');
    const customersName = plan.sheets.find((s) => s.key === 'customers')!.name;
    for (const c of formulas) {
      expect(c.column).toBe(1);
      expect(c.value).toEqual({ kind: 'formula', formula: expect.stringMatching(new RegExp(`^=HYPERLINK\\("#'${customersName}'!A(\\d+)","[^"]*\\d+[^"]*"\\)$`)) });
    }
    expect(formulas).toHaveLength(9); // one per finding tied to a customer (2 + 4 + 3)
    // The formula-like name reaches the sheet only as text (the import's finding keeps the value as typed).
    const typedName = cells.filter((c) => JSON.stringify(c.value).includes('http://x'));
    expect(typedName.length).toBeGreaterThan(0);
    for (const c of typedName) expect(c.value?.kind).toBe('text');
    const value = cells.find((c) => c.value?.kind === 'text' && c.value.text === '021-123');
    expect(value?.numberFormat).toBe('@');
  });

  test('the links point at each customer\'s row of the Customers table', () => {
    const { plan } = run('en');
    const cells = qualityCells(plan);
    const idAt = new Map(cells.filter((c) => c.column === 0 && c.value?.kind === 'text').map((c) => [c.row, (c.value as { text: string }).text]));
    const table = plan.tables[0]!;
    for (const c of cells.filter((x) => x.value?.kind === 'formula')) {
      const sheetRow = Number(/!A(\d+)"/.exec((c.value as { formula: string }).formula)![1]);
      const bodyIndex = sheetRow - (table.row + 2);
      expect(table.rows[bodyIndex]![0]).toEqual({ kind: 'text', text: idAt.get(c.row) });
    }
  });

  test('the Data issues column counts each customer\'s findings, with a conditional format', () => {
    const { plan, report } = run('zh-CN');
    const table = plan.tables[0]!;
    const index = table.columns.findIndex((c) => c.key === DATA_ISSUES_KEY);
    expect(table.columns[index]!.header).toBe('数据问题');
    const counts = table.rows.map((r) => r[index]);
    const expected = ['C001', 'C002', 'C003', 'C004'].map((id) => report.quality!.findings.filter((f) => f.customerId === id).length);
    expect(counts).toEqual(expected.map((value) => ({ kind: 'number', value })));
    expect(expected).toEqual([2, 4, 3, 0]);
    expect(table.cachedResults!.every((r) => r.length === table.columns.length)).toBe(true);
    expect(plan.conditionalFormats).toContainEqual(expect.objectContaining({ kind: 'expression', target: { kind: 'tableColumn', table: 'Customers', column: '数据问题' } }));
  });
});

describe('more findings than a worksheet holds', () => {
  function parts(locale: Locale) {
    const { planInput } = run(locale);
    const quality = planInput.quality;
    if (quality === undefined || quality === null) throw new Error('no quality result');
    const { quality: _dropped, ...rest } = planInput;
    return { base: buildWorkbookPlan(rest), quality };
  }

  test.each<Locale>(['en', 'zh-CN'])('%s, regression (1.8 million findings went past row 1,048,576 and made a file Excel cannot open): the sheet lists what fits, then says how many more', (locale) => {
    const { base, quality } = parts(locale);
    const all = qualityLayout(quality);
    expect(all.notListedRow).toBeNull();
    const sheetRows = all.findingsHeaderRow + 1 + 3; // room for 3 rows: 2 findings and the note
    const plan = withQuality(base, quality, locale, sheetRows);
    const layout = qualityLayout(quality, sheetRows);
    expect(layout.findingRows).toBe(2);
    expect(layout.notListedRow).toBe(sheetRows - 1);
    const cells = qualityCells(plan);
    expect(Math.max(...cells.map((c) => c.row))).toBe(sheetRows - 1);
    const listedIds = cells.filter((c) => c.column === 0 && c.row > layout.findingsHeaderRow && c.row < sheetRows - 1);
    expect(listedIds.length).toBeLessThanOrEqual(2);
    const note = cells.find((c) => c.row === sheetRows - 1 && c.column === 0);
    const more = quality.findings.length - 2;
    expect(note?.value).toEqual({ kind: 'text', text: locale === 'en' ? expect.stringContaining(`${more} more do not fit`) : expect.stringContaining(`另有 ${more} 条`) });
    // The counts and the Data issues column still count every finding.
    const total = cells.find((c) => c.column === 1 && c.row === layout.findingsHeaderRow - 2);
    expect(total?.value).toEqual({ kind: 'number', value: quality.findings.length });
    const table = plan.tables.find((t) => t.name === 'Customers')!;
    const k = table.columns.findIndex((c) => c.key === DATA_ISSUES_KEY);
    const counted = table.rows.reduce((sum, r) => sum + ((r[k] as { value: number } | null)?.value ?? 0), 0);
    expect(counted).toBe([...quality.findingsByCustomer.values()].reduce((a, b) => a + b, 0));
  });

  test('findings that exactly fill the sheet are all listed, with no note', () => {
    const { base, quality } = parts('en');
    const sheetRows = qualityLayout(quality).findingsHeaderRow + 1 + quality.findings.length;
    const layout = qualityLayout(quality, sheetRows);
    expect(layout).toMatchObject({ findingRows: quality.findings.length, notListedRow: null });
    const cells = qualityCells(withQuality(base, quality, 'en', sheetRows));
    expect(Math.max(...cells.map((c) => c.row))).toBeLessThan(sheetRows);
    const layoutOneShort = qualityLayout(quality, sheetRows - 1);
    expect(layoutOneShort).toMatchObject({ findingRows: quality.findings.length - 2, notListedRow: sheetRows - 2 });
  });
});

describe('both .xlsx writers store the Quality sheet', () => {
  test.each([
    ['exceljs', writeWorkbookXlsx],
    ['streaming', writeWorkbookXlsxStreaming],
  ] as const)('%s', async (_name, write) => {
    const { plan } = run('en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await write(plan)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Quality');
    expect(sheet).toBeDefined();
    const findingsHeader = qualityCells(plan).find((c) => c.column === 0 && c.value?.kind === 'text' && c.value.text === 'Customer ID')!.row + 1;
    const first = sheet!.getRow(findingsHeader + 1);
    expect(first.getCell(1).value).toBe('C001');
    const link = first.getCell(2).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toMatch(/^HYPERLINK\("#'Customers'!A2","Row 2"\)$/);
    const value = sheet!.getRow(findingsHeader + 1).getCell(5);
    expect(value.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('per-rep copies', () => {
  test("regression: a rep's copy carries no Quality sheet (the master's findings name every owner's customers, unmasked)", () => {
    const { planInput, plan } = run('en');
    expect(plan.sheets.some((s) => s.key === 'quality')).toBe(true);
    const profile = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') ?? DEFAULT_ROLE_PROFILES[0]!;
    const copies = buildRepCopyPlans({ master: planInput, profile });
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.plan.sheets.some((s) => s.key === 'quality')).toBe(false);
      expect(copy.plan.tables[0]!.columns.some((c) => c.key === DATA_ISSUES_KEY)).toBe(false);
    }
  });
});

describe('input validation of phones and emails', () => {
  test.each<Locale>(['en', 'zh-CN'])('%s: custom rules on the Phone and Email columns, with a clear message', (locale) => {
    const { plan } = run(locale);
    const table = plan.tables[0]!;
    const custom = plan.validations.filter((v) => v.rule.kind === 'custom');
    expect(custom.map((v) => v.target)).toEqual([
      { kind: 'tableColumn', table: 'Customers', column: table.columns.find((c) => c.key === 'phone')!.header },
      { kind: 'tableColumn', table: 'Customers', column: table.columns.find((c) => c.key === 'email')!.header },
    ]);
    for (const v of custom) {
      expect(v.rule.kind === 'custom' && v.rule.formula.length).toBeLessThanOrEqual(255);
      expect(v.errorMessage).toMatch(locale === 'en' ? /Type an? / : /请输入/);
    }
    const phoneLetter = String.fromCharCode(65 + table.columns.findIndex((c) => c.key === 'phone'));
    expect(custom[0]!.rule).toEqual({ kind: 'custom', formula: expect.stringContaining(`LEN($${phoneLetter}2)>=7`) });
  });

  test.each([
    ['exceljs', writeWorkbookXlsx],
    ['streaming', writeWorkbookXlsxStreaming],
  ] as const)('%s writes them as custom data validations', async (_name, write) => {
    const { plan } = run('en');
    const files = unzipText(await write(plan));
    const sheetXml = [...files.entries()].find(([name, xml]) => name.startsWith('xl/worksheets/') && xml.includes('type="custom"') && /FIND\((?:"|&quot;)@/.test(xml));
    expect(sheetXml).toBeDefined();
  });
});
