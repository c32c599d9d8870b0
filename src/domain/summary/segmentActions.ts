/**
 * A suggested action per RFM segment (and for the customers slipping away),
 * shown on the deck's segment and lifecycle slides. Data, in both languages:
 * the user may replace any of them through `GradingSettings.segmentActions`.
 */
import type { Localized } from '../../i18n/locale';
import type { GradingSettings } from '../settings';
import type { SegmentKey } from '../types';

export const DEFAULT_SEGMENT_ACTIONS: Readonly<Record<SegmentKey, Localized>> = {
  'important-value': { en: 'Keep them close: VIP service, early access, a named contact.', zh: '重点维护：VIP 服务、新品优先体验、专人对接。' },
  'important-develop': { en: 'Recent big spenders who buy rarely: offer bundles and a reason to come back.', zh: '近期高消费但购买少：推荐组合套餐，给出再次购买的理由。' },
  'important-retain': { en: 'Loyal big spenders gone quiet: call them and find out why.', zh: '忠诚的高消费客户近期沉默：主动致电，了解原因。' },
  'important-winback': { en: 'Big spenders drifting away: a personal win-back offer, soon.', zh: '高消费客户正在流失：尽快给出个性化挽回方案。' },
  'general-value': { en: 'Frequent recent buyers who spend little: upsell to higher-value products.', zh: '近期常买但消费低：向上销售更高价值的产品。' },
  'general-develop': { en: 'New or occasional buyers: welcome series and a second-purchase coupon.', zh: '新客或偶尔购买：欢迎礼包和第二次购买优惠券。' },
  'general-retain': { en: 'Frequent but not recent: a reminder and a loyalty reward.', zh: '曾经常买但近期没买：发送提醒和会员积分奖励。' },
  'general-winback': { en: 'Low value and inactive: low-cost campaigns only, or let go.', zh: '价值低且不活跃：只做低成本触达，或不再投入。' },
};

/** What to do about the customers the lifecycle slide shows slipping away. */
export const DEFAULT_AT_RISK_ACTIONS: Readonly<Record<'at-risk' | 'churned', Localized>> = {
  'at-risk': { en: 'At risk: contact the high spenders first, this month.', zh: '流失预警：本月内优先联系高消费客户。' },
  churned: { en: 'Churned: a win-back offer for the valuable ones; stop spending on the rest.', zh: '已流失：对有价值的客户发出挽回优惠，其余停止投入。' },
};

/** The action shown for a segment: the settings' own text when given, else the default. */
export function segmentAction(settings: Pick<GradingSettings, 'segmentActions'>, key: SegmentKey): Localized {
  return settings.segmentActions?.[key] ?? DEFAULT_SEGMENT_ACTIONS[key];
}
