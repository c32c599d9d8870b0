/**
 * Checks a protection password against what an .xlsx stores, by ECMA-376
 * Part 1 §18.2.29 / §18.3.1.85 and MS-OFFCRYPTO §2.3.4.7, written here from
 * the spec and independently of the writer's code: H0 = SHA-512(salt ||
 * UTF-16LE password), Hi = SHA-512(Hi-1 || i as uint32 LE), i < spinCount.
 */
import { createHash } from 'node:crypto';

/** `prefix` 'workbook' reads workbookAlgorithmName, workbookHashValue, ... */
export function passwordVerifies(password: string, attrs: Record<string, string>, prefix: '' | 'workbook' = ''): boolean {
  const key = (name: string): string => attrs[prefix === '' ? name : `${prefix}${name[0]?.toUpperCase()}${name.slice(1)}`] ?? '';
  if (key('algorithmName') !== 'SHA-512') return false;
  let h = createHash('sha512').update(Buffer.concat([Buffer.from(key('saltValue'), 'base64'), Buffer.from(password, 'utf16le')])).digest();
  const spins = Number(key('spinCount'));
  for (let i = 0; i < spins; i++) {
    const n = Buffer.alloc(4);
    n.writeUInt32LE(i);
    h = createHash('sha512').update(Buffer.concat([h, n])).digest();
  }
  return h.toString('base64') === key('hashValue');
}

/** The attributes of the first `<tag ...>` in an XML text, or null. */
export function xmlAttributes(xml: string, tag: string): Record<string, string> | null {
  const match = new RegExp(`<${tag}\\b([^>]*)/?>`).exec(xml);
  if (!match) return null;
  return Object.fromEntries([...(match[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));
}
