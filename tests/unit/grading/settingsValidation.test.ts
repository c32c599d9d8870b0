import { describe, expect, it } from '@jest/globals';
import { validateSettings, type SettingsProblemCode } from '../../../src/domain/grading';
import { DEFAULT_SEGMENTS, DEFAULT_SETTINGS, DEFAULT_TIERS, type GradingSettings } from '../../../src/domain/settings';

const codes = (settings: GradingSettings): SettingsProblemCode[] => validateSettings(settings).map((p) => p.code);

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  const cases: readonly [string, GradingSettings, SettingsProblemCode[]][] = [
    ['a quantile of 0', { ...DEFAULT_SETTINGS, quantiles: [0, 0.4, 0.6, 0.8] }, ['quantile-out-of-range']],
    ['a quantile of 1', { ...DEFAULT_SETTINGS, quantiles: [0.2, 0.4, 0.6, 1] }, ['quantile-out-of-range']],
    ['quantiles not strictly increasing', { ...DEFAULT_SETTINGS, quantiles: [0.2, 0.4, 0.4, 0.8] }, ['quantiles-not-increasing']],
    ['cut 0', { ...DEFAULT_SETTINGS, highScoreCut: 0 }, ['cut-out-of-range']],
    ['cut 3.5', { ...DEFAULT_SETTINGS, highScoreCut: 3.5 }, ['cut-out-of-range']],
    ['cut 6', { ...DEFAULT_SETTINGS, highScoreCut: 6 }, ['cut-out-of-range']],
    ['score threshold 16', { ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.map((t) => (t.key === 'gold' ? { ...t, rule: { kind: 'score', minScore: 16 } as const } : t)) }, ['score-threshold-out-of-range']],
    ['score threshold 2', { ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.map((t) => (t.key === 'gold' ? { ...t, rule: { kind: 'score', minScore: 2 } as const } : t)) }, ['score-threshold-out-of-range']],
    ['new window -1', { ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.map((t) => (t.key === 'new' ? { ...t, rule: { kind: 'new', withinDays: -1 } as const } : t)) }, ['new-days-invalid']],
    ['no fallback tier', { ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.slice(0, 4) }, ['fallback-tier-missing']],
    ['fallback not last', { ...DEFAULT_SETTINGS, tiers: [DEFAULT_TIERS[4]!, ...DEFAULT_TIERS.slice(0, 4)] }, ['fallback-tier-not-last']],
    ['two fallbacks', { ...DEFAULT_SETTINGS, tiers: [...DEFAULT_TIERS, { ...DEFAULT_TIERS[4]!, key: 'other', label: { en: 'Other', zh: '其他' } }] }, ['fallback-tier-duplicate', 'fallback-tier-not-last']],
    ['duplicate tier key', { ...DEFAULT_SETTINGS, tiers: [{ ...DEFAULT_TIERS[0]!, key: 'gold', label: { en: 'P', zh: '潜' } }, ...DEFAULT_TIERS.slice(1)] }, ['duplicate-tier-name']],
    ['a label equal to another tier key, ignoring case and width', { ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.map((t) => (t.key === 'silver' ? { ...t, label: { en: 'ＧＯＬＤ', zh: '银卡' } } : t)) }, ['duplicate-tier-name']],
    ['empty tier key', { ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.map((t) => (t.key === 'gold' ? { ...t, key: ' ' } : t)) }, ['tier-key-empty']],
    ['7 segments', { ...DEFAULT_SETTINGS, segments: DEFAULT_SEGMENTS.slice(1) }, ['segment-count', 'segment-combination-missing']],
    ['a combination twice', { ...DEFAULT_SETTINGS, segments: DEFAULT_SEGMENTS.map((s, i) => (i === 7 ? { ...s, rHigh: true, fHigh: true, mHigh: true } : s)) }, ['segment-combination-duplicate', 'segment-combination-missing']],
    ['a segment key twice', { ...DEFAULT_SETTINGS, segments: DEFAULT_SEGMENTS.map((s, i) => (i === 7 ? { ...s, key: 'important-value' as const } : s)) }, ['duplicate-segment-key']],
    ['churned not above at-risk', { ...DEFAULT_SETTINGS, lifecycle: { churnedAfterDays: 180, atRiskAfterDays: 180, newWithinDays: 90 } }, ['lifecycle-order']],
    ['negative at-risk days', { ...DEFAULT_SETTINGS, lifecycle: { churnedAfterDays: 365, atRiskAfterDays: -1, newWithinDays: 90 } }, ['lifecycle-days-invalid']],
    ['fractional new days', { ...DEFAULT_SETTINGS, lifecycle: { churnedAfterDays: 365, atRiskAfterDays: 180, newWithinDays: 1.5 } }, ['lifecycle-days-invalid']],
  ];
  it.each(cases)('reports %s', (_name, settings, expected) => {
    expect(codes(settings)).toEqual(expected);
  });

  it('every problem has a path and a message in English and Chinese', () => {
    const problems = cases.flatMap(([, settings]) => validateSettings(settings));
    expect(problems.length).toBeGreaterThan(cases.length - 1);
    for (const p of problems) {
      expect(p.path).not.toBe('');
      expect(p.message.en).toMatch(/[A-Za-z]/);
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
