/**
 * The role profiles block of the Settings sheet (issue 7 §1): the four
 * profiles as data the admin edits in the sheet — one row per setting, one
 * column per profile, Yes/No cells with a dropdown — and its inverse, which
 * reads the block back with a problem naming the cell for anything
 * unreadable (that setting keeps its default).
 *
 * Layout (0-based, below the Settings sheet's last block in columns A-F):
 *
 *   row h      | Role profiles | Setting            | Admin | Manager | Sales rep | Viewer
 *   row h+1..  | editsSettings | Edits the Settings | Yes   | No      | No        | No
 *              | sortFilter    | Sort and filter    | ...
 *              | edit:phone    | Edits: Phone       | ...
 *              | mask:phone    | Masked in copies   | ...
 *   row h+n+1  | Yes / No      |                    | Yes   | No        (the dropdown's list, RoleYesNo)
 *
 * Column A holds stable keys (ASCII, the same in both languages), so the
 * reader finds each setting whatever the admin did to the labels; profiles
 * are the columns C-F in ROLE_ORDER. Defined names: `RoleProfiles` (A..F of
 * the setting rows) and `RoleYesNo` (the two list cells).
 *
 * A profile never holds a password, and neither does this block.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import {
  DEFAULT_ROLE_PROFILES,
  ROLE_ORDER,
  type EditableColumn,
  type MaskableField,
  type RoleKey,
  type RoleProfile,
} from '../domain/roles';
import { rangeAddress } from './a1';
import { FIELD_HEADERS } from './strings';
import type { DefinedNamePlan, PlanCell, PlanValue, SheetPlan, ValidationPlan, WorkbookPlan } from './types';

export const ROLE_PROFILES_NAME = 'RoleProfiles';
export const ROLE_YES_NO_NAME = 'RoleYesNo';

/** Table columns a profile can unlock, in the order the block lists them. */
export const EDITABLE_CANDIDATES: readonly EditableColumn[] = [
  'tierOverride',
  'notes',
  'name',
  'customerType',
  'owner',
  'phone',
  'email',
  'region',
  'lastContact',
  'satisfaction',
  'consent',
];

export const MASKABLE_FIELDS: readonly MaskableField[] = ['name', 'phone', 'email', 'idNumber', 'address'];

export type RoleSettingKey = 'editsSettings' | 'sortFilter' | `edit:${EditableColumn}` | `mask:${MaskableField}`;

/** The block's setting rows, in order. */
export const ROLE_SETTING_KEYS: readonly RoleSettingKey[] = [
  'editsSettings',
  'sortFilter',
  ...EDITABLE_CANDIDATES.map((c) => `edit:${c}` as const),
  ...MASKABLE_FIELDS.map((f) => `mask:${f}` as const),
];

/** Texts of the block, in both languages. */
export const ROLES_TEXT = {
  heading: { en: 'Role profiles (sheet protection)', zh: '角色权限（工作表保护）' },
  setting: { en: 'Setting', zh: '项目' },
  note: {
    en: 'Yes/No per role: which columns each role may edit when the pane protects the workbook, and which fields its copies mask. Protection prevents accidental edits; it is not security.',
    zh: '按角色填写“是/否”：任务窗格保护工作簿时各角色可编辑哪些列，以及其副本中隐藏哪些字段。保护只防止误改，并不是安全措施。',
  },
  editsSettings: { en: 'Edits the Settings sheet', zh: '可修改“设置”工作表' },
  sortFilter: { en: 'Sorting and filtering allowed', zh: '允许排序和筛选' },
  editColumn: { en: 'Edits column: {column}', zh: '可编辑列：{column}' },
  maskField: { en: 'Masked in copies: {field}', zh: '副本中隐藏：{field}' },
  yesNo: { en: 'Yes / No', zh: '是 / 否' },
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },
  validationTitle: { en: 'Yes or No', zh: '是或否' },
  validationMessage: { en: 'Choose Yes or No from the list.', zh: '请从列表中选择“是”或“否”。' },
} as const satisfies Record<string, Localized>;

