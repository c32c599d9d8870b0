/**
 * Proxy objects of the fake Excel, typed against @types/office-js: each class
 * `implements Pick<Excel.X, ...>` of the members Tierwise uses, so a
 * misspelled or mistyped member does not compile. Setters and methods queue
 * operations; `load()` + `sync()` make properties readable; reading before
 * that throws `PropertyNotLoaded` (Microsoft: "Call load on an object",
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 *
 * Objects are exposed to callers as the real Excel types through
 * {@link expose}, the one place where a fake object is cast to an Excel type.
 *
 * This file is the entry point; the classes live in modules by what they
 * fake: client.ts (the base class, expose, load bookkeeping), rules.ts
 * (Excel's name, formula and text rules), range.ts, formats.ts,
 * validation.ts, conditionalFormats.ts, worksheets.ts, tables.ts, names.ts
 * and workbook.ts (request context, workbook, application). Where two of them
 * need each other's classes at run time (range.ts and validation.ts,
 * worksheets.ts and tables.ts), they use them only inside methods, so either
 * can load first; a class extends only a class of a module outside its cycle.
 */
export { expose, FakeClientObject, fakeParts } from './client';
export { hasStructuredReference, MAX_VALIDATION_FORMULA } from './rules';
export { FakeRange } from './range';
export {
  FakeRangeFormat,
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  FakeRangeFill,
  FakeRangeFont,
  FakeFormatProtection,
} from './formats';
export { MAX_ALERT_TITLE, MAX_ALERT_MESSAGE, MAX_PROMPT_MESSAGE, FakeDataValidation } from './validation';
export {
  FakeConditionalFormatCollection,
  FakeConditionalFormat,
  FakeCustomConditionalFormat,
  FakeConditionalFormatRule,
  FakeConditionalRangeFormat,
  FakeConditionalRangeFill,
  FakeConditionalRangeFont,
  FakeIconSetConditionalFormat,
  FakeColorScaleConditionalFormat,
  FakeDataBarConditionalFormat,
  FakeDataBarPositiveFormat,
} from './conditionalFormats';
export {
  registerChartCollection,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetProtection,
  FakeWorksheetFreezePanes,
} from './worksheets';
export {
  assertTableCanGrow,
  FakeTableCollection,
  FakeTable,
  FakeTableColumnCollection,
  FakeTableColumn,
  FakeTableRow,
  FakeTableRowCollection,
} from './tables';
export { FakeNamedItem, FakeNamedItemCollection } from './names';
export { FakeApplication, FakeWorkbook, FakeRequestContext } from './workbook';
