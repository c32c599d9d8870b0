/**
 * The fast path of the .xlsx renderer: writes SpreadsheetML directly and
 * streams the Customers sheet through deflate in blocks of rows, so a
 * 100k-customer workbook never exists as one string or as millions of
 * exceljs cell objects. Same plan in, same workbook out as the exceljs path
 * (a unit test reads both back and compares them; the parity tests
 * recalculate both in LibreOffice).
 *
 * Element order inside each part follows the ECMA-376 schema sequence (Excel
 * rejects out-of-order elements): worksheet = sheetPr, dimension, sheetViews,
 * sheetFormatPr, cols, sheetData, conditionalFormatting, dataValidations,
 * pageMargins, pageSetup, drawing (the charts, charts/relationships.ts), tableParts.
 */
import type {
  CachedResult,
  ConditionalFormatPlan,
  HistoryPlan,
  PlanCell,
  PlanValue,
  SheetPlan,
  SheetProtectionPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
  WorkbookProtectionPlan,
} from '../../plan/types';
import { cellAddress, columnLetter, rangeAddress, unescapeStructuredColumn } from '../../plan/a1';
import { excelSerialFromDay } from '../../domain/dates';
import { TABLE_HEADER_STYLE, hexColor } from './cellStyles';
import { toFileFormula } from './formulaSyntax';
import { XlsxWriteError, bodyRowCount, tableRange, targetRange, usedExtent } from './planGeometry';
import { ZipWriter, type TextSink } from './zip';
import { NS_MAIN, XML_HEAD, escapeAttr, escapeText } from './ooxmlText';
import { StyleBook } from './styleBook';
import { chartPackage } from './charts/package';
import { chartContentTypeOverrides } from './charts/contentTypes';
import { drawingElement, sheetDrawingRelationship } from './charts/relationships';
import type { ProtectionVerifier, ProtectionWriteOptions } from './protectionHash';
import { HISTORY_FIELDS, HISTORY_LAYOUT, type GradeHistory } from '../../domain/history';
import { HISTORY_FIELD_FORMATS, historyCells, historyColumnCount, historyRowCount, historySheetFrame, historyToWrite } from './historySheet';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function needsPreserve(text: string): boolean {
  return /^\s|\s$|[\t\n\r]/.test(text);
}

function tElement(text: string): string {
  return needsPreserve(text) ? `<t xml:space="preserve">${escapeText(text)}</t>` : `<t>${escapeText(text)}</t>`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new XlsxWriteError('invalid-plan', `A cell value is not a finite number: ${n}`);
  return String(n);
}

// ---------------------------------------------------------------------------
// cells

function valueCell(ref: string, s: number, value: PlanValue, cached: CachedResult | undefined, thisRowTable: string | null): string {
  const sAttr = s ? ` s="${s}"` : '';
  if (value === null) return s ? `<c r="${ref}"${sAttr}/>` : '';
  switch (value.kind) {
    case 'text':
      // An inline string: text, never a formula, whatever it starts with.
      return `<c r="${ref}"${sAttr} t="inlineStr"><is>${tElement(value.text)}</is></c>`;
    case 'number':
      return `<c r="${ref}"${sAttr}><v>${numberText(value.value)}</v></c>`;
    case 'date':
      return `<c r="${ref}"${sAttr}><v>${excelSerialFromDay(value.day)}</v></c>`;
    case 'bool':
      return `<c r="${ref}"${sAttr} t="b"><v>${value.value ? 1 : 0}</v></c>`;
    case 'formula':
      return formulaCell(ref, sAttr, escapeText(toFileFormula(value.formula, thisRowTable)), cached);
  }
}

function formulaCell(ref: string, sAttr: string, escapedFormula: string, cached: CachedResult | undefined): string {
  return `<c r="${ref}"${cachedTail(sAttr, `<f>${escapedFormula}</f>`, cached)}`;
}

// ---------------------------------------------------------------------------
// sheet parts

