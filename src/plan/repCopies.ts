/**
 * Per-rep copies (issue 7 §3): from the master grading, one WorkbookPlan per
 * owner (sales rep), and one for the customers without an owner, holding
 * only those customers, with the profile's personal fields masked.
 *
 * How nothing of another owner can remain: a copy's plan is built by the
 * ordinary plan builder from a PlanInput that holds only that owner's
 * customers (already masked), so every part it derives — the table, the
 * owner dropdown, column widths, cached results — sees no one else. Parts
 * added later (a summary, charts) must be built from the same
 * {@link repCopyPlanInput}. The only population figures a copy carries are
 * the ones its grades need: the as-of date and the breakpoints, written as
 * constants (the breakpoint formulas would otherwise recompute over this
 * owner alone and change the grades), with a note in the Settings sheet
 * saying where they come from and why; and, with a prediction (issue 9),
 * the master's fitted parameters and fit figures on Settings (the copy's
 * prediction columns are the master's per-customer figures for its own
 * customers; nothing is refitted on one owner).
 *
 * Pure: no file is written here (see src/renderers/xlsx for that).
 */
import type { Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import type { CarriedValue, CustomerRecord, FieldKey, GradedCustomer, GradingResult } from '../domain/types';
import type { MaskableField, RoleProfile } from '../domain/roles';
import { maskValue } from '../domain/masking';
import { matchHeader } from '../domain/import/headers';
import { subsetPredictionRun } from '../domain/prediction/subset';
import { buildWorkbookPlan, USER_NOTES_KEY, type PlanInput } from './buildPlan';
import { NAMES } from './formulas';
import { SETTINGS_TEXT } from './strings';
import type { PlanCell, PlanValue, SheetPlan, SheetProtectionPlan, WorkbookPlan } from './types';
import { REP_COPY_TEXT } from './repCopyStrings';

/** One copy's customers: an owner's (as typed, trimmed), or those with no owner (`owner` null). */
export interface OwnerGroup {
  readonly owner: string | null;
  readonly customers: readonly GradedCustomer[];
}

/** The owner of a customer as the plan's owner dropdown reads it: trimmed text, empty = none. */
export function ownerOf(customer: GradedCustomer): string | null {
  const owner = customer.record.profile.owner;
  if (owner === null || owner === undefined) return null;
  const text = String(owner).trim();
  return text === '' ? null : text;
}

/**
 * Groups customers by owner in one pass (linear time), keeping the master's
 * row order inside each group; owners in order of first appearance, the
 * group without an owner last (present only when such customers exist).
 */
export function groupByOwner(customers: readonly GradedCustomer[]): OwnerGroup[] {
  const groups = new Map<string, GradedCustomer[]>();
  const unowned: GradedCustomer[] = [];
  for (const customer of customers) {
    const owner = ownerOf(customer);
    if (owner === null) {
      unowned.push(customer);
      continue;
    }
    let list = groups.get(owner);
    if (list === undefined) {
      list = [];
      groups.set(owner, list);
    }
    list.push(customer);
  }
  const out: OwnerGroup[] = [...groups].map(([owner, list]) => ({ owner, customers: list }));
  if (unowned.length > 0) out.push({ owner: null, customers: unowned });
  return out;
}

/** The maskable fields that are table fields of the same name. */
const MASKABLE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['name', 'phone', 'email', 'idNumber', 'address']);

function maskCarried(value: CarriedValue, field: MaskableField): CarriedValue {
  if (value === null) return null;
  return maskValue(field, typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : String(value));
}

/**
 * A customer with the profile's fields masked: the mapped fields, and any
 * carried (unmapped) column whose header names a masked field — the second
 * of two phone columns, say, is carried, and must not slip through.
 */
export function maskCustomer(customer: GradedCustomer, masked: ReadonlySet<MaskableField>, carriedFields: ReadonlyMap<string, MaskableField>): GradedCustomer {
  if (masked.size === 0) return customer;
  const record = customer.record;
  let profile: CustomerRecord['profile'] = record.profile;
  for (const field of masked) {
    if (!MASKABLE_FIELDS.has(field as FieldKey)) continue;
    const value = profile[field as FieldKey];
    if (value === undefined || value === null) continue;
    profile = { ...profile, [field]: maskCarried(value, field) };
  }
  let carried = record.carried;
  for (const [header, field] of carriedFields) {
    const value = carried[header];
    if (value === undefined || value === null) continue;
    carried = { ...carried, [header]: maskCarried(value, field) };
  }
  return { ...customer, record: { ...record, profile, carried } };
}

