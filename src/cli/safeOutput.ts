/**
 * Output files that never damage anything (issue 10 §1). Every path a user
 * can name as an output is classified first, then written by its kind:
 *
 * | the path names               | what happens                                                      |
 * | ---------------------------- | ----------------------------------------------------------------- |
 * | nothing yet (folder exists)  | created atomically (temporary file beside it, fsync, rename)       |
 * | nothing yet, folder missing  | the missing folders are created, then as above                     |
 * | a regular file               | replaced atomically; its permission bits (and, as root, owner) kept |
 * | a symbolic link (any chain)  | its final target is written atomically beside the target; the link stays |
 * | a dangling symbolic link     | the file it names is created (its folder must exist)                |
 * | a FIFO or character device   | written through, not atomically (never replaced, never created)    |
 * | a socket or block device     | refused                                                            |
 * | a folder                     | refused                                                            |
 * | a folder you may not write   | refused (a file there cannot be replaced atomically)               |
 * | a path under a regular file  | refused                                                            |
 * | an input, by any name        | refused (same device and inode: symlink, hard link, ./, case)      |
 * | the same file as another output | refused (same inode, or the same path ignoring case)            |
 *
 * A write that fails half way (disk full, quota, I/O error) removes its
 * temporary file and leaves the old file as it was; SIGINT, SIGTERM and
 * SIGHUP remove every temporary file still open before the process exits.
 * The file system is injected (`OutputFs`) so a disk that fills up can be
 * simulated in a unit test; production passes node:fs/promises.
 */
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../i18n/locale';

/** The part of node:fs/promises the writer uses (injectable for fault tests). */
export type OutputFs = Pick<typeof nodeFs, 'lstat' | 'stat' | 'realpath' | 'readlink' | 'open' | 'rename' | 'unlink' | 'mkdir' | 'access'>;

/** Why an output cannot be written; the CLI prints `message` and exits with `exitCode`. */
export class OutputRefusal extends Error {
  readonly userMessage: Localized;
  constructor(
    readonly reason: OutputRefusalReason,
    readonly target: string,
    readonly exitCode: 1 | 2,
    message: Localized,
  ) {
    super(message.en);
    this.name = 'OutputRefusal';
    this.userMessage = message;
  }
}

export type OutputRefusalReason =
  | 'is-directory'
  | 'is-socket'
  | 'is-block-device'
  | 'parent-not-directory'
  | 'folder-not-writable'
  | 'symlink-loop'
  | 'is-input'
  | 'same-as-other-output'
  | 'write-failed';

/** How a resolved output is written. */
export type OutputTarget =
  | {
      /** Atomic: a temporary file beside `finalPath`, renamed over it. */
      readonly kind: 'atomic';
      readonly requested: string;
      /** The file that ends up written (a symbolic link's final target). */
      readonly finalPath: string;
      /** The existing file's mode and owner, kept; null for a new file. */
      readonly existing: { readonly mode: number; readonly uid: number; readonly gid: number; readonly dev: number; readonly ino: number } | null;
    }
  | {
      /** Written through: a FIFO or a character device (/dev/null, a terminal). */
      readonly kind: 'through';
      readonly requested: string;
      readonly finalPath: string;
      readonly existing: { readonly dev: number; readonly ino: number };
    };

/** An input file's identity: outputs must never be it. */
export interface FileIdentity {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

const MAX_SYMLINK_HOPS = 40;
/** Bytes per write call: a write that fails half way fails between chunks as on a real disk. */
const WRITE_CHUNK_BYTES = 1 << 20;

/** The errno code of a file-system error, checked by shape (errors from another realm, as under jest, fail `instanceof Error`). */
function errnoOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

const NOTHING_CHANGED: Localized = { en: 'Nothing on disk was changed.', zh: '磁盘上的文件均未改动。' };

function refusal(reason: OutputRefusalReason, target: string, exitCode: 1 | 2, en: string, zh: string): OutputRefusal {
  const shown = path.resolve(target);
  return new OutputRefusal(reason, target, exitCode, {
    en: `Cannot write the output file ${shown}: ${en} ${NOTHING_CHANGED.en}`,
    zh: `无法写出输出文件 ${shown}：${zh}${NOTHING_CHANGED.zh}`,
  });
}

/** The file a dangling link chain ends at (realpath fails on it). */
async function followDangling(fs: OutputFs, start: string): Promise<string> {
  let current = path.resolve(start);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop++) {
    let linkText: string;
    try {
      linkText = await fs.readlink(current);
    } catch (error) {
      if (errnoOf(error) === 'EINVAL' || errnoOf(error) === 'ENOENT') return current; // not a link (or gone): the end of the chain
      throw error;
    }
    current = path.resolve(path.dirname(current), linkText);
  }
  throw refusal('symlink-loop', start, 1, 'its symbolic links loop (or go more than 40 deep). Point the link at a file, or name another file.', '其符号链接形成循环（或超过 40 层）。请让链接指向一个文件，或换一个文件名。');
}

