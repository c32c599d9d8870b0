/**
 * LibreOffice parity on a joined workbook (an order log graded into a
 * customer archive, gradeJoined): the .xlsx recalculated by LibreOffice gives
 * what the TypeScript core computed on every computed column of every row,
 * and the archive's columns (owner, phone, region, ...) read back exactly.
 * Two datasets: the committed GBK archive + UTF-8 log, and a generated one
 * with prospects from the archive and customers only in the orders.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { readInputFile } from '../../../src/io/readFile';
import { dayFromYmd, formatIsoDay, type DayNumber } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS, LIFECYCLE_LABELS } from '../../../src/domain/settings';
import type { RawCell, RawGrid } from '../../../src/domain/types';
import { pick } from '../../../src/i18n/locale';
import type { Locale } from '../../../src/i18n/locale';
import type { PlanValue } from '../../../src/plan/types';
import { gradeJoined, type GradeJoinedOutput } from '../../../src/pipeline/gradeJoined';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { recalcManyToCsv } from '../../support/libreoffice';
import { mulberry32 } from '../../fixtures/parity/datasets';

const TODAY = dayFromYmd(2025, 1, 1);
const ENGINES = ['exceljs', 'streaming'] as const;
const SETTINGS = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed' as const, day: dayFromYmd(2024, 7, 1) } };

interface Built {
  readonly name: string;
  readonly locale: Locale;
  readonly output: GradeJoinedOutput;
  readonly path: string;
}
const built = new Map<string, Built>();
let sheetsByPath: Map<string, Record<string, string[][]>>;
let workDir: string;

/** A generated archive (Chinese headers, title row) and a log over 80% of it plus customers the archive lacks. */
function generated(customers: number, lines: number): { archive: RawGrid; orders: RawGrid } {
  const random = mulberry32(11);
  const owners = ['王芳', '李强', '赵敏', '', '陈静'];
  const regions = ['华东', '华北', '华南', '西南'];
  const archive: RawCell[][] = [['客户档案', '', '', '', '', ''], ['客户编号', '客户名称', '负责人', '电话', '地区', '满意度']];
  for (let i = 0; i < customers; i++) {
    archive.push([`K${String(i).padStart(5, '0')}`, `客户${i}`, owners[i % owners.length]!, `139${String(10_000_000 + i)}`, regions[i % regions.length]!, i % 7 === 0 ? '' : String(1 + (i % 5))]);
  }
  const orders: RawCell[][] = [['CustomerID', 'InvoiceDate', 'Amount']];
  const start = dayFromYmd(2022, 1, 1);
  for (let i = 0; i < lines; i++) {
    const orphan = random() < 0.05;
    const customer = orphan ? `X${Math.floor(random() * 40)}` : `K${String(Math.floor(Math.pow(random(), 1.4) * customers * 0.8)).padStart(5, '0')}`;
    const day = start + Math.floor(random() * 900);
    const amount = Math.round((random() < 0.03 ? -1 : 1) * (5 + random() * 800) * 100) / 100;
    orders.push([customer, formatIsoDay(day as DayNumber), String(amount)]);
  }
  return { archive, orders };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tierwise-join-parity-'));
  const fixtures = path.resolve(__dirname, '../../fixtures/join');
  const archiveFile = await readInputFile(new Uint8Array(await readFile(join(fixtures, 'archive-gbk.csv'))), 'archive-gbk.csv');
  const ordersFile = await readInputFile(new Uint8Array(await readFile(join(fixtures, 'orders-utf8.csv'))), 'orders-utf8.csv');
  const big = generated(600, 4000);
  const cases: { name: string; locale: Locale; orders: RawGrid; archive: RawGrid }[] = [
    { name: 'fixtures-zh', locale: 'zh-CN', orders: ordersFile.grid, archive: archiveFile.grid },
    { name: 'generated-en', locale: 'en', orders: big.orders, archive: big.archive },
  ];
  for (const c of cases) {
    const output = gradeJoined(c.orders, c.archive, { settings: SETTINGS, locale: c.locale, today: TODAY });
    for (const engine of ENGINES) {
      const file = join(workDir, `join-${c.name}-${engine}.xlsx`);
      await writeFile(file, await writeWorkbookXlsx(output.plan, { engine }));
      built.set(`${c.name} [${engine}]`, { name: c.name, locale: c.locale, output, path: file });
    }
  }
  sheetsByPath = await recalcManyToCsv([...built.values()].map((b) => b.path), { timeoutMs: 150_000 });
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function customerRows(b: Built): string[][] {
  const sheetName = b.output.plan.sheets.find((s) => s.key === 'customers')?.name;
  const rows = sheetName === undefined ? undefined : sheetsByPath.get(b.path)?.[sheetName];
  if (rows === undefined) throw new Error(`LibreOffice gave no Customers sheet for ${b.name}`);
  return rows;
}

function expectedComputed(b: Built, index: number): Record<string, string> {
  const c = b.output.grading.customers[index]!;
  const tier = SETTINGS.tiers.find((x) => x.key === c.tier);
  const segment = SETTINGS.segments.find((x) => x.key === c.segment);
  const num = (x: number | null): string => (x === null ? '' : String(x));
  return {
    recencyDays: num(c.recencyDays),
    r: num(c.r),
    f: num(c.f),
    m: num(c.m),
    rfmCode: c.r === null ? '' : `${c.r}${c.f}${c.m}`,
    segment: segment ? pick(segment.label, b.locale) : '',
    tier: tier ? pick(tier.label, b.locale) : c.tier,
    lifecycle: pick(LIFECYCLE_LABELS[c.lifecycle], b.locale),
  };
}

function expectedInput(value: PlanValue): string {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    case 'date':
      return formatIsoDay(value.day);
    case 'bool':
      return value.value ? 'TRUE' : 'FALSE';
    case 'formula':
      throw new Error('input cells hold no formulas');
  }
}

