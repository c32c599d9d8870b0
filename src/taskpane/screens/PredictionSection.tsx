/**
 * The Done screen's prediction section (issue 9): what P(active) means in
 * plain words, what was fitted (or why nothing was), the holdout check's
 * result, and how many customers are "at risk, high value".
 */
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { PanePrediction } from '../../worker/protocol';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';

export function PredictionSection({ prediction }: { readonly prediction: PanePrediction | null | undefined }): JSX.Element | null {
  const styles = useScreenStyles();
  const text = useText();
  if (prediction === null || prediction === undefined) return null;
  const holdout = prediction.holdout;
  const error = holdout === null || !Number.isFinite(holdout.relativeError) ? '—' : `${holdout.relativeError >= 0 ? '+' : ''}${text.number(Math.round(holdout.relativeError * 1000) / 10)}%`;
  return (
    <section className={styles.section} aria-labelledby="prediction-heading" data-testid="done-prediction">
      <h2 id="prediction-heading" className={styles.subheading}>
        {text.t('predictionHeading')}
      </h2>
      {prediction.status !== 'unavailable' ? (
        <>
          <Text size={200}>{text.t('predictionWhatPActive', { high: text.percent(prediction.highRiskBelow), medium: text.percent(prediction.mediumRiskBelow) })}</Text>
          <Text size={200}>
            {text.t('predictionFitted', {
              customers: text.number(prediction.customersUsed),
              repeat: text.number(prediction.repeatBuyers),
              days: text.number(prediction.horizonDays),
              months: text.number(prediction.clvMonths),
            })}
          </Text>
          <Text size={200} data-testid="done-prediction-holdout">
            {holdout === null
              ? text.t('predictionNoHoldout')
              : text.t('predictionHoldout', { date: text.day(holdout.calibrationEnd), predicted: text.number(Math.round(holdout.predicted)), actual: text.number(holdout.actual), error })}
          </Text>
          {prediction.atRiskHighValue > 0 ? <Text size={200}>{text.t('predictionAtRisk', { count: text.number(prediction.atRiskHighValue) })}</Text> : null}
        </>
      ) : null}
      {prediction.problems.length > 0 ? (
        <MessageBar intent={prediction.status === 'unavailable' ? 'warning' : 'info'} layout="multiline" data-testid="done-prediction-problems">
          <MessageBarBody>
            <ul className={styles.list}>
              {prediction.problems.map((problem, i) => (
                <li key={i}>{text.l(problem)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
