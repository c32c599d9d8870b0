/**
 * The task pane: Start -> Columns -> Rules -> Building -> Done (UX.md).
 * The host (Office or the preview) hands in the workbook gateway, the plan
 * writer and a way to start the grading worker; everything else is the same
 * in both.
 */
import { FluentProvider, makeStyles, ToggleButton, tokens, type Theme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DayNumber } from '../domain/dates';
import type { ImportAnalysis, ImportOptions } from '../domain/import';
import { DEFAULT_SETTINGS, type GradingSettings } from '../domain/settings';
import type { FieldKey, InputKind } from '../domain/types';
import type { Locale, Localized } from '../i18n/locale';
import type { WorkbookPlan } from '../plan/types';
import { readSettings } from '../renderers/excel/readSettings';
import { readHistory } from '../renderers/excel/readHistory';
import { doneHistoryView, expectedAsOf, wireHistory } from './paneHistory';
import { GradeClient } from '../worker/client';
import type { GradeCounts, ImportSummary, WorkerPort } from '../worker/protocol';
import { describeError, type PaneError } from './errors';
import { createPaneText, TextProvider } from './i18n';
import type { PlanWriter, PlanWriteResult } from './planWriter';
import { draftFromSettings, settingsFromDraft, type FieldProblem, type RulesDraft } from './rulesForm';
import type { CancelledView } from './screens/CancelledScreen';
import type { DayMonthOrder } from './screens/ColumnsScreen';
import type { HostPlatform, SaveEnvironment } from './deckDelivery';
import type { StartStatus } from './screens/StartScreen';
import { rebuildPasswordPrompt } from './protectedRebuild';
import type { ReadProgress, SourceRef, SourceSnapshot, WorkbookGateway, WorkbookOverview } from './workbookGateway';
import type { ArchiveState } from './screens/ArchiveSource';
import { forgetRememberedSources, readRememberedSources, rememberedLocations, rememberedSourcesProblem } from './rememberedSources';
import { locationLabel, locationOfSnapshot, sourceRefOf, type SourceLocation } from './sourceRange';
import type { JoinSources } from '../plan/sourcesBlock';
import { STAGE_SPAN, stageText, WRITE_SPAN, writeText, type BuildView } from './buildProgress';
import { initialSource, joinFor, settingsExtent } from './paneSources';
import { SCREEN_STEPS, screenBody, STEP_COUNT, type DoneState, type ErrorState, type PendingRebuild, type Screen } from './screenRouter';

export interface AppHost {
  readonly gateway: WorkbookGateway;
  readonly writer: PlanWriter;
  readonly createWorkerPort: () => WorkerPort;
  readonly initialLocale: Locale;
  readonly theme: Theme;
  /** Today's date where the pane runs. */
  readonly today: () => DayNumber;
  /** Where the pane runs: decides how the slide deck is delivered (deckDelivery.ts). */
  readonly platform?: HostPlatform;
  /** The browser parts a download uses (tests hand in a recorder); default the web view's own. */
  readonly saveEnvironment?: SaveEnvironment;
  /** Called with every finished build (the preview shows the plan's computed values). */
  readonly onBuilt?: (plan: WorkbookPlan) => void;
}

/** Wait after the last keystroke before re-grading the live preview, in milliseconds. */
const PREVIEW_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  main: { padding: '12px 14px 24px', display: 'flex', flexDirection: 'column', rowGap: '12px', maxWidth: '560px' },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: '8px' },
  titles: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  appName: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  // Focused by script on each new screen (for screen readers); no ring on a text that is not a control.
  step: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, ':focus': { outlineStyle: 'none' } },
  languages: { display: 'flex', columnGap: '4px', flexShrink: 0 },
});

