/**
 * Command-line argument parsing for `tierwise`. Pure: turns argv into a typed
 * command or a usage error; main.ts does the work.
 */
import type { FieldKey, InputKind } from '../domain/types';
import type { Locale } from '../i18n/locale';
import { parseIsoDay, type DayNumber } from '../domain/dates';
import type { AsOfSetting } from '../domain/settings';
import type { PredictionSettings } from '../domain/prediction/settings';
import { parsePredictionArgs, PREDICTION_FLAGS, PREDICTION_HELP } from './predictArgs';

export type EncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'utf-16';

export interface GradeCommand {
  readonly command: 'grade';
  readonly input: string;
  readonly out: string | null;
  readonly report: string | null;
  /** The slide deck (.pptx) to write, or null. */
  readonly deck: string | null;
  readonly asOf: AsOfSetting | null;
  readonly kind: InputKind | null;
  readonly mapping: Partial<Record<FieldKey, string>>;
  readonly encoding: EncodingChoice;
  readonly lang: Locale | null;
  readonly dayMonthOrder: 'dmy' | 'mdy' | null;
  readonly sheet: string | null;
  readonly quiet: boolean;
  /** A customer archive joined to the input on the customer ID (--customers), or null for one source. */
  readonly customers?: CustomersSource | null;
  /** Per-rep copies (issue 7): one file per owner into `outDir`; null = the one master workbook. */
  readonly split?: SplitOptions | null;
  /** Prediction settings (issue 9): --no-predict, --horizon-days, --clv-months, --monthly-discount, --calibration-end. */
  readonly prediction: PredictionSettings;
  /** Issue 8 §2: an earlier graded workbook whose history, overrides and notes are carried forward (--previous), or null. */
  readonly previous?: string | null;
}

/** The customer archive of `--customers` and how to read it. */
export interface CustomersSource {
  readonly input: string;
  readonly sheet: string | null;
  readonly mapping: Partial<Record<FieldKey, string>>;
  readonly encoding: EncodingChoice;
}

/** `--split-by owner --out-dir DIR`, and where the copies' password comes from (never argv). */
export interface SplitOptions {
  readonly by: 'owner';
  readonly outDir: string;
  readonly password: { readonly from: 'none' } | { readonly from: 'file'; readonly path: string } | { readonly from: 'prompt' };
}

export interface DemoCommand {
  readonly command: 'demo';
  readonly outDir: string;
  readonly lang: Locale | null;
}

export type Command = GradeCommand | DemoCommand | { readonly command: 'help' } | { readonly command: 'version' };

/** A usage error: what was wrong, in both languages. */
export class UsageError extends Error {
  readonly code = 'usage';
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'UsageError';
  }
}

export const FIELD_KEYS: readonly FieldKey[] = [
  'customerId', 'name', 'customerType', 'owner', 'phone', 'email', 'region', 'idNumber', 'address', 'firstPurchase', 'lastPurchase',
  'orderCount', 'totalSpend', 'lastContact', 'satisfaction', 'consent', 'tierOverride', 'notes',
  'orderId', 'orderDate', 'quantity', 'unitPrice', 'amount',
];

const ENCODINGS: readonly EncodingChoice[] = ['auto', 'utf-8', 'gb18030', 'utf-16'];

function parseLang(value: string): Locale {
  const v = value.toLowerCase();
  if (v === 'en') return 'en';
  if (v === 'zh-cn' || v === 'zh') return 'zh-CN';
  throw new UsageError(`--lang must be en or zh-CN, not '${value}'.`, `--lang 只能是 en 或 zh-CN，而不是“${value}”。`);
}

function parseAsOf(value: string): AsOfSetting {
  if (value === 'auto') return { mode: 'auto' };
  if (value === 'today') return { mode: 'today' };
  const day: DayNumber | null = parseIsoDay(value);
  if (day === null) {
    throw new UsageError(
      `--as-of must be a date YYYY-MM-DD, 'today' or 'auto', not '${value}'.`,
      `--as-of 必须是 YYYY-MM-DD 格式的日期、today 或 auto，而不是“${value}”。`,
    );
  }
  return { mode: 'fixed', day };
}

