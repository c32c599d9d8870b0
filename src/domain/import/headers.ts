/**
 * Header recognition: which source column is which field, in English and
 * Simplified Chinese, including CRM exports (Zoho, Salesforce API names,
 * 纷享销客), the UCI Online Retail set and CDNOW. Rules are data: the tables
 * below; the matcher only normalises and looks up.
 */
import type { FieldKey, InputKind } from '../types';
import { fieldLabel, ALL_FIELDS } from './fields';
import { nfkc } from './text';

export type MappingConfidence = 'exact' | 'synonym' | 'fuzzy' | 'user';

/** Synonyms per field (the field's display names count as exact). Any spelling: they are normalised at load. */
const FIELD_SYNONYMS: Readonly<Record<FieldKey, readonly string[]>> = {
  customerId: [
    'customer_id', 'Customer Id', 'CustomerID', 'Cust ID', 'Client ID', 'Account ID', 'AccountId', 'Account Number', 'Member ID',
    'Buyer ID', 'User ID', 'Contact ID', 'ID', 'Record Id', '客户ID', '客户Id', '客户编码', '客户号', '客户代码', '顾客ID', '顾客编号',
    '会员编号', '会员ID', '会员号', '会员卡号', '用户ID', '买家ID', '客户账号', '账户ID', '编号', '客户编号',
  ],
  name: [
    'Name', 'Customer Name', 'Client Name', 'Account Name', 'Company', 'Company Name', 'Full Name', 'Contact Name', '客户名称',
    '客户姓名', '客户名', '姓名', '名称', '公司名称', '企业名称', '顾客姓名', '会员姓名', '联系人', '买家昵称',
  ],
  customerType: [
    'Customer Type', 'Client Type', 'Account Type', 'Type', 'Segment Type', 'Industry Type', '客户类型', '客户类别', '客户性质',
    '类型', '客户分类',
  ],
  owner: [
    'Owner', 'Account Owner', 'OwnerId', 'Owner ID', 'Sales Rep', 'Salesperson', 'Sales Person', 'Sales Owner', 'Account Manager',
    'Assigned To', 'Rep', '负责人', '销售', '归属销售', '销售负责人', '客户负责人', '跟进人', '所属销售', '业务员', '销售员',
    '客户经理', '归属人', '所有人', '销售代表',
  ],
  phone: [
    'Phone', 'Phone Number', 'Mobile', 'Mobile Phone', 'MobilePhone', 'Cell', 'Cell Phone', 'Telephone', 'Tel', 'Contact Number',
    '手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', '联系方式', '座机', '移动电话',
  ],
  email: ['Email', 'E-mail', 'Email Address', 'Mail', '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'Email地址'],
  region: [
    'Region', 'City', 'Country', 'Province', 'State', 'Location', 'Area', 'Billing City', 'BillingCity', 'Billing Country',
    'BillingCountry', 'Mailing City', '地区', '所在城市', '城市', '省份', '所在地区', '区域', '所在地', '省市', '国家',
    '所在省份',
  ],
  // Personal data the per-rep copies mask (issue 7): full addresses are no longer a region.
  idNumber: [
    'ID Number', 'ID No', 'ID Card', 'ID Card Number', 'National ID', 'Resident ID', 'Identity Number', 'Credit Code',
    'Unified Social Credit Code', 'USCC', 'Tax ID', '身份证号', '身份证号码', '身份证', '证件号码', '证件号', '证件编号',
    '统一社会信用代码', '社会信用代码', '信用代码', '纳税人识别号', '营业执照号',
  ],
  address: [
    'Address', 'Street Address', 'Mailing Address', 'Billing Address', 'Shipping Address', 'Billing Street', 'Mailing Street',
    'Full Address', '地址', '详细地址', '收货地址', '联系地址', '通讯地址', '家庭住址', '住址', '办公地址', '公司地址', '注册地址',
  ],
  firstPurchase: [
    'First Purchase', 'First Purchase Date', 'First Order Date', 'First Order', 'Customer Since', 'First Buy Date', '首次购买日期',
    '首次购买时间', '首购日期', '首次下单时间', '首次下单日期', '首单日期', '首单时间', '第一次购买日期', '首次消费时间', '首次消费日期',
    '首次成交日期', '首次成交时间',
  ],
  lastPurchase: [
    'Last Purchase', 'Last Purchase Date', 'Last Order Date', 'Last Order', 'Most Recent Order', 'Latest Order Date', 'Recent Purchase',
    'Last Buy Date', 'Last Transaction Date', '最近购买日期', '最近购买时间', '最后下单时间', '最后下单日期', '最近消费时间',
    '最近消费日期', '最后购买日期', '最后购买时间', '最近一次购买日期', '最近一次购买时间', '最近一次消费时间', '最近下单时间',
    '最近下单日期', '最近成交日期', '最近成交时间', '最后成交日期', '最后交易日期', '最近交易日期', '末次购买日期',
  ],
  orderCount: [
    'Orders', 'Order Count', 'Number of Orders', 'Total Orders', 'Orders Count', 'Purchase Count', 'Purchases', 'No. of Orders',
    'Frequency', 'Transactions', 'Transaction Count', '订单数', '订单数量', '订单次数', '购买次数', '消费次数', '下单次数', '成交次数',
    '交易次数', '累计订单数', '累计购买次数', '累计消费次数', '总订单数', '购买频次',
  ],
  totalSpend: [
    'Total Spend', 'Total Spent', 'Spend', 'Total Sales', 'Lifetime Value', 'Total Revenue', 'Revenue', 'Monetary', 'Total Purchases',
    'Total Purchase Amount', 'Spent', '消费总额', '累计金额', '累计消费', '累计消费金额', '消费金额合计', '总消费', '总消费金额',
    '消费总金额', '累计成交金额', '成交总额', '总成交金额', '购买总额', '累计购买金额', '销售总额',
  ],
  lastContact: [
    'Last Contact', 'Last Contact Date', 'Last Contacted', 'LastActivityDate', 'Last Activity Date', 'Last Activity Time',
    'Last Follow-up', '最近联系日期', '最近联系时间', '最后联系时间', '最后联系日期', '最近跟进时间', '最后跟进时间', '最近跟进日期',
    '最后跟进日期', '最后活动时间',
  ],
  satisfaction: ['Satisfaction', 'CSAT', 'Satisfaction Score', 'Rating', '满意度', '满意度评分', '客户满意度', '评分'],
  consent: [
    'Consent', 'Marketing Consent', 'Opt In', 'Opt-In', 'Email Opt In', 'HasOptedOutOfEmail', 'Subscribed', 'Accepts Marketing',
    '是否同意营销', '营销许可', '同意营销', '营销同意', '是否接受营销', '接受营销', '是否订阅',
  ],
  tierOverride: [
    'Tier', 'Tier Override', 'Manual Tier', 'Customer Level', 'Level', 'Grade', 'Customer Grade', 'Rank', '客户等级', '手动等级',
    '客户级别', '等级', '会员等级', '级别', '手动分级', '客户分级',
  ],
  notes: ['Notes', 'Note', 'Remarks', 'Remark', 'Comments', 'Comment', 'Memo', '备注', '说明', '备注信息', '描述'],
  orderId: [
    'Order ID', 'OrderId', 'Order No', 'Order Number', 'OrderNumber', 'Invoice', 'InvoiceNo', 'Invoice No', 'Invoice Number',
    'Transaction ID', 'Receipt No', '订单号', '订单编号', '订单ID', '单号', '交易单号', '交易编号', '流水号', '发票号', '销售单号',
    '订单编码',
  ],
  orderDate: [
    'Order Date', 'OrderDate', 'InvoiceDate', 'Invoice Date', 'Purchase Date', 'Transaction Date', 'EffectiveDate', 'Effective Date',
    'CloseDate', 'Close Date', 'Sale Date', 'Order Time', '下单时间', '下单日期', '购买日期',
    '购买时间', '交易日期', '交易时间', '订单日期', '订单时间', '成交日期', '成交时间', '消费日期', '消费时间', '付款时间',
    '支付时间', '销售日期',
  ],
  quantity: ['Quantity', 'Qty', 'Units', 'number_of_cds', 'Number of Items', 'Items', '数量', '购买数量', '件数', '商品数量', '销量', '销售数量'],
  unitPrice: ['Unit Price', 'UnitPrice', 'Price', 'Unit Cost', 'Sale Price', 'ListPrice', '单价', '价格', '销售单价', '商品单价', '售价'],
  amount: [
    'Line Total', 'Line Amount', 'dollar_value', 'Order Total', 'Order Amount', 'Subtotal', 'Paid Amount', 'Net Amount', '实付金额',
    '订单金额', '支付金额', '实收金额', '成交金额', '交易金额', '付款金额', '应付金额', '小计', '实付款',
  ],
};

/**
 * Headers whose field depends on the input kind: in a customer list `金额`
 * is the total spend, in an order log the line amount. `null` = not used
 * by that kind (the column is carried).
 */
const KIND_DEPENDENT: readonly { readonly header: string; readonly customers: FieldKey | null; readonly transactions: FieldKey | null }[] = [
  { header: 'Amount', customers: 'totalSpend', transactions: 'amount' },
  { header: 'TotalAmount', customers: 'totalSpend', transactions: 'amount' },
  { header: 'Total Amount', customers: 'totalSpend', transactions: 'amount' },
  { header: 'Total Price', customers: 'totalSpend', transactions: 'amount' },
  { header: 'Total', customers: 'totalSpend', transactions: 'amount' },
  { header: 'Sales', customers: 'totalSpend', transactions: 'amount' },
  { header: 'Value', customers: 'totalSpend', transactions: 'amount' },
  { header: '金额', customers: 'totalSpend', transactions: 'amount' },
  { header: '总价', customers: 'totalSpend', transactions: 'amount' },
  { header: '总金额', customers: 'totalSpend', transactions: 'amount' },
  { header: '消费金额', customers: 'totalSpend', transactions: 'amount' },
  { header: '销售额', customers: 'totalSpend', transactions: 'amount' },
  { header: '合计', customers: 'totalSpend', transactions: 'amount' },
  // Record creation times: an order's date in an order export, nothing to grade in a customer list.
  { header: 'CreatedDate', customers: null, transactions: 'orderDate' },
  { header: 'Created Time', customers: null, transactions: 'orderDate' },
  { header: 'Created Date', customers: null, transactions: 'orderDate' },
  { header: '创建时间', customers: null, transactions: 'orderDate' },
  { header: '创建日期', customers: null, transactions: 'orderDate' },
  { header: 'Date', customers: null, transactions: 'orderDate' },
  { header: '日期', customers: null, transactions: 'orderDate' },
  { header: '时间', customers: null, transactions: 'orderDate' },
];

/** Trailing units in brackets: `(元)`, `（元）`, `(¥)`, `[USD]`, `【人民币】`. */
const TRAILING_BRACKETS = /\s*[([【][^()[\]【】]*[)\]】]\s*$/;
/** Separators ignored when comparing headers: spaces, `_`, `-`, `.`, `:`, `/`, `#`, `*` (required-field marks). */
const SEPARATORS = /[\s_\-.:/#*]+/g;

/**
 * The comparison key of a header: NFKC (full-width -> half-width), trailing
 * bracketed units removed, lower case, separators removed.
 */
export function normalizeHeader(header: string): string {
  let text = nfkc(header).trim();
  for (let i = 0; i < 3; i++) {
    const stripped = text.replace(TRAILING_BRACKETS, '');
    if (stripped === text || stripped.trim() === '') break;
    text = stripped;
  }
  return text.toLowerCase().replace(SEPARATORS, '');
}

interface TableEntry {
  readonly field: FieldKey;
  readonly confidence: 'exact' | 'synonym';
}

const KIND_LOOKUP: ReadonlyMap<string, (typeof KIND_DEPENDENT)[number]> = new Map(KIND_DEPENDENT.map((e) => [normalizeHeader(e.header), e]));

/**
 * normalised header -> field, built once. Exact entries (display names, field
 * keys) win over synonyms; kind-dependent headers (`金额`, `Amount`) are left
 * to KIND_LOOKUP even when they are a display name.
 */
const LOOKUP: ReadonlyMap<string, TableEntry> = (() => {
  const map = new Map<string, TableEntry>();
  for (const field of ALL_FIELDS) {
    const label = fieldLabel(field);
    for (const exact of [field, label.en, label.zh]) {
      const key = normalizeHeader(exact);
      if (!KIND_LOOKUP.has(key)) map.set(key, { field, confidence: 'exact' });
    }
  }
  for (const field of ALL_FIELDS) {
    for (const synonym of FIELD_SYNONYMS[field]) {
      const key = normalizeHeader(synonym);
      if (!map.has(key) && !KIND_LOOKUP.has(key)) map.set(key, { field, confidence: 'synonym' });
    }
  }
  return map;
})();

/** Synonyms usable for substring (fuzzy) matching, longest first; short Latin words are left out (`id` is in `paid`). */
const FUZZY_KEYS: readonly (readonly [string, FieldKey])[] = [...LOOKUP.entries()]
  .filter(([key]) => (/[\u0080-\uFFFF]/.test(key) ? key.length >= 2 : key.length >= 5))
  .map(([key, entry]) => [key, entry.field] as const)
  .sort((a, b) => b[0].length - a[0].length);

const PURCHASE_DATE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['orderDate', 'firstPurchase', 'lastPurchase']);
const LATEST_WORDS = /最近|最后|末次|last|latest|recent/;
const FIRST_WORDS = /首次|第一次|首单|首购|first/;

/** `最近一次下单时间` contains `下单时间` (order date) but means the last purchase: the qualifier decides. */
function refineDateField(key: string, field: FieldKey): FieldKey {
  if (!PURCHASE_DATE_FIELDS.has(field)) return field;
  if (LATEST_WORDS.test(key)) return 'lastPurchase';
  if (FIRST_WORDS.test(key)) return 'firstPurchase';
  return field;
}

export interface HeaderMatch {
  readonly field: FieldKey;
  readonly confidence: 'exact' | 'synonym' | 'fuzzy';
  /** True for a kind-dependent header (`金额`, `Date`): a column naming the field outright wins over it. */
  readonly generic?: boolean;
}

/**
 * The field a header names regardless of input kind, or null. Kind-dependent
 * headers (`金额`, `Amount`, `Date`) return null here; see `matchHeaderForKind`.
 */
export function matchHeader(header: string): HeaderMatch | null {
  const key = normalizeHeader(header);
  if (key === '') return null;
  const hit = LOOKUP.get(key);
  if (hit) return hit;
  if (KIND_LOOKUP.has(key)) return null;
  for (const [synonym, field] of FUZZY_KEYS) {
    if (key.includes(synonym)) return { field: refineDateField(key, field), confidence: 'fuzzy' };
  }
  return null;
}

/** A kind-dependent header's field for a kind (`金额` -> totalSpend or amount), or null. */
export function matchKindDependentHeader(header: string, kind: InputKind): HeaderMatch | null {
  const entry = KIND_LOOKUP.get(normalizeHeader(header));
  if (!entry) return null;
  const field = entry[kind];
  return field === null ? null : { field, confidence: 'synonym', generic: true };
}

/** True when a header is known at all (any field, any kind): used to find the header row. */
export function isKnownHeader(header: string): boolean {
  const key = normalizeHeader(header);
  return key !== '' && (LOOKUP.has(key) || KIND_LOOKUP.has(key));
}
