/**
 * The same ECMA-376 SHA-512 password verifier as protectionHash.ts (see
 * there for the algorithm), without Node: the digest is injected, and by
 * default is WebCrypto's `crypto.subtle.digest('SHA-512', ...)`, which
 * browsers and Web Workers have. For the same salt and spin count the
 * verifier equals the Node one bit for bit (tests/unit/protectionHashWeb).
 *
 * WebCrypto's digest is asynchronous, so 100,000 rounds are 100,000
 * awaited promises: about a second in Chromium (bench figure in the
 * report). The pane runs it in the grading worker, off the UI thread, and
 * `shouldStop` is asked every {@link SPINS_PER_CHECK} rounds so a Cancel is
 * seen within milliseconds.
 */
// Types only: protectionHash.ts itself needs node:crypto.
import type { ProtectionVerifier } from './protectionHash';

/** Excel's default, as protectionHash.ts's DEFAULT_SPIN_COUNT (a test holds them equal). */
export const WEB_SPIN_COUNT = 100_000;

export type Sha512 = (data: Uint8Array) => Promise<Uint8Array>;

/** SHA-512 by WebCrypto (the global `crypto.subtle`). */
export const webCryptoSha512: Sha512 = async (data) => {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('This browser has no WebCrypto (crypto.subtle): the copies cannot be protected with a password here.');
  return new Uint8Array(await subtle.digest('SHA-512', data as Uint8Array<ArrayBuffer>));
};

/** Rounds between two looks at `shouldStop` (and a macrotask yield, so a cancel message is delivered). */
export const SPINS_PER_CHECK = 5_000;

export class HashStopped extends Error {
  constructor() {
    super('password hashing stopped');
    this.name = 'HashStopped';
  }
}

export interface WebVerifierOptions {
  readonly digest?: Sha512;
  /** base64 of 16 bytes; default: fresh random bytes from crypto.getRandomValues. */
  readonly saltValue?: string;
  readonly spinCount?: number;
  /** Asked every SPINS_PER_CHECK rounds; true stops with {@link HashStopped}. */
  readonly shouldStop?: () => boolean;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** UTF-16LE code units of the password, as Excel hashes it. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >>> 8;
  }
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Derives the verifier of `password` (fresh random salt unless given). */
export async function protectionVerifierWeb(password: string, options: WebVerifierOptions = {}): Promise<ProtectionVerifier> {
  const digest = options.digest ?? webCryptoSha512;
  const saltValue = options.saltValue ?? bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const spinCount = options.spinCount ?? WEB_SPIN_COUNT;
  let hash = await digest(concat(base64ToBytes(saltValue), utf16le(password)));
  // One buffer reused for every round: the 64-byte hash then the 4-byte little-endian round number.
  const round = new Uint8Array(hash.length + 4);
  const view = new DataView(round.buffer);
  for (let i = 0; i < spinCount; i++) {
    if (i % SPINS_PER_CHECK === 0 && i > 0 && options.shouldStop !== undefined) {
      await yieldToEventLoop();
      if (options.shouldStop()) throw new HashStopped();
    }
    round.set(hash, 0);
    view.setUint32(hash.length, i, true);
    hash = await digest(round);
  }
  return { algorithmName: 'SHA-512', hashValue: bytesToBase64(hash), saltValue, spinCount };
}