/** Parses `tierwise` arguments (without the node and script paths). */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };

  const options = new Map<string, string[]>();
  const positional: string[] = [];
  const flagsWithoutValue = new Set<string>(['--quiet', '--copies-password-prompt', ...PREDICTION_FLAGS]);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (flagsWithoutValue.has(name)) {
        options.set(name, ['true']);
        continue;
      }
      let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) {
        throw new UsageError(`${name} needs a value.`, `${name} 需要一个值。`);
      }
      // `--map a=b` and `--map=a=b` both work; only the first '=' of --map=... splits the option name.
      if (eq > 0 && (name === '--map' || name === '--map-customers')) value = arg.slice(eq + 1);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  const one = (name: string): string | null => {
    const values = options.get(name);
    options.delete(name);
    if (!values) return null;
    if (values.length > 1) throw new UsageError(`${name} was given more than once.`, `${name} 重复指定了。`);
    return values[0] ?? null;
  };

  if (first === 'demo') {
    const outDir = one('--out-dir') ?? 'out';
    const lang = one('--lang');
    rejectLeftovers(options, positional);
    return { command: 'demo', outDir, lang: lang === null ? null : parseLang(lang) };
  }
  if (first !== 'grade') {
    throw new UsageError(`Unknown command '${first}'. Commands: grade, demo, --help.`, `未知命令“${first}”。可用命令：grade、demo、--help。`);
  }
  const input = positional.shift();
  if (input === undefined) {
    throw new UsageError('Name the input file: tierwise grade <input.csv|input.xlsx>.', '请指定输入文件：tierwise grade <input.csv|input.xlsx>。');
  }
  const out = one('--out');
  const report = one('--report');
  const deck = one('--deck');
  const asOfText = one('--as-of');
  const kindText = one('--kind');
  const encodingText = one('--encoding') ?? 'auto';
  const langText = one('--lang');
  const dayMonthText = one('--day-month');
  const sheet = one('--sheet');
  const quiet = one('--quiet') === 'true';
  const split = parseSplit(one);
  const prediction = parsePredictionArgs(one);
  const previous = one('--previous');
  const mapValues = options.get('--map') ?? [];
  options.delete('--map');
  const customers = customersSource(one, options);
  rejectLeftovers(options, positional);

  if (kindText !== null && kindText !== 'customers' && kindText !== 'transactions') {
    throw new UsageError(`--kind must be customers or transactions, not '${kindText}'.`, `--kind 只能是 customers 或 transactions，而不是“${kindText}”。`);
  }
  if (!(ENCODINGS as readonly string[]).includes(encodingText)) {
    throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, not '${encodingText}'.`, `--encoding 只能是 ${ENCODINGS.join('、')} 之一，而不是“${encodingText}”。`);
  }
  if (dayMonthText !== null && dayMonthText !== 'dmy' && dayMonthText !== 'mdy') {
    throw new UsageError(`--day-month must be dmy (day first) or mdy (month first), not '${dayMonthText}'.`, `--day-month 只能是 dmy（日在前）或 mdy（月在前），而不是“${dayMonthText}”。`);
  }
  const mapping = parseMapping('--map', mapValues);
  return {
    command: 'grade',
    input,
    out,
    report,
    deck,
    asOf: asOfText === null ? null : parseAsOf(asOfText),
    kind: kindText,
    mapping,
    encoding: encodingText as EncodingChoice,
    lang: langText === null ? null : parseLang(langText),
    dayMonthOrder: dayMonthText,
    sheet,
    quiet,
    ...(customers === null ? {} : { customers }),
    // absent unless asked for, so a plain grade command reads exactly as before
    ...(split === null ? {} : { split }),
    prediction,
    ...(previous === null ? {} : { previous }),
  };
}

function parseMapping(option: string, entries: readonly string[]): Partial<Record<FieldKey, string>> {
  const mapping: Partial<Record<FieldKey, string>> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const field = eq > 0 ? entry.slice(0, eq).trim() : '';
    const header = eq > 0 ? entry.slice(eq + 1) : '';
    if (!(FIELD_KEYS as readonly string[]).includes(field) || header.trim() === '') {
      throw new UsageError(
        `${option} takes field=Header, with field one of: ${FIELD_KEYS.join(', ')}. Got '${entry}'.`,
        `${option} 的格式是 字段=列标题，字段为：${FIELD_KEYS.join('、')}。收到的是“${entry}”。`,
      );
    }
    mapping[field as FieldKey] = header;
  }
  return mapping;
}

/** `--customers FILE [--customers-sheet NAME] [--customers-encoding E] [--map-customers field=Header ...]`. */
function customersSource(one: (name: string) => string | null, options: Map<string, string[]>): CustomersSource | null {
  const input = one('--customers');
  const sheet = one('--customers-sheet');
  const encodingText = one('--customers-encoding');
  const mapValues = options.get('--map-customers') ?? [];
  options.delete('--map-customers');
  if (input === null) {
    if (sheet !== null || encodingText !== null || mapValues.length > 0) {
      throw new UsageError(
        '--customers-sheet, --customers-encoding and --map-customers describe the customer archive: name it with --customers FILE.',
        '--customers-sheet、--customers-encoding 和 --map-customers 用于客户档案：请用 --customers 文件 指定档案。',
      );
    }
    return null;
  }
  const encoding = encodingText ?? 'auto';
  if (!(ENCODINGS as readonly string[]).includes(encoding)) {
    throw new UsageError(`--customers-encoding must be one of ${ENCODINGS.join(', ')}, not '${encoding}'.`, `--customers-encoding 只能是 ${ENCODINGS.join('、')} 之一，而不是“${encoding}”。`);
  }
  return { input, sheet, mapping: parseMapping('--map-customers', mapValues), encoding: encoding as EncodingChoice };
}

/** The per-rep copy options (issue 7 §3); a password is never taken from the command line. */
function parseSplit(one: (name: string) => string | null): SplitOptions | null {
  for (const name of ['--copies-password', '--password']) {
    if (one(name) !== null) {
      throw new UsageError(
        `${name}: a password is never taken from the command line (other users and the shell history could read it). Use --copies-password-file FILE or --copies-password-prompt.`,
        `${name}：密码不能写在命令行里（其他用户和命令历史可能看到）。请使用 --copies-password-file 文件 或 --copies-password-prompt。`,
      );
    }
  }
  const by = one('--split-by');
  const outDir = one('--out-dir');
  const passwordFile = one('--copies-password-file');
  const prompt = one('--copies-password-prompt') === 'true';
  if (by === null) {
    if (outDir !== null || passwordFile !== null || prompt) {
      throw new UsageError('--out-dir and the copies\' password options go with --split-by owner.', '--out-dir 和副本密码选项需要与 --split-by owner 一起使用。');
    }
    return null;
  }
  if (by !== 'owner') throw new UsageError(`--split-by takes owner, not '${by}'.`, `--split-by 只能是 owner，而不是“${by}”。`);
  if (outDir === null) throw new UsageError('--split-by owner needs --out-dir DIR: the folder for the copies.', '--split-by owner 需要 --out-dir 文件夹：副本写入的位置。');
  if (passwordFile !== null && prompt) {
    throw new UsageError('Give either --copies-password-file or --copies-password-prompt, not both.', '--copies-password-file 与 --copies-password-prompt 只能选一个。');
  }
  const password: SplitOptions['password'] = passwordFile !== null ? { from: 'file', path: passwordFile } : prompt ? { from: 'prompt' } : { from: 'none' };
  return { by: 'owner', outDir, password };
}

function rejectLeftovers(options: Map<string, string[]>, positional: string[]): void {
  const unknown = [...options.keys()];
  if (unknown.length > 0) {
    throw new UsageError(`Unknown option ${unknown.join(', ')}. See tierwise --help.`, `未知选项 ${unknown.join('、')}。请查看 tierwise --help。`);
  }
  if (positional.length > 0) {
    throw new UsageError(`Unexpected argument '${positional[0]}'. See tierwise --help.`, `多余的参数“${positional[0]}”。请查看 tierwise --help。`);
  }
}

export const HELP = {
  en: `tierwise — grade customers (RFM scores, segments, tiers, lifecycle) into an Excel workbook with live formulas.

Usage:
  tierwise grade <input.csv|input.xlsx> [--out graded.xlsx] [--report report.json] [--deck deck.pptx]
                 [--as-of YYYY-MM-DD|today|auto] [--kind customers|transactions]
                 [--map field=Header ...] [--encoding auto|utf-8|gb18030|utf-16]
                 [--lang en|zh-CN] [--day-month dmy|mdy] [--sheet "Sheet name"] [--quiet]
                 [--customers archive.csv|archive.xlsx [--customers-sheet "Sheet name"]
                  [--customers-encoding auto|utf-8|gb18030|utf-16] [--map-customers field=Header ...]]
                 [--previous last-graded.xlsx]
  tierwise grade <input> --split-by owner --out-dir DIR
                 [--copies-password-file FILE | --copies-password-prompt]
  tierwise demo [--out-dir out] [--lang en|zh-CN]
  tierwise --help | --version

grade   Reads a customer list or an order log (CSV in any common encoding, or .xlsx),
        grades every customer and writes the grading workbook (--out, default
        <input>-graded.xlsx), with --report the JSON report and, with --deck, a slide
        deck (.pptx, native editable charts) in the --lang language.
        With --customers, the input is the order log and the archive (ID, name, owner,
        phone, region, ...) is the grading table: archive customers without orders are
        prospects, customers of the orders missing from the archive are graded and flagged.
        With --split-by owner: one copy per owner (sales rep) in DIR, plus one for
        customers without an owner, each holding only those customers, ID numbers
        and addresses masked, protected for the sales-rep role; grades are the
        whole population's. The copies' password comes from a file (its first line)
        or a prompt without echo, never from the command line; without either the
        copies are protected without a password. Protection stops accidental edits;
        it is not security: the copies themselves keep other reps' data out.
        Every workbook keeps a History sheet (one row per customer, one group of
        columns per as-of date) and the table's Previous tier and Change columns.
        With --previous, the earlier workbook's history is carried forward (the same
        as-of date replaces its snapshot, a new one adds one), the Summary shows the
        tier migration, and the tier overrides and notes typed there are written into
        the new workbook (an override typed there wins over the input's).
demo    Grades the bundled sample data and writes workbooks and reports to out/.

${PREDICTION_HELP.en}
Fields for --map: ${FIELD_KEYS.join(', ')}.
Exit codes: 0 done; 1 the input cannot be graded or an output cannot be written (the message says why);
2 usage error, including an output that is an input or names the same file as another output;
130/143 stopped by Ctrl-C/SIGTERM (no partial file is left).`,
  zh: `tierwise —— 为客户分级（RFM 评分、客户细分、等级、生命周期），生成带实时公式的 Excel 工作簿。

用法：
  tierwise grade <输入.csv|输入.xlsx> [--out 分级结果.xlsx] [--report 报告.json] [--deck 演示.pptx]
                 [--as-of YYYY-MM-DD|today|auto] [--kind customers|transactions]
                 [--map 字段=列标题 ...] [--encoding auto|utf-8|gb18030|utf-16]
                 [--lang en|zh-CN] [--day-month dmy|mdy] [--sheet "工作表名"] [--quiet]
                 [--customers 客户档案.csv|客户档案.xlsx [--customers-sheet "工作表名"]
                  [--customers-encoding auto|utf-8|gb18030|utf-16] [--map-customers 字段=列标题 ...]]
                 [--previous 上次分级结果.xlsx]
  tierwise grade <输入> --split-by owner --out-dir 文件夹
                 [--copies-password-file 文件 | --copies-password-prompt]
  tierwise demo [--out-dir out] [--lang en|zh-CN]
  tierwise --help | --version

grade   读取客户清单或订单记录（各种常见编码的 CSV，或 .xlsx），为每位客户分级，
        写出分级工作簿（--out，默认 <输入>-graded.xlsx），加 --report 时写出 JSON 报告，
        加 --deck 时按 --lang 的语言写出演示文稿（.pptx，图表为可编辑的原生图表）。
        加 --customers 时，输入为订单记录，客户档案（编号、名称、负责人、电话、地区等）
        作为分级表：档案中没有订单的客户为潜在客户，订单中有而档案中没有的客户照常分级并标出。
        加 --split-by owner 时：在“文件夹”中为每位负责人（销售代表）各写一份副本，
        另为无负责人的客户写一份；每份只含这些客户，证件号码和地址已脱敏，按“销售代表”
        角色保护；等级按全部客户计算。副本密码从文件（第一行）或不回显的提示输入读取，
        绝不从命令行读取；两者都不用时副本受保护但无密码。保护只防误改，不是安全措施：
        真正的隔离来自每份副本只含该销售代表的客户。
        每个工作簿都有“分级历史”表（每位客户一行，每个评级日期一组列），客户表有
        “上期等级”和“变化”两列。加 --previous 时，沿用之前工作簿的分级历史（评级日期相同
        则替换该期，不同则新增一期），汇总表显示等级变化矩阵，并把在那里手工填写的等级
        与备注写入新工作簿（那里填写的手动等级优先于输入文件中的）。
demo    对内置示例数据分级，把工作簿和报告写到 out/。

${PREDICTION_HELP.zh}
--map 可用字段：${FIELD_KEYS.join('、')}。
退出码：0 完成；1 输入无法分级或输出文件无法写出（提示会说明原因）；
2 用法错误，包括输出文件就是输入文件或与另一个输出是同一个文件；130/143 被 Ctrl-C/SIGTERM 中止（不会留下不完整的文件）。`,
} as const;
