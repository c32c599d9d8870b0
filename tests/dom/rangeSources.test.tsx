/**
 * Ranges as sources (issue 11 §2), over the typed fake Excel: the customer
 * archive is a block of cells on a sheet that also holds other things (a
 * title, a summary below), picked as the selection or typed as an address;
 * a bad address gets a message saying what to do; Rebuild in a new session
 * reads the same block; a remembered range whose sheet is gone is refused.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { addSheetWithValues, createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import type { Locale } from '../../src/i18n/locale';
import { App, type AppHost } from '../../src/taskpane/App';
import { createPaneText } from '../../src/taskpane/i18n';
import { createPlanWriter } from '../../src/taskpane/planWriter';
import { createWorkbookGateway } from '../../src/taskpane/workbookGateway';
import { readRememberedSources } from '../../src/taskpane/rememberedSources';
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

/**
 * The sheet 'CRM export': a note in A1, the archive in B4:G11, and below it
 * a second block in the same columns whose first column looks like IDs (Z900,
 * Z901): read as a whole sheet, they would become archive customers.
 */
const ARCHIVE_RANGE = 'B4:G11';
const CRM_EXPORT: (string | number | null)[][] = [
  ['Exported from the CRM, June 2024', null, null, null, null, null, null],
  [],
  [],
  [null, 'Customer ID', 'Name', 'Owner', 'Phone', 'Region', 'Satisfaction'],
  [null, '007', 'Xinghe Trading', 'Wang Fang', '13800138000', 'East', 5],
  [null, '000124', 'Yuantu', 'Li Qiang', '13900139000', 'North', 4],
  [null, '17850', 'Xinrui', 'Wang Fang', '13700137000', 'South', 3],
  [null, 'Ａ100', 'Haian', 'Zhao Min', '13600136000', 'South', 4],
  [null, 'A200', 'Tianfu', 'Li Qiang', '13500135000', 'West', 5],
  [null, 'A300', 'Prospect One', 'Zhao Min', '13400134000', 'West', null],
  [null, 'A400', 'Xizi', 'Wang Fang', '13300133000', 'East', 2],
  [],
  [],
  [null, 'Z900', 'Team total', 'Wang Fang', '', 'East', 3],
  [null, 'Z901', 'Team total', 'Li Qiang', '', 'North', 4],
];

let lastPlan: WorkbookPlan | null = null;

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
  addSheetWithValues(fake.model, 'CRM export', CRM_EXPORT);
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

async function typeArchiveRange(typed: string): Promise<void> {
  const input = await screen.findByTestId('archive-range-input');
  await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
  fireEvent.change(input, { target: { value: typed } });
  fireEvent.click(screen.getByTestId('archive-range-use'));
}

async function buildThroughRules(text: ReturnType<typeof createPaneText>): Promise<WorkbookPlan> {
  fireEvent.click(await startReady());
  fireEvent.click(await screen.findByRole('button', { name: text.t('next') }));
  await screen.findByTestId('screen-rules');
  fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
  await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
  return lastPlan!;
}

const MATCHED_EN = '5 of 7 customers in the orders are in the archive; 2 are not.';
/** The ids of the grading table: the archive's seven (Z900/Z901 are outside the range), then the two order customers not in it. */
const JOINED_IDS = ['007', '000124', '17850', 'A100', 'A200', 'A300', 'A400', '7', 'B900'];

afterEach(cleanup);

