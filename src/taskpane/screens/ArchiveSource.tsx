/**
 * Two sources (issue 11), on the Start and Columns screens: the customer
 * archive (客户档案) picked beside the order log, what was found in it, how
 * many IDs matched, and its column mapping. Nothing is written here.
 */
import { Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Text } from '@fluentui/react-components';
import { SHEET_NAMES } from '../../plan/strings';
import type { ImportAnalysis } from '../../domain/import';
import type { FieldKey } from '../../domain/types';
import { PROFILE_FIELDS } from '../../domain/import/fields';
import type { ArchiveSummary } from '../../worker/protocol';
import { useScreenStyles } from '../components/layout';
import { ErrorPanel } from '../components/ErrorPanel';
import type { PaneError } from '../errors';
import { useText } from '../i18n';
import { FieldMapping, IssueList } from './ColumnsScreen';
import { locationLabel } from '../sourceRange';

/** The archive as the pane holds it. */
export interface ArchiveState {
  readonly sheet: string;
  /** The block read on `sheet` (`A1:H500`), or null for the whole sheet (issue 11 §2). */
  readonly address: string | null;
  /** 1-based sheet row of the archive grid's first row. */
  readonly firstRow: number;
  readonly status: 'reading' | 'ready' | 'failed';
  readonly analysis: ImportAnalysis | null;
  readonly summary: ArchiveSummary | null;
  readonly problem: PaneError | null;
}

const NO_ARCHIVE = '';

/** The archive's fields on the Columns screen: the ID, then the profile fields. */
export const ARCHIVE_FIELDS: readonly FieldKey[] = ['customerId', ...PROFILE_FIELDS];

export function ArchivePicker(props: {
  readonly sheets: readonly string[];
  readonly archive: ArchiveState | null;
  readonly disabled: boolean;
  /** The sheets the last joined build read (from the Settings sheet), when there was one. */
  readonly remembered: { readonly orders: string; readonly archive: string } | null;
  readonly onPick: (sheet: string | null) => void;
  /** A range instead of a whole sheet: the current selection or a typed address (RangeSource.tsx). */
  readonly rangeSection?: JSX.Element;
}): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const { archive } = props;
  const join = archive?.summary?.join ?? null;
  // The archive of Chinese office staff is often a sheet called 客户档案: the name of the grading table's sheet in Chinese.
  const clash =
    archive !== null && Object.values(SHEET_NAMES).some((name) => text.l(name).toLowerCase() === archive.sheet.trim().toLowerCase()) ? archive.sheet : null;
  return (
    <section className={styles.card} aria-labelledby="archive-heading" data-testid="archive-source">
      <h2 id="archive-heading" className={styles.subheading}>
        {text.t('startArchiveHeading')}
      </h2>
      <Text size={200}>{text.t('startArchiveBody')}</Text>
      {props.remembered ? (
        <Text size={200} data-testid="archive-remembered">
          {text.t('startArchiveRemembered', { orders: props.remembered.orders, archive: props.remembered.archive })}
        </Text>
      ) : null}
      <Field label={text.t('startArchivePick')}>
        <Dropdown
          data-testid="archive-sheet"
          value={archive ? locationLabel(archive) : text.t('startArchiveNone')}
          selectedOptions={archive ? (archive.address === null ? [archive.sheet] : []) : [NO_ARCHIVE]}
          disabled={props.disabled}
          onOptionSelect={(_event, data) => props.onPick(data.optionValue ? data.optionValue : null)}
        >
          <Option value={NO_ARCHIVE}>{text.t('startArchiveNone')}</Option>
          {props.sheets.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {props.rangeSection ?? null}
      {clash !== null ? (
        <MessageBar intent="warning" data-testid="archive-name-clash">
          <MessageBarBody>{text.t('startArchiveNameClash', { sheet: clash, suggestion: text.t('startArchiveRenameSuggestion', { sheet: clash }) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {archive?.status === 'reading' ? <Spinner size="tiny" labelPosition="after" label={text.t('startArchiveReading')} /> : null}
      {archive?.status === 'failed' && archive.problem ? <ErrorPanel error={archive.problem} /> : null}
      {archive?.status === 'ready' && archive.analysis && archive.summary ? (
        <div data-testid="archive-found">
          <Text block>
            {text.t(archive.address === null ? 'startArchiveFound' : 'startArchiveFoundRange', {
              sheet: archive.sheet,
              range: locationLabel(archive),
              rows: text.number(archive.summary.rowsRead),
              row: text.number(archive.firstRow + archive.analysis.headerRow),
            })}
          </Text>
          {join ? (
            <>
              <Text block weight="semibold" data-testid="archive-matched">
                {text.t('startArchiveMatched', {
                  matched: text.number(join.inBoth),
                  orderCustomers: text.number(join.inBoth + join.ordersOnly),
                  missing: text.number(join.ordersOnly),
                })}
              </Text>
              <Text block size={200}>
                {text.t('startArchiveProspects', { count: text.number(join.archiveOnly) })}
              </Text>
            </>
          ) : (
            <Text block size={200}>
              {text.t('startArchiveNeedsColumns')}
            </Text>
          )}
        </div>
      ) : null}
    </section>
  );
}

export function ArchiveColumns(props: {
  readonly archive: ArchiveState;
  readonly updating: boolean;
  readonly onChangeMapping: (field: FieldKey, header: string) => void;
}): JSX.Element | null {
  const styles = useScreenStyles();
  const text = useText();
  const { analysis, summary } = props.archive;
  if (!analysis || !summary) return null;
  return (
    <section className={styles.section} aria-labelledby="archive-columns-heading" data-testid="archive-columns">
      <h2 id="archive-columns-heading" className={styles.heading}>
        {props.archive.address === null
          ? text.t('columnsArchiveHeading', { sheet: props.archive.sheet })
          : text.t('columnsArchiveHeadingRange', { range: locationLabel(props.archive) })}
      </h2>
      <Text size={200}>{text.t('columnsArchiveIntro')}</Text>
      {ARCHIVE_FIELDS.map((field) => (
        <FieldMapping key={field} field={field} analysis={analysis} disabled={props.updating} onChange={props.onChangeMapping} />
      ))}
      <h3 className={styles.subheading}>{text.t('columnsArchiveIssues')}</h3>
      <IssueList groups={summary.issueGroups} firstRow={props.archive.firstRow} />
    </section>
  );
}
