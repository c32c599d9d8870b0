/**
 * The task pane in Excel: waits for Office, then renders the pane on
 * Excel.run, in the display language and theme Office reports.
 */
import { createRoot } from 'react-dom/client';
import { todayLocal } from '../domain/dates';
import { localeFromLanguageTag } from '../i18n/locale';
import { text } from '../i18n/strings';
import { App, type AppHost } from './App';
import { createPlanWriter } from './planWriter';
import { platformFromOffice } from './deckDelivery';
import { themeFromOffice } from './theme';
import { createWorkbookGateway, type ExcelRun } from './workbookGateway';
import type { WorkerPort } from '../worker/protocol';

function createWorkerPort(): WorkerPort {
  return new Worker(new URL('../worker/gradeWorker.ts', import.meta.url), { name: 'grade-worker' }) as unknown as WorkerPort;
}

function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const locale = localeFromLanguageTag(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  if (typeof Excel === 'undefined' || !Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
    container.textContent = text('notInExcel', locale);
    return;
  }
  const run: ExcelRun = (batch) => Excel.run(batch);
  const gateway = createWorkbookGateway(run);
  const host: AppHost = {
    gateway,
    writer: createPlanWriter(run, (set, version) => Office.context.requirements.isSetSupported(set, version)),
    createWorkerPort,
    initialLocale: locale,
    theme: themeFromOffice(Office.context.officeTheme ?? null),
    today: () => todayLocal(),
    // Office.PlatformType values are the strings PC, OfficeOnline, Mac, iOS, Android, Universal.
    platform: platformFromOffice(String(Office.context.diagnostics?.platform ?? '')),
  };
  createRoot(container).render(<App host={host} />);
}

void Office.onReady(() => start());
