/**
 * `npm run preview`: the real task pane beside an in-memory workbook (the
 * typed fake Excel), loaded with sample data. Clearly labelled: this is not
 * Excel. The pane runs the same code as in Office; only `run` differs.
 *
 * URL parameters: `lang=en|zh-CN` (pane and page language), `paneWidth=350`
 * (pixels), `sample=customers|orders|synthetic`, `rows=N` (synthetic size),
 * `syncDelayMs=N` (latency added to every sync, as a real Excel round trip has).
 * For the browser tests, `window.__tierwisePreview` exposes the workbook.
 */
import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { todayLocal } from '../domain/dates';
import { chartsOnSheet, createFakeExcel, type FakeChartRecord } from '../fake-excel';
import { localeFromLanguageTag, type Locale } from '../i18n/locale';
import { text } from '../i18n/strings';
import type { WorkbookPlan } from '../plan/types';
import { App, type AppHost } from '../taskpane/App';
import { createPlanWriter } from '../taskpane/planWriter';
import { createWorkbookGateway, type ExcelRun } from '../taskpane/workbookGateway';
import type { WorkerPort } from '../worker/protocol';
import { bundledSampleSheets } from './bundledSamples';
import { withHostUi } from './hostUi';
import { SAMPLE_SHEET_NAMES, syntheticCustomerSheet, type SampleSheet } from './sampleData';
import { WorkbookView } from './WorkbookView';

/** Rows written per request when loading samples (keeps each request well under 5 MB). */
const LOAD_BLOCK_ROWS = 10_000;
/**
 * Text Excel would not keep as text when written through `values`: formulas
 * (`=`, `+`, `-`, `@`) and numeric-looking text such as phone numbers. Such
 * cells get the text format first, as a careful user (or a CSV import with
 * text columns) would do.
 */
const NEEDS_TEXT_FORMAT = /^[=+\-@\d.]/;

async function loadSheets(run: ExcelRun, sheets: readonly SampleSheet[], active: string): Promise<void> {
  for (const sheet of sheets) {
    await run(async (context) => {
      const target = context.workbook.worksheets.add(sheet.name);
      const width = Math.max(...sheet.values.map((row) => row.length));
      for (let start = 0; start < sheet.values.length; start += LOAD_BLOCK_ROWS) {
        const rows = sheet.values.slice(start, start + LOAD_BLOCK_ROWS);
        const formats = rows.map((row, r) =>
          row.map((value, c) => (typeof value === 'string' && NEEDS_TEXT_FORMAT.test(value) ? '@' : (sheet.numberFormats[start + r]?.[c] ?? 'General'))),
        );
        const padded = rows.map((row) => Array.from({ length: width }, (_v, c) => row[c] ?? ''));
        const paddedFormats = formats.map((row) => Array.from({ length: width }, (_v, c) => row[c] ?? 'General'));
        const range = target.getRangeByIndexes(start, 0, padded.length, width);
        range.numberFormat = paddedFormats;
        range.values = padded;
        await context.sync();
      }
    });
  }
  await run(async (context) => {
    context.workbook.worksheets.getItem(active).activate();
    await context.sync();
  });
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: '16px',
    rowGap: '2px',
    padding: '8px 14px',
    backgroundColor: '#7A3E00',
    color: '#FFFFFF',
  },
  bannerTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold },
  bannerNote: { fontSize: tokens.fontSizeBase200 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '12px', padding: '12px' },
  workbook: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    flexShrink: 0,
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  paneLabel: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, padding: '2px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** What the browser tests read (preview only; never in the Office pane). */
export interface PreviewTestHook {
  readonly run: ExcelRun;
  lastPlan(): WorkbookPlan | null;
  syncCount(): number;
  /** The fake's record of a sheet's charts (issue 6 §3: the browser test reads their colours). */
  charts(sheetName: string): FakeChartRecord[];
}

declare global {
  interface Window {
    __tierwisePreview?: PreviewTestHook;
  }
}

function PreviewPage({ run, host, locale, paneWidth }: { run: ExcelRun; host: Omit<AppHost, 'onBuilt'>; locale: Locale; paneWidth: number }): JSX.Element {
  const styles = useStyles();
  const [plan, setPlan] = useState<WorkbookPlan | null>(null);
  const [version, setVersion] = useState(0);
  const onBuilt = useCallback((built: WorkbookPlan) => {
    setPlan(built);
    setVersion((v) => v + 1);
  }, []);
  const appHost = useMemo<AppHost>(() => ({ ...host, onBuilt }), [host, onBuilt]);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.page}>
        <header className={styles.banner} role="banner" data-testid="preview-banner">
          <h1 className={styles.bannerTitle}>
            {text('previewBanner', 'en')} / {text('previewBanner', 'zh-CN')}
          </h1>
          <span className={styles.bannerNote}>{text('previewBannerNote', locale)}</span>
          <span className={styles.bannerNote} data-testid="preview-only-excel">{text('previewOnlyExcel', locale)}</span>
        </header>
        <div className={styles.body}>
          <div className={styles.workbook}>
            <WorkbookView run={run} locale={locale} plan={plan} version={version} />
          </div>
          <aside className={styles.pane} style={{ width: paneWidth }} aria-label={text('previewPane', locale)} data-testid="preview-pane">
            <div className={styles.paneLabel}>{text('previewPane', locale)}</div>
            <App host={appHost} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('preview.html has no #root element');
  const params = new URLSearchParams(window.location.search);
  const locale = localeFromLanguageTag(params.get('lang') ?? navigator.language);
  document.documentElement.lang = locale;
  const paneWidth = Math.max(300, Math.min(700, Number(params.get('paneWidth') ?? '380') || 380));
  const sample = params.get('sample') ?? 'customers';

  const fake = createFakeExcel();
  const run = withHostUi(fake, { syncDelayMs: Number(params.get('syncDelayMs') ?? '0') || 0 });
  let lastPlan: WorkbookPlan | null = null;

  let sheets: SampleSheet[];
  let active: string;
  if (sample === 'synthetic') {
    const rows = Math.max(1, Math.min(500_000, Number(params.get('rows') ?? '100000') || 100_000));
    const synthetic = syntheticCustomerSheet(rows);
    sheets = [synthetic];
    active = synthetic.name;
  } else {
    sheets = bundledSampleSheets();
    active = sample === 'orders' ? SAMPLE_SHEET_NAMES.orderLog : SAMPLE_SHEET_NAMES.customerList;
  }
  await loadSheets(run, sheets, active);

  const host: Omit<AppHost, 'onBuilt'> = {
    gateway: createWorkbookGateway(run),
    // The fake implements every call the renderer makes, including ExcelApi 1.9's screen-updating switch.
    writer: createPlanWriter(run, () => true),
    createWorkerPort: () => new Worker(new URL('../worker/gradeWorker.ts', import.meta.url), { name: 'grade-worker' }) as unknown as WorkerPort,
    initialLocale: locale,
    theme: webLightTheme,
    today: () => todayLocal(),
    platform: 'preview',
  };
  window.__tierwisePreview = {
    run,
    lastPlan: () => lastPlan,
    syncCount: () => fake.stats().syncs,
    charts: (sheetName) => chartsOnSheet(fake.model, sheetName),
  };
  const recordPlan = (plan: WorkbookPlan): void => {
    lastPlan = plan;
  };
  createRoot(container).render(
    <PreviewPage run={run} host={{ ...host, writer: async (plan, options) => { recordPlan(plan); return host.writer(plan, options); } }} locale={locale} paneWidth={paneWidth} />,
  );
}

void start();