describe('a range as the customer archive', () => {
  it.each<[Locale, string, string]>([
    ['en', "Archive: range 'CRM export!B4:G11', 7 rows, header in row 4", MATCHED_EN],
    ['zh-CN', '客户档案：区域“CRM export!B4:G11”，7 行，表头在第 4 行', '订单中的 7 位客户有 5 位在客户档案中，2 位不在。'],
  ])('%s: the current selection is read as the archive, and Start says what it found and how many matched', async (locale, found, matched) => {
    const fake = workbook();
    mount(fake, locale);
    await startReady();
    // The user selects the archive block on the other sheet (which activates it), then uses the selection.
    fake.model.select(fake.model.sheet('CRM export')!, { r0: 3, c0: 1, r1: 10, c1: 6 });
    fireEvent.click(screen.getByTestId('archive-use-selection'));
    expect((await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 })).textContent).toBe(matched);
    expect(screen.getByTestId('archive-found').textContent).toContain(found);
  }, 30_000);

  it('a typed range is the archive; the build grades it by the orders and remembers the range; a new session rebuilds from the same block', async () => {
    const text = createPaneText('en');
    const fake = workbook();
    mount(fake, 'en');
    await startReady();
    await typeArchiveRange(`'CRM export'!${ARCHIVE_RANGE}`);
    expect((await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 })).textContent).toBe(MATCHED_EN);
    const plan = await buildThroughRules(text);
    expect(plan.tables[0]!.rows.map((row) => (row[0] as { text: string }).text)).toEqual(JOINED_IDS);

    // The Settings sheet holds the sheet and the range; the order log was a whole sheet.
    const run = withHostUi(fake);
    expect(await readRememberedSources(run)).toEqual({ orders: 'Orders', ordersRange: null, archive: 'CRM export', archiveRange: ARCHIVE_RANGE });

    cleanup();
    const again = mount(fake, 'en');
    const remembered = await screen.findByTestId('archive-remembered', undefined, { timeout: 10_000 });
    expect(remembered.textContent).toBe("Rebuild reads the orders from 'Orders' and the archive from 'CRM export!B4:G11' (saved on the Settings sheet).");
    expect((await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 })).textContent).toBe(MATCHED_EN);
    await buildThroughRules(text);
    expect(again).toHaveLength(1);
    expect(again[0]!.tables[0]!.rows.map((row) => (row[0] as { text: string }).text)).toEqual(JOINED_IDS);
  }, 60_000);

  it.each<[Locale, string, string]>([
    ['en', 'Nope!A1:F9', "There is no sheet named 'Nope' in this workbook. Check the sheet's name on its tab and type it before the !."],
    ['en', "'CRM export'!B4:G", "'B4:G' is not a block of cells. Type the first and last cell, for example A1:H500."],
    ['en', "'CRM export'!B4:G4", "'B4:G4' has fewer than two rows. A source needs its header row and at least one row of data: include them."],
    ['zh-CN', 'B4:G11', '“B4:G11”中没有工作表名称。请输入工作表名称、!，然后是单元格，例如 Sheet2!A1:H500。'],
  ])('%s: a typed %j is refused with a message saying what to do, and nothing is read', async (locale, typed, message) => {
    mount(workbook(), locale);
    await startReady();
    await typeArchiveRange(typed);
    expect((await screen.findByTestId('archive-range-problem')).textContent).toBe(message);
    expect(screen.queryByTestId('archive-found')).toBeNull();
  }, 30_000);

  it('a typed range with no data under its header is read and refused: the archive shows what to do', async () => {
    const text = createPaneText('en');
    mount(workbook(), 'en');
    await startReady();
    // Rows 12-13 of the sheet are empty.
    await typeArchiveRange("'CRM export'!B12:G13");
    const panel = await screen.findByText(text.t('rangeTooSmallWhat'), undefined, { timeout: 10_000 });
    expect(panel).toBeTruthy();
    expect(screen.getByText(text.t('rangeTooSmallDo'))).toBeTruthy();
    expect(screen.queryByTestId('archive-matched')).toBeNull();
  }, 30_000);
});

describe('a typed range as the order log', () => {
  it('reads only the block typed, and Start names it', async () => {
    const fake = createFakeExcel();
    // The orders sit below a two-row note, beside a column of remarks the range leaves out.
    addSheetWithValues(fake.model, 'Log', [['Orders export'], [], ...ORDERS.map((row) => [...row, 'remark'])]);
    mount(fake, 'en');
    await startReady();
    const input = screen.getByTestId('orders-range-input');
    fireEvent.change(input, { target: { value: 'Log!A3:C13' } });
    fireEvent.click(screen.getByTestId('orders-range-use'));
    await waitFor(() => expect(screen.getByTestId('found-summary').textContent).toContain("Range 'Log!A3:C13'"), { timeout: 10_000 });
    expect(screen.getByTestId('found-summary').textContent).toContain('10 data rows, header in row 3');
  }, 30_000);
});

describe('a remembered range whose sheet is gone', () => {
  it.each<[Locale, string, string]>([
    [
      'en',
      "The customer archive the last build read, 'CRM export!B4:G11', is not in the workbook any more: its sheet was renamed or deleted.",
      'Pick the order log and the customer archive again below (a sheet, the selection or a typed range), then build.',
    ],
    ['zh-CN', '上次生成时读取的客户档案“CRM export!B4:G11”已不在工作簿中：其工作表已被重命名或删除。', '请在下方重新选择订单记录和客户档案（工作表、当前选定区域或输入的区域），然后生成。'],
  ])('%s: Start refuses to rebuild and says to pick the sources again; picking them builds', async (locale, what, todo) => {
    const fake = workbook();
    // Built in the same language: the sheet names Tierwise writes are localised.
    mount(fake, locale);
    await startReady();
    await typeArchiveRange(`'CRM export'!${ARCHIVE_RANGE}`);
    await screen.findByTestId('archive-matched', undefined, { timeout: 10_000 });
    await buildThroughRules(createPaneText(locale));

    fake.model.deleteSheet(fake.model.sheet('CRM export')!);
    cleanup();
    const text = createPaneText(locale);
    const plans = mount(fake, locale);
    await waitFor(() => expect(screen.getByTestId('screen-start').textContent).toContain(what), { timeout: 10_000 });
    expect(screen.getByTestId('screen-start').textContent).toContain(todo);
    expect(screen.getByTestId('screen-start').querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled ?? true).toBe(true);
    expect(screen.queryByTestId('archive-remembered')).toBeNull();

    // The user picks the order log again; a build from it alone forgets the remembered archive.
    fireEvent.click(screen.getByRole('combobox', { name: text.t('startPickSheet') }));
    fireEvent.click(await screen.findByRole('option', { name: 'Orders' }));
    const single = await buildThroughRules(text);
    expect(plans).toHaveLength(1);
    expect(single.tables[0]!.rows).toHaveLength(8);
    expect(fake.model.names.has('tierwise_sourcearchive')).toBe(false);
  }, 60_000);
});
