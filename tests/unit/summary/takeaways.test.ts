import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS, type GradingSettings } from '../../../src/domain/settings';
import { formatShare } from '../../../src/domain/summary/numberText';
import { hasOwners, importantSegmentsTakeaway, kpiTakeaway, lifecycleTakeaway, ownerTakeaway, segmentTakeaway, tierTakeaway } from '../../../src/domain/summary/takeaways';
import { DEFAULT_SEGMENT_ACTIONS, segmentAction } from '../../../src/domain/summary/segmentActions';
import type { CustomerSummary } from '../../../src/domain/summary/types';
import type { Localized } from '../../../src/i18n/locale';
import { makeSummary, TYPICAL_SUMMARY } from '../../support/summaryFixtures';

const EMPTY = makeSummary({ tiers: { prospect: { customers: 0, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 0, revenue: 0 }, silver: { customers: 0, revenue: 0 }, regular: { customers: 0, revenue: 0 } } });
const ONLY_PROSPECTS = makeSummary({ tiers: { prospect: { customers: 12, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 0, revenue: 0 }, silver: { customers: 0, revenue: 0 }, regular: { customers: 0, revenue: 0 } }, lifecycle: { potential: { customers: 12, revenue: 0 } } });
const NO_GOLD = makeSummary({
  tiers: { prospect: { customers: 5, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 0, revenue: 0 }, silver: { customers: 20, revenue: 6_000 }, regular: { customers: 30, revenue: 4_000 } },
  segments: { 'general-develop': { customers: 50, revenue: 10_000 } },
  lifecycle: { potential: { customers: 5, revenue: 0 }, active: { customers: 50, revenue: 10_000 } },
  repeatCustomers: 10,
});
const ZERO_REVENUE_SCORED = makeSummary({
  tiers: { prospect: { customers: 2, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 0, revenue: 0 }, silver: { customers: 0, revenue: 0 }, regular: { customers: 3, revenue: 0 } },
  segments: { 'general-winback': { customers: 3, revenue: 0 } },
  lifecycle: { potential: { customers: 2, revenue: 0 }, churned: { customers: 3, revenue: 0 } },
  owners: [{ owner: 'Bob', customers: 2, revenue: 0, tiers: {} }, { owner: '王芳', customers: 3, revenue: 0, tiers: {} }],
});
const ALL_GOLD = makeSummary({
  tiers: { prospect: { customers: 0, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 7, revenue: 700 }, silver: { customers: 0, revenue: 0 }, regular: { customers: 0, revenue: 0 } },
  segments: { 'important-value': { customers: 7, revenue: 700 } },
  lifecycle: { active: { customers: 7, revenue: 700 } },
  repeatCustomers: 7,
});
const ONE_GOLD_AMONG_MANY = makeSummary({
  tiers: { prospect: { customers: 0, revenue: 0 }, new: { customers: 0, revenue: 0 }, gold: { customers: 1, revenue: 10 }, silver: { customers: 0, revenue: 0 }, regular: { customers: 999, revenue: 99_990 } },
  lifecycle: { active: { customers: 1000, revenue: 100_000 } },
});

function expectHonest(text: Localized): void {
  for (const t of [text.en, text.zh]) {
    expect(t).not.toMatch(/NaN|Infinity|undefined|null/);
    expect(t.trim().length).toBeGreaterThan(5);
  }
}

