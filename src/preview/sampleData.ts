/**
 * The preview's sample sheets, as plain data (no bundler imports, so Node
 * tests build the very same grids): sheets from the committed CSV samples
 * (made by scripts/generate-preview-samples.mjs), and a synthetic customer
 * list of any size for the responsiveness test. Cells are typed the way Excel types
 * what is pasted into it: plain numbers become numbers, dates become date
 * serials with a date format; everything else stays text.
 */
import Papa from 'papaparse';
import { dayFromYmd, excelSerialFromDay, isValidYmd } from '../domain/dates';

export type SampleCell = string | number | boolean;

export interface SampleSheet {
  readonly name: string;
  readonly values: SampleCell[][];
  /** Number formats per cell ('General' for most). */
  readonly numberFormats: string[][];
}

const DATE_FORMAT = 'yyyy/m/d';
const DATE_TIME_FORMAT = 'yyyy/m/d h:mm';

/**
 * Excel's typing of an entered string: numbers up to 15 significant digits
 * become numbers (longer digit strings, like phone numbers typed with a
 * leading apostrophe, stay text), ISO and `y/m/d` dates become serials.
 */
export function typeCell(raw: string): { value: SampleCell; format: string } {
  const text = raw.trim();
  if (text === '') return { value: '', format: 'General' };
  if (/^-?\d{1,10}(\.\d+)?$/.test(text)) return { value: Number(text), format: 'General' };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (isValidYmd(y, m, d)) {
      const serial = excelSerialFromDay(dayFromYmd(y, m, d));
      if (date[4] !== undefined && date[5] !== undefined) {
        return { value: serial + (Number(date[4]) * 60 + Number(date[5])) / 1440, format: DATE_TIME_FORMAT };
      }
      return { value: serial, format: DATE_FORMAT };
    }
  }
  return { value: raw, format: 'General' };
}

/** A sheet from CSV text, typed as Excel types pasted text. */
export function sheetFromCsv(name: string, csv: string): SampleSheet {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false });
  const rows = parsed.data.filter((row, i) => !(i === parsed.data.length - 1 && row.length === 1 && row[0] === ''));
  const width = Math.max(...rows.map((r) => r.length));
  const values: SampleCell[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const typed = Array.from({ length: width }, (_v, i) => typeCell(row[i] ?? ''));
    values.push(typed.map((t) => t.value));
    numberFormats.push(typed.map((t) => t.format));
  }
  return { name, values, numberFormats };
}

/** Sheet names of the committed samples (the source sheets a user would have). */
export const SAMPLE_SHEET_NAMES = { customerList: '客户名单', orderLog: '订单记录' } as const;

/** mulberry32, as in the sample generator: seeded, so every run is the same. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_SHEET_NAME = '大客户名单';

/** A synthetic customer list of `rows` customers (header in row 1), for load tests. */
export function syntheticCustomerSheet(rows: number, seed = 7): SampleSheet {
  const random = mulberry32(seed);
  const start = excelSerialFromDay(dayFromYmd(2022, 1, 1));
  const span = 1_200;
  const values: SampleCell[][] = [['客户编号', '客户名称', '负责人', '首次购买日期', '最近购买日期', '订单数', '消费总额', '备注']];
  const numberFormats: string[][] = [values[0]!.map(() => 'General')];
  const owners = ['张伟', '李娜', '王芳', '刘洋'];
  for (let i = 1; i <= rows; i++) {
    const first = start + Math.floor(random() * span);
    const last = first + Math.floor(random() * (start + span - first));
    const orders = random() < 0.05 ? 0 : 1 + Math.floor(random() * random() * 40);
    values.push([
      `C${String(i).padStart(7, '0')}`,
      `客户${i}`,
      owners[i % owners.length] ?? '',
      orders === 0 ? '' : first,
      orders === 0 ? '' : last,
      orders,
      Math.round(orders * random() * 500_000) / 100,
      '',
    ]);
    numberFormats.push(['General', 'General', 'General', DATE_FORMAT, DATE_FORMAT, 'General', 'General', 'General']);
  }
  return { name: SYNTHETIC_SHEET_NAME, values, numberFormats };
}
