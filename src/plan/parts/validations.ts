/**
 * Part of the plan builder (see ../buildPlan.ts): the Customers table's data
 * validations (dropdowns over the Settings sheet's lists, dates not in the
 * future, counts and spend not negative).
 */
import type { Localized } from '../../i18n/locale';
import type { TableColumnPlan, ValidationPlan } from '../types';
import { VALIDATION_TEXT } from '../strings';
import { NAMES } from '../formulas';
import { CUSTOMERS_TABLE } from './common';

/** One validation per input column that has a rule; `owners` empty: no owner dropdown. */
export function buildValidations(columns: readonly TableColumnPlan[], owners: readonly string[], t: (text: Localized) => string): ValidationPlan[] {
  const col = (key: string): TableColumnPlan | undefined => columns.find((c) => c.key === key);
  const target = (key: string) => ({ kind: 'tableColumn', table: CUSTOMERS_TABLE, column: (col(key) as TableColumnPlan).header }) as const;
  const has = (key: string): boolean => col(key) !== undefined;
  const validations: ValidationPlan[] = [];
  const v = (key: string, rule: ValidationPlan['rule'], title: Localized, message: Localized, prompt: Localized | null): void => {
    if (!has(key)) return;
    validations.push({ target: target(key), rule, allowBlank: true, errorTitle: t(title), errorMessage: t(message), prompt: prompt ? t(prompt) : null });
  };
  v('tierOverride', { kind: 'list', source: `=${NAMES.tierNames}` }, VALIDATION_TEXT.tierTitle, VALIDATION_TEXT.tierMessage, VALIDATION_TEXT.tierPrompt);
  v('customerType', { kind: 'list', source: '=TypeList' }, VALIDATION_TEXT.listTitle, VALIDATION_TEXT.listMessage, null);
  v('consent', { kind: 'list', source: '=ConsentList' }, VALIDATION_TEXT.listTitle, VALIDATION_TEXT.listMessage, null);
  v('satisfaction', { kind: 'list', source: '=SatisfactionList' }, VALIDATION_TEXT.satisfactionTitle, VALIDATION_TEXT.satisfactionMessage, null);
  if (owners.length > 0) v('owner', { kind: 'list', source: '=OwnerList' }, VALIDATION_TEXT.listTitle, VALIDATION_TEXT.listMessage, null);
  for (const dateField of ['lastPurchase', 'firstPurchase', 'lastContact'] as const) {
    v(dateField, { kind: 'date', notAfterFormula: '=TODAY()' }, VALIDATION_TEXT.dateTitle, VALIDATION_TEXT.dateMessage, null);
  }
  v('orderCount', { kind: 'wholeNumber', min: 0, max: null }, VALIDATION_TEXT.countTitle, VALIDATION_TEXT.countMessage, null);
  v('totalSpend', { kind: 'decimal', min: 0, max: null }, VALIDATION_TEXT.spendTitle, VALIDATION_TEXT.spendMessage, null);

  return validations;
}
