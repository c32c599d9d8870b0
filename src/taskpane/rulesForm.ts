/**
 * The Rules screen's form: text drafts of the editable settings, and their
 * conversion to GradingSettings with a message per field that cannot be
 * read. Rules that need the whole settings (silver below gold, at-risk
 * before churned) are the grading core's `validateSettings`.
 */
import { parseIsoDay, formatIsoDay } from '../domain/dates';
import type { GradingSettings, TierDefinition } from '../domain/settings';
import type { StringKey } from '../i18n/strings';

export type AsOfMode = 'auto' | 'today' | 'fixed';

export interface RulesDraft {
  readonly asOfMode: AsOfMode;
  /** `YYYY-MM-DD` (what `<input type="date">` gives). */
  readonly asOfDate: string;
  /** Tier key -> minimum R+F+M score, for tiers with a score rule. */
  readonly minScores: Readonly<Record<string, string>>;
  /** Tier key -> days, for tiers with a `new` rule. */
  readonly newWithinDays: Readonly<Record<string, string>>;
  readonly atRiskAfterDays: string;
  readonly churnedAfterDays: string;
  readonly lifecycleNewWithinDays: string;
  readonly highScoreCut: string;
  readonly quantiles: readonly [string, string, string, string];
}

/** Ids of the form's fields; errors are keyed by them. */
export type RulesFieldId = string;

export interface FieldProblem {
  readonly key: StringKey;
  readonly values: Readonly<Record<string, string | number>>;
}

export function draftFromSettings(settings: GradingSettings): RulesDraft {
  const minScores: Record<string, string> = {};
  const newWithinDays: Record<string, string> = {};
  for (const tier of settings.tiers) {
    if (tier.rule.kind === 'score') minScores[tier.key] = String(tier.rule.minScore);
    if (tier.rule.kind === 'new') newWithinDays[tier.key] = String(tier.rule.withinDays);
  }
  const asOf = settings.asOf;
  return {
    asOfMode: asOf.mode,
    asOfDate: asOf.mode === 'fixed' ? formatIsoDay(asOf.day) : '',
    minScores,
    newWithinDays,
    atRiskAfterDays: String(settings.lifecycle.atRiskAfterDays),
    churnedAfterDays: String(settings.lifecycle.churnedAfterDays),
    lifecycleNewWithinDays: String(settings.lifecycle.newWithinDays),
    highScoreCut: String(settings.highScoreCut),
    quantiles: settings.quantiles.map(String) as unknown as [string, string, string, string],
  };
}

/** Reads a number typed in either locale: full-width digits and spaces tolerated. */
export function readNumber(text: string): number | null {
  const normalized = text
    .normalize('NFKC')
    .replace(/[\s,]/g, '')
    .replace(/。/g, '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

function wholeInRange(text: string, min: number, max: number): number | FieldProblem {
  const value = readNumber(text);
  if (value === null) return { key: 'invalidNumber', values: {} };
  if (!Number.isInteger(value)) return { key: 'invalidWholeNumber', values: {} };
  if (value < min || value > max) return { key: 'invalidRange', values: { min, max } };
  return value;
}

function fractionInRange(text: string): number | FieldProblem {
  const value = readNumber(text);
  if (value === null) return { key: 'invalidNumber', values: {} };
  if (value < 0 || value > 1) return { key: 'invalidRange', values: { min: 0, max: 1 } };
  return value;
}

export interface DraftOutcome {
  /** The settings, or null when a field cannot be read. */
  readonly settings: GradingSettings | null;
  readonly problems: Readonly<Record<RulesFieldId, FieldProblem>>;
}

/** Largest number of days the form accepts (about 30 years). */
export const MAX_DAYS = 10_950;
/** R+F+M ranges 3..15. */
export const MIN_SCORE_SUM = 3;
export const MAX_SCORE_SUM = 15;

export function settingsFromDraft(draft: RulesDraft, base: GradingSettings): DraftOutcome {
  const problems: Record<RulesFieldId, FieldProblem> = {};
  const take = <T>(id: RulesFieldId, result: T | FieldProblem, fallback: T): T => {
    if (typeof result === 'object' && result !== null && 'key' in result) {
      problems[id] = result;
      return fallback;
    }
    return result as T;
  };

  let asOf: GradingSettings['asOf'];
  if (draft.asOfMode === 'fixed') {
    const day = parseIsoDay(draft.asOfDate);
    if (day === null) {
      problems.asOfDate = { key: 'invalidDate', values: {} };
      asOf = base.asOf;
    } else asOf = { mode: 'fixed', day };
  } else asOf = { mode: draft.asOfMode };

  const tiers: TierDefinition[] = base.tiers.map((tier) => {
    if (tier.rule.kind === 'score') {
      const minScore = take(`minScore:${tier.key}`, wholeInRange(draft.minScores[tier.key] ?? '', MIN_SCORE_SUM, MAX_SCORE_SUM), tier.rule.minScore);
      return { ...tier, rule: { kind: 'score', minScore } };
    }
    if (tier.rule.kind === 'new') {
      const withinDays = take(`newWithin:${tier.key}`, wholeInRange(draft.newWithinDays[tier.key] ?? '', 0, MAX_DAYS), tier.rule.withinDays);
      return { ...tier, rule: { kind: 'new', withinDays } };
    }
    return tier;
  });
  const atRiskAfterDays = take('atRisk', wholeInRange(draft.atRiskAfterDays, 0, MAX_DAYS), base.lifecycle.atRiskAfterDays);
  const churnedAfterDays = take('churned', wholeInRange(draft.churnedAfterDays, 0, MAX_DAYS), base.lifecycle.churnedAfterDays);
  const newWithinDays = take('lifecycleNew', wholeInRange(draft.lifecycleNewWithinDays, 0, MAX_DAYS), base.lifecycle.newWithinDays);
  const highScoreCut = take('highScoreCut', wholeInRange(draft.highScoreCut, 1, 5), base.highScoreCut);
  const quantiles = draft.quantiles.map((q, i) => take(`quantile:${i}`, fractionInRange(q), base.quantiles[i] ?? 0)) as unknown as [
    number,
    number,
    number,
    number,
  ];

  if (Object.keys(problems).length > 0) return { settings: null, problems };
  return {
    settings: { ...base, asOf, tiers, lifecycle: { atRiskAfterDays, churnedAfterDays, newWithinDays }, highScoreCut, quantiles },
    problems,
  };
}
