/**
 * Writes the per-rep copies (issue 7 §3) as .xlsx files, and as one zip.
 * The plans come from src/plan/repCopies.ts; this module only chooses file
 * names, derives the protection verifier once for the whole batch (the
 * copies share one password, and 100,000 SHA-512 rounds per file would cost
 * more than writing it) and writes each copy with the streaming writer.
 *
 * The password is an argument here and nowhere else: it is never part of a
 * plan, never stored, never logged.
 */
import JSZip from 'jszip';
import { pick } from '../../i18n/locale';
import { buildRepCopyPlan, groupByOwner, type RepCopyInput } from '../../plan/repCopies';
import { REP_COPY_TEXT } from '../../plan/repCopyStrings';
import { uniqueFileNames } from '../../plan/copyFileNames';
import { protectionVerifier, type ProtectionVerifier } from './protectionHash';
import { writeWorkbookXlsxStreaming } from './streamXlsx';

export interface RepCopyFile {
  /** The owner as in the data (trimmed); null for the copy of customers without an owner. */
  readonly owner: string | null;
  /** Safe on every OS, unique ignoring case, ending in `.xlsx`. */
  readonly fileName: string;
  readonly customers: number;
  readonly bytes: Uint8Array;
}

export interface WriteRepCopiesOptions {
  /** The copies' protection password; absent = protected without a password. */
  readonly password?: string;
  /** Only this owner's copy (null = the customers without an owner); absent = every copy. */
  readonly only?: { readonly owner: string | null };
  /** Called with each copy as soon as it is written (the CLI saves it then, so memory holds one copy at a time). */
  readonly onFile?: (file: RepCopyFile) => Promise<void> | void;
}

/**
 * Writes the copies, in groupByOwner's order. Returns them (with their
 * bytes unless `onFile` took them: then `bytes` is empty, to free memory).
 * Throws when `only` names an owner the data does not have.
 */
export async function writeRepCopies(input: RepCopyInput, options: WriteRepCopiesOptions = {}): Promise<RepCopyFile[]> {
  const groups = groupByOwner(input.master.result.customers);
  const names = uniqueFileNames(
    groups.map((g) => g.owner ?? pick(REP_COPY_TEXT.noOwnerFile, input.master.locale)),
    '.xlsx',
  );
  const verifier: ProtectionVerifier | undefined = options.password === undefined ? undefined : protectionVerifier(options.password);
  const wanted = options.only;
  const chosen = groups.map((group, i) => ({ group, fileName: names[i] as string })).filter((x) => wanted === undefined || x.group.owner === wanted.owner);
  if (wanted !== undefined && chosen.length === 0) throw new RangeError(`No customers have the owner ${wanted.owner === null ? '(none)' : JSON.stringify(wanted.owner)}.`);
  const out: RepCopyFile[] = [];
  for (const { group, fileName } of chosen) {
    const plan = buildRepCopyPlan(input, group);
    const bytes = await writeWorkbookXlsxStreaming(plan, verifier === undefined ? {} : { protection: { verifier } });
    const file: RepCopyFile = { owner: group.owner, fileName, customers: group.customers.length, bytes };
    if (options.onFile) {
      await options.onFile(file);
      out.push({ ...file, bytes: new Uint8Array(0) });
    } else {
      out.push(file);
    }
  }
  return out;
}

/**
 * The copies as one zip (JSZip). The .xlsx files are zips already, so they
 * are stored, not compressed again; names are UTF-8.
 */
export async function zipRepCopies(files: readonly RepCopyFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) zip.file(file.fileName, file.bytes, { binary: true, compression: 'STORE', date: new Date(Date.UTC(1980, 0, 1)) });
  return zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
}
