/**
 * Issue 10 §1, through the real entry point (bin/tierwise.cjs): every kind of
 * path a user can name as an output, set up for real in the test's own
 * temporary folder (a FIFO, a socket, symbolic and hard links, a folder that
 * may not be written), and a SIGTERM in the middle of a write. No real device
 * is touched: character and block devices, a case-insensitive file system
 * and a disk that fills up are covered with an injected file system in
 * tests/unit/cli/safeOutput.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(180_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
let dir: string;
const immutableFolders: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-outpaths-'));
  writeFileSync(path.join(dir, 'c.csv'), CUSTOMERS);
});
afterEach(() => {
  for (const folder of immutableFolders.splice(0)) execFileSync('chattr', ['-i', folder]);
  rmSync(dir, { recursive: true, force: true });
});

const CUSTOMERS = ['CustomerID,LastPurchase,Orders,Spend', 'A1,2024-01-01,2,100', 'A2,2024-02-01,1,50', 'A3,2024-03-01,5,900'].join('\n');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
function start(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C', ...env } });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}
const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => start(args, env).done;

/** The files in the folder, temporary ones included (they start with a dot). */
const listing = (folder = dir): string[] => readdirSync(folder).sort();
const at = (name: string): string => path.join(dir, name);
const OLD = 'an existing file that must not be lost\n';

