/**
 * The deck's content, read back from the .pptx bytes: slide order, text in
 * both languages, native chart parts (never pictures), tier colours, font
 * sizes, and honest text for empty and degenerate data.
 */
import { describe, expect, it } from '@jest/globals';
import PptxGenJS from 'pptxgenjs';
import { dayFromYmd } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { CustomerSummary } from '../../../src/domain/summary/types';
import type { Locale } from '../../../src/i18n/locale';
import { makeContext, type DeckInput } from '../../../src/renderers/pptx/context';
import { paretoData } from '../../../src/renderers/pptx/slides/tierChart';
import { ownerChartData, MAX_OWNER_BARS } from '../../../src/renderers/pptx/slides/ownerChart';
import { deckSlides, writeDeck } from '../../../src/renderers/pptx/writeDeck';
import { fontSizes, readDeck, runsText } from '../../support/pptxParts';
import { makeSummary, TYPICAL_SUMMARY } from '../../support/summaryFixtures';

const BREAKPOINTS = { recency: [20, 45.5, 120, 300], frequency: [1, 1, 2, 4], monetary: [120.5, 480, 1250.75, 4800] } as const;

function input(summary: CustomerSummary, locale: Locale, extra: Partial<DeckInput> = {}): DeckInput {
  return { summary, settings: DEFAULT_SETTINGS, locale, asOf: dayFromYmd(2024, 7, 1), breakpoints: BREAKPOINTS, sourceName: 'customers.xlsx', ...extra };
}

const CHART_SLIDES = [2, 3, 4, 5]; // 0-based: tier Pareto, segments, lifecycle, owners

describe('writeDeck', () => {
  it.each<[Locale, string[]]>([
    ['en', ['Customer grading', 'Key figures', 'Revenue by tier', 'Customers by segment', 'Lifecycle and customers at risk', 'Customers by owner and tier', 'Tiers at a glance', 'Segments and what to do', 'How the numbers were made']],
    ['zh-CN', ['客户分级报告', '关键指标', '各等级收入', '各细分客户数', '生命周期与流失风险', '各负责人的客户等级分布', '等级一览', '客户细分与建议行动', '数字的计算规则']],
  ])('writes the nine slides in %s, titles in order', async (locale, titles) => {
    const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, locale)));
    expect(deck.slides).toHaveLength(9);
    deck.slides.forEach((slide, i) => expect(slide.text).toContain(titles[i]));
  });

  it('puts the computed takeaways on their slides, in both languages', async () => {
    const en = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'en')));
    const zh = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'zh-CN')));
    expect(en.slides[2]?.text).toContain('Gold customers are 9% of customers and bring 41% of revenue.');
    expect(zh.slides[2]?.text).toContain('金卡客户占 9% 的客户，贡献 41% 的收入。');
    expect(en.slides[4]?.text).toContain('360 customers (38% of buying customers) are at risk or churned; they brought 23% of revenue.');
    expect(zh.slides[4]?.text).toContain('他们贡献了 23% 的收入');
    expect(zh.slides[5]?.text).toContain('张伟负责 36% 的收入（320 位客户）。');
    expect(en.slides[7]?.text).toContain('Keep them close: VIP service');
    expect(zh.slides[7]?.text).toContain('重点维护：VIP 服务');
    // The Chinese deck carries no English slide text (the source name and tier keys aside).
    for (const slide of zh.slides) expect(slide.text).not.toMatch(/Revenue|Customers|segment|Tier/);
  });

  it('title slide names the source and the as-of date; the rules slide the thresholds and breakpoints', async () => {
    const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'en', { sourceName: '客户清单 2024.xlsx' })));
    expect(deck.slides[0]?.text).toContain('Source: 客户清单 2024.xlsx');
    expect(deck.slides[0]?.text).toContain('As of 2024-07-01');
    const rules = deck.slides[8]?.text ?? '';
    for (const fragment of ['As-of date: 2024-07-01', 'Gold: R+F+M ≥ 13', 'Silver: R+F+M ≥ 10', 'New: first purchase within 90 days', 'high when ≥ 4', 'churned after 365 days', 'at risk after 180', '20/40/60/80', '120.5', '1,251', '4,800']) {
      expect(rules).toContain(fragment);
    }
  });

  it('cuts a very long source name in the footer and on the cover instead of letting it spill', async () => {
    const long = `${'客户清单'.repeat(30)}.xlsx`;
    const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'zh-CN', { sourceName: long })));
    expect(deck.slides[0]?.text).toContain(`数据来源：${'客户清单'.repeat(22)}客…`);
    expect(deck.slides[1]?.text).toContain(`数据来源：${'客户清单'.repeat(14)}客户清…`);
    expect(deck.slides[1]?.text).not.toContain(long);
  });

  it('draws every chart as a native chart part, none as a picture', async () => {
    const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'en')));
    // PptxGenJS always writes the ppt/media/ folder entry; no file may be in it.
    expect(deck.files.filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toEqual([]);
    // Each chart carries its data as an embedded workbook: PowerPoint's "Edit data" works.
    expect(deck.files.filter((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f))).toHaveLength(CHART_SLIDES.length);
    const charts = deck.files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(CHART_SLIDES.length);
    deck.slides.forEach((slide, i) => {
      const chartTargets = slide.targets.filter((t) => /^ppt\/charts\/chart\d+\.xml$/.test(t));
      expect(chartTargets).toHaveLength(CHART_SLIDES.includes(i) ? 1 : 0);
      expect(slide.xml).not.toContain('<p:pic>');
      expect(slide.targets.filter((t) => /\.(png|jpe?g|gif|svg|emf)$/i.test(t))).toEqual([]);
      if (CHART_SLIDES.includes(i)) expect(slide.xml).toContain('http://schemas.openxmlformats.org/drawingml/2006/chart');
    });
  });

  it('the Pareto is a column + line combo on two value axes, columns in the tier colours', async () => {
    const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'en')));
    const target = deck.slides[2]?.targets.find((t) => t.startsWith('ppt/charts/')) ?? '';
    const chart = await deck.read(target);
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('<c:lineChart>');
    expect(chart.match(/<c:valAx>/g)).toHaveLength(2);
    // Gold, silver, regular, new by revenue; prospects (no revenue) left out.
    const fills = [...chart.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);
    expect(fills).toEqual(['FFD966', 'C9C9C9', 'E2EFDA', 'BDD7EE']);
    expect(chart).toContain('<c:v>Gold</c:v>');
    expect(chart).not.toContain('<c:v>Prospect</c:v>');
  });

  it('uses no font smaller than 12 pt, and the CJK font in the Chinese deck', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, locale)));
      const parts = [...deck.slides.map((s) => s.xml), ...(await Promise.all(deck.files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).map((f) => deck.read(f))))];
      for (const xml of parts) for (const size of fontSizes(xml)) expect(size).toBeGreaterThanOrEqual(12);
      const font = locale === 'zh-CN' ? 'Microsoft YaHei' : 'Arial';
      for (const slide of deck.slides) expect(slide.xml).toContain(`<a:ea typeface="${font}"`);
    }
  });

  it('is 16:9 (13.33 x 7.5 in)', async () => {
    const deck = await readDeck(await writeDeck(input(TYPICAL_SUMMARY, 'en')));
    expect(await deck.read('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
  });

  it('leaves out the owners slide when the data names no owner', async () => {
    const noOwners = { ...TYPICAL_SUMMARY, byOwner: [{ owner: null, customers: 1000, revenue: 1_000_000, tiers: {} }] };
    expect(deckSlides({ summary: noOwners })).not.toContain('ownerChart');
    const deck = await readDeck(await writeDeck(input(noOwners, 'en')));
    expect(deck.slides).toHaveLength(8);
    expect(deck.files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(3);
  });

  const EMPTY = makeSummary({ tiers: { prospect: { customers: 0, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 0, revenue: 0 }, silver: { customers: 0, revenue: 0 }, regular: { customers: 0, revenue: 0 } } });
  const ONLY_PROSPECTS = makeSummary({ tiers: { prospect: { customers: 4, revenue: 0 }, gold: { customers: 0, revenue: 0 }, regular: { customers: 0, revenue: 0 } }, lifecycle: { potential: { customers: 4, revenue: 0 } } });
  it.each<[string, CustomerSummary]>([
    ['no customers', EMPTY],
    ['only prospects, no revenue, no breakpoints', ONLY_PROSPECTS],
  ])('writes an honest deck for %s', async (_name, summary) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const deck = await readDeck(await writeDeck(input(summary, locale, { breakpoints: null })));
      expect(deck.slides.length).toBe(8);
      const charts = await Promise.all(deck.files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).map((f) => deck.read(f)));
      for (const text of [...deck.slides.map((s) => s.text), ...charts.map(runsText)]) expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
      expect(deck.slides[8 - 1]?.text).toContain(locale === 'en' ? 'no breakpoints' : '没有分界点');
    }
  });
});

