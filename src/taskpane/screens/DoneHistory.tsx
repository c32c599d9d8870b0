/**
 * The Done screen's grade-history line (issue 8 §2): when the build had an
 * earlier snapshot, "Compared with <date>: N moved up, M moved down, K new"
 * (movement.ts, from the previous tiers the pane read and this build's
 * snapshot in the plan), else that the first snapshot was recorded; and a
 * button that opens the History sheet.
 */
import { Button, Text } from '@fluentui/react-components';
import type { DayNumber } from '../../domain/dates';
import type { MovementCounts } from '../../domain/history/movement';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';

export interface DoneHistoryView {
  /** The previous snapshot's as-of date; null: this build made the first snapshot. */
  readonly previousAsOf: DayNumber | null;
  readonly movements: MovementCounts;
}

export interface DoneHistoryProps {
  readonly view: DoneHistoryView;
  /** Shows the History sheet; no button without it. */
  readonly onOpenHistory?: () => void;
}

export function DoneHistory({ view, onOpenHistory }: DoneHistoryProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const m = view.movements;
  return (
    <section className={styles.section} aria-labelledby="history-heading" data-testid="done-history">
      <h2 id="history-heading" className={styles.subheading}>
        {text.t('doneHistoryHeading')}
      </h2>
      <Text data-testid="done-history-line">
        {view.previousAsOf === null
          ? text.t('doneHistoryFirst')
          : text.t('doneHistoryCompared', { date: text.day(view.previousAsOf), up: text.number(m.up), down: text.number(m.down), fresh: text.number(m.new) })}
      </Text>
      {onOpenHistory ? <Button onClick={onOpenHistory}>{text.t('doneHistoryOpen')}</Button> : null}
    </section>
  );
}
