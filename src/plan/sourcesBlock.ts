/**
 * Where a joined build read from (issue 11), remembered on the managed
 * Settings sheet so that Rebuild, in a later session, reads the same two
 * sources: the order log and the customer archive. Nothing is written to
 * the user's own sheets.
 *
 * A small block below everything else on the Settings sheet: a heading, then
 * one row per source (label, sheet name, and the range on it when the source
 * was a block of cells rather than the whole sheet), with defined names
 * pointing at the sheet-name and range cells (`Tierwise_SourceOrders`,
 * `Tierwise_SourceArchive`, two cells each: B is the sheet, C the A1 range or
 * empty) so the pane finds them without knowing the layout.
 */
import type { Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { columnLetter } from './a1';
import type { PlanCell, WorkbookPlan } from './types';

/** The sheets a joined build read (their names as the workbook spells them), and the ranges on them when not whole sheets. */
export interface JoinSources {
  readonly orders: string;
  readonly archive: string;
  /** A1 range on `orders` without the sheet (`A1:H500`); absent or null: the whole sheet. */
  readonly ordersRange?: string | null;
  /** A1 range on `archive` without the sheet; absent or null: the whole sheet. */
  readonly archiveRange?: string | null;
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
    { key: 'orders', label: TEXT.orders, source: sources.orders, range: sources.ordersRange ?? null },
    { key: 'archive', label: TEXT.archive, source: sources.archive, range: sources.archiveRange ?? null },
  ] as const;
  const names = rows.map(({ key, label, source, range }, i) => {
    const row = top + 2 + i;
    cells.push({ row, column: 0, value: text(t(label)), style: 'label' });
    cells.push({ row, column: 1, value: text(source), style: 'input', numberFormat: '@' });
    // Text, never a reference: the range is read back as the address the user picked, and it never follows edits to the source sheet.
    if (range !== null) cells.push({ row, column: 2, value: text(range), style: 'input', numberFormat: '@' });
    const address = `$${columnLetter(1)}$${row + 1}:$${columnLetter(2)}$${row + 1}`;
    return { name: SOURCE_NAMES[key], sheet: 'settings' as const, address, comment: `${t(label)}: the sheet (and range) Rebuild reads.` };
  });
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => (sheet === settings ? { ...sheet, cells: [...sheet.cells, ...cells] } : sheet)),
    names: [...plan.names, ...names],
  };
}