/** The nearest existing ancestor of a path that does not exist yet, which must be a folder we may write in. */
async function checkParentWritable(fs: OutputFs, requested: string, finalPath: string): Promise<void> {
  let folder = path.dirname(finalPath);
  for (;;) {
    try {
      const info = await fs.stat(folder);
      if (!info.isDirectory()) {
        throw refusal('parent-not-directory', requested, 1, `${folder} is a file, not a folder. Name a path inside an existing folder.`, `${folder} 是文件而不是文件夹。请指定位于现有文件夹中的路径。`);
      }
      break;
    } catch (error) {
      if (error instanceof OutputRefusal) throw error;
      if (errnoOf(error) === 'ENOTDIR') {
        throw refusal('parent-not-directory', requested, 1, `part of the path ${folder} is a file, not a folder. Name a path inside an existing folder.`, `路径 ${folder} 中有一部分是文件而不是文件夹。请指定位于现有文件夹中的路径。`);
      }
      if (errnoOf(error) !== 'ENOENT') throw error;
      const up = path.dirname(folder);
      if (up === folder) break;
      folder = up;
    }
  }
  try {
    await fs.access(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    if (errnoOf(error) === 'EACCES' || errnoOf(error) === 'EPERM' || errnoOf(error) === 'EROFS') {
      throw refusal(
        'folder-not-writable',
        requested,
        1,
        `you may not write in the folder ${folder} (${errnoOf(error)}), so the file cannot be written safely there. Choose another folder, or ask for write permission on this one.`,
        `您没有文件夹 ${folder} 的写入权限（${errnoOf(error)}），无法在其中安全写出文件。请换一个文件夹，或申请该文件夹的写入权限。`,
      );
    }
    throw error;
  }
}

/**
 * Classifies an output path (see the table in the file comment).
 * @throws OutputRefusal for a path that is never written
 */
export async function resolveOutputTarget(requested: string, fs: OutputFs = nodeFs): Promise<OutputTarget> {
  const absolute = path.resolve(requested);
  let info: Awaited<ReturnType<OutputFs['stat']>> | null;
  try {
    info = await fs.stat(absolute); // follows links, /dev/fd/N included
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ELOOP') {
      throw refusal('symlink-loop', requested, 1, 'its symbolic links loop. Point the link at a file, or name another file.', '其符号链接形成循环。请让链接指向一个文件，或换一个文件名。');
    }
    if (code === 'ENOTDIR') {
      throw refusal('parent-not-directory', requested, 1, 'part of the path is a file, not a folder. Name a path inside an existing folder.', '路径中有一部分是文件而不是文件夹。请指定位于现有文件夹中的路径。');
    }
    if (code !== 'ENOENT') throw error;
    info = null;
  }
  if (info === null) {
    // Nothing there, or a dangling link: the file the chain names is created.
    const finalPath = await followDangling(fs, absolute);
    await checkParentWritable(fs, requested, finalPath);
    return { kind: 'atomic', requested, finalPath, existing: null };
  }
  if (info.isDirectory()) {
    throw refusal('is-directory', requested, 1, `it is a folder. Name a file, for example ${path.join(absolute, 'graded.xlsx')}.`, `这是一个文件夹。请指定一个文件名，例如 ${path.join(absolute, 'graded.xlsx')}。`);
  }
  if (info.isSocket()) {
    throw refusal('is-socket', requested, 1, 'it is a socket, which cannot hold a file. Name a regular file.', '这是一个套接字，无法存放文件。请指定普通文件。');
  }
  if (info.isBlockDevice()) {
    throw refusal('is-block-device', requested, 1, 'it is a block device (a disk); Tierwise never writes onto one. Name a regular file.', '这是块设备（磁盘），客户分级助手绝不会向其写入。请指定普通文件。');
  }
  if (info.isFIFO() || info.isCharacterDevice()) {
    return { kind: 'through', requested, finalPath: absolute, existing: { dev: info.dev, ino: info.ino } };
  }
  const finalPath = await fs.realpath(absolute);
  await checkParentWritable(fs, requested, finalPath);
  return { kind: 'atomic', requested, finalPath, existing: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid, dev: info.dev, ino: info.ino } };
}

