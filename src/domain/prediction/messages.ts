/**
 * Why a prediction is missing or weaker than usual, in English and
 * Simplified Chinese. Grades never depend on any of this: a failed fit only
 * leaves the prediction columns empty, with the message saying why.
 */
import type { Localized } from '../../i18n/locale';

export type PredictionProblemCode =
  | 'too-few-customers'
  | 'too-few-repeat-buyers'
  | 'purchase-model-not-converged'
  | 'purchase-model-degenerate'
  | 'spend-too-few-customers'
  | 'spend-model-not-converged'
  | 'spend-model-no-mean'
  | 'spend-frequency-correlated'
  | 'series-not-converged'
  | 'holdout-no-history'
  | 'holdout-too-few';

export interface PredictionProblem {
  readonly code: PredictionProblemCode;
  /** 'error': that part of the prediction is not given; 'warning': given, with a caveat. */
  readonly severity: 'error' | 'warning';
  readonly message: Localized;
}

const fmt = (value: number, digits = 2): string => value.toFixed(digits);

export function predictionProblem(code: PredictionProblemCode, values: Readonly<Record<string, number>> = {}): PredictionProblem {
  const v = (key: string): number => values[key] ?? Number.NaN;
  switch (code) {
    case 'too-few-customers':
      return { code, severity: 'error', message: {
        en: `No purchase prediction: only ${v('customers')} customers have a purchase history long enough to fit the model (at least ${v('minimum')} are needed). Grades are not affected.`,
        zh: `未做购买预测：只有 ${v('customers')} 位客户有足够的购买历史用于拟合模型（至少需要 ${v('minimum')} 位）。分级结果不受影响。`,
      } };
    case 'too-few-repeat-buyers':
      return { code, severity: 'error', message: {
        en: `No purchase prediction: only ${v('repeatBuyers')} customers bought on more than one day (at least ${v('minimum')} are needed to learn how often customers come back). Grades are not affected.`,
        zh: `未做购买预测：只有 ${v('repeatBuyers')} 位客户在不止一天有购买（至少需要 ${v('minimum')} 位才能估计客户的回购规律）。分级结果不受影响。`,
      } };
    case 'purchase-model-not-converged':
      return { code, severity: 'error', message: {
        en: `No purchase prediction: the BG/NBD model did not converge on this data (${v('iterations')} iterations), so its figures would not be trustworthy. Grades are not affected.`,
        zh: `未做购买预测：BG/NBD 模型在这份数据上未能收敛（迭代 ${v('iterations')} 次），其结果不可信。分级结果不受影响。`,
      } };
    case 'purchase-model-degenerate':
      return { code, severity: 'error', message: {
        en: `No purchase prediction: the fitted BG/NBD model is at a boundary (a = ${fmt(v('a'), 4)}), where its expected-purchases formula has no value. Grades are not affected.`,
        zh: `未做购买预测：拟合得到的 BG/NBD 模型处于边界（a = ${fmt(v('a'), 4)}），此时预期购买次数公式无定义。分级结果不受影响。`,
      } };
    case 'spend-too-few-customers':
      return { code, severity: 'error', message: {
        en: `No value prediction: only ${v('customers')} repeat buyers have a spend to learn from (at least ${v('minimum')} are needed). P(active) and expected purchases are still given.`,
        zh: `未做价值预测：只有 ${v('customers')} 位回购客户有可用的消费金额（至少需要 ${v('minimum')} 位）。活跃概率和预期购买次数仍照常给出。`,
      } };
    case 'spend-model-not-converged':
      return { code, severity: 'error', message: {
        en: `No value prediction: the Gamma-Gamma spend model did not converge on this data. P(active) and expected purchases are still given.`,
        zh: `未做价值预测：Gamma-Gamma 消费金额模型在这份数据上未能收敛。活跃概率和预期购买次数仍照常给出。`,
      } };
    case 'spend-model-no-mean':
      return { code, severity: 'error', message: {
        en: `No value prediction: the fitted spend model has q = ${fmt(v('q'), 3)} <= 1, for which the expected spend per purchase is infinite (spends vary too wildly). P(active) and expected purchases are still given.`,
        zh: `未做价值预测：拟合得到的消费金额模型 q = ${fmt(v('q'), 3)} <= 1，此时每次购买的预期金额为无穷大（金额波动过大）。活跃概率和预期购买次数仍照常给出。`,
      } };
    case 'spend-frequency-correlated':
      return { code, severity: 'error', message: {
        en: `No value prediction: among repeat buyers, purchase frequency and spend per purchase are correlated (r = ${fmt(v('correlation'))}, limit ±${fmt(v('limit'))}); the Gamma-Gamma model assumes they are not, so its values would be biased. P(active) and expected purchases are still given.`,
        zh: `未做价值预测：回购客户的购买频次与每次消费金额存在相关性（相关系数 ${fmt(v('correlation'))}，上限 ±${fmt(v('limit'))}）；Gamma-Gamma 模型假设两者无关，因此其结果会有偏差。活跃概率和预期购买次数仍照常给出。`,
      } };
    case 'series-not-converged':
      return { code, severity: 'warning', message: {
        en: `${v('customers')} customers get no expected purchases or CLV: the model's series did not converge for them (a very long horizon for a very short history).`,
        zh: `${v('customers')} 位客户没有预期购买次数和客户终身价值：模型的级数对他们未能收敛（购买历史很短而预测期很长）。`,
      } };
    case 'holdout-no-history':
      return { code, severity: 'warning', message: {
        en: 'No holdout check: it needs each purchase date, which only an order log has (a customer list gives only the first and last).',
        zh: '未做留出期检验：检验需要每次购买的日期，只有订单明细才有（客户列表只有首次和最近购买日期）。',
      } };
    case 'holdout-too-few':
      return { code, severity: 'warning', message: {
        en: `No holdout check: before the calibration end there are only ${v('customers')} customers and ${v('repeatBuyers')} repeat buyers (at least ${v('minimumCustomers')} and ${v('minimumRepeat')} are needed), or the holdout period is empty.`,
        zh: `未做留出期检验：校准截止日之前只有 ${v('customers')} 位客户、${v('repeatBuyers')} 位回购客户（至少需要 ${v('minimumCustomers')} 位和 ${v('minimumRepeat')} 位），或留出期为空。`,
      } };
  }
}
