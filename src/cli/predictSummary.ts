/** The prediction's lines in the command line's summary (issue 9), in the user's language. */
import type { PredictionRun } from '../domain/prediction/report';
import { pick, type Locale } from '../i18n/locale';

const T = {
  fitted: {
    en: (customers: string, repeat: string) => `Prediction: BG/NBD fitted on ${customers} customers (${repeat} repeat buyers)`,
    zh: (customers: string, repeat: string) => `预测：BG/NBD 模型基于 ${customers} 位客户拟合（其中回购客户 ${repeat} 位）`,
  },
  spend: { en: 'Gamma-Gamma spend model fitted', zh: 'Gamma-Gamma 消费金额模型已拟合' },
  holdout: {
    en: (actual: string, predicted: string, error: string) => `Holdout check: ${actual} purchases happened, the model predicted ${predicted} (${error})`,
    zh: (actual: string, predicted: string, error: string) => `留出期检验：实际购买 ${actual} 次，模型预测 ${predicted} 次（${error}）`,
  },
};

export function predictionSummaryLines(run: PredictionRun | null, locale: Locale, nf: Intl.NumberFormat): string[] {
  if (run === null) return [];
  const lines: string[] = [];
  const model = run.result.purchaseModel;
  if (model !== null) {
    const head = (locale === 'zh-CN' ? T.fitted.zh : T.fitted.en)(nf.format(model.customersUsed), nf.format(model.repeatBuyers));
    lines.push(run.result.spendModel === null ? head : `${head}; ${pick(T.spend, locale)}`);
  }
  for (const problem of run.result.problems) lines.push(`  - ${pick(problem.message, locale)}`);
  const check = run.holdout?.check ?? null;
  if (check !== null) {
    const error = Number.isFinite(check.relativeError) ? `${check.relativeError >= 0 ? '+' : ''}${(check.relativeError * 100).toFixed(1)}%` : '—';
    lines.push((locale === 'zh-CN' ? T.holdout.zh : T.holdout.en)(nf.format(check.actualTotal), nf.format(Math.round(check.predictedTotal)), error));
  } else if (run.holdout?.problem) {
    lines.push(`  - ${pick(run.holdout.problem.message, locale)}`);
  }
  return lines;
}
