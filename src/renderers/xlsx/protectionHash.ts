/**
 * The password verifier Excel stores for sheet and workbook protection
 * (ECMA-376 Part 1, §18.2.29 workbookProtection / §18.3.1.85
 * sheetProtection, "Agile" hashing as in ISO/IEC 29500 and MS-OFFCRYPTO
 * §2.3.4.7): H0 = SHA-512(salt || password as UTF-16LE); then spinCount
 * times Hn = SHA-512(Hn-1 || n as 4-byte little-endian). Stored base64.
 *
 * The password itself is never kept: callers derive a verifier once per
 * write (or once per batch of copies, which share one password) and pass it
 * to the writers; the verifier alone does not give the password back.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Excel's own default: 100,000 rounds. */
export const DEFAULT_SPIN_COUNT = 100_000;

export interface ProtectionVerifier {
  readonly algorithmName: 'SHA-512';
  /** base64 */
  readonly hashValue: string;
  /** base64, 16 random bytes */
  readonly saltValue: string;
  readonly spinCount: number;
}

/** Derives the verifier of `password` with a fresh random salt (or the given one, for tests). */
export function protectionVerifier(password: string, options: { readonly saltValue?: string; readonly spinCount?: number } = {}): ProtectionVerifier {
  const saltValue = options.saltValue ?? randomBytes(16).toString('base64');
  const spinCount = options.spinCount ?? DEFAULT_SPIN_COUNT;
  let hash = createHash('sha512').update(Buffer.from(saltValue, 'base64')).update(Buffer.from(password, 'utf16le')).digest();
  const counter = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    counter.writeUInt32LE(i, 0);
    hash = createHash('sha512').update(hash).update(counter).digest();
  }
  return { algorithmName: 'SHA-512', hashValue: hash.toString('base64'), saltValue, spinCount };
}

/** What a writer needs to protect a plan: no password (protection without one), or a verifier. */
export interface ProtectionWriteOptions {
  /** Absent: sheets and structure are protected without a password. */
  readonly verifier?: ProtectionVerifier;
}
