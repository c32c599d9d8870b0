/**
 * The WorkbookPlan: a plain-data description of the workbook Tierwise builds.
 * The domain produces it; renderers (Office.js, exceljs, PptxGenJS) only
 * translate it. A plan is what gets reviewed and golden-tested.
 *
 * Conventions every renderer relies on:
 * - Rows and columns are 0-based indexes; `address` strings are A1 without a
 *   sheet name (`B3`, `$B$3:$E$3`).
 * - Formulas are in Excel's English, invariant syntax (comma separators,
 *   function names without the `_xlfn.` prefix) and start with `=`.
 *   Table column formulas use this-row structured references `[@Header]`
 *   and whole-column references `Customers[Header]`; the .xlsx renderer
 *   rewrites both to the file syntax.
 * - Conditional-format and validation formulas never use structured
 *   references (Excel rejects them): they use A1 references relative to the
 *   top-left cell of their range, and defined names.
 * - Widths are in characters of the default font; sizes of charts in points.
 */
import type { Locale } from '../i18n/locale';
import type { DayNumber } from '../domain/dates';
import type { SummaryLayout } from './chartTypes';
import type { ChartPlan } from './chartTypes';
import type { BuildSnapshot, GradeHistory } from '../domain/history/types';

/** A cell value in a plan. `text` is always stored as text, never run as a formula. */
export type PlanValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly day: DayNumber }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'formula'; readonly formula: string }
  | null;

export type SheetKey = 'customers' | 'settings' | 'summary' | 'charts' | 'quality' | 'history';

/** A cell outside tables (settings, summary blocks). */
export interface PlanCell {
  readonly row: number;
  readonly column: number;
  readonly value: PlanValue;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /** Background fill `#RRGGBB` on top of the style (the tier colour swatches). */
  readonly fill?: string;
  /** For a formula cell: the value the TypeScript core computed, stored as the cached result by file renderers. */
  readonly cachedResult?: CachedResult;
}

/** A formula's last computed value, as file renderers store it so viewers that do not recalculate still show it. */
export type CachedResult = string | number | boolean | null;

export type CellStyle = 'title' | 'subtitle' | 'header' | 'label' | 'input' | 'note' | 'computed';

/** Where a validation or conditional format applies. */
export type PlanTarget =
  /** The data body of one table column (all rows, growing with the table). */
  | { readonly kind: 'tableColumn'; readonly table: string; readonly column: string }
  /** A fixed A1 range on a sheet. */
  | { readonly kind: 'range'; readonly sheet: SheetKey; readonly address: string };

export type ValidationRule =
  /** A dropdown. `source` is a formula naming a range: `=TierNames`. Never an inline list over 255 characters. */
  | { readonly kind: 'list'; readonly source: string }
  | { readonly kind: 'wholeNumber'; readonly min: number; readonly max: number | null }
  | { readonly kind: 'decimal'; readonly min: number; readonly max: number | null }
  /** A date on or before the formula's value (`=TODAY()`), or after 1900-01-01. */
  | { readonly kind: 'date'; readonly notAfterFormula: string }
  | { readonly kind: 'textLength'; readonly max: number }
  /** Issue 8 §1: true when the formula (A1, relative to the range's top-left cell, at most 255 characters) is true. */
  | { readonly kind: 'custom'; readonly formula: string };

export interface ValidationPlan {
  readonly target: PlanTarget;
  readonly rule: ValidationRule;
  readonly allowBlank: boolean;
  /** Shown when a user types a value the rule rejects. */
  readonly errorTitle: string;
  readonly errorMessage: string;
  /** Shown when the cell is selected; null for none. */
  readonly prompt: string | null;
}

export type ConditionalFormatPlan =
  /** Fill (and font) when the formula is true. The formula is relative to the range's top-left cell. */
  | {
      readonly kind: 'expression';
      readonly target: PlanTarget;
      readonly formula: string;
      readonly fill: string;
      readonly fontColor: string | null;
    }
  /** Icon set over 1-5 scores: three icons with thresholds `>= low`, `>= high` (numbers). */
  | {
      readonly kind: 'iconSet';
      readonly target: PlanTarget;
      readonly style: 'threeArrows' | 'threeTrafficLights' | 'threeSymbols';
      readonly lowAtLeast: number;
      readonly highAtLeast: number;
    }
  | {
      readonly kind: 'colorScale';
      readonly target: PlanTarget;
      readonly minColor: string;
      readonly midColor: string;
      readonly maxColor: string;
    }
  | { readonly kind: 'dataBar'; readonly target: PlanTarget; readonly color: string };

export type ColumnRole =
  /** A field the user owns in the source (id, dates, counts, spend, profile). */
  | 'input'
  /** An unmapped source column, carried as it was. */
  | 'carried'
  /** A column the user fills in the table itself (tier override, notes): kept across rebuilds. */
  | 'userEntry'
  /** A live formula. */
  | 'computed';

