/**
 * Searching per-rep copies for what must not be there (issue 7 §3): every
 * part of an .xlsx package as text, and the texts of the owners fixture
 * (tests/fixtures/copies/customers-owners.csv) that a copy must not hold.
 * Shared by the pane's copy tests (DOM and Chromium).
 */
import JSZip from 'jszip';
import { identifyingTexts } from './ownersFixture';

export const ownerOfRow = (row: Record<string, string>): string => row['负责人'] ?? '';

/** Every file of a zip (an .xlsx package, or the zip of copies) as UTF-8 text, by name. */
export async function zipParts(bytes: Uint8Array): Promise<{ readonly name: string; readonly text: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => ({ name: f.name, text: await f.async('string') })),
  );
}

/**
 * What the copy of `owner` ('' = none) must not hold: other owners'
 * customers' IDs, names, phones, emails, ID numbers, addresses; other
 * owners' names; its own customers' unmasked ID numbers and addresses.
 */
export function forbiddenInCopy(rows: readonly Record<string, string>[], owner: string): Set<string> {
  const others = rows.filter((r) => ownerOfRow(r) !== owner);
  const forbidden = new Set<string>();
  for (const other of others) for (const text of identifyingTexts(other)) forbidden.add(text);
  for (const name of new Set(others.map(ownerOfRow))) if (name !== '') forbidden.add(name);
  for (const mine of rows.filter((r) => ownerOfRow(r) === owner)) {
    if (mine['地址']) forbidden.add(mine['地址']);
    if (mine['身份证号'] && mine['身份证号'] !== 'unknown-id') forbidden.add(mine['身份证号']);
  }
  return forbidden;
}

/** The "part holds text" findings, as `part: text` (empty = clean); XML-escaped spellings count too. */
export function leaks(parts: readonly { readonly name: string; readonly text: string }[], forbidden: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const part of parts) {
    for (const text of forbidden) {
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (part.text.includes(text) || part.text.includes(escaped)) found.push(`${part.name}: ${text}`);
    }
  }
  return found;
}
