/**
 * Two sources in the pane (issue 11), over the typed fake Excel: the orders
 * on one sheet, the customer archive (title row, Chinese headers) on
 * another. Start offers the archive and says how many IDs matched; Columns
 * maps both; the build grades the archive by the orders; the sources are
 * remembered on the Settings sheet, so a new session's Rebuild reads both.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { addSheetWithValues, createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import type { Locale } from '../../src/i18n/locale';
import { App, type AppHost } from '../../src/taskpane/App';
import { createPaneText } from '../../src/taskpane/i18n';
import { createPlanWriter } from '../../src/taskpane/planWriter';
import { createWorkbookGateway } from '../../src/taskpane/workbookGateway';
import { createInProcessPort } from '../../src/worker/inProcessPort';
import { dayFromYmd, type DayNumber } from '../../src/domain/dates';
import type { WorkbookPlan } from '../../src/plan/types';

const TODAY = dayFromYmd(2024, 7, 1);

const ORDERS: (string | number)[][] = [
  ['CustomerID', 'InvoiceDate', 'Amount'],
  ['7', '2024-01-05', 100], ['7', '2024-03-05', 250.5], ['000124', '2024-02-10', 80], ['000124', '2024-05-20', 1200],
  ['17850.0', '2024-06-10', 3000], ['17850', '2024-06-12', 45.5], ['A100', '2023-09-01', 60], ['A200', '2024-06-20', 980],
  ['B900', '2024-05-05', 75], ['A400', '2023-02-01', 40],
];
const ARCHIVE: (string | number)[][] = [
  ['客户档案（2024 年 6 月导出）', '', '', '', '', ''],
  ['', '', '', '', '', ''],
  ['客户编号', '客户名称', '负责人', '电话', '地区', '满意度'],
  ['007', '上海星河贸易', '王芳', '13800138000', '华东', 5],
  ['000124', '北京远图', '李强', '13900139000', '华北', 4],
  ['17850', '广州新锐', '王芳', '13700137000', '华南', 3],
  ['Ａ100', '深圳海岸', '赵敏', '13600136000', '华南', 4],
  ['A200', '成都天府', '李强', '13500135000', '西南', 5],
  ['A300', '潜在客户甲', '赵敏', '13400134000', '西南', ''],
  ['A400', '杭州西子', '王芳', '13300133000', '华东', 2],
];

function mount(fake: FakeExcel, locale: Locale): WorkbookPlan[] {
  const run = withHostUi(fake);
  const plans: WorkbookPlan[] = [];
  const host: AppHost = {
    gateway: createWorkbookGateway(run),
    writer: createPlanWriter(run),
    createWorkerPort: createInProcessPort,
    initialLocale: locale,
    theme: webLightTheme,
    today: () => TODAY as DayNumber,
    onBuilt: (plan) => {
      plans.push(plan);
      lastPlan = plan;
    },
  };
  render(<App host={host} />);
  return plans;
}

function workbook(): FakeExcel {
  const fake = createFakeExcel();
  addSheetWithValues(fake.model, 'Orders', ORDERS);
  addSheetWithValues(fake.model, '客户档案', ARCHIVE);
  return fake;
}

async function startReady(): Promise<HTMLButtonElement> {
  return waitFor(
    () => {
      const button = screen.getByTestId('screen-start').querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!button || button.disabled) throw new Error('not ready');
      return button;
    },
    { timeout: 10_000 },
  );
}

async function pickArchive(locale: Locale, sheet: string): Promise<string> {
  const text = createPaneText(locale);
  fireEvent.click(screen.getByRole('combobox', { name: text.t('startArchivePick') }));
  fireEvent.click(await screen.findByRole('option', { name: sheet }));
  const matched = await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 });
  return matched.textContent ?? '';
}

afterEach(cleanup);

/** Start's Use, Columns' Next, Rules' Build; the plan the build wrote. */
async function buildThroughRules(text: ReturnType<typeof createPaneText>, plans?: WorkbookPlan[]): Promise<WorkbookPlan> {
  const before = plans?.length ?? 0;
  fireEvent.click(await startReady());
  fireEvent.click(await screen.findByRole('button', { name: text.t('next') }));
  await screen.findByTestId('screen-rules');
  fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
  await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
  if (plans) expect(plans).toHaveLength(before + 1);
  return lastPlan!;
}
let lastPlan: WorkbookPlan | null = null;

