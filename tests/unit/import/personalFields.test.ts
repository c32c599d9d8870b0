import { describe, expect, it } from '@jest/globals';
import { analyzeGrid, readRecords } from '../../../src/domain/import';

const mappingOf = (headers: string[]): Record<string, string> =>
  Object.fromEntries(analyzeGrid([headers, headers.map(() => 'x')]).mapping.map((m) => [m.field, m.header]));

describe('personal-data fields (issue 7): ID number and address', () => {
  it.each([
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['统一社会信用代码', 'idNumber'],
    ['ID Number', 'idNumber'],
    ['National ID', 'idNumber'],
    ['地址', 'address'],
    ['详细地址', 'address'],
    ['收货地址', 'address'],
    ['Address', 'address'],
    ['Mailing Address', 'address'],
    ['城市', 'region'],
    ['地区', 'region'],
  ])('%s -> %s', (header, field) => {
    expect(mappingOf(['客户编号', '最近购买日期', '订单数', '消费总额', header])[field]).toBe(header);
  });

  it('an 18-digit ID stays text, with its X; one stored as a long number is reported', () => {
    const result = readRecords([
      ['客户编号', '最近购买日期', '订单数', '消费总额', '身份证号', '地址'],
      ['C1', '2024-01-01', '1', '10', '11010519491231002X', '北京市朝阳区建国路88号'],
      ['C2', '2024-01-01', '1', '10', 110105194912310020, '上海市'],
    ]);
    if (result.kind !== 'customers') throw new Error('expected a customer list');
    expect(result.records[0]?.profile.idNumber).toBe('11010519491231002X');
    expect(result.records[0]?.profile.address).toBe('北京市朝阳区建国路88号');
    expect(result.report.issues.map((i) => [i.code, i.row, i.column])).toContainEqual(['id-precision-lost', 3, '身份证号']);
  });
});
