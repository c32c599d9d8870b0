/**
 * The per-rep copies (issue 7 §3) without Node, for the task pane's grading
 * worker: the same plans as repCopiesXlsx.ts (src/plan/repCopies.ts), the
 * same file names, written by the exceljs writer (its browser build zips
 * with its own JSZip) and zipped together with JSZip. No node:zlib, no
 * node:crypto: the password verifier comes from protectionHashWeb.ts
 * (WebCrypto), derived once for the batch.
 *
 * Size: exceljs holds the whole workbook as objects (about 20 KB of heap
 * per row, DESIGN/bench figures of writeXlsx.ts), so a copy is limited by
 * the worker's memory rather than by a row count; copies are per owner,
 * usually far under writeXlsx's STREAMING_ROW_THRESHOLD (10,000 rows). A
 * copy above it is still written by exceljs here (never by the streaming
 * writer, which needs node:zlib), only slower; the pane says so before it
 * starts and points to the command line for very large owners.
 *
 * The password is an argument and nothing else: not in a plan, not stored.
 */
import JSZip from 'jszip';
import type { Localized } from '../../i18n/locale';
import { pick } from '../../i18n/locale';
import { formatIsoDay } from '../../domain/dates';
import { buildRepCopyPlan, groupByOwner, type OwnerGroup, type RepCopyInput } from '../../plan/repCopies';
import { REP_COPY_TEXT } from '../../plan/repCopyStrings';
import { uniqueFileNames } from '../../plan/copyFileNames';
import type { PlanInput } from '../../plan/buildPlan';
import type { ProtectionVerifier } from './protectionHash';
import { writeWorkbookXlsx } from './writeXlsx';

/** One owner as the pane lists them: the owner as in the data (null = none), the file name and the customers. */
export interface RepCopyEntry {
  readonly owner: string | null;
  readonly fileName: string;
  readonly customers: number;
}

/** The copies the master gives, in groupByOwner's order, with their unique file names. */
export function repCopyEntries(master: PlanInput): { readonly entry: RepCopyEntry; readonly group: OwnerGroup }[] {
  const groups = groupByOwner(master.result.customers);
  const names = uniqueFileNames(
    groups.map((g) => g.owner ?? pick(REP_COPY_TEXT.noOwnerFile, master.locale)),
    '.xlsx',
  );
  return groups.map((group, i) => ({ group, entry: { owner: group.owner, fileName: names[i] as string, customers: group.customers.length } }));
}

/** The zip's name: `<prefix>-<as-of ISO day>.zip`, the prefix in the master's language. */
export const REP_COPIES_ZIP_PREFIX: Localized = { en: 'tierwise-copies', zh: '客户分级-分发副本' };

export function repCopiesZipName(input: RepCopyInput): string {
  return `${pick(REP_COPIES_ZIP_PREFIX, input.master.locale)}-${formatIsoDay(input.master.result.asOf)}.zip`;
}

export class RepCopiesStopped extends Error {
  constructor() {
    super('the copies were cancelled');
    this.name = 'RepCopiesStopped';
  }
}

export interface WriteRepCopiesWebOptions {
  /** Absent: sheets and structure are protected without a password. */
  readonly verifier?: ProtectionVerifier;
  /** Only this owner's copy (null = the customers without an owner); absent = every copy, zipped. */
  readonly only?: { readonly owner: string | null };
  /** Before each copy is written: its 0-based index among the chosen copies, their count, the entry. */
  readonly onCopy?: (index: number, total: number, entry: RepCopyEntry) => void;
  /** Asked between copies (after yielding to the event loop, where a cancel message arrives). */
  readonly shouldStop?: () => boolean;
}

export interface RepCopiesOutput {
  /** The one .xlsx (`only`), or the zip of every copy. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly kind: 'xlsx' | 'zip';
  readonly copies: readonly RepCopyEntry[];
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Writes the chosen copies with exceljs; every copy (or the one asked for),
 * the zip stored without recompression (an .xlsx is a zip already).
 * Throws a RangeError when `only` names an owner the data does not have.
 */
export async function writeRepCopiesWeb(input: RepCopyInput, options: WriteRepCopiesWebOptions = {}): Promise<RepCopiesOutput> {
  const all = repCopyEntries(input.master);
  const wanted = options.only;
  const chosen = wanted === undefined ? all : all.filter((x) => x.group.owner === wanted.owner);
  if (chosen.length === 0) throw new RangeError(wanted === undefined ? 'The graded data has no customers to copy.' : `No customers have the owner ${wanted.owner === null ? '(none)' : JSON.stringify(wanted.owner)}.`);
  const protection = options.verifier === undefined ? {} : { verifier: options.verifier };
  const files: { entry: RepCopyEntry; bytes: Uint8Array }[] = [];
  for (const [index, { entry, group }] of chosen.entries()) {
    await yieldToEventLoop();
    if (options.shouldStop?.() === true) throw new RepCopiesStopped();
    options.onCopy?.(index, chosen.length, entry);
    const plan = buildRepCopyPlan(input, group);
    // exceljs always: the streaming writer needs node:zlib (see the module comment).
    files.push({ entry, bytes: await writeWorkbookXlsx(plan, { engine: 'exceljs', protection }) });
  }
  await yieldToEventLoop();
  if (options.shouldStop?.() === true) throw new RepCopiesStopped();
  const copies = files.map((f) => f.entry);
  const single = files[0];
  if (wanted !== undefined && single !== undefined) return { fileName: single.entry.fileName, bytes: single.bytes, kind: 'xlsx', copies };
  const zip = new JSZip();
  for (const file of files) zip.file(file.entry.fileName, file.bytes, { binary: true, compression: 'STORE', date: new Date(Date.UTC(1980, 0, 1)) });
  const bytes = await zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
  return { fileName: repCopiesZipName(input), bytes, kind: 'zip', copies };
}