const names = ['fixtures-zh', 'generated-en'].flatMap((n) => ENGINES.map((e) => `${n} [${e}]`));

describe('a joined workbook recalculated by LibreOffice equals the TypeScript core', () => {
  test.each(names)('%s: every computed column of every row', (name) => {
    const b = built.get(name)!;
    const rows = customerRows(b);
    const t = b.output.plan.tables[0]!;
    expect(rows[0]).toEqual(t.columns.map((c) => c.header));
    expect(rows.length - 1).toBe(b.output.grading.customers.length);
    const computed = t.columns.map((c, index) => ({ key: c.key, index, role: c.role })).filter((c) => c.role === 'computed');
    const mismatches: string[] = [];
    b.output.grading.customers.forEach((customer, i) => {
      const expected = expectedComputed(b, i);
      for (const { key, index } of computed) {
        const actual = rows[i + 1]?.[index] ?? '';
        if (actual !== expected[key]) mismatches.push(`${customer.record.id} ${key}: LibreOffice "${actual}", core "${expected[key]}"`);
      }
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  test.each(names)('%s: the archive columns and the figures from the orders read back exactly', (name) => {
    const b = built.get(name)!;
    const rows = customerRows(b);
    const t = b.output.plan.tables[0]!;
    const mismatches: string[] = [];
    t.rows.forEach((row, i) => {
      t.columns.forEach((column, c) => {
        if (column.role === 'computed') return;
        const expected = expectedInput(row[c] ?? null);
        const actual = rows[i + 1]?.[c] ?? '';
        if (actual !== expected) mismatches.push(`row ${i + 1} ${column.header}: LibreOffice ${JSON.stringify(actual)}, written ${JSON.stringify(expected)}`);
      });
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

describe('the joined datasets probe what they claim', () => {
  test('archive prospects, orders-only customers and owners are all present', () => {
    for (const name of ['fixtures-zh', 'generated-en']) {
      const { output } = built.get(`${name} [streaming]`)!;
      expect(output.join.archiveOnly).toBeGreaterThan(0);
      expect(output.join.ordersOnly).toBeGreaterThan(0);
      expect(output.join.inBoth).toBeGreaterThan(0);
      expect(output.grading.customers.some((c) => c.tier === 'prospect' && c.record.profile.owner)).toBe(true);
      expect(new Set(output.grading.customers.map((c) => c.segment)).size).toBeGreaterThan(2);
    }
    const big = built.get('generated-en [streaming]')!.output;
    expect(new Set(big.grading.customers.map((c) => c.segment)).size).toBe(9);
  });
});
