/**
 * The Done screen says what a rebuild kept rather than rewrote: customers no
 * longer in the source (counted, first IDs listed), table rows without an ID,
 * and the renderer's warnings — regression: the pane used to drop all three
 * (planWriter passed only the updated/appended counts). Also: the plan
 * writer carries them from applyPlan over the fake Excel.
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createFakeExcel } from '../../src/fake-excel';
import type { DayNumber } from '../../src/domain/dates';
import type { Locale } from '../../src/i18n/locale';
import { TextProvider } from '../../src/taskpane/i18n';
import { createPlanWriter, type PlanWriteResult } from '../../src/taskpane/planWriter';
import { DoneScreen } from '../../src/taskpane/screens/DoneScreen';
import type { BuildSummary } from '../../src/worker/protocol';
import { summarise } from '../../src/domain/summary';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { makeSamplePlan } from '../unit/excel/samplePlan';

const SUMMARY: BuildSummary = {
  counts: { total: 1234, asOf: 20_000 as DayNumber, tiers: [], segments: [], withoutSegment: 0 },
  issueGroups: [],
  issueCount: 0,
  customerSummary: summarise({ asOf: 20_000 as DayNumber, breakpoints: null, customers: [], issues: [] }, DEFAULT_SETTINGS),
  breakpoints: null,
};

type Written = Extract<PlanWriteResult, { kind: 'written' }>;

const BASE: Written = {
  kind: 'written',
  rowsWritten: 1234,
  rowsAdded: 0,
  rowsUpdated: 1234,
  notInSource: 0,
  notInSourceKeys: [],
  unkeyed: 0,
  warnings: [],
};

function renderDone(locale: Locale, write: Written): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <DoneScreen summary={SUMMARY} write={write} firstRow={2} onGoToTable={() => undefined} onRebuild={() => undefined} onChangeRules={() => undefined} />
      </TextProvider>
    </FluentProvider>,
  );
}

const KEPT: Written = {
  ...BASE,
  notInSource: 3,
  notInSourceKeys: ['C0012', 'C0031', 'C0044'],
  unkeyed: 2,
  warnings: [{ en: 'Screen updating was not paused.', zh: '未暂停屏幕更新。' }],
};

const MANY: Written = {
  ...BASE,
  notInSource: 1200,
  notInSourceKeys: Array.from({ length: 1200 }, (_, i) => `K${i + 1}`),
  unkeyed: 1,
};

describe('Done screen: what a rebuild kept', () => {
  it.each([
    [
      'en' as Locale,
      KEPT,
      '3 customers are no longer in the source; they were kept with their last data: C0012, C0031, C0044',
      '2 rows in the table have no customer ID (or repeat one); they were left as they are.',
      'Screen updating was not paused.',
    ],
    [
      'zh-CN' as Locale,
      KEPT,
      '有 3 位客户已不在数据源中，已保留其最近一次的数据：C0012、C0031、C0044',
      '表中有 2 行没有客户编号（或编号重复），已原样保留。',
      '未暂停屏幕更新。',
    ],
    [
      'en' as Locale,
      MANY,
      '1,200 customers are no longer in the source; they were kept with their last data: K1, K2, K3, K4, K5 and 1,195 more',
      '1 row in the table has no customer ID (or repeats one); it was left as it is.',
      null,
    ],
    [
      'zh-CN' as Locale,
      MANY,
      '有 1,200 位客户已不在数据源中，已保留其最近一次的数据：K1、K2、K3、K4、K5等（另有 1,195 位）',
      '表中有 1 行没有客户编号（或编号重复），已原样保留。',
      null,
    ],
  ])('%s: kept customers, unkeyed rows and warnings are shown', (locale, write, notInSource, unkeyed, warning) => {
    renderDone(locale, write);
    expect(screen.getByTestId('done-not-in-source').textContent).toBe(notInSource);
    expect(screen.getByTestId('done-unkeyed').textContent).toBe(unkeyed);
    if (warning === null) expect(screen.queryByTestId('done-warnings')).toBeNull();
    else expect(screen.getByTestId('done-warnings').textContent).toContain(warning);
  });

  it.each(['en', 'zh-CN'] as Locale[])('%s: a clean rebuild shows none of them', (locale) => {
    renderDone(locale, BASE);
    expect(screen.queryByTestId('done-not-in-source')).toBeNull();
    expect(screen.queryByTestId('done-unkeyed')).toBeNull();
    expect(screen.queryByTestId('done-warnings')).toBeNull();
  });
});

describe('createPlanWriter carries what applyPlan kept', () => {
  it('customers no longer in the source, unkeyed rows and warnings reach the written result', async () => {
    const fake = createFakeExcel();
    const writer = createPlanWriter((batch) => fake.run(batch));
    const options = { onProgress: () => undefined, signal: new AbortController().signal };
    await writer(makeSamplePlan({ customers: 10 }), options);
    // A row the user added to the table without an ID.
    fake.context.workbook.tables.getItem('Customers').rows.add(undefined, [new Array<string>(fake.model.table('Customers')?.columns.length ?? 0).fill('')]);
    await fake.context.sync();
    const result = await writer(makeSamplePlan({ from: 4, customers: 10 }), options);
    expect(result).toMatchObject({ kind: 'written', rowsUpdated: 6, rowsAdded: 4, notInSource: 4, unkeyed: 1 });
    if (result.kind !== 'written') throw new Error('not written');
    expect(result.notInSourceKeys).toEqual(['C000000', 'C000001', 'C000002', 'C000003']);
    // No `supports` given: ExcelApi 1.9 is not assumed, so the renderer warns.
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings[0]?.zh).toMatch(/ExcelApi 1\.9/);
  });
});
