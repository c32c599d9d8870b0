/**
 * The slide deck through the real entry point (bin/tierwise.cjs --deck) and
 * a real renderer: LibreOffice Impress converts each deck to PDF; poppler
 * reads back the page count, the text (both languages) and the fonts it
 * embedded (a CJK font for the Chinese deck: no tofu). The .pptx itself is
 * unzipped to check that every chart slide holds a native chart part.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { readDeck } from '../../support/pptxParts';

// Two CLI runs (tsx start-up) and one soffice start on a loaded 2-core machine.
jest.setTimeout(240_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
const FIXTURE = path.resolve(__dirname, '../../fixtures/deck/customers-zh.csv');
let dir: string;
let pdfDir: string;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
  return result.stdout;
}

const pdfOf = (name: string): string => path.join(pdfDir, `${name}.pdf`);
/** pdftotext spaces out CJK punctuation and breaks lines: compare without any whitespace. */
const squash = (text: string): string => text.replace(/\s+/g, '');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-deck-'));
  for (const lang of ['en', 'zh-CN']) {
    const result = await run(['grade', FIXTURE, '--out', `graded-${lang}.xlsx`, '--deck', `deck-${lang}.pptx`, '--as-of', '2025-07-01', '--lang', lang, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(path.join(dir, `deck-${lang}.pptx`));
  }
  pdfDir = await convertWithLibreOffice([path.join(dir, 'deck-en.pptx'), path.join(dir, 'deck-zh-CN.pptx')], 'pdf');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (pdfDir) rmSync(path.join(pdfDir, '..'), { recursive: true, force: true });
});

describe('tierwise grade --deck, rendered by LibreOffice Impress', () => {
  it('renders nine 16:9 pages per deck', () => {
    expect(readdirSync(pdfDir).sort()).toEqual(['deck-en.pdf', 'deck-zh-CN.pdf']);
    for (const name of ['deck-en', 'deck-zh-CN']) {
      const info = poppler('pdfinfo', [pdfOf(name)]);
      expect(info).toMatch(/^Pages:\s+9$/m);
      // LAYOUT_WIDE is 13.333 x 7.5 in = 960 x 540 pt (Impress prints 960.009: 12192000 EMU rounded to its units).
      const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
      expect(Number(size?.[1])).toBeCloseTo(960, 1);
      expect(Number(size?.[2])).toBeCloseTo(540, 1);
    }
  });

  it('shows the English deck in English, with the numbers of the data', () => {
    const text = poppler('pdftotext', ['-layout', pdfOf('deck-en'), '-']).replace(/[ \t]+/g, ' ');
    for (const expected of [
      'Customer grading',
      'Source: customers-zh.csv',
      'As of 2025-07-01 · 60 customers',
      'Revenue by tier',
      'Gold customers are 12% of customers and bring 36% of revenue.',
      '31 customers (58% of buying customers) are at risk or churned; they brought 63% of revenue.',
      '赵磊 looks after 25% of revenue (13 customers).',
      'Segments and what to do',
      'How the numbers were made',
      'Gold: R+F+M ≥ 13',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('shows the Chinese deck in Chinese, drawn with an embedded CJK font (no tofu)', () => {
    const text = squash(poppler('pdftotext', [pdfOf('deck-zh-CN'), '-']));
    for (const expected of ['客户分级报告', '截止日期2025-07-01·60位客户', '各等级收入', '金卡客户占12%的客户，贡献36%的收入。', '31位客户（占有购买客户的58%）处于流失预警或已流失，他们贡献了63%的收入。', '赵磊负责25%的收入（13位客户）。', '客户细分与建议行动', '重点维护：VIP服务', '数字的计算规则']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Revenue by tier');
    const fonts = poppler('pdffonts', [pdfOf('deck-zh-CN')]);
    expect(fonts).toMatch(/CJK|YaHei|WenQuanYi|Hei|Song|Droid Sans Fallback/i);
  });

  it('holds each chart as a native chart part (not a picture) on the chart slides', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const deck = await readDeck(new Uint8Array(readFileSync(path.join(dir, `deck-${lang}.pptx`))));
      expect(deck.slides).toHaveLength(9);
      const chartsPerSlide = deck.slides.map((s) => s.targets.filter((t) => /^ppt\/charts\/chart\d+\.xml$/.test(t)).length);
      // Pareto, segments, lifecycle, owners; the other slides hold none.
      expect(chartsPerSlide).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0]);
      for (const slide of deck.slides) expect(slide.xml).not.toContain('<p:pic>');
      expect(deck.files.filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toEqual([]);
    }
  });
});
