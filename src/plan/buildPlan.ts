/**
 * Builds the WorkbookPlan (DESIGN.md §2): the Settings sheet with its defined
 * names, and the Customers table whose computed columns are live formulas
 * reading those names. Pure and deterministic: the same input gives the same
 * plan, so a plan can be golden-tested.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import type { GradingSettings } from '../domain/settings';
import type { FieldKey, GradingResult } from '../domain/types';
import type { WorkbookPlan } from './types';
import { summarise } from '../domain/summary';
import { buildSummarySheet } from './summarySheet';
import { withCharts } from './charts';
import { withRolesBlock } from './rolesBlock';
import type { QualityResult } from '../domain/quality';
import { withQuality } from './qualitySheet';
import { markExtendable, releaseRows } from './parts/tableRows';
import {
  CUSTOMERS_TABLE,
  MAX_CELL_TEXT,
  MAX_SHEET_ROWS,
  NUMBER_FORMATS,
  PlanError,
  displayWidth,
  type PlanErrorCode,
} from './parts/common';
import { buildSettingsSheet, checkTiers, distinctOwners, segmentsInFormulaOrder } from './parts/settingsSheet';
import { USER_NOTES_KEY, buildCustomersTable, customersSheetPlan } from './parts/customersTable';
import { buildValidations } from './parts/validations';
import { buildConditionalFormats } from './parts/conditionalFormats';
import type { PredictionRun } from '../domain/prediction/report';
import { addPredictionPart } from './parts/prediction';
import { withPredictionSummary } from './predictionSummary';
import type { CarriedEntries, HistoryInput } from '../domain/history';
import { withHistoryColumns } from './parts/history';
import { withMigrationBlock } from './migrationBlock';

// The parts' public names, exported here as before the split (callers import them from the plan builder).
export { CUSTOMERS_TABLE, MAX_CELL_TEXT, NUMBER_FORMATS, PlanError, USER_NOTES_KEY, displayWidth, segmentsInFormulaOrder, type PlanErrorCode };

export interface PlanInput {
  readonly result: GradingResult;
  readonly settings: GradingSettings;
  readonly locale: Locale;
  /** Profile fields present in the source, in source order (customerId, name, owner, phone, firstPurchase, ...). */
  readonly profileFields: readonly FieldKey[];
  /** Unmapped source headers, carried into the table in this order. */
  readonly carriedHeaders: readonly string[];
  /** The prediction (issue 9): Settings parameters and the table's prediction columns; absent or null: none. */
  readonly prediction?: PredictionRun | null;
  /** Issue 8 §1: the data-quality findings; present = the plan gets the Quality sheet and the table its Data issues column. */
  readonly quality?: QualityResult;
  /** Issue 8 §2: the history before this build; present = the table gets Previous tier and Change, the plan `history`, the Summary the migration block. */
  readonly history?: HistoryInput;
  /** Issue 8 §2: notes typed in an earlier workbook (`--previous`), written into the notes column (overrides are applied to the records before grading). */
  readonly carried?: CarriedEntries;
}

/**
 * Builds the plan. Throws PlanError on settings the plan cannot express (an
 * incomplete segment map, an empty tier list) and on text longer than a cell.
 */
export function buildWorkbookPlan(input: PlanInput): WorkbookPlan {
  const { result, settings, locale } = input;
  const t = (text: Localized): string => pick(text, locale);
  checkTiers(settings.tiers);
  const segmentsByIndex = segmentsInFormulaOrder(settings.segments);
  if (result.customers.length + 1 > MAX_SHEET_ROWS) {
    throw new PlanError('too-many-rows', `${result.customers.length} customers do not fit in one sheet (${MAX_SHEET_ROWS - 1} rows).`);
  }

  // ---- the Customers table -------------------------------------------------
  const { table, fh } = buildCustomersTable(input, t);
  // Until this build returns, the later parts (prediction, history, quality) append their columns to
  // these fresh rows in place; released below (tableRows.ts).
  markExtendable(table);
  const customersSheet = customersSheetPlan(t);

  // ---- settings sheet --------------------------------------------------------
  const owners = distinctOwners(result.customers);
  const settingsSheet = buildSettingsSheet({ input, segmentsByIndex, fh, owners, t });

  // ---- validations and conditional formats ---------------------------------
  const validations = buildValidations(table.columns, owners, t);
  const conditionalFormats = buildConditionalFormats(table, settings.tiers, settings.highScoreCut);

  // ---- prediction (issue 9): appended columns, a Settings block, names ------
  const predicted = addPredictionPart({ prediction: input.prediction, asOf: result.asOf, table, settingsSheet: settingsSheet.sheet, names: settingsSheet.names, conditionalFormats, fh, t });

  // ---- summary sheet (GRADING.md §9, live formulas; its layout is what the charts bind to) ----
  const summary = summarise(result, settings);
  // Issue 9: the prediction blocks below the Summary's others (predictionSummary.ts).
  const summaryPart = withPredictionSummary(buildSummarySheet({ summary, settings, locale, table: predicted.table }), {
    prediction: input.prediction,
    settings,
    locale,
    asOf: result.asOf,
    table: predicted.table,
  });

  const plan: WorkbookPlan = {
    locale,
    sheets: [customersSheet, predicted.settingsSheet, summaryPart.sheet],
    tables: [predicted.table],
    names: [...predicted.names],
    validations,
    conditionalFormats: [...predicted.conditionalFormats],
    summaryLayout: summaryPart.layout,
    charts: [],
  };
  // Issue 6 §2: the Charts sheet and its native charts, bound to the Summary sheet's layout;
  // issue 7: the role profiles, a block appended below the Settings sheet's last block (rolesBlock.ts).
  const built = withRolesBlock(withCharts(plan, summaryPart.layout, summary, settings));
  // Issue 8 §2: the table's Previous tier and Change columns and the History sheet (parts/history.ts).
  const withHistory =
    input.history === undefined ? built : withHistoryColumns({ plan: built, result, settings, locale, history: input.history, ...(input.carried ? { carried: input.carried } : {}) });
  // Issue 8 §1: the Quality sheet and the table's Data issues column (qualitySheet.ts), when the checks ran.
  const checked = input.quality === undefined ? withHistory : withQuality(withHistory, input.quality, locale);
  // Issue 8 §2: the migration matrix, last: it starts below whatever the Summary holds by now (migrationBlock.ts).
  const finished = input.history === undefined ? checked : withMigrationBlock(checked, input.history, settings);
  // The rows are the caller's from here on: no later call extends them in place (tableRows.ts).
  for (const finishedTable of finished.tables) releaseRows(finishedTable);
  return finished;
}
