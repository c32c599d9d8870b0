/**
 * Protection by role in the open workbook (issue 7 §2), through Office.js.
 * Translates plan/protection.ts: unlock the profile's table columns, lock
 * everything else, protect every managed sheet (the registry's list, so
 * Summary and Charts are covered whenever they exist), protect the
 * workbook's structure, and record which profile was applied when.
 *
 * Round trips:
 * - readProtectionStatus: 2 syncs (registry, table, record and structure;
 *   then each managed sheet's protection and the table's headers);
 * - applyProtection: the status, then 1 sync that writes everything, with
 *   the protect() calls last in it (protecting clears Excel's undo stack);
 * - removeProtection: the status, then 1 sync.
 * So each is a constant number of syncs, whatever the number of rows.
 *
 * Excel's rules it designs for: protect() on a protected sheet fails (and on
 * newer builds unprotect() on an unprotected one, OfficeDev/office-js#6784),
 * so status is always read first and only what needs it is called; Locked
 * cannot change on a protected sheet, so applying refuses when anything is
 * protected already; a wrong password fails the first unprotect, which is
 * queued first, so nothing changes.
 *
 * Requirement sets: WorksheetProtection.protect(options) ExcelApi 1.2, with a
 * password 1.7; WorkbookProtection 1.7; Range.format.protection 1.2. All
 * within the manifest's minimum (1.8). AllowEditRanges and checkPassword are
 * ExcelApiOnline 1.1 (Excel on the web only) and are not used.
 *
 * The password is a parameter only: never stored, logged, recorded or put
 * in an error message.
 */
import type { Localized } from '../../i18n/locale';
import type { RoleProfile } from '../../domain/roles';
import { CUSTOMERS_TABLE } from '../../plan/buildPlan';
import {
  parseProtectionRecord,
  planProtection,
  protectionRecordFormula,
  PROTECTION_RECORD_NAME,
  type ProtectionPlan,
  type ProtectionRecord,
  type SheetProtectionOptions,
} from '../../plan/protection';
import { SHEET_NAMES } from '../../plan/strings';
import { MANAGED_SHEETS_NAME, managedSheetsInRegistry } from './applyPlan';
import { readRoleProfiles } from './readSettings';

export type ProtectionErrorCode =
  /** The password did not unprotect a sheet or the workbook. */
  | 'wrongPassword'
  /** Applying while a managed sheet or the structure is already protected. */
  | 'alreadyProtected'
  /** No Tierwise workbook here (no managed sheets or no Customers table). */
  | 'notBuilt'
  /** Protected, but not by Tierwise (no record): Tierwise does not know which profile to reapply. */
  | 'protectedOutsideTierwise'
  /** A rebuild finished but protection could not be put back. */
  | 'notReprotected'
  | 'excel';

export class ProtectionError extends Error {
  override readonly name = 'ProtectionError';
  constructor(
    readonly code: ProtectionErrorCode,
    readonly description: Localized,
    options?: { cause?: unknown },
  ) {
    super(description.en, options);
  }
  /** What the pane's error screen shows as the note (taskpane/errors.ts reads `userMessage`). */
  get userMessage(): Localized {
    return this.description;
  }
}

export interface SheetStatus {
  readonly name: string;
  readonly protected: boolean;
}

export interface ProtectionStatus {
  /** Managed sheets in registry order, with their protection. */
  readonly sheets: readonly SheetStatus[];
  readonly structureProtected: boolean;
  /** Which profile Tierwise applied and when; null when none (or protection was removed). */
  readonly record: ProtectionRecord | null;
  /** The sheet holding the Customers table, null when there is no table. */
  readonly customersSheet: string | null;
  /** The Customers table's headers, in order (empty without a table). */
  readonly tableHeaders: readonly string[];
  /** Anything protected: a managed sheet or the structure. */
  readonly anyProtected: boolean;
}

interface StatusProbe {
  readonly status: ProtectionStatus;
  readonly recordExists: boolean;
}

const code = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'unknown';

