/**
 * Start (开始): what Tierwise does, what it found, and where to read from.
 * Nothing is written here.
 */
import { Button, Dropdown, Field, Option, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import type { ImportAnalysis } from '../../domain/import';
import type { ImportSummary } from '../../worker/protocol';
import { useScreenStyles } from '../components/layout';
import { ErrorPanel } from '../components/ErrorPanel';
import type { PaneError } from '../errors';
import { useText } from '../i18n';
import type { ReadProgress, SourceSnapshot, WorkbookOverview } from '../workbookGateway';
import { isManagedSheet } from '../workbookGateway';
import { locationLabel, locationOfSnapshot } from '../sourceRange';

export type StartStatus = 'reading' | 'analyzing' | 'ready' | 'empty' | 'failed';

export interface StartScreenProps {
  readonly status: StartStatus;
  readonly overview: WorkbookOverview | null;
  readonly readProgress: ReadProgress | null;
  readonly snapshot: SourceSnapshot | null;
  readonly analysis: ImportAnalysis | null;
  readonly summary: ImportSummary | null;
  readonly problem: PaneError | null;
  readonly onUse: () => void;
  readonly onPickSheet: (name: string) => void;
  readonly onUseSelection: () => void;
  readonly onOpenTable: (sheetName: string) => void;
  /** Opens the Protect screen (issue 7); no button without it. */
  readonly onProtect?: () => void;
  /** Opens the Summary & charts screen (issue 6 §3); no button without it. */
  readonly onOpenSummary?: () => void;
  readonly onReread: () => void;
  /** Two sources (issue 11): the customer-archive picker, shown below what was found. */
  readonly archiveSection?: JSX.Element | null;
  /** The order log from a typed range (issue 11 §2, RangeSource.tsx), below the sheet picker. */
  readonly rangeSection?: JSX.Element | null;
}

export function StartScreen(props: StartScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const { status, overview, snapshot, analysis, summary } = props;
  const existing = overview?.managedSheets ?? [];
  const tableSheet = existing[0] ?? null;
  const pickable = (overview?.sheetNames ?? []).filter((name) => !isManagedSheet({ managedSheets: existing }, name));
  const ready = status === 'ready' && analysis !== null && summary !== null && snapshot !== null;

  const foundParts: string[] = [];
  if (ready) {
    foundParts.push(
      snapshot.source.kind === 'selection' && snapshot.selectedCell !== undefined
        ? text.t('startFoundSelectedCell', { sheet: snapshot.sheetName, cell: snapshot.selectedCell })
        : snapshot.source.kind === 'selection'
          ? text.t('startFoundSelection', { sheet: snapshot.sheetName, address: snapshot.address })
          : snapshot.source.kind === 'range'
            ? text.t('startFoundRange', { range: locationLabel(locationOfSnapshot(snapshot)) })
            : text.t('startFoundSheet', { sheet: snapshot.sheetName }),
    );
    foundParts.push(text.t('startFoundRows', { rows: text.number(summary.rowsRead) }));
    foundParts.push(text.t('startFoundHeader', { row: text.number(snapshot.firstRow + analysis.headerRow) }));
    foundParts.push(text.t(summary.kind === 'customers' ? 'startLooksLikeCustomers' : 'startLooksLikeTransactions'));
  }

  const primaryLabel = existing.length > 0 ? text.t('startRebuild') : text.t('startUseThisData');

  return (
    <form
      className={styles.screen}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) props.onUse();
      }}
      data-testid="screen-start"
    >
      <Text as="p" block>
        {text.t('appTagline')}
      </Text>

      {existing.length > 0 && tableSheet !== null ? (
        <section className={styles.card} aria-labelledby="existing-heading" data-testid="existing-tierwise">
          <h2 id="existing-heading" className={styles.subheading}>
            {text.t('startExistingHeading')}
          </h2>
          <Text size={200}>{text.t('startExistingBody')}</Text>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={!ready}>
              {primaryLabel}
            </Button>
            <Button onClick={() => props.onOpenTable(tableSheet)}>{text.t('startOpenTable')}</Button>
            {props.onOpenSummary ? <Button onClick={props.onOpenSummary} data-testid="start-open-summary">{text.t('startOpenSummary')}</Button> : null}
            {props.onProtect ? <Button onClick={props.onProtect}>{text.t('protectOpen')}</Button> : null}
          </div>
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="found-heading" aria-busy={status === 'reading' || status === 'analyzing'}>
        <h2 id="found-heading" className={styles.heading}>
          {text.t('startFoundHeading')}
        </h2>
        {status === 'reading' ? (
          <Field
            validationMessage={
              props.readProgress && props.readProgress.totalRows > 0
                ? text.t('startReadingRows', {
                    from: text.number(1),
                    to: text.number(props.readProgress.rowsRead),
                    total: text.number(props.readProgress.totalRows),
                  })
                : text.t('startReading')
            }
            validationState="none"
          >
            <ProgressBar
              value={props.readProgress && props.readProgress.totalRows > 0 ? props.readProgress.rowsRead / props.readProgress.totalRows : undefined}
            />
          </Field>
        ) : null}
        {status === 'analyzing' ? <Spinner size="tiny" labelPosition="after" label={text.t('startAnalyzing')} /> : null}
        {status === 'empty' ? <Text>{text.t('startEmptySheet')}</Text> : null}
        {ready ? (
          <div className={styles.card} data-testid="found-summary">
            <Text weight="semibold">{foundParts[0]}</Text>
            <Text>{foundParts.slice(1).join(text.locale === 'zh-CN' ? '，' : ', ')}</Text>
          </div>
        ) : null}
        {status === 'failed' && props.problem ? <ErrorPanel error={props.problem} onRetry={props.onReread} /> : null}
      </section>

      {props.archiveSection ?? null}

      {existing.length === 0 ? (
        <div className={styles.primaryRow}>
          <Button appearance="primary" type="submit" disabled={!ready}>
            {primaryLabel}
          </Button>
        </div>
      ) : null}

      <section className={styles.section}>
        {pickable.length > 0 ? (
          <Field label={text.t('startPickSheet')}>
            <Dropdown
              value={snapshot && (snapshot.source.kind === 'sheet' || snapshot.source.kind === 'active') ? snapshot.sheetName : ''}
              selectedOptions={snapshot && (snapshot.source.kind === 'sheet' || snapshot.source.kind === 'active') ? [snapshot.sheetName] : []}
              onOptionSelect={(_event, data) => {
                if (data.optionValue) props.onPickSheet(data.optionValue);
              }}
              disabled={status === 'reading' || status === 'analyzing'}
            >
              {pickable.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : null}
        <div className={styles.actions}>
          <Button onClick={props.onUseSelection} disabled={status === 'reading' || status === 'analyzing'}>
            {text.t('startUseSelection')}
          </Button>
          <Button appearance="subtle" onClick={props.onReread} disabled={status === 'reading' || status === 'analyzing'}>
            {text.t('startReread')}
          </Button>
        </div>
        {props.rangeSection ?? null}
        <Text size={200} className={styles.muted}>
          {text.t('startNothingWritten')}
        </Text>
      </section>
    </form>
  );
}
