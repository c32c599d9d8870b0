/**
 * What each quality check tells the user to do, in English and Simplified
 * Chinese, and each check's short name (the Quality sheet's counts, the
 * pane's Done screen).
 */
import type { Localized } from '../../i18n/locale';
import type { FieldKey } from '../types';
import type { QualityRuleKey } from './types';

/** Short names of the checks. */
export const QUALITY_CHECK_NAMES: Readonly<Record<QualityRuleKey, Localized>> = {
  'duplicate-mobile': { en: 'Same mobile, different IDs', zh: '手机号相同、编号不同' },
  'duplicate-email': { en: 'Same email, different IDs', zh: '邮箱相同、编号不同' },
  'duplicate-uscc': { en: 'Same credit code, different IDs', zh: '统一社会信用代码相同、编号不同' },
  'duplicate-resident-id': { en: 'Same resident ID, different IDs', zh: '身份证号相同、编号不同' },
  'duplicate-name-region': { en: 'Same name in the same region', zh: '同一地区同名' },
  'invalid-mobile': { en: 'Invalid mobile', zh: '手机号无效' },
  'invalid-landline': { en: 'Invalid landline', zh: '座机号无效' },
  'invalid-email': { en: 'Invalid email', zh: '邮箱无效' },
  'invalid-resident-id': { en: 'Resident ID fails its check digit', zh: '身份证号校验位错误' },
  'invalid-resident-id-birth-date': { en: 'Resident ID with an impossible birth date', zh: '身份证号出生日期无效' },
  'invalid-uscc': { en: 'Credit code fails its check character', zh: '统一社会信用代码校验位错误' },
  'missing-required-field': { en: 'Required field missing', zh: '必填项缺失' },
  'satisfaction-out-of-range': { en: 'Satisfaction outside 1-5', zh: '满意度不在 1-5 之间' },
  'future-date': { en: 'Date in the future', zh: '日期在未来' },
  'stale-contact': { en: 'Stale record', zh: '久未联系' },
  'missing-consent': { en: 'Marketing consent missing', zh: '缺少营销授权' },
};

/** The name of an import issue listed among the checks. */
export const IMPORT_CHECK_NAME: Localized = { en: 'Import: ', zh: '导入：' };

/** Field names as the messages say them. */
const FIELD_WORDS: Readonly<Partial<Record<FieldKey, Localized>>> = {
  name: { en: 'name', zh: '姓名' },
  phone: { en: 'phone', zh: '电话' },
  email: { en: 'email', zh: '邮箱' },
  owner: { en: 'owner', zh: '负责人' },
  region: { en: 'region', zh: '地区' },
  customerType: { en: 'customer type', zh: '客户类型' },
  idNumber: { en: 'ID number', zh: '证件号码' },
  address: { en: 'address', zh: '地址' },
  lastContact: { en: 'last contact', zh: '最近联系' },
  satisfaction: { en: 'satisfaction', zh: '满意度' },
  consent: { en: 'marketing consent', zh: '营销授权' },
  firstPurchase: { en: 'first purchase', zh: '首次购买' },
  lastPurchase: { en: 'last purchase', zh: '最近购买' },
};

export function fieldWords(field: FieldKey): Localized {
  return FIELD_WORDS[field] ?? { en: field, zh: field };
}

/** At most this many other IDs are named in a duplicate's message (a group of 5,000 namesakes stays one line). */
export const MAX_IDS_IN_MESSAGE = 5;

/**
 * The group's IDs other than `self`: the first five named, the rest counted.
 * Constant work per member (never a filter over the whole group, which would
 * be quadratic in a group of 5,000 namesakes).
 */
function otherIds(ids: readonly string[], self: string): Localized {
  const named: string[] = [];
  for (let i = 0; i < ids.length && named.length < MAX_IDS_IN_MESSAGE; i++) if (ids[i] !== self) named.push(ids[i]!);
  const others = ids.length - 1;
  const more = others - named.length;
  const list = named.join(', ');
  return more > 0 ? { en: `${list} and ${more} more`, zh: `${list} 等 ${others} 个` } : { en: list, zh: list };
}

