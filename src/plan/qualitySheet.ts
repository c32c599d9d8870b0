/**
 * Issue 8 §1 in the plan: the Quality sheet (counts by check, then one row
 * per finding) and the Customers table's *Data issues* column.
 *
 * The Data issues column holds the count the core found, written at build
 * (a value, not a live formula): a live COUNTIF over the Quality sheet's ID
 * column compares every customer with every finding on each recalculation
 * (100k customers x ~180k findings: about 2 x 10^10 comparisons; not
 * measured in LibreOffice yet), while the findings themselves only change
 * on a rebuild, which recounts. The sheet's note says so.
 *
 * Safety: every value from the data is a `text` PlanValue; the only formulas
 * are the "Go to" links, built from Tierwise's own sheet name and a row
 * number, never from user text.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { ISSUE_GROUP_LABELS, fillTemplate } from '../i18n/strings';
import type { IssueCode } from '../domain/types';
import { QUALITY_CHECK_NAMES, isRuleKey, type QualityCheckKey, type QualityResult } from '../domain/quality';
import type { CachedResult, ConditionalFormatPlan, PlanCell, PlanValue, SheetPlan, TablePlan, ValidationPlan, WorkbookPlan } from './types';
import { FIELD_HEADERS, SHEET_NAMES } from './strings';
import { QUALITY_TEXT } from './qualityStrings';
import { columnLetter } from './a1';
import { CUSTOMERS_TABLE, MAX_SHEET_ROWS, NUMBER_FORMATS, checkCellText } from './parts/common';
import { uniqueHeader } from './parts/customersTable';
import { SharedValues } from './parts/sharedCells';
import { extendRows } from './parts/tableRows';

/** The Data issues column's cached result: none (its cells are values, not formulas). */
const NO_CACHED_RESULT: readonly CachedResult[] = [null];

export const DATA_ISSUES_KEY = 'dataIssues';
const TAB_COLOR = '#C00000';
const ISSUE_FILL = '#FCE4D6';
const ISSUE_FONT = '#9C0006';

/** Where the Quality sheet's blocks sit (0-based rows), for renderers and tests. */
export interface QualityLayout {
  readonly countsHeaderRow: number;
  readonly findingsHeaderRow: number;
  /** Findings listed (one row each); fewer than the findings when they do not fit in the sheet. */
  readonly findingRows: number;
  /** The row of the "N more findings are not listed" note, or null when every finding is listed. */
  readonly notListedRow: number | null;
}

/** Column order of the findings block. */
export const FINDING_COLUMNS = ['customerId', 'goTo', 'field', 'check', 'value', 'whatToDo', 'sourceRow'] as const;

export function qualityCheckLabel(check: QualityCheckKey): Localized {
  if (isRuleKey(check)) return QUALITY_CHECK_NAMES[check];
  const code = check.slice('import:'.length) as IssueCode;
  const label = ISSUE_GROUP_LABELS[code];
  return { en: `Import: ${label.en}`, zh: `导入：${label.zh}` };
}

const text = (value: string): PlanValue => ({ kind: 'text', text: value });

/** A quoted sheet name inside a formula's link location: `'Customers'`, apostrophes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Adds the Quality sheet and the Data issues column (with its conditional format) to a built plan.
 * `sheetRows` is the worksheet's row limit (Excel's; a test passes a small one): findings beyond
 * it are counted, not listed (a 5-million-line log with ambiguous dates has 1.8 million).
 */
