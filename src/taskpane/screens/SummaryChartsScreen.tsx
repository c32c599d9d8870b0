/**
 * Summary & charts (汇总与图表, UX.md screen 6; issue 6 §3): refresh the
 * summary, refresh the charts, export chart images, export the slide deck.
 *
 * - *Refresh summary* is the Rebuild path (the screen says so): the Summary
 *   sheet's numbers are live formulas already; what goes stale is its layout
 *   (the owner rows listed as of the build, the tier list), and only a
 *   rebuild from the source lays it out again correctly. A rebuild keeps the
 *   user's overrides, notes and columns, and redraws the charts.
 * - *Refresh charts* redraws Tierwise's charts from this session's build in
 *   the Settings sheet's tier colours now (refreshCharts.ts), in a constant
 *   number of syncs; the user's own charts are untouched.
 * - *Export chart images* asks Excel for each Tierwise chart's image and
 *   saves it by the route this host allows (deckDelivery.ts); where there is
 *   none (Mac, iPad) it says so before any button is pressed and tells what
 *   works there (copy the chart, paste into PowerPoint).
 * - The deck export (DeckExport) needs a build of this session.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Localized } from '../../i18n/locale';
import { fillTemplate, STRINGS } from '../../i18n/strings';
import type { DeckInput } from '../../renderers/pptx/context';
import { ChartsRefusedError } from '../../renderers/excel/charts';
import { chartImagesFile, readChartImages, UnknownImageFormatError, type ChartImage } from '../chartImages';
import { DeckExport, type DeckWriter } from '../components/DeckExport';
import { useScreenStyles } from '../components/layout';
import { browserEnvironment, deliveryRoute, saveFile, type HostPlatform, type SaveEnvironment } from '../deckDelivery';
import { describeError, type PaneError } from '../errors';
import { useText } from '../i18n';
import { refreshCharts, type ChartsSource, type RefreshChartsResult } from '../refreshCharts';
import type { ExcelRun } from '../workbookGateway';

export interface SummaryChartsScreenProps {
  readonly run: ExcelRun;
  readonly platform: HostPlatform;
  /** The Rebuild path; null when the source has not been read (the button is then disabled, with why). */
  readonly onRefreshSummary: (() => void) | null;
  /** This session's build, which the charts are redrawn from; null before one. */
  readonly charts: ChartsSource | null;
  /** What the deck is made from; null before a build in this session. */
  readonly deck: Omit<DeckInput, 'locale'> | null;
  /** Day stamp for file names (`2025-07-01`). */
  readonly stamp: string;
  readonly onBack: () => void;
  readonly environment?: SaveEnvironment;
  readonly writeDeck?: DeckWriter;
}

type Work<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly step: string }
  | { readonly kind: 'done'; readonly result: T }
  | { readonly kind: 'failed'; readonly error: PaneError };

function filled(entry: Localized, values: Readonly<Record<string, string>>): Localized {
  return { en: fillTemplate(entry.en, values), zh: fillTemplate(entry.zh, values) };
}

/** What went wrong, in the user's words, with what to do (errors.ts for everything but the charts' own errors). */
export function describeChartsError(thrown: unknown): PaneError {
  if (thrown instanceof ChartsRefusedError) {
    return { what: STRINGS.scChartsRefusedWhat, todo: STRINGS.scChartsRefusedDo, note: thrown.detail, details: thrown.message };
  }
  if (thrown instanceof UnknownImageFormatError) {
    return { what: filled(STRINGS.scImagesUnknownWhat, { chart: thrown.chart, head: thrown.head }), todo: STRINGS.scImagesUnknownDo, note: null, details: thrown.message };
  }
  return describeError(thrown);
}

function Failure({ error, testId }: { readonly error: PaneError; readonly testId: string }): JSX.Element {
  const text = useText();
  return (
    <MessageBar intent="error" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <Text block weight="semibold">
          {text.l(error.what)}
        </Text>
        <Text block>{text.l(error.todo)}</Text>
        {error.note ? <Text block>{text.l(error.note)}</Text> : null}
        <details>
          <summary>{text.t('scDetails')}</summary>
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: '11px' }}>{error.details}</pre>
        </details>
      </MessageBarBody>
    </MessageBar>
  );
}

interface SavedImages {
  readonly count: number;
  readonly file: string | null;
  readonly formats: string;
}

