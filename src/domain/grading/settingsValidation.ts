/**
 * Checks grading settings before they are used (the task pane's settings
 * editor, the Settings sheet read back, the command line). Problems are
 * returned, never thrown, so every surface can show them in both languages.
 */
import type { Localized } from '../../i18n/locale';
import type { GradingSettings } from '../settings';
import type { SegmentKey } from '../types';

export type SettingsProblemCode =
  | 'quantile-out-of-range'
  | 'quantiles-not-increasing'
  | 'cut-out-of-range'
  | 'score-threshold-out-of-range'
  | 'new-days-invalid'
  | 'fallback-tier-missing'
  | 'fallback-tier-not-last'
  | 'fallback-tier-duplicate'
  | 'tier-key-empty'
  | 'duplicate-tier-name'
  | 'segment-count'
  | 'segment-combination-missing'
  | 'segment-combination-duplicate'
  | 'duplicate-segment-key'
  | 'lifecycle-days-invalid'
  | 'lifecycle-order'
  | 'as-of-invalid';

export interface SettingsProblem {
  readonly code: SettingsProblemCode;
  /** Where in the settings: `quantiles[2]`, `tiers[4]`, `lifecycle.atRiskAfterDays`... */
  readonly path: string;
  readonly message: Localized;
}

/** Scores are 1..5 each, so r + f + m lies in 3..15. */
const MIN_SCORE_SUM = 3;
const MAX_SCORE_SUM = 15;

function isWholeNumber(value: number): boolean {
  return Number.isInteger(value);
}

function hml(high: boolean): string {
  return high ? 'H' : 'L';
}

function normalizeName(text: string): string {
  return text.trim().normalize('NFKC').trim().toLowerCase();
}

