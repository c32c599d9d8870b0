/**
 * Where the copies' protection password comes from (issue 7 §3): a file or
 * a prompt on the terminal without echo, never the command line. The
 * password lives only in memory for the write call; it is never printed,
 * logged or stored.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from './args';

/** The password file's first line (a trailing newline and a BOM are not part of it). */
export async function readPasswordFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`Cannot read the password file ${file} (${code}).`, `无法读取密码文件 ${file}（${code}）。`);
  }
  const password = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  if (password === '') throw new UsageError(`The password file ${file} is empty: its first line is the password.`, `密码文件 ${file} 为空：文件第一行即为密码。`);
  return password;
}

export interface Terminal {
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
}

/**
 * Asks for the password twice on the terminal, without echo (raw mode).
 * Without a terminal (a pipe, a CI job) it refuses instead of reading a
 * password from wherever stdin happens to point.
 */
export async function promptPassword(terminal: Terminal, locale: 'en' | 'zh-CN'): Promise<string> {
  if (!terminal.input.isTTY || typeof terminal.input.setRawMode !== 'function') {
    throw new UsageError(
      '--copies-password-prompt needs a terminal to type the password into, and there is none (input is a pipe or a file). Use --copies-password-file FILE instead.',
      '--copies-password-prompt 需要在终端中输入密码，但当前没有终端（输入来自管道或文件）。请改用 --copies-password-file 文件。',
    );
  }
  const zh = locale === 'zh-CN';
  const first = await readHidden(terminal, zh ? '副本密码：' : 'Password for the copies: ');
  const second = await readHidden(terminal, zh ? '再次输入密码：' : 'Repeat the password: ');
  if (first !== second) throw new UsageError('The two passwords differ. Nothing was written.', '两次输入的密码不一致，未写出任何文件。');
  if (first === '') throw new UsageError('The password is empty. Nothing was written.', '密码为空，未写出任何文件。');
  return first;
}

function readHidden(terminal: Terminal, prompt: string): Promise<string> {
  const { input, output } = terminal;
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          // Ctrl-C / Ctrl-D: stop without writing anything
          finish();
          reject(new UsageError('Cancelled: no copies were written.', '已取消：未写出任何副本。'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}
