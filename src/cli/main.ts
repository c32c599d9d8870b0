/**
 * `tierwise` command line: grades a CSV or .xlsx file into the grading
 * workbook (.xlsx with live formulas) and the JSON report of GRADING.md §8.
 * Messages follow --lang, else the environment's language (LANG / LC_ALL).
 */
import { open, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HELP, parseArgs, UsageError, type GradeCommand } from './args';
import { ProgressPrinter, StreamProgress } from './output';
import { StreamingGrader } from '../pipeline/gradeStream';
import type * as StreamReaderModule from '../io/streamCsv';
import { inputIdentity, OutputRefusal, OutputSet, writeFailure, writeToTarget, type FileIdentity, type OutputContent } from './safeOutput';
import { jsonChunks } from '../io/jsonChunks';
import { readCopiesPassword, writeCopies } from './split';
import { ImportError } from '../domain/import';
import { DEFAULT_SETTINGS, type GradingSettings } from '../domain/settings';
import { formatIsoDay, todayLocal, type DayNumber } from '../domain/dates';
import { validateSettings } from '../domain/grading';
import { DEFAULT_PREDICTION_SETTINGS } from '../domain/prediction/settings';
import { predictionHighlights } from '../domain/prediction/summary';
import { predictionSummaryLines } from './predictSummary';
import { gradeGrid, type GradeGridOptions, type GradeGridOutput, type PipelineStage } from '../pipeline/gradeGrid';
import { gradeJoined } from '../pipeline/gradeJoined';
import type { JoinReport } from '../domain/join';
import type { FieldKey } from '../domain/types';
import { pick, type Locale, type Localized } from '../i18n/locale';
import { fillTemplate } from '../i18n/strings';
import type * as ReadFileModule from '../io/readFile';
import type * as XlsxWriterModule from '../renderers/xlsx/writeXlsx';
import type * as DeckWriterModule from '../renderers/pptx/writeDeck';
import type * as PreviousModule from './previous';
import { EMPTY_HISTORY, historyInputFrom, type CarriedEntries, type GradeHistory } from '../domain/history';

const VERSION = '0.1.0';

/** Rows above which progress is printed on stderr. */
const PROGRESS_MIN_ROWS = 50_000;

interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** The file readers pull in exceljs and iconv-lite: loaded only when a file is read, so --help and usage errors answer at once. */
function loadReaders(): typeof ReadFileModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load (see above)
  return require('../io/readFile') as typeof ReadFileModule;
}

/** The streaming CSV reader (iconv-lite, Papa Parse): loaded only when a file is read. */
function loadStreamReader(): typeof StreamReaderModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load (see above)
  return require('../io/streamCsv') as typeof StreamReaderModule;
}

/** exceljs again: loaded only when a workbook is written. */
function loadXlsxWriter(): typeof XlsxWriterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load (see above)
  return require('../renderers/xlsx/writeXlsx') as typeof XlsxWriterModule;
}

/** exceljs for the earlier workbook of --previous (issue 8 §2): loaded only then. */
function loadPreviousReader(): typeof PreviousModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load (see above)
  return require('./previous') as typeof PreviousModule;
}

/** PptxGenJS: loaded only when a deck is written. */
function loadDeckWriter(): typeof DeckWriterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load (see above)
  return require('../renderers/pptx/writeDeck') as typeof DeckWriterModule;
}

/** The slide deck of a graded job, from its summary and settings (not by reading the workbook back). */
async function renderDeck(output: GradeGridOutput, locale: Locale, sourceName: string): Promise<Uint8Array> {
  const { writeDeck } = loadDeckWriter();
  const { grading, settings } = output;
  // The report's own §9 summary: the deck shows exactly the numbers of the JSON report.
  const run = output.prediction;
  // Issue 9: the prediction slide, from the same prediction summary as the report's model.
  const prediction = run ? predictionHighlights(run.summary, run.settings) : null;
  // Issue 8 §2: the migration slide when the history has an earlier snapshot.
  const migration = output.report.history?.migration ?? null;
  return writeDeck({ summary: output.report.summary, settings, locale, asOf: grading.asOf, breakpoints: grading.breakpoints, sourceName, prediction, ...(migration === null ? {} : { migration }) });
}

function envLocale(env: NodeJS.ProcessEnv): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const STAGE_LABELS: Record<PipelineStage, Localized> = {
  import: { en: 'Reading rows', zh: '读取行' },
  aggregate: { en: 'Combining order lines', zh: '汇总订单行' },
  grade: { en: 'Grading customers', zh: '客户分级' },
  plan: { en: 'Planning the workbook', zh: '规划工作簿' },
};

