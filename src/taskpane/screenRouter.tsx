/**
 * The task pane's screens (UX.md): which step each is, and the screen shown
 * for each, wired to the pane's state and actions (App.tsx holds both).
 */
import type { DayNumber } from '../domain/dates';
import { formatIsoDay } from '../domain/dates';
import type { ImportAnalysis, ImportOptions } from '../domain/import';
import type { GradingSettings } from '../domain/settings';
import type { FieldKey, InputKind } from '../domain/types';
import type { Localized } from '../i18n/locale';
import type { StringKey } from '../i18n/strings';
import type { JoinSources } from '../plan/sourcesBlock';
import type { WorkbookPlan } from '../plan/types';
import type { GradeClient } from '../worker/client';
import type { BuildSummary, GradeCounts, ImportSummary } from '../worker/protocol';
import type { AppHost } from './App';
import type { BuildView } from './buildProgress';
import { ErrorPanel } from './components/ErrorPanel';
import type { PaneError } from './errors';
import type { PaneText } from './i18n';
import { joinFor } from './paneSources';
import type { PlanWriteResult } from './planWriter';
import type { FieldProblem, RulesDraft } from './rulesForm';
import { ArchiveColumns, ArchivePicker, type ArchiveState } from './screens/ArchiveSource';
import { BuildingScreen } from './screens/BuildingScreen';
import { CancelledScreen, type CancelledView } from './screens/CancelledScreen';
import { ColumnsScreen, type DayMonthOrder } from './screens/ColumnsScreen';
import { DoneHistory, type DoneHistoryView } from './screens/DoneHistory';
import { DoneScreen } from './screens/DoneScreen';
import { ProtectScreen, RebuildPasswordScreen } from './screens/ProtectScreen';
import { RangeSource } from './screens/RangeSource';
import { RepCopiesScreen } from './screens/RepCopiesScreen';
import { RulesScreen } from './screens/RulesScreen';
import { StartScreen, type StartStatus } from './screens/StartScreen';
import { SummaryChartsScreen } from './screens/SummaryChartsScreen';
import { locationOfSnapshot, sourceRefOf, type SourceLocation } from './sourceRange';
import { isManagedSheet, type ReadProgress, type SourceRef, type SourceSnapshot, type WorkbookOverview } from './workbookGateway';

export type Screen = 'start' | 'columns' | 'rules' | 'building' | 'done' | 'cancelled' | 'error' | 'protect' | 'rebuildPassword' | 'summaryCharts' | 'copies';

export const SCREEN_STEPS: Readonly<Record<Screen, { index: number; title: StringKey }>> = {
  start: { index: 1, title: 'stepStart' },
  columns: { index: 2, title: 'stepColumns' },
  rules: { index: 3, title: 'stepRules' },
  building: { index: 4, title: 'stepBuilding' },
  cancelled: { index: 4, title: 'stepBuilding' },
  done: { index: 5, title: 'stepDone' },
  error: { index: 1, title: 'errorHeading' },
  protect: { index: 5, title: 'stepProtect' },
  rebuildPassword: { index: 4, title: 'stepProtect' },
  summaryCharts: { index: 5, title: 'stepSummaryCharts' },
  copies: { index: 5, title: 'stepProtect' },
};
export const STEP_COUNT = 5;

/** A finished build, as the Done, Summary & charts and Protect screens show it. */
export interface DoneState {
  summary: BuildSummary;
  write: Extract<PlanWriteResult, { kind: 'written' }>;
  plan: WorkbookPlan;
  settings: GradingSettings;
  history?: DoneHistoryView | null;
}
/** A rebuild waiting for the protection password (issue 7). */
export interface PendingRebuild {
  settings: GradingSettings;
  options: ImportOptions;
  joinWith: { options: ImportOptions; sources: JoinSources } | null;
  problem: Localized | null;
}
export interface ErrorState {
  error: PaneError;
  retry: (() => void) | null;
}

