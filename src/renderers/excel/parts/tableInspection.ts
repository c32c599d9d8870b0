/**
 * Part of the Office.js renderer (see ../applyPlan.ts): round trip 2,
 * inspect — the protection of the existing managed sheets, the existing
 * Customers table's headers and size, or, when the managed sheet has lost
 * its table, whether its area holds data, and then the recovery
 * (./tableRecovery.ts). Reads only, except the recovery's own syncs; refused
 * before anything else is written.
 */
import type { Localized } from '../../../i18n/locale';
import { SHEET_NAMES } from '../../../plan/strings';
import type { SheetPlan, TablePlan, WorkbookPlan } from '../../../plan/types';
import type { BuildFailureReason, BuildInterruptedError, BuildStep } from '../errors';
import { sheetPlanOf } from './sheets';
import { usedBoundsMeetTableArea, type ExistingTableInfo } from './table';
import { recoverTableArea } from './tableRecovery';

/**
 * When `foundSheet` is the managed sheet's name in the other display language (and not this
 * build's), the language the workbook was built in, in words; otherwise null.
 */
export function builtInLanguage(key: string, foundSheet: string, plannedSheet: string): { en: string; zh: string; otherEn: string; otherZh: string } | null {
  const names = (SHEET_NAMES as Readonly<Record<string, Localized>>)[key];
  if (names === undefined) return null;
  const found = foundSheet.toLowerCase();
  const planned = plannedSheet.toLowerCase();
  if (found === names.en.toLowerCase() && planned === names.zh.toLowerCase()) return { en: 'English', zh: '英文', otherEn: 'Chinese', otherZh: '中文' };
  if (found === names.zh.toLowerCase() && planned === names.en.toLowerCase()) return { en: 'Chinese', zh: '中文', otherEn: 'English', otherZh: '英文' };
  return null;
}

export interface TableInspectionContext {
  readonly workbook: Excel.Workbook;
  readonly plan: WorkbookPlan;
  readonly tablePlan: TablePlan | undefined;
  /** The plan's sheets that exist (all managed: checked in round trip 1). */
  readonly existingSheets: readonly { readonly plan: SheetPlan; readonly proxy: Excel.Worksheet }[];
  /** Whether round trip 1 found the table of the plan's name, and its proxy. */
  readonly tableFound: boolean;
  readonly tableProbe: Excel.Table | null;
  /** Where the PENDING_TABLE_NAME marker points (loaded in round trip 1), and whether the marker exists. */
  readonly pendingRange: Excel.Range | null;
  readonly pendingMarker: boolean;
  readonly sync: () => Promise<void>;
  readonly setStep: (step: BuildStep) => void;
  readonly fail: (reason: BuildFailureReason, detail: Localized, cause?: unknown) => BuildInterruptedError;
  readonly tableMissing: (table: TablePlan, cause?: unknown) => BuildInterruptedError;
  readonly withTableRecounted: (error: unknown) => Promise<unknown>;
}

export interface TableInspection {
  readonly existing: ExistingTableInfo | null;
  /** The table made again over a managed area that had lost it (see tableRecovery.ts); then treated as the existing table. */
  readonly recreatedTable: Excel.Table | null;
}

/** Round trip 2 (see the module's comment): what the build is to rebuild on. Throws the build's refusals. */
export async function inspectExistingTable(o: TableInspectionContext): Promise<TableInspection> {
  const { workbook, plan, tablePlan, existingSheets, tableFound, tableProbe, sync, fail } = o;
  const protections = existingSheets.map((p) => {
    const protection = p.proxy.protection;
    protection.load('protected');
    return { name: p.plan.name, protection };
  });
  let headerRange: Excel.Range | null = null;
  let bodyRange: Excel.Range | null = null;
  let tableSheet: Excel.Worksheet | null = null;
  // A managed table sheet without its table: what the table's area holds (cells with values only), to tell
  // "never built / deleted" (empty: build it) from "converted to a range or renamed" (content: refuse).
  const tableSheetProbe = tablePlan && !tableFound ? existingSheets.find((p) => p.plan.key === tablePlan.sheet) : undefined;
  const usedProbe = tableSheetProbe ? tableSheetProbe.proxy.getUsedRangeOrNullObject(true).load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']) : null;
  if (tableFound && tableProbe) {
    headerRange = tableProbe.getHeaderRowRange().load(['values', 'rowIndex', 'columnIndex']);
    bodyRange = tableProbe.getDataBodyRange().load('rowCount');
    tableSheet = tableProbe.worksheet.load('name');
  }
  await sync();
  const locked = protections.filter((p) => p.protection.protected).map((p) => p.name);
  if (locked.length > 0) {
    throw fail('sheetProtected', {
      en: `These sheets are protected: ${locked.join(', ')}. Unprotect them (Review > Unprotect Sheet), then build again.`,
      zh: `以下工作表受保护：${locked.join('、')}。请先撤消保护（审阅 > 撤消工作表保护），再重新生成。`,
    });
  }
  if (usedProbe && tablePlan && tableSheetProbe && !usedProbe.isNullObject && usedBoundsMeetTableArea(usedProbe, tablePlan)) {
    const recovered = await recoverTableArea({
      workbook,
      plan,
      tablePlan,
      sheet: tableSheetProbe,
      used: usedProbe,
      pendingRange: o.pendingRange,
      pendingMarker: o.pendingMarker,
      sync,
      setStep: o.setStep,
      tableMissing: o.tableMissing,
      withTableRecounted: o.withTableRecounted,
    });
    if (recovered) return { existing: recovered.existing, recreatedTable: recovered.table };
  }
  if (headerRange && bodyRange && tableSheet && tablePlan) {
    const planSheet = sheetPlanOf(plan, tablePlan.sheet);
    if (tableSheet.name.toLowerCase() !== planSheet.name.toLowerCase()) {
      const builtIn = builtInLanguage(tablePlan.sheet, tableSheet.name, planSheet.name);
      if (builtIn !== null) {
        // A rebuild in the other display language: the sheets, headers and history are the other
        // language's. Refused before anything is written: building on would leave two sets of sheets.
        throw fail('builtInOtherLanguage', {
          en: `This workbook was built in ${builtIn.en} (its table is on the sheet ${tableSheet.name}), and Office's display language is now ${builtIn.otherEn}. Tierwise does not rebuild a workbook in another language: switch Office's display language to ${builtIn.en}, then build again. Your sheets are as they were.`,
          zh: `此工作簿是以${builtIn.zh}生成的（表格在工作表 ${tableSheet.name} 上），而 Office 的显示语言现在是${builtIn.otherZh}。Tierwise 不会以另一种语言重新生成工作簿：请将 Office 的显示语言切换为${builtIn.zh}后再生成。您的工作表保持原样。`,
        });
      }
      throw fail('tableElsewhere', {
        en: `A table named ${tablePlan.name} already exists on sheet ${tableSheet.name}. Rename or delete it, then build again.`,
        zh: `工作表 ${tableSheet.name} 上已有名为 ${tablePlan.name} 的表格。请重命名或删除后再生成。`,
      });
    }
    return {
      existing: {
        headers: (headerRange.values[0] ?? []).map((h) => String(h)),
        headerRow: headerRange.rowIndex,
        firstColumn: headerRange.columnIndex,
        bodyRows: bodyRange.rowCount,
      },
      recreatedTable: null,
    };
  }
  return { existing: null, recreatedTable: null };
}