describe('tierwise grade: outputs by kind of path', () => {
  it('a regular file is replaced atomically and keeps its permission bits; a missing folder is created', async () => {
    writeFileSync(at('r.json'), OLD);
    chmodSync(at('r.json'), 0o640);
    const inode = statSync(at('r.json')).ino;
    const result = await run(['grade', 'c.csv', '--out', 'new/deeper/g.xlsx', '--report', 'r.json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(at('r.json'), 'utf8')).customers).toHaveLength(3);
    expect(statSync(at('r.json')).mode & 0o777).toBe(0o640);
    expect(statSync(at('r.json')).ino).not.toBe(inode); // renamed into place, never rewritten in place
    expect(statSync(at('new/deeper/g.xlsx')).size).toBeGreaterThan(1000);
    expect(listing()).toEqual(['c.csv', 'new', 'r.json']);
  });

  it('regression: a symbolic link is kept; the file it points to is written, atomically beside it', async () => {
    mkdirSync(at('real'));
    writeFileSync(at('real/target.xlsx'), OLD);
    chmodSync(at('real/target.xlsx'), 0o600);
    symlinkSync('real/target.xlsx', at('link.xlsx'));
    symlinkSync('real/missing.json', at('dangling.json'));
    const result = await run(['grade', 'c.csv', '--out', 'link.xlsx', '--report', 'dangling.json']);
    expect(result.code).toBe(0);
    expect(lstatSync(at('link.xlsx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('real/target.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK'); // the new workbook
    expect(statSync(at('real/target.xlsx')).mode & 0o777).toBe(0o600);
    expect(lstatSync(at('dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(at('real/missing.json'), 'utf8')).customers).toHaveLength(3);
    expect(listing(at('real'))).toEqual(['missing.json', 'target.xlsx']);
  });

  it('regression: a FIFO is written through and stays a FIFO', async () => {
    execFileSync('mkfifo', [at('pipe')]);
    const reader = new Promise<string>((resolve, reject) => {
      const cat = spawn('cat', [at('pipe')]);
      let text = '';
      cat.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
      cat.on('error', reject);
      cat.on('close', () => resolve(text));
    });
    const result = await run(['grade', 'c.csv', '--out', 'g.xlsx', '--report', 'pipe']);
    expect(result.code).toBe(0);
    expect(JSON.parse(await reader).customers).toHaveLength(3);
    expect(lstatSync(at('pipe')).isFIFO()).toBe(true);
  });

  it('a socket is refused, and so is a folder, naming the path and what to do (exit 1, nothing written)', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(at('sock'), resolve));
    try {
      const socket = await run(['grade', 'c.csv', '--out', 'g.xlsx', '--report', 'sock']);
      expect(socket.code).toBe(1);
      expect(socket.stderr).toContain(`Cannot write the output file ${at('sock')}: it is a socket`);
      expect(lstatSync(at('sock')).isSocket()).toBe(true);
    } finally {
      server.close();
    }
    mkdirSync(at('folder.xlsx'));
    const folder = await run(['grade', 'c.csv', '--out', 'folder.xlsx', '--lang', 'zh-CN']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(`无法写出输出文件 ${at('folder.xlsx')}：这是一个文件夹`);
    expect(listing()).toEqual(['c.csv', 'folder.xlsx']);
    expect(listing(at('folder.xlsx'))).toEqual([]);
  });

  it('a path under a regular file, and a folder that may not be written, are refused before any work', async () => {
    const under = await run(['grade', 'c.csv', '--out', 'c.csv/g.xlsx']);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('is a file, not a folder');
    mkdirSync(at('locked'));
    writeFileSync(at('locked/g.xlsx'), OLD);
    if (process.getuid?.() === 0) {
      // root may write anywhere the mode bits forbid; an immutable folder it may not
      execFileSync('chattr', ['+i', at('locked')]);
      immutableFolders.push(at('locked'));
    } else {
      chmodSync(at('locked'), 0o555);
    }
    const locked = await run(['grade', 'c.csv', '--out', 'locked/g.xlsx']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(`you may not write in the folder ${at('locked')}`);
    expect(readFileSync(at('locked/g.xlsx'), 'utf8')).toBe(OLD);
    expect(listing(at('locked'))).toEqual(['g.xlsx']);
    if (process.getuid?.() !== 0) chmodSync(at('locked'), 0o755);
  });

  it.each([
    ['a symbolic link', (name: string) => symlinkSync('c.csv', at(name))],
    ['a hard link', (name: string) => linkSync(at('c.csv'), at(name))],
  ])('the input reached by %s is refused (exit 2), the input unchanged', async (_kind, make) => {
    make('other.csv');
    const result = await run(['grade', 'c.csv', '--report', 'other.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is the input file c.csv (by another name)');
    expect(readFileSync(at('c.csv'), 'utf8')).toBe(CUSTOMERS);
    expect(listing().filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('the input reached through ./ and a detour is refused', async () => {
    mkdirSync(at('sub'));
    const result = await run(['grade', 'c.csv', '--deck', './sub/../c.csv']);
    expect(result.code).toBe(2);
    expect(readFileSync(at('c.csv'), 'utf8')).toBe(CUSTOMERS);
  });

  it.each([
    [['--out', 'same.xlsx', '--report', 'same.xlsx']],
    [['--out', 'same.xlsx', '--deck', './same.xlsx']],
    [['--report', 'r.json', '--deck', 'alias.json']],
    [['--out', 'Graded.xlsx', '--report', 'graded.xlsx']],
  ])('regression: two outputs naming one file are refused before anything is written: %j', async (options) => {
    writeFileSync(at('r.json'), OLD);
    symlinkSync('r.json', at('alias.json'));
    const before = listing();
    const result = await run(['grade', 'c.csv', ...options]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/names the same file as --(out|report)/);
    expect(listing()).toEqual(before);
    expect(readFileSync(at('r.json'), 'utf8')).toBe(OLD);
  });

  it('a per-rep copy that would land on the master workbook is refused; the master stays whole', async () => {
    writeFileSync(at('owners.csv'), readFileSync(path.resolve(__dirname, '../../fixtures/copies/customers-owners.csv')));
    const first = await run(['grade', 'owners.csv', '--split-by', 'owner', '--out-dir', 'reps']);
    expect(first.code).toBe(0);
    const copy = listing(at('reps'))[0] as string;
    const result = await run(['grade', 'owners.csv', '--split-by', 'owner', '--out-dir', 'reps', '--out', path.join('reps', copy)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out-dir names the same file as --out');
    expect(readFileSync(at(path.join('reps', copy))).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(listing(at('reps')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('tierwise grade: stopped by a signal in the middle of a write', () => {
  it('SIGTERM while the workbook is being written leaves no temporary file and the old workbook intact', async () => {
    // A list large enough that writing its workbook (and the fsync before the rename) takes a while.
    const lines = ['CustomerID,LastPurchase,Orders,Spend,Notes'];
    for (let i = 0; i < 120_000; i++) lines.push(`C${i},2024-0${1 + (i % 9)}-1${i % 10},${1 + (i % 7)},${(i % 997) * 3.5},note ${i} ${'x'.repeat(i % 40)}`);
    writeFileSync(at('big.csv'), lines.join('\n'));
    writeFileSync(at('g.xlsx'), OLD);
    const { child, done } = start(['grade', 'big.csv', '--out', 'g.xlsx', '--quiet']);
    let tempSeen: string | null = null;
    const watcher = watch(dir, (_event, name) => {
      if (tempSeen === null && typeof name === 'string' && name.startsWith('.g.xlsx.') && name.endsWith('.tmp')) {
        tempSeen = name;
        child.kill('SIGTERM');
      }
    });
    const result = await done;
    watcher.close();
    expect(tempSeen).not.toBeNull();
    expect(result.code).toBe(143); // 128 + SIGTERM: stopped by the signal, not finished
    expect(result.stderr).toContain('Stopped (SIGTERM)');
    expect(listing()).toEqual(['big.csv', 'c.csv', 'g.xlsx']);
    expect(readFileSync(at('g.xlsx'), 'utf8')).toBe(OLD);
    expect(existsSync(at(tempSeen as unknown as string))).toBe(false);
  });
});
