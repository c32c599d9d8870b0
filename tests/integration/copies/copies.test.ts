/**
 * Per-rep copies end to end (issue 7 §3): `tierwise grade --split-by owner`
 * through bin/tierwise.cjs on a fixture with five owners and customers
 * without one; every copy opened with exceljs, unzipped part by part, and
 * recalculated by LibreOffice. Proves: only that owner's IDs; no other
 * owner's ID, name, phone, email, ID number, address or owner name in any
 * part of the package nor in what LibreOffice shows; ID numbers and
 * addresses masked; the recalculated grades equal the master's; the
 * protection password verifies.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { recalcManyToCsv } from '../../support/libreoffice';
import { fixtureRows, gradeOwnersFixture, identifyingTexts, OWNERS_CSV } from '../../support/ownersFixture';
import { passwordVerifies, xmlAttributes } from '../../support/ecmaProtection';
import { maskAddress, maskIdNumber } from '../../../src/domain/masking';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { buildRepCopyPlan, groupByOwner } from '../../../src/plan/repCopies';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';

jest.setTimeout(240_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
const PASSWORD = 'Rep-copies 2024 密码';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The fixture's copies: file name -> owner as typed ('' = none). */
const EXPECTED_FILES: Record<string, string> = {
  'A_B_ Sales.xlsx': 'A?B: Sales',
  '_CON.xlsx': 'CON',
  'Li Lei.xlsx': 'Li Lei',
  '王芳.xlsx': '王芳',
  'A_B_ Sales (2).xlsx': 'A/B: Sales',
  '无负责人.xlsx': '',
};

let dir: string;
let cli: Run;
let recalculated: Map<string, Record<string, string[][]>>;
let controlPath: string;
let controlOwner: string | null;
const rows = fixtureRows();
const copyPath = (file: string): string => path.join(dir, 'copies', file);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-copies-'));
  writeFileSync(path.join(dir, 'pw.txt'), `${PASSWORD}\n`);
  cli = await run(
    ['grade', OWNERS_CSV, '--split-by', 'owner', '--out-dir', 'copies', '--copies-password-file', 'pw.txt', '--out', 'master.xlsx', '--as-of', '2024-07-01', '--lang', 'zh-CN'],
    dir,
  );
  // Control: a copy whose cached results are all "stale". If LibreOffice showed cached values
  // instead of recalculating, the grade comparison below would compare the master with itself.
  const output = await gradeOwnersFixture('zh-CN');
  const group = groupByOwner(output.grading.customers)[0];
  if (!group) throw new Error('no group');
  controlOwner = group.owner;
  const plan = buildRepCopyPlan({ master: output.planInput, profile: DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile }, group);
  const poisoned = { ...plan, tables: plan.tables.map((t) => ({ ...t, cachedResults: t.cachedResults?.map((r) => r.map((v) => (v === null ? null : 'stale'))) })) };
  controlPath = path.join(dir, 'control-stale.xlsx');
  writeFileSync(controlPath, await writeWorkbookXlsx(poisoned, { engine: 'streaming' }));
  if (cli.code === 0) {
    recalculated = await recalcManyToCsv([path.join(dir, 'master.xlsx'), controlPath, ...Object.keys(EXPECTED_FILES).map(copyPath)], { timeoutMs: 200_000 });
  }
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ownerOfRow = (r: Record<string, string>): string => r['负责人'] ?? '';