/** Every problem found; an empty list means the settings can be used. */
export function validateSettings(settings: GradingSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const add = (code: SettingsProblemCode, path: string, en: string, zh: string): void => {
    problems.push({ code, path, message: { en, zh } });
  };

  // Quantiles: strictly increasing, each strictly between 0 and 1.
  settings.quantiles.forEach((q, i) => {
    if (!(q > 0 && q < 1)) {
      add('quantile-out-of-range', `quantiles[${i}]`, `Breakpoint quantile ${i + 1} is ${q}; it must be between 0 and 1 (exclusive), for example 0.2.`, `第 ${i + 1} 个分位点为 ${q}，必须大于 0 且小于 1，例如 0.2。`);
    }
    const previous = settings.quantiles[i - 1];
    if (i > 0 && previous !== undefined && !(q > previous)) {
      add('quantiles-not-increasing', `quantiles[${i}]`, `Breakpoint quantile ${i + 1} (${q}) must be greater than quantile ${i} (${previous}).`, `第 ${i + 1} 个分位点（${q}）必须大于第 ${i} 个分位点（${previous}）。`);
    }
  });

  const cut = settings.highScoreCut;
  if (!(isWholeNumber(cut) && cut >= 1 && cut <= 5)) {
    add('cut-out-of-range', 'highScoreCut', `The "high score" cut is ${cut}; it must be a whole number from 1 to 5.`, `“高分”分界为 ${cut}，必须是 1 到 5 之间的整数。`);
  }

  // Tiers: exactly one fallback and it is last; unique names; sane thresholds.
  const tiers = settings.tiers;
  const fallbackIndexes = tiers.flatMap((t, i) => (t.rule.kind === 'fallback' ? [i] : []));
  if (fallbackIndexes.length === 0) {
    add('fallback-tier-missing', 'tiers', 'The tier list needs one catch-all tier (for example Regular) at the end, for customers no other rule fits.', '等级列表末尾需要一个兜底等级（例如“普通客户”），用于不符合其他规则的客户。');
  } else {
    if (fallbackIndexes.length > 1) {
      add('fallback-tier-duplicate', 'tiers', `The tier list has ${fallbackIndexes.length} catch-all tiers; keep exactly one.`, `等级列表中有 ${fallbackIndexes.length} 个兜底等级，只能保留一个。`);
    }
    const first = fallbackIndexes[0] as number;
    if (first !== tiers.length - 1) {
      const label = tiers[first]?.label ?? { en: '', zh: '' };
      add('fallback-tier-not-last', `tiers[${first}]`, `The catch-all tier "${label.en}" must be the last in the tier list; tiers after it could never apply.`, `兜底等级“${label.zh}”必须位于等级列表最后，否则其后的等级永远不会生效。`);
    }
  }
  const owners = new Map<string, number>();
  tiers.forEach((tier, i) => {
    if (tier.key.trim() === '') {
      add('tier-key-empty', `tiers[${i}].key`, `Tier ${i + 1} has no key; give it a short machine name such as "gold".`, `第 ${i + 1} 个等级没有键名；请设置简短的英文键名，例如 "gold"。`);
    }
    for (const name of new Set([tier.key, tier.label.en, tier.label.zh].map(normalizeName))) {
      if (name === '') continue;
      const owner = owners.get(name);
      if (owner !== undefined && owner !== i) {
        add('duplicate-tier-name', `tiers[${i}]`, `Tier ${i + 1} and tier ${owner + 1} share the name "${name}"; tier keys and labels must be unique so a manual tier names exactly one tier.`, `第 ${i + 1} 个等级与第 ${owner + 1} 个等级同名“${name}”；等级键名和名称必须唯一，手动等级才能对应唯一的等级。`);
      } else {
        owners.set(name, i);
      }
    }
    const rule = tier.rule;
    if (rule.kind === 'score' && !(isWholeNumber(rule.minScore) && rule.minScore >= MIN_SCORE_SUM && rule.minScore <= MAX_SCORE_SUM)) {
      add('score-threshold-out-of-range', `tiers[${i}].rule.minScore`, `The score threshold of tier "${tier.label.en}" is ${rule.minScore}; R+F+M ranges from 3 to 15, so use a whole number in 3..15.`, `等级“${tier.label.zh}”的分数门槛为 ${rule.minScore}；R+F+M 的范围是 3 到 15，请填写 3 到 15 之间的整数。`);
    }
    if (rule.kind === 'new' && !(isWholeNumber(rule.withinDays) && rule.withinDays >= 0)) {
      add('new-days-invalid', `tiers[${i}].rule.withinDays`, `The "new customer" window of tier "${tier.label.en}" is ${rule.withinDays} days; use a whole number of days, 0 or more.`, `等级“${tier.label.zh}”的新客户期限为 ${rule.withinDays} 天；请填写大于等于 0 的整数天数。`);
    }
  });

  // Segments: 8 definitions, one per (R, F, M) high/low combination, unique keys.
  const segments = settings.segments;
  if (segments.length !== 8) {
    add('segment-count', 'segments', `The segment map has ${segments.length} entries; the RFM model needs exactly 8, one per high/low combination.`, `客户细分表有 ${segments.length} 项；RFM 模型需要恰好 8 项，每种高/低组合一项。`);
  }
  const combos = new Map<number, number>();
  const keys = new Set<SegmentKey>();
  segments.forEach((segment, i) => {
    const slot = (segment.rHigh ? 4 : 0) + (segment.fHigh ? 2 : 0) + (segment.mHigh ? 1 : 0);
    const combo = `R${hml(segment.rHigh)} F${hml(segment.fHigh)} M${hml(segment.mHigh)}`;
    const owner = combos.get(slot);
    if (owner !== undefined) {
      add('segment-combination-duplicate', `segments[${i}]`, `Segments ${owner + 1} and ${i + 1} both cover ${combo}; each combination needs exactly one segment.`, `第 ${owner + 1} 项和第 ${i + 1} 项细分都对应 ${combo}；每种组合只能对应一个细分。`);
    } else {
      combos.set(slot, i);
    }
    if (keys.has(segment.key)) {
      add('duplicate-segment-key', `segments[${i}].key`, `The segment key "${segment.key}" appears twice.`, `细分键名“${segment.key}”出现了两次。`);
    }
    keys.add(segment.key);
  });
  for (let slot = 0; slot < 8; slot++) {
    if (combos.has(slot)) continue;
    const combo = `R${hml((slot & 4) !== 0)} F${hml((slot & 2) !== 0)} M${hml((slot & 1) !== 0)}`;
    add('segment-combination-missing', 'segments', `No segment covers ${combo}; add one.`, `没有细分对应 ${combo}；请补充。`);
  }

  // Lifecycle: churned > at-risk >= 0, new window >= 0, whole days.
  const { churnedAfterDays, atRiskAfterDays, newWithinDays } = settings.lifecycle;
  const dayFields: readonly [string, number, string][] = [
    ['churnedAfterDays', churnedAfterDays, '流失天数'],
    ['atRiskAfterDays', atRiskAfterDays, '流失预警天数'],
    ['newWithinDays', newWithinDays, '新客户天数'],
  ];
  for (const [field, value, zhName] of dayFields) {
    if (!(isWholeNumber(value) && value >= 0)) {
      add('lifecycle-days-invalid', `lifecycle.${field}`, `Lifecycle setting ${field} is ${value}; use a whole number of days, 0 or more.`, `生命周期设置“${zhName}”为 ${value}；请填写大于等于 0 的整数天数。`);
    }
  }
  if (!(churnedAfterDays > atRiskAfterDays)) {
    add('lifecycle-order', 'lifecycle', `"Churned after" (${churnedAfterDays} days) must be more than "at risk after" (${atRiskAfterDays} days).`, `“流失”天数（${churnedAfterDays}）必须大于“流失预警”天数（${atRiskAfterDays}）。`);
  }

  if (settings.asOf.mode === 'fixed' && !isWholeNumber(settings.asOf.day)) {
    add('as-of-invalid', 'asOf', 'The fixed as-of date is not a calendar date.', '固定的分析基准日不是有效日期。');
  }
  return problems;
}
