/**
 * The deck's prediction slide (issue 9): present only with a value
 * prediction, a native clustered chart of expected revenue and CLV by tier
 * holding the core's numbers, the first 10 of the call-first list, and a
 * takeaway computed from those numbers, in English and Chinese.
 */
import { describe, expect, it, test } from '@jest/globals';
import PptxGenJS from 'pptxgenjs';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_PREDICTION_SETTINGS, predictionHighlights, type PredictionHighlights, type PredictionSummary } from '../../../src/domain/prediction';
import { formatMoney } from '../../../src/domain/summary/numberText';
import { predictionTakeaway } from '../../../src/domain/summary/takeaways';
import type { Locale } from '../../../src/i18n/locale';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { makeContext, type DeckInput } from '../../../src/renderers/pptx/context';
import { callFirstRows, predictionChartData, PREDICTION_SLIDE_LIST } from '../../../src/renderers/pptx/slides/prediction';
import { deckSlides, writeDeck } from '../../../src/renderers/pptx/writeDeck';
import { fontSizes, readDeck, runsText } from '../../support/pptxParts';
import { cdnowLog } from '../../support/predictionSummaryFixtures';

const output = gradeGrid(cdnowLog([1126, 2179]), {
  import: { kind: 'transactions' },
  settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: dayFromYmd(1998, 7, 1) } },
  prediction: DEFAULT_PREDICTION_SETTINGS,
  locale: 'en',
  today: dayFromYmd(2026, 1, 1),
});
const run = output.prediction;
if (!run?.summary) throw new Error('no prediction');
const HIGHLIGHTS = predictionHighlights(run.summary, run.settings) as PredictionHighlights;

function input(locale: Locale, prediction: PredictionHighlights | null = HIGHLIGHTS): DeckInput {
  return { summary: output.report.summary, settings: output.settings, locale, asOf: output.grading.asOf, breakpoints: output.grading.breakpoints, sourceName: 'cdnow.csv', prediction };
}

