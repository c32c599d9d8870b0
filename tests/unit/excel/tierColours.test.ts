/**
 * Tier colours edited in the Settings sheet (issue 6 §4): the next rebuild
 * reads them back (readSettings / readTierColours) and paints the table's
 * tier cells, and the Settings swatches, in them — over the typed fake, with
 * the real plan builder. The summary and chart parts take their colours from
 * the same tierColours().
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, parseAddress, type FakeExcel } from '../../../src/fake-excel';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { readSettings, readTierColours } from '../../../src/renderers/excel/readSettings';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, type GradingSettings } from '../../../src/domain/settings';
import type { Locale } from '../../../src/i18n/locale';
import { buildWorkbookPlan } from '../../../src/plan/buildPlan';
import { tierColours } from '../../../src/plan/parts/common';
import type { WorkbookPlan } from '../../../src/plan/types';
import { day, record } from '../../fixtures/parity/datasets';

const TODAY = day('2024-07-01');

function planFor(settings: GradingSettings, locale: Locale): WorkbookPlan {
  const records = [
    record({ id: 'A1', first: '2023-01-10', last: '2024-06-20', f: 12, m: 5400.5 }),
    record({ id: 'A2', first: '2024-05-01', last: '2024-06-01', f: 2, m: 300 }),
    record({ id: 'A3', f: 0, m: 0 }),
  ];
  return buildWorkbookPlan({
    result: gradeCustomers(records, settings, { today: TODAY }),
    settings,
    locale,
    profileFields: ['customerId', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'],
    carriedHeaders: [],
  });
}

/** The Settings sheet cell `offset` rows down the `TierColors` name's range. */
function colourCell(fake: FakeExcel, offset: number): { sheet: string; row: number; column: number } {
  const entry = fake.model.names.get('tiercolors');
  if (!entry) throw new Error('no TierColors name');
  const { sheet, rect } = parseAddress(entry.formula.replace(/^=/, ''));
  return { sheet: sheet ?? '', row: rect.r0 + offset, column: rect.c0 };
}

/** The fills of the Customers table's tier-column rules, in order. */
function tierRuleFills(fake: FakeExcel, plan: WorkbookPlan): (string | null)[] {
  const table = plan.tables[0];
  const tierHeader = table?.columns.find((c) => c.key === 'tier')?.header;
  const tierColumn = table?.columns.findIndex((c) => c.key === 'tier') ?? -1;
  const sheet = fake.model.sheet(plan.sheets.find((s) => s.key === 'customers')?.name ?? '');
  expect(tierHeader).toBeDefined();
  return (sheet?.conditionalFormats ?? []).filter((cf) => cf.rect.c0 === tierColumn && cf.type === 'Custom').map((cf) => cf.fill);
}

describe('tier colours typed in the Settings sheet', () => {
  test.each(['en', 'zh-CN'] as const)('%s: the next rebuild recolours the tier cells and the swatches, and only those', async (locale) => {
    const fake = createFakeExcel();
    fake.model.addSheet('Data').setConstant(0, 0, 'ID');
    const first = planFor(DEFAULT_SETTINGS, locale);
    await fake.run((context) => applyPlan(context, first));
    expect(tierRuleFills(fake, first)).toEqual(DEFAULT_SETTINGS.tiers.map((t) => t.color));

    // The user types new colours for gold (lower case, with spaces: read as #123456) and silver.
    const gold = DEFAULT_SETTINGS.tiers.findIndex((t) => t.key === 'gold');
    const silver = DEFAULT_SETTINGS.tiers.findIndex((t) => t.key === 'silver');
    const goldCell = colourCell(fake, gold);
    fake.model.sheet(goldCell.sheet)?.setConstant(goldCell.row, goldCell.column, ' #12ab56 ');
    const silverCell = colourCell(fake, silver);
    fake.model.sheet(silverCell.sheet)?.setConstant(silverCell.row, silverCell.column, '#654321');

    const colours = await fake.run((context) => readTierColours(context, DEFAULT_SETTINGS));
    const expected = DEFAULT_SETTINGS.tiers.map((t, i) => ({ key: t.key, color: i === gold ? '#12AB56' : i === silver ? '#654321' : t.color }));
    expect(colours).toEqual({ colours: expected, problems: [] });

    const read = await fake.run((context) => readSettings(context, DEFAULT_SETTINGS));
    if (!read) throw new Error('no settings read');
    expect(tierColours(read.settings.tiers)).toEqual(expected);
    const second = planFor(read.settings, locale);
    await fake.run((context) => applyPlan(context, second));

    // The table's tier rules carry the new colours (replaced, not stacked on the old ones).
    expect(tierRuleFills(fake, second)).toEqual(expected.map((t) => t.color));
    // The swatch beside each tier shows its colour, the typed one normalised.
    const settings = fake.model.sheet(goldCell.sheet);
    expect(settings?.cellFormat(goldCell.row, goldCell.column).fill).toBe('#12AB56');
    expect(settings?.formula(goldCell.row, goldCell.column)).toBe('#12AB56');
    expect(settings?.cellFormat(silverCell.row, silverCell.column).fill).toBe('#654321');
    // Everything else in the plan is as a rebuild with those colours given in the pane would make it.
    const givenInPane = planFor({ ...DEFAULT_SETTINGS, tiers: DEFAULT_SETTINGS.tiers.map((t, i) => ({ ...t, color: expected[i]?.color ?? t.color })) }, locale);
    expect(second.conditionalFormats).toEqual(givenInPane.conditionalFormats);
  });

  test('a colour cell that is not a colour keeps the previous colour and is reported', async () => {
    const fake = createFakeExcel();
    fake.model.addSheet('Data').setConstant(0, 0, 'ID');
    await fake.run((context) => applyPlan(context, planFor(DEFAULT_SETTINGS, 'en')));
    const cell = colourCell(fake, 0);
    fake.model.sheet(cell.sheet)?.setConstant(cell.row, cell.column, 'blue');
    const colours = await fake.run((context) => readTierColours(context, DEFAULT_SETTINGS));
    expect(colours?.colours[0]).toEqual({ key: DEFAULT_SETTINGS.tiers[0]?.key, color: DEFAULT_SETTINGS.tiers[0]?.color });
    expect(colours?.problems).toHaveLength(1);
    expect(colours?.problems[0]?.message.en).toContain('not a colour');
  });

  test('no Tierwise Settings sheet: null', async () => {
    const fake = createFakeExcel();
    fake.model.addSheet('Data').setConstant(0, 0, 'ID');
    expect(await fake.run((context) => readTierColours(context, DEFAULT_SETTINGS))).toBeNull();
  });
});