export interface RepCopyInput {
  /** The master's plan input: the whole population's grading, settings, locale and columns. */
  readonly master: PlanInput;
  /** The role the copies are for (the sales-rep profile): what is masked and what stays editable. */
  readonly profile: RoleProfile;
}

/**
 * The PlanInput of one copy: only the group's customers, masked; the
 * master's as-of date and breakpoints; an as-of setting of `today` pinned to
 * the master's date (a copy opened tomorrow must still grade as the master
 * did); no import issues (they name other owners' rows).
 */
export function repCopyPlanInput(input: RepCopyInput, group: OwnerGroup): PlanInput {
  const { master, profile } = input;
  const masked = new Set(profile.maskedFields);
  const carriedFields = new Map<string, MaskableField>();
  for (const header of master.carriedHeaders) {
    const field = matchHeader(header)?.field;
    if (field !== undefined && MASKABLE_FIELDS.has(field) && masked.has(field as MaskableField)) carriedFields.set(header, field as MaskableField);
  }
  const result: GradingResult = {
    asOf: master.result.asOf,
    breakpoints: master.result.breakpoints,
    customers: group.customers.map((c) => maskCustomer(c, masked, carriedFields)),
    issues: [],
  };
  // Issue 9: the master's prediction is indexed by the master's customers; the copy's rows are the
  // group's, so its figures are cut to them (the master's parameters, nothing refitted).
  let prediction: PlanInput['prediction'] = null;
  if (master.prediction !== null && master.prediction !== undefined) {
    const indexOf = new Map(master.result.customers.map((c, i) => [c, i] as const));
    const indexes = group.customers.map((c) => {
      const i = indexOf.get(c);
      if (i === undefined) throw new Error(`internal: customer ${c.record.id} of the copy is not one of the master's`);
      return i;
    });
    prediction = subsetPredictionRun(master.prediction, indexes, result, master.settings.tiers.map((t) => t.key), master.settings.segments.map((s) => s.key));
  }
  return {
    ...master,
    result,
    settings: { ...master.settings, asOf: { mode: 'fixed', day: master.result.asOf } },
    prediction,
    // Issue 8 §1: the master's quality findings name every owner's customers, unmasked: a copy has none.
    quality: undefined,
    // Issue 8 §2: the master's history and carried notes hold every owner's customers: a copy has neither.
    history: undefined,
    carried: undefined,
  };
}

/**
 * Builds one copy's plan: see the module comment. `build` is the plan
 * builder to run over the copy's input; a builder that adds parts (the
 * Summary sheet, charts) is passed here, so those parts, too, see only the
 * copy's customers.
 */
export function buildRepCopyPlan(input: RepCopyInput, group: OwnerGroup, build: (input: PlanInput) => WorkbookPlan = buildWorkbookPlan): WorkbookPlan {
  const plan = build(repCopyPlanInput(input, group));
  return finishRepCopyPlan(plan, input, group);
}

/**
 * Turns a plan built from {@link repCopyPlanInput} into the copy: the
 * breakpoint cells become the master's constants, the Settings notes say so,
 * and the sheets and the structure are protected as the profile says.
 */
