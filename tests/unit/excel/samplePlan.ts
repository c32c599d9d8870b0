/**
 * Small hand-made WorkbookPlans for the Office.js renderer tests, shaped like
 * the plan builder's (Settings + names + a Customers table with input,
 * carried, computed and user-entry columns, validations and conditional
 * formats). Deterministic: customer i always has the same data.
 */
import type { DayNumber } from '../../../src/domain/dates';
import type { PlanValue, TableColumnPlan, WorkbookPlan } from '../../../src/plan/types';

export const SAMPLE_TABLE = 'Customers';
export const CUSTOMERS_SHEET = 'Customers';
export const SETTINGS_SHEET = 'Settings';

const text = (t: string): PlanValue => ({ kind: 'text', text: t });
const num = (n: number): PlanValue => ({ kind: 'number', value: n });

export const SAMPLE_COLUMNS: readonly TableColumnPlan[] = [
  { key: 'customerId', header: 'Customer ID', role: 'input', formula: null, numberFormat: '@', width: 14 },
  { key: 'name', header: 'Name', role: 'input', formula: null, numberFormat: '@', width: 20 },
  { key: 'lastOrderDate', header: 'Last order', role: 'input', formula: null, numberFormat: 'yyyy-mm-dd', width: 12 },
  { key: 'orderCount', header: 'Orders', role: 'input', formula: null, numberFormat: '0', width: 8 },
  { key: 'totalSpend', header: 'Spend', role: 'input', formula: null, numberFormat: '#,##0.00', width: 12 },
  { key: 'carried:Phone', header: 'Phone', role: 'carried', formula: null, numberFormat: '@', width: 14 },
  { key: 'recencyDays', header: 'Recency (days)', role: 'computed', formula: '=IF([@[Last order]]="","",AsOfDate-[@[Last order]])', numberFormat: '0', width: 10 },
  {
    key: 'r',
    header: 'R',
    role: 'computed',
    formula: '=IF([@[Recency (days)]]="","",IF([@[Recency (days)]]<=INDEX(R_Breaks,1),5,IF([@[Recency (days)]]<=INDEX(R_Breaks,2),4,IF([@[Recency (days)]]<=INDEX(R_Breaks,3),3,IF([@[Recency (days)]]<=INDEX(R_Breaks,4),2,1)))))',
    numberFormat: '0',
    width: 5,
  },
  { key: 'tier', header: 'Tier', role: 'computed', formula: '=IF([@[Tier override]]<>"",[@[Tier override]],IF([@R]>=4,"A",IF([@R]>=2,"B","C")))', numberFormat: '@', width: 6 },
  { key: 'tierOverride', header: 'Tier override', role: 'userEntry', formula: null, numberFormat: '@', width: 10 },
  { key: 'notes', header: 'Notes', role: 'userEntry', formula: null, numberFormat: '@', width: 30 },
];

export interface SampleCustomer {
  readonly id: string;
  readonly name: string;
  readonly lastOrder: number | null;
  readonly orders: number;
  readonly spend: number;
  readonly phone: string;
}

/** Customer i: IDs with leading zeros, some formula-like names, refunds (negative spend). */
export function sampleCustomer(i: number, version = 1): SampleCustomer {
  const names = ['Acme Ltd', '=HYPERLINK("http://x")', '北京星辰贸易有限公司', '+86 sales desk', "'quoted", 'TRUE', '-dash'];
  return {
    id: `C${String(i).padStart(6, '0')}`,
    name: `${names[i % names.length] ?? ''}${i % names.length === 0 ? ` #${i}` : ''}`,
    lastOrder: i % 13 === 0 ? null : 19_000 + (i % 700) + version,
    orders: (i % 40) + version,
    spend: i % 17 === 0 ? -120.5 : Math.round(((i * 37) % 100_000) * 100) / 100 + version,
    phone: `0${138_0000_0000 + i}`,
  };
}

export interface SamplePlanOptions {
  readonly customers?: number;
  /** First customer index (to build plans with new or missing customers). */
  readonly from?: number;
  /** Changes input data, as a later export of the same source would. */
  readonly version?: number;
  /** Explicit customer indexes (overrides customers/from). */
  readonly indexes?: readonly number[];
}

