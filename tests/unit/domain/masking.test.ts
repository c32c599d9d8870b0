import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { WHOLE_MASK, maskAddress, maskEmail, maskIdNumber, maskName, maskPhone, maskValue } from '../../../src/domain/masking';

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['138-1234-1234', '138****1234'],
    ['+86 138 1234 1234', '+86 138****1234'],
    ['+86-138-1234-1234', '+86 138****1234'],
    ['0086 13812341234', '0086 138****1234'],
    ['8613812341234', '86 138****1234'],
    ['（138）1234-1234', '138****1234'], // full-width brackets
    ['１３８１２３４１２３４', '138****1234'], // full-width digits
    ['010-12345678', '010-****5678'],
    ['(010) 1234 5678', '010-****5678'],
    ['021-87654321', '021-****4321'],
    ['0755-88881234', '0755-****1234'],
    ['0755-8888123', '0755-****8123'], // 7-digit local number
    ['0755-88881234 转 801', '0755-****1234'], // the extension is dropped
    ['+86 10 12345678', '+86 10-****5678'],
    ['+1 415 555 2671', '****2671'],
    ['95588123', '****8123'],
  ])('%s -> %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it.each([['not a phone'], ['zhang@example.com'], ['12345'], ['北京市朝阳区'], ['1381234abcd'], [''], ['+86']])('%s is not a phone: masked whole', (input) => {
    expect(maskPhone(input)).toBe(WHOLE_MASK);
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhang@example.com', 'z***@example.com'],
    ['zhang.san+crm@mail.example.com.cn', 'z***@mail.example.com.cn'],
    [' Z@example.com ', 'Z***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
  ])('%s -> %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
  it.each([['zhang'], ['zhang@localhost'], ['a b@example.com'], ['13812341234'], ['@example.com']])('%s is not an email: masked whole', (input) => {
    expect(maskEmail(input)).toBe(WHOLE_MASK);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '1101**********002X'],
    ['11010519491231002x', '1101**********002X'],
    ['110105 19491231 002X', '1101**********002X'],
    ['440301199001011234', '4403**********1234'],
    ['110105491231002', '1101********002'], // 15-digit ID
    ['91110000600037341L', '9111**********341L'], // Unified Social Credit Code
    ['91350100M000100Y43', '9135**********0Y43'],
  ])('%s -> %s', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
  it.each([
    ['11010519491331002X'], // month 13
    ['1101051949123100'], // 16 digits
    ['13812341234'], // a phone in the ID column
    ['zhang@example.com'],
    ['91110000I00037341L'], // I is not in the credit-code alphabet
    ['张三'],
  ])('%s is not an ID: masked whole', (input) => {
    expect(maskIdNumber(input)).toBe(WHOLE_MASK);
  });
});

