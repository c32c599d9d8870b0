/**
 * Masking of personal fields for the per-rep copies (issue 7 §3): one rule
 * per MaskableField. Pure and deterministic.
 *
 * The one rule every function keeps: a value is masked in its field's format
 * only when it looks like what its column claims (a phone in a phone column);
 * anything else is masked whole, as {@link WHOLE_MASK}, whose fixed length
 * tells nothing about the value. A mask never keeps more than the documented
 * visible parts, so changing a hidden character never changes the output
 * (the property tests check exactly that).
 */
import type { MaskableField } from './roles';

/** What a value that does not look like its field becomes: fixed length, so even the length is hidden. */
export const WHOLE_MASK = '********';

/** NFKC only when non-ASCII: full-width digits and letters become ASCII. */
function fold(text: string): string {
  return /[\u0080-\uFFFF]/.test(text) ? text.normalize('NFKC') : text;
}

// ---------------------------------------------------------------- phone

/** Separators people type inside phone numbers (NFKC has turned full-width forms into these). */
const PHONE_SEPARATORS = /[\s\-.()]/g;
const CN_MOBILE = /^1[3-9]\d{9}$/;
/** Mainland area codes: 010 and 02x are three digits with the leading 0, every other area code four. */
const CN_LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/;
/** An extension after the number: `转 801`, `ext. 12`, `x12`. It is dropped from the mask. */
const PHONE_EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i;

/**
 * A phone number: a mainland mobile keeps its first three and last four
 * digits (`138****1234`) and an international prefix as typed
 * (`+86 138****1234`, `0086 138****1234`); a landline keeps its area code
 * and last four digits (`010-****5678`); any other number of 7-15 digits
 * keeps its last four (`****2671`). Anything else is masked whole.
 */
export function maskPhone(value: string): string {
  const text = fold(value).trim().replace(PHONE_EXTENSION, '');
  const compact = text.replace(PHONE_SEPARATORS, '');
  const match = /^(\+86|0086|\+|00)?(\d+)$/.exec(compact);
  if (match === null) return WHOLE_MASK;
  const prefix = match[1] ?? '';
  let digits = match[2] as string;
  const chinese = prefix === '+86' || prefix === '0086';
  // `86 13812341234` typed without the plus: a mainland mobile behind the country code.
  let shownPrefix = chinese ? prefix : '';
  if (prefix === '' && digits.length === 13 && digits.startsWith('86') && CN_MOBILE.test(digits.slice(2))) {
    shownPrefix = '86';
    digits = digits.slice(2);
  }
  const withPrefix = (masked: string): string => (shownPrefix === '' ? masked : `${shownPrefix} ${masked}`);
  if (prefix === '' || chinese) {
    if (CN_MOBILE.test(digits)) return withPrefix(`${digits.slice(0, 3)}****${digits.slice(7)}`);
    // After +86 a landline drops its leading 0 (`+86 10 12345678`).
    const landline = CN_LANDLINE.exec(chinese && !digits.startsWith('0') ? `0${digits}` : digits);
    if (landline !== null) {
      const area = landline[1] as string;
      return withPrefix(`${chinese ? area.slice(1) : area}-****${(landline[2] as string).slice(-4)}`);
    }
  }
  if (digits.length >= 7 && digits.length <= 15) return `****${digits.slice(-4)}`;
  return WHOLE_MASK;
}

// ---------------------------------------------------------------- email

const EMAIL = /^([^\s@]+)@([^\s@.]+(?:\.[^\s@.]+)+)$/;

/** `zhang.san@example.com` -> `z***@example.com`: the first character and the domain stay. */
export function maskEmail(value: string): string {
  const match = EMAIL.exec(fold(value).trim());
  if (match === null) return WHOLE_MASK;
  const local = match[1] as string;
  const first = [...local][0] as string;
  return `${first}***@${match[2] as string}`;
}

// ---------------------------------------------------------------- ID numbers

/** An 18-digit resident ID: 6 area digits, YYYYMMDD, 3 sequence digits, a check digit or X. */
const RESIDENT_ID_18 = /^\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
/** A 15-digit resident ID (issued before 1999): 6 area digits, YYMMDD, 3 sequence digits. */
const RESIDENT_ID_15 = /^\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;
/**
 * A Unified Social Credit Code (GB 32100-2015): registration authority and
 * type, 6 area digits, a 9-character organisation code, a check character;
 * the alphabet has no I, O, S, V or Z.
 */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * A resident ID or a Unified Social Credit Code: the first four and the last
 * four characters stay (`1101**********002X`, `9111**********0X2Y`); a
 * 15-digit ID keeps its first four and last three (`1101********002`).
 * Spaces and dashes typed inside are ignored; anything else is masked whole.
 */