export function finishRepCopyPlan(plan: WorkbookPlan, input: RepCopyInput, group: OwnerGroup): WorkbookPlan {
  const { master, profile } = input;
  const t = (text: Localized): string => pick(text, master.locale);
  const breakpoints = master.result.breakpoints;
  const constants = new Map<string, number>();
  const breakNames: readonly [string, readonly number[] | null][] = [
    [NAMES.rBreaks, breakpoints?.recency ?? null],
    [NAMES.fBreaks, breakpoints?.frequency ?? null],
    [NAMES.mBreaks, breakpoints?.monetary ?? null],
  ];
  let breakRow = -1;
  let breakEndColumn = -1;
  for (const [name, values] of breakNames) {
    const range = cellsOfName(plan, name);
    range.forEach(([row, column], i) => {
      // Without scored customers the master's formula yields 0 (IFERROR), so does the constant.
      constants.set(`${row}:${column}`, values?.[i] ?? 0);
      breakRow = breakRow < 0 ? row : breakRow;
      breakEndColumn = Math.max(breakEndColumn, column);
    });
  }
  const [asOfCell] = cellsOfName(plan, NAMES.asOf);
  if (asOfCell === undefined || constants.size !== 12) {
    throw new Error('internal: the plan has no AsOfDate cell or no 3 x 4 breakpoint cells');
  }
  const ownerText = group.owner ?? t(REP_COPY_TEXT.noOwner);
  const generalNote = plan.sheets.find((s) => s.key === 'settings')?.cells.find((c) => c.value?.kind === 'text' && c.value.text === t(SETTINGS_TEXT.note));
  if (generalNote === undefined) throw new Error('internal: the Settings sheet has no general note');
  const notes = new Map<string, PlanValue>([
    // the general note ("yellow cells are inputs: change them") does not hold in a locked copy
    [`${generalNote.row}:${generalNote.column}`, text(`${t(REP_COPY_TEXT.copyNote)} ${t(REP_COPY_TEXT.ownerIs)}${ownerText}`)],
    [`${asOfCell[0]}:${asOfCell[1] + 1}`, text(t(REP_COPY_TEXT.asOfFromMaster))],
  ]);
  const breakNoteKey = `${breakRow}:${breakEndColumn + 1}`;

  const sheets: SheetPlan[] = plan.sheets.map((sheet) => {
    if (sheet.key === 'settings') {
      const cells: PlanCell[] = sheet.cells.map((cell) => {
        const key = `${cell.row}:${cell.column}`;
        const constant = constants.get(key);
        if (constant !== undefined) return { row: cell.row, column: cell.column, value: { kind: 'number', value: constant }, style: 'label', ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}) };
        const note = notes.get(key);
        if (note !== undefined) return { ...cell, value: note, style: 'note' };
        return cell;
      });
      if (cells.some((c) => `${c.row}:${c.column}` === breakNoteKey)) throw new Error('internal: the cell beside the breakpoints is taken');
      cells.push({ row: breakRow, column: breakEndColumn + 1, value: text(t(REP_COPY_TEXT.breaksFromMaster)), style: 'note' });
      return profile.editsSettings ? { ...sheet, cells } : { ...sheet, cells, protection: lockedSheet(profile) };
    }
    if (sheet.key === 'customers') return { ...sheet, protection: customersProtection(plan, profile) };
    return { ...sheet, protection: lockedSheet(profile) };
  });
  return { ...plan, sheets, workbookProtection: { structure: true } };
}

function text(s: string): PlanValue {
  return { kind: 'text', text: s };
}

function lockedSheet(profile: RoleProfile): SheetProtectionPlan {
  return { unlockedColumns: [], allowSort: false, allowAutoFilter: profile.allowSortAndFilter };
}

/** The profile's editable columns, as table column keys: `notes` is the user's Notes column, whatever its key. */
function customersProtection(plan: WorkbookPlan, profile: RoleProfile): SheetProtectionPlan {
  const editable = new Set<string>(profile.editableColumns);
  const table = plan.tables.find((t) => t.sheet === 'customers');
  const unlockedColumns = (table?.columns ?? [])
    .filter((c) => c.role !== 'computed' && (editable.has(c.key) || (c.key === USER_NOTES_KEY && editable.has('notes'))))
    .map((c) => c.key);
  return { unlockedColumns, allowSort: profile.allowSortAndFilter, allowAutoFilter: profile.allowSortAndFilter };
}

/** The (row, column) cells of a defined name's absolute A1 address (`$B$9:$E$9`), row by row. */
function cellsOfName(plan: WorkbookPlan, name: string): [number, number][] {
  const defined = plan.names.find((n) => n.name === name);
  if (defined === undefined) return [];
  const [from, to = from] = defined.address.replace(/\$/g, '').split(':') as [string, string?];
  const a = parseA1(from);
  const b = parseA1(to);
  const cells: [number, number][] = [];
  for (let row = a[0]; row <= b[0]; row++) for (let column = a[1]; column <= b[1]; column++) cells.push([row, column]);
  return cells;
}

function parseA1(ref: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (match === null) throw new Error(`internal: not an A1 cell: ${ref}`);
  let column = 0;
  for (const ch of match[1] as string) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(match[2]) - 1, column - 1];
}

/** Every copy of the master, in {@link groupByOwner}'s order. */
export function buildRepCopyPlans(input: RepCopyInput): { readonly owner: string | null; readonly plan: WorkbookPlan; readonly customers: number }[] {
  return groupByOwner(input.master.result.customers).map((group) => ({ owner: group.owner, plan: buildRepCopyPlan(input, group), customers: group.customers.length }));
}
