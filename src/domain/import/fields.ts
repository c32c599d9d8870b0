/**
 * The fields Tierwise reads, their display names, which input kind uses
 * them, and which are required (GRADING.md §1).
 */
import type { Localized } from '../../i18n/locale';
import type { FieldKey, InputKind } from '../types';

/** Display names for the mapping pane, table headers and messages. */
const FIELD_LABELS: Readonly<Record<FieldKey, Localized>> = {
  customerId: { en: 'Customer ID', zh: '客户编号' },
  name: { en: 'Customer name', zh: '客户名称' },
  customerType: { en: 'Customer type', zh: '客户类型' },
  owner: { en: 'Owner', zh: '负责人' },
  phone: { en: 'Phone', zh: '电话' },
  email: { en: 'Email', zh: '邮箱' },
  region: { en: 'Region', zh: '地区' },
  idNumber: { en: 'ID number', zh: '证件号码' },
  address: { en: 'Address', zh: '地址' },
  firstPurchase: { en: 'First purchase', zh: '首次购买日期' },
  lastPurchase: { en: 'Last purchase', zh: '最近购买日期' },
  orderCount: { en: 'Orders', zh: '订单数' },
  totalSpend: { en: 'Total spend', zh: '消费总额' },
  lastContact: { en: 'Last contact', zh: '最近联系日期' },
  satisfaction: { en: 'Satisfaction', zh: '满意度' },
  consent: { en: 'Marketing consent', zh: '营销许可' },
  tierOverride: { en: 'Manual tier', zh: '手动等级' },
  notes: { en: 'Notes', zh: '备注' },
  orderId: { en: 'Order ID', zh: '订单号' },
  orderDate: { en: 'Order date', zh: '下单时间' },
  quantity: { en: 'Quantity', zh: '数量' },
  unitPrice: { en: 'Unit price', zh: '单价' },
  amount: { en: 'Amount', zh: '金额' },
};

/** Every field, in display order. */
export const ALL_FIELDS: readonly FieldKey[] = Object.keys(FIELD_LABELS) as FieldKey[];

export function fieldLabel(field: FieldKey): Localized {
  return FIELD_LABELS[field];
}

/** Fields only a customer list uses for grading. */
export const LIST_ONLY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend']);

/** Fields only a transaction log uses. */
export const LOG_ONLY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['orderId', 'orderDate', 'quantity', 'unitPrice', 'amount']);

/** Profile fields: carried onto the customer (list rows, or log lines for aggregation). */
export const PROFILE_FIELDS: readonly FieldKey[] = [
  'name', 'customerType', 'owner', 'phone', 'email', 'region', 'idNumber', 'address', 'lastContact', 'satisfaction', 'consent', 'notes',
];

/** True when `field` means something for `kind` (the others stay unmapped and are carried). */
export function fieldUsedBy(field: FieldKey, kind: InputKind): boolean {
  return kind === 'customers' ? !LOG_ONLY_FIELDS.has(field) : !LIST_ONLY_FIELDS.has(field);
}

/**
 * Required fields. For a transaction log the amount may instead come from
 * quantity x unit price: `missingRequiredFields` knows that; this list names
 * `amount` as the representative of "amount or quantity + unit price".
 */
export function requiredFields(kind: InputKind): FieldKey[] {
  return kind === 'customers' ? ['customerId', 'lastPurchase', 'orderCount', 'totalSpend'] : ['customerId', 'orderDate', 'amount'];
}

/**
 * Required fields that are not mapped. A log with quantity and unit price but
 * no amount is complete; with only one of the two, the missing one is named
 * besides `amount`.
 */
export function missingRequiredFields(kind: InputKind, mapped: ReadonlySet<FieldKey>): FieldKey[] {
  const missing = requiredFields(kind).filter((f) => !mapped.has(f));
  if (kind === 'transactions' && !mapped.has('amount')) {
    const hasQty = mapped.has('quantity');
    const hasPrice = mapped.has('unitPrice');
    if (hasQty && hasPrice) return missing.filter((f) => f !== 'amount');
    if (hasQty) missing.push('unitPrice');
    if (hasPrice) missing.push('quantity');
  }
  return missing;
}