const T = {
  readFailed: { en: 'Cannot read the input file', zh: '无法读取输入文件' },
  writeFailed: {
    en: 'Cannot write the output file (check that the folder exists, that you may write there, and that the name is not a folder)',
    zh: '无法写出输出文件（请检查文件夹是否存在、是否有写入权限，以及该名称是否为文件夹）',
  },
  unexpected: {
    en: 'Tierwise stopped on an unexpected error. No output file was written under the requested name. Details:',
    zh: '客户分级助手遇到意外错误而停止，未按指定名称写出任何文件。详细信息：',
  },
  settingsInvalid: { en: 'The grading settings are not valid:', zh: '分级设置无效：' },
  graded: { en: 'Graded', zh: '已分级' },
  customers: { en: 'customers', zh: '位客户' },
  asOf: { en: 'as of', zh: '截止日期' },
  rows: { en: 'Rows read', zh: '读取行数' },
  skipped: { en: 'skipped', zh: '跳过' },
  issues: { en: 'Issues', zh: '问题' },
  more: { en: 'more in the report', zh: '条详见报告' },
  wrote: { en: 'Wrote', zh: '已写出' },
  tiers: { en: 'Tiers', zh: '等级' },
  ambiguousDates: {
    en: 'dates could be day/month or month/day, and those rows were skipped. Run again with --day-month dmy (day first) or --day-month mdy (month first)',
    zh: '个日期既可能是“日/月”也可能是“月/日”，这些行已跳过。请加上 --day-month dmy（日在前）或 --day-month mdy（月在前）重新运行',
  },
  suggests: { en: 'the other dates in the file suggest', zh: '文件中其他日期显示应为' },
  demoSample: { en: 'Sample', zh: '示例' },
  joinMatched: {
    en: '{inBoth} of {orderCustomers} customers in the orders are in the archive; {ordersOnly} are not (graded, flagged "not in the archive"). {archiveOnly} archive customers have no orders (prospects).',
    zh: '订单中的 {orderCustomers} 位客户有 {inBoth} 位在客户档案中，{ordersOnly} 位不在（已分级，并标为“不在客户档案中”）。档案中有 {archiveOnly} 位客户没有订单（潜在客户）。',
  },
  demoDone: { en: 'Demo finished. Open the .xlsx files in Excel or LibreOffice; the JSON reports are beside them.', zh: '演示完成。请用 Excel 或 LibreOffice 打开 .xlsx 文件；JSON 报告在同一目录。' },
} satisfies Record<string, Localized>;

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let locale = envLocale(io.env);
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout.write(`${pick(HELP, locale)}\n`);
        return 0;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'grade':
        locale = command.lang ?? locale;
        return await runGrade(command, locale, io);
      case 'demo':
        locale = command.lang ?? locale;
        return await runDemo(command.outDir, locale, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${locale === 'zh-CN' ? error.zh : error.en}\n`);
      return 2;
    }
    if (error instanceof OutputRefusal) {
      io.stderr.write(`${pick(error.userMessage, locale)}\n`);
      return error.exitCode;
    }
    if (error instanceof ImportError || hasUserMessage(error)) {
      io.stderr.write(`${pick(error.userMessage, locale)}\n`);
      return 1;
    }
    if (isFileError(error)) {
      io.stderr.write(`${pick(T.readFailed, locale)}: ${error.path ?? ''} (${error.code})\n`);
      return 1;
    }
    const detail = error instanceof Error ? (io.env.TIERWISE_DEBUG ? error.stack ?? error.message : error.message) : String(error);
    io.stderr.write(`${pick(T.unexpected, locale)}\n${detail}\n`);
    return 1;
  }
}

/**
 * Errors meant for the user carry a bilingual `userMessage` (ImportError,
 * FileReadError, XlsxReadError). Checked by shape, because the file readers
 * are loaded lazily.
 */
function hasUserMessage(error: unknown): error is Error & { userMessage: Localized } {
  if (!(error instanceof Error)) return false;
  const message = (error as { userMessage?: unknown }).userMessage;
  return typeof message === 'object' && message !== null && typeof (message as Localized).en === 'string' && typeof (message as Localized).zh === 'string';
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '');
}

function settingsFor(command: Pick<GradeCommand, 'asOf'>, locale: Locale): GradingSettings {
  const settings: GradingSettings = { ...DEFAULT_SETTINGS, asOf: command.asOf ?? DEFAULT_SETTINGS.asOf };
  const problems = validateSettings(settings);
  if (problems.length > 0) {
    throw new UsageError(
      `${T.settingsInvalid.en}\n${problems.map((p) => `- ${p.message.en}`).join('\n')}`,
      `${T.settingsInvalid.zh}\n${problems.map((p) => `- ${p.message.zh}`).join('\n')}`,
    );
  }
  void locale;
  return settings;
}

async function runGrade(command: GradeCommand, locale: Locale, io: Io): Promise<number> {
  // Issue 10 §1: every output is checked against the inputs (by device and inode) and the other outputs before any work.
  const inputs: FileIdentity[] = [await inputIdentity(command.input)];
  if (command.customers) inputs.push(await inputIdentity(command.customers.input));
  // Issue 8 §2: the earlier workbook is an input: never overwritten (write the new one beside it).
  if (command.previous) inputs.push(await inputIdentity(command.previous));
  if (command.split?.password.from === 'file') {
    // A missing password file is reported by its reader (exit 2, its own words); one that exists is never an output.
    const passwordFile = await inputIdentity(command.split.password.path).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw error;
    });
    if (passwordFile !== null) inputs.push(passwordFile);
  }
  const preflight = new OutputSet(inputs);
  const outPathChecked = command.out ?? defaultOutPath(command.input);
  if (command.split === undefined || command.split === null || command.out !== null) await preflight.claim('--out', outPathChecked);
  if (command.report !== null) await preflight.claim('--report', command.report);
  if (command.deck !== null) await preflight.claim('--deck', command.deck);
  const outputs = new OutputSet(inputs);
  const { readInputFile, isTextInput } = loadReaders();
  // Issue 10 §2: a CSV graded alone is streamed (millions of lines in bounded memory); a workbook, and an order log joined to an archive, are read whole.
  const streamed = !command.customers && isTextInput(await firstBytesOf(command.input), path.basename(command.input));
  const input: GradeSource = streamed
    ? { stream: { file: command.input, encoding: command.encoding }, issues: [], encoding: null }
    : await readInputFile(new Uint8Array(await readFile(command.input)), path.basename(command.input), {
        encoding: command.encoding,
        ...(command.sheet === null ? {} : { sheet: command.sheet }),
      });
  let archive: ArchiveInput | null = null;
  if (command.customers) {
    const archiveFile = await readInputFile(new Uint8Array(await readFile(command.customers.input)), path.basename(command.customers.input), {
      encoding: command.customers.encoding,
      ...(command.customers.sheet === null ? {} : { sheet: command.customers.sheet }),
    });
    archive = { grid: archiveFile.grid, issues: archiveFile.issues, mapping: command.customers.mapping };
  }
  const outPath = outPathChecked;
  const deck = command.deck === null ? null : { path: command.deck, sourceName: path.basename(command.input) };
  // Per-rep copies (issue 7): the password is read before any work; the master is written only with --out.
  const split = command.split ?? null;
  const terminal = { input: process.stdin, output: io.stderr };
  const password = split === null ? undefined : await readCopiesPassword(split, { terminal }, locale);
  const masterPath = split !== null && command.out === null ? null : outPath;
  const previous = command.previous ? await loadPreviousReader().readPreviousWorkbook(new Uint8Array(await readFile(command.previous)), command.previous) : null;
  const history: PreviousHistory = previous === null ? { earlier: EMPTY_HISTORY, carried: null } : { earlier: previous.history, carried: previous.carried };
  const output = await gradeAndWrite(input, input.issues, command, locale, io, masterPath, command.report, deck, archive, outputs, history);
  if (split !== null) await writeCopies(output, split, password, locale, { stdout: io.stdout, terminal, writeOutput: (target, data) => writeOutput(outputs, '--out-dir', target, data) });
  const written = [...(masterPath === null ? [] : [masterPath]), ...(command.report ? [command.report] : []), ...(command.deck ? [command.deck] : [])];
  printSummary(output, locale, io, written, input.encoding);
  return 0;
}

function defaultOutPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-graded.xlsx`);
}

