/**
 * Part of the Office.js renderer (see ../applyPlan.ts): the workbook's defined
 * names, and the hidden registry of the sheets Tierwise manages.
 */


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
