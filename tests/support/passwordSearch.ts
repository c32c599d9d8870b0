/**
 * Where a password could leak in a fake workbook or a page: every cell's
 * value and formula and number format, defined names (formula, comment),
 * sheet and table names and headers, validation and conditional-format
 * texts, and (in jsdom) localStorage, sessionStorage and cookies. The
 * protection state itself (where Excel keeps its own hash) is the one place
 * it may be, and is not searched.
 */
import type { FakeWorkbookModel } from '../../src/fake-excel';

export function placesHolding(model: FakeWorkbookModel, secret: string): string[] {
  const found: string[] = [];
  const check = (where: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text.includes(secret)) found.push(where);
  };
  for (const sheet of model.sheets) {
    check(`sheet name ${sheet.name}`, sheet.name);
    const bounds = sheet.usedBounds(false);
    if (bounds) {
      for (let r = bounds.r0; r <= bounds.r1; r += 1) {
        for (let c = bounds.c0; c <= bounds.c1; c += 1) {
          check(`${sheet.name}!R${r + 1}C${c + 1}`, sheet.formula(r, c));
          check(`${sheet.name}!R${r + 1}C${c + 1} format`, sheet.numberFormat(r, c));
        }
      }
    }
    sheet.validations.forEach((v, i) => check(`${sheet.name} validation ${i}`, v));
    sheet.conditionalFormats.forEach((f, i) => check(`${sheet.name} conditional format ${i}`, f));
  }
  for (const entry of model.names.values()) check(`name ${entry.name}`, entry);
  for (const table of model.tables) check(`table ${table.name}`, { name: table.name, columns: table.columns });
  return found;
}

/** Web storage and cookies of the jsdom page. */
export function browserPlacesHolding(secret: string): string[] {
  const found: string[] = [];
  for (const [label, storage] of [
    ['localStorage', globalThis.localStorage],
    ['sessionStorage', globalThis.sessionStorage],
  ] as const) {
    if (!storage) continue;
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i) ?? '';
      if (key.includes(secret) || (storage.getItem(key) ?? '').includes(secret)) found.push(`${label}:${key}`);
    }
  }
  if (typeof document !== 'undefined' && document.cookie.includes(secret)) found.push('cookie');
  return found;
}