/** Personal fields that are not table columns of their own: how the block names them. */
const MASKABLE_LABELS: Readonly<Record<MaskableField, Localized>> = {
  name: FIELD_HEADERS.name,
  phone: FIELD_HEADERS.phone,
  email: FIELD_HEADERS.email,
  idNumber: { en: 'ID number', zh: '证件号码' },
  address: { en: 'Address', zh: '地址' },
};

export function editableColumnLabel(column: EditableColumn): Localized {
  return FIELD_HEADERS[column];
}

export function maskableFieldLabel(field: MaskableField): Localized {
  return MASKABLE_LABELS[field];
}

function settingLabel(key: RoleSettingKey): Localized {
  if (key === 'editsSettings') return ROLES_TEXT.editsSettings;
  if (key === 'sortFilter') return ROLES_TEXT.sortFilter;
  const [kind, rest] = key.split(':') as ['edit' | 'mask', string];
  const fill = (template: Localized, value: Localized): Localized => ({
    en: template.en.replace(/\{\w+\}/, value.en),
    zh: template.zh.replace(/\{\w+\}/, value.zh),
  });
  return kind === 'edit' ? fill(ROLES_TEXT.editColumn, editableColumnLabel(rest as EditableColumn)) : fill(ROLES_TEXT.maskField, maskableFieldLabel(rest as MaskableField));
}

/** A profile's value for one setting. */
export function settingValue(profile: RoleProfile, key: RoleSettingKey): boolean {
  if (key === 'editsSettings') return profile.editsSettings;
  if (key === 'sortFilter') return profile.allowSortAndFilter;
  const [kind, rest] = key.split(':') as ['edit' | 'mask', string];
  return kind === 'edit' ? profile.editableColumns.includes(rest as EditableColumn) : profile.maskedFields.includes(rest as MaskableField);
}

/**
 * Plain words for the pane, made from the profile's data (so they stay true
 * when the admin edits the block): what the role can edit, whether sorting
 * and filtering work, and what its copies mask.
 */
