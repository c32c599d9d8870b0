/**
 * Where a joined build read from (issue 11), remembered on the managed
 * Settings sheet so that Rebuild, in a later session, reads the same two
 * sources: the order log and the customer archive. Nothing is written to
 * the user's own sheets.
 *
 * A small block below everything else on the Settings sheet: a heading, then
 * one row per source (label, sheet name), with defined names pointing at the sheet-name cells
 * (`Tierwise_SourceOrders`, `Tierwise_SourceArchive`) so the pane finds them
 * without knowing the layout.
 */
import type { Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { columnLetter } from './a1';
import type { PlanCell, WorkbookPlan } from './types';

/** The sheets a joined build read (their names as the workbook spells them). */
export interface JoinSources {
  readonly orders: string;
  readonly archive: string;
}

export const SOURCE_NAMES = { orders: 'Tierwise_SourceOrders', archive: 'Tierwise_SourceArchive' } as const;

const TEXT = {
  heading: { en: 'Sources (read again by Rebuild)', zh: '数据来源（重新生成时读取）' },
  note: {
    en: 'If you rename or move a source sheet, type its new name here.',
    zh: '如果重命名或移动了来源工作表，请在这里填写新的名称。',
  },
  orders: { en: 'Order log', zh: '订单记录' },
  archive: { en: 'Customer archive', zh: '客户档案' },
} satisfies Record<string, Localized>;

/** Rows between the Settings sheet's last cell and the block. */
const GAP_ROWS = 2;

/** The plan with the sources block added to its Settings sheet (the plan itself is not changed). */
export function withSourcesBlock(plan: WorkbookPlan, sources: JoinSources): WorkbookPlan {
  const settings = plan.sheets.find((sheet) => sheet.key === 'settings');
  if (!settings) throw new Error('internal: a workbook plan without a Settings sheet');
  const t = (text: Localized): string => pick(text, plan.locale);
  const top = settings.cells.reduce((max, cell) => Math.max(max, cell.row), -1) + 1 + GAP_ROWS;
  const text = (value: string) => ({ kind: 'text', text: value }) as const;
  const cells: PlanCell[] = [
    { row: top, column: 0, value: text(t(TEXT.heading)), style: 'subtitle' },
    { row: top + 1, column: 0, value: text(t(TEXT.note)), style: 'note' },
  ];
  const rows = [
    { key: 'orders', label: TEXT.orders, source: sources.orders },
    { key: 'archive', label: TEXT.archive, source: sources.archive },
  ] as const;
  const names = rows.map(({ key, label, source }, i) => {
    const row = top + 2 + i;
    cells.push({ row, column: 0, value: text(t(label)), style: 'label' });
    cells.push({ row, column: 1, value: text(source), style: 'input', numberFormat: '@' });
    return { name: SOURCE_NAMES[key], sheet: 'settings' as const, address: `$${columnLetter(1)}$${row + 1}`, comment: `${t(label)}: the sheet Rebuild reads.` };
  });
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => (sheet === settings ? { ...sheet, cells: [...sheet.cells, ...cells] } : sheet)),
    names: [...plan.names, ...names],
  };
}