describe('orders + customer archive in the pane', () => {
  it.each<[Locale, string]>([
    ['en', '5 of 7 customers in the orders are in the archive; 2 are not.'],
    ['zh-CN', '订单中的 7 位客户有 5 位在客户档案中，2 位不在。'],
  ])('%s: Start says how many IDs matched', async (locale, expected) => {
    mount(workbook(), locale);
    await startReady();
    expect(await pickArchive(locale, '客户档案')).toBe(expected);
    const found = screen.getByTestId('archive-found').textContent ?? '';
    expect(found).toContain(locale === 'en' ? "sheet '客户档案', 7 rows, header in row 3" : '工作表“客户档案”，7 行，表头在第 3 行');
    // In Chinese, 客户档案 is also the name of the grading table's sheet: the pane warns before anything is built.
    expect(screen.queryByTestId('archive-name-clash') !== null).toBe(locale === 'zh-CN');
  }, 30_000);

  it('maps both sources, builds the archive graded by the orders, and a new session rebuilds from both', async () => {
    const text = createPaneText('en');
    const fake = workbook();
    const plans = mount(fake, 'en');
    fireEvent.click(await startReady());
    // The archive can also be added after looking at the orders' columns: Back to Start, pick it, Use again.
    fireEvent.click(await screen.findByRole('button', { name: text.t('back') }));
    await startReady();
    await pickArchive('en', '客户档案');
    fireEvent.click(await startReady());

    const archiveColumns = await screen.findByTestId('archive-columns');
    expect(within(archiveColumns).getByText("Customer archive: sheet '客户档案'")).toBeTruthy();
    // The archive's owner column was recognised; unmap the region to show the mapping is the user's to change.
    const region = archiveColumns.querySelector<HTMLElement>('[data-field="region"] button');
    if (!region) throw new Error('no region dropdown');
    fireEvent.click(region);
    fireEvent.click(await screen.findByRole('option', { name: text.t('columnsNotUsed') }));
    await waitFor(() => expect(archiveColumns.querySelector('[data-field="region"] [data-confidence]')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: text.t('next') }));
    await screen.findByTestId('screen-rules');
    fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
    await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
    expect(plans).toHaveLength(1);
    const table = plans[0]!.tables[0]!;
    expect(table.columns.slice(0, 5).map((c) => c.header)).toEqual(['Customer ID', 'Name', 'Owner', 'Phone', 'Satisfaction (1-5)'].slice(0, 5));
    expect(table.rows.map((row) => (row[0] as { text: string }).text)).toEqual(['007', '000124', '17850', 'A100', 'A200', 'A300', 'A400', '7', 'B900']);
    expect(fake.model.names.has('tierwise_sourcearchive')).toBe(true);

    // A new session over the same workbook: the sources come from the Settings sheet.
    cleanup();
    const again = mount(fake, 'en');
    const remembered = await screen.findByTestId('archive-remembered', undefined, { timeout: 10_000 });
    expect(remembered.textContent).toBe("Rebuild reads the orders from 'Orders' and the archive from '客户档案' (saved on the Settings sheet).");
    await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 });
    fireEvent.click(await startReady());
    fireEvent.click(await screen.findByRole('button', { name: text.t('next') }));
    await screen.findByTestId('screen-rules');
    fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
    await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
    expect(again).toHaveLength(1);
    expect(again[0]!.tables[0]!.rows).toHaveLength(9);
  }, 60_000);

  it('a build from one source after a joined one forgets the archive: a later session does not join again', async () => {
    const text = createPaneText('en');
    const fake = workbook();
    mount(fake, 'en');
    await startReady();
    await pickArchive('en', '客户档案');
    await buildThroughRules(text);
    expect(fake.model.names.has('tierwise_sourcearchive')).toBe(true);

    // A new session: the archive comes back from the Settings sheet; the user drops it and builds from the orders alone.
    cleanup();
    mount(fake, 'en');
    await screen.findByTestId('archive-remembered', undefined, { timeout: 10_000 });
    await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('combobox', { name: text.t('startArchivePick') }));
    fireEvent.click(await screen.findByRole('option', { name: text.t('startArchiveNone') }));
    await waitFor(() => expect(screen.queryByTestId('archive-matched')).toBeNull());
    const single = await buildThroughRules(text);
    expect(single.tables[0]!.rows).toHaveLength(8);
    expect(fake.model.names.has('tierwise_sourceorders')).toBe(false);
    expect(fake.model.names.has('tierwise_sourcearchive')).toBe(false);

    // The session after that reads one source and rebuilds it alone.
    cleanup();
    const later = mount(fake, 'en');
    await startReady();
    expect(screen.queryByTestId('archive-remembered')).toBeNull();
    expect(screen.queryByTestId('archive-matched')).toBeNull();
    const rebuilt = await buildThroughRules(text, later);
    expect(rebuilt.tables[0]!.rows).toHaveLength(8);
  }, 90_000);
});