function excelFailure(error: unknown, doing: Localized): ProtectionError {
  const message = error instanceof Error ? error.message : String(error);
  return new ProtectionError(
    'excel',
    { en: `${doing.en} Excel reported ${code(error)}: ${message}`, zh: `${doing.zh}Excel 报告错误 ${code(error)}：${message}` },
    { cause: error },
  );
}

async function probeStatus(context: Excel.RequestContext): Promise<StatusProbe> {
  const workbook = context.workbook;
  const registry = workbook.names.getItemOrNullObject(MANAGED_SHEETS_NAME).load('formula');
  const record = workbook.names.getItemOrNullObject(PROTECTION_RECORD_NAME).load('formula');
  const table = workbook.tables.getItemOrNullObject(CUSTOMERS_TABLE).load('name');
  const structure = workbook.protection.load('protected');
  await context.sync();
  const names = registry.isNullObject ? [] : managedSheetsInRegistry(registry.formula);
  const sheets = names.map((name) => {
    const sheet = workbook.worksheets.getItemOrNullObject(name).load('name');
    return { name, sheet, protection: sheet.protection.load('protected') };
  });
  const header = table.isNullObject ? null : table.getHeaderRowRange().load('values');
  const tableSheet = table.isNullObject ? null : table.worksheet.load('name');
  await context.sync();
  const present = sheets.filter((s) => !s.sheet.isNullObject);
  const statuses = present.map((s) => ({ name: s.sheet.name, protected: s.protection.protected }));
  return {
    recordExists: !record.isNullObject,
    status: {
      sheets: statuses,
      structureProtected: structure.protected,
      record: record.isNullObject ? null : parseProtectionRecord(record.formula),
      customersSheet: tableSheet?.name ?? null,
      tableHeaders: (header?.values[0] ?? []).map((h) => String(h)),
      anyProtected: structure.protected || statuses.some((s) => s.protected),
    },
  };
}

/** Each managed sheet's protection, the structure's, and which profile Tierwise applied when. Two syncs. */
export async function readProtectionStatus(context: Excel.RequestContext): Promise<ProtectionStatus> {
  return (await probeStatus(context)).status;
}

export interface ApplyProtectionOptions {
  /** The clock, for the record (tests pass a fixed one). */
  readonly now?: () => Date;
}

export interface ApplyProtectionResult {
  readonly plan: ProtectionPlan;
  readonly record: ProtectionRecord;
  /** Sheets protected, in registry order. */
  readonly protectedSheets: readonly string[];
  readonly syncs: number;
}

function toExcelOptions(options: SheetProtectionOptions): Excel.WorksheetProtectionOptions {
  return { ...options };
}

/** An empty password is no password (as in Excel's dialog). */
function passwordArgument(password: string | undefined): string | undefined {
  return password === undefined || password === '' ? undefined : password;
}

/**
 * Protects the workbook for `profile`: its table columns unlocked, every
 * other cell of the managed sheets locked, each managed sheet protected
 * (Settings left editable when the profile edits the rules), the structure
 * protected, and the record written. Refuses with `alreadyProtected` when
 * anything is protected (Excel cannot change Locked on a protected sheet,
 * and protect() twice fails); with `notBuilt` without a Customers table.
 * Three syncs.
 */
export async function applyProtection(
  context: Excel.RequestContext,
  profile: RoleProfile,
  password?: string,
  options: ApplyProtectionOptions = {},
): Promise<ApplyProtectionResult> {
  const { status, recordExists } = await probeStatus(context);
  return writeProtection(context, status, recordExists, profile, password, options);
}

