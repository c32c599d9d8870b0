import { describe, expect, it } from '@jest/globals';
import type { FieldKey, RawGrid } from '../../../src/domain/types';
import { analyzeGrid, detectHeaderRow, matchHeader, normalizeHeader, requiredFields, fieldLabel, ALL_FIELDS, ImportError } from '../../../src/domain/import';

/** field -> header, for the mapped columns of a header set. */
function mappingOf(headers: string[], options: Parameters<typeof analyzeGrid>[1] = {}): Partial<Record<FieldKey, string>> {
  const analysis = analyzeGrid([headers, headers.map(() => 'x')], options);
  return Object.fromEntries(analysis.mapping.map((m) => [m.field, m.header]));
}

describe('normalizeHeader', () => {
  it.each<[string, string]>([
    ['  Customer ID ', 'customerid'],
    ['customer_id', 'customerid'],
    ['Customer-Id', 'customerid'],
    ['消费总额（元）', '消费总额'],
    ['消费总额(元)', '消费总额'],
    ['金额 (¥)', '金额'],
    ['客户　编号', '客户编号'], // full-width space
    ['ＣｕｓｔｏｍｅｒＩＤ', 'customerid'], // full-width letters
    ['Amount [USD]', 'amount'],
    ['(元)', '(元)'], // nothing but a unit: kept
  ])('%p -> %p', (header, key) => {
    expect(normalizeHeader(header)).toBe(key);
  });
});

