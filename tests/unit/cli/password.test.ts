import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promptPassword, readPasswordFile, type Terminal } from '../../../src/cli/password';
import { UsageError } from '../../../src/cli/args';

/** A terminal double: raw mode recorded, typed keys fed in, everything written kept. */
function fakeTerminal(isTTY: boolean): { terminal: Terminal; written: () => string; rawModes: boolean[]; type: (keys: string) => void } {
  const input = new PassThrough() as unknown as NodeJS.ReadStream & { setRawMode: (on: boolean) => void };
  const rawModes: boolean[] = [];
  Object.assign(input, { isTTY, setRawMode: (on: boolean) => rawModes.push(on) });
  let out = '';
  const output = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  return { terminal: { input, output }, written: () => out, rawModes, type: (keys) => (input as unknown as PassThrough).write(keys) };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('promptPassword', () => {
  it('reads the password twice in raw mode and never echoes it; backspace edits', async () => {
    const t = fakeTerminal(true);
    const result = promptPassword(t.terminal, 'en');
    await tick();
    t.type('s3crx\u007fet\r');
    await tick();
    t.type('s3cret\r');
    await expect(result).resolves.toBe('s3cret');
    expect(t.written()).toBe('Password for the copies: \nRepeat the password: \n');
    expect(t.rawModes).toEqual([true, false, true, false]);
  });

  it('two different entries are refused', async () => {
    const t = fakeTerminal(true);
    const result = promptPassword(t.terminal, 'zh-CN');
    await tick();
    t.type('a\r');
    await tick();
    t.type('b\r');
    await expect(result).rejects.toThrow(UsageError);
    expect(t.written()).toContain('副本密码：');
  });

  it('Ctrl-C cancels and leaves raw mode', async () => {
    const t = fakeTerminal(true);
    const result = promptPassword(t.terminal, 'en');
    await tick();
    t.type('ab\u0003');
    await expect(result).rejects.toThrow('Cancelled');
    expect(t.rawModes).toEqual([true, false]);
  });

  it('without a terminal it refuses, naming the file option', async () => {
    const t = fakeTerminal(false);
    await expect(promptPassword(t.terminal, 'en')).rejects.toThrow('--copies-password-file');
  });
});

describe('readPasswordFile', () => {
  it('the first line is the password (BOM and newline not included); empty and missing files are refused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-pw-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), '\uFEFFpass word 密码\r\nsecond line\n');
      await expect(readPasswordFile(path.join(dir, 'a.txt'))).resolves.toBe('pass word 密码');
      writeFileSync(path.join(dir, 'empty.txt'), '\n');
      await expect(readPasswordFile(path.join(dir, 'empty.txt'))).rejects.toThrow('is empty');
      await expect(readPasswordFile(path.join(dir, 'none.txt'))).rejects.toThrow('ENOENT');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
