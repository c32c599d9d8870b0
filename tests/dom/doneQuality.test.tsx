/**
 * The Done screen's Data quality section (issue 8 §1): findings by check in
 * both languages, the total, and Open Quality sheet.
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { DayNumber } from '../../src/domain/dates';
import type { Locale } from '../../src/i18n/locale';
import { TextProvider } from '../../src/taskpane/i18n';
import { DoneScreen } from '../../src/taskpane/screens/DoneScreen';
import type { BuildSummary } from '../../src/worker/protocol';
import { summarise } from '../../src/domain/summary';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

function summary(quality: BuildSummary['quality']): BuildSummary {
  return {
    counts: { total: 10, asOf: 20_000 as DayNumber, tiers: [], segments: [], withoutSegment: 0 },
    issueGroups: [],
    issueCount: 0,
    customerSummary: summarise({ asOf: 20_000 as DayNumber, breakpoints: null, customers: [], issues: [] }, DEFAULT_SETTINGS),
    breakpoints: null,
    quality,
  };
}

function renderDone(locale: Locale, s: BuildSummary, onOpenQuality?: () => void): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <DoneScreen summary={s} write={{ kind: 'written', rowsWritten: 10, rowsAdded: 10, rowsUpdated: 0, notInSource: 0, notInSourceKeys: [], unkeyed: 0, warnings: [] }} firstRow={2} onGoToTable={() => undefined} onRebuild={() => undefined} onChangeRules={() => undefined} {...(onOpenQuality ? { onOpenQuality } : {})} />
      </TextProvider>
    </FluentProvider>,
  );
}

describe('Done screen: data quality', () => {
  it.each<[Locale, string, string, string]>([
    ['en', 'Invalid mobile (3)', 'Import: ', 'Open Quality sheet'],
    ['zh-CN', '手机号无效 (3)', '导入：', '打开“数据质量”工作表'],
  ])('%s: the count by check and the button that opens the sheet', (locale, mobile, importLine, button) => {
    let opened = 0;
    renderDone(locale, summary([{ check: 'invalid-mobile', count: 3 }, { check: 'import:ambiguous-date', count: 2 }]), () => (opened += 1));
    const section = screen.getByTestId('done-quality');
    expect(section.querySelector('[data-check="invalid-mobile"]')?.textContent).toBe(mobile);
    const importText = section.querySelector('[data-check="import:ambiguous-date"]')?.textContent ?? '';
    expect(importText.startsWith(importLine)).toBe(true);
    expect(importText.endsWith('(2)')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(opened).toBe(1);
  });

  it('no findings: says so', () => {
    renderDone('en', summary([]));
    expect(screen.getByTestId('done-quality').textContent).toContain('No data-quality findings.');
  });

  it('an older worker without quality counts: no section', () => {
    renderDone('en', summary(undefined));
    expect(screen.queryByTestId('done-quality')).toBeNull();
  });
});
