/**
 * Excel's rules on formulas, names and text lengths that several proxy
 * objects enforce (validation, conditional formats, tables, names).
 */
import { FakeExcelError } from './errors';

/** Structured references (`Table[Col]`, `[@Col]`, `[#This Row]`) outside string literals. */
export function hasStructuredReference(formula: string): boolean {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return /\[/.test(withoutStrings);
}

/** Excel limits a validation formula or inline list to 255 characters (VBA Validation.Add: Formula1 "must not exceed 255 characters",
 * https://learn.microsoft.com/office/vba/api/excel.validation.add). */
export const MAX_VALIDATION_FORMULA = 255;

export function assertConditionFormula(formula: string, where: string): void {
  // MS-XLSX 2.6.4 CT_DataValidationFormula: a validation formula "MUST NOT use ... structure-reference"
  // (https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/20ed0abd-113f-4b8a-8de3-c68e733a300a);
  // conditional formats reject them the same way ("You cannot use references to ... tables", Excel's message).
  if (hasStructuredReference(formula)) {
    throw new FakeExcelError('InvalidArgument', `${where} cannot use structured references (Table[Column]); use A1 references or defined names: ${formula}`);
  }
}

export function assertValidationFormula(value: unknown, where: string): void {
  if (typeof value !== 'string') return;
  if (value.length > MAX_VALIDATION_FORMULA) {
    throw new FakeExcelError('InvalidArgument', `${where} is limited to ${MAX_VALIDATION_FORMULA} characters; got ${value.length}.`);
  }
  if (value.startsWith('=')) assertConditionFormula(value, where);
}

/** Excel's table and defined-name rules: letter, `_` or `\` first; letters, digits, `.` and `_` after; not a cell reference. */
export function assertValidName(name: string, what: string): void {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
    throw new FakeExcelError('InvalidArgument', `"${name}" is not a valid ${what} name.`);
  }
}


export function assertTextLimit(text: string | undefined, max: number, what: string): void {
  if (text !== undefined && text.length > max) {
    throw new FakeExcelError('InvalidArgument', `${what} is limited to ${max} characters; got ${text.length}: "${text.slice(0, 40)}...".`);
  }
}
