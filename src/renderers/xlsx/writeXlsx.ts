/**
 * The .xlsx renderer: writes a WorkbookPlan with exceljs. It only translates
 * the plan; every decision (what is a formula, which format, which colour)
 * was made by the plan builder.
 *
 * File-format rules this renderer owns (DESIGN.md §7):
 * - formulas in file syntax (`_xlfn.` prefixes, full structured references),
 *   see formulaSyntax.ts;
 * - each computed cell carries the TypeScript core's value as its cached
 *   result, so viewers that do not recalculate still show numbers, and the
 *   workbook asks for a full recalculation on load;
 * - table columns with a formula are written as calculated columns
 *   (`calculatedColumnFormula`), so Excel fills the formula into new rows;
 * - validations and conditional formats are added once per range, never per
 *   cell;
 * - text is written as string cells with the `@` format: no text the user
 *   typed is ever stored as a formula (DESIGN.md §6).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type {
  CachedResult,
  CellStyle,
  ConditionalFormatPlan,
  PlanValue,
  SheetKey,
  SheetProtectionPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
  WorkbookProtectionPlan,
} from '../../plan/types';
import type { ProtectionVerifier, ProtectionWriteOptions } from './protectionHash';
import { excelSerialFromDay } from '../../domain/dates';
import { rangeAddress } from '../../plan/a1';
import { toFileFormula } from './formulaSyntax';
import { XlsxWriteError, planRowCount, quoteSheet, targetRange } from './planGeometry';
import { installCalculatedColumnSupport } from './calculatedColumns';
import { BORDER_COLOR, CELL_STYLES, TABLE_HEADER_STYLE, hexColor, type StyleSpec } from './cellStyles';
import { encodeOoxmlText } from './ooxmlText';
// Node only (node:zlib): a browser bundle of this module needs a zlib shim or a split.
import { writeWorkbookXlsxStreaming } from './streamXlsx';
import { addChartsToXlsx } from './charts/exceljsPackage';
import { historyCells, historyRowCount, historySheetFrame, historyToWrite } from './historySheet';

export { XlsxWriteError, type XlsxWriteErrorCode } from './planGeometry';

type CellValue = ExcelJS.CellValue;

/** `#RRGGBB` -> exceljs ARGB. */
function argb(color: string): string {
  return `FF${hexColor(color)}`;
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: `FF${BORDER_COLOR}` } };

/** exceljs style of a PlanCell style (see cellStyles.ts). */
function styleOf(style: CellStyle | undefined): Partial<ExcelJS.Style> {
  if (style === undefined) return {};
  return styleOfSpec(CELL_STYLES[style]);
}

