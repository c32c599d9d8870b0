/**
 * Done (完成): customers per tier and per segment in the tier colours,
 * the key figures of the summary (GRADING.md §9), problems left in the
 * data, Go to table and Rebuild, and Protect… when the pane passes
 * onProtect (issue 7).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ISSUE_GROUP_LABELS } from '../../i18n/strings';
import { qualityCheckLabel } from '../../plan/qualitySheet';
import type { BuildSummary } from '../../worker/protocol';
import { BarList } from '../components/BarList';
import { SummaryKpis } from './SummaryKpis';
import { useScreenStyles } from '../components/layout';
import { useText, type PaneText } from '../i18n';
import type { PlanWriteResult } from '../planWriter';
import { PredictionSection } from './PredictionSection';

export interface DoneScreenProps {
  readonly summary: BuildSummary;
  readonly write: Extract<PlanWriteResult, { kind: 'written' }>;
  readonly firstRow: number;
  readonly onGoToTable: () => void;
  readonly onRebuild: () => void;
  readonly onChangeRules: () => void;
  /** Opens the Protect screen (issue 7); no button without it. */
  readonly onProtect?: () => void;
  /** Opens the Summary & charts screen (issue 6 §3; the deck is exported there); no buttons without it. */
  readonly onSummaryCharts?: () => void;
  /** Issue 8 §1: shows the Quality sheet; no button without it. */
  readonly onOpenQuality?: () => void;
}

/** IDs of customers no longer in the source shown on the screen; the rest are counted. */
export const NOT_IN_SOURCE_SHOWN = 5;

function notInSourceText(text: PaneText, write: DoneScreenProps['write'], separator: string): string {
  const shown = write.notInSourceKeys.slice(0, NOT_IN_SOURCE_SHOWN).join(separator);
  const more = write.notInSource - Math.min(write.notInSource, NOT_IN_SOURCE_SHOWN, write.notInSourceKeys.length);
  const ids = more > 0 ? text.t('doneNotInSourceMore', { shown, more: text.number(more) }) : shown;
  return write.notInSource === 1 ? text.t('doneNotInSourceOne', { ids }) : text.t('doneNotInSource', { count: text.number(write.notInSource), ids });
}

export function DoneScreen(props: DoneScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const { summary, write } = props;
  const counts = summary.counts;
  const separator = text.locale === 'zh-CN' ? '、' : ', ';
  return (
    <form
      className={styles.screen}
      onSubmit={(event) => {
        event.preventDefault();
        props.onGoToTable();
      }}
      data-testid="screen-done"
    >
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {text.t('doneSummary', { customers: text.number(counts.total), date: text.day(counts.asOf) })}{' '}
          {text.t('doneWritten', {
            rows: text.number(write.rowsWritten),
            added: text.number(write.rowsAdded),
            updated: text.number(write.rowsUpdated),
          })}
        </MessageBarBody>
      </MessageBar>

      {write.notInSource > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="done-not-in-source">
          <MessageBarBody>{notInSourceText(text, write, separator)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {write.unkeyed > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="done-unkeyed">
          <MessageBarBody>
            {write.unkeyed === 1 ? text.t('doneUnkeyedOne') : text.t('doneUnkeyed', { count: text.number(write.unkeyed) })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {write.warnings.length > 0 ? (
        <MessageBar intent="info" layout="multiline" data-testid="done-warnings">
          <MessageBarBody>
            <strong>{text.t('doneWarningsHeading')}</strong>
            <ul className={styles.list}>
              {write.warnings.map((warning, i) => (
                <li key={i}>{text.l(warning)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <SummaryKpis summary={summary.customerSummary} />

      <section className={styles.section} aria-labelledby="per-tier-heading">
        <h2 id="per-tier-heading" className={styles.subheading}>
          {text.t('donePerTier')}
        </h2>
        <BarList rows={counts.tiers} testId="done-tiers" />
      </section>

      <section className={styles.section} aria-labelledby="per-segment-heading">
        <h2 id="per-segment-heading" className={styles.subheading}>
          {text.t('donePerSegment')}
        </h2>
        <BarList rows={counts.segments} testId="done-segments" />
        {counts.withoutSegment > 0 ? (
          <Text size={200} className={styles.muted}>
            {text.t('doneProspectsNoSegment', { count: text.number(counts.withoutSegment) })}
          </Text>
        ) : null}
      </section>

      <PredictionSection prediction={summary.prediction} />

      <section className={styles.section} data-testid="done-issues">
        {summary.issueCount === 0 ? (
          <Text>{text.t('doneNoIssues')}</Text>
        ) : (
          <Accordion collapsible>
            <AccordionItem value="issues">
              <AccordionHeader size="small">{text.t('doneIssuesLeft', { count: text.number(summary.issueCount) })}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {summary.issueGroups.map((group) => (
                    <li key={group.code} data-code={group.code}>
                      {text.l(ISSUE_GROUP_LABELS[group.code])} ({text.number(group.count)})
                      {group.firstRows.length > 0
                        ? ` — ${text.t('columnsIssueRows', {
                            rows: group.firstRows.map((r) => text.number(r + props.firstRow - 1)).join(separator),
                          })}`
                        : ''}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        )}
      </section>

      {summary.quality ? (
        <section className={styles.section} aria-labelledby="quality-heading" data-testid="done-quality">
          <h2 id="quality-heading" className={styles.subheading}>
            {text.t('doneQualityHeading')}
          </h2>
          {summary.quality.length === 0 ? (
            <Text>{text.t('doneQualityNone')}</Text>
          ) : (
            <>
              <Text>{text.t('doneQualityTotal', { count: text.number(summary.quality.reduce((sum, c) => sum + c.count, 0)) })}</Text>
              <ul className={styles.list}>
                {summary.quality.map((c) => (
                  <li key={c.check} data-check={c.check}>
                    {text.l(qualityCheckLabel(c.check))} ({text.number(c.count)})
                  </li>
                ))}
              </ul>
            </>
          )}
          {props.onOpenQuality ? <Button onClick={props.onOpenQuality}>{text.t('doneQualityOpen')}</Button> : null}
        </section>
      ) : null}

      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {text.t('doneGoToTable')}
        </Button>
        <Button onClick={props.onRebuild}>{text.t('doneRebuild')}</Button>
        <Button appearance="subtle" onClick={props.onChangeRules}>
          {text.t('doneChangeRules')}
        </Button>
        {props.onSummaryCharts ? <Button onClick={props.onSummaryCharts} data-testid="done-summary-charts">{text.t('doneSummaryCharts')}</Button> : null}
        {props.onSummaryCharts ? <Button onClick={props.onSummaryCharts} data-testid="done-export-deck">{text.t('doneExportDeck')}</Button> : null}
        {props.onProtect ? <Button onClick={props.onProtect}>{text.t('protectOpen')}</Button> : null}
      </div>
    </form>
  );
}