export interface TableColumnPlan {
  /** Stable key: a FieldKey, `carried:<source header>`, or a computed key (`recencyDays`, `r`, `f`, `m`, `rfmCode`, `segment`, `tier`, `lifecycle`). */
  readonly key: string;
  /** Header as shown (localised); unique within the table. */
  readonly header: string;
  readonly role: ColumnRole;
  /** For computed columns: the formula with `[@Header]` references. */
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly width: number;
  /** Horizontal alignment of the body cells; absent = the host's default (text left, numbers right). */
  readonly align?: 'left' | 'center' | 'right';
}

export interface TablePlan {
  /** Table name, ASCII, stable across locales (formulas refer to it). */
  readonly name: string;
  readonly sheet: SheetKey;
  /** Header row position (0-based). */
  readonly row: number;
  readonly column: number;
  readonly style: string;
  readonly columns: readonly TableColumnPlan[];
  /** Body rows; one value per column. Computed columns hold null (the formula fills them). */
  readonly rows: readonly (readonly PlanValue[])[];
  /** The column whose value identifies a row across rebuilds (customer ID). */
  readonly keyColumn: string;
  /**
   * Optional: per body row, what each computed column's formula yields
   * according to the TypeScript core (null for other columns), in column
   * order. File renderers store these as cached formula results; live
   * renderers may ignore them (the host recalculates).
   */
  readonly cachedResults?: readonly (readonly CachedResult[])[];
}

export interface DefinedNamePlan {
  /** Workbook-scoped name: `AsOfDate`, `R_Breaks`, `TierNames`. */
  readonly name: string;
  readonly sheet: SheetKey;
  /** Absolute A1 address on that sheet: `$B$3` or `$B$10:$E$10`. */
  readonly address: string;
  readonly comment: string;
}

export interface SheetPlan {
  readonly key: SheetKey;
  /** Localised sheet name (<= 31 characters, none of `: \ / ? * [ ]`). */
  readonly name: string;
  readonly tabColor: string | null;
  /** Rows and columns frozen at the top and left. */
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  /** Column widths in characters, by 0-based column index (tables carry their own). */
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
  readonly cells: readonly PlanCell[];
  /**
   * Every cell of the sheet is the plan's (nobody types into it: the Summary):
   * a renderer updating an existing sheet clears it first, so no cell of an
   * older, longer layout stays behind. Absent = false.
   */
  readonly replaceAllCells?: boolean;
  /** Sheet protection (issue 7); absent = unprotected. Never holds a password: that is an argument of the write call. */
  readonly protection?: SheetProtectionPlan;
}

/**
 * How a sheet is protected: every cell locked except the body of the listed
 * table columns. Protection stops accidental edits; it is not security.
 */
export interface SheetProtectionPlan {
  /** Keys (TableColumnPlan.key) of the table columns whose body cells stay editable. */
  readonly unlockedColumns: readonly string[];
  /** Sorting stays allowed (Excel still refuses a sort over a range holding locked cells). */
  readonly allowSort: boolean;
  /** The table's filter buttons stay usable. */
  readonly allowAutoFilter: boolean;
}

/** Workbook-level protection (issue 7): `structure` stops sheets being added, deleted, renamed or unhidden. */
export interface WorkbookProtectionPlan {
  readonly structure: boolean;
}

export interface WorkbookPlan {
  readonly locale: Locale;
  readonly sheets: readonly SheetPlan[];
  readonly tables: readonly TablePlan[];
  readonly names: readonly DefinedNamePlan[];
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /** Where each block of the Summary sheet sits (the charts bind to it); absent when the plan has no Summary sheet. */
  readonly summaryLayout?: SummaryLayout;
  /** Native charts (issue 6 §2), bound to the Summary sheet; each renderer replaces Tierwise's own (named `Tierwise_*`) and no other. */
  readonly charts: readonly ChartPlan[];
  /** Workbook structure protection (issue 7); absent = unprotected. */
  readonly workbookProtection?: WorkbookProtectionPlan;
  /** Issue 8 §2: the History sheet (layout: src/domain/history/types.ts); absent = the build records no history. */
  readonly history?: HistoryPlan;
}

/**
 * The History sheet (issue 8 §2). Not a list of PlanCells: 100,000 customers
 * x 24 snapshots is 16.8 million cells. File renderers write
 * `mergeSnapshot(earlier, current)` whole; the Office.js renderer reads the
 * sheet's IDs and dates and writes only the ID cells it lacks and this
 * build's group (HistoryChange).
 */
export interface HistoryPlan {
  readonly sheet: 'history';
  /** Localised sheet name. */
  readonly sheetName: string;
  readonly title: string;
  readonly note: string;
  /** A2's label ("As of" / "评级日期"). */
  readonly asOfLabel: string;
  /** A3's header ("Customer ID"). */
  readonly idHeader: string;
  /** One header per HISTORY_FIELDS entry, localised. */
  readonly fieldHeaders: readonly string[];
  readonly current: BuildSnapshot;
  readonly earlier: GradeHistory;
}