async function writeProtection(
  context: Excel.RequestContext,
  status: ProtectionStatus,
  recordExists: boolean,
  profile: RoleProfile,
  password: string | undefined,
  options: ApplyProtectionOptions,
): Promise<ApplyProtectionResult> {
  if (status.customersSheet === null || status.sheets.length === 0) {
    throw new ProtectionError('notBuilt', {
      en: 'This workbook has no Tierwise grading table to protect. Build it first, then protect it.',
      zh: '此工作簿中没有可保护的客户分级表。请先生成，再设置保护。',
    });
  }
  if (status.anyProtected) {
    const names = status.sheets.filter((s) => s.protected).map((s) => s.name);
    throw new ProtectionError('alreadyProtected', {
      en: `The workbook is already protected (${[...names, ...(status.structureProtected ? ['workbook structure'] : [])].join(', ')}). Remove protection first, then apply the new profile.`,
      zh: `工作簿已受保护（${[...names, ...(status.structureProtected ? ['工作簿结构'] : [])].join('、')}）。请先撤消保护，再应用新的角色。`,
    });
  }
  const plan = planProtection(profile, status.tableHeaders);
  const workbook = context.workbook;
  const pw = passwordArgument(password);
  const record: ProtectionRecord = { profile: profile.key, appliedAt: (options.now ?? (() => new Date()))().toISOString() };

  // Cells: lock each managed sheet whole (undoing an earlier profile's unlocks), then unlock the profile's columns.
  for (const sheet of status.sheets) workbook.worksheets.getItem(sheet.name).getRange().format.protection.locked = true;
  const table = workbook.tables.getItem(CUSTOMERS_TABLE);
  for (const column of plan.unlocked) table.columns.getItem(column.header).getDataBodyRange().format.protection.locked = false;
  // The record: which profile, when. Never the password.
  const formula = protectionRecordFormula(record);
  if (recordExists) {
    const item = workbook.names.getItem(PROTECTION_RECORD_NAME);
    item.formula = formula;
    item.visible = false;
  } else {
    workbook.names.add(PROTECTION_RECORD_NAME, formula, 'Tierwise: which role profile protects this workbook, and when. No password is stored.').visible = false;
  }
  // Protection last: protect() clears the undo stack, so nothing else follows it.
  const protectedSheets: string[] = [];
  const settingsSheet = status.sheets.find((s) => s.name !== status.customersSheet && isSettingsName(s.name));
  for (const sheet of status.sheets) {
    if (plan.settingsEditable && sheet === settingsSheet) continue;
    const opts = sheet.name === status.customersSheet ? plan.customersOptions : plan.otherSheetsOptions;
    workbook.worksheets.getItem(sheet.name).protection.protect(toExcelOptions(opts), pw);
    protectedSheets.push(sheet.name);
  }
  workbook.protection.protect(pw);
  try {
    await context.sync();
  } catch (error) {
    throw excelFailure(error, { en: 'Protection could not be applied.', zh: '无法应用保护。' });
  }
  return { plan, record, protectedSheets, syncs: 3 };
}

/** The Settings sheet in either language (SHEET_NAMES.settings). */
function isSettingsName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === SHEET_NAMES.settings.en.toLowerCase() || lower === SHEET_NAMES.settings.zh;
}

export interface RemoveProtectionResult {
  readonly unprotectedSheets: readonly string[];
  /** The profile that was applied (from the record), kept so a rebuild can reapply it. */
  readonly record: ProtectionRecord | null;
}

const WRONG_PASSWORD: Localized = {
  en: 'That password did not remove the protection, so nothing was changed. Check the password (it is case-sensitive) and try again. If it is lost, Tierwise cannot recover it: it never stores passwords.',
  zh: '该密码无法撤消保护，因此未作任何更改。请检查密码（区分大小写）后重试。如果密码已遗失，本工具也无法找回：本工具从不保存密码。',
};

