/**
 * The Done screen shows the build's key figures (GRADING.md §9 KPIs, the
 * numbers the Summary sheet computes), in English and Chinese; a ratio with
 * no divisor reads "n/a" / "无", never 0%.
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { DayNumber } from '../../src/domain/dates';
import { gradeCustomers } from '../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { summarise, type CustomerSummary } from '../../src/domain/summary';
import type { Locale } from '../../src/i18n/locale';
import { TextProvider } from '../../src/taskpane/i18n';
import type { PlanWriteResult } from '../../src/taskpane/planWriter';
import { DoneScreen } from '../../src/taskpane/screens/DoneScreen';
import { day, record } from '../fixtures/parity/datasets';

const WRITE: Extract<PlanWriteResult, { kind: 'written' }> = { kind: 'written', rowsWritten: 4, rowsAdded: 4, rowsUpdated: 0, notInSource: 0, notInSourceKeys: [], unkeyed: 0, warnings: [] };

function summaryOf(records: Parameters<typeof gradeCustomers>[0]): CustomerSummary {
  const settings = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: day('2024-07-01') } };
  return summarise(gradeCustomers(records, settings, { today: day('2024-07-01') }), settings);
}

function renderDone(locale: Locale, customerSummary: CustomerSummary): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <DoneScreen
          summary={{ counts: { total: customerSummary.customers, asOf: 20_000 as DayNumber, tiers: [], segments: [], withoutSegment: 0 }, issueGroups: [], issueCount: 0, customerSummary, breakpoints: null }}
          write={WRITE}
          firstRow={2}
          onGoToTable={() => undefined}
          onRebuild={() => undefined}
          onChangeRules={() => undefined}
        />
      </TextProvider>
    </FluentProvider>,
  );
}

const kpi = (key: string): string => {
  const row = within(screen.getByTestId('done-kpis')).getAllByRole('definition').find((dd) => dd.parentElement?.getAttribute('data-kpi') === key);
  return row?.textContent ?? `no KPI ${key}`;
};

// 4 customers: 3 buyers (2 repeat), one churned (recency 400), 1,234.5 + 100 + 65.5 = 1,400 revenue; one prospect.
const RECORDS = [
  record({ id: 'A', first: '2022-01-01', last: '2024-06-20', f: 5, m: 1234.5, profile: { satisfaction: 5 } }),
  record({ id: 'B', first: '2022-01-01', last: '2024-06-01', f: 2, m: 100, profile: { satisfaction: 4 } }),
  record({ id: 'C', first: '2022-01-01', last: '2023-05-28', f: 1, m: 65.5 }),
  record({ id: 'P', f: 0, m: 0 }),
];

describe('Done screen: key figures from the summary', () => {
  it.each([
    ['en' as Locale, { revenue: '1,400.00', scored: '3', repeatRate: '66.7%', atRisk: '1 (revenue 65.50)', churnedShare: '33.3%', avgSatisfaction: '4.5' }, 'Key figures'],
    ['zh-CN' as Locale, { revenue: '1,400.00', scored: '3', repeatRate: '66.7%', atRisk: '1 位（消费额 65.50）', churnedShare: '33.3%', avgSatisfaction: '4.5' }, '关键指标'],
  ])('%s', (locale, expected, heading) => {
    const s = summaryOf(RECORDS);
    renderDone(locale, s);
    expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    for (const [key, value] of Object.entries(expected)) expect([key, kpi(key)]).toEqual([key, value]);
    // The top tier's share is the summary's, whatever tier wins.
    expect(kpi('topTierRevenueShare')).toBe(s.kpis.topTierRevenueShare === null ? (locale === 'en' ? 'n/a' : '无') : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(s.kpis.topTierRevenueShare));
  });

  it.each([
    ['en' as Locale, 'n/a'],
    ['zh-CN' as Locale, '无'],
  ])('%s: nobody bought: ratios read %s, not 0%', (locale, none) => {
    renderDone(locale, summaryOf([record({ id: 'P1', f: 0, m: 0 }), record({ id: 'P2', f: 0, m: 0 })]));
    for (const key of ['topTierRevenueShare', 'repeatRate', 'churnedShare', 'avgSatisfaction']) expect([key, kpi(key)]).toEqual([key, none]);
    expect(kpi('scored')).toBe('0');
  });
});