export function describeRoleProfile(profile: RoleProfile): Localized {
  const list = (items: readonly Localized[], locale: Locale): string => items.map((x) => pick(x, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  const columns = profile.editableColumns.map(editableColumnLabel);
  const masked = profile.maskedFields.map(maskableFieldLabel);
  const en: string[] = [];
  const zh: string[] = [];
  if (columns.length === 0) {
    en.push('Can edit nothing in the Customers table.');
    zh.push('不能修改“客户档案”表中的任何内容。');
  } else {
    en.push(`Can edit these columns of the Customers table: ${list(columns, 'en')}. Everything else there, formulas included, is read-only.`);
    zh.push(`可编辑“客户档案”表中的这些列：${list(columns, 'zh-CN')}；其余内容（包括公式）只读。`);
  }
  en.push(profile.editsSettings ? 'Can change the rules in Settings.' : 'Settings, Summary and Charts are read-only.');
  zh.push(profile.editsSettings ? '可修改“设置”中的规则。' : '“设置”、汇总和图表只读。');
  en.push(profile.allowSortAndFilter ? 'Filtering works; sorting works only over unlocked columns.' : 'Sorting and filtering are off.');
  zh.push(profile.allowSortAndFilter ? '可以筛选；排序仅适用于未锁定的列。' : '不能排序和筛选。');
  if (masked.length > 0) {
    en.push(`Copies for this role mask: ${list(masked, 'en')}.`);
    zh.push(`此角色的副本隐藏：${list(masked, 'zh-CN')}。`);
  }
  return { en: en.join(' '), zh: zh.join('') };
}

/* ------------------------------------------------------------------ writing */

export interface RolesBlock {
  readonly cells: readonly PlanCell[];
  readonly names: readonly DefinedNamePlan[];
  readonly validations: readonly ValidationPlan[];
  /** First row after the block. */
  readonly endRow: number;
}

/** Columns of the block (0-based). */
const KEY_COLUMN = 0;
const LABEL_COLUMN = 1;
const FIRST_PROFILE_COLUMN = 2;

/** The block written at `startRow` of the Settings sheet, for `profiles` (in ROLE_ORDER; missing ones take the defaults). */
export function buildRolesBlock(startRow: number, locale: Locale, profiles: readonly RoleProfile[] = DEFAULT_ROLE_PROFILES): RolesBlock {
  const t = (x: Localized): string => pick(x, locale);
  const text = (s: string): PlanValue => ({ kind: 'text', text: s });
  const cells: PlanCell[] = [];
  const ordered = orderedProfiles(profiles);
  cells.push({ row: startRow, column: 0, value: text(t(ROLES_TEXT.note)), style: 'note' });
  const headerRow = startRow + 1;
  cells.push({ row: headerRow, column: KEY_COLUMN, value: text(t(ROLES_TEXT.heading)), style: 'header' });
  cells.push({ row: headerRow, column: LABEL_COLUMN, value: text(t(ROLES_TEXT.setting)), style: 'header' });
  ordered.forEach((p, i) => cells.push({ row: headerRow, column: FIRST_PROFILE_COLUMN + i, value: text(t(p.label)), style: 'header' }));
  const firstRow = headerRow + 1;
  ROLE_SETTING_KEYS.forEach((key, k) => {
    const row = firstRow + k;
    cells.push({ row, column: KEY_COLUMN, value: text(key), style: 'label' });
    cells.push({ row, column: LABEL_COLUMN, value: text(t(settingLabel(key))), style: 'note' });
    ordered.forEach((p, i) => {
      cells.push({
        row,
        column: FIRST_PROFILE_COLUMN + i,
        value: text(t(settingValue(p, key) ? ROLES_TEXT.yes : ROLES_TEXT.no)),
        style: 'input',
        numberFormat: '@',
      });
    });
  });
  const lastRow = firstRow + ROLE_SETTING_KEYS.length - 1;
  const listRow = lastRow + 1;
  cells.push({ row: listRow, column: KEY_COLUMN, value: text(t(ROLES_TEXT.yesNo)), style: 'label' });
  cells.push({ row: listRow, column: FIRST_PROFILE_COLUMN, value: text(t(ROLES_TEXT.yes)), style: 'note', numberFormat: '@' });
  cells.push({ row: listRow, column: FIRST_PROFILE_COLUMN + 1, value: text(t(ROLES_TEXT.no)), style: 'note', numberFormat: '@' });
  const lastProfileColumn = FIRST_PROFILE_COLUMN + ROLE_ORDER.length - 1;
  const names: DefinedNamePlan[] = [
    {
      name: ROLE_PROFILES_NAME,
      sheet: 'settings',
      address: rangeAddress(firstRow, KEY_COLUMN, lastRow, lastProfileColumn, true),
      comment: t({ en: 'Role profiles: key, label, then Yes/No per role (admin, manager, sales rep, viewer).', zh: '角色权限：键、说明，然后每个角色一列“是/否”（管理员、经理、销售代表、只读）。' }),
    },
    {
      name: ROLE_YES_NO_NAME,
      sheet: 'settings',
      address: rangeAddress(listRow, FIRST_PROFILE_COLUMN, listRow, FIRST_PROFILE_COLUMN + 1, true),
      comment: t({ en: 'The Yes/No list of the role profiles dropdowns.', zh: '角色权限下拉列表的“是/否”选项。' }),
    },
  ];
  const validations: ValidationPlan[] = [
    {
      target: { kind: 'range', sheet: 'settings', address: rangeAddress(firstRow, FIRST_PROFILE_COLUMN, lastRow, lastProfileColumn) },
      rule: { kind: 'list', source: `=${ROLE_YES_NO_NAME}` },
      allowBlank: false,
      errorTitle: t(ROLES_TEXT.validationTitle),
      errorMessage: t(ROLES_TEXT.validationMessage),
      prompt: null,
    },
  ];
  return { cells, names, validations, endRow: listRow + 1 };
}

/**
 * The plan with the roles block appended to its Settings sheet, two rows
 * below the last cell of columns A-F (the dropdown lists further right go
 * down independently). A plan that already has the block gets it replaced,
 * so `profiles` read from the workbook can be put back before a rebuild.
 */
export function withRolesBlock(plan: WorkbookPlan, profiles: readonly RoleProfile[] = DEFAULT_ROLE_PROFILES): WorkbookPlan {
  const settings = plan.sheets.find((s) => s.key === 'settings');
  if (!settings) return plan;
  const existing = plan.names.find((n) => n.name === ROLE_PROFILES_NAME);
  const blockStart = existing ? rowOfAddress(existing.address) - 2 : null;
  const keptCells = blockStart === null ? settings.cells : settings.cells.filter((c) => c.row < blockStart || c.column > FIRST_PROFILE_COLUMN + ROLE_ORDER.length - 1);
  const lastRow = keptCells.filter((c) => c.column <= FIRST_PROFILE_COLUMN + ROLE_ORDER.length - 1).reduce((m, c) => Math.max(m, c.row), -1);
  const block = buildRolesBlock(blockStart ?? lastRow + 2, plan.locale, profiles);
  const sheet: SheetPlan = { ...settings, cells: [...keptCells, ...block.cells] };
  const blockNames = new Set([ROLE_PROFILES_NAME, ROLE_YES_NO_NAME]);
  const isBlockValidation = (v: ValidationPlan): boolean => v.rule.kind === 'list' && v.rule.source === `=${ROLE_YES_NO_NAME}`;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => (s === settings ? sheet : s)),
    names: [...plan.names.filter((n) => !blockNames.has(n.name)), ...block.names],
    validations: [...plan.validations.filter((v) => !isBlockValidation(v)), ...block.validations],
  };
}