describe('maskAddress', () => {
  it.each([
    ['北京市朝阳区建国路88号', '北京市'],
    ['北京朝阳区建国路88号', '北京'],
    ['上海市浦东新区世纪大道100号', '上海市'],
    ['重庆市渝中区解放碑1号', '重庆市'],
    ['广东省深圳市南山区科技园南区8栋', '广东省深圳市'],
    ['浙江省杭州市西湖区文三路90号', '浙江省杭州市'],
    ['贵州省贵阳市云岩区中华北路1号', '贵州省贵阳市'],
    ['广州天河区体育西路1号', '广州'],
    ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市新华路2号', '新疆维吾尔自治区伊犁哈萨克自治州'],
    ['内蒙古自治区锡林郭勒盟锡林浩特市', '内蒙古自治区锡林郭勒盟'],
    ['西藏自治区阿里地区噶尔县', '西藏自治区阿里地区'],
    ['湖北省恩施州恩施市舞阳大街', '湖北省恩施州'],
    ['广东省 深圳市 南山区', '广东省深圳市'],
    ['221B Baker Street, London NW1 6XE, UK', 'London, UK'],
    ['1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA', 'Mountain View, CA, USA'],
    ['Flat 2, 10 Downing Street, London SW1A 2AA', 'London'],
    ['Acme Building, Springfield, IL', 'Springfield, IL'],
  ])('%s -> %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });
  it.each([['建国路88号'], ['13812341234'], ['zhang@example.com'], ['12 Main Street'], ['Main Street 12'], ['1 Road, 2 Lane']])(
    '%s has no city: masked whole',
    (input) => {
      expect(maskAddress(input)).toBe(WHOLE_MASK);
    },
  );
});

describe('maskName', () => {
  it.each([
    ['张三', '张**'],
    ['欧阳娜娜', '欧**'],
    ['Jane Smith', 'J***'],
    ['北京某某科技有限公司', '北**'],
  ])('%s -> %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
  it.each([['13812341234'], ['zhang@example.com'], ['Room 101']])('%s is not a name: masked whole', (input) => {
    expect(maskName(input)).toBe(WHOLE_MASK);
  });
});

describe('maskValue', () => {
  it('empty stays empty; numbers are read as digits; booleans and unsafe numbers are masked whole', () => {
    expect(maskValue('phone', null)).toBeNull();
    expect(maskValue('phone', '  ')).toBeNull();
    expect(maskValue('phone', 13812341234)).toBe('138****1234');
    expect(maskValue('idNumber', 110105491231002)).toBe('1101********002');
    expect(maskValue('idNumber', 110105194912310020)).toBe(WHOLE_MASK); // above 2^53: the digits are not trustworthy
    expect(maskValue('email', true)).toBe(WHOLE_MASK);
  });
});

// ---------------------------------------------------------------- properties

const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (n: number): fc.Arbitrary<string> => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom('', ' ', '-');

describe('properties: hidden characters never reach the mask', () => {
  it('mobiles: changing the four hidden digits never changes the mask, and they never appear in it unless visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '8', '9'), digits(2), digits(4), digits(4), digits(4), fc.constantFrom('', '+86 ', '0086'), separator, (second, rest, hidden, otherHidden, last, prefix, sep) => {
        const head = `1${second}${rest.slice(0, 1)}`;
        const a = `${prefix}${head}${sep}${hidden}${sep}${last}`;
        const b = `${prefix}${head}${sep}${otherHidden}${sep}${last}`;
        const masked = maskPhone(a);
        expect(masked).toBe(maskPhone(b));
        expect(masked.endsWith(`${head}****${last}`)).toBe(true);
        if (!`${head}${last}`.includes(hidden) && !prefix.includes(hidden)) expect(masked).not.toContain(hidden);
      }),
    );
  });

  it('resident IDs: the ten hidden characters (birth date included) never change the mask', () => {
    fc.assert(
      fc.property(digits(4), digits(2), fc.integer({ min: 1950, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1950, max: 2020 }), digits(3), fc.constantFrom('X', '0', '7'), (area, area2, year, month, day, otherYear, seq, check) => {
        const mmdd = `${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
        const a = `${area}${area2}${year}${mmdd}${seq}${check}`;
        const b = `${area}${area2}${otherYear}${mmdd}${seq}${check}`;
        const masked = maskIdNumber(a);
        expect(masked).toBe(maskIdNumber(b));
        expect(masked).toBe(`${area}**********${seq}${check}`);
        expect(masked).not.toContain(String(year).slice(2) + mmdd);
      }),
    );
  });

  it('any text: the mask shows no run of five or more digits of the input, in every field', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[\d +()-]{0,24}$/), fc.stringMatching(/^[0-9X]{14,19}$/));
    fc.assert(
      fc.property(anyText, fc.constantFrom('name', 'phone', 'email', 'idNumber', 'address') as fc.Arbitrary<'name' | 'phone' | 'email' | 'idNumber' | 'address'>, (text, field) => {
        const masked = maskValue(field, text);
        if (masked === null) return;
        const inputDigits = text.normalize('NFKC').replace(/\D/g, '');
        for (const run of masked.match(/\d{5,}/g) ?? []) expect(inputDigits.includes(run)).toBe(false);
      }),
    );
  });

  it('values that are not what the column claims all mask to the same fixed text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(maskPhone(word)).toBe(WHOLE_MASK);
        expect(maskIdNumber(word)).toBe(WHOLE_MASK);
        expect(maskEmail(word)).toBe(WHOLE_MASK);
      }),
    );
  });
});