/** The first bytes of a file (a workbook's signature), or fewer for a shorter file. */
async function firstBytesOf(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What is graded: a grid read whole, or a text file to stream (its encoding is known once read). */
type GradeSource =
  | { readonly grid: Parameters<typeof gradeGrid>[0]; readonly issues: GradeGridOutput['issues']; readonly encoding: string | null }
  | { readonly stream: { readonly file: string; readonly encoding: GradeCommand['encoding'] }; readonly issues: GradeGridOutput['issues']; encoding: string | null };

/** A text file streamed through the grader (src/pipeline/gradeStream.ts); progress shows lines read and the time left. */
async function gradeStreamed(source: Extract<GradeSource, { stream: unknown }>, options: GradeGridOptions, quiet: boolean, locale: Locale, io: Io): Promise<GradeGridOutput> {
  const { streamCsvFile } = loadStreamReader();
  const grader = new StreamingGrader(options);
  const progress = new StreamProgress(io.stderr, !quiet, pick(STAGE_LABELS.import, locale), locale);
  const file = await streamCsvFile(source.stream.file, (rows) => grader.push(rows), {
    encoding: source.stream.encoding,
    onProgress: (bytesRead, totalBytes) => progress.update(grader.rowsBelowHeader, bytesRead, totalBytes),
  });
  progress.done(grader.rowsBelowHeader);
  source.encoding = file.encoding;
  return grader.finish(file.issues);
}

async function gradeAndWrite(
  source: GradeSource | Parameters<typeof gradeGrid>[0],
  sourceIssues: GradeGridOutput['issues'],
  command: Pick<GradeCommand, 'asOf' | 'kind' | 'mapping' | 'dayMonthOrder' | 'quiet'> & Partial<Pick<GradeCommand, 'prediction'>>,
  locale: Locale,
  io: Io,
  outPath: string | null,
  reportPath: string | null,
  deck: { readonly path: string; readonly sourceName: string } | null = null,
  archive: ArchiveInput | null = null,
  outputs: OutputSet = new OutputSet([]),
  previous: PreviousHistory = { earlier: EMPTY_HISTORY, carried: null },
): Promise<GradeGridOutput> {
  const grid = 'stream' in source ? [] : 'grid' in source ? source.grid : source;
  const progress = new ProgressPrinter(io.stderr, !command.quiet && grid.length >= PROGRESS_MIN_ROWS);
  const numberFormat = new Intl.NumberFormat(locale);
  const options = {
    import: {
      ...(command.kind === null ? {} : { kind: command.kind }),
      mapping: command.mapping,
      dayMonthOrder: command.dayMonthOrder,
      // The report lists every problem: the cap exists for the task pane's memory, not for a file.
      maxIssuesPerCode: Number.POSITIVE_INFINITY,
    },
    sourceIssues,
    settings: settingsFor(command, locale),
    prediction: command.prediction ?? DEFAULT_PREDICTION_SETTINGS,
    locale,
    today: todayLocal(),
    // Issue 8 §2: every build records its snapshot; the earlier history (--previous) is known once the as-of date is.
    history: (asOf: DayNumber) => historyInputFrom(previous.earlier, asOf),
    ...(previous.carried === null ? {} : { carried: previous.carried }),
    onProgress: (p: { stage: PipelineStage; done: number; total: number }) =>
      progress.update(pick(STAGE_LABELS[p.stage], locale), p.done, p.total, (n) => numberFormat.format(n)),
  };
  const output =
    'stream' in source
      ? await gradeStreamed(source, options, command.quiet, locale, io)
      : archive === null
      ? gradeGrid(grid, options)
      : gradeJoined(grid, archive.grid, {
          ...options,
          archiveImport: { mapping: archive.mapping, dayMonthOrder: command.dayMonthOrder, maxIssuesPerCode: Number.POSITIVE_INFINITY },
          archiveSourceIssues: archive.issues,
        });
  const { writeWorkbookXlsx } = loadXlsxWriter();
  const workbook = outPath === null ? null : await writeWorkbookXlsx(output.plan);
  const deckBytes = deck === null ? null : await renderDeck(output, locale, deck.sourceName);
  // Every file is complete in memory before any is written, and each is
  // renamed into place only once fully written.
  if (outPath !== null && workbook !== null) await writeOutput(outputs, '--out', outPath, workbook);
  if (reportPath !== null) await writeOutput(outputs, '--report', reportPath, jsonChunks(output.report)); // in pieces: a report may exceed V8's longest string
  if (deck !== null && deckBytes !== null) await writeOutput(outputs, '--deck', deck.path, deckBytes);
  return output;
}

/** The history a grade starts from: the earlier workbook's (--previous), or none. */
interface PreviousHistory {
  readonly earlier: GradeHistory;
  readonly carried: CarriedEntries | null;
}

/** The customer archive of `--customers`, read. */
interface ArchiveInput {
  readonly grid: Parameters<typeof gradeGrid>[0];
  readonly issues: GradeGridOutput['issues'];
  readonly mapping: Partial<Record<FieldKey, string>>;
}

/** Resolves and claims the output again as it is written (it may have changed since the check), then writes it by its kind. */
async function writeOutput(outputs: OutputSet, option: string, target: string, data: OutputContent): Promise<void> {
  const resolved = await outputs.claim(option, target);
  try {
    await writeToTarget(resolved, data);
  } catch (error) {
    throw writeFailure(target, error);
  }
}

function printSummary(output: GradeGridOutput, locale: Locale, io: Io, written: readonly string[], encoding: string | null): void {
  const nf = new Intl.NumberFormat(locale);
  const { report, grading, issues } = output;
  const lines: string[] = [];
  lines.push(`${pick(T.graded, locale)} ${nf.format(grading.customers.length)} ${pick(T.customers, locale)}, ${pick(T.asOf, locale)} ${formatIsoDay(grading.asOf)}${encoding ? ` (${encoding})` : ''}`);
  lines.push(`${pick(T.rows, locale)}: ${nf.format(report.import.rowsRead)}, ${pick(T.skipped, locale)}: ${nf.format(report.import.rowsSkipped)}`);
  const tierCounts = new Map<string, number>();
  for (const c of grading.customers) tierCounts.set(c.tier, (tierCounts.get(c.tier) ?? 0) + 1);
  const tierText = output.settings.tiers
    .filter((t) => tierCounts.has(t.key))
    .map((t) => `${pick(t.label, locale)} ${nf.format(tierCounts.get(t.key) ?? 0)}`)
    .join(', ');
  lines.push(`${pick(T.tiers, locale)}: ${tierText}`);
  const join = (output as { join?: JoinReport }).join;
  if (join) {
    lines.push(
      fillTemplate(pick(T.joinMatched, locale), {
        inBoth: nf.format(join.inBoth),
        orderCustomers: nf.format(join.inBoth + join.ordersOnly),
        ordersOnly: nf.format(join.ordersOnly),
        archiveOnly: nf.format(join.archiveOnly),
      }),
    );
  }
  if (issues.length > 0) {
    lines.push(`${pick(T.issues, locale)}: ${nf.format(issues.length)}`);
    for (const issue of issues.slice(0, 5)) lines.push(`  - ${pick(issue.message, locale)}`);
    if (issues.length > 5) lines.push(`  … ${nf.format(issues.length - 5)} ${pick(T.more, locale)}`);
  }
  const analysis = output.importResult.analysis;
  // Only when rows were skipped for it: with --day-month the dates are read, and the line would say otherwise.
  if (analysis.ambiguousDateCount > 0 && issues.some((issue) => issue.code === 'ambiguous-date')) {
    const hint = analysis.suggestedDayMonthOrder ? ` (${pick(T.suggests, locale)} ${analysis.suggestedDayMonthOrder})` : '';
    lines.push(`${nf.format(analysis.ambiguousDateCount)} ${pick(T.ambiguousDates, locale)}${hint}.`);
  }
  lines.push(...predictionSummaryLines(output.prediction, locale, nf));
  for (const file of written) lines.push(`${pick(T.wrote, locale)} ${path.resolve(file)}`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** The bundled samples the demo grades (a Chinese customer list and an order log). */
const DEMO_SAMPLES = [
  { file: 'customer-list.csv', base: 'customers' },
  { file: 'order-log.csv', base: 'orders' },
] as const;

/**
 * The project's directory: the nearest one above `from` holding package.json.
 * The CLI runs from src/cli (tsx) or from dist-cli (its bundle), so the bundled
 * samples are found from the project, not at a fixed distance from this file.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

async function runDemo(outDir: string, locale: Locale, io: Io): Promise<number> {
  const samplesDir = path.join(projectRoot(__dirname), 'src', 'preview', 'samples');
  for (const sample of DEMO_SAMPLES) {
    const source = path.join(samplesDir, sample.file);
    const bytes = new Uint8Array(await readFile(source));
    const { readInputFile } = loadReaders();
    const input = await readInputFile(bytes, sample.file, { encoding: 'auto' });
    const outPath = path.join(outDir, `${sample.base}-graded.xlsx`);
    const reportPath = path.join(outDir, `${sample.base}-report.json`);
    io.stdout.write(`\n${pick(T.demoSample, locale)}: ${path.relative(process.cwd(), source)}\n`);
    const output = await gradeAndWrite(input.grid, input.issues, { asOf: null, kind: null, mapping: {}, dayMonthOrder: null, quiet: false }, locale, io, outPath, reportPath);
    printSummary(output, locale, io, [outPath, reportPath], input.encoding);
  }
  io.stdout.write(`\n${pick(T.demoDone, locale)}\n`);
  return 0;
}
