/** When the sources a joined build remembered cannot be read again (issue 11 §2): the refusal, in both languages. */
import { describe, expect, it } from '@jest/globals';
import { STRINGS } from '../../../src/i18n/strings';
import { rememberedSourcesProblem } from '../../../src/taskpane/rememberedSources';
import type { JoinSources } from '../../../src/plan/sourcesBlock';

const SHEETS = ['Orders', 'CRM export', 'Tierwise Settings'];

describe('rememberedSourcesProblem', () => {
  it.each<[string, JoinSources]>([
    ['two whole sheets (a workbook built before ranges)', { orders: 'Orders', archive: 'CRM export' }],
    ['a range archive', { orders: 'Orders', archive: 'CRM export', archiveRange: 'B4:G11' }],
    ['sheet names compared as Excel does, ignoring case', { orders: 'orders', archive: 'crm EXPORT', ordersRange: 'A1:C11', archiveRange: null }],
  ])('reads again: %s', (_case, sources) => {
    expect(rememberedSourcesProblem(sources, SHEETS)).toBeNull();
  });

  it.each<[string, JoinSources, string, string]>([
    [
      'the archive range sheet was deleted',
      { orders: 'Orders', archive: 'Archive', archiveRange: 'B4:G11' },
      "The customer archive the last build read, 'Archive!B4:G11', is not in the workbook any more: its sheet was renamed or deleted.",
      '上次生成时读取的客户档案“Archive!B4:G11”已不在工作簿中：其工作表已被重命名或删除。',
    ],
    [
      'the order sheet was renamed',
      { orders: 'Orders 2023', archive: 'CRM export' },
      "The order log the last build read, 'Orders 2023', is not in the workbook any more: its sheet was renamed or deleted.",
      '上次生成时读取的订单记录“Orders 2023”已不在工作簿中：其工作表已被重命名或删除。',
    ],
    [
      'the range typed on the Settings sheet is not a block of cells',
      { orders: 'Orders', archive: 'CRM export', archiveRange: 'B4' },
      "'B4' is not a block of cells. Type the first and last cell, for example A1:H500.",
      '“B4”不是有效的单元格区域。请输入首尾两个单元格，例如 A1:H500。',
    ],
  ])('refuses: %s, and says to pick the sources again', (_case, sources, en, zh) => {
    const problem = rememberedSourcesProblem(sources, SHEETS);
    expect(problem?.what).toEqual({ en, zh });
    expect(problem?.todo).toBe(STRINGS.rememberedSourceGoneDo);
  });
});
