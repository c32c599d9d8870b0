/**
 * The email check behind a one-function interface: the well-kept `validator`
 * library's `isEmail` decides (only its isEmail module is imported, to keep
 * the pane's bundle small), with these options, chosen deliberately:
 *
 * - `allow_display_name: false`: a cell holds an address, not `Li Lei <li@x.cn>`;
 *   a display name there breaks mail merges, so the person must clean it.
 * - `require_tld: true`: `li@example` (a domain without a top-level domain) is
 *   a typo in a customer archive, not an intranet host.
 * - `allow_utf8_local_part: true`: Chinese mailboxes such as `张三@例子.中国`
 *   are real addresses (RFC 6531; Chinese providers issue them), so they are
 *   valid; the library already accepts Chinese domain labels.
 * - `allow_ip_domain: false`, `allow_underscores: false` (the defaults).
 *
 * One refusal is Tierwise's own, on top of the library: full-width ASCII
 * look-alikes (U+FF01-U+FF5E: `＠`, `．`, `ａｂｃ`) and the ideographic space,
 * which come from an input method left in full-width mode. Mail systems
 * treat `ｌｉ@example.com` as a different mailbox from `li@example.com` (the
 * library would accept it in a UTF-8 local part), so the person must retype
 * it; the message says "no full-width characters".
 *
 * Speed: `isEmail` costs about 5 µs an address (option merging, splits and
 * a dozen regular expressions), more than the rest of the checks together
 * on 100k customers. `isPlainEmail` accepts, in one pass over the
 * character codes, the common shape the library certainly accepts with the
 * options above (ASCII `local@label.label.tld`); anything else goes to the
 * library. tests/unit/quality/email.test.ts checks the two agree on generated
 * addresses and strings.
 */
import isEmail from 'validator/lib/isEmail';

export type EmailValidator = (text: string) => boolean;

export const EMAIL_OPTIONS = {
  allow_display_name: false,
  require_display_name: false,
  allow_utf8_local_part: true,
  require_tld: true,
  allow_ip_domain: false,
  allow_underscores: false,
  domain_specific_validation: false,
} as const;

/** Full-width ASCII forms and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** 1 for the characters of an unquoted local part the library's ASCII pattern allows (`[a-z\d!#$%&'*+\-/=?^_`{|}~]`). */
const LOCAL_CHAR = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~") LOCAL_CHAR[c.charCodeAt(0)] = 1;

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isLabelChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45;
}

/** plainEmailHash's answer for an address that is not of the plain shape (outside the int32 hashes). */
export const NOT_PLAIN_EMAIL = 2 ** 32;

/**
 * For an ASCII address of the common shape, which `isEmail` with
 * EMAIL_OPTIONS accepts: at most 254 characters; one `@`; a local part of
 * 1-64 allowed characters, dots only between them; a domain of two or more
 * labels of 1-63 letters, digits and hyphens, no hyphen at a label's ends,
 * the last label letters only, two or more: the address's FNV-1a hash with
 * A-Z folded to a-z (foldedTextHash in duplicateKeys.ts, the duplicate
 * search's key), computed in the same pass. NOT_PLAIN_EMAIL means "ask the
 * library".
 */
export function plainEmailHash(text: string): number {
  const length = text.length;
  if (length > 254) return NOT_PLAIN_EMAIL;
  let hash = 0x811c9dc5 | 0;
  let i = 0;
  // Local part: runs of allowed characters separated by single dots.
  let runLength = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 64) break;
    if (code === 46) {
      if (runLength === 0) return NOT_PLAIN_EMAIL;
      runLength = 0;
    } else if (code < 128 && LOCAL_CHAR[code] === 1) runLength++;
    else return NOT_PLAIN_EMAIL;
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
  }
  if (i === length || i === 0 || i > 64 || runLength === 0) return NOT_PLAIN_EMAIL;
  hash = Math.imul(hash ^ 64, 0x01000193);
  // Domain labels.
  let labels = 0;
  let labelStart = i + 1;
  let lettersOnly = true;
  let lastLabelLength = 0;
  for (let j = labelStart; j <= length; j++) {
    const code = j === length ? 46 : text.charCodeAt(j);
    if (code === 46) {
      const labelLength = j - labelStart;
      if (labelLength === 0 || labelLength > 63) return NOT_PLAIN_EMAIL;
      if (text.charCodeAt(labelStart) === 45 || text.charCodeAt(j - 1) === 45) return NOT_PLAIN_EMAIL;
      labels++;
      labelStart = j + 1;
      lastLabelLength = labelLength;
      if (j < length) lettersOnly = true;
    } else if (isLabelChar(code)) {
      if (!isLetter(code)) lettersOnly = false;
    } else return NOT_PLAIN_EMAIL;
    if (j < length) hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
  }
  // The last label (the top-level domain): letters only, two or more.
  return labels >= 2 && lettersOnly && lastLabelLength >= 2 ? hash : NOT_PLAIN_EMAIL;
}

/** True only for an address of plainEmailHash's plain shape (false: ask the library). */
function isPlainEmail(text: string): boolean {
  return plainEmailHash(text) !== NOT_PLAIN_EMAIL;
}

/** The rule below for an address plainEmailHash has already found not plain: no full-width look-alike, and the library accepts it. */
export function isValidNonPlainEmail(text: string): boolean {
  return !FULL_WIDTH.test(text) && isEmail(text, EMAIL_OPTIONS);
}

/** True for a valid address (the rule above). The caller trims surrounding spaces. */
export const isValidEmail: EmailValidator = (text) => isPlainEmail(text) || isValidNonPlainEmail(text);

/** The library's verdict alone (no fast path, no full-width refusal): tests compare the two. */
export function libraryVerdict(text: string): boolean {
  return isEmail(text, EMAIL_OPTIONS);
}