export function withQuality(plan: WorkbookPlan, quality: QualityResult, locale: Locale, sheetRows: number = MAX_SHEET_ROWS): WorkbookPlan {
  const t = (value: Localized): string => pick(value, locale);
  const tableIndex = plan.tables.findIndex((x) => x.name === CUSTOMERS_TABLE);
  const table = plan.tables[tableIndex];
  if (table === undefined) throw new Error('internal: the quality part needs the Customers table');

  // ---- the Data issues column ----------------------------------------------------------
  const used = new Set(table.columns.map((c) => c.header.toLowerCase()));
  const header = uniqueHeader(t(QUALITY_TEXT.dataIssuesHeader), used);
  const keyIndex = table.columns.findIndex((c) => c.key === 'customerId');
  const idAt = (row: readonly PlanValue[]): string => {
    const id = row[keyIndex];
    return id && id.kind === 'text' ? id.text : '';
  };
  // The checks ran over the table's customers in its row order (gradeGrid, gradeJoined): where row i
  // holds checked customer i, its count is read by index. Any other row is found by its ID.
  const isCheckedCustomer = (i: number, id: string): boolean => i < quality.customerCount && quality.customerIdAt(i) === id;
  const counts = new SharedValues();
  const rows = extendRows<PlanValue>(table.rows, (row, i) => {
    const id = idAt(row);
    return [counts.number(isCheckedCustomer(i, id) ? quality.findingCountOf(i) : (quality.findingsByCustomer.get(id) ?? 0))];
  });
  /** The sheet row (1-based) of each ID, built only if a finding's customer is not at its own index. */
  let rowOfId: Map<string, number> | null = null;
  const sheetRowOf = (finding: number, id: string): number | undefined => {
    const customer = quality.findingCustomerAt(finding);
    if (customer >= 0 && customer < table.rows.length && idAt(table.rows[customer]!) === id) return table.row + 2 + customer;
    if (rowOfId === null) {
      rowOfId = new Map();
      for (let i = 0; i < table.rows.length; i++) rowOfId.set(idAt(table.rows[i]!), table.row + 2 + i);
    }
    return rowOfId.get(id);
  };
  const newTable: TablePlan = {
    ...table,
    columns: [...table.columns, { key: DATA_ISSUES_KEY, header, role: 'input', formula: null, numberFormat: NUMBER_FORMATS.count, width: Math.max(10, header.length + 4), align: 'center' }],
    rows,
    ...(table.cachedResults ? { cachedResults: extendRows<CachedResult>(table.cachedResults, () => NO_CACHED_RESULT) } : {}),
  };
  const dataIssuesLetter = columnLetter(table.column + table.columns.length);
  const format: ConditionalFormatPlan = {
    kind: 'expression',
    target: { kind: 'tableColumn', table: CUSTOMERS_TABLE, column: header },
    formula: `=$${dataIssuesLetter}${table.row + 2}>0`,
    fill: ISSUE_FILL,
    fontColor: ISSUE_FONT,
  };

  // ---- input validation of what people type later (dates and satisfaction have theirs: parts/validations.ts) ----
  const validations: ValidationPlan[] = [];
  const letterOf = (key: string): string | null => {
    const index = table.columns.findIndex((c) => c.key === key);
    return index === -1 ? null : `$${columnLetter(table.column + index)}${table.row + 2}`;
  };
  const phone = letterOf('phone');
  if (phone !== null) {
    validations.push({
      target: { kind: 'tableColumn', table: CUSTOMERS_TABLE, column: table.columns.find((c) => c.key === 'phone')!.header },
      rule: { kind: 'custom', formula: phoneValidationFormula(phone) },
      allowBlank: true,
      errorTitle: t(QUALITY_TEXT.phoneTitle),
      errorMessage: t(QUALITY_TEXT.phoneMessage),
      prompt: null,
    });
  }
  const email = letterOf('email');
  if (email !== null) {
    validations.push({
      target: { kind: 'tableColumn', table: CUSTOMERS_TABLE, column: table.columns.find((c) => c.key === 'email')!.header },
      rule: { kind: 'custom', formula: emailValidationFormula(email) },
      allowBlank: true,
      errorTitle: t(QUALITY_TEXT.emailTitle),
      errorMessage: t(QUALITY_TEXT.emailMessage),
      prompt: null,
    });
  }

  // ---- the Quality sheet ----------------------------------------------------------------
  const cells: PlanCell[] = [];
  const put = (row: number, column: number, value: PlanValue, extra: Partial<PlanCell> = {}): void => {
    cells.push({ row, column, value, ...extra });
  };
  put(0, 0, text(t(QUALITY_TEXT.title)), { style: 'title' });
  put(1, 0, text(t(QUALITY_TEXT.note)), { style: 'note' });
  const countsHeaderRow = 3;
  [QUALITY_TEXT.countsCheck, QUALITY_TEXT.countsFindings, QUALITY_TEXT.countsKey].forEach((h, c) => put(countsHeaderRow, c, text(t(h)), { style: 'header' }));
  let row = countsHeaderRow + 1;
  let total = 0;
  for (const { check, count } of quality.counts) {
    put(row, 0, text(t(qualityCheckLabel(check))), { style: 'label' });
    put(row, 1, { kind: 'number', value: count }, { numberFormat: NUMBER_FORMATS.count });
    put(row, 2, text(check), { numberFormat: NUMBER_FORMATS.text, style: 'note' });
    total += count;
    row++;
  }
  if (quality.counts.length === 0) put(row++, 0, text(t(QUALITY_TEXT.none)), { style: 'note' });
  put(row, 0, text(t(QUALITY_TEXT.countsTotal)), { style: 'label' });
  put(row, 1, { kind: 'number', value: total }, { numberFormat: NUMBER_FORMATS.count, style: 'label' });
  row += 2;

  const findingsHeaderRow = row;
  const headers: Record<(typeof FINDING_COLUMNS)[number], Localized> = {
    customerId: QUALITY_TEXT.customerId,
    goTo: QUALITY_TEXT.goTo,
    field: QUALITY_TEXT.field,
    check: QUALITY_TEXT.check,
    value: QUALITY_TEXT.value,
    whatToDo: QUALITY_TEXT.whatToDo,
    sourceRow: QUALITY_TEXT.sourceRow,
  };
  FINDING_COLUMNS.forEach((k, c) => put(findingsHeaderRow, c, text(t(headers[k])), { style: 'header' }));
  const customersSheet = quotedSheet(plan.sheets.find((s) => s.key === 'customers')?.name ?? t(SHEET_NAMES.customers));
  const idLetter = columnLetter(table.column + keyIndex);
  // One cell value per distinct label and field, shared by the rows (a 5-million-line log can list a
  // million findings: a value object per row each would be ~80 MB).
  const sharedTexts = new Map<string, PlanValue>();
  const sharedText = (value: string): PlanValue => {
    let cell = sharedTexts.get(value);
    if (cell === undefined) {
      cell = text(value);
      sharedTexts.set(value, cell);
    }
    return cell;
  };
  const checkLabels = new Map<QualityCheckKey, PlanValue>();
  row = findingsHeaderRow + 1;
  const layout = qualityLayout(quality, sheetRows);
  if (layout.findingsHeaderRow !== findingsHeaderRow) throw new Error('internal: qualityLayout disagrees with the Quality sheet');
  for (let i = 0; i < layout.findingRows; i++) {
    const f = quality.findings[i]!;
    const where = `Quality row ${row + 1}`;
    if (f.customerId !== null) {
      checkCellText(f.customerId, where, t(QUALITY_TEXT.customerId));
      put(row, 0, text(f.customerId), { numberFormat: NUMBER_FORMATS.text });
      const target = sheetRowOf(i, f.customerId);
      if (target !== undefined) {
        // Only Tierwise's sheet name and a number go into the formula; the label is Tierwise's words too.
        const label = fillTemplate(t(QUALITY_TEXT.goToRow), { row: target });
        put(row, 1, { kind: 'formula', formula: `=HYPERLINK("#${customersSheet.replace(/"/g, '""')}!${idLetter}${target}","${label}")` }, { cachedResult: label });
      }
    }
    const field = f.field === null ? (f.column ?? '') : t(FIELD_HEADERS[f.field]);
    if (field !== '') put(row, 2, sharedText(field), { numberFormat: NUMBER_FORMATS.text });
    let label = checkLabels.get(f.check);
    if (label === undefined) {
      label = sharedText(t(qualityCheckLabel(f.check)));
      checkLabels.set(f.check, label);
    }
    put(row, 3, label, { numberFormat: NUMBER_FORMATS.text });
    if (f.value !== null) put(row, 4, text(f.value), { numberFormat: NUMBER_FORMATS.text });
    put(row, 5, text(t(f.message)), { numberFormat: NUMBER_FORMATS.text });
    if (f.row !== null) put(row, 6, { kind: 'number', value: f.row }, { numberFormat: NUMBER_FORMATS.count });
    row++;
  }
  if (layout.notListedRow !== null) {
    const counts = { listed: layout.findingRows.toLocaleString(locale), more: (quality.findings.length - layout.findingRows).toLocaleString(locale) };
    put(layout.notListedRow, 0, text(fillTemplate(t(QUALITY_TEXT.notListed), counts)), { style: 'note' });
  }

  const sheet: SheetPlan = {
    key: 'quality',
    name: t(QUALITY_TEXT.sheetName),
    tabColor: TAB_COLOR,
    freeze: { rows: findingsHeaderRow + 1, columns: 0 },
    columnWidths: [
      { column: 0, width: 18 },
      { column: 1, width: 12 },
      { column: 2, width: 16 },
      { column: 3, width: 30 },
      { column: 4, width: 28 },
      { column: 5, width: 70 },
      { column: 6, width: 10 },
    ],
    cells,
    // Every cell is Tierwise's: a rebuild with fewer findings leaves no old row behind.
    replaceAllCells: true,
  };
  const tables = plan.tables.map((x, i) => (i === tableIndex ? newTable : x));
  // After the Summary (and Charts) sheets.
  return { ...plan, tables, sheets: [...plan.sheets, sheet], conditionalFormats: [...plan.conditionalFormats, format], validations: [...plan.validations, ...validations] };
}