/** What the screens show and do: the pane's state and actions (App.tsx). */
export interface ScreenRoutes {
  readonly host: AppHost;
  readonly client: GradeClient;
  readonly text: PaneText;
  readonly setScreen: (screen: Screen) => void;
  readonly fail: (thrown: unknown, retry: (() => void) | null) => void;
  // Start
  readonly startStatus: StartStatus;
  readonly overview: WorkbookOverview | null;
  readonly readProgress: ReadProgress | null;
  readonly snapshot: SourceSnapshot | null;
  readonly analysis: ImportAnalysis | null;
  readonly summary: ImportSummary | null;
  readonly startProblem: PaneError | null;
  readonly readSource: (source: SourceRef | null) => Promise<unknown>;
  readonly archive: ArchiveState | null;
  readonly archiveOptions: ImportOptions;
  readonly remembered: JoinSources | null;
  readonly loadArchive: (target: SourceLocation | 'selection' | null, withOptions: ImportOptions) => Promise<unknown>;
  // Columns
  readonly options: ImportOptions;
  readonly updating: boolean;
  readonly onChangeKind: (kind: InputKind) => void;
  readonly onChangeMapping: (field: FieldKey, header: string) => void;
  readonly onChangeDayMonthOrder: (order: DayMonthOrder) => void;
  readonly onChangeArchiveMapping: (field: FieldKey, header: string) => void;
  readonly archiveIncomplete: boolean;
  readonly goToRules: (fresh: boolean) => Promise<void>;
  // Rules
  readonly draft: RulesDraft;
  readonly setDraft: (draft: RulesDraft) => void;
  readonly settings: GradingSettings | null;
  readonly baseSettings: GradingSettings;
  readonly fieldProblems: Readonly<Record<string, FieldProblem>>;
  readonly settingsProblems: readonly Localized[];
  readonly preview: GradeCounts | null;
  readonly previewUpdating: boolean;
  readonly fromSheet: { readonly problems: readonly Localized[] } | null;
  readonly runBuild: (settings: GradingSettings, options: ImportOptions, joinWith?: { options: ImportOptions; sources: JoinSources } | null, password?: string) => Promise<void>;
  // Building, Cancelled
  readonly build: BuildView;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
  readonly cancelled: CancelledView | null;
  // Done, Protect, Summary & charts, rebuild password, error
  readonly done: DoneState | null;
  readonly onGoToTable: () => void;
  readonly onRebuild: () => Promise<void>;
  readonly onOpenQuality: () => void;
  readonly showPlanSheet: (sheet: string | undefined) => void;
  readonly pendingRebuild: PendingRebuild | null;
  readonly error: ErrorState | null;
}

