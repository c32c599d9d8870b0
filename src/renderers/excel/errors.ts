/**
 * What a build that stopped early says: which parts of the workbook were
 * written and which were not, in English and Chinese. Thrown by applyPlan.
 */
import type { Locale, Localized } from '../../i18n/locale';

/** Steps of a build, in order. */
export type BuildStep = 'inspect' | 'read' | 'prepare' | 'write' | 'format' | 'validate';

export const BUILD_STEPS: readonly BuildStep[] = ['inspect', 'read', 'prepare', 'write', 'format', 'validate'];

export interface WrittenSummary {
  /** Steps whose syncs all completed. */
  readonly stepsDone: readonly BuildStep[];
  /** The step that was running when the build stopped (null when it stopped between steps or finished). */
  readonly stoppedIn: BuildStep | null;
  /** Managed sheets this run created. */
  readonly sheetsCreated: readonly string[];
  /** Defined names written (the prepare step). */
  readonly namesWritten: boolean;
  /** The Customers table exists now (created by this run or before). */
  readonly tableExists: boolean;
  /**
   * Before the prepare step, the table was restored over rows already on the sheet: made a table again
   * after "Convert to Range", or Tierwise's table left unnamed by a stopped build given its name.
   */
  readonly tableRestored?: boolean;
  /** Existing table rows rewritten with this run's data, of how many planned. */
  readonly rowsUpdated: number;
  readonly rowsToUpdate: number;
  /** Customers appended to the table, of how many planned. */
  readonly rowsAppended: number;
  readonly rowsToAppend: number;
  /**
   * Rows of the block being appended when the build stopped that Excel could not say were added or not
   * (the failure also stopped the recount); 0 or absent when `rowsAppended` is exact.
   */
  readonly rowsMaybeAppended?: number;
  /** Sheet cells, widths, computed-column formulas (the format step). */
  readonly formatsApplied: boolean;
  /** Validations and conditional formats (the validate step). */
  readonly validationsApplied: boolean;
  /** Issue 8 §2: whether this build's History snapshot was committed (its date cell written); absent without history. */
  readonly historyRecorded?: boolean;
}

export type BuildInterruptedCode = 'cancelled' | 'failed';

/** Why a build did not start writing or stopped; `reason` refines `failed`. */
export type BuildFailureReason =
  | 'excel'
  | 'sheetNameTaken'
  | 'sheetProtected'
  | 'tableElsewhere'
  /** The managed table sits on the managed sheet's name in the other display language: built in English, rebuilt in Chinese or the reverse. */
  | 'builtInOtherLanguage'
  /** The managed table sheet has data where the table was, but no table (converted to a range or renamed). */
  | 'tableMissing'
  | 'cannotMerge'
  /** Issue 8 §2: this build's snapshot cannot go on the History sheet (an as-of date before its latest snapshot, or the sheet is full). */
  | 'historyRefused';

export class BuildInterruptedError extends Error {
  override readonly name = 'BuildInterruptedError';
  readonly description: Localized;

  constructor(
    readonly code: BuildInterruptedCode,
    readonly written: WrittenSummary,
    readonly reason: BuildFailureReason | null,
    readonly detail: Localized | null,
    options?: { cause?: unknown },
  ) {
    super(describeInterruption(code, written, detail).en, options);
    this.description = describeInterruption(code, written, detail);
  }
}

const COUNT_FORMATS: Readonly<Record<Locale, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 0 }),
  'zh-CN': new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
};

/** A row count as its readers write it: grouped digits (`100,000`) in both English and Chinese. */
export function formatCount(count: number, locale: Locale): string {
  return COUNT_FORMATS[locale].format(count);
}