export function maskIdNumber(value: string): string {
  const text = fold(value).trim().replace(/[\s-]/g, '').toUpperCase();
  // All digits (a trailing X allowed) claims to be a resident ID, so it must be a valid one.
  const looksResident = /^\d{17}[\dX]$/.test(text);
  if (looksResident ? RESIDENT_ID_18.test(text) : CREDIT_CODE.test(text)) return `${text.slice(0, 4)}${'*'.repeat(10)}${text.slice(14)}`;
  if (RESIDENT_ID_15.test(text)) return `${text.slice(0, 4)}${'*'.repeat(8)}${text.slice(12)}`;
  return WHOLE_MASK;
}

// ---------------------------------------------------------------- address

const CJK = /[\u3400-\u9fff]/;
const MUNICIPALITY = /^(北京|上海|天津|重庆)(市)?/;
/** A province-level prefix: `广东省`, `广西壮族自治区`, `香港特别行政区`. */
const PROVINCE = /^(?:[\u3400-\u9fff]{2,3}省|[\u3400-\u9fff]{2,7}?自治区|[\u3400-\u9fff]{2}特别行政区)/;
/** The end of a prefecture-level name: 市, 自治州, 盟, 地区, or a lone 州 (`恩施州`, `广州天河区`). */
const CITY_END = /市|自治州|盟|地区|州(?!市)/;
/** Parts of an English address that are the street line: a house number, `Flat 2`, `Suite 100`, `#5`, `PO Box 12`. */
const STREET_PART = /^(?:\d|#|(?:flat|apt|apartment|suite|unit|room|floor|fl|building|bldg|no|p\.?\s*o\.?\s*box)\b)/i;

/**
 * An address kept to its city. Chinese: the province if any and the city,
 * up to and including 市 / 自治州 / 盟 / 地区 / 州 (`广东省深圳市`); for the
 * four municipalities their name (`北京市`). English (comma-separated): the
 * parts after the street line, without any token holding a digit (house
 * numbers, postcodes): `221B Baker Street, London NW1 6XE, UK` -> `London, UK`.
 * An address where no city can be told apart is masked whole.
 */
export function maskAddress(value: string): string {
  const text = fold(value).trim().replace(/\s+/g, ' ');
  if (text === '' || text.includes('@')) return WHOLE_MASK;
  if (CJK.test(text)) {
    const compact = text.replace(/\s/g, '');
    const municipality = MUNICIPALITY.exec(compact);
    if (municipality !== null) return municipality[0];
    const province = PROVINCE.exec(compact)?.[0] ?? '';
    const rest = compact.slice(province.length);
    const end = CITY_END.exec(rest);
    // A city name has a character or more before its marker (广州), at most a handful.
    if (end === null || end.index < 1 || end.index > 10) return WHOLE_MASK;
    return `${province}${rest.slice(0, end.index + end[0].length)}`;
  }
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return WHOLE_MASK;
  let lastStreet = 0; // without a recognisable street part, the first part is taken as the street line
  parts.forEach((part, i) => {
    if (STREET_PART.test(part)) lastStreet = i;
  });
  const kept = parts
    .slice(lastStreet + 1)
    .map((part) => part.split(' ').filter((token) => !/\d/.test(token)).join(' '))
    .filter((part) => part !== '');
  return kept.length === 0 ? WHOLE_MASK : kept.join(', ');
}

// ---------------------------------------------------------------- name

/**
 * A person's or company's name: the first character and a fixed run of
 * stars (`张**`, `J***`), so neither the length nor the rest shows. A "name"
 * holding digits or `@` is not a name (a phone or email in the wrong
 * column) and is masked whole.
 */
export function maskName(value: string): string {
  const text = fold(value).trim();
  if (text === '' || /[\d@]/.test(text)) return WHOLE_MASK;
  const first = [...text][0] as string;
  return CJK.test(first) ? `${first}**` : `${first}***`;
}

// ---------------------------------------------------------------- by field

const MASKERS: Readonly<Record<MaskableField, (value: string) => string>> = {
  name: maskName,
  phone: maskPhone,
  email: maskEmail,
  idNumber: maskIdNumber,
  address: maskAddress,
};

/**
 * Masks one cell value of a maskable field. Empty values stay empty (there
 * is nothing to hide); numbers are read as their digits (a phone or ID typed
 * as a number); any other kind of value is masked whole.
 */
export function maskValue(field: MaskableField, value: string | number | boolean | null): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return WHOLE_MASK;
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value;
  if (typeof value === 'string' && value.trim() === '') return null;
  if (text === '') return WHOLE_MASK;
  return MASKERS[field](text);
}