describe('chart data', () => {
  const ctx = (summary: CustomerSummary) => makeContext(new PptxGenJS(), input(summary, 'en'));
  it('Pareto: tiers with revenue, largest first, the cumulative share ending at 100%', () => {
    const data = paretoData(ctx(TYPICAL_SUMMARY));
    expect(data.labels).toEqual(['Gold', 'Silver', 'Regular', 'New']);
    expect(data.cumulativeShare.at(-1)).toBeCloseTo(1, 12);
    expect(data.cumulativeShare[0]).toBeCloseTo(0.41, 12);
  });
  it('Pareto without revenue: customer counts, no line', () => {
    const summary = makeSummary({ tiers: { prospect: { customers: 3, revenue: 0 }, regular: { customers: 2, revenue: 0 } } });
    const data = paretoData(ctx(summary));
    expect(data.cumulativeShare).toEqual([]);
    expect(data.customers).toEqual([3, 2]);
  });
  it('owners: at most MAX_OWNER_BARS bars, the rest summed into one', () => {
    const owners = Array.from({ length: 14 }, (_, i) => ({ owner: `Rep ${i + 1}`, customers: 10, revenue: 1000 - i, tiers: { gold: 2, regular: 8 } }));
    const data = ownerChartData(ctx({ ...TYPICAL_SUMMARY, byOwner: owners }));
    expect(data.labels).toHaveLength(MAX_OWNER_BARS);
    expect(data.labels[0]).toBe('Other owners (5)'); // bottom bar (horizontal bars run bottom-up)
    expect(data.labels.at(-1)).toBe('Rep 1');
    const gold = data.series.find((s) => s.name === 'Gold');
    expect(gold?.values[0]).toBe(10);
    expect(gold?.values.reduce((a, b) => a + b, 0)).toBe(28);
  });
});
