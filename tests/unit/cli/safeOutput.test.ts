/**
 * The output writer with an injected file system (issue 10 §1): faults a
 * test cannot set up for real — a disk that fills up half way, a rename
 * that fails, a case-insensitive file system, a character or block device —
 * leave no temporary file and the old file as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as realFs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutputRefusal, OutputSet, resolveOutputTarget, writeFailure, writeToTarget, type OutputFs } from '../../../src/cli/safeOutput';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-safe-output-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}

/** The real file system, except that file writes fail with `code` once `limit` bytes are written in total. */
function fillingDisk(limit: number, code = 'ENOSPC'): OutputFs & { written: () => number } {
  let written = 0;
  const fs: OutputFs = {
    ...realFs,
    open: (async (...args: Parameters<typeof realFs.open>) => {
      const handle = await realFs.open(...args);
      const write = handle.write.bind(handle) as (data: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number }>;
      return new Proxy(handle, {
        get(target, key, receiver) {
          if (key === 'write') {
            return async (data: Uint8Array, offset: number, length: number) => {
              const room = limit - written;
              if (room <= 0) throw errno(code);
              const result = await write(data, offset, Math.min(length, room));
              written += result.bytesWritten;
              return result;
            };
          }
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    }) as typeof realFs.open,
  };
  return Object.assign(fs, { written: () => written });
}

const OLD = 'the old workbook, which must survive\n';

describe('writeToTarget', () => {
  it('a disk that fills up half way: the write fails with ENOSPC, the old file and its mode are intact, no temporary file is left', async () => {
    const file = path.join(dir, 'graded.xlsx');
    writeFileSync(file, OLD);
    chmodSync(file, 0o640);
    const fs = fillingDisk(3 * 1024 * 1024 + 17);
    const target = await resolveOutputTarget(file, fs);
    const big = new Uint8Array(8 * 1024 * 1024).fill(65);
    await expect(writeToTarget(target, big, fs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.written()).toBe(3 * 1024 * 1024 + 17); // it did fail half way, not before the first byte
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['graded.xlsx']);
  });

  it('a disk full before the first byte of a new file: nothing is created', async () => {
    const fs = fillingDisk(0);
    const target = await resolveOutputTarget(path.join(dir, 'new.json'), fs);
    await expect(writeToTarget(target, '{}', fs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a rename that fails (an I/O error): the temporary file is removed, the old file kept', async () => {
    const file = path.join(dir, 'r.json');
    writeFileSync(file, OLD);
    const fs: OutputFs = { ...realFs, rename: async () => Promise.reject(errno('EIO')) };
    const target = await resolveOutputTarget(file, fs);
    await expect(writeToTarget(target, 'new', fs)).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('a text in pieces (the report from jsonChunks) is written piece by piece, UTF-8, the same bytes as one string', async () => {
    const file = path.join(dir, 'report.json');
    const pieces = ['{"客户": ', '"金卡"', ', "n": 1}\n'];
    await writeToTarget(await resolveOutputTarget(file), pieces);
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });

  it('a disk that fills up while pieces are written: the old report survives, no temporary file', async () => {
    const file = path.join(dir, 'report.json');
    writeFileSync(file, OLD);
    const fs = fillingDisk(1000);
    function* pieces(): Generator<string> {
      for (let i = 0; i < 100; i++) yield 'x'.repeat(100);
    }
    await expect(writeToTarget(await resolveOutputTarget(file, fs), pieces(), fs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.written()).toBe(1000);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('pieces that fail half way (the serialiser throws): the old file survives, no temporary file', async () => {
    const file = path.join(dir, 'report.json');
    writeFileSync(file, OLD);
    function* pieces(): Generator<string> {
      yield '{"a": 1,';
      throw new TypeError('Converting circular structure to JSON');
    }
    await expect(writeToTarget(await resolveOutputTarget(file), pieces())).rejects.toThrow(TypeError);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('replaces a regular file atomically (a new inode), keeping its permission bits', async () => {
    const file = path.join(dir, 'g.xlsx');
    writeFileSync(file, OLD);
    chmodSync(file, 0o604);
    const before = statSync(file).ino;
    await writeToTarget(await resolveOutputTarget(file), 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(statSync(file).mode & 0o777).toBe(0o604);
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['g.xlsx']);
  });

  it.each([
    ['ENOSPC', 'the disk is full', '磁盘已满'],
    ['EDQUOT', 'quota', '配额'],
    ['EROFS', 'read-only', '只读'],
    ['EACCES', 'permission denied', '没有权限'],
    ['EIO', 'input/output error', '输入/输出错误'],
  ])('the message for %s names the file and the cause, in English and Chinese', (code, en, zh) => {
    const failure = writeFailure('out/g.xlsx', errno(code));
    expect(failure.exitCode).toBe(1);
    expect(failure.userMessage.en).toContain(path.resolve('out/g.xlsx'));
    expect(failure.userMessage.en).toContain(en);
    expect(failure.userMessage.en).toContain('unchanged');
    expect(failure.userMessage.zh).toContain(path.resolve('out/g.xlsx'));
    expect(failure.userMessage.zh).toContain(zh);
  });
});

/** A stat result of the given kind (only what the writer reads). */
function fakeStat(kind: 'char' | 'block' | 'socket' | 'file', ino = 42): Awaited<ReturnType<typeof realFs.stat>> {
  return {
    dev: 7,
    ino,
    mode: 0o100644,
    uid: 0,
    gid: 0,
    isDirectory: () => false,
    isFile: () => kind === 'file',
    isFIFO: () => false,
    isCharacterDevice: () => kind === 'char',
    isBlockDevice: () => kind === 'block',
    isSocket: () => kind === 'socket',
    isSymbolicLink: () => false,
  } as unknown as Awaited<ReturnType<typeof realFs.stat>>;
}

describe('resolveOutputTarget by kind of path (the kinds a test may not create for real)', () => {
  it('a character device (like /dev/null) is written through, never replaced', async () => {
    const fs: OutputFs = { ...realFs, stat: (async () => fakeStat('char')) as unknown as typeof realFs.stat };
    const target = await resolveOutputTarget('/dev/some-device', fs);
    expect(target.kind).toBe('through');
  });

  it.each([
    ['block', 'is-block-device', 'block device'],
    ['socket', 'is-socket', 'socket'],
  ] as const)('a %s device is refused with exit code 1', async (kind, reason, words) => {
    const fs: OutputFs = { ...realFs, stat: (async () => fakeStat(kind)) as unknown as typeof realFs.stat };
    const refused = await resolveOutputTarget('/dev/thing', fs).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(OutputRefusal);
    expect(refused).toMatchObject({ reason, exitCode: 1 });
    expect((refused as OutputRefusal).userMessage.en).toContain(words);
  });

  it('a folder that may not be written is refused before anything is written', async () => {
    const fs: OutputFs = { ...realFs, access: async () => Promise.reject(errno('EACCES')) };
    const refused = await resolveOutputTarget(path.join(dir, 'x.xlsx'), fs).catch((error: unknown) => error);
    expect(refused).toMatchObject({ reason: 'folder-not-writable', exitCode: 1 });
    expect((refused as OutputRefusal).userMessage.zh).toContain('写入权限');
  });

  it('on a case-insensitive file system, the input named with other case is the input (same inode)', async () => {
    // Every name resolves to one file, as "Customers.CSV" and "customers.csv" do on macOS and Windows.
    const named = path.join(dir, 'Customers.CSV');
    const stat = (async (p: string) => (p === named ? fakeStat('file', 99) : realFs.stat(p))) as unknown as typeof realFs.stat;
    const fs: OutputFs = { ...realFs, stat, realpath: (async (p: string) => p) as typeof realFs.realpath };
    const outputs = new OutputSet([{ path: 'customers.csv', dev: 7, ino: 99 }], fs);
    await expect(outputs.claim('--out', named)).rejects.toMatchObject({ reason: 'is-input', exitCode: 2 });
  });

  it('two outputs whose names differ only in case are refused (one file on Windows and macOS)', async () => {
    const outputs = new OutputSet([]);
    await outputs.claim('--out', path.join(dir, 'Report.json'));
    await expect(outputs.claim('--report', path.join(dir, 'report.json'))).rejects.toMatchObject({ reason: 'same-as-other-output', exitCode: 2 });
  });
});
