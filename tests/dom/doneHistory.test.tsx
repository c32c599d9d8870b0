/**
 * The Done screen's grade-history line (issue 8 §2): "Compared with <date>:
 * N moved up, M moved down, K new" in both languages, the first-snapshot
 * line, and Open the Grade history sheet; the counts from the plan's snapshot and the
 * previous tiers (paneHistory.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { DayNumber } from '../../src/domain/dates';
import type { Locale } from '../../src/i18n/locale';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { TextProvider } from '../../src/taskpane/i18n';
import { DoneHistory, type DoneHistoryView } from '../../src/taskpane/screens/DoneHistory';
import { doneHistoryView, expectedAsOf, wireHistory } from '../../src/taskpane/paneHistory';
import type { HistoryPlan, WorkbookPlan } from '../../src/plan/types';

const D = 20_000 as DayNumber; // 2024-10-04

function renderHistory(locale: Locale, view: DoneHistoryView, onOpenHistory?: () => void): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <DoneHistory view={view} {...(onOpenHistory ? { onOpenHistory } : {})} />
      </TextProvider>
    </FluentProvider>,
  );
}

const historyPlan = (ids: string[], tier: string[]): HistoryPlan => ({
  sheet: 'history',
  sheetName: 'Grade history',
  title: 'Grade history',
  note: '',
  asOfLabel: 'As of',
  idHeader: 'Customer ID',
  fieldHeaders: [],
  current: { asOf: (D + 30) as DayNumber, ids, tier, segment: [], lifecycle: [], r: [], f: [], m: [], spend: [] },
  earlier: { ids: [], snapshots: [] },
});
const planWith = (history?: HistoryPlan): WorkbookPlan =>
  ({ sheets: [], tables: [], names: [], validations: [], conditionalFormats: [], charts: [], ...(history ? { history } : {}) }) as unknown as WorkbookPlan;

describe('Done screen: grade history', () => {
  it.each<[Locale, string, string]>([
    ['en', 'Compared with Oct 4, 2024: 2 moved up, 1 moved down, 1 new.', 'Open the Grade history sheet'],
    ['zh-CN', '与 2024年10月4日 相比：2 位升级，1 位降级，1 位新客户。', '打开“分级历史”工作表'],
  ])('%s: the comparison line from the previous tiers and the plan, and the button', (locale, line, button) => {
    // A: Silver -> Gold (up), B: Regular -> Silver (up), C: Gold -> New (down), D: new, E: same.
    const wire = { previousTier: [['A', 'Silver'], ['B', 'Regular'], ['C', 'Gold'], ['E', 'Gold']] as [string, string][], previousAsOf: D };
    const view = doneHistoryView(planWith(historyPlan(['A', 'B', 'C', 'D', 'E'], ['Gold', 'Silver', 'New', 'Gold', 'Gold'])), wire, DEFAULT_SETTINGS, 'en');
    expect(view?.movements).toEqual({ up: 2, down: 1, same: 1, new: 1, unlisted: 0 });
    let opened = 0;
    if (view) renderHistory(locale, view, () => (opened += 1));
    expect(screen.getByTestId('done-history-line').textContent).toBe(line);
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(opened).toBe(1);
  });

  it('first snapshot: says the history started, no comparison', () => {
    const view = doneHistoryView(planWith(historyPlan(['A'], ['Gold'])), wireHistory(null), DEFAULT_SETTINGS, 'en');
    expect(view?.previousAsOf).toBeNull();
    if (view) renderHistory('en', view);
    expect(screen.getByTestId('done-history-line').textContent).toContain('first snapshot');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a plan without history: no line', () => {
    expect(doneHistoryView(planWith(), wireHistory(null), DEFAULT_SETTINGS, 'en')).toBeNull();
  });

  it.each<[string, Parameters<typeof expectedAsOf>[0]['asOf'], DayNumber | null, DayNumber]>([
    ['fixed', { mode: 'fixed', day: 100 as DayNumber }, 50 as DayNumber, 100 as DayNumber],
    ['auto: the day after the latest purchase', { mode: 'auto' }, 50 as DayNumber, 51 as DayNumber],
    ['auto without the analysis: today', { mode: 'auto' }, null, 200 as DayNumber],
    ['today', { mode: 'today' }, 50 as DayNumber, 200 as DayNumber],
  ])('the as-of the pane reads the history for: %s', (_name, asOf, latest, expected) => {
    expect(expectedAsOf({ ...DEFAULT_SETTINGS, asOf }, latest, 200 as DayNumber)).toBe(expected);
  });
});
