/**
 * A small horizontal bar list: one row per tier or segment, the bar's length
 * proportional to its count, filled with the tier's colour.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CountRow } from '../../worker/protocol';
import { useText } from '../i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '6px' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 9em) minmax(0, 1fr) auto', columnGap: '8px', alignItems: 'center' },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200 },
  track: { height: '12px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall, minWidth: '2px', boxShadow: `inset 0 0 0 1px ${tokens.colorNeutralStrokeAccessible}` },
  count: { fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200, textAlign: 'right', minWidth: '3.5em' },
});

export function BarList({ rows, testId }: { readonly rows: readonly CountRow[]; readonly testId?: string }): JSX.Element {
  const styles = useStyles();
  const text = useText();
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ul className={styles.list} data-testid={testId}>
      {rows.map((row) => {
        const label = text.l(row.label);
        const percent = text.percent(total === 0 ? 0 : row.count / total);
        return (
          <li
            key={row.key}
            className={styles.row}
            data-key={row.key}
            data-count={row.count}
            aria-label={text.t('barListItem', { label, count: text.number(row.count), percent })}
          >
            <span className={styles.label} title={label}>
              {label}
            </span>
            <span className={styles.track} aria-hidden="true">
              <span
                className={styles.bar}
                style={{
                  display: 'block',
                  width: `${(row.count / max) * 100}%`,
                  backgroundColor: row.color ?? tokens.colorBrandBackground,
                }}
              />
            </span>
            <span className={styles.count} aria-hidden="true">
              {text.number(row.count)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
