/**
 * The Rules screen: a threshold that cannot be read shows a message in the
 * pane's language and blocks the build; settings the grading core rejects
 * (validateSettings) show its bilingual message; the form turns into the
 * settings the core grades with.
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { validateSettings } from '../../src/domain/grading';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Locale } from '../../src/i18n/locale';
import { TextProvider } from '../../src/taskpane/i18n';
import { draftFromSettings, settingsFromDraft, type RulesDraft } from '../../src/taskpane/rulesForm';
import { RulesScreen } from '../../src/taskpane/screens/RulesScreen';

function Harness({ locale, onBuild = () => undefined }: { locale: Locale; onBuild?: () => void }): JSX.Element {
  const [draft, setDraft] = useState<RulesDraft>(() => draftFromSettings(DEFAULT_SETTINGS));
  const outcome = settingsFromDraft(draft, DEFAULT_SETTINGS);
  // As the pane does (through the worker): the core's own check of whole settings.
  const problems = outcome.settings ? validateSettings(outcome.settings).map((p) => p.message) : [];
  return (
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <RulesScreen
          draft={draft}
          settings={outcome.settings ?? DEFAULT_SETTINGS}
          fieldProblems={outcome.problems}
          settingsProblems={problems}
          preview={null}
          previewUpdating={false}
          autoAsOf={null}
          isRebuild={false}
          onChange={setDraft}
          onBuild={onBuild}
          onBack={() => undefined}
        />
      </TextProvider>
    </FluentProvider>
  );
}

function input(field: string): HTMLInputElement {
  const element = document.querySelector<HTMLInputElement>(`[data-field="${field}"] input`);
  if (!element) throw new Error(`no input for ${field}`);
  return element;
}

describe('Rules screen', () => {
  it.each<[Locale, string, string]>([
    ['en', 'abc', 'Enter a number.'],
    ['zh-CN', 'abc', '请输入数字。'],
    ['en', '12.5', 'Enter a whole number.'],
    ['zh-CN', '99', '请输入 3 到 15 之间的数。'],
  ])('an invalid gold threshold shows a message in the current language (%s, %s)', (locale, typed, message) => {
    let built = 0;
    render(<Harness locale={locale} onBuild={() => built++} />);
    fireEvent.change(input('minScore:gold'), { target: { value: typed } });
    expect(screen.getByText(message)).toBeTruthy();
    const build = screen.getByRole('button', { name: locale === 'en' ? 'Build the grading table' : '生成客户分级表' }) as HTMLButtonElement;
    expect(build.disabled).toBe(true);
    fireEvent.submit(build.closest('form') as HTMLFormElement);
    expect(built).toBe(0);
  });

  it('shows the core message when at-risk days are not below churned days', () => {
    render(<Harness locale="zh-CN" />);
    fireEvent.change(input('atRisk'), { target: { value: '400' } });
    const problems = screen.getByTestId('settings-problems');
    const expected = validateSettings({ ...DEFAULT_SETTINGS, lifecycle: { ...DEFAULT_SETTINGS.lifecycle, atRiskAfterDays: 400 } });
    expect(expected.length).toBeGreaterThan(0);
    expect(problems.textContent).toContain(expected[0]?.message.zh);
  });

  it('full-width digits are read as numbers; Enter builds', () => {
    let built = 0;
    render(<Harness locale="en" onBuild={() => built++} />);
    fireEvent.change(input('minScore:gold'), { target: { value: '１４' } });
    expect(document.querySelector('[role="alert"]')).toBeNull();
    fireEvent.submit(input('minScore:gold').closest('form') as HTMLFormElement);
    expect(built).toBe(1);
  });
});

describe('settingsFromDraft', () => {
  it('round-trips the defaults', () => {
    expect(settingsFromDraft(draftFromSettings(DEFAULT_SETTINGS), DEFAULT_SETTINGS)).toEqual({ settings: DEFAULT_SETTINGS, problems: {} });
  });

  it.each<[Partial<RulesDraft>, string]>([
    [{ asOfMode: 'fixed', asOfDate: '2025-02-30' }, 'asOfDate'],
    [{ highScoreCut: '6' }, 'highScoreCut'],
    [{ quantiles: ['0.2', '0.4', '1.5', '0.8'] }, 'quantile:2'],
    [{ churnedAfterDays: '-1' }, 'churned'],
  ])('reports the field that cannot be read (%j)', (patch, field) => {
    const outcome = settingsFromDraft({ ...draftFromSettings(DEFAULT_SETTINGS), ...patch }, DEFAULT_SETTINGS);
    expect(outcome.settings).toBeNull();
    expect(Object.keys(outcome.problems)).toEqual([field]);
  });
});
