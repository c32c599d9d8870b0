/**
 * The command line through its real entry point (bin/tierwise.cjs), as a user
 * runs it: files in, workbook and report out, exit codes and messages.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { installCalculatedColumnSupport } from '../../../src/renderers/xlsx/calculatedColumns';

// Each test starts Node and tsx afresh; on a loaded 2-core machine that alone takes seconds.
jest.setTimeout(120_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const CUSTOMERS_ZH = [
  '客户档案（2024 年）,,,,,',
  ',,,,,',
  '客户编号,客户名称,最近购买日期,订单数,消费总额,备注',
  '000123,上海星河贸易,2024-06-01,12,"￥58,000.00元",老客户',
  '000124,"=HYPERLINK(""http://x"",""y"")",2024/5/3,3,1.2万,',
  '000125,北京远图,2023年11月20日,1,980,',
  '000126,潜在客户甲,,0,0,',
  '000127,广州新锐,2024-06-20,5,"(1,234)",退款多',
].join('\r\n');

describe('tierwise grade', () => {
  it('grades a Chinese customer list into a workbook and the §8 report with its §9 summary', async () => {
    writeFileSync(path.join(dir, 'customers.csv'), `\uFEFF${CUSTOMERS_ZH}`);
    const result = await run(['grade', 'customers.csv', '--out', 'graded.xlsx', '--report', 'report.json', '--as-of', '2024-07-01', '--lang', 'zh-CN', '--no-predict']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已分级 5 位客户');
    expect(result.stdout).toContain(path.join(dir, 'graded.xlsx'));

    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['asOf', 'breakpoints', 'import', 'customers', 'summary', 'quality', 'history']);
    expect(report.asOf).toBe('2024-07-01');
    // 58,000 + 12,000 + 980 + 0 + 0 over 5 customers, one a prospect; no owner column: one null owner.
    expect(report.summary).toMatchObject({ customers: 5, scored: 4, prospects: 1, revenue: 70980 });
    expect(report.summary.byTier.map((g: { key: string }) => g.key)).toEqual(['prospect', 'new', 'gold', 'silver', 'regular']);
    expect(report.summary.byOwner).toEqual([{ owner: null, customers: 5, revenue: 70980, tiers: expect.any(Object) }]);
    expect(Object.keys(report.breakpoints)).toEqual(['recency', 'frequency', 'monetary']);
    expect(report.import.rowsRead).toBe(5);
    expect(report.import.rowsSkipped).toBe(0);
    const ids = report.customers.map((c: { id: string }) => c.id);
    expect(ids).toEqual(['000123', '000124', '000125', '000126', '000127']);
    const byId = Object.fromEntries(report.customers.map((c: { id: string }) => [c.id, c]));
    expect(byId['000123']).toMatchObject({ recencyDays: 30, frequency: 12, monetary: 58000 });
    expect(byId['000124']).toMatchObject({ monetary: 12000 });
    expect(byId['000126']).toMatchObject({ frequency: 0, r: null, f: null, m: null, segment: null, tier: 'prospect', lifecycle: 'potential' });
    // (1,234) is a negative spend: it counts as 0 and is reported.
    expect(byId['000127']).toMatchObject({ monetary: 0 });
    const codes = report.import.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['negative-spend', 'formula-like-text']));
    for (const c of report.customers) {
      expect(Object.keys(c)).toEqual(['id', 'recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'segment', 'tier', 'lifecycle']);
    }

    installCalculatedColumnSupport(); // plain exceljs 4.4 cannot read tables with calculated columns
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'graded.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['客户档案', '设置']));
    // The formula-like name is stored as text, never as a formula.
    const sheet = wb.getWorksheet('客户档案');
    let found = false;
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '=HYPERLINK("http://x","y")') found = true;
        expect(cell.formula ?? '').not.toContain('HYPERLINK');
      }),
    );
    expect(found).toBe(true);
  });

  it('reads a GBK order log without a BOM and aggregates it', async () => {
    const log = ['订单号,下单时间,客户编号,数量,单价', 'A1,2024-01-05 10:00,K1,2,50', 'A1,2024-01-05 10:00,K1,1,20', 'A2,2024-03-01,K1,-1,50', 'A3,2024-02-01,K2,1,300'].join('\n');
    writeFileSync(path.join(dir, 'orders.csv'), iconv.encode(log, 'gb18030'));
    const result = await run(['grade', 'orders.csv', '--report', 'r.json', '--as-of', '2024-04-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/gb18030/i);
    expect(existsSync(path.join(dir, 'orders-graded.xlsx'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    const k1 = report.customers.find((c: { id: string }) => c.id === 'K1');
    // Order A1 (120) is a purchase; A2 (-50) is a return: spend 70, one purchase.
    expect(k1).toMatchObject({ frequency: 1, monetary: 70, recencyDays: 87 });
  });

  it('takes --map corrections for headers it does not know', async () => {
    writeFileSync(path.join(dir, 'export.csv'), ['Account Number,Most Recent Order,Order Total Count,Lifetime Value', 'X1,2024-01-01,3,300', 'X2,2024-02-01,1,50'].join('\n'));
    const withoutMap = await run(['grade', 'export.csv']);
    expect(withoutMap.code).toBe(1);
    const withMap = await run([
      'grade', 'export.csv', '--kind', 'customers', '--report', 'r.json',
      '--map', 'customerId=Account Number', '--map', 'lastPurchase=Most Recent Order', '--map', 'orderCount=Order Total Count', '--map', 'totalSpend=Lifetime Value',
    ]);
    expect(withMap.stderr).toBe('');
    expect(withMap.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.customers.map((c: { id: string }) => c.id)).toEqual(['X1', 'X2']);
  });

  it.each([
    ['an empty file', ''],
    ['a file with headers only', '客户编号,最近购买日期,订单数,消费总额\n'],
  ])('refuses %s with a clear message and writes nothing', async (_label, content) => {
    writeFileSync(path.join(dir, 'bad.csv'), content);
    const result = await run(['grade', 'bad.csv', '--out', 'o.xlsx', '--report', 'r.json']);
    expect(result.code).toBe(1);
    expect(result.stderr.length).toBeGreaterThan(10);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(readdirSync(dir).sort()).toEqual(['bad.csv']);
  });

  it('speaks Chinese when asked and names the missing file', async () => {
    const result = await run(['grade', 'missing.csv', '--lang', 'zh-CN']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法读取输入文件');
    expect(result.stderr).toContain('missing.csv');
  });

  // Regression: with --day-month the ambiguous dates are read, yet the summary said those rows were skipped.
  it('says ambiguous-date rows were skipped only when they were: not with --day-month', async () => {
    const csv = ['Customer ID,Last purchase,Orders,Total spend', 'A1,03/04/2024,2,100', 'A2,05/06/2024,1,50', 'A3,07/08/2024,3,300', ''].join('\n');
    writeFileSync(path.join(dir, 'ambiguous.csv'), csv);
    const unsure = await run(['grade', 'ambiguous.csv', '--out', 'a.xlsx', '--as-of', '2024-12-31']);
    expect(unsure.stdout).toContain('those rows were skipped');
    const told = await run(['grade', 'ambiguous.csv', '--out', 'b.xlsx', '--as-of', '2024-12-31', '--day-month', 'dmy']);
    expect(told.code).toBe(0);
    expect(told.stdout).not.toContain('those rows were skipped');
    expect(told.stdout).toContain('Rows read: 3, skipped: 0');
  });

  it('exits 2 on a usage error', async () => {
    const result = await run(['grade', 'x.csv', '--kind', 'orders']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--kind must be customers or transactions');
  });

  it('never leaves a partial file when the output cannot be written', async () => {
    writeFileSync(path.join(dir, 'c.csv'), ['客户编号,最近购买日期,订单数,消费总额', 'A,2024-01-01,1,10'].join('\n'));
    mkdirSync(path.join(dir, 'taken.xlsx')); // the requested name is a folder: the rename must fail
    const result = await run(['grade', 'c.csv', '--out', 'taken.xlsx']);
    expect(result.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['c.csv', 'taken.xlsx']);
    expect(readdirSync(path.join(dir, 'taken.xlsx'))).toEqual([]);
  });

  it('refuses to write over the input file', async () => {
    const source = ['客户编号,最近购买日期,订单数,消费总额', 'A,2024-01-01,1,10'].join('\n');
    writeFileSync(path.join(dir, 'same.csv'), source);
    const result = await run(['grade', 'same.csv', '--out', './same.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('never overwrites your source data');
    expect(readFileSync(path.join(dir, 'same.csv'), 'utf8')).toBe(source);
  });

  it('regression: an unterminated quote stops the run, naming the row, instead of swallowing the rows after it', async () => {
    writeFileSync(path.join(dir, 'q.csv'), ['CustomerID,LastPurchase,Orders,Spend,Name', 'A1,2024-01-01,2,100,"Acme "big" Co', 'A2,2024-02-01,1,50,x', 'A3,2024-03-01,1,50,y'].join('\n'));
    const result = await run(['grade', 'q.csv', '--lang', 'zh-CN']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('第 2 行');
    expect(readdirSync(dir)).toEqual(['q.csv']);
  });

  it('says which output could not be written', async () => {
    writeFileSync(path.join(dir, 'c.csv'), ['客户编号,最近购买日期,订单数,消费总额', 'A,2024-01-01,1,10'].join('\n'));
    mkdirSync(path.join(dir, 'r.json'));
    const result = await run(['grade', 'c.csv', '--report', 'r.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot write the output file`);
    expect(result.stderr).toContain(path.join(dir, 'r.json'));
  });

  it('regression: the report lists every skipped row, past 1,000 of one kind', async () => {
    const lines = ['客户编号,最近购买日期,订单数,消费总额', 'A,2024-01-01,1,10'];
    for (let i = 0; i < 1_500; i++) lines.push(',2024-01-01,1,10');
    writeFileSync(path.join(dir, 'noid.csv'), lines.join('\n'));
    const result = await run(['grade', 'noid.csv', '--report', 'r.json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.import.rowsSkipped).toBe(1_500);
    expect(report.import.issues.filter((i: { code: string }) => i.code === 'missing-customer-id')).toHaveLength(1_500);
  });

  it('prints progress on stderr for a large log', async () => {
    const lines = ['CustomerID,InvoiceDate,Quantity,UnitPrice'];
    for (let i = 0; i < 60_000; i++) lines.push(`${10000 + (i % 3000)},2024-0${1 + (i % 9)}-1${i % 10},1,${(i % 50) + 1}.5`);
    writeFileSync(path.join(dir, 'big.csv'), lines.join('\n'));
    const result = await run(['grade', 'big.csv', '--out', 'big.xlsx']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Reading rows: .*60,000 \(100%\)/);
    // Streamed (issue 10): lines read so far, the share of the file and the time left.
    expect(result.stderr).toMatch(/Reading rows: [\d,]+ lines, \d+% of \d+ MB, about \d+ s left/);
    expect(result.stdout).toContain('Graded 3,000 customers');
  });
});

describe('tierwise demo', () => {
  it('grades the bundled samples into out/', async () => {
    const result = await run(['demo', '--out-dir', path.join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['customers-graded.xlsx', 'customers-report.json', 'orders-graded.xlsx', 'orders-report.json']);
    expect(result.stdout).toContain('Demo finished');
  });
});
