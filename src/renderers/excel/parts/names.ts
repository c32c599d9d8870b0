/**
 * Part of the Office.js renderer (see ../applyPlan.ts): the workbook's defined
 * names, and the hidden registry of the sheets Tierwise manages.
 */
import type { DefinedNamePlan, WorkbookPlan } from '../../../plan/types';
import { sheetPlanOf } from './sheets';


/** Hidden workbook name listing the sheets Tierwise manages (`="Customers|Settings"`). */
export const MANAGED_SHEETS_NAME = 'Tierwise_ManagedSheets';

/**
 * The sheet names listed in the {@link MANAGED_SHEETS_NAME} registry's
 * formula (`="Customers|Settings"`, quotes doubled), as written there; none
 * for anything else. The pane uses it too, so both agree on what is Tierwise's.
 */
export function managedSheetsInRegistry(formula: unknown): string[] {
  if (typeof formula !== 'string') return [];
  const m = /^="(.*)"$/s.exec(formula);
  return (m?.[1] ?? '')
    .replace(/""/g, '"')
    .split('|')
    .filter((name) => name !== '');
}

/**
 * Queues the registry's formula: the plan's sheet names, then those already
 * registered (lower-case in `managed`) that the plan no longer has, so a
 * sheet Tierwise once made stays Tierwise's. Hidden, and re-hidden on every
 * build: one stopped between `names.add` and `visible = false` left it visible.
 */
export function queueManagedSheetsRegistry(
  workbook: Excel.Workbook,
  registry: Excel.NamedItem,
  planSheetNames: readonly string[],
  managed: ReadonlySet<string>,
): void {
  const managedNames = [...planSheetNames];
  for (const name of managed) if (!managedNames.some((n) => n.toLowerCase() === name)) managedNames.push(name);
  const registryFormula = `="${managedNames.join('|').replace(/"/g, '""')}"`;
  if (registry.isNullObject) {
    const item = workbook.names.add(MANAGED_SHEETS_NAME, registryFormula, 'Sheets Tierwise manages; do not edit.');
    item.visible = false;
  } else {
    registry.formula = registryFormula;
    // Re-assert: a build stopped inside this batch, after the add and before the hide, left the registry visible.
    registry.visible = false;
  }
}

/** Queues the plan's defined names: added when missing (probe is a null object), else their formula and comment updated. */
export function queueDefinedNames(
  workbook: Excel.Workbook,
  plan: WorkbookPlan,
  probes: readonly { readonly plan: DefinedNamePlan; readonly proxy: Excel.NamedItem }[],
): void {
  for (const { plan: n, proxy } of probes) {
    const formula = `='${sheetPlanOf(plan, n.sheet).name.replace(/'/g, "''")}'!${n.address}`;
    if (proxy.isNullObject) {
      workbook.names.add(n.name, formula, n.comment);
    } else {
      proxy.formula = formula;
      proxy.comment = n.comment;
    }
  }
}
