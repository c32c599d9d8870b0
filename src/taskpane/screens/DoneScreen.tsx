/**
 * Done (完成): customers per tier and per segment in the tier colours,
 * problems left in the data, Go to table and Rebuild. Summary, charts,
 * deck and protection come in later versions and have no buttons here.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ISSUE_GROUP_LABELS } from '../../i18n/strings';
import type { BuildSummary } from '../../worker/protocol';
import { BarList } from '../components/BarList';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';
import type { PlanWriteResult } from '../planWriter';

export interface DoneScreenProps {
  readonly summary: BuildSummary;
  readonly write: Extract<PlanWriteResult, { kind: 'written' }>;
  readonly firstRow: number;
  readonly onGoToTable: () => void;
  readonly onRebuild: () => void;
  readonly onChangeRules: () => void;
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

      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {text.t('doneGoToTable')}
        </Button>
        <Button onClick={props.onRebuild}>{text.t('doneRebuild')}</Button>
        <Button appearance="subtle" onClick={props.onChangeRules}>
          {text.t('doneChangeRules')}
        </Button>
      </div>
    </form>
  );
}