function sheetViewsXml(sheet: SheetPlan, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  if (!sheet.freeze || (sheet.freeze.rows === 0 && sheet.freeze.columns === 0)) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const { rows, columns } = sheet.freeze;
  const topLeft = cellAddress(rows, columns);
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}>` +
    `<pane${columns ? ` xSplit="${columns}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function colsXml(widths: readonly { column: number; width: number }[]): string {
  if (widths.length === 0) return '';
  const sorted = [...widths].sort((a, b) => a.column - b.column);
  return `<cols>${sorted.map((w) => `<col min="${w.column + 1}" max="${w.column + 1}" width="${w.width}" customWidth="1"/>`).join('')}</cols>`;
}

function cfXml(address: string, cf: ConditionalFormatPlan, priority: number, styles: StyleBook): string {
  let rule: string;
  switch (cf.kind) {
    case 'expression':
      rule = `<cfRule type="expression" dxfId="${styles.dxf(cf.fill, cf.fontColor)}" priority="${priority}"><formula>${escapeText(toFileFormula(cf.formula, null))}</formula></cfRule>`;
      break;
    case 'iconSet': {
      const set = cf.style === 'threeArrows' ? '3Arrows' : cf.style === 'threeTrafficLights' ? '3TrafficLights1' : '3Symbols';
      rule =
        `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="${set}">` +
        `<cfvo type="num" val="0"/><cfvo type="num" val="${cf.lowAtLeast}"/><cfvo type="num" val="${cf.highAtLeast}"/></iconSet></cfRule>`;
      break;
    }
    case 'colorScale':
      rule =
        `<cfRule type="colorScale" priority="${priority}"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>` +
        `<color rgb="FF${hexColor(cf.minColor)}"/><color rgb="FF${hexColor(cf.midColor)}"/><color rgb="FF${hexColor(cf.maxColor)}"/></colorScale></cfRule>`;
      break;
    case 'dataBar':
      rule = `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF${hexColor(cf.color)}"/></dataBar></cfRule>`;
      break;
  }
  return `<conditionalFormatting sqref="${address}">${rule}</conditionalFormatting>`;
}

function dvXml(address: string, v: ValidationPlan): string {
  const rule = v.rule;
  let attrs: string;
  let formulas: string;
  switch (rule.kind) {
    case 'list':
      attrs = 'type="list"';
      formulas = `<formula1>${escapeText(toFileFormula(rule.source, null))}</formula1>`;
      break;
    case 'wholeNumber':
    case 'decimal': {
      const type = rule.kind === 'wholeNumber' ? 'whole' : 'decimal';
      attrs = rule.max === null ? `type="${type}" operator="greaterThanOrEqual"` : `type="${type}"`;
      formulas = `<formula1>${rule.min}</formula1>${rule.max === null ? '' : `<formula2>${rule.max}</formula2>`}`;
      break;
    }
    case 'date':
      attrs = 'type="date" operator="lessThanOrEqual"';
      formulas = `<formula1>${escapeText(toFileFormula(rule.notAfterFormula, null))}</formula1>`;
      break;
    case 'textLength':
      attrs = 'type="textLength" operator="lessThanOrEqual"';
      formulas = `<formula1>${rule.max}</formula1>`;
      break;
    case 'custom':
      attrs = 'type="custom"';
      formulas = `<formula1>${escapeText(toFileFormula(rule.formula, null))}</formula1>`;
      break;
  }
  const prompt = v.prompt === null ? '' : ` showInputMessage="1" prompt="${escapeAttr(v.prompt)}"`;
  return (
    `<dataValidation ${attrs}${v.allowBlank ? ' allowBlank="1"' : ''}${prompt} showErrorMessage="1" ` +
    `errorTitle="${escapeAttr(v.errorTitle)}" error="${escapeAttr(v.errorMessage)}" sqref="${address}">${formulas}</dataValidation>`
  );
}

// ---------------------------------------------------------------------------
// the workbook

/**
 * How the formulas of a table's calculated columns are written in the cells:
 * - `per-cell`: every cell carries the full structured-reference formula
 *   (what the exceljs writer does);
 * - `shared-structured`: one shared formula per column (ECMA-376 Part 1,
 *   18.3.1.40 `f`, `t="shared"`), structured references kept;
 * - `shared-a1`: one shared formula per column whose this-row references are
 *   A1 relative references (`K2`), whole-column references kept structured.
 * The table part's `calculatedColumnFormula` is structured in every form.
 */