/** A complete, two-language account of what was and was not written. */
export function describeInterruption(code: BuildInterruptedCode, w: WrittenSummary, detail: Localized | null): Localized {
  const head: Localized =
    code === 'cancelled'
      ? { en: 'The build was cancelled.', zh: '生成已取消。' }
      : { en: 'The build stopped because of an error.', zh: '生成因错误而中止。' };
  const en: string[] = [head.en];
  const zh: string[] = [head.zh];
  if (detail) {
    en.push(detail.en);
    zh.push(detail.zh);
  }
  const wroteNothing = !w.stepsDone.includes('prepare') && w.stoppedIn !== 'prepare' && w.tableRestored !== true;
  if (wroteNothing) {
    en.push('Nothing was written to the workbook.');
    zh.push('工作簿未作任何更改。');
  } else {
    if (w.stoppedIn === 'prepare') {
      en.push('Some managed sheets or defined names may have been created before the stop.');
      zh.push('中止前可能已新建部分受管工作表或定义名称。');
    }
    if (w.tableRestored === true) {
      en.push('The table was restored over the rows already on its sheet (made a table again, or given back its name).');
      zh.push('已在工作表上原有的行上恢复表格（重新设为表格，或恢复其名称）。');
    }
    if (w.sheetsCreated.length > 0) {
      en.push(`Sheets created: ${w.sheetsCreated.join(', ')}.`);
      zh.push(`已新建工作表：${w.sheetsCreated.join('、')}。`);
    }
    en.push(w.namesWritten ? 'Defined names were written.' : 'Defined names were not written.');
    zh.push(w.namesWritten ? '已写入定义名称。' : '未写入定义名称。');
    const enCount = (n: number): string => formatCount(n, 'en');
    const zhCount = (n: number): string => formatCount(n, 'zh-CN');
    en.push(
      `Customers: ${enCount(w.rowsUpdated)} of ${enCount(w.rowsToUpdate)} existing rows updated, ${enCount(w.rowsAppended)} of ${enCount(w.rowsToAppend)} new rows added` +
        (w.tableExists ? '.' : '; the table was not created.'),
    );
    zh.push(
      `客户：已更新现有 ${zhCount(w.rowsToUpdate)} 行中的 ${zhCount(w.rowsUpdated)} 行，已新增 ${zhCount(w.rowsToAppend)} 行中的 ${zhCount(w.rowsAppended)} 行` +
        (w.tableExists ? '。' : '；表格尚未创建。'),
    );
    if ((w.rowsMaybeAppended ?? 0) > 0) {
      en.push(`Up to ${enCount(w.rowsMaybeAppended ?? 0)} more new rows may have been added just before the stop (Excel could not say); building again finds them and adds none twice.`);
      zh.push(`中止前可能还新增了至多 ${zhCount(w.rowsMaybeAppended ?? 0)} 行（Excel 未能确认）；再次生成会识别这些行，不会重复添加。`);
    }
    en.push(w.formatsApplied ? 'Settings, formulas and formats were written.' : 'Settings, formulas and formats were not written.');
    zh.push(w.formatsApplied ? '已写入设置、公式和格式。' : '未写入设置、公式和格式。');
    en.push(w.validationsApplied ? 'Validations and conditional formats were written.' : 'Validations and conditional formats were not written.');
    zh.push(w.validationsApplied ? '已写入数据验证和条件格式。' : '未写入数据验证和条件格式。');
    if (w.historyRecorded !== undefined) {
      en.push(w.historyRecorded ? "This build's snapshot was recorded on the Grade history sheet." : "This build's snapshot was not recorded on the Grade history sheet (no half snapshot is kept); building again records it once.");
      zh.push(w.historyRecorded ? '本次快照已记录在“分级历史”工作表中。' : '本次快照未记录在“分级历史”工作表中（不会保留不完整的快照）；再次生成会记录一次。');
    }
  }
  if (!wroteNothing) {
    en.push('Every row in the table is a complete customer and none is duplicated; run the build again to finish.');
    zh.push('表中每一行都是完整的客户记录，没有重复；再次运行即可完成。');
  }
  return { en: en.join(' '), zh: zh.join('') };
}
