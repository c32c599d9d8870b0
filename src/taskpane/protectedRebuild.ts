/**
 * When a build meets a protected workbook (issue 7 §2): whether the pane
 * asks for the protection password (and with which problem shown), rather
 * than showing the error screen.
 */
import type { Localized } from '../i18n/locale';
import { BuildInterruptedError } from '../renderers/excel/errors';
import { ProtectionError } from '../renderers/excel/protection';

/**
 * `undefined`: not a protection matter (show the error as usual); `null`:
 * ask for the password (applyPlan refused a protected sheet, nothing was
 * written); a text: ask again, saying why (a wrong password, or protection
 * Tierwise cannot lift and put back).
 */
export function rebuildPasswordPrompt(thrown: unknown, passwordGiven: boolean): Localized | null | undefined {
  if (!passwordGiven && thrown instanceof BuildInterruptedError && thrown.reason === 'sheetProtected') return null;
  if (thrown instanceof ProtectionError && thrown.code !== 'notReprotected') return thrown.description;
  return undefined;
}