export type TableFormulaForm = 'per-cell' | 'shared-structured' | 'shared-a1';

export interface StreamingWriteOptions {
  /** @default DEFAULT_TABLE_FORMULA_FORM */
  readonly tableFormulas?: TableFormulaForm;
  /** The password verifier for the plan's sheet and workbook protection (none: protected without a password). */
  readonly protection?: ProtectionWriteOptions;
}

/**
 * Shared formulas with structured references are what ships. Why (measured
 * with bench/xlsx-recalc.ts, LibreOffice headless recalculating every cell):
 * the per-cell form makes LibreOffice compile each of the ~800k formula
 * texts of a 100k-customer workbook; a shared formula is compiled once per
 * column. The A1 form (`shared-a1`) is only ~10% faster again and is not
 * used, because Excel flags table cells whose formula is A1 while the
 * column's calculatedColumnFormula is structured as "inconsistent with the
 * calculated column formula" (reported in EPPlus issue #1314:
 * github.com/EPPlusSoftware/EPPlus/issues/1314).
 * Validity: ECMA-376 Part 1 §18.3.1.40 (`f`, t="shared" with `ref`/`si` on
 * the master cell, `si` alone on the others) puts no restriction on what
 * the shared formula contains, and MS-OI29500 §2.1.859 says Office's only
 * extra rules for structure references are their grammar (MS-OE376
 * §3.2.3.1.1), which our `Table[[#This Row],[Col]]` text follows. Not
 * verified in Excel itself (none on the build machine): Excel's own writers
 * and XlsxWriter / rust_xlsxwriter / EPPlus write table column formulas per
 * cell; `per-cell` stays available should Excel ever reject the shared form.
 */
export const DEFAULT_TABLE_FORMULA_FORM: TableFormulaForm = 'shared-structured';