export function makeSamplePlan(options: SamplePlanOptions = {}): WorkbookPlan {
  const from = options.from ?? 0;
  const count = options.customers ?? 10;
  const indexes = options.indexes ?? Array.from({ length: count }, (_, k) => from + k);
  const version = options.version ?? 1;
  const rows = indexes.map((i) => {
    const c = sampleCustomer(i, version);
    return [
      text(c.id),
      text(c.name),
      c.lastOrder === null ? null : ({ kind: 'date', day: c.lastOrder as DayNumber } as PlanValue),
      num(c.orders),
      num(c.spend),
      text(c.phone),
      null,
      null,
      null,
      null,
      null,
    ];
  });
  return {
    locale: 'en',
    sheets: [
      {
        key: 'customers',
        name: CUSTOMERS_SHEET,
        tabColor: '#1F4E79',
        freeze: { rows: 1, columns: 1 },
        columnWidths: [],
        cells: [],
      },
      {
        key: 'settings',
        name: SETTINGS_SHEET,
        tabColor: null,
        freeze: null,
        columnWidths: [{ column: 0, width: 24 }, { column: 1, width: 14 }],
        cells: [
          { row: 0, column: 0, value: text('Settings'), style: 'title' },
          { row: 2, column: 0, value: text('As-of date'), style: 'label' },
          { row: 2, column: 1, value: { kind: 'date', day: 20_000 as DayNumber }, numberFormat: 'yyyy-mm-dd', style: 'input' },
          { row: 3, column: 0, value: text('R breakpoints'), style: 'label' },
          { row: 3, column: 1, value: { kind: 'formula', formula: '=PERCENTILE.INC(Customers[Recency (days)],0.2)' } },
          { row: 3, column: 2, value: num(60) },
          { row: 3, column: 3, value: num(120) },
          { row: 3, column: 4, value: num(240) },
          { row: 5, column: 0, value: text('Tiers'), style: 'header' },
          { row: 6, column: 0, value: text('A'), fill: '#C6EFCE' },
          { row: 7, column: 0, value: text('B') },
          { row: 8, column: 0, value: text('C') },
        ],
      },
    ],
    tables: [
      {
        name: SAMPLE_TABLE,
        sheet: 'customers',
        row: 0,
        column: 0,
        style: 'TableStyleMedium2',
        columns: SAMPLE_COLUMNS,
        rows,
        keyColumn: 'customerId',
      },
    ],
    names: [
      { name: 'AsOfDate', sheet: 'settings', address: '$B$3', comment: 'The date recency is measured to.' },
      { name: 'R_Breaks', sheet: 'settings', address: '$B$4:$E$4', comment: 'Recency breakpoints (days).' },
      { name: 'TierNames', sheet: 'settings', address: '$A$7:$A$9', comment: 'Tier list.' },
    ],
    validations: [
      {
        target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'Tier override' },
        rule: { kind: 'list', source: '=TierNames' },
        allowBlank: true,
        errorTitle: 'Tier',
        errorMessage: 'Pick a tier from the list.',
        prompt: 'Leave blank to use the computed tier.',
      },
      {
        target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'Orders' },
        rule: { kind: 'wholeNumber', min: 0, max: null },
        allowBlank: true,
        errorTitle: 'Orders',
        errorMessage: 'A whole number, 0 or more.',
        prompt: null,
      },
      {
        target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'Last order' },
        rule: { kind: 'date', notAfterFormula: '=TODAY()' },
        allowBlank: true,
        errorTitle: 'Date',
        errorMessage: 'A date not in the future.',
        prompt: null,
      },
      {
        target: { kind: 'range', sheet: 'settings', address: 'B3' },
        rule: { kind: 'date', notAfterFormula: '=TODAY()' },
        allowBlank: false,
        errorTitle: 'As-of date',
        errorMessage: 'A date not in the future.',
        prompt: null,
      },
    ],
    conditionalFormats: [
      { kind: 'expression', target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'Tier' }, formula: '=I2="A"', fill: '#C6EFCE', fontColor: '#006100' },
      { kind: 'iconSet', target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'R' }, style: 'threeArrows', lowAtLeast: 2, highAtLeast: 4 },
      { kind: 'colorScale', target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'Spend' }, minColor: '#F8696B', midColor: '#FFEB84', maxColor: '#63BE7B' },
      { kind: 'dataBar', target: { kind: 'tableColumn', table: SAMPLE_TABLE, column: 'Orders' }, color: '#638EC6' },
    ],
    charts: [],
  };
}
