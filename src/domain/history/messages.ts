/**
 * The grade history's messages to people, in English and Simplified Chinese
 * (issue 8 §2). Placeholders `{name}` are filled by `fillMessage`.
 */
import type { Localized } from '../../i18n/locale';

export const HISTORY_MESSAGES = {
  tooManySnapshots: {
    en: 'The history already holds {count} snapshots, the most a sheet can hold ({max}). Copy the Grade history sheet away and delete its oldest groups, then build again.',
    zh: '分级历史已有 {count} 期，已达工作表上限（{max} 期）。请先备份“分级历史”表并删除最早的几期，再重新生成。',
  },
  duplicateBuildId: {
    en: 'Customer ID "{id}" appears twice in this build; a history row needs one customer per ID.',
    zh: '客户编号“{id}”在本次生成中出现两次；分级历史每个编号只能对应一位客户。',
  },
  blankBuildId: {
    en: 'Row {row} of this build has no customer ID; a history row needs one.',
    zh: '本次生成的第 {row} 行没有客户编号；分级历史需要客户编号。',
  },
  gridTooShort: {
    en: 'The sheet has {rows} rows; a Grade history sheet has a title row, an "As of" row and a header row.',
    zh: '该表只有 {rows} 行；分级历史表应有标题行、评级日期行和表头行。',
  },
  badDate: {
    en: 'Row {row}, column {column}: "{value}" is not a date; each snapshot group starts with its as-of date.',
    zh: '第 {row} 行第 {column} 列：“{value}”不是日期；每一期的第一格应为评级日期。',
  },
  duplicateDate: {
    en: 'Row {row}, column {column}: the date {date} appears twice; the history keeps one snapshot per date.',
    zh: '第 {row} 行第 {column} 列：日期 {date} 出现两次；分级历史每个日期只保留一期。',
  },
  datesOutOfOrder: {
    en: 'Row {row}, column {column}: {date} comes after a later date; snapshots are kept oldest first.',
    zh: '第 {row} 行第 {column} 列：{date} 排在更晚的日期之后；各期应按日期从早到晚排列。',
  },
  blankId: {
    en: 'Row {row}, column {column}: this row holds grades but no customer ID.',
    zh: '第 {row} 行第 {column} 列：该行有等级数据但没有客户编号。',
  },
  duplicateId: {
    en: 'Row {row}, column {column}: customer ID "{id}" already appears in row {first}.',
    zh: '第 {row} 行第 {column} 列：客户编号“{id}”已在第 {first} 行出现。',
  },
  badNumber: {
    en: 'Row {row}, column {column}: "{value}" is not a number.',
    zh: '第 {row} 行第 {column} 列：“{value}”不是数字。',
  },
  badScore: {
    en: 'Row {row}, column {column}: {value} is not a score from 1 to 5.',
    zh: '第 {row} 行第 {column} 列：{value} 不是 1 到 5 的分数。',
  },
} as const satisfies Record<string, Localized>;

export type HistoryMessageKey = keyof typeof HISTORY_MESSAGES;

export function fillMessage(key: HistoryMessageKey, values: Readonly<Record<string, string | number>>): Localized {
  const fill = (template: string): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
  const entry = HISTORY_MESSAGES[key];
  return { en: fill(entry.en), zh: fill(entry.zh) };
}

/** A history that cannot be built or merged; the message says what to do. */
export class HistoryError extends Error {
  override readonly name = 'HistoryError';
  constructor(
    readonly code: HistoryMessageKey,
    readonly localized: Localized,
  ) {
    super(localized.en);
  }

  /** The bilingual message the CLI and the pane show (the shape their error handlers look for). */
  get userMessage(): Localized {
    return this.localized;
  }
}
