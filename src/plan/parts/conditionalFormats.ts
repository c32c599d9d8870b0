/**
 * Part of the plan builder (see ../buildPlan.ts): the Customers table's
 * conditional formats — tier cells in their tier's colour, churned and
 * at-risk stages highlighted, icon sets on R/F/M, data bars on spend.
 */
import type { TierDefinition } from '../../domain/settings';
import type { ConditionalFormatPlan, TableColumnPlan, TablePlan } from '../types';
import { columnLetter } from '../a1';
import { LIFECYCLE_ORDER, NAMES } from '../formulas';
import { COLORS, CUSTOMERS_TABLE, tierColours } from './common';

/** The table's conditional formats; the tier fills are `tiers`' colours, in tier-list order. */
export function buildConditionalFormats(table: TablePlan, tiers: readonly TierDefinition[], highScoreCut: number): ConditionalFormatPlan[] {
  const columns = table.columns;
  const col = (key: string): TableColumnPlan | undefined => columns.find((c) => c.key === key);
  const target = (key: string) => ({ kind: 'tableColumn', table: CUSTOMERS_TABLE, column: (col(key) as TableColumnPlan).header }) as const;
  const firstBodyRow = table.row + 1;
  const relativeRef = (key: string): string => {
    const index = columns.findIndex((c) => c.key === key);
    return `$${columnLetter(table.column + index)}${firstBodyRow + 1}`;
  };
  const conditionalFormats: ConditionalFormatPlan[] = [];
  tierColours(tiers).forEach((tier, i) => {
    conditionalFormats.push({
      kind: 'expression',
      target: target('tier'),
      formula: `=${relativeRef('tier')}=INDEX(${NAMES.tierNames},${i + 1})`,
      fill: tier.color,
      fontColor: null,
    });
  });
  const lifecycleIndex = (key: (typeof LIFECYCLE_ORDER)[number]): number => LIFECYCLE_ORDER.indexOf(key) + 1;
  conditionalFormats.push(
    {
      kind: 'expression',
      target: target('lifecycle'),
      formula: `=${relativeRef('lifecycle')}=INDEX(${NAMES.lifecycleNames},${lifecycleIndex('churned')})`,
      fill: COLORS.churnedFill,
      fontColor: COLORS.churnedFont,
    },
    {
      kind: 'expression',
      target: target('lifecycle'),
      formula: `=${relativeRef('lifecycle')}=INDEX(${NAMES.lifecycleNames},${lifecycleIndex('at-risk')})`,
      fill: COLORS.atRiskFill,
      fontColor: COLORS.atRiskFont,
    },
  );
  for (const key of ['r', 'f', 'm'] as const) {
    conditionalFormats.push({ kind: 'iconSet', target: target(key), style: 'threeArrows', lowAtLeast: 3, highAtLeast: highScoreCut });
  }
  conditionalFormats.push({ kind: 'dataBar', target: target('totalSpend'), color: COLORS.spendBar });

  return conditionalFormats;
}
