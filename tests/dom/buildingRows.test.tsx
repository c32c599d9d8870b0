/**
 * The Building screen during the write step: the renderer's row progress
 * (as applyPlan reports it for 100,000 rows in 20,000-row blocks; see
 * tests/unit/excel/rowProgress.test.ts), turned into
 * the pane's words as App.tsx does (toWriteProgress + 'buildingWriting' with
 * locale number formatting), reads "Writing rows 40,001–60,000 of 100,000".
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../../src/i18n/locale';
import type { ApplyProgress } from '../../src/renderers/excel/applyPlan';
import { createPaneText, TextProvider } from '../../src/taskpane/i18n';
import { toWriteProgress } from '../../src/taskpane/planWriter';
import { BuildingScreen } from '../../src/taskpane/screens/BuildingScreen';

const THIRD_BLOCK: ApplyProgress = { step: 'write', done: 5, total: 9, rowsFrom: 40_001, rowsTo: 60_000, rowsTotal: 100_000 };

function stepText(locale: Locale, progress: ApplyProgress): string {
  const text = createPaneText(locale);
  const write = toWriteProgress(progress);
  if (write.kind !== 'rows') throw new Error(`expected row progress, got ${write.kind}`);
  return text.t('buildingWriting', { from: text.number(write.from), to: text.number(write.to), total: text.number(write.total) });
}

describe('Building screen: writing rows', () => {
  it.each([
    ['en', 'Writing rows 40,001–60,000 of 100,000'],
    ['zh-CN', '正在写入第 40,001–60,000 行，共 100,000 行'],
  ] as const)('%s: %s, with the bar at the share of syncs done', (locale, expected) => {
    const text = stepText(locale, THIRD_BLOCK);
    expect(text).toBe(expected);
    render(
      <FluentProvider theme={webLightTheme}>
        <TextProvider locale={locale}>
          <BuildingScreen stepText={text} fraction={toWriteProgress(THIRD_BLOCK).fraction} cancelling={false} onCancel={() => undefined} />
        </TextProvider>
      </FluentProvider>,
    );
    expect(screen.getByTestId('screen-building').textContent).toContain(expected);
    expect(screen.getByTestId('build-progress').getAttribute('aria-valuetext')).toBe(expected);
    expect(Number(screen.getByTestId('build-progress').getAttribute('data-fraction'))).toBeCloseTo(5 / 9);
  });
});