export function App({ host }: { readonly host: AppHost }): JSX.Element {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(host.initialLocale);
  const text = useMemo(() => createPaneText(locale), [locale]);

  const client = useMemo(() => new GradeClient(host.createWorkerPort), [host]);
  useEffect(() => () => client.dispose(), [client]);

  const [screen, setScreen] = useState<Screen>('start');
  const [startStatus, setStartStatus] = useState<StartStatus>('reading');
  const [overview, setOverview] = useState<WorkbookOverview | null>(null);
  const [readProgress, setReadProgress] = useState<ReadProgress | null>(null);
  const [snapshot, setSnapshot] = useState<SourceSnapshot | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [startProblem, setStartProblem] = useState<PaneError | null>(null);
  const [options, setOptions] = useState<ImportOptions>({});
  const [updating, setUpdating] = useState(false);

  const [draft, setDraft] = useState<RulesDraft>(() => draftFromSettings(DEFAULT_SETTINGS));
  /**
   * What the Rules form does not edit (tier labels and colours, segment
   * labels, tier rule kinds) comes from here: the contract's defaults, or the
   * workbook's Settings sheet once read from it.
   */
  const [baseSettings, setBaseSettings] = useState<GradingSettings>(DEFAULT_SETTINGS);
  /** Set when the Rules screen's values were read from the Settings sheet. */
  const [fromSheet, setFromSheet] = useState<{ readonly problems: readonly Localized[] } | null>(null);
  /** Whether the Settings sheet has been read since the source was (re)read, so going back and forth keeps pane edits. */
  const sheetReadRef = useRef(false);
  const [preview, setPreview] = useState<GradeCounts | null>(null);
  const [previewUpdating, setPreviewUpdating] = useState(false);
  const [settingsProblems, setSettingsProblems] = useState<readonly Localized[]>([]);

  const [build, setBuild] = useState<BuildView>({ stepText: (t) => t.t('buildingPlanning'), fraction: null });
  const [cancelling, setCancelling] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const [done, setDone] = useState<DoneState | null>(null);
  const [cancelled, setCancelled] = useState<CancelledView | null>(null);
  const [error, setError] = useState<ErrorState | null>(null);
  // Two sources (issue 11): the customer archive, its import options, and the sources a joined build remembered.
  const [archive, setArchive] = useState<ArchiveState | null>(null);
  const archiveRef = useRef<ArchiveState | null>(null);
  archiveRef.current = archive;
  const [archiveOptions, setArchiveOptions] = useState<ImportOptions>({});
  const archiveOptionsRef = useRef<ImportOptions>({});
  archiveOptionsRef.current = archiveOptions;
  const [remembered, setRemembered] = useState<JoinSources | null>(null);
  /** A rebuild waiting for the protection password (issue 7); the password itself is never held here. */
  const [pendingRebuild, setPendingRebuild] = useState<PendingRebuild | null>(null);

  const draftOutcome = useMemo(() => settingsFromDraft(draft, baseSettings), [draft, baseSettings]);
  const settings: GradingSettings | null = draftOutcome.settings;
  const fieldProblems: Readonly<Record<string, FieldProblem>> = draftOutcome.problems;

  const fail = useCallback((thrown: unknown, retry: (() => void) | null) => {
    setError({ error: describeError(thrown), retry });
    setScreen('error');
  }, []);

  /** Reads the archive (a sheet, a range, or the selection) into the worker and analyses it (its own options) against the orders. */
  const loadArchive = useCallback(
    async (target: SourceLocation | 'selection' | null, withOptions: ImportOptions): Promise<ArchiveState | null> => {
      if (target === null) {
        await client.loadArchiveGrid(null);
        setArchive(null);
        setArchiveOptions({});
        return null;
      }
      const picked: SourceLocation = target === 'selection' ? { sheet: '', address: null } : target;
      const reading: ArchiveState = { ...picked, firstRow: 1, status: 'reading', analysis: null, summary: null, problem: null };
      setArchive(reading);
      try {
        const read = await host.gateway.read(target === 'selection' ? { kind: 'selection' } : sourceRefOf(target));
        await client.loadArchiveGrid(read.values);
        const result = await client.analyzeArchive(withOptions, host.today());
        // The selection is remembered as the block it was (or its sheet, when one cell was selected).
        const ready: ArchiveState = { ...locationOfSnapshot(read), firstRow: read.firstRow, status: 'ready', analysis: result.analysis, summary: result.summary, problem: null };
        setArchiveOptions(withOptions);
        setArchive(ready);
        return ready;
      } catch (thrown) {
        const failed: ArchiveState = { ...reading, status: 'failed', problem: describeError(thrown) };
        setArchive(failed);
        return failed;
      }
    },
    [client, host],
  );

  /** Re-analyses the loaded archive (new options, or the orders changed and the match is counted again). */
  const refreshArchive = useCallback(
    async (withOptions: ImportOptions): Promise<void> => {
      const current = archiveRef.current;
      if (!current || current.status === 'failed') return;
      try {
        const result = await client.analyzeArchive(withOptions, host.today());
        setArchiveOptions(withOptions);
        setArchive({ ...current, status: 'ready', analysis: result.analysis, summary: result.summary, problem: null });
      } catch (thrown) {
        setArchive({ ...current, status: 'failed', problem: describeError(thrown) });
      }
    },
    [client, host],
  );

  /** Reads a source and analyses it; the Start screen shows what was found. */
  const readSource = useCallback(
    async (source: SourceRef | null): Promise<{ analysis: ImportAnalysis; summary: ImportSummary } | null> => {
      setScreen('start');
      setStartStatus('reading');
      setStartProblem(null);
      setReadProgress(null);
      setAnalysis(null);
      setSummary(null);
      setOptions({});
      sheetReadRef.current = false;
      try {
        const found = await host.gateway.overview();
        setOverview(found);
        // A workbook whose last build joined two sources: read the same two (issue 11).
        const recalled = source === null && found.managedSheets.length > 0 ? await readRememberedSources(host.gateway.run) : null;
        // A remembered source whose sheet is gone is refused, never replaced by another sheet (the user picks again).
        const gone = recalled !== null ? rememberedSourcesProblem(recalled, found.sheetNames) : null;
        if (gone !== null) {
          setRemembered(null);
          setStartProblem(gone);
          setStartStatus('failed');
          return null;
        }
        const usable = recalled !== null ? rememberedLocations(recalled) : null;
        setRemembered(usable ? { orders: locationLabel(usable.orders), archive: locationLabel(usable.archive) } : null);
        const read = await host.gateway.read(usable ? sourceRefOf(usable.orders) : (source ?? initialSource(found)), setReadProgress);
        setSnapshot(read);
        if (read.values.length === 0) {
          setStartStatus('empty');
          return null;
        }
        setStartStatus('analyzing');
        await client.loadGrid(read.values);
        const result = await client.analyze(undefined, host.today());
        setAnalysis(result.analysis);
        setSummary(result.summary);
        setStartStatus('ready');
        if (usable) await loadArchive(usable.archive, archiveOptionsRef.current);
        else if (archiveRef.current) await refreshArchive(archiveOptionsRef.current);
        return result;
      } catch (thrown) {
        setStartProblem(describeError(thrown));
        setStartStatus('failed');
        return null;
      }
    },
    [client, host, loadArchive, refreshArchive],
  );

  useEffect(() => {
    void readSource(null);
  }, [readSource]);

  /**
   * Reads the rules from the workbook's Settings sheet when Tierwise sheets
   * exist, so edits typed there are what the Rules screen shows and what the
   * next build writes (issue 3 §4). Returns the settings the form then holds
   * (null when the form cannot read one of them), or `undefined` when the
   * workbook has no Settings sheet and the pane's rules stand.
   */
  const loadSheetRules = useCallback(
    async (managedSheets: readonly string[], latestPurchase: DayNumber | null): Promise<GradingSettings | null | undefined> => {
      if (managedSheets.length === 0) {
        sheetReadRef.current = true;
        setFromSheet(null);
        return undefined;
      }
      const autoAsOfDay = latestPurchase !== null ? ((latestPurchase + 1) as DayNumber) : null;
      const read = await host.gateway.run((context) => readSettings(context, baseSettings, { autoAsOfDay }));
      sheetReadRef.current = true;
      if (read === null) {
        setFromSheet(null);
        return undefined;
      }
      const nextDraft = draftFromSettings(read.settings);
      setBaseSettings(read.settings);
      setDraft(nextDraft);
      setFromSheet({ problems: read.problems.map((p) => p.message) });
      return settingsFromDraft(nextDraft, read.settings).settings;
    },
    [host, baseSettings],
  );

  /** Columns -> Rules: the first time since the source was read, start from the Settings sheet. */
  const goToRules = useCallback(
    async (fresh: boolean) => {
      if (fresh || !sheetReadRef.current) {
        try {
          await loadSheetRules(overview?.managedSheets ?? [], summary?.latestPurchase ?? null);
        } catch (thrown) {
          // Retry from the Columns screen: its Next reads the sheet again (sheetReadRef is still false).
          fail(thrown, () => setScreen('columns'));
          return;
        }
      }
      setScreen('rules');
    },
    [loadSheetRules, overview, summary, fail],
  );

  const reanalyze = useCallback(
    async (next: ImportOptions) => {
      setOptions(next);
      setUpdating(true);
      try {
        const result = await client.analyze(next, host.today());
        setAnalysis(result.analysis);
        setSummary(result.summary);
        if (archiveRef.current) await refreshArchive(archiveOptionsRef.current);
      } catch (thrown) {
        fail(thrown, () => setScreen('columns'));
      } finally {
        setUpdating(false);
      }
    },
    [client, host, fail, refreshArchive],
  );

  const onChangeArchiveMapping = (field: FieldKey, header: string): void => {
    setUpdating(true);
    void refreshArchive({ ...archiveOptions, mapping: { ...(archiveOptions.mapping ?? {}), [field]: header } }).finally(() => setUpdating(false));
  };

  const onChangeMapping = (field: FieldKey, header: string): void => {
    void reanalyze({ ...options, mapping: { ...(options.mapping ?? {}), [field]: header } });
  };
  const onChangeKind = (kind: InputKind): void => {
    // A new kind means new fields: earlier column choices no longer apply.
    void reanalyze({ ...options, kind, mapping: {} });
  };
  const onChangeDayMonthOrder = (order: DayMonthOrder): void => {
    void reanalyze({ ...options, dayMonthOrder: order });
  };

  // The live preview on the Rules screen: re-grade shortly after each change.
  useEffect(() => {
    if (screen !== 'rules' || settings === null) return undefined;
    let stale = false;
    setPreviewUpdating(true);
    const timer = setTimeout(() => {
      client
        .preview(settings, host.today())
        .then((outcome) => {
          if (stale) return;
          if (outcome.kind === 'counts') {
            setPreview(outcome.counts);
            setSettingsProblems([]);
          } else setSettingsProblems(outcome.problems);
        })
        .catch((thrown: unknown) => {
          if (!stale) fail(thrown, () => setScreen('rules'));
        })
        .finally(() => {
          if (!stale) setPreviewUpdating(false);
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [screen, settings, client, host, fail]);

  const runBuild = useCallback(
    async (
      buildSettings: GradingSettings,
      buildOptions: ImportOptions,
      joinWith: { options: ImportOptions; sources: JoinSources } | null = null,
      password?: string,
    ) => {
      const controller = new AbortController();
      abortRef.current = controller;
      setCancelling(false);
      setCancelled(null);
      setBuild({ stepText: (t) => t.t('buildingPlanning'), fraction: 0 });
      setScreen('building');
      let written: PlanWriteResult | null = null;
      try {
        // Issue 8 §2: the History sheet's previous tiers for the plan's Previous tier column (readHistory.ts).
        const asOf = expectedAsOf(buildSettings, summary?.latestPurchase ?? null, host.today());
        const history = wireHistory(await host.gateway.run((context) => readHistory(context, asOf)));
        const outcome = await client.build(
          { options: buildOptions, settings: buildSettings, locale, today: host.today(), history, ...(joinWith ? { archiveOptions: joinWith.options, sources: joinWith.sources } : {}) },
          (progress) => {
            const [from, to] = STAGE_SPAN[progress.stage];
            const share = progress.total > 0 ? progress.done / progress.total : 0;
            setBuild({ stepText: (t) => stageText(t, progress), fraction: from + (to - from) * share });
          },
          controller.signal,
        );
        if (outcome.kind === 'cancelled') {
          setCancelled({ description: null });
          setScreen('cancelled');
          return;
        }
        if (outcome.kind === 'invalid') {
          setSettingsProblems(outcome.problems);
          setScreen('rules');
          return;
        }
        written = await host.writer(outcome.plan, {
          signal: controller.signal,
          password,
          onProgress: (progress) => {
            const [from, to] = WRITE_SPAN;
            setBuild({ stepText: (t) => writeText(t, progress), fraction: from + (to - from) * progress.fraction });
          },
        });
        if (written.kind === 'cancelled') {
          setCancelled({ description: written.description });
          setScreen('cancelled');
        } else {
          // A build from one source: what an earlier joined build remembered is forgotten (issue 11).
          if (joinWith === null) await forgetRememberedSources(host.gateway.run, settingsExtent(outcome.plan));
          setDone({ summary: outcome.summary, write: written, plan: outcome.plan, settings: buildSettings, history: doneHistoryView(outcome.plan, history, buildSettings, locale) });
          host.onBuilt?.(outcome.plan);
          setScreen('done');
        }
        setOverview(await host.gateway.overview());
      } catch (thrown) {
        const prompt = rebuildPasswordPrompt(thrown, password !== undefined);
        if (prompt !== undefined) {
          setPendingRebuild({ settings: buildSettings, options: buildOptions, joinWith, problem: prompt });
          setScreen('rebuildPassword');
          return;
        }
        fail(thrown, () => setScreen('rules'));
      } finally {
        abortRef.current = null;
      }
    },
    [client, host, locale, fail, summary],
  );

  const onCancel = (): void => {
    setCancelling(true);
    abortRef.current?.abort();
  };

  const onRebuild = useCallback(async () => {
    if (!snapshot || settings === null) return;
    const keptOptions = options;
    const keptArchive = archiveRef.current?.status === 'ready' ? { location: { sheet: archiveRef.current.sheet, address: archiveRef.current.address }, options: archiveOptionsRef.current } : null;
    // A selection is read again as the block it was, not wherever the selection is now.
    const result = await readSource(snapshot.source.kind === 'selection' ? sourceRefOf(locationOfSnapshot(snapshot)) : snapshot.source);
    if (!result) return;
    // The user may have edited the Settings sheet since the last build: rebuild with what it holds now.
    let rebuildSettings: GradingSettings = settings;
    try {
      const fresh = await host.gateway.overview();
      const fromWorkbook = await loadSheetRules(fresh.managedSheets, result.summary.latestPurchase ?? null);
      if (fromWorkbook === null) {
        setScreen('rules');
        return;
      }
      if (fromWorkbook !== undefined) rebuildSettings = fromWorkbook;
    } catch (thrown) {
      fail(thrown, null);
      return;
    }
    const again = await client.analyze(keptOptions, host.today()).catch((thrown: unknown) => {
      fail(thrown, null);
      return null;
    });
    if (!again) return;
    setOptions(keptOptions);
    setAnalysis(again.analysis);
    setSummary(again.summary);
    if (again.analysis.missingRequired.length > 0) {
      setScreen('columns');
      return;
    }
    // The archive is read again too (it may have changed since the last build), with its kept mapping.
    const rereadArchive = keptArchive ? await loadArchive(keptArchive.location, keptArchive.options) : null;
    if (rereadArchive && (rereadArchive.status !== 'ready' || (rereadArchive.analysis?.missingRequired.length ?? 0) > 0)) {
      setScreen('columns');
      return;
    }
    await runBuild(rebuildSettings, keptOptions, joinFor(rereadArchive, keptArchive?.options ?? {}, locationOfSnapshot(snapshot)));
  }, [snapshot, settings, options, readSource, loadSheetRules, client, host, fail, runBuild, loadArchive]);

  const archiveIncomplete = archive !== null && (archive.status !== 'ready' || (archive.analysis?.missingRequired.length ?? 0) > 0);

  const onGoToTable = (): void => {
    const sheet = done?.plan.sheets.find((s) => s.key === 'customers')?.name ?? overview?.managedSheets[0];
    if (sheet) host.gateway.showSheet(sheet).catch((thrown: unknown) => fail(thrown, null));
  };

  // Issue 8 §2: the Done screen's Open History sheet.
  const showPlanSheet = (sheet: string | undefined): void => {
    if (sheet) host.gateway.showSheet(sheet).catch((thrown: unknown) => fail(thrown, null));
  };

  // Issue 8 §1: the Done screen's Open Quality sheet.
  const onOpenQuality = (): void => {
    const sheet = done?.plan.sheets.find((s) => s.key === 'quality')?.name;
    if (sheet) host.gateway.showSheet(sheet).catch((thrown: unknown) => fail(thrown, null));
  };

  // A new screen starts at its top, and screen readers hear its name.
  const headingRef = useRef<HTMLSpanElement | null>(null);
  const mainRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    mainRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [screen]);

  const step = SCREEN_STEPS[screen];
  const body = screenBody(screen, {
    host,
    client,
    text,
    setScreen,
    fail,
    startStatus,
    overview,
    readProgress,
    snapshot,
    analysis,
    summary,
    startProblem,
    readSource,
    archive,
    archiveOptions,
    remembered,
    loadArchive,
    options,
    updating,
    onChangeKind,
    onChangeMapping,
    onChangeDayMonthOrder,
    onChangeArchiveMapping,
    archiveIncomplete,
    goToRules,
    draft,
    setDraft,
    settings,
    baseSettings,
    fieldProblems,
    settingsProblems,
    preview,
    previewUpdating,
    fromSheet,
    runBuild,
    build,
    cancelling,
    onCancel,
    cancelled,
    done,
    onGoToTable,
    onRebuild,
    onOpenQuality,
    showPlanSheet,
    pendingRebuild,
    error,
  });

  return (
    <FluentProvider theme={host.theme} lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
      <TextProvider locale={locale}>
        <div className={styles.root}>
          <main className={styles.main} aria-labelledby="pane-title" ref={mainRef}>
            <header className={styles.header}>
              <div className={styles.titles}>
                <h1 id="pane-title" className={styles.appName}>
                  {text.t('appName')}
                </h1>
                <span className={styles.step} data-testid="step-indicator" ref={headingRef} tabIndex={-1} aria-live="polite">
                  {screen === 'error' ? text.t(step.title) : `${text.t('stepIndicator', { current: step.index, total: STEP_COUNT })} · ${text.t(step.title)}`}
                </span>
              </div>
              <div className={styles.languages} role="group" aria-label={text.t('languageLabel')}>
                <ToggleButton size="small" checked={locale === 'en'} onClick={() => setLocale('en')} lang="en" data-testid="lang-en">
                  {text.t('languageEnglish')}
                </ToggleButton>
                <ToggleButton size="small" checked={locale === 'zh-CN'} onClick={() => setLocale('zh-CN')} lang="zh-CN" data-testid="lang-zh">
                  {text.t('languageChinese')}
                </ToggleButton>
              </div>
            </header>
            {body}
          </main>
        </div>
      </TextProvider>
    </FluentProvider>
  );
}