function rowOfAddress(address: string): number {
  const m = /\$?[A-Z]+\$?(\d+)/.exec(address);
  return m ? Number(m[1]) - 1 : 0;
}

function orderedProfiles(profiles: readonly RoleProfile[]): RoleProfile[] {
  return ROLE_ORDER.map((key) => profiles.find((p) => p.key === key) ?? defaultProfile(key));
}

export function defaultProfile(key: RoleKey): RoleProfile {
  const found = DEFAULT_ROLE_PROFILES.find((p) => p.key === key);
  if (!found) throw new RangeError(`No default role profile ${key}.`);
  return found;
}

/* ------------------------------------------------------------------ reading */

export interface RoleProblem {
  /** The cell, `Settings!C40` when the reader knew the block's address, else null. */
  readonly cell: string | null;
  readonly message: Localized;
}

export interface RolesFromSheet {
  readonly profiles: readonly RoleProfile[];
  readonly problems: readonly RoleProblem[];
}

const YES = new Set(['yes', 'y', 'true', '1', '是', '√', '✓']);
const NO = new Set(['no', 'n', 'false', '0', '否', '×', '']);

/** A Yes/No cell as typed: true, false, or null when it is neither. */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return value === null || value === undefined ? false : null;
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** `Settings!$A$40` + (rows, columns) -> `Settings!C41`. */
function cellAt(topLeft: string | null, row: number, column: number): string | null {
  if (topLeft === null) return null;
  const m = /^(.*!)?\$?([A-Z]{1,3})\$?(\d+)/.exec(topLeft);
  if (!m) return null;
  let index = 0;
  for (const ch of m[2] ?? '') index = index * 26 + (ch.charCodeAt(0) - 64);
  index += column;
  let letters = '';
  while (index > 0) {
    const rem = (index - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    index = Math.floor((index - 1) / 26);
  }
  return `${m[1] ?? ''}${letters}${Number(m[3]) + row}`;
}

/**
 * The profiles the block holds. `grid` is the values of the RoleProfiles
 * name (rows of key, label, then one cell per profile), `topLeft` its
 * address (`Settings!$A$40`) for naming cells in problems, null when
 * unknown. Anything unreadable keeps `base`'s value and is reported; a
 * missing block (grid null) gives `base` and one problem.
 */
export function roleProfilesFromBlock(
  grid: readonly (readonly unknown[])[] | null,
  topLeft: string | null,
  base: readonly RoleProfile[] = DEFAULT_ROLE_PROFILES,
): RolesFromSheet {
  const problems: RoleProblem[] = [];
  const baseProfiles = orderedProfiles(base);
  if (grid === null) {
    return {
      profiles: baseProfiles,
      problems: [
        {
          cell: null,
          message: {
            en: `The workbook has no ${ROLE_PROFILES_NAME} block in Settings; the default role profiles are used. Rebuild to add it.`,
            zh: `“设置”中没有 ${ROLE_PROFILES_NAME} 角色权限区域，使用默认角色权限。重新生成即可添加。`,
          },
        },
      ],
    };
  }
  const values = new Map<RoleSettingKey, boolean[]>();
  const known = new Set<string>(ROLE_SETTING_KEYS);
  grid.forEach((row, r) => {
    const rawKey = typeof row[KEY_COLUMN] === 'string' ? (row[KEY_COLUMN] as string).trim() : String(row[KEY_COLUMN] ?? '');
    if (!known.has(rawKey)) {
      const cell = cellAt(topLeft, r, KEY_COLUMN);
      problems.push({
        cell,
        message: {
          en: `${cell ?? `Row ${r + 1} of ${ROLE_PROFILES_NAME}`}: "${rawKey}" is not a role setting Tierwise knows; the row is ignored. Keys in column A must stay as written.`,
          zh: `${cell ?? `${ROLE_PROFILES_NAME} 第 ${r + 1} 行`}：“${rawKey}”不是本工具认识的角色设置，已忽略该行。A 列的键请保持原样。`,
        },
      });
      return;
    }
    const key = rawKey as RoleSettingKey;
    const parsed = baseProfiles.map((profile, i) => {
      const value = row[FIRST_PROFILE_COLUMN + i];
      const yesNo = parseYesNo(value);
      if (yesNo !== null) return yesNo;
      const fallback = settingValue(profile, key);
      const cell = cellAt(topLeft, r, FIRST_PROFILE_COLUMN + i);
      const where: Localized = cell ? { en: `Cell ${cell}`, zh: `单元格 ${cell}` } : { en: `${key} for ${profile.label.en}`, zh: `${profile.label.zh}的 ${key}` };
      problems.push({
        cell,
        message: {
          en: `${where.en} holds "${String(value)}", not Yes or No; the default (${fallback ? 'Yes' : 'No'}) is kept for ${profile.label.en}.`,
          zh: `${where.zh}的内容“${String(value)}”不是“是”或“否”，${profile.label.zh}沿用默认值（${fallback ? '是' : '否'}）。`,
        },
      });
      return fallback;
    });
    values.set(key, parsed);
  });
  const profiles = baseProfiles.map((profile, i): RoleProfile => {
    const get = (key: RoleSettingKey): boolean => values.get(key)?.[i] ?? settingValue(profile, key);
    return {
      ...profile,
      editsSettings: get('editsSettings'),
      allowSortAndFilter: get('sortFilter'),
      editableColumns: EDITABLE_CANDIDATES.filter((c) => get(`edit:${c}`)),
      maskedFields: MASKABLE_FIELDS.filter((f) => get(`mask:${f}`)),
    };
  });
  return { profiles: profiles.map((p) => ({ ...p, description: describeRoleProfile(p) })), problems };
}
