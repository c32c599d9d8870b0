/**
 * The Done screen's key figures: GRADING.md §9's KPIs from the build's
 * summary, the same numbers the Summary sheet computes with live formulas.
 * A ratio without a divisor (nobody bought, no revenue, no satisfaction
 * column) reads "n/a", never 0.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CustomerSummary } from '../../domain/summary';
import { useScreenStyles } from '../components/layout';
import { useText, type PaneText } from '../i18n';

const useStyles = makeStyles({
  pair: { display: 'contents' },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: '12px', rowGap: '4px', margin: 0 },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
});

/** Money with two decimals, grouped by the locale. */
function money(text: PaneText, amount: number): string {
  return new Intl.NumberFormat(text.locale === 'zh-CN' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

function share(text: PaneText, fraction: number | null): string {
  return fraction === null ? text.t('doneKpiNone') : new Intl.NumberFormat(text.locale === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

export function SummaryKpis({ summary }: { readonly summary: CustomerSummary }): JSX.Element {
  const styles = useStyles();
  const screen = useScreenStyles();
  const text = useText();
  const k = summary.kpis;
  const rows: [key: string, label: string, value: string][] = [
    ['revenue', text.t('doneKpiRevenue'), money(text, summary.revenue)],
    ['scored', text.t('doneKpiBuyers'), text.number(summary.scored)],
    ['topTierRevenueShare', text.t('doneKpiTopTierShare'), share(text, k.topTierRevenueShare)],
    ['repeatRate', text.t('doneKpiRepeatRate'), share(text, k.repeatRate)],
    ['atRisk', text.t('doneKpiAtRisk'), text.t('doneKpiAtRiskValue', { count: text.number(k.atRiskCustomers), revenue: money(text, k.atRiskRevenue) })],
    ['churnedShare', text.t('doneKpiChurnedShare'), share(text, k.churnedShare)],
    ['avgSatisfaction', text.t('doneKpiSatisfaction'), k.avgSatisfaction === null ? text.t('doneKpiNone') : text.number(Math.round(k.avgSatisfaction * 100) / 100)],
  ];
  return (
    <section className={screen.section} aria-labelledby="kpis-heading" data-testid="done-kpis">
      <h2 id="kpis-heading" className={screen.subheading}>
        {text.t('doneKpisHeading')}
      </h2>
      <dl className={styles.grid}>
        {rows.map(([key, label, value]) => (
          <div key={key} className={styles.pair} data-kpi={key}>
            <dt className={styles.term}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Text size={200} className={screen.muted}>
        {text.t('doneKpisSheet')}
      </Text>
    </section>
  );
}