describe('formatShare', () => {
  it.each([
    [null, '—'],
    [0, '0%'],
    [1, '100%'],
    [0.001, '<1%'],
    [0.999, '>99%'],
    [0.094, '9%'],
    [0.41, '41%'],
    [Number.NaN, '—'],
  ])('%p prints as %p', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});

describe('tierTakeaway', () => {
  it.each<[string, CustomerSummary, Localized]>([
    ['typical: gold share of customers and of revenue', TYPICAL_SUMMARY, { en: 'Gold customers are 9% of customers and bring 41% of revenue.', zh: '金卡客户占 9% 的客户，贡献 41% 的收入。' }],
    ['no customers', EMPTY, { en: 'There are no customers to summarise.', zh: '没有可汇总的客户。' }],
    ['only prospects: one tier holds everyone', ONLY_PROSPECTS, { en: 'All 12 customers are Prospect customers.', zh: '全部 12 位客户都是潜在客户。' }],
    ['nobody reached gold', NO_GOLD, { en: 'No customer reaches Gold yet; Silver customers bring 60% of revenue.', zh: '尚无客户达到金卡；银卡客户贡献 60% 的收入。' }],
    ['customers but no revenue', ZERO_REVENUE_SCORED, { en: 'No revenue yet: none of the 5 customers has spent more than 0.', zh: '尚无收入：5 位客户的消费额都是 0。' }],
    ['single tier', ALL_GOLD, { en: 'All 7 customers are Gold customers.', zh: '全部 7 位客户都是金卡客户。' }],
    ['a tiny share never prints as 0%', ONE_GOLD_AMONG_MANY, { en: 'Gold customers are <1% of customers and bring <1% of revenue.', zh: '金卡客户占 <1% 的客户，贡献 <1% 的收入。' }],
  ])('%s', (_name, summary, expected) => {
    const text = tierTakeaway(summary, DEFAULT_SETTINGS);
    expect(text).toEqual(expected);
    expectHonest(text);
  });

  it('does not double the customer noun of a label that already has it', () => {
    const summary = makeSummary({ tiers: { prospect: { customers: 0, revenue: 0 }, regular: { customers: 4, revenue: 40 } } });
    expect(tierTakeaway(summary, DEFAULT_SETTINGS).zh).toBe('全部 4 位客户都是普通客户。');
  });

  it('uses the tier with most revenue when no tier has a score threshold', () => {
    const settings: GradingSettings = { ...DEFAULT_SETTINGS, tiers: DEFAULT_SETTINGS.tiers.filter((t) => t.rule.kind !== 'score') };
    const summary = makeSummary({ tiers: { prospect: { customers: 5, revenue: 0 }, new: { customers: 10, revenue: 300 }, regular: { customers: 30, revenue: 700 } } });
    expect(tierTakeaway(summary, settings).en).toBe('Regular customers are 67% of customers and bring 70% of revenue.');
  });
});

describe('segmentTakeaway', () => {
  it.each<[string, CustomerSummary, Localized]>([
    ['typical', TYPICAL_SUMMARY, { en: 'Largest segment: General to win back, 32% of buying customers; Important value customers bring 38% of revenue.', zh: '最大的细分是一般挽留客户，占有购买客户的 32%；重要价值客户贡献 38% 的收入。' }],
    ['nobody bought', ONLY_PROSPECTS, { en: 'No customer has bought yet, so no segment has members.', zh: '尚无客户产生购买，因此各细分都没有客户。' }],
    ['important value is the largest', ALL_GOLD, { en: 'Largest segment: Important value, 100% of buying customers, bringing 100% of revenue.', zh: '最大的细分是重要价值客户，占有购买客户的 100%，贡献 100% 的收入。' }],
    ['no revenue: no revenue clause', ZERO_REVENUE_SCORED, { en: 'Largest segment: General to win back, 100% of buying customers.', zh: '最大的细分是一般挽留客户，占有购买客户的 100%。' }],
    ['no customers', EMPTY, { en: 'There are no customers to summarise.', zh: '没有可汇总的客户。' }],
  ])('%s', (_name, summary, expected) => {
    expect(segmentTakeaway(summary, DEFAULT_SETTINGS)).toEqual(expected);
  });
});

describe('importantSegmentsTakeaway', () => {
  it.each<[string, CustomerSummary, Localized]>([
    ['typical', TYPICAL_SUMMARY, { en: 'The important segments are 28% of buying customers and bring 71% of revenue.', zh: '重要细分占有购买客户的 28%，贡献 71% 的收入。' }],
    ['no revenue: customers only', ZERO_REVENUE_SCORED, { en: 'The important segments hold 0% of buying customers.', zh: '重要细分占有购买客户的 0%。' }],
    ['nobody bought', ONLY_PROSPECTS, { en: 'No customer has bought yet, so no segment has members.', zh: '尚无客户产生购买，因此各细分都没有客户。' }],
    ['no customers', EMPTY, { en: 'There are no customers to summarise.', zh: '没有可汇总的客户。' }],
  ])('%s', (_name, summary, expected) => {
    expect(importantSegmentsTakeaway(summary)).toEqual(expected);
  });
});

describe('lifecycleTakeaway', () => {
  it.each<[string, CustomerSummary, Localized]>([
    ['typical', TYPICAL_SUMMARY, { en: '360 customers (38% of buying customers) are at risk or churned; they brought 23% of revenue.', zh: '360 位客户（占有购买客户的 38%）处于流失预警或已流失，他们贡献了 23% 的收入。' }],
    ['nobody at risk', NO_GOLD, { en: 'No buying customer is at risk: every one bought within the last 180 days.', zh: '没有流失风险客户：所有有购买的客户都在最近 180 天内购买过。' }],
    ['nobody bought', ONLY_PROSPECTS, { en: 'No customer has bought yet: all 12 are potential.', zh: '尚无客户产生购买：12 位都是潜在客户。' }],
    ['churned but no revenue', ZERO_REVENUE_SCORED, { en: '3 customers (100% of buying customers) are at risk or churned.', zh: '3 位客户（占有购买客户的 100%）处于流失预警或已流失。' }],
  ])('%s', (_name, summary, expected) => {
    expect(lifecycleTakeaway(summary, DEFAULT_SETTINGS)).toEqual(expected);
  });
});

describe('ownerTakeaway', () => {
  it('names the owner with the most revenue', () => {
    expect(ownerTakeaway(TYPICAL_SUMMARY)).toEqual({ en: '张伟 looks after 36% of revenue (320 customers).', zh: '张伟负责 36% 的收入（320 位客户）。' });
  });
  it('falls back to the most customers when there is no revenue', () => {
    expect(ownerTakeaway(ZERO_REVENUE_SCORED)).toEqual({ en: '王芳 looks after the most customers (3); there is no revenue yet.', zh: '王芳负责的客户最多（3 位）；尚无收入。' });
  });
  it('is null (no owners slide) without any owner', () => {
    const onlyUnowned = { ...TYPICAL_SUMMARY, byOwner: [{ owner: null, customers: 1000, revenue: 1_000_000, tiers: {} }] };
    expect(hasOwners(onlyUnowned)).toBe(false);
    expect(ownerTakeaway(onlyUnowned)).toBeNull();
    expect(ownerTakeaway(EMPTY)).toBeNull();
  });
  it('names the unowned group in words when it leads', () => {
    const unownedFirst = { ...TYPICAL_SUMMARY, byOwner: [{ owner: null, customers: 900, revenue: 900_000, tiers: {} }, { owner: 'Bob', customers: 100, revenue: 100_000, tiers: {} }] };
    expect(ownerTakeaway(unownedFirst)).toEqual({ en: '(no owner) looks after 90% of revenue (900 customers).', zh: '（未分配）负责 90% 的收入（900 位客户）。' });
  });
});

describe('kpiTakeaway', () => {
  it.each<[string, CustomerSummary, Localized]>([
    ['typical', TYPICAL_SUMMARY, { en: '60% of buying customers bought more than once; 23% of revenue came from customers now at risk or churned.', zh: '60% 的有购买客户购买过不止一次；23% 的收入来自现已流失预警或已流失的客户。' }],
    ['nobody at risk', NO_GOLD, { en: '20% of buying customers bought more than once.', zh: '20% 的有购买客户购买过不止一次。' }],
    ['nobody bought', ONLY_PROSPECTS, { en: 'No customer has bought yet: every figure below counts prospects only.', zh: '尚无客户产生购买：以下数字只包含潜在客户。' }],
    ['no customers', EMPTY, { en: 'There are no customers to summarise.', zh: '没有可汇总的客户。' }],
  ])('%s', (_name, summary, expected) => {
    expect(kpiTakeaway(summary)).toEqual(expected);
  });
});

describe('segment actions', () => {
  it('has a default in both languages for every segment of the contract', () => {
    for (const segment of DEFAULT_SETTINGS.segments) {
      const action = DEFAULT_SEGMENT_ACTIONS[segment.key];
      expect(action.en.length).toBeGreaterThan(10);
      expect(action.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("uses the settings' own text when given, the default otherwise", () => {
    const settings: GradingSettings = { ...DEFAULT_SETTINGS, segmentActions: { 'important-value': { en: 'Call weekly', zh: '每周致电' } } };
    expect(segmentAction(settings, 'important-value')).toEqual({ en: 'Call weekly', zh: '每周致电' });
    expect(segmentAction(settings, 'general-winback')).toEqual(DEFAULT_SEGMENT_ACTIONS['general-winback']);
  });
});