describe('the prediction slide', () => {
  it.each<[Locale, string, RegExp]>([
    ['en', 'Predicted value and churn risk', /^10 high-value customers \(CLV [\d,]+\) are likely lost: call them first\. [\d,]+ customers in all have P\(active\) below 30%\.$/],
    ['zh-CN', '预测价值与流失风险', /^10 位高价值客户（客户终身价值合计 [\d,]+）很可能流失：请优先联系。共有 [\d,]+ 位客户的活跃概率低于 30%。$/],
  ])('in %s: after the owners slide, its title, takeaway, chart and list', async (locale, title, takeaway) => {
    const kinds = deckSlides(input(locale));
    expect(kinds.indexOf('prediction')).toBe(kinds.indexOf('ownerChart') + 1);
    const deck = await readDeck(await writeDeck(input(locale)));
    expect(deck.slides).toHaveLength(kinds.length);
    const slide = deck.slides[kinds.indexOf('prediction')];
    if (!slide) throw new Error('no slide');
    expect(slide.text).toContain(title);
    const sentence = predictionTakeaway({ summary: HIGHLIGHTS.summary, highRiskBelow: 0.3, horizonDays: 365, shown: PREDICTION_SLIDE_LIST })[locale === 'en' ? 'en' : 'zh'];
    expect(sentence).toMatch(takeaway);
    expect(slide.text).toContain(sentence);
    // The list: the core's first ten, in order.
    for (const c of HIGHLIGHTS.summary.atRiskHighValue.slice(0, PREDICTION_SLIDE_LIST)) expect(slide.text).toContain(c.id);
    expect(slide.text).not.toContain(HIGHLIGHTS.summary.atRiskHighValue[PREDICTION_SLIDE_LIST]?.id ?? '\u0000');
    const ids = HIGHLIGHTS.summary.atRiskHighValue.slice(0, PREDICTION_SLIDE_LIST).map((c) => slide.text.indexOf(c.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // A native chart whose cached values are the core's sums.
    const target = slide.targets.find((t) => /^ppt\/charts\/chart\d+\.xml$/.test(t));
    if (!target) throw new Error('no chart part');
    const chart = await deck.read(target);
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('<c:grouping val="clustered"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    const values = [...chart.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].map((m) => [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])));
    const predicted = HIGHLIGHTS.summary.byTier.filter((g) => g.predicted > 0);
    expect(values[0]?.map((v, i) => Math.abs(v - (predicted[i]?.expectedRevenue ?? NaN)) < 1e-6)).toEqual(predicted.map(() => true));
    expect(values[1]?.map((v, i) => Math.abs(v - (predicted[i]?.clv ?? NaN)) < 1e-6)).toEqual(predicted.map(() => true));
    expect(runsText(chart)).not.toMatch(/NaN|undefined|null/);
    for (const size of fontSizes(slide.xml)) expect(size).toBeGreaterThanOrEqual(12);
    if (locale === 'zh-CN') expect(slide.text).not.toMatch(/Expected|Call first|Owner|P\(active\)|churn|Name/); // the names are data ("Customer 1126")
  });

  test('chart data: the tiers with a prediction, in tier order; prospects left out', () => {
    const ctx = makeContext(new PptxGenJS(), input('en'));
    const data = predictionChartData(ctx, HIGHLIGHTS);
    expect(data.labels).not.toContain('Prospect');
    expect(data.labels.length).toBe(HIGHLIGHTS.summary.byTier.filter((g) => g.predicted > 0).length);
    const rows = callFirstRows(ctx, HIGHLIGHTS);
    expect(rows[0]).toEqual(['Customer', 'Name', 'Owner', 'P(active)', 'CLV']);
    expect(rows).toHaveLength(PREDICTION_SLIDE_LIST + 1);
    const first = HIGHLIGHTS.summary.atRiskHighValue[0];
    expect(rows[1]).toEqual([first?.id, first?.name ?? '', first?.owner ?? '', `${((first?.pAlive ?? 0) * 100).toFixed(1)}%`, formatMoney(first?.clv ?? 0, 'en')]);
  });

  it.each<[string, PredictionHighlights | null]>([
    ['no prediction (--no-predict, too few repeat buyers)', null],
    ['no spend model (no CLV)', { ...HIGHLIGHTS, summary: { ...HIGHLIGHTS.summary, byTier: HIGHLIGHTS.summary.byTier.map((g) => ({ ...g, expectedRevenue: null, avgExpectedRevenue: null, clv: null, avgClv: null })), atRiskHighValue: [], highRisk: { customers: 0, clv: null } } }],
  ])('is absent with %s', async (_, prediction) => {
    expect(deckSlides(input('en', prediction))).not.toContain('prediction');
    const deck = await readDeck(await writeDeck(input('en', prediction)));
    for (const slide of deck.slides) expect(slide.text).not.toContain('Predicted value and churn risk');
  });
});

describe('predictionTakeaway', () => {
  const base = HIGHLIGHTS.summary;
  const list = (clvs: number[]): PredictionSummary['atRiskHighValue'] => clvs.map((clv, i) => ({ ...(base.atRiskHighValue[0] as PredictionSummary['atRiskHighValue'][number]), index: i, id: `X${i}`, clv }));
  test.each<[string, PredictionSummary, string, string]>([
    ['several, more at risk than shown', { ...base, atRiskHighValue: list([500, 300, 200]), highRisk: { customers: 40, clv: 1200 } }, '3 high-value customers (CLV 1,000) are likely lost: call them first. 40 customers in all have P(active) below 30%.', '3 位高价值客户（客户终身价值合计 1,000）很可能流失：请优先联系。共有 40 位客户的活跃概率低于 30%。'],
    ['every one at risk shown', { ...base, atRiskHighValue: list([500, 300]), highRisk: { customers: 2, clv: 800 } }, '2 high-value customers (CLV 800) are likely lost: call them first.', '2 位高价值客户（客户终身价值合计 800）很可能流失：请优先联系。'],
    ['one', { ...base, atRiskHighValue: list([86.4]), highRisk: { customers: 1, clv: 86.4 } }, 'The most valuable customer at high churn risk (CLV 86) is likely lost: call first.', '高流失风险客户中价值最高的 1 位（客户终身价值 86）很可能流失：请优先联系。'],
    ['none', { ...base, byTier: [{ key: 'gold', customers: 2, predicted: 2, expectedPurchases: 3, expectedRevenue: 1234.4, avgExpectedRevenue: 617.2, clv: 2000, avgClv: 1000 }], atRiskHighValue: [], highRisk: { customers: 0, clv: 0 } }, 'No customer is at high churn risk (P(active) below 30%); expected revenue over the next 365 days: 1,234.', '没有高流失风险客户（活跃概率低于 30%）；未来 365 天预期收入 1,234。'],
  ])('%s', (_, summary, en, zh) => {
    expect(predictionTakeaway({ summary, highRiskBelow: 0.3, horizonDays: 365, shown: 10 })).toEqual({ en, zh });
  });
});