/**
 * The keyboard check of a phone (a validation formula, at most 255
 * characters): only digits once spaces, dashes, brackets and `+` are taken
 * out, and 7 to 20 characters. Looser than the core's check (which knows
 * mobiles and area codes; its findings come on the next rebuild), but it
 * stops letters and stray text at the keyboard. `cell` is the column's first
 * body cell (`$D2`), relative by row.
 */
export function phoneValidationFormula(cell: string): string {
  const digits = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell}," ",""),"-",""),"+",""),"(",""),")","")`;
  return `=AND(LEN(${cell})>=7,LEN(${cell})<=20,ISNUMBER(-${digits}),ISERROR(FIND(".",${cell})),ISERROR(FIND("E",UPPER(${cell}))))`;
}

/** The keyboard check of an email: one `@` not first, a dot at least two characters after it, no space, not ending in a dot. */
export function emailValidationFormula(cell: string): string {
  return `=AND(ISERROR(FIND(" ",${cell})),LEN(${cell})-LEN(SUBSTITUTE(${cell},"@",""))=1,FIND("@",${cell})>1,ISNUMBER(FIND(".",${cell},FIND("@",${cell})+2)),RIGHT(${cell},1)<>".")`;
}

/**
 * The layout of a plan's Quality sheet (tests, renderers). Every finding is listed when it fits
 * in `sheetRows`; otherwise as many as leave the last row for the "not listed" note.
 */
export function qualityLayout(quality: QualityResult, sheetRows: number = MAX_SHEET_ROWS): QualityLayout {
  const countsHeaderRow = 3;
  const countRows = Math.max(1, quality.counts.length);
  const findingsHeaderRow = countsHeaderRow + countRows + 3;
  const room = sheetRows - (findingsHeaderRow + 1);
  if (quality.findings.length <= room) return { countsHeaderRow, findingsHeaderRow, findingRows: quality.findings.length, notListedRow: null };
  const listed = Math.max(0, room - 1);
  return { countsHeaderRow, findingsHeaderRow, findingRows: listed, notListedRow: findingsHeaderRow + 1 + listed };
}
