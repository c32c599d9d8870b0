/**
 * The Summary & charts screen (UX.md screen 6, issue 6 §3), the whole pane
 * over the typed fake Excel, in English and Chinese: reached from Done (and
 * from Start when the workbook has Tierwise sheets); Refresh charts redraws
 * the charts in the tier colours typed in Settings, the user's chart left as
 * it was; Export chart images hands a zip of PNGs (format read from the
 * bytes) to the download route, or on Mac says what works instead; Refresh
 * summary runs the rebuild; the deck is exported from here.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import JSZip from 'jszip';
import { addSheetWithValues, chartsOnSheet, createFakeExcel, parseAddress, type FakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import type { Locale } from '../../src/i18n/locale';
import type { WorkbookPlan } from '../../src/plan/types';
import { App, type AppHost } from '../../src/taskpane/App';
import { imageFormatOf } from '../../src/taskpane/chartImages';
import type { HostPlatform, SaveEnvironment } from '../../src/taskpane/deckDelivery';
import { createPaneText } from '../../src/taskpane/i18n';
import { createPlanWriter } from '../../src/taskpane/planWriter';
import { REFRESH_CHARTS_MAX_SYNCS } from '../../src/taskpane/refreshCharts';
import { createWorkbookGateway } from '../../src/taskpane/workbookGateway';
import { createInProcessPort } from '../../src/worker/inProcessPort';
import { dayFromYmd, type DayNumber } from '../../src/domain/dates';

const TODAY = dayFromYmd(2024, 7, 1);
const OWNERS = ['张伟', 'Li Na', '王芳'];

function customerRows(count: number): (string | number)[][] {
  const rows: (string | number)[][] = [['Customer ID', 'Name', 'Owner', 'First purchase', 'Last purchase', 'Orders', 'Spend']];
  for (let i = 1; i <= count; i++) {
    const last = `2024-${String(1 + ((i * 7) % 6)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
    rows.push([`C${String(i).padStart(3, '0')}`, `Customer ${i}`, OWNERS[i % OWNERS.length]!, '2020-01-15', last, 1 + ((i * 13) % 17), 50 * (1 + ((i * 29) % 37))]);
  }
  return rows;
}

interface Downloads {
  readonly env: SaveEnvironment;
  readonly saved: { name: string; blob: Blob }[];
}

/** A browser environment that records what would have been downloaded instead of navigating jsdom. */
function downloads(): Downloads {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const env: SaveEnvironment = {
    document: {
      body: document.body,
      createElement: ((tag: string) => {
        const element = document.createElement(tag);
        if (element instanceof HTMLAnchorElement) element.click = () => saved.push({ name: element.download, blob: blobs.get(element.href) ?? new Blob() });
        return element;
      }) as Document['createElement'],
    },
    createObjectURL: (blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
    msSaveOrOpenBlob: null,
    setTimeout: () => undefined,
  };
  return { env, saved };
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  // jsdom's Blob has no arrayBuffer(); FileReader reads it.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

interface Pane {
  readonly fake: FakeExcel;
  readonly plans: WorkbookPlan[];
  readonly saved: Downloads['saved'];
}

function mount(fake: FakeExcel, locale: Locale, platform: HostPlatform, plans: WorkbookPlan[], env: SaveEnvironment): void {
  const run = withHostUi(fake);
  const host: AppHost = {
    gateway: createWorkbookGateway(run),
    writer: createPlanWriter(run),
    createWorkerPort: createInProcessPort,
    initialLocale: locale,
    theme: webLightTheme,
    today: () => TODAY as DayNumber,
    platform,
    saveEnvironment: env,
    onBuilt: (plan) => plans.push(plan),
  };
  render(<App host={host} />);
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

/** A first build through the pane, then Done -> Summary & charts. */
async function openFromDone(locale: Locale, platform: HostPlatform = 'web'): Promise<Pane> {
  const fake = createFakeExcel();
  addSheetWithValues(fake.model, 'Data', customerRows(40));
  const plans: WorkbookPlan[] = [];
  const { env, saved } = downloads();
  mount(fake, locale, platform, plans, env);
  const text = createPaneText(locale);
  fireEvent.click(await startReady());
  fireEvent.click(await screen.findByRole('button', { name: text.t('next') }));
  await screen.findByTestId('screen-rules');
  fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
  await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
  fireEvent.click(screen.getByRole('button', { name: text.t('doneSummaryCharts') }));
  await screen.findByTestId('screen-summary-charts');
  expect(screen.getByTestId('step-indicator').textContent).toContain(text.t('stepSummaryCharts'));
  return { fake, plans, saved };
}

function sheetName(plan: WorkbookPlan, key: string): string {
  const name = plan.sheets.find((s) => s.key === key)?.name;
  if (!name) throw new Error(`no ${key} sheet`);
  return name;
}

function typeTierColour(fake: FakeExcel, offset: number, colour: string): void {
  const entry = fake.model.names.get('tiercolors');
  if (!entry) throw new Error('no TierColors name');
  const { sheet, rect } = parseAddress(entry.formula.replace(/^=/, ''));
  fake.model.sheet(sheet ?? '')?.setConstant(rect.r0 + offset, rect.c0, colour);
}

async function addUserChart(fake: FakeExcel, plan: WorkbookPlan): Promise<void> {
  await fake.run(async (context) => {
    const summary = context.workbook.worksheets.getItem(sheetName(plan, 'summary'));
    const chart = context.workbook.worksheets.getItem(sheetName(plan, 'charts')).charts.add('Pie' as Excel.ChartType, summary.getRange('B5:B7'), 'Columns' as Excel.ChartSeriesBy);
    chart.name = 'My pie';
    await context.sync();
  });
}

afterEach(() => cleanup());

describe.each<Locale>(['en', 'zh-CN'])('%s: Summary & charts', (locale) => {
  const text = createPaneText(locale);

  it("Refresh charts recolours Tierwise's charts from Settings in constant syncs; the user's chart and the count unchanged", async () => {
    const { fake, plans } = await openFromDone(locale);
    const plan = plans[0]!;
    expect(plan.charts.some((c) => c.name === 'Tierwise_ownerTiers')).toBe(true);
    await addUserChart(fake, plan);
    const chartsSheet = sheetName(plan, 'charts');
    const before = chartsOnSheet(fake.model, chartsSheet);
    typeTierColour(fake, 0, '#12AB56');
    const syncs = fake.stats().syncs;
    fireEvent.click(screen.getByRole('button', { name: text.t('scRefreshCharts') }));
    const done = await screen.findByTestId('sc-charts-done', undefined, { timeout: 10_000 });
    expect(done.textContent).toContain(text.t('scChartsDone', { count: text.number(plan.charts.length), kept: text.number(1) }));
    expect(fake.stats().syncs - syncs).toBeLessThanOrEqual(REFRESH_CHARTS_MAX_SYNCS);
    const after = chartsOnSheet(fake.model, chartsSheet);
    expect(after.map((c) => c.name).sort()).toEqual(before.map((c) => c.name).sort());
    expect(after.find((c) => c.name === 'My pie')).toEqual(before.find((c) => c.name === 'My pie'));
    // The owner chart's first series is the first tier: its fill is the colour typed.
    expect(before.find((c) => c.name === 'Tierwise_ownerTiers')?.series[0]?.fill).not.toBe('#12AB56');
    expect(after.find((c) => c.name === 'Tierwise_ownerTiers')?.series[0]?.fill).toBe('#12AB56');
    expect(Object.values(after.find((c) => c.name === 'Tierwise_tierCustomers')?.series[0]?.pointFills ?? {})).toContain('#12AB56');
  });

  it('Export chart images downloads one zip of PNGs, one per Tierwise chart, and says so', async () => {
    const { fake, plans, saved } = await openFromDone(locale);
    await addUserChart(fake, plans[0]!);
    fireEvent.click(screen.getByRole('button', { name: text.t('scExportImages') }));
    const message = await screen.findByTestId('sc-images-saved', undefined, { timeout: 10_000 });
    expect(saved).toHaveLength(1);
    const file = saved[0]!;
    expect(file.name).toBe('tierwise-charts-2024-07-01.zip');
    expect(message.textContent).toContain(file.name);
    expect(message.textContent).toContain('PNG');
    const zip = await JSZip.loadAsync(await bytesOf(file.blob));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(plans[0]!.charts.map((c) => `${c.name.replace('Tierwise_', '')}.png`).sort());
    for (const name of names) expect(imageFormatOf(await zip.file(name)!.async('uint8array'))).toBe('png');
  });

  it('on Mac the images cannot be downloaded: no button, and the pane says to copy the chart into PowerPoint', async () => {
    await openFromDone(locale, 'mac');
    expect(screen.queryByRole('button', { name: text.t('scExportImages') })).toBeNull();
    expect(screen.getByTestId('sc-images-blocked').textContent).toBe(text.t('scImagesBlocked'));
    expect(screen.getByTestId('deck-blocked')).toBeTruthy();
  });

  it('in the preview the images are labelled as generated, not renderings', async () => {
    await openFromDone(locale, 'preview');
    expect(screen.getByTestId('sc-images-preview-note').textContent).toBe(text.t('scImagesPreviewNote'));
  });

  it('Refresh summary rebuilds (a colour typed in Settings reaches the charts too) and the deck is exported from here', async () => {
    const { fake, plans, saved } = await openFromDone(locale);
    expect(screen.getByTestId('deck-export')).toBeTruthy();
    typeTierColour(fake, 0, '#AB1234');
    fireEvent.click(screen.getByRole('button', { name: text.t('scRefreshSummary') }));
    await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
    expect(plans).toHaveLength(2);
    expect(plans[1]!.charts.length).toBe(plans[0]!.charts.length);
    const charts = chartsOnSheet(fake.model, sheetName(plans[1]!, 'charts'));
    expect(charts.map((c) => c.name).sort()).toEqual(plans[1]!.charts.map((c) => c.name).sort());
    expect(charts.find((c) => c.name === 'Tierwise_ownerTiers')?.series[0]?.fill).toBe('#AB1234');
    expect(saved).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: text.t('doneExportDeck') }));
    await screen.findByTestId('screen-summary-charts');
  });

  it('Start offers Open summary when the workbook has Tierwise sheets; images work there, chart refresh asks for a build first', async () => {
    const { fake } = await openFromDone(locale);
    cleanup();
    const plans: WorkbookPlan[] = [];
    const { env, saved } = downloads();
    mount(fake, locale, 'web', plans, env);
    await startReady();
    fireEvent.click(screen.getByRole('button', { name: text.t('startOpenSummary') }));
    await screen.findByTestId('screen-summary-charts');
    expect((screen.getByRole('button', { name: text.t('scRefreshCharts') }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('sc-charts-need-build').textContent).toBe(text.t('scChartsNeedBuild'));
    expect(screen.getByTestId('sc-deck-need-build').textContent).toBe(text.t('scDeckNeedBuild'));
    fireEvent.click(screen.getByRole('button', { name: text.t('scExportImages') }));
    await screen.findByTestId('sc-images-saved', undefined, { timeout: 10_000 });
    expect(saved).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: text.t('scBack') }));
    await screen.findByTestId('screen-start');
  });

  it('a workbook without Tierwise charts: Export chart images says to refresh the summary', async () => {
    const { fake, plans } = await openFromDone(locale);
    await fake.run(async (context) => {
      const charts = context.workbook.worksheets.getItem(sheetName(plans[0]!, 'charts')).charts.load('items/name');
      await context.sync();
      for (const chart of charts.items) chart.delete();
      await context.sync();
    });
    fireEvent.click(screen.getByRole('button', { name: text.t('scExportImages') }));
    expect((await screen.findByTestId('sc-images-none', undefined, { timeout: 10_000 })).textContent).toBe(text.t('scImagesNone'));
  });
});