describe('tierwise grade --split-by owner', () => {
  it('writes one copy per owner and one without an owner, with names safe on every OS, and says so', () => {
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(readdirSync(path.join(dir, 'copies')).sort()).toEqual(Object.keys(EXPECTED_FILES).sort());
    expect(cli.stdout).toContain('已用所给密码保护');
    expect(cli.stdout).not.toContain(PASSWORD);
  });

  it.each(Object.entries(EXPECTED_FILES))('%s: exceljs reads only that owner\'s customers, masked, protected', async (file, owner) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(copyPath(file)) as unknown as ArrayBuffer);
    const [customers, settings] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const header = (customers.getRow(1).values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v)));
    const col = (name: string): number => header.indexOf(name);
    const ids: string[] = [];
    customers.eachRow((row, n) => {
      if (n === 1) return;
      const id = String(row.getCell(col('客户编号')).value);
      ids.push(id);
      const source = rows.find((r) => r['客户编号'] === id) as Record<string, string>;
      expect(row.getCell(col('证件号码')).value).toBe(maskIdNumber(source['身份证号'] as string));
      expect(row.getCell(col('地址')).value).toBe(maskAddress(source['地址'] as string));
      expect(String(row.getCell(col('负责人')).value ?? '')).toBe(owner);
    });
    expect(ids.sort()).toEqual(rows.filter((r) => ownerOfRow(r) === owner).map((r) => r['客户编号']).sort());
    const protection = (ws: ExcelJS.Worksheet): Record<string, unknown> => (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection(customers)).toMatchObject({ sheet: true, sort: true, autoFilter: true });
    expect(protection(settings)).toMatchObject({ sheet: true });
  });

  it.each(Object.entries(EXPECTED_FILES))('%s: no part of the package holds another owner\'s customer or name; own IDs and addresses only masked', async (file, owner) => {
    const zip = await JSZip.loadAsync(readFileSync(copyPath(file)));
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, text: await f.async('string') })));
    expect(parts.map((p) => p.name)).toContain('xl/worksheets/sheet1.xml');
    const others = rows.filter((r) => ownerOfRow(r) !== owner);
    const forbidden = new Set<string>();
    for (const other of others) for (const text of identifyingTexts(other)) forbidden.add(text);
    for (const name of new Set(others.map(ownerOfRow))) if (name !== '') forbidden.add(name);
    for (const mine of rows.filter((r) => ownerOfRow(r) === owner)) {
      forbidden.add(mine['地址'] as string);
      forbidden.add(mine['身份证号'] as string);
    }
    for (const part of parts) {
      for (const text of forbidden) {
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        if (part.text.includes(text) || part.text.includes(escaped)) throw new Error(`${file}: ${part.name} holds "${text}"`);
      }
    }
    // The same seen through LibreOffice: every sheet as it shows it.
    const shown = JSON.stringify(recalculated.get(copyPath(file)));
    for (const text of forbidden) expect(shown.includes(text) ? text : null).toBeNull();
  });

  it.each(Object.keys(EXPECTED_FILES))('%s: the sheet and workbook protection verify for the password', async (file) => {
    const zip = await JSZip.loadAsync(readFileSync(copyPath(file)));
    const wbAttrs = xmlAttributes((await zip.file('xl/workbook.xml')?.async('string')) ?? '', 'workbookProtection') ?? {};
    expect(wbAttrs.lockStructure).toBe('1');
    expect(passwordVerifies(PASSWORD, wbAttrs, 'workbook')).toBe(true);
    const sheetAttrs = xmlAttributes((await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '', 'sheetProtection') ?? {};
    expect(passwordVerifies(PASSWORD, sheetAttrs)).toBe(true);
    expect(passwordVerifies('wrong', sheetAttrs)).toBe(false);
  });

  it('LibreOffice recalculates every copy to exactly the master\'s grades (and did recalculate: the stale-cache control too)', () => {
    const sheetOf = (file: string, sheet: string): string[][] => {
      const got = recalculated.get(file)?.[sheet];
      if (!got) throw new Error(`no ${sheet} for ${file}`);
      return got;
    };
    const master = sheetOf(path.join(dir, 'master.xlsx'), '客户档案');
    const masterHeader = master[0] as string[];
    const gradeColumns = ['最近购买天数', 'R', 'F', 'M', 'RFM代码', '客户分类', '客户等级', '生命周期'];
    const byId = new Map(master.slice(1).map((r) => [r[0] as string, r] as const));
    const masterGrades = (id: string): string[] => {
      const r = byId.get(id);
      if (!r) throw new Error(`master has no ${id}`);
      return gradeColumns.map((h) => r[masterHeader.indexOf(h)] as string);
    };
    let compared = 0;
    for (const file of [...Object.keys(EXPECTED_FILES).map(copyPath), controlPath]) {
      const sheet = sheetOf(file, '客户档案');
      const header = sheet[0] as string[];
      for (const r of sheet.slice(1)) {
        expect([r[0], ...gradeColumns.map((h) => r[header.indexOf(h)])]).toEqual([r[0], ...masterGrades(r[0] as string)]);
        compared++;
      }
    }
    expect(compared).toBe(rows.length + 6);
    expect(JSON.stringify(recalculated.get(controlPath))).not.toContain('stale');
    expect(controlOwner).not.toBeUndefined();
    // the master's grades include every tier the fixture reaches, so the comparison is not vacuous
    expect(new Set(master.slice(1).map((r) => r[masterHeader.indexOf('客户等级')])).size).toBeGreaterThanOrEqual(3);
  });

  it('the Settings sheet says the as-of date and breakpoints are the master\'s fixed values', () => {
    const settings = JSON.stringify(recalculated.get(copyPath('王芳.xlsx'))?.['设置']);
    expect(settings).toContain('按主工作簿全部客户计算出的固定值');
    expect(settings).toContain('负责人：王芳');
    expect(settings).toContain('来自主工作簿（全部客户）的固定值');
  });
});

describe('the copies\' password never comes from the command line', () => {
  it.each([
    [['--copies-password', 'x'], 'never taken from the command line'],
    [['--copies-password-prompt'], 'needs a terminal'],
    [['--copies-password-file', 'missing.txt'], 'Cannot read the password file'],
  ])('%j is refused before anything is written', async (extra, message) => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'tierwise-copies-pw-'));
    try {
      const result = await run(['grade', OWNERS_CSV, '--split-by', 'owner', '--out-dir', 'out', ...extra], work);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(readdirSync(work)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('the help names the split in English and Chinese', async () => {
    const en = await run(['--help'], os.tmpdir());
    expect(en.stdout).toContain('--split-by owner --out-dir DIR');
    expect(en.stdout).toContain('--copies-password-file FILE | --copies-password-prompt');
    const zh = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--help'], { env: { PATH: process.env.PATH, LANG: 'zh_CN.UTF-8' } });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    });
    expect(zh.stdout).toContain('--split-by owner --out-dir 文件夹');
    expect(zh.stdout).toContain('绝不从命令行读取');
  });
});