export const MESSAGES = {
  /** A probable duplicate: `ids` is the whole group, `self` the customer the message is for. */
  duplicate(check: QualityRuleKey, ids: readonly string[], self: string): Localized {
    const others = otherIds(ids, self);
    const what: Localized =
      check === 'duplicate-mobile'
        ? { en: 'the same mobile', zh: '手机号' }
        : check === 'duplicate-email'
          ? { en: 'the same email', zh: '邮箱' }
          : check === 'duplicate-uscc'
            ? { en: 'the same Unified Social Credit Code', zh: '统一社会信用代码' }
            : check === 'duplicate-resident-id'
              ? { en: 'the same resident ID', zh: '身份证号' }
              : { en: 'the same name in the same region', zh: '姓名和地区' };
    return {
      en: `Has ${what.en} as ${others.en}: probably one customer. Merge the records or correct the value.`,
      zh: `与 ${others.zh} 的${what.zh}相同，可能是同一客户。请合并记录或更正该值。`,
    };
  },
  invalidMobile: {
    en: 'Not a mainland mobile (11 digits starting 13-19). Correct the number.',
    zh: '不是有效的大陆手机号（以 13-19 开头的 11 位数字）。请更正号码。',
  },
  invalidLandline: {
    en: 'Not a valid landline (area code, then 7-8 digits). Correct the number.',
    zh: '不是有效的座机号（区号加 7-8 位号码）。请更正号码。',
  },
  invalidEmail: {
    en: 'Not a valid email address. Correct it (no spaces, no full-width characters).',
    zh: '不是有效的邮箱地址。请更正（不含空格和全角字符）。',
  },
  invalidResidentId: {
    en: 'The resident ID fails its check digit (GB 11643). Check the number against the ID card.',
    zh: '身份证号校验位不符（GB 11643）。请对照身份证核对号码。',
  },
  invalidResidentIdShape: {
    en: 'Not a resident ID (18 digits, the last may be X). Check the number against the ID card.',
    zh: '不是有效的身份证号（18 位，末位可为 X）。请对照身份证核对号码。',
  },
  invalidResidentIdBirthDate: {
    en: 'The resident ID holds an impossible birth date. Check the number against the ID card.',
    zh: '身份证号中的出生日期不存在。请对照身份证核对号码。',
  },
  invalidUscc: {
    en: 'The Unified Social Credit Code fails its check character (GB 32100). Check it against the business licence.',
    zh: '统一社会信用代码校验位不符（GB 32100）。请对照营业执照核对。',
  },
  invalidUsccShape: {
    en: 'Not a Unified Social Credit Code (18 characters, no I, O, Z, S or V). Check it against the business licence.',
    zh: '不是有效的统一社会信用代码（18 位，不含 I、O、Z、S、V）。请对照营业执照核对。',
  },
  missingField(field: FieldKey): Localized {
    const w = fieldWords(field);
    return { en: `The ${w.en} is missing. Fill it in.`, zh: `缺少${w.zh}。请补充。` };
  },
  missingColumn(field: FieldKey): Localized {
    const w = fieldWords(field);
    return {
      en: `The source has no ${w.en} column, which the settings require. Add the column to the source and rebuild.`,
      zh: `来源中没有设置要求的“${w.zh}”列。请在来源中添加该列后重新生成。`,
    };
  },
  satisfaction: {
    en: 'Satisfaction must be a whole number from 1 to 5. Correct it.',
    zh: '满意度须为 1 到 5 的整数。请更正。',
  },
  futureDate(field: FieldKey): Localized {
    const w = fieldWords(field);
    return { en: `The ${w.en} date is in the future. Correct the date.`, zh: `${w.zh}日期在未来。请更正日期。` };
  },
  stale(days: number, limit: number): Localized {
    return {
      en: `Last contact ${days} days ago (more than ${limit}): stale record. Call to update.`,
      zh: `最近联系在 ${days} 天前（超过 ${limit} 天），资料可能过时。请致电更新。`,
    };
  },
  missingConsent: {
    en: 'Marketing consent is not recorded. Ask the customer before any campaign.',
    zh: '未记录营销授权。开展营销前请先征得客户同意。',
  },
  noConsentColumn: {
    en: 'The source has no marketing consent column. Record consent before any campaign.',
    zh: '来源中没有营销授权列。开展营销前请先记录授权。',
  },
} as const;