async function unprotectAll(context: Excel.RequestContext, status: ProtectionStatus, password: string | undefined, keepRecord: boolean, recordExists: boolean): Promise<string[]> {
  const workbook = context.workbook;
  const pw = passwordArgument(password);
  const sheets = status.sheets.filter((s) => s.protected).map((s) => s.name);
  // The first unprotect checks the password: on a wrong one the batch stops there and nothing has changed.
  for (const name of sheets) workbook.worksheets.getItem(name).protection.unprotect(pw);
  if (status.structureProtected) workbook.protection.unprotect(pw);
  if (!keepRecord && recordExists) workbook.names.getItem(PROTECTION_RECORD_NAME).delete();
  try {
    await context.sync();
  } catch (error) {
    const c = code(error);
    if (c === 'InvalidArgument' || c === 'AccessDenied' || c === 'InvalidOperation') throw new ProtectionError('wrongPassword', WRONG_PASSWORD, { cause: error });
    throw excelFailure(error, { en: 'Protection could not be removed.', zh: '无法撤消保护。' });
  }
  return sheets;
}

/** Unprotects every protected managed sheet and the structure, and deletes the record. Three syncs. */
export async function removeProtection(context: Excel.RequestContext, password?: string): Promise<RemoveProtectionResult> {
  const { status, recordExists } = await probeStatus(context);
  const unprotectedSheets = status.anyProtected || recordExists ? await unprotectAll(context, status, password, false, recordExists) : [];
  return { unprotectedSheets, record: status.record };
}

/**
 * Runs `rebuild` on a workbook Tierwise protected: unprotects with
 * `password`, rebuilds, and reprotects with the same profile (as the roles
 * block holds it after the rebuild) and the same password. The password
 * lives only in this call. If the rebuild fails, protection is still put
 * back before the failure is reported. An unprotected workbook is just
 * rebuilt.
 */
export async function rebuildWhileProtected<T>(context: Excel.RequestContext, password: string | undefined, rebuild: () => Promise<T>, options: ApplyProtectionOptions = {}): Promise<T> {
  const { status, recordExists } = await probeStatus(context);
  if (!status.anyProtected) return rebuild();
  const record = status.record;
  if (record === null) {
    throw new ProtectionError('protectedOutsideTierwise', {
      en: 'These sheets were protected outside Tierwise, so it does not know which role to protect them for again. Unprotect them in Excel (Review > Unprotect Sheet, Review > Protect Workbook), then rebuild.',
      zh: '这些工作表是在本工具之外设置的保护，本工具不知道应按哪个角色重新保护。请在 Excel 中撤消保护（审阅 > 撤消工作表保护、审阅 > 保护工作簿），然后重新生成。',
    });
  }
  await unprotectAll(context, status, password, true, recordExists);
  let result: T;
  try {
    result = await rebuild();
  } catch (error) {
    // Put protection back before reporting the failure; if that fails too, say both.
    await reprotect(context, record, password, options).catch((reprotectError: unknown) => {
      const first = error instanceof Error ? error.message : String(error);
      throw new ProtectionError(
        'notReprotected',
        {
          en: `The rebuild stopped (${first}) and the protection could not be put back, so the workbook is unprotected now. Rebuild again, or open Protect and apply the profile again.`,
          zh: `重新生成已中止（${first}），且未能恢复保护，工作簿目前处于未保护状态。请再次重新生成，或打开“保护”重新应用角色。`,
        },
        { cause: reprotectError },
      );
    });
    throw error;
  }
  await reprotect(context, record, password, options).catch((reprotectError: unknown) => {
    throw new ProtectionError('notReprotected', NOT_REPROTECTED, { cause: reprotectError });
  });
  return result;
}

const NOT_REPROTECTED: Localized = {
  en: 'The workbook was rebuilt but its protection could not be put back, so it is unprotected now. Open Protect and apply the profile again.',
  zh: '工作簿已重新生成，但未能恢复保护，目前处于未保护状态。请打开“保护”并重新应用角色。',
};

async function reprotect(context: Excel.RequestContext, record: ProtectionRecord, password: string | undefined, options: ApplyProtectionOptions): Promise<void> {
  const roles = await readRoleProfiles(context);
  const profile = roles.profiles.find((p) => p.key === record.profile);
  if (!profile) throw new RangeError(`No role profile ${record.profile}.`);
  const { status, recordExists } = await probeStatus(context);
  await writeProtection(context, status, recordExists, profile, password, options);
}