/** Writes the plan as an .xlsx package (fast path). */
export async function writeWorkbookXlsxStreaming(plan: WorkbookPlan, options: StreamingWriteOptions = {}): Promise<Uint8Array> {
  const tableFormulas = options.tableFormulas ?? DEFAULT_TABLE_FORMULA_FORM;
  const styles = new StyleBook();
  const zip = new ZipWriter();
  const sheetIndex = new Map(plan.sheets.map((s, i) => [s.key, i] as const));
  const tablesBySheet = new Map<string, TablePlan[]>();
  for (const table of plan.tables) {
    if (!sheetIndex.has(table.sheet)) throw new XlsxWriteError('unknown-sheet', `Table ${table.name} is on sheet "${table.sheet}", which the plan does not define.`);
    tablesBySheet.set(table.sheet, [...(tablesBySheet.get(table.sheet) ?? []), table]);
  }
  let tableCounter = 0;
  const tableParts: string[] = [];
  let priority = 1;
  const charts = chartPackage(plan);
  // Issue 8 §2: the History sheet after the plan's sheets (historySheet.ts; writeXlsx.ts writes the same cells).
  const history = plan.history ? historyToWrite(plan.history) : null;
  const sheets: readonly SheetPlan[] = plan.history && history ? [...plan.sheets, historySheetFrame(plan.history, history)] : plan.sheets;

  for (const [i, sheet] of sheets.entries()) {
    const drawing = charts.sheets.find((d) => d.sheet === sheet.key);
    const tables = tablesBySheet.get(sheet.key) ?? [];
    const tableIds = tables.map(() => ++tableCounter);
    const cfs = plan.conditionalFormats.map((cf) => ({ cf, ...targetRange(plan, cf.target) })).filter((x) => x.sheet === sheet.key);
    const dvs = plan.validations.map((v) => ({ v, ...targetRange(plan, v.target) })).filter((x) => x.sheet === sheet.key);
    const widths = [...sheet.columnWidths];
    for (const table of tables) table.columns.forEach((c, k) => widths.push({ column: table.column + k, width: c.width }));

    await zip.addStreamed(`xl/worksheets/sheet${i + 1}.xml`, async (sink) => {
      const write = (text: string): void => sink.text(text);
      let { lastRow, lastColumn } = usedExtent(sheet.cells, tables);
      if (sheet.key === 'history' && history) {
        lastRow = Math.max(lastRow, historyRowCount(history) - 1);
        lastColumn = Math.max(lastColumn, 1, historyColumnCount(history) - 1);
      }
      const dimension = lastRow >= 0 ? rangeAddress(0, 0, lastRow, lastColumn) : 'A1';
      write(
        `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
          // fitToPage: printed (and PDF) output is one page wide, landscape
          `<sheetPr>${sheet.tabColor !== null ? `<tabColor rgb="FF${hexColor(sheet.tabColor)}"/>` : ''}<pageSetUpPr fitToPage="1"/></sheetPr>` +
          `<dimension ref="${dimension}"/>${sheetViewsXml(sheet, i === 0)}<sheetFormatPr defaultRowHeight="15"/>${colsXml(widths)}<sheetData>`,
      );
      if (sheet.key === 'history' && plan.history && history) await writeHistoryData(sink, plan.history, history, styles);
      else await writeSheetData(sink, sheet, tables, styles, tableFormulas, new Set(sheet.protection?.unlockedColumns ?? []));
      write('</sheetData>');
      if (sheet.protection) write(sheetProtectionXml(sheet.protection, options.protection?.verifier));
      const cfXmls = cfs.map((x) => cfXml(x.address, x.cf, priority++, styles));
      write(cfXmls.join(''));
      if (dvs.length > 0) write(`<dataValidations count="${dvs.length}">${dvs.map((x) => dvXml(x.address, x.v)).join('')}</dataValidations>`);
      write('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>');
      write('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      if (drawing) write(drawingElement(drawing.relId));
      if (tables.length > 0) write(`<tableParts count="${tables.length}">${tables.map((_, k) => `<tablePart r:id="rIdT${k + 1}"/>`).join('')}</tableParts>`);
      write('</worksheet>');
    });
    if (tables.length > 0 || drawing) {
      zip.add(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
          tables.map((_, k) => `<Relationship Id="rIdT${k + 1}" Type="${NS_REL}/table" Target="../tables/table${tableIds[k]}.xml"/>`).join('') +
          (drawing ? sheetDrawingRelationship(drawing.relId, drawing.drawingFile) : '') +
          '</Relationships>',
      );
    }
    tables.forEach((table, k) => {
      const id = tableIds[k] as number;
      tableParts.push(`/xl/tables/table${id}.xml`);
      zip.add(`xl/tables/table${id}.xml`, tableXml(table, id));
    });
  }

  const sheetNames = new Map(plan.sheets.map((s) => [s.key, s.name] as const));
  const definedNames = plan.names.map((n) => {
    const sheetName = sheetNames.get(n.sheet);
    if (sheetName === undefined) throw new XlsxWriteError('unknown-sheet', `Defined name ${n.name} points at sheet "${n.sheet}", which the plan does not define.`);
    return `<definedName name="${escapeAttr(n.name)}"${n.comment ? ` comment="${escapeAttr(n.comment)}"` : ''}>${escapeText(`'${sheetName.replace(/'/g, "''")}'!${n.address}`)}</definedName>`;
  });
  zip.add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      (plan.workbookProtection ? workbookProtectionXml(plan.workbookProtection, options.protection?.verifier) : '') +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets>' +
      (definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
      // Recalculate on open: cached results are the core's; the formulas are the truth.
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  const stylesRel = sheets.length + 1;
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${stylesRel}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.add('xl/styles.xml', styles.xml());
  for (const part of charts.parts) zip.add(part.path, part.xml);
  zip.add(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      tableParts.map((p) => `<Override PartName="${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`).join('') +
      chartContentTypeOverrides(charts.partNames) +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  return zip.finish();
}

// ---------------------------------------------------------------------------
// protection (ECMA-376 Part 1 §18.3.1.85 sheetProtection, §18.2.29 workbookProtection)

function verifierAttrs(verifier: ProtectionVerifier | undefined, prefix: '' | 'workbook'): string {
  if (verifier === undefined) return '';
  const name = (n: string): string => (prefix === '' ? n : `${prefix}${n[0]?.toUpperCase() ?? ''}${n.slice(1)}`);
  return (
    ` ${name('algorithmName')}="${verifier.algorithmName}" ${name('hashValue')}="${verifier.hashValue}"` +
    ` ${name('saltValue')}="${verifier.saltValue}" ${name('spinCount')}="${verifier.spinCount}"`
  );
}

/**
 * `sort` and `autoFilter` are "protected" flags: 1 (the default) forbids the
 * action, 0 allows it. Objects and scenarios are locked too.
 */
function sheetProtectionXml(protection: SheetProtectionPlan, verifier: ProtectionVerifier | undefined): string {
  return (
    `<sheetProtection${verifierAttrs(verifier, '')} sheet="1" objects="1" scenarios="1"` +
    `${protection.allowSort ? ' sort="0"' : ''}${protection.allowAutoFilter ? ' autoFilter="0"' : ''}/>`
  );
}

function workbookProtectionXml(protection: WorkbookProtectionPlan, verifier: ProtectionVerifier | undefined): string {
  return `<workbookProtection${verifierAttrs(verifier, 'workbook')}${protection.structure ? ' lockStructure="1"' : ''}/>`;
}

function tableXml(table: TablePlan, id: number): string {
  const ref = tableRange(table);
  const columns = table.columns
    .map((c, k) => {
      const name = escapeAttr(c.header);
      if (c.formula === null) return `<tableColumn id="${k + 1}" name="${name}"/>`;
      return `<tableColumn id="${k + 1}" name="${name}"><calculatedColumnFormula>${escapeText(toFileFormula(c.formula, table.name))}</calculatedColumnFormula></tableColumn>`;
    })
    .join('');
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(table.name)}" displayName="${escapeAttr(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Writes the sheet's rows in order: free cells and table rows merged by row number. */
async function writeSheetData(
  sink: TextSink,
  sheet: SheetPlan,
  tables: readonly TablePlan[],
  styles: StyleBook,
  form: TableFormulaForm,
  unlockedColumns: ReadonlySet<string>,
): Promise<void> {
  const cellsByRow = new Map<number, PlanCell[]>();
  for (const cell of sheet.cells) {
    const onRow = cellsByRow.get(cell.row);
    if (onRow === undefined) cellsByRow.set(cell.row, [cell]);
    else onRow.push(cell);
  }
  // Per-table precomputation: styles and file formulas once per column, not per cell.
  let sharedIndex = 0; // `si` of shared formulas: unique within the sheet
  const prepared = tables.map((table) => {
    const columnStyles = table.columns.map((c) => styles.xf(c.align ? { align: c.align } : {}, c.numberFormat, undefined, unlockedColumns.has(c.key)));
    const letters = table.columns.map((_, k) => columnLetter(table.column + k));
    const firstBodyRow = table.row + 2; // 1-based row of the first body row
    const lastBodyRow = table.row + 1 + bodyRowCount(table);
    return {
      table,
      headerStyle: styles.xf(TABLE_HEADER_STYLE, undefined),
      columnStyles,
      // The `<f>` of a computed cell: `first` in the first body row (the
      // shared formula's master cell), `rest` in every other row.
      formulaTails: table.columns.map((c, k) => {
        if (c.formula === null) return null;
        const s = ` s="${columnStyles[k] as number}"`;
        const structured = toFileFormula(c.formula, table.name);
        if (form === 'per-cell') {
          const f = `<f>${escapeText(structured)}</f>`;
          return { s, first: f, rest: f };
        }
        const text = form === 'shared-a1' ? thisRowToA1(structured, table, firstBodyRow) : structured;
        const si = sharedIndex++;
        const ref = `${letters[k] as string}${firstBodyRow}:${letters[k] as string}${lastBodyRow}`;
        return { s, first: `<f t="shared" ref="${ref}" si="${si}">${escapeText(text)}</f>`, rest: `<f t="shared" si="${si}"/>` };
      }),
      letters,
    };
  });
  const { lastRow } = usedExtent(sheet.cells, tables);
  for (let row = 0; row <= lastRow; row++) {
    const excelRow = row + 1;
    const free = cellsByRow.get(row);
    const pieces: { column: number; xml: string }[] = [];
    for (const cell of free ?? []) {
      const s = styles.cellXf(cell.style, cell.numberFormat, cell.fill);
      pieces.push({ column: cell.column, xml: valueCell(cellAddress(row, cell.column), s, cell.value, cell.cachedResult, null) });
    }
    let tableRowWritten = false;
    for (const p of prepared) {
      const { table } = p;
      const r = row - table.row;
      if (r < 0 || r > bodyRowCount(table)) continue;
      if (r === 0) {
        table.columns.forEach((c, k) => {
          pieces.push({ column: table.column + k, xml: valueCell(`${p.letters[k]}${excelRow}`, p.headerStyle, { kind: 'text', text: c.header }, undefined, null) });
        });
        continue;
      }
      const values = table.rows[r - 1];
      const cached = table.cachedResults?.[r - 1];
      if (pieces.length === 0 && prepared.length === 1) {
        // The common case (a body row of the one table, nothing else on the
        // row): written straight into the sink, no per-cell objects.
        sink.text(`<row r="${excelRow}">`);
        for (let k = 0; k < table.columns.length; k++) {
          const tail = p.formulaTails[k];
          if (tail) {
            // Pieces written separately: the long formula text is copied, never concatenated.
            const result = values === undefined ? undefined : cached?.[k];
            const [open, close] = cachedParts(result);
            sink.text(`<c r="${p.letters[k]}${excelRow}"${tail.s}${open}>`);
            sink.text(r === 1 ? tail.first : tail.rest);
            sink.text(close);
          } else {
            sink.text(valueCell(`${p.letters[k]}${excelRow}`, p.columnStyles[k] as number, values?.[k] ?? null, undefined, table.name));
          }
        }
        sink.text('</row>');
        tableRowWritten = true;
        continue;
      }
      for (let k = 0; k < table.columns.length; k++) {
        const ref = `${p.letters[k]}${excelRow}`;
        const tail = p.formulaTails[k];
        const xml = tail
          ? `<c r="${ref}"${cachedTail(tail.s, r === 1 ? tail.first : tail.rest, values === undefined ? undefined : cached?.[k])}`
          : valueCell(ref, p.columnStyles[k] as number, values?.[k] ?? null, undefined, table.name);
        pieces.push({ column: table.column + k, xml });
      }
    }
    if (!tableRowWritten && pieces.length > 0) {
      pieces.sort((a, b) => a.column - b.column);
      sink.text(`<row r="${excelRow}">${pieces.map((x) => x.xml).join('')}</row>`);
    }
    if ((row & 1023) === 0) await sink.flushIfFull();
  }
}

/**
 * The History sheet's rows, streamed: no per-sheet cell list (100,000
 * customers x 24 snapshots is 16.8 million cells). The title, date and
 * header rows go through historyCells (the cells writeXlsx.ts writes too);
 * customer rows are written straight from the snapshot columns with the
 * same formats, column letters and styles computed once.
 */
async function writeHistoryData(sink: TextSink, plan: HistoryPlan, history: GradeHistory, styles: StyleBook): Promise<void> {
  const L = HISTORY_LAYOUT;
  for (let row = 0; row < L.firstDataRow; row++) {
    const cells = historyCells(plan, history, row);
    sink.text(`<row r="${row + 1}">${cells.map((cell) => valueCell(cellAddress(row, cell.column), styles.cellXf(cell.style, cell.numberFormat), cell.value, undefined, null)).join('')}</row>`);
  }
  const letters = Array.from({ length: historyColumnCount(history) }, (_, c) => columnLetter(c));
  const fieldStyles = HISTORY_FIELDS.map((f) => ` s="${styles.cellXf(undefined, HISTORY_FIELD_FORMATS[f])}"`);
  const idStyle = ` s="${styles.cellXf(undefined, HISTORY_FIELD_FORMATS.tier)}"`;
  const columns = history.snapshots.map((snapshot) => HISTORY_FIELDS.map((f) => snapshot[f]));
  const parts: string[] = [];
  for (let i = 0; i < history.ids.length; i++) {
    const r = L.firstDataRow + i + 1;
    parts.length = 0;
    parts.push(`<row r="${r}"><c r="${letters[L.idColumn] as string}${r}"${idStyle} t="inlineStr"><is>${tElement(history.ids[i] as string)}</is></c>`);
    let column = L.firstGroupColumn;
    for (const group of columns) {
      for (let k = 0; k < group.length; k++, column++) {
        const value = (group[k] as readonly (string | number | null)[])[i];
        if (value === null || value === undefined) continue;
        const ref = `${letters[column] as string}${r}`;
        parts.push(typeof value === 'number' ? `<c r="${ref}"${fieldStyles[k] as string}><v>${numberText(value)}</v></c>` : `<c r="${ref}"${fieldStyles[k] as string} t="inlineStr"><is>${tElement(value)}</is></c>`);
      }
    }
    parts.push('</row>');
    sink.text(parts.join(''));
    if ((i & 1023) === 0) await sink.flushIfFull();
  }
}

/** A formula cell's type attribute and what follows its `<f>`: the cached value and `</c>`. */
function cachedParts(cached: CachedResult | undefined): [typeAttr: string, after: string] {
  if (cached === undefined || cached === null) return ['', '</c>'];
  if (typeof cached === 'number') return ['', `<v>${numberText(cached)}</v></c>`];
  if (typeof cached === 'boolean') return [' t="b"', `<v>${cached ? 1 : 0}</v></c>`];
  return [' t="str"', `<v>${escapeText(cached)}</v></c>`];
}

/** The rest of a formula cell after `<c r="A1"`: style, type, formula and cached value. */
function cachedTail(sAttr: string, fElement: string, cached: CachedResult | undefined): string {
  const [typeAttr, after] = cachedParts(cached);
  return `${sAttr}${typeAttr}>${fElement}${after}`;
}

/**
 * Rewrites the this-row structured references of a file-syntax formula
 * (`Customers[[#This Row],[Orders]]`) as A1 relative references to the cell
 * of that column in `excelRow` (`F2`); whole-column references
 * (`Customers[Orders]`) and string literals are left as they are.
 */
export function thisRowToA1(fileFormula: string, table: TablePlan, excelRow: number): string {
  const marker = `${table.name}[[#This Row],[`;
  let out = '';
  let i = 0;
  while (i < fileFormula.length) {
    const c = fileFormula[i] as string;
    if (c === '"') {
      const close = stringLiteralEnd(fileFormula, i);
      out += fileFormula.slice(i, close);
      i = close;
      continue;
    }
    const previous = out.charAt(out.length - 1);
    if (fileFormula.startsWith(marker, i) && !/[A-Za-z0-9_.\\]/.test(previous)) {
      // the column name runs to the first `]` not escaped by `'`
      let j = i + marker.length;
      while (j < fileFormula.length && fileFormula[j] !== ']') j += fileFormula[j] === "'" ? 2 : 1;
      if (fileFormula.slice(j, j + 2) !== ']]') throw new XlsxWriteError('invalid-plan', `Malformed this-row reference in: ${fileFormula}`);
      const header = unescapeStructuredColumn(fileFormula.slice(i + marker.length, j));
      const index = table.columns.findIndex((col) => col.header === header);
      if (index < 0) throw new XlsxWriteError('unknown-table-column', `Table ${table.name} has no column "${header}" (in: ${fileFormula})`);
      out += `${columnLetter(table.column + index)}${excelRow}`;
      i = j + 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Index after the closing quote of the string literal opening at `start` (`""` is an escaped quote). */
function stringLiteralEnd(formula: string, start: number): number {
  for (let j = start + 1; j < formula.length; j++) {
    if (formula[j] !== '"') continue;
    if (formula[j + 1] === '"') {
      j++;
      continue;
    }
    return j + 1;
  }
  throw new XlsxWriteError('invalid-plan', `Unclosed string in formula: ${formula}`);
}