describe('matchHeader', () => {
  it.each<[string, FieldKey, string]>([
    ['Customer ID', 'customerId', 'exact'],
    ['客户编号', 'customerId', 'exact'],
    ['客户ID', 'customerId', 'synonym'],
    ['顾客ID', 'customerId', 'synonym'],
    ['会员编号', 'customerId', 'synonym'],
    ['客户姓名', 'name', 'synonym'],
    ['归属销售', 'owner', 'synonym'],
    ['联系电话', 'phone', 'synonym'],
    ['电子邮件', 'email', 'synonym'],
    ['所在城市', 'region', 'synonym'],
    ['最后下单时间', 'lastPurchase', 'synonym'],
    ['最近消费时间', 'lastPurchase', 'synonym'],
    ['购买次数', 'orderCount', 'synonym'],
    ['累计消费', 'totalSpend', 'synonym'],
    ['营销许可', 'consent', 'exact'],
    ['是否同意营销', 'consent', 'synonym'],
    ['手动等级', 'tierOverride', 'exact'],
    ['客户等级', 'tierOverride', 'synonym'],
    ['最近联系日期', 'lastContact', 'exact'],
    ['订单编号', 'orderId', 'synonym'],
    ['交易日期', 'orderDate', 'synonym'],
    ['单价', 'unitPrice', 'exact'],
    ['实付金额', 'amount', 'synonym'],
    ['最近一次下单时间', 'lastPurchase', 'fuzzy'],
    ['首次下单时间（系统）', 'firstPurchase', 'synonym'],
    ['客户编号（系统）', 'customerId', 'exact'],
  ])('%p -> %s (%s)', (header, field, confidence) => {
    expect(matchHeader(header)).toEqual({ field, confidence });
  });

  it('leaves unknown headers and kind-dependent ones alone', () => {
    expect(matchHeader('来源渠道')).toBeNull();
    expect(matchHeader('金额')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });
});

describe('header sets from real exports', () => {
  it('Zoho CRM accounts', () => {
    expect(mappingOf(['Account Name', 'Account Owner', 'Phone', 'Email', 'Customer ID', 'Last Purchase Date', 'Number of Orders', 'Total Spend'])).toEqual({
      name: 'Account Name', owner: 'Account Owner', phone: 'Phone', email: 'Email', customerId: 'Customer ID',
      lastPurchase: 'Last Purchase Date', orderCount: 'Number of Orders', totalSpend: 'Total Spend',
    });
  });

  it('Salesforce Order API names make a transaction log', () => {
    const analysis = analyzeGrid([['AccountId', 'OrderNumber', 'EffectiveDate', 'TotalAmount', 'OwnerId'], ['001A', '00000100', '2024-03-05', '99.5', '005X']]);
    expect(analysis.kind).toBe('transactions');
    expect(Object.fromEntries(analysis.mapping.map((m) => [m.field, m.header]))).toEqual({
      customerId: 'AccountId', orderId: 'OrderNumber', orderDate: 'EffectiveDate', amount: 'TotalAmount', owner: 'OwnerId',
    });
    expect(analysis.missingRequired).toEqual([]);
  });

  it('Salesforce Opportunity: Amount and CloseDate; Name, Phone, LastActivityDate', () => {
    expect(mappingOf(['AccountId', 'Name', 'Phone', 'Email', 'CloseDate', 'Amount', 'LastActivityDate'])).toEqual({
      customerId: 'AccountId', name: 'Name', phone: 'Phone', email: 'Email', orderDate: 'CloseDate', amount: 'Amount', lastContact: 'LastActivityDate',
    });
  });

  it('Salesforce CreatedDate next to EffectiveDate: the specific order date wins, the ambiguity is reported', () => {
    const analysis = analyzeGrid([['AccountId', 'CreatedDate', 'EffectiveDate', 'TotalAmount'], ['1', '2024-01-01', '2024-01-02', '3']]);
    const orderDate = analysis.mapping.find((m) => m.field === 'orderDate');
    expect(orderDate?.header).toBe('EffectiveDate');
    expect(analysis.issues.map((i) => i.code)).toEqual(['ambiguous-mapping']);
    expect(analysis.unmapped.map((u) => u.header)).toEqual(['CreatedDate']);
  });

  it('纷享销客-style creation time and follow-up time in a customer list: carried, and no evidence for a log', () => {
    const analysis = analyzeGrid([
      ['客户编号', '客户名称', '负责人', '创建时间', '最后跟进时间', '客户级别', '最近成交日期', '成交次数', '累计成交金额'],
      ['K1', '某公司', '王五', '2023-01-01', '2024-03-01', 'A', '2024-02-01', '3', '9000'],
    ]);
    expect(analysis).toMatchObject({ kind: 'customers', kindConfidence: 'high', missingRequired: [] });
    expect(analysis.unmapped.map((u) => u.header)).toEqual(['创建时间']);
    expect(analysis.mapping.find((m) => m.field === 'lastContact')?.header).toBe('最后跟进时间');
  });

  it('UCI Online Retail', () => {
    const analysis = analyzeGrid([
      ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      ['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '6', '12/1/2010 8:26', '2.55', '17850', 'United Kingdom'],
    ]);
    expect(analysis.kind).toBe('transactions');
    expect(analysis.kindConfidence).toBe('high');
    expect(Object.fromEntries(analysis.mapping.map((m) => [m.field, m.header]))).toEqual({
      orderId: 'InvoiceNo', quantity: 'Quantity', orderDate: 'InvoiceDate', unitPrice: 'UnitPrice', customerId: 'CustomerID', region: 'Country',
    });
    expect(analysis.unmapped.map((u) => u.header)).toEqual(['StockCode', 'Description']);
    expect(analysis.missingRequired).toEqual([]);
  });

  it('CDNOW', () => {
    const analysis = analyzeGrid([['customer_id', 'date', 'number_of_cds', 'dollar_value'], ['00001', '19970101', '1', '11.77']]);
    expect(analysis.kind).toBe('transactions');
    expect(Object.fromEntries(analysis.mapping.map((m) => [m.field, m.header]))).toEqual({
      customerId: 'customer_id', orderDate: 'date', quantity: 'number_of_cds', amount: 'dollar_value',
    });
  });

  it('纷享销客-style customer export with full-width spaces and brackets', () => {
    const analysis = analyzeGrid([
      ['客户编号　', '　客户名称', '负责人', '手机', '邮箱', '地区', '客户类型', '首次购买日期', '最近购买日期', '订单数', '消费总额（元）', '满意度', '是否同意营销', '客户等级', '备注', '最近联系日期', '来源'],
      ['C001', '张三', '李四', '13800138000', 'a@b.cn', '上海', '企业', '2023-01-01', '2024-03-01', '3', '1200', '5', '是', '', '', '2024-03-02', '展会'],
    ]);
    expect(analysis.kind).toBe('customers');
    expect(analysis.mapping.map((m) => m.field)).toEqual([
      'customerId', 'name', 'owner', 'phone', 'email', 'region', 'customerType', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend',
      'satisfaction', 'consent', 'tierOverride', 'notes', 'lastContact',
    ]);
    expect(analysis.headers[0]).toBe('客户编号');
    expect(analysis.unmapped).toEqual([{ index: 16, header: '来源' }]);
  });

  it('金额 is total spend in a customer list and the line amount in a log', () => {
    expect(mappingOf(['客户ID', '最近购买日期', '订单数', '金额'])).toMatchObject({ totalSpend: '金额' });
    expect(mappingOf(['客户ID', '下单时间', '订单号', '金额'])).toMatchObject({ amount: '金额' });
    expect(mappingOf(['客户ID', '日期', '金额'])).toEqual({ customerId: '客户ID', orderDate: '日期', amount: '金额' });
  });
});

describe('mapping choices', () => {
  it('two columns for one field: the better one is used and the ambiguity reported', () => {
    const analysis = analyzeGrid([['客户编号', '客户ID', '最近购买日期', '订单数', '消费总额'], ['1', '2', '2024-01-01', '1', '1']]);
    expect(analysis.mapping.find((m) => m.field === 'customerId')).toMatchObject({ header: '客户编号', confidence: 'exact' });
    expect(analysis.issues).toHaveLength(1);
    expect(analysis.issues[0]).toMatchObject({ code: 'ambiguous-mapping', severity: 'warning', row: 1, column: '客户编号' });
    expect(analysis.issues[0]!.message.en).toContain("'客户ID'");
  });

  it('the user overrides a mapping, unmaps a field, and forces the kind', () => {
    const headers = ['客户编号', '会员号', '最近购买日期', '订单数', '消费总额', '备注'];
    const analysis = analyzeGrid([headers, headers], { mapping: { customerId: '会员号', notes: '' }, kind: 'customers' });
    expect(analysis.mapping.find((m) => m.field === 'customerId')).toMatchObject({ header: '会员号', confidence: 'user', sourceIndex: 1 });
    expect(analysis.mapping.some((m) => m.field === 'notes')).toBe(false);
    expect(analysis.unmapped.map((u) => u.header)).toEqual(['客户编号', '备注']);
    expect(analysis.issues).toEqual([]);
  });

  it('a user mapping matches headers after normalisation', () => {
    const analysis = analyzeGrid([['Cust No', 'last purchase', 'orders', 'spend'], ['1', '2024-01-01', '1', '1']], { mapping: { customerId: 'cust_no' } });
    expect(analysis.mapping.find((m) => m.field === 'customerId')?.header).toBe('Cust No');
  });

  it('a user mapping naming a missing column is a typed error', () => {
    expect(() => analyzeGrid([['a', 'b'], ['1', '2']], { mapping: { customerId: 'nope' } })).toThrow(ImportError);
    try {
      analyzeGrid([['a', 'b'], ['1', '2']], { mapping: { customerId: 'nope' } });
    } catch (error) {
      expect(error).toMatchObject({ code: 'mapping-header-not-found' });
      expect((error as ImportError).userMessage.zh).toContain('nope');
    }
  });

  it('log-only fields in a customer list are carried, not mapped', () => {
    const analysis = analyzeGrid([['客户编号', '最近购买日期', '订单数', '消费总额', '订单号'], ['1', '2024-01-01', '1', '1', 'A1']]);
    expect(analysis.kind).toBe('customers');
    expect(analysis.unmapped.map((u) => u.header)).toEqual(['订单号']);
  });

  it('missing required fields are listed per kind; quantity x unit price completes a log', () => {
    expect(analyzeGrid([['客户编号', '订单数'], ['1', '1']]).missingRequired).toEqual(['lastPurchase', 'totalSpend']);
    expect(analyzeGrid([['客户编号', '下单时间', '数量'], ['1', '2024-01-01', '1']]).missingRequired).toEqual(['amount', 'unitPrice']);
    expect(analyzeGrid([['客户编号', '下单时间', '数量', '单价'], ['1', '2024-01-01', '1', '2']]).missingRequired).toEqual([]);
    expect(requiredFields('customers')).toEqual(['customerId', 'lastPurchase', 'orderCount', 'totalSpend']);
    expect(requiredFields('transactions')).toEqual(['customerId', 'orderDate', 'amount']);
  });

  it('every field has an English and a Chinese label', () => {
    for (const field of ALL_FIELDS) {
      expect(fieldLabel(field).en).toMatch(/[A-Za-z]/);
      expect(fieldLabel(field).zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('detectHeaderRow', () => {
  it.each<[string, RawGrid, number]>([
    ['header in row 1', [['客户编号', '订单数'], ['1', '2']], 0],
    ['title, blank row, header in row 3', [['2024 年客户名单'], [], ['客户编号', '客户名称', '订单数'], ['1', 'a', '2']], 2],
    ['title repeated across a merged range', [['Customers', 'Customers', 'Customers'], ['Exported 2024-03-05'], ['Customer ID', 'Name', 'Orders'], ['1', 'a', '2']], 2],
    ['unknown headers still beat numeric rows', [['foo', 'bar'], ['1', '2'], ['3', '4']], 0],
    ['blank rows first', [[], ['', '  '], ['Customer ID', 'Orders'], ['1', '2']], 2],
    ['all blank', [[], ['']], -1],
    ['numbers only (no header)', [['1', '2'], ['3', '4']], -1],
  ])('%s', (_name, grid, expected) => {
    expect(detectHeaderRow(grid)).toBe(expected);
  });
});