function styleOfSpec(spec: StyleSpec): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (spec.font) {
    out.font = {
      // a font name always: without one LibreOffice falls back to a serif face
      name: 'Calibri',
      size: 11,
      ...(spec.font.bold ? { bold: true } : {}),
      ...(spec.font.italic ? { italic: true } : {}),
      ...(spec.font.size !== undefined ? { size: spec.font.size } : {}),
      ...(spec.font.color !== undefined ? { color: { argb: `FF${spec.font.color}` } } : {}),
    };
  }
  if (spec.fill !== undefined) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${spec.fill}` } };
  if (spec.border === 'thin') out.border = { top: thin, bottom: thin, left: thin, right: thin };
  return out;
}

/** A plan value as an exceljs cell value; `cached` is the result stored with a formula. */
function cellValue(value: PlanValue, cached: CachedResult | undefined, thisRowTable: string | null): CellValue {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      // A string value is always a string cell in exceljs: never parsed as a formula.
      return encodeOoxmlText(value.text);
    case 'number':
      return value.value;
    case 'date':
      // Dates are written as serial numbers (with a date format), which is
      // exact: no time zone conversion of a JS Date can shift the day.
      return excelSerialFromDay(value.day);
    case 'bool':
      return value.value;
    case 'formula':
      return formulaCell(value.formula, cached, thisRowTable);
  }
}

function formulaCell(formula: string, cached: CachedResult | undefined, thisRowTable: string | null): CellValue {
  const file = toFileFormula(formula, thisRowTable);
  if (cached === undefined || cached === null) return { formula: file } as ExcelJS.CellFormulaValue;
  return { formula: file, result: cached } as ExcelJS.CellFormulaValue;
}

interface SheetIndex {
  readonly worksheets: ReadonlyMap<SheetKey, ExcelJS.Worksheet>;
  readonly sheetNames: ReadonlyMap<SheetKey, string>;
}

function sheetOf(index: SheetIndex, key: SheetKey): ExcelJS.Worksheet {
  const ws = index.worksheets.get(key);
  if (!ws) throw new XlsxWriteError('unknown-sheet', `The plan refers to sheet "${key}", which it does not define.`);
  return ws;
}

function writeTable(ws: ExcelJS.Worksheet, table: TablePlan, unlockedColumns: ReadonlySet<string>): void {
  const bodyRows: CellValue[][] = [];
  const n = table.rows.length;
  for (let r = 0; r < Math.max(1, n); r++) {
    const row = table.rows[r];
    const cached = table.cachedResults?.[r];
    const values: CellValue[] = new Array<CellValue>(table.columns.length);
    for (let c = 0; c < table.columns.length; c++) {
      const column = table.columns[c] as TablePlan['columns'][number];
      if (column.formula !== null) {
        values[c] = formulaCell(column.formula, row === undefined ? undefined : cached?.[c], table.name);
      } else {
        values[c] = row === undefined ? null : cellValue(row[c] ?? null, undefined, table.name);
      }
    }
    bodyRows.push(values);
  }
  const ref = rangeAddress(table.row, table.column, table.row, table.column);
  ws.addTable({
    name: table.name,
    ref,
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: table.columns.map((column) => ({
      name: column.header,
      filterButton: true,
      // read by calculatedColumns.ts (not part of exceljs's own model)
      ...(column.formula !== null ? { calculatedColumnFormula: toFileFormula(column.formula, table.name) } : {}),
    })),
    rows: bodyRows,
  });

  // Number formats per column (text columns as '@' so what was typed stays text).
  table.columns.forEach((column, c) => {
    const wsColumn = ws.getColumn(table.column + c + 1);
    wsColumn.width = column.width;
    const numFmt = column.numberFormat;
    const alignment: Partial<ExcelJS.Alignment> | undefined = column.align ? { horizontal: column.align } : undefined;
    const unlocked = unlockedColumns.has(column.key);
    for (let r = 0; r < Math.max(1, n); r++) {
      const cell = ws.getCell(table.row + 2 + r, table.column + c + 1);
      cell.numFmt = numFmt;
      if (alignment) cell.alignment = alignment;
      if (unlocked) cell.protection = { locked: false };
    }
  });
  const headerStyle = styleOfSpec(TABLE_HEADER_STYLE);
  table.columns.forEach((_, c) => {
    const cell = ws.getCell(table.row + 1, table.column + c + 1);
    if (headerStyle.font) cell.font = headerStyle.font;
    if (headerStyle.fill) cell.fill = headerStyle.fill;
    if (headerStyle.border) cell.border = headerStyle.border;
  });
}

function addValidation(ws: ExcelJS.Worksheet, address: string, v: ValidationPlan): void {
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: v.errorTitle,
    error: v.errorMessage,
    ...(v.prompt !== null ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  const rule = v.rule;
  const topLeft = address.split(':')[0] as string;
  let dv: ExcelJS.DataValidation;
  switch (rule.kind) {
    case 'list':
      dv = { ...common, type: 'list', formulae: [toFileFormula(rule.source, null)] };
      break;
    case 'wholeNumber':
    case 'decimal': {
      const type = rule.kind === 'wholeNumber' ? 'whole' : 'decimal';
      dv =
        rule.max === null
          ? { ...common, type, operator: 'greaterThanOrEqual', formulae: [rule.min] }
          : { ...common, type, operator: 'between', formulae: [rule.min, rule.max] };
      break;
    }
    case 'date': {
      // exceljs turns the formula of a `date` validation into a date serial
      // (new Date('TODAY()') is NaN), so the same rule is written as a custom
      // formula relative to the range's top-left cell.
      const limit = toFileFormula(rule.notAfterFormula, null);
      dv = { ...common, type: 'custom', formulae: [`AND(ISNUMBER(${topLeft}),${topLeft}<=${limit})`] };
      break;
    }
    case 'textLength':
      dv = { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] };
      break;
    case 'custom':
      dv = { ...common, type: 'custom', formulae: [toFileFormula(rule.formula, null)] };
      break;
  }
  // exceljs 4.4 has sheet-level range validations (worksheet.dataValidations)
  // but its d.ts does not declare them; the shape is checked by the unit test
  // that reads the written XML back.
  (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(address, dv);
}

function addConditionalFormat(ws: ExcelJS.Worksheet, address: string, cf: ConditionalFormatPlan): void {
  let rule: ExcelJS.ConditionalFormattingRule;
  switch (cf.kind) {
    case 'expression':
      rule = {
        type: 'expression',
        priority: 1,
        formulae: [toFileFormula(cf.formula, null)],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } },
          ...(cf.fontColor !== null ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
        },
      };
      break;
    case 'iconSet': {
      const iconSet = cf.style === 'threeArrows' ? '3Arrows' : cf.style === 'threeTrafficLights' ? '3TrafficLights1' : '3Symbols';
      rule = {
        type: 'iconSet',
        priority: 1,
        iconSet,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: cf.lowAtLeast },
          { type: 'num', value: cf.highAtLeast },
        ],
      } as ExcelJS.ConditionalFormattingRule;
      break;
    }
    case 'colorScale':
      rule = {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: argb(cf.minColor) }, { argb: argb(cf.midColor) }, { argb: argb(cf.maxColor) }],
      } as ExcelJS.ConditionalFormattingRule;
      break;
    case 'dataBar':
      rule = {
        type: 'dataBar',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: { argb: argb(cf.color) },
      } as unknown as ExcelJS.ConditionalFormattingRule; // exceljs's d.ts lacks the dataBar colour it writes
      break;
  }
  ws.addConditionalFormatting({ ref: address, rules: [rule] });
}

/**
 * Builds the exceljs workbook for a plan (exposed for tests that inspect the
 * object model; most callers want {@link writeWorkbookXlsx}).
 */
export function buildExcelWorkbook(plan: WorkbookPlan, protection: ProtectionWriteOptions = {}): ExcelJS.Workbook {
  installCalculatedColumnSupport();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tierwise';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  // Recalculate everything on open: the cached results are the core's, the
  // formulas are the truth.
  wb.calcProperties = { fullCalcOnLoad: true };

  const worksheets = new Map<SheetKey, ExcelJS.Worksheet>();
  const sheetNames = new Map<SheetKey, string>();
  for (const sheet of plan.sheets) {
    const views: Partial<ExcelJS.WorksheetView>[] = sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows, topLeftCell: rangeAddress(sheet.freeze.rows, sheet.freeze.columns, sheet.freeze.rows, sheet.freeze.columns) }]
      : [{ state: 'normal' }];
    const ws = wb.addWorksheet(sheet.name, {
      views,
      // printed (and PDF) output is one page wide, landscape
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
      ...(sheet.tabColor !== null ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    });
    worksheets.set(sheet.key, ws);
    sheetNames.set(sheet.key, sheet.name);
    for (const { column, width } of sheet.columnWidths) ws.getColumn(column + 1).width = width;
    for (const cell of sheet.cells) {
      const target = ws.getCell(cell.row + 1, cell.column + 1);
      target.value = cellValue(cell.value, cell.cachedResult, null);
      const style = styleOf(cell.style);
      if (style.font) target.font = style.font;
      if (style.border) target.border = style.border;
      if (style.fill) target.fill = style.fill;
      if (cell.fill !== undefined) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
      if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
    }
  }
  // Issue 8 §2: the History sheet, after the plan's sheets (historySheet.ts; the streaming writer writes the same cells).
  if (plan.history) {
    const history = historyToWrite(plan.history);
    const frame = historySheetFrame(plan.history, history);
    const freeze = frame.freeze ?? { rows: 0, columns: 0 };
    const ws = wb.addWorksheet(frame.name, {
      views: [{ state: 'frozen', xSplit: freeze.columns, ySplit: freeze.rows, topLeftCell: rangeAddress(freeze.rows, freeze.columns, freeze.rows, freeze.columns) }],
      ...(frame.tabColor !== null ? { properties: { tabColor: { argb: argb(frame.tabColor) } } } : {}),
    });
    for (const { column, width } of frame.columnWidths) ws.getColumn(column + 1).width = width;
    const rows = historyRowCount(history);
    for (let row = 0; row < rows; row++) {
      for (const cell of historyCells(plan.history, history, row)) {
        const target = ws.getCell(row + 1, cell.column + 1);
        target.value = cellValue(cell.value, undefined, null);
        const style = styleOf(cell.style);
        if (style.font) target.font = style.font;
        if (style.border) target.border = style.border;
        if (style.fill) target.fill = style.fill;
        target.numFmt = cell.numberFormat;
      }
    }
  }
  const index: SheetIndex = { worksheets, sheetNames };

  const unlockedBySheet = new Map(plan.sheets.map((sheet) => [sheet.key, new Set(sheet.protection?.unlockedColumns ?? [])] as const));
  for (const table of plan.tables) writeTable(sheetOf(index, table.sheet), table, unlockedBySheet.get(table.sheet) ?? new Set());

  for (const name of plan.names) {
    const sheetName = sheetNames.get(name.sheet);
    if (sheetName === undefined) throw new XlsxWriteError('unknown-sheet', `Defined name ${name.name} points at sheet "${name.sheet}", which the plan does not define.`);
    wb.definedNames.add(`${quoteSheet(sheetName)}!${name.address}`, name.name);
  }

  for (const v of plan.validations) {
    const { sheet, address } = targetRange(plan, v.target);
    addValidation(sheetOf(index, sheet), address, v);
  }
  for (const cf of plan.conditionalFormats) {
    const { sheet, address } = targetRange(plan, cf.target);
    addConditionalFormat(sheetOf(index, sheet), address, cf);
  }
  for (const sheet of plan.sheets) {
    if (sheet.protection) protectSheet(sheetOf(index, sheet.key), sheet.protection, protection.verifier);
  }
  return wb;
}

/**
 * Sheet protection through exceljs's model (`worksheet.protect` would hash
 * the password again, with its own salt, for every sheet): exceljs writes
 * `sort`/`autoFilter` true as "allowed" (`sort="0"`) and objects/scenarios
 * false as locked.
 */
function protectSheet(ws: ExcelJS.Worksheet, plan: SheetProtectionPlan, verifier: ProtectionVerifier | undefined): void {
  const model: Record<string, unknown> = { sheet: true, objects: false, scenarios: false };
  if (plan.allowSort) model.sort = true;
  if (plan.allowAutoFilter) model.autoFilter = true;
  if (verifier) Object.assign(model, { algorithmName: verifier.algorithmName, hashValue: verifier.hashValue, saltValue: verifier.saltValue, spinCount: verifier.spinCount });
  (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection = model;
}

/**
 * exceljs has no workbook protection: `<workbookProtection>` is put into
 * its xl/workbook.xml afterwards (with JSZip), where the schema wants it,
 * right after `<workbookPr>`, before `<bookViews>` or `<sheets>` (ECMA-376
 * Part 1 §18.2.27 CT_Workbook).
 */
async function addWorkbookProtection(bytes: Uint8Array, plan: WorkbookProtectionPlan, verifier: ProtectionVerifier | undefined): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('xl/workbook.xml');
  if (part === null) throw new XlsxWriteError('invalid-plan', 'exceljs wrote no xl/workbook.xml');
  const xml = await part.async('string');
  const attrs = verifier
    ? ` workbookAlgorithmName="${verifier.algorithmName}" workbookHashValue="${verifier.hashValue}" workbookSaltValue="${verifier.saltValue}" workbookSpinCount="${verifier.spinCount}"`
    : '';
  const element = `<workbookProtection${attrs}${plan.structure ? ' lockStructure="1"' : ''}/>`;
  // bookViews is optional (exceljs leaves it out without views); sheets always follows.
  const anchor = xml.includes('<bookViews') ? '<bookViews' : '<sheets>';
  if (!xml.includes(anchor)) throw new XlsxWriteError('invalid-plan', 'exceljs wrote a workbook.xml without <sheets>');
  zip.file('xl/workbook.xml', xml.replace(anchor, `${element}${anchor}`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Which writer produces the file. */
export type XlsxEngine = 'auto' | 'exceljs' | 'streaming';

export interface WriteXlsxOptions {
  /**
   * `exceljs`: exceljs's object model (the reference writer); `streaming`:
   * SpreadsheetML streamed through deflate (streamXlsx.ts), for large plans;
   * `auto`: streaming above {@link STREAMING_ROW_THRESHOLD} rows (tables and sheets).
   * @default 'auto'
   */
  readonly engine?: XlsxEngine;
  /** The password verifier for the plan's protection (issue 7); without one, protection has no password. */
  readonly protection?: ProtectionWriteOptions;
}

/**
 * Above this many rows (planRowCount: tables and every sheet's cells) `auto` uses the streaming writer: exceljs needs
 * about 2 ms and 20 KB of heap per 18-column row, so 100k rows took minutes
 * and gigabytes (bench/xlsx-recalc.ts prints both).
 */
export const STREAMING_ROW_THRESHOLD = 10_000;

/** Writes the plan as an .xlsx file and returns its bytes. */
export async function writeWorkbookXlsx(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const engine = options.engine ?? 'auto';
  // Every row the plan writes, not only the tables': a Quality sheet of 1.8 million
  // import findings beside a 5,000-row table went through exceljs and took 2.7 GB.
  const rows = planRowCount(plan);
  const protection = options.protection ?? {};
  if (engine === 'streaming' || (engine === 'auto' && rows > STREAMING_ROW_THRESHOLD)) return writeWorkbookXlsxStreaming(plan, { protection });
  const wb = buildExcelWorkbook(plan, protection);
  const buffer = await wb.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true });
  // exceljs writes no charts: the chart parts are added to its package (charts/exceljsPackage.ts);
  // nor workbook protection, added to workbook.xml the same way.
  const withCharts = await addChartsToXlsx(new Uint8Array(buffer as ArrayBuffer), plan);
  return plan.workbookProtection ? addWorkbookProtection(withCharts, plan.workbookProtection, protection.verifier) : withCharts;
}