/** The body of `screen`: the screen component, wired to the pane (a plain function, so the tree is App's own). */
export function screenBody(screen: Screen, routes: ScreenRoutes): JSX.Element {
  const { host, client, text, setScreen, fail, startStatus, overview, readProgress, snapshot, analysis, summary, startProblem, readSource } = routes;
  const { archive, archiveOptions, remembered, loadArchive, options, updating, onChangeKind, onChangeMapping, onChangeDayMonthOrder } = routes;
  const { onChangeArchiveMapping, archiveIncomplete, goToRules, draft, setDraft, settings, baseSettings, fieldProblems, settingsProblems } = routes;
  const { preview, previewUpdating, fromSheet, runBuild, build, cancelling, onCancel, cancelled, done, onGoToTable, onRebuild } = routes;
  const { onOpenQuality, showPlanSheet, pendingRebuild, error } = routes;
  const firstRow = snapshot?.firstRow ?? 1;

  let body: JSX.Element;
  switch (screen) {
    case 'start':
      body = (
        <StartScreen
          status={startStatus}
          overview={overview}
          readProgress={readProgress}
          snapshot={snapshot}
          analysis={analysis}
          summary={summary}
          problem={startProblem}
          onUse={() => setScreen('columns')}
          onPickSheet={(name) => void readSource({ kind: 'sheet', name })}
          onUseSelection={() => void readSource({ kind: 'selection' })}
          onOpenTable={(name) => host.gateway.showSheet(name).catch((thrown: unknown) => fail(thrown, null))}
          onProtect={() => setScreen('protect')}
          onOpenSummary={() => setScreen('summaryCharts')}
          onReread={() => void readSource(snapshot?.source ?? null)}
          rangeSection={
            overview ? (
              <RangeSource
                id="orders"
                sheetNames={overview.sheetNames.filter((name) => !isManagedSheet(overview, name))}
                disabled={startStatus === 'reading' || startStatus === 'analyzing'}
                onUseRange={(location) => void readSource(sourceRefOf(location))}
              />
            ) : null
          }
          archiveSection={
            overview ? (
              <ArchivePicker
                sheets={overview.sheetNames.filter((name) => !isManagedSheet(overview, name) && name !== snapshot?.sheetName)}
                archive={archive}
                remembered={remembered}
                disabled={startStatus !== 'ready' || archive?.status === 'reading'}
                onPick={(sheet) => void loadArchive(sheet === null ? null : { sheet, address: null }, {})}
                rangeSection={
                  <RangeSource
                    id="archive"
                    sheetNames={overview.sheetNames.filter((name) => !isManagedSheet(overview, name))}
                    disabled={startStatus !== 'ready' || archive?.status === 'reading'}
                    onUseSelection={() => void loadArchive('selection', {})}
                    onUseRange={(location) => void loadArchive(location, {})}
                  />
                }
              />
            ) : null
          }
        />
      );
      break;
    case 'columns':
      body =
        analysis && summary ? (
          <ColumnsScreen
            analysis={analysis}
            summary={summary}
            options={options}
            firstRow={firstRow}
            updating={updating}
            onChangeKind={onChangeKind}
            onChangeMapping={onChangeMapping}
            onChangeDayMonthOrder={onChangeDayMonthOrder}
            onNext={() => void goToRules(false)}
            onBack={() => setScreen('start')}
            archiveSection={archive ? <ArchiveColumns archive={archive} updating={updating} onChangeMapping={onChangeArchiveMapping} /> : null}
            archiveIncomplete={archiveIncomplete}
          />
        ) : (
          <></>
        );
      break;
    case 'rules':
      body = (
        <RulesScreen
          draft={draft}
          settings={settings ?? baseSettings}
          fieldProblems={fieldProblems}
          settingsProblems={settingsProblems}
          preview={preview}
          previewUpdating={previewUpdating}
          autoAsOf={summary?.latestPurchase != null ? ((summary.latestPurchase + 1) as DayNumber) : null}
          isRebuild={(overview?.managedSheets.length ?? 0) > 0}
          fromSheet={fromSheet}
          onChange={setDraft}
          onBuild={() => {
            if (settings !== null) void runBuild(settings, options, joinFor(archive, archiveOptions, snapshot ? locationOfSnapshot(snapshot) : null));
          }}
          onBack={() => setScreen('columns')}
        />
      );
      break;
    case 'building':
      body = <BuildingScreen stepText={build.stepText(text)} fraction={build.fraction} cancelling={cancelling} onCancel={onCancel} />;
      break;
    case 'cancelled':
      body = <CancelledScreen view={cancelled ?? { description: null }} onBack={() => setScreen('rules')} />;
      break;
    case 'done':
      body = done ? (
        <>
          <DoneScreen
            summary={done.summary}
            write={done.write}
            firstRow={firstRow}
            onGoToTable={onGoToTable}
            onRebuild={() => void onRebuild()}
            onChangeRules={() => void goToRules(true)}
            onProtect={() => setScreen('protect')}
            onSummaryCharts={() => setScreen('summaryCharts')}
            onOpenQuality={onOpenQuality}
          />
          {done.history ? <DoneHistory view={done.history} onOpenHistory={() => showPlanSheet(done.plan.history?.sheetName)} /> : null}
        </>
      ) : (
        <></>
      );
      break;
    case 'protect':
      body = <ProtectScreen run={host.gateway.run} onBack={() => setScreen(done ? 'done' : 'start')} onCopies={() => setScreen('copies')} copiesLabel="copiesOpen" />;
      break;
    case 'copies':
      body = <RepCopiesScreen client={client} run={host.gateway.run} platform={host.platform ?? 'unknown'} onBack={() => setScreen('protect')} />;
      break;
    case 'summaryCharts':
      body = (
        <SummaryChartsScreen
          run={host.gateway.run}
          platform={host.platform ?? 'unknown'}
          onRefreshSummary={snapshot ? () => void onRebuild() : null}
          charts={done ? { plan: done.plan, summary: done.summary.customerSummary, settings: done.settings } : null}
          deck={done ? { summary: done.summary.customerSummary, settings: done.settings, asOf: done.summary.counts.asOf, breakpoints: done.summary.breakpoints, sourceName: snapshot?.sheetName ?? '', prediction: done.summary.prediction?.highlights ?? null } : null}
          stamp={formatIsoDay(host.today())}
          {...(host.saveEnvironment ? { environment: host.saveEnvironment } : {})}
          onBack={() => setScreen(done ? 'done' : 'start')}
        />
      );
      break;
    case 'rebuildPassword':
      body = pendingRebuild ? (
        <RebuildPasswordScreen
          problem={pendingRebuild.problem}
          onSubmit={(password) => void runBuild(pendingRebuild.settings, pendingRebuild.options, pendingRebuild.joinWith, password)}
          onCancel={() => setScreen(done ? 'done' : 'start')}
        />
      ) : (
        <></>
      );
      break;
    case 'error':
      body = error ? (
        <ErrorPanel
          error={error.error}
          onRetry={error.retry ?? undefined}
          onStartOver={() => void readSource(null)}
        />
      ) : (
        <></>
      );
      break;
  }
  return body;
}
