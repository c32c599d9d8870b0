/**
 * Role profiles (issue 7 §1): who may edit what in a protected workbook, and
 * which personal fields a role's copies mask. Data the admin can edit in the
 * Settings sheet; these are the defaults. A profile never holds a password:
 * passwords are never stored anywhere (DESIGN.md §6).
 */
import type { Localized } from '../i18n/locale';
import type { FieldKey } from './types';

export type RoleKey = 'admin' | 'manager' | 'salesRep' | 'viewer';

/** Personal fields a copy can mask. `idNumber` is a resident ID or a Unified Social Credit Code; `address` keeps the city. */
export type MaskableField = 'name' | 'phone' | 'email' | 'idNumber' | 'address';

/** A table column the role may edit: a mapped field, or one of the table's own user-entry columns. */
export type EditableColumn = FieldKey | 'tierOverride' | 'notes';

export interface RoleProfile {
  readonly key: RoleKey;
  readonly label: Localized;
  /** Plain words for the pane: what this role can and cannot do. */
  readonly description: Localized;
  /** Whether the role edits the rules (the Settings sheet); only admin by default. */
  readonly editsSettings: boolean;
  /** Table columns unlocked for this role, in table order when applied. */
  readonly editableColumns: readonly EditableColumn[];
  /** Sorting and filtering stay allowed on the protected Customers sheet. */
  readonly allowSortAndFilter: boolean;
  /** Personal fields masked in this role's copies. */
  readonly maskedFields: readonly MaskableField[];
}

export const ROLE_ORDER: readonly RoleKey[] = ['admin', 'manager', 'salesRep', 'viewer'];

export const DEFAULT_ROLE_PROFILES: readonly RoleProfile[] = [
  {
    key: 'admin',
    label: { en: 'Admin', zh: '管理员' },
    description: {
      en: 'Owns the rules: edits Settings, overrides and notes. Formulas stay locked.',
      zh: '负责规则：可修改“设置”、等级调整和备注；公式保持锁定。',
    },
    editsSettings: true,
    editableColumns: ['tierOverride', 'notes', 'name', 'customerType', 'owner', 'phone', 'email', 'region', 'lastContact', 'satisfaction', 'consent'],
    allowSortAndFilter: true,
    maskedFields: [],
  },
  {
    key: 'manager',
    label: { en: 'Manager', zh: '经理' },
    description: {
      en: 'Adjusts grades: edits the tier override and notes; everything else is read-only.',
      zh: '调整等级：可修改等级调整和备注，其他内容只读。',
    },
    editsSettings: false,
    editableColumns: ['tierOverride', 'notes'],
    allowSortAndFilter: true,
    maskedFields: [],
  },
  {
    key: 'salesRep',
    label: { en: 'Sales rep', zh: '销售代表' },
    description: {
      en: "Updates contact details, last contact date, satisfaction and notes of customers; grades and rules are read-only.",
      zh: '可更新客户的联系方式、最近联系日期、满意度和备注；等级和规则只读。',
    },
    editsSettings: false,
    editableColumns: ['phone', 'email', 'region', 'lastContact', 'satisfaction', 'notes'],
    allowSortAndFilter: true,
    maskedFields: ['idNumber', 'address'],
  },
  {
    key: 'viewer',
    label: { en: 'Viewer', zh: '只读' },
    description: {
      en: 'Reads only: nothing can be edited; sorting and filtering still work.',
      zh: '只能查看：不能修改任何内容，仍可排序和筛选。',
    },
    editsSettings: false,
    editableColumns: [],
    allowSortAndFilter: true,
    maskedFields: ['phone', 'email', 'idNumber', 'address'],
  },
];