export function SummaryChartsScreen(props: SummaryChartsScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const environment = useMemo(() => props.environment ?? browserEnvironment(), [props.environment]);
  const route = useMemo(() => deliveryRoute(props.platform, environment), [props.platform, environment]);
  const [charts, setCharts] = useState<Work<RefreshChartsResult>>({ kind: 'idle' });
  const [images, setImages] = useState<Work<SavedImages>>({ kind: 'idle' });
  const busy = charts.kind === 'working' || images.kind === 'working';

  const onRefreshCharts = async (source: ChartsSource): Promise<void> => {
    setCharts({ kind: 'working', step: text.t('scReadingColours') });
    try {
      const result = await props.run((context) =>
        refreshCharts(context, source, (step) => {
          if (step === 'charts') setCharts({ kind: 'working', step: text.t('scDrawingCharts', { count: text.number(source.plan.charts.length) }) });
        }),
      );
      setCharts({ kind: 'done', result });
    } catch (thrown) {
      setCharts({ kind: 'failed', error: describeChartsError(thrown) });
    }
  };

  const onExportImages = async (): Promise<void> => {
    setImages({ kind: 'working', step: text.t('scImagesReading') });
    try {
      const read: ChartImage[] = await props.run((context) => readChartImages(context));
      if (read.length === 0) {
        setImages({ kind: 'done', result: { count: 0, file: null, formats: '' } });
        return;
      }
      if (read.length > 1) setImages({ kind: 'working', step: text.t('scImagesZipping', { count: text.number(read.length) }) });
      const file = await chartImagesFile(read, props.stamp);
      const formats = [...new Set(read.map((image) => image.format.toUpperCase()))].join(', ');
      const started = saveFile(file.bytes, file.fileName, file.mime, route, environment);
      if (!started) {
        // The route was there when the screen opened but the web view refused: say what works instead.
        setImages({ kind: 'failed', error: { what: STRINGS.scImagesBlocked, todo: STRINGS.scImagesIfNothing, note: null, details: `saveFile(${file.fileName}) returned false on route ${route}` } });
        return;
      }
      setImages({ kind: 'done', result: { count: read.length, file: file.fileName, formats } });
    } catch (thrown) {
      setImages({ kind: 'failed', error: describeChartsError(thrown) });
    }
  };

  return (
    <div className={styles.screen} data-testid="screen-summary-charts">
      <Text as="p" block>
        {text.t('scIntro')}
      </Text>

      <section className={styles.section} aria-labelledby="sc-summary-heading">
        <h2 id="sc-summary-heading" className={styles.subheading}>
          {text.t('scSummaryHeading')}
        </h2>
        <Text size={200}>{text.t('scSummaryBody')}</Text>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={props.onRefreshSummary ?? undefined} disabled={props.onRefreshSummary === null || busy} data-testid="sc-refresh-summary">
            {text.t('scRefreshSummary')}
          </Button>
        </div>
        {props.onRefreshSummary === null ? <Text size={200} data-testid="sc-summary-needs-source">{text.t('scSummaryNeedsSource')}</Text> : null}
      </section>

      <section className={styles.section} aria-labelledby="sc-charts-heading" aria-busy={charts.kind === 'working'}>
        <h2 id="sc-charts-heading" className={styles.subheading}>
          {text.t('scChartsHeading')}
        </h2>
        <Text size={200}>{text.t('scChartsBody')}</Text>
        <div className={styles.actions}>
          <Button
            onClick={() => (props.charts ? void onRefreshCharts(props.charts) : undefined)}
            disabled={props.charts === null || busy}
            data-testid="sc-refresh-charts"
          >
            {text.t('scRefreshCharts')}
          </Button>
          {charts.kind === 'working' ? <Spinner size="tiny" label={charts.step} data-testid="sc-charts-progress" /> : null}
        </div>
        {props.charts === null ? <Text size={200} data-testid="sc-charts-need-build">{text.t('scChartsNeedBuild')}</Text> : null}
        {charts.kind === 'done' ? (
          <MessageBar intent="success" layout="multiline" data-testid="sc-charts-done">
            <MessageBarBody>
              {text.t('scChartsDone', { count: text.number(charts.result.added.length), kept: text.number(charts.result.keptUserCharts.length) })}
              {charts.result.warnings.map((warning, i) => (
                <Text block key={`w${i}`}>
                  {text.l(warning)}
                </Text>
              ))}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {charts.kind === 'done' && charts.result.colourProblems.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="sc-colour-problems">
            <MessageBarBody>
              {text.t('scColourProblems')}
              <ul className={styles.list}>
                {charts.result.colourProblems.map((problem, i) => (
                  <li key={`p${i}`}>{text.l(problem)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {charts.kind === 'failed' ? <Failure error={charts.error} testId="sc-charts-failed" /> : null}
      </section>

      <section className={styles.section} aria-labelledby="sc-images-heading" aria-busy={images.kind === 'working'}>
        <h2 id="sc-images-heading" className={styles.subheading}>
          {text.t('scImagesHeading')}
        </h2>
        <Text size={200}>{text.t('scImagesBody')}</Text>
        {props.platform === 'preview' ? (
          <MessageBar intent="info" layout="multiline" data-testid="sc-images-preview-note">
            <MessageBarBody>{text.t('scImagesPreviewNote')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {route === 'none' ? (
          <MessageBar intent="warning" layout="multiline" data-testid="sc-images-blocked">
            <MessageBarBody>{text.t('scImagesBlocked')}</MessageBarBody>
          </MessageBar>
        ) : (
          <div className={styles.actions}>
            <Button onClick={() => void onExportImages()} disabled={busy} data-testid="sc-export-images">
              {text.t('scExportImages')}
            </Button>
            {images.kind === 'working' ? <Spinner size="tiny" label={images.step} data-testid="sc-images-progress" /> : null}
          </div>
        )}
        {images.kind === 'done' && images.result.file !== null ? (
          <MessageBar intent="success" layout="multiline" data-testid="sc-images-saved">
            <MessageBarBody>
              {text.t('scImagesSaved', { count: text.number(images.result.count), format: images.result.formats, file: images.result.file })} {text.t('scImagesIfNothing')}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {images.kind === 'done' && images.result.file === null ? (
          <MessageBar intent="warning" layout="multiline" data-testid="sc-images-none">
            <MessageBarBody>{text.t('scImagesNone')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {images.kind === 'failed' ? <Failure error={images.error} testId="sc-images-failed" /> : null}
      </section>

      {props.deck ? (
        <DeckExport source={props.deck} platform={props.platform} environment={environment} {...(props.writeDeck ? { writeDeck: props.writeDeck } : {})} />
      ) : (
        <Text size={200} data-testid="sc-deck-need-build">
          {text.t('scDeckNeedBuild')}
        </Text>
      )}

      <div className={styles.actions}>
        <Button appearance="subtle" onClick={props.onBack}>
          {text.t('scBack')}
        </Button>
      </div>
    </div>
  );
}
