/** Progress lines on stderr (the writer of output files is safeOutput.ts). */
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

/**
 * Progress of a file read as a stream (issue 10 §2): lines read, the share
 * of the file's bytes, and the time left at the rate so far; one line per
 * ~10% of the file (or \r updates on a terminal). Shown for files of 1 MiB
 * and more.
 */
export class StreamProgress {
  private lastTenth = -1;
  private readonly startedAt = Date.now();
  private enabled: boolean;
  private readonly format: Intl.NumberFormat;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    enabled: boolean,
    private readonly label: string,
    private readonly locale: 'en' | 'zh-CN',
  ) {
    this.enabled = enabled;
    this.format = new Intl.NumberFormat(locale);
  }

  update(lines: number, bytesRead: number, totalBytes: number): void {
    if (!this.enabled) return;
    if (totalBytes < STREAM_PROGRESS_MIN_BYTES) {
      this.enabled = false;
      return;
    }
    const share = Math.min(1, bytesRead / totalBytes);
    const tenth = Math.floor(share * 10);
    if (tenth === this.lastTenth || share >= 1) return;
    this.lastTenth = tenth;
    const elapsedSeconds = (Date.now() - this.startedAt) / 1000;
    const leftSeconds = share > 0 ? Math.round((elapsedSeconds / share) * (1 - share)) : null;
    const megabytes = this.format.format(Math.round(totalBytes / 1e6));
    const text =
      this.locale === 'zh-CN'
        ? `${this.label}：${this.format.format(lines)} 行，已读 ${Math.floor(share * 100)}%（共 ${megabytes} MB）${leftSeconds === null ? '' : `，约剩 ${leftSeconds} 秒`}`
        : `${this.label}: ${this.format.format(lines)} lines, ${Math.floor(share * 100)}% of ${megabytes} MB${leftSeconds === null ? '' : `, about ${leftSeconds} s left`}`;
    this.stream.write(this.stream.isTTY ? `\r${text}` : `${text}\n`);
  }

  done(lines: number): void {
    if (!this.enabled || this.lastTenth < 0) return;
    const n = this.format.format(lines);
    const text = this.locale === 'zh-CN' ? `${this.label}：${n} / ${n}（100%）` : `${this.label}: ${n} / ${n} (100%)`;
    this.stream.write(this.stream.isTTY ? `\r${text}\n` : `${text}\n`);
  }
}

/** Files below this size read in a moment: no progress lines. */
const STREAM_PROGRESS_MIN_BYTES = 1024 * 1024;