/** The identity of an input file (it exists: it was just read). */
export async function inputIdentity(file: string, fs: OutputFs = nodeFs): Promise<FileIdentity> {
  const info = await fs.stat(file);
  return { path: file, dev: info.dev, ino: info.ino };
}

function sameFile(a: { dev: number; ino: number } | null, b: { dev: number; ino: number } | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/**
 * The outputs of one run, checked against the inputs and against each other
 * before anything is written, and again as each file is written (names only
 * known late, like the per-rep copies, are checked then).
 */
export class OutputSet {
  private readonly claimed: { readonly option: string; readonly target: OutputTarget }[] = [];
  constructor(
    private readonly inputs: readonly FileIdentity[],
    private readonly fs: OutputFs = nodeFs,
  ) {}

  /**
   * Resolves `requested` and claims it for `option` (e.g. `--report`).
   * @throws OutputRefusal when it is an input or already claimed by another output
   */
  async claim(option: string, requested: string): Promise<OutputTarget> {
    let target: OutputTarget;
    try {
      target = await resolveOutputTarget(requested, this.fs);
    } catch (error) {
      throw error instanceof OutputRefusal ? error : writeFailure(requested, error);
    }
    const existing = target.existing;
    for (const input of this.inputs) {
      if (sameFile(existing, input)) {
        throw refusal(
          'is-input',
          requested,
          2,
          `it is the input file ${input.path} (by another name). Tierwise never overwrites your source data. Choose another name for ${option}.`,
          `它就是输入文件 ${input.path}（只是名称不同）。客户分级助手不会覆盖您的源数据。请为 ${option} 换一个文件名。`,
        );
      }
    }
    for (const other of this.claimed) {
      const same = sameFile(existing, other.target.existing) || other.target.finalPath.toLowerCase() === target.finalPath.toLowerCase();
      // Two options writing through /dev/null (or one terminal) harm nothing; anything else would overwrite one output with another.
      if (same && !(target.kind === 'through' && other.target.kind === 'through')) {
        throw refusal(
          'same-as-other-output',
          requested,
          2,
          `${option} names the same file as ${other.option} (${other.target.requested}${other.target.finalPath.toLowerCase() === target.finalPath.toLowerCase() && other.target.finalPath !== target.finalPath ? ', the same name but for upper and lower case, one file on Windows and macOS' : ''}), so one would overwrite the other. Give each output its own file name.`,
          `${option} 与 ${other.option}（${other.target.requested}）指向同一个文件，一个会覆盖另一个。请为每个输出指定不同的文件名。`,
        );
      }
    }
    this.claimed.push({ option, target });
    return target;
  }
}

/** Temporary files being written now, removed if the process is stopped by a signal. */
const liveTemporaryFiles = new Set<string>();

/** Removes the temporary files of writes still under way (synchronously: it runs in a signal handler). */
export function removeLiveTemporaryFiles(): string[] {
  const removed: string[] = [];
  for (const temp of liveTemporaryFiles) {
    try {
      unlinkSync(temp);
      removed.push(temp);
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error; // renamed into place already: nothing left behind
    }
    liveTemporaryFiles.delete(temp);
  }
  return removed;
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
let signalCleanupInstalled = false;

/**
 * Ctrl-C, SIGTERM and SIGHUP: remove the temporary files, say so, and exit
 * with 128 + the signal number, as a shell expects. The old outputs are
 * untouched (a rename is the last step of every write). Installed by the
 * real entry point (bin/tierwise.cjs), not by tests that call main().
 */
export function installSignalCleanup(stderr: NodeJS.WritableStream = process.stderr): void {
  if (signalCleanupInstalled) return;
  signalCleanupInstalled = true;
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
    process.on(signal, () => {
      removeLiveTemporaryFiles();
      stderr.write(`\nStopped (${signal}). Files already written are complete; no partial file was left. 已停止（${signal}）。已写出的文件是完整的，没有留下不完整的文件。\n`);
      process.exit(128 + number);
    });
  }
  process.on('exit', () => {
    removeLiveTemporaryFiles();
  });
}

function temporaryName(finalPath: string): string {
  // Short enough for any file system's 255-byte name limit, whatever the target's name.
  const base = path.basename(finalPath).slice(0, 80);
  return path.join(path.dirname(finalPath), `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

async function writeAll(handle: nodeFs.FileHandle, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const end = Math.min(data.length, offset + WRITE_CHUNK_BYTES);
    const { bytesWritten } = await handle.write(data, offset, end - offset);
    offset += bytesWritten;
  }
}

/**
 * What an output holds: bytes, a text, or a text in pieces (UTF-8 encoded one
 * piece at a time: a report larger than V8's longest string is written from
 * src/io/jsonChunks.ts without ever being one string).
 */
export type OutputContent = Uint8Array | string | Iterable<string>;

async function writeContent(handle: nodeFs.FileHandle, content: OutputContent): Promise<void> {
  if (content instanceof Uint8Array) return writeAll(handle, content);
  if (typeof content === 'string') return writeAll(handle, Buffer.from(content, 'utf8'));
  for (const piece of content) await writeAll(handle, Buffer.from(piece, 'utf8'));
}

/** Writes one resolved output (see the file comment); the caller wraps errors with the path. */
export async function writeToTarget(target: OutputTarget, content: OutputContent, fs: OutputFs = nodeFs): Promise<void> {
  if (target.kind === 'through') {
    // Never O_CREAT: if the FIFO or device went away since it was resolved, fail rather than create a file.
    const handle = await fs.open(target.requested, constants.O_WRONLY);
    try {
      await writeContent(handle, content);
    } finally {
      await handle.close();
    }
    return;
  }
  if (target.existing === null) await fs.mkdir(path.dirname(target.finalPath), { recursive: true });
  const temp = temporaryName(target.finalPath);
  liveTemporaryFiles.add(temp);
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await writeContent(handle, content);
    await handle.sync();
    // The old file's permission bits (0o600 otherwise would be a surprise), or the usual 0o666 less the umask for a new one.
    const mode = target.existing === null ? 0o666 & ~process.umask() : target.existing.mode;
    await handle.chmod(mode);
    if (target.existing !== null && typeof process.getuid === 'function' && process.getuid() === 0) await handle.chown(target.existing.uid, target.existing.gid);
    await handle.close();
    handle = null;
    await fs.rename(temp, target.finalPath);
    liveTemporaryFiles.delete(temp);
  } catch (error) {
    if (handle !== null) await handle.close().catch(() => undefined); // the write's own error is the one to report
    await fs.unlink(temp).catch((unlinkError: unknown) => {
      if (errnoOf(unlinkError) !== 'ENOENT') throw unlinkError;
    });
    liveTemporaryFiles.delete(temp);
    throw error;
  }
}

/** What a write error means, for the message (errno code -> words). */
export function writeErrorText(error: unknown): Localized {
  const code = errnoOf(error);
  switch (code) {
    case 'ENOSPC':
      return { en: 'the disk is full (ENOSPC). Free some space or choose another disk, and run again', zh: '磁盘已满（ENOSPC）。请清理空间或换一个磁盘后重新运行' };
    case 'EDQUOT':
      return { en: 'your disk quota is used up (EDQUOT). Free some space, and run again', zh: '磁盘配额已用完（EDQUOT）。请清理空间后重新运行' };
    case 'EROFS':
      return { en: 'the file system is read-only (EROFS). Choose another folder', zh: '文件系统为只读（EROFS）。请换一个文件夹' };
    case 'EACCES':
    case 'EPERM':
      return { en: `permission denied (${code}). Choose another folder or file, or ask for write permission`, zh: `没有权限（${code}）。请换一个文件夹或文件，或申请写入权限` };
    case 'EISDIR':
      return { en: 'it is a folder (EISDIR). Name a file', zh: '这是一个文件夹（EISDIR）。请指定文件名' };
    case 'EIO':
      return { en: 'the disk reported an input/output error (EIO). Check the disk, and run again', zh: '磁盘报告输入/输出错误（EIO）。请检查磁盘后重新运行' };
    default: {
      const detail = code ?? (error instanceof Error ? error.message : String(error));
      return { en: `the system said ${detail}`, zh: `系统提示 ${detail}` };
    }
  }
}

/** A write that failed: the message names the file, the cause, and that the old file is intact. */
export function writeFailure(target: string, error: unknown): OutputRefusal {
  const why = writeErrorText(error);
  const shown = path.resolve(target);
  return new OutputRefusal('write-failed', target, 1, {
    en: `Cannot write the output file ${shown}: ${why.en}. No partial file was left, and a file that was there before is unchanged.`,
    zh: `无法写出输出文件 ${shown}：${why.zh}。没有留下不完整的文件，原有文件保持不变。`,
  });
}
