/**
 * Protection passwords in the pane: a strength hint and a generator. The
 * password lives in component state while the Protect screen is open and in
 * the arguments of one renderer call; nothing here stores it.
 */

export type PasswordStrength = 'none' | 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not an entropy estimate: length and the kinds of characters
 * (lower, upper, digits, other). Under 8 characters or one kind is weak;
 * 12+ characters with 3+ kinds is strong.
 */
export function passwordStrength(password: string): PasswordStrength {
  if (password === '') return 'none';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const length = [...password].length;
  if (length < 8 || kinds < 2) return 'weak';
  if (length >= 12 && kinds >= 3) return 'strong';
  return 'fair';
}

/** Letters and digits without look-alikes (0/O, 1/l/I), and a few symbols Excel's dialog and keyboards in both locales type easily. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!#%+';

/**
 * A random password of `length` characters from the platform's
 * cryptographic random source (crypto.getRandomValues), with rejection
 * sampling so every character is equally likely. Always "strong".
 */
export function generatePassword(length = 16, random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const limit = 256 - (256 % ALPHABET.length);
  for (;;) {
    let out = '';
    while (out.length < length) {
      for (const byte of random(new Uint8Array(length * 2))) {
        if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length];
      }
    }
    if (passwordStrength(out) === 'strong') return out;
  }
}
