/**
 * LibreOffice headless as the real spreadsheet engine of the parity tests
 * (DESIGN.md §3 layer 3): open an .xlsx, recalculate, export every sheet to
 * CSV with full precision, and read the CSVs back.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Papa from 'papaparse';

export type LibreOfficeErrorCode = 'soffice-missing' | 'soffice-failed' | 'soffice-timeout' | 'no-output';

export class LibreOfficeError extends Error {
  readonly code: LibreOfficeErrorCode;
  constructor(code: LibreOfficeErrorCode, message: string) {
    super(message);
    this.name = 'LibreOfficeError';
    this.code = code;
  }
}

/**
 * CSV filter options (positional tokens of LibreOffice's "Text - txt - csv (StarCalc)"):
 * 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start row, (empty) cell format,
 * 0 = language, false = do not quote all text, true = detect special numbers,
 * false = save cell contents as stored (full precision, not as shown),
 * false = values not formulas, false = keep spaces, -1 = every sheet to its own file.
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export interface RecalcOptions {
  /** Milliseconds before soffice is killed. @default 120000 */
  readonly timeoutMs?: number;
  /** soffice binary. @default 'soffice' */
  readonly soffice?: string;
}

/**
 * Runs soffice in its own process group, so a timeout kills the whole tree:
 * `oosplash` starts `soffice.bin` as a child, and killing only the former
 * leaves the latter running (seen in the benchmark's timed-out baseline).
 */
function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new LibreOfficeError('soffice-missing', `LibreOffice (${cmd}) is not installed: apt-get install libreoffice-calc-nogui`)
          : new LibreOfficeError('soffice-failed', `${cmd} failed to start: ${error.message}`),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new LibreOfficeError('soffice-timeout', `${cmd} did not finish in ${timeoutMs / 1000} s`));
      else if (code !== 0) reject(new LibreOfficeError('soffice-failed', `${cmd} exited with ${code}\n${stderr}`));
      else resolvePromise({ stdout, stderr });
    });
  });
}

/**
 * LibreOffice's default for .xlsx files is "never recalculate on load": it
 * shows the cached results stored in the file. Our files carry the core's
 * values as cached results, so without this setting a parity test would
 * compare the core with itself. OOXMLRecalcMode / ODFRecalcMode 0 = always.
 */
const ALWAYS_RECALCULATE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts with soffice into a fresh temporary directory, using a private
 * user profile (so parallel runs never share a profile lock). Several inputs
 * share one soffice start (about 5 s of the cost). Returns the output
 * directory; the caller removes its parent.
 */
export async function convertWithLibreOffice(inputPaths: readonly string[], filter: string, options: RecalcOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const work = await mkdtemp(join(tmpdir(), 'tierwise-lo-'));
  const outDir = join(work, 'out');
  const profile = `file://${join(work, 'profile')}`;
  try {
    await mkdir(join(work, 'profile', 'user'), { recursive: true });
    await writeFile(join(work, 'profile', 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE_XCU);
    await run(
      options.soffice ?? 'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', outDir, ...inputPaths.map((p) => resolve(p))],
      timeoutMs,
    );
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return outDir;
}

function stemOf(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

/**
 * Opens each workbook in LibreOffice, which recalculates it, and returns each
 * sheet's values as rows of strings, keyed by input path and sheet name.
 * Input file names must have distinct stems.
 */
export async function recalcManyToCsv(xlsxPaths: readonly string[], options: RecalcOptions = {}): Promise<Map<string, Record<string, string[][]>>> {
  const stems = xlsxPaths.map(stemOf);
  if (new Set(stems).size !== stems.length) throw new LibreOfficeError('soffice-failed', `Input names must differ: ${stems.join(', ')}`);
  const outDir = await convertWithLibreOffice(xlsxPaths, CSV_FILTER, options);
  try {
    const files = (await readdir(outDir)).filter((f) => f.endsWith('.csv'));
    const result = new Map<string, Record<string, string[][]>>();
    // Longest stem first, so `a-b` is not taken for sheet `b-...` of workbook `a`.
    const order = xlsxPaths.map((path, i) => ({ path, stem: stems[i] as string })).sort((a, b) => b.stem.length - a.stem.length);
    const claimed = new Set<string>();
    for (const { path, stem } of order) {
      const sheets: Record<string, string[][]> = {};
      for (const file of files) {
        if (claimed.has(file) || !file.startsWith(`${stem}-`)) continue;
        claimed.add(file);
        const sheetName = file.slice(stem.length + 1, -4);
        const text = await readFile(join(outDir, file), 'utf8');
        // We asked soffice for commas; saying so keeps a sheet of one column (or none: the Charts
        // sheet holds only charts) from failing Papa's delimiter guess.
        const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: ',' });
        if (parsed.errors.length > 0) {
          throw new LibreOfficeError('no-output', `Unreadable CSV from soffice (${file}): ${parsed.errors[0]?.message ?? ''}`);
        }
        const rows = parsed.data;
        // LibreOffice ends the file with a newline, which Papa reads as one empty row.
        const last = rows[rows.length - 1];
        if (last !== undefined && last.length === 1 && last[0] === '') rows.pop();
        sheets[sheetName] = rows;
      }
      if (Object.keys(sheets).length === 0) throw new LibreOfficeError('no-output', `soffice wrote no CSV for ${path}`);
      result.set(path, sheets);
    }
    return result;
  } finally {
    await rm(join(outDir, '..'), { recursive: true, force: true });
  }
}

/**
 * Opens the workbook in LibreOffice, which recalculates it, and returns each
 * sheet's values as rows of strings, keyed by sheet name.
 */
export async function recalcToCsv(xlsxPath: string, options: RecalcOptions = {}): Promise<Record<string, string[][]>> {
  const all = await recalcManyToCsv([xlsxPath], options);
  const sheets = all.get(xlsxPath);
  if (sheets === undefined) throw new LibreOfficeError('no-output', `soffice wrote no CSV for ${xlsxPath}`);
  return sheets;
}

/** Converts to PDF into `targetDir`; returns the PDF path (used to look at the demo workbook). */
export async function convertToPdf(xlsxPath: string, targetDir: string, options: RecalcOptions = {}): Promise<string> {
  const outDir = await convertWithLibreOffice([xlsxPath], 'pdf', options);
  try {
    const files = (await readdir(outDir)).filter((f) => f.endsWith('.pdf'));
    const pdf = files[0];
    if (pdf === undefined) throw new LibreOfficeError('no-output', `soffice wrote no PDF for ${xlsxPath}`);
    const target = join(targetDir, pdf);
    await copyFile(join(outDir, pdf), target);
    return target;
  } finally {
    await rm(join(outDir, '..'), { recursive: true, force: true });
  }
}
