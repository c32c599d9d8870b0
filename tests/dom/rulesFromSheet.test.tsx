/**
 * Settings editable in the pane and in the Settings sheet, staying in sync
 * (issue 3 §4): the whole pane over the typed fake Excel. After a first
 * build, thresholds typed in the Settings sheet are what the Rules screen
 * shows (with a note saying so) and what Rebuild writes — the rebuild used to
 * start from the defaults and overwrite them.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { addSheetWithValues, createFakeExcel, parseAddress, type FakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import type { Locale } from '../../src/i18n/locale';
import { App, type AppHost } from '../../src/taskpane/App';
import { createPaneText } from '../../src/taskpane/i18n';
import { createPlanWriter } from '../../src/taskpane/planWriter';
import { createWorkbookGateway } from '../../src/taskpane/workbookGateway';
import { createInProcessPort } from '../../src/worker/inProcessPort';
import { dayFromYmd, type DayNumber } from '../../src/domain/dates';
import type { TablePlan, WorkbookPlan } from '../../src/plan/types';

const TODAY = dayFromYmd(2024, 7, 1);

/** 40 customers with varied recency, orders and spend (all first purchases long ago, so none is "new"). */
function customerRows(): (string | number)[][] {
  const rows: (string | number)[][] = [['Customer ID', 'First purchase', 'Last purchase', 'Orders', 'Spend']];
  for (let i = 1; i <= 40; i++) {
    const last = `2024-${String(1 + ((i * 7) % 6)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
    rows.push([`C${String(i).padStart(3, '0')}`, '2020-01-15', last, 1 + ((i * 13) % 17), 50 * (1 + ((i * 29) % 37))]);
  }
  return rows;
}

function mount(locale: Locale): { fake: FakeExcel; plans: WorkbookPlan[] } {
  const fake = createFakeExcel();
  addSheetWithValues(fake.model, 'Data', customerRows());
  const run = withHostUi(fake);
  const plans: WorkbookPlan[] = [];
  const host: AppHost = {
    gateway: createWorkbookGateway(run),
    writer: createPlanWriter(run),
    createWorkerPort: createInProcessPort,
    initialLocale: locale,
    theme: webLightTheme,
    today: () => TODAY as DayNumber,
    onBuilt: (plan) => plans.push(plan),
  };
  render(<App host={host} />);
  return { fake, plans };
}

/** Types a value into the Settings sheet cell `offset` down a defined name's range, as a user would in Excel. */
function typeInSheet(fake: FakeExcel, name: string, offset: number, value: number | string): void {
  const entry = fake.model.names.get(name.toLowerCase());
  if (!entry) throw new Error(`no name ${name}`);
  const { sheet, rect } = parseAddress(entry.formula.replace(/^=/, ''));
  const target = fake.model.sheet(sheet ?? '');
  if (!target) throw new Error(`no sheet for ${name}`);
  target.setConstant(rect.r0 + offset, rect.c0, value);
}

function field(id: string): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>(`[data-field="${id}"] input`);
  if (!input) throw new Error(`no field ${id}`);
  return input;
}

async function firstBuild(locale: Locale): Promise<{ fake: FakeExcel; plans: WorkbookPlan[] }> {
  const text = createPaneText(locale);
  const mounted = mount(locale);
  const use = await waitFor(
    () => {
      const button = screen.getByTestId('screen-start').querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!button || button.disabled) throw new Error('not ready');
      return button;
    },
    { timeout: 10_000 },
  );
  fireEvent.click(use);
  fireEvent.click(await screen.findByRole('button', { name: text.t('next') }));
  await screen.findByTestId('screen-rules');
  expect(screen.queryByTestId('rules-from-sheet')).toBeNull(); // nothing to read yet
  fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
  await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
  expect(mounted.plans).toHaveLength(1);
  return mounted;
}

/** Gold rows in the plan's cached results are exactly the scored rows with R+F+M >= minScore. */
function goldRowsFollow(plan: WorkbookPlan, minScore: number, goldLabel: string): { atThreshold: number } {
  const table = plan.tables[0] as TablePlan;
  const at = (key: string): number => table.columns.findIndex((c) => c.key === key);
  let atThreshold = 0;
  table.cachedResults?.forEach((row) => {
    const [r, f, m] = [row[at('r')], row[at('f')], row[at('m')]];
    if (typeof r !== 'number' || typeof f !== 'number' || typeof m !== 'number') return;
    if (r + f + m === minScore) atThreshold++;
    expect(row[at('tier')] === goldLabel).toBe(r + f + m >= minScore);
  });
  return { atThreshold };
}

function settingsCell(plan: WorkbookPlan, name: string, offset: number): unknown {
  const planned = plan.names.find((n) => n.name === name);
  const sheet = plan.sheets.find((s) => s.key === 'settings');
  if (!planned || !sheet) throw new Error(`no ${name}`);
  const { rect } = parseAddress(planned.address);
  const cell = sheet.cells.find((c) => c.row === rect.r0 + offset && c.column === rect.c0);
  return cell?.value;
}

const GOLD = 2; // index of the gold tier in the default tier list

afterEach(cleanup);

describe('rules typed in the Settings sheet', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: Change the rules shows the sheet values with a note; Build writes them',
    async (locale) => {
      const text = createPaneText(locale);
      const { fake, plans } = await firstBuild(locale);
      typeInSheet(fake, 'TierThresholds', GOLD, 12);
      typeInSheet(fake, 'ChurnDays', 0, 300);

      fireEvent.click(screen.getByRole('button', { name: text.t('doneChangeRules') }));
      const note = await screen.findByTestId('rules-from-sheet');
      expect(note.textContent).toContain(text.t('rulesFromSheet'));
      expect(field('minScore:gold').value).toBe('12');
      expect(field('churned').value).toBe('300');

      fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
      await waitFor(() => expect(plans).toHaveLength(2), { timeout: 10_000 });
      const rebuilt = plans[1] as WorkbookPlan;
      expect(settingsCell(rebuilt, 'TierThresholds', GOLD)).toEqual({ kind: 'number', value: 12 });
      expect(settingsCell(rebuilt, 'ChurnDays', 0)).toEqual({ kind: 'number', value: 300 });
    },
    30_000,
  );

  it('Rebuild grades with a threshold typed in the sheet after the first build (regression: it rebuilt with the defaults)', async () => {
    const { fake, plans } = await firstBuild('en');
    typeInSheet(fake, 'TierThresholds', GOLD, 12);
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild' }));
    await waitFor(() => expect(plans).toHaveLength(2), { timeout: 10_000 });
    await screen.findByTestId('screen-done');
    const rebuilt = plans[1] as WorkbookPlan;
    expect(settingsCell(rebuilt, 'TierThresholds', GOLD)).toEqual({ kind: 'number', value: 12 });
    // The data has customers at exactly 12, so this tells 12 from the default 13.
    expect(goldRowsFollow(rebuilt, 12, 'Gold').atThreshold).toBeGreaterThan(0);
    // The first build used the default 13.
    goldRowsFollow(plans[0] as WorkbookPlan, 13, 'Gold');

    fireEvent.click(screen.getByRole('button', { name: 'Change the rules' }));
    await screen.findByTestId('rules-from-sheet');
    expect(field('minScore:gold').value).toBe('12');
  }, 30_000);

  it('Rebuild recolours the tier cells with a colour typed in the Settings sheet (issue 6 §4)', async () => {
    const { fake, plans } = await firstBuild('en');
    typeInSheet(fake, 'TierColors', GOLD, '#12AB56');
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild' }));
    await waitFor(() => expect(plans).toHaveLength(2), { timeout: 10_000 });
    await screen.findByTestId('screen-done');
    const tierRules = (plan: WorkbookPlan) =>
      plan.conditionalFormats.filter((cf) => cf.kind === 'expression' && cf.target.kind === 'tableColumn' && cf.target.column === 'Tier').map((cf) => (cf.kind === 'expression' ? cf.fill : null));
    expect(tierRules(plans[0] as WorkbookPlan)[GOLD]).toBe('#FFD966');
    expect(tierRules(plans[1] as WorkbookPlan)[GOLD]).toBe('#12AB56');
    // In the workbook: the tier column's rules are the rebuilt plan's, in its colours, none left from the first build.
    const table = fake.model.table('Customers');
    const tierColumn = table?.columns.findIndex((c) => c.name === 'Tier') ?? -1;
    const fills = (table?.sheet.conditionalFormats ?? []).filter((cf) => cf.type === 'Custom' && cf.rect.c0 === (table?.firstColumn ?? 0) + tierColumn).map((cf) => cf.fill);
    expect(fills).toEqual(tierRules(plans[1] as WorkbookPlan));
  }, 30_000);

  it('a cell that is not a number is listed under the note, and the pane keeps its value', async () => {
    const { fake } = await firstBuild('zh-CN');
    const entry = fake.model.names.get('highcut');
    const { sheet, rect } = parseAddress((entry?.formula ?? '').replace(/^=/, ''));
    fake.model.sheet(sheet ?? '')?.setConstant(rect.r0, rect.c0, '高');
    fireEvent.click(screen.getByRole('button', { name: createPaneText('zh-CN').t('doneChangeRules') }));
    const note = await screen.findByTestId('rules-from-sheet');
    expect(note.textContent).toContain('HighCut');
    expect(note.textContent).toContain('不是数字');
    expect(field('highScoreCut').value).toBe('4');
  }, 30_000);
});
