/**
 * Reading the earlier workbook of `--previous` (issue 8 §2): its History
 * sheet, or — for a workbook built before the history existed — its
 * Customers table's Tier column at its AsOfDate; the typed overrides and
 * notes; refusals naming the file, sheet, row and column.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawGrid } from '../../../src/domain/types';
import { EMPTY_HISTORY, historyInputFrom } from '../../../src/domain/history';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { PreviousWorkbookError, readPreviousWorkbook } from '../../../src/cli/previous';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';

const AS_OF = dayFromYmd(2024, 6, 30);
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: AS_OF } };
const GRID: RawGrid = [
  ['客户编号', '最近购买日期', '购买次数', '消费总额', '手动等级'],
  ['A', '2024-06-01', '30', '90000', ''],
  ['B', '2024-05-01', '5', '5000', '金卡'],
  ['C', '', '0', '0', ''],
];

async function built(withHistory: boolean): Promise<Uint8Array> {
  const { plan } = gradeGrid(GRID, { settings: SETTINGS, locale: 'zh-CN', today: AS_OF, ...(withHistory ? { history: historyInputFrom(EMPTY_HISTORY, AS_OF) } : {}) });
  return writeWorkbookXlsx(plan, { engine: 'exceljs' });
}

describe('readPreviousWorkbook', () => {
  it('a workbook without a History sheet gives its Tier column as one snapshot at its AsOfDate, and its typed overrides', async () => {
    const previous = await readPreviousWorkbook(await built(false), 'old.xlsx');
    expect(previous.from).toBe('customers');
    expect(previous.history.ids).toEqual(['A', 'B', 'C']);
    expect(previous.history.snapshots.map((s) => s.asOf)).toEqual([AS_OF]);
    expect(previous.history.snapshots[0]!.tier).toEqual(['金卡', '金卡', '潜在客户']);
    expect(Object.fromEntries(previous.carried.overrides)).toEqual({ B: '金卡' });
  });

  it('a workbook with a History sheet gives that history', async () => {
    const previous = await readPreviousWorkbook(await built(true), 'last.xlsx');
    expect(previous.from).toBe('history');
    expect(previous.history.snapshots).toHaveLength(1);
    expect(previous.history.snapshots[0]!.spend).toEqual([90000, 5000, 0]);
  });

  it('a damaged History sheet is refused naming the file, the sheet, the row and the column', async () => {
    installCalculatedColumnSupport();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await built(true)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    wb.getWorksheet('分级历史')!.getCell('B2').value = 'soon';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const error = await readPreviousWorkbook(bytes, 'last.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviousWorkbookError);
    expect((error as PreviousWorkbookError).userMessage.en).toBe('--previous last.xlsx: sheet "分级历史": Row 2, column B: "soon" is not a date; each snapshot group starts with its as-of date.');
    expect((error as PreviousWorkbookError).userMessage.zh).toContain('第 2 行第 B 列');
  });

  it('bytes that are not a workbook are refused naming the file', async () => {
    await expect(readPreviousWorkbook(new TextEncoder().encode('id,tier\n'), 'notes.csv')).rejects.toThrow(/--previous notes.csv: cannot be read as an .xlsx workbook/);
  });
  /** A workbook as Excel saves it: shared strings (one in rich-text runs), `t="str"` formula results, entities, no History sheet. */
  async function savedByExcel(rows: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户档案" sheetId="1" r:id="rId1"/><sheet name="设置" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">客户档案!$A$1:$D$3</definedName><definedName name="AsOfDate">设置!$B$2</definedName></definedNames></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    zip.file(
      'xl/sharedStrings.xml',
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>客户编号</t></si><si><t>客户等级</t></si><si><t>手动等级</t></si><si><t>备注</t></si><si><t>A&amp;1</t></si><si><r><rPr><b/></rPr><t>金</t></r><r><t>卡</t></r></si><si><t xml:space="preserve">call &lt;Mon&gt; &#x2713; </t></si><si><t>B</t></si><si><t>评级日期</t></si></sst>',
    );
    zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>${rows}</sheetData></worksheet>`);
    zip.file('xl/worksheets/sheet2.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" s="4"><v>45473</v></c></row></sheetData></worksheet>');
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('reads a workbook as Excel saves it: shared strings, rich-text runs, formula string results, entities, AsOfDate on another sheet', async () => {
    const previous = await readPreviousWorkbook(
      await savedByExcel('<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="str"><f>IF(1,"金卡")</f><v>金卡</v></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c></row><row r="4"><c r="A4" t="s"><v>7</v></c><c r="B4" t="inlineStr"><is><t>银卡</t></is></c></row>'),
      'saved.xlsx',
    );
    expect(previous.from).toBe('customers');
    expect(previous.history.ids).toEqual(['A&1', 'B']);
    expect(previous.history.snapshots.map((s) => s.asOf)).toEqual([AS_OF]);
    expect(previous.history.snapshots[0]!.tier).toEqual(['金卡', '银卡']);
    expect(Object.fromEntries(previous.carried.overrides)).toEqual({ 'A&1': '金卡' });
    expect(Object.fromEntries(previous.carried.notes)).toEqual({ 'A&1': 'call <Mon> ✓ ' });
  });

  it('a customer ID twice in a saved workbook is refused naming the file, the sheet, the row and the column', async () => {
    const error = await readPreviousWorkbook(await savedByExcel('<row r="2"><c r="A2" t="s"><v>7</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><r><t>B</t></r></is></c></row>'), 'saved.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviousWorkbookError);
    expect((error as PreviousWorkbookError).userMessage.en).toBe('--previous saved.xlsx: sheet "客户档案", row 5, column A: customer ID "B" already appears in row 2.');
    expect((error as PreviousWorkbookError).userMessage.zh).toBe('--previous saved.xlsx：工作表“客户档案”第 5 行第 A 列：客户编号“B”已在第 2 行出现。');
  });
});
