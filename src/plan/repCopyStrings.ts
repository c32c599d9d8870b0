/**
 * Texts of the per-rep copies (issue 7 §3), in English and Simplified
 * Chinese: the Settings notes that say where a copy's fixed values come
 * from, and the names of copies.
 */
import type { Localized } from '../i18n/locale';

export const REP_COPY_TEXT = {
  copyNote: {
    en: 'Copy for one sales rep: it holds only these customers, with personal data masked. Grades are the master workbook\'s: the as-of date and the breakpoints below are fixed values computed over all customers of the master, so every formula here gives exactly the master\'s grade. The rules are locked.',
    zh: '销售代表专用副本：只包含以下客户，个人信息已脱敏。等级与主工作簿一致：下方的截止日和分段点是按主工作簿全部客户计算出的固定值，因此本表公式得出的等级与主工作簿完全相同。规则已锁定。',
  },
  ownerIs: { en: 'Owner: ', zh: '负责人：' },
  noOwner: { en: '(no owner)', zh: '（无负责人）' },
  asOfFromMaster: {
    en: 'Fixed: the master workbook\'s as-of date, so grades match the master.',
    zh: '固定值：主工作簿的截止日，使等级与主工作簿一致。',
  },
  breaksFromMaster: {
    en: 'Fixed values from the master workbook (all its customers), not recomputed over this copy: otherwise the grades here would differ from the master\'s.',
    zh: '来自主工作簿（全部客户）的固定值，不按本副本重新计算，否则这里的等级会与主工作簿不同。',
  },
  /** File name of the copy of customers without an owner. */
  noOwnerFile: { en: 'no-owner', zh: '无负责人' },
} as const satisfies Record<string, Localized>;
