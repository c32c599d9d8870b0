/**
 * The email check behind a one-function interface, so the well-kept library
 * (`validator`'s `isEmail`, not installed yet: the lead is asked to add it)
 * replaces the rule below in one line:
 *
 *   export const isValidEmail: EmailValidator = (text) => validator.isEmail(text);
 *
 * Until then a conservative, documented rule (a subset of RFC 5322 that real
 * mail systems accept), not an RFC 5322 grammar:
 * - the address is `local@domain`, at most 254 characters, no spaces;
 * - local part: 1-64 characters of letters, digits and ``!#$%&'*+/=?^_`{|}~.-``,
 *   not starting or ending with a dot, no two dots in a row (quoted local parts
 *   are refused: nobody types them in a CRM);
 * - domain: two or more labels of letters, digits and hyphens, each 1-63
 *   characters, not starting or ending with a hyphen; the last label (the
 *   top-level domain) is letters only, two or more, or a punycode `xn--` label.
 * Full-width characters (`＠`, `．` from a Chinese input method) are refused:
 * mail sent to them bounces, so the person must retype them.
 */
export type EmailValidator = (text: string) => boolean;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/** True for an address the rule above accepts. The caller trims surrounding spaces. */
export const isValidEmail: EmailValidator = (text) => {
  if (text.length > 254) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) if (!LABEL.test(label)) return false;
  return TOP_LEVEL.test(labels[labels.length - 1]!);
};
