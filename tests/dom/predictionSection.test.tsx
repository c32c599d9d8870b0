/**
 * The Done screen's prediction section (issue 9), in both languages: the
 * plain explanation of P(active), what was fitted, the holdout check's
 * result, and an honest message when nothing could be predicted.
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { DayNumber } from '../../src/domain/dates';
import { dayFromYmd } from '../../src/domain/dates';
import type { Locale } from '../../src/i18n/locale';
import { TextProvider } from '../../src/taskpane/i18n';
import { PredictionSection } from '../../src/taskpane/screens/PredictionSection';
import type { PanePrediction } from '../../src/worker/protocol';

const FITTED: PanePrediction = {
  status: 'ok',
  customersUsed: 2349,
  repeatBuyers: 1139,
  horizonDays: 365,
  clvMonths: 12,
  highRiskBelow: 0.3,
  mediumRiskBelow: 0.7,
  problems: [],
  holdout: { calibrationEnd: dayFromYmd(1997, 9, 30) as DayNumber, actual: 1882, predicted: 1658.4, relativeError: -0.1188 },
  atRiskHighValue: 20,
};

function renderSection(locale: Locale, prediction: PanePrediction | null): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <PredictionSection prediction={prediction} />
      </TextProvider>
    </FluentProvider>,
  );
}

describe('PredictionSection', () => {
  it('explains P(active) and gives the holdout result (English)', () => {
    renderSection('en', FITTED);
    const section = screen.getByTestId('done-prediction');
    expect(section.textContent).toContain('the chance that a customer is still buying from you');
    expect(section.textContent).toContain('high below 30%, medium below 70%');
    expect(section.textContent).toContain('Fitted on 2,349 customers (1,139 bought more than once)');
    expect(screen.getByTestId('done-prediction-holdout').textContent).toBe(
      'Holdout check: fitted on purchases up to Sep 30, 1997, the model predicted 1,658 purchases for the period after it; customers actually made 1,882 (-11.9%).',
    );
  });
  it('in Chinese', () => {
    renderSection('zh-CN', FITTED);
    const section = screen.getByTestId('done-prediction');
    expect(section.textContent).toContain('活跃概率');
    expect(screen.getByTestId('done-prediction-holdout').textContent).toContain('客户实际购买 1,882 次（-11.9%）');
  });
  it('says why there is no prediction, and shows no figures', () => {
    renderSection('en', {
      ...FITTED,
      status: 'unavailable',
      customersUsed: 0,
      holdout: null,
      atRiskHighValue: 0,
      problems: [{ en: 'No purchase prediction: only 3 customers have a purchase history long enough to fit the model (at least 50 are needed). Grades are not affected.', zh: '未做购买预测：……' }],
    });
    expect(screen.getByTestId('done-prediction-problems').textContent).toContain('Grades are not affected');
    expect(screen.queryByTestId('done-prediction-holdout')).toBeNull();
  });
  it('renders nothing when prediction is off', () => {
    renderSection('en', null);
    expect(screen.queryByTestId('done-prediction')).toBeNull();
  });
});
