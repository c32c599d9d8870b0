/**
 * Writing output files so that a failed run never leaves a partial file under
 * the requested name: write to a temporary sibling, then rename (atomic on
 * one file system). On failure the temporary file is removed and the error
 * rethrown.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A progress line writer for stderr: one line per ~10% step (or \r updates on a terminal). */
export class ProgressPrinter {
  private lastShown = new Map<string, number>();
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(label: string, done: number, total: number, format: (n: number) => string): void {
    if (!this.enabled || total <= 0) return;
    const tenth = Math.floor((done / total) * 10);
    if (this.lastShown.get(label) === tenth && done < total) return;
    this.lastShown.set(label, tenth);
    const text = `${label}: ${format(done)} / ${format(total)} (${Math.floor((done / total) * 100)}%)`;
    if (this.stream.isTTY) this.stream.write(`\r${text}${done >= total ? '\n' : ''}`);
    else this.stream.write(`${text}\n`);
  }
}
