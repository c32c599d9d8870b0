/**
 * Per-rep copies from the pane in headless Chromium (issue 7 §3): the
 * preview's customer list built, then Protect -> Copies -> every copy as one
 * zip, with a password. This runs the real Web Worker bundle: exceljs's
 * browser build, JSZip, WebCrypto's SHA-512 (no node:zlib or node:crypto).
 * The download is unzipped here; each copy holds exactly its owner's
 * customers (the sample's 负责人 column), nothing of the other owners in
 * any part, and sheet and workbook protection that verify for the password.
 * Also measures the password derivation (100,000 SHA-512 rounds) in the
 * worker, as the pane shows it, and in the page with the same loop.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../src/i18n/locale';
import { todayLocal } from '../../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { RawCell, RawGrid } from '../../../src/domain/types';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { groupByOwner } from '../../../src/plan/repCopies';
import { SAMPLE_SHEET_NAMES, sheetFromCsv } from '../../../src/preview/sampleData';
import { text } from '../../../src/i18n/strings';
import { passwordVerifies, xmlAttributes } from '../../support/ecmaProtection';
import { leaks } from '../../support/copySearch';
import { ROOT, SCREENSHOTS, useBrowserSession } from './harness';

const STEP_TIMEOUT_MS = 60_000;
const PASSWORD = 'Chromium 副本 2025!';
const session = useBrowserSession();

/** The sample customer list's rows by header (its first two lines are a title and a blank). */
function sampleRows(): Record<string, string>[] {
  const csv = readFileSync(path.join(ROOT, 'src', 'preview', 'samples', 'customer-list.csv'), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(csv.split(/\r?\n/).slice(2).join('\n').trim());
  const [header, ...rows] = parsed.data as [string[], ...string[][]];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** The sample sheet's grid as the pane reads it (as in joinFlow.test.ts). */
function sampleGrid(): RawGrid {
  const csv = readFileSync(path.join(ROOT, 'src', 'preview', 'samples', 'customer-list.csv'), 'utf8');
  const sheet = sheetFromCsv(SAMPLE_SHEET_NAMES.customerList, csv);
  const width = Math.max(...sheet.values.map((row) => row.length));
  return sheet.values.map((row) => Array.from({ length: width }, (_v, c): RawCell => (row[c] === undefined || row[c] === '' ? null : (row[c] as RawCell))));
}

describe('per-rep copies in Chromium', () => {
  it.each<Locale>(['zh-CN', 'en'])('%s: every copy as one zip from the real worker, each holding only its owner', async (locale) => {
    const rows = sampleRows();
    const owners = [...new Set(rows.map((r) => r['负责人'] ?? ''))];
    expect(owners.length).toBeGreaterThan(2);
    expect(owners).not.toContain('');
    // Who is in which copy, by the core on the grid the pane reads (the sample repeats an ID: the import keeps one).
    const expected = gradeGrid(sampleGrid(), { settings: DEFAULT_SETTINGS, locale, today: todayLocal() });
    const expectedIds = new Map(groupByOwner(expected.grading.customers).map((g) => [g.owner ?? '', g.customers.map((c) => c.record.id)]));
    expect([...expectedIds.keys()].sort()).toEqual([...owners].sort());
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1600 }, locale, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.goto(`${session.origin}/preview.html?lang=${locale}&paneWidth=380&sample=customers`);
      const pane = page.getByTestId('preview-pane');
      await pane.getByTestId('found-summary').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('startUseThisData', locale) }).click();
      await pane.getByRole('button', { name: text('next', locale) }).click();
      await pane.getByRole('button', { name: text('rulesBuild', locale) }).click();
      await pane.getByTestId('screen-done').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByRole('button', { name: text('protectOpen', locale) }).click();
      await pane.getByRole('button', { name: text('copiesOpen', locale) }).click();
      await pane.getByTestId('copies-form').waitFor({ timeout: STEP_TIMEOUT_MS });
      await pane.getByTestId('copies-password').fill(PASSWORD);
      await pane.screenshot({ path: path.join(SCREENSHOTS, `copies-${locale}-1-form.png`) });

      const downloadPromise = page.waitForEvent('download', { timeout: 120_000 });
      await pane.getByTestId('copies-all').click();
      const progress = pane.getByTestId('copies-progress');
      await progress.filter({ hasText: text('copiesHashing', locale) }).waitFor({ timeout: STEP_TIMEOUT_MS });
      const hashStart = Date.now();
      // Polled every animation frame: the copies themselves may pass too fast to see "Copy 1".
      await page.waitForFunction((hashing) => document.querySelector('[data-testid="copies-progress"]')?.textContent !== hashing, text('copiesHashing', locale), { polling: 'raf', timeout: STEP_TIMEOUT_MS });
      const hashMs = Date.now() - hashStart;
      await pane.screenshot({ path: path.join(SCREENSHOTS, `copies-${locale}-2-progress.png`) });
      const download = await downloadPromise;
      await pane.getByTestId('copies-saved').waitFor({ timeout: STEP_TIMEOUT_MS });
      const copiesMs = Date.now() - hashStart - hashMs;
      await pane.screenshot({ path: path.join(SCREENSHOTS, `copies-${locale}-3-saved.png`) });
      expect(download.suggestedFilename()).toMatch(locale === 'en' ? /^tierwise-copies-\d{4}-\d{2}-\d{2}\.zip$/ : /^客户分级-分发副本-\d{4}-\d{2}-\d{2}\.zip$/);
      const zipPath = await download.path();
      const archive = await JSZip.loadAsync(readFileSync(zipPath));
      expect(Object.keys(archive.files).sort()).toEqual(owners.map((o) => `${o}.xlsx`).sort());

      for (const owner of owners) {
        const bytes = await archive.file(`${owner}.xlsx`)?.async('uint8array');
        if (!bytes) throw new Error(`no copy for ${owner}`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
        const ids: string[] = [];
        wb.worksheets[0]?.eachRow((row) => row.eachCell((cell) => (/^KH\d{5}$/.test(String(cell.value)) ? ids.push(String(cell.value)) : undefined)));
        expect({ owner, ids: ids.sort() }).toEqual({ owner, ids: [...(expectedIds.get(owner) ?? [])].sort() });

        const copy = await JSZip.loadAsync(bytes);
        const parts = await Promise.all(Object.values(copy.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, text: await f.async('string') })));
        const forbidden = new Set<string>([PASSWORD]);
        const keys = ['客户编号', '客户名称', '手机', '邮箱', '负责人'];
        // The sample's names repeat across owners (two 北京区教育局; the customer 王芳佳 of 陈静 holds the owner name 王芳):
        // a text inside one of this owner's customers' own texts is no leak.
        const own = rows.filter((r) => r['负责人'] === owner).flatMap((r) => keys.map((k) => r[k] ?? ''));
        for (const other of rows.filter((r) => r['负责人'] !== owner)) {
          for (const key of keys) {
            const value = other[key] ?? '';
            if (value !== '' && !own.some((mine) => mine.includes(value))) forbidden.add(value);
          }
        }
        expect({ owner, leaks: leaks(parts, forbidden) }).toEqual({ owner, leaks: [] });
        const workbookXml = parts.find((p) => p.name === 'xl/workbook.xml')?.text ?? '';
        expect(passwordVerifies(PASSWORD, xmlAttributes(workbookXml, 'workbookProtection') ?? {}, 'workbook')).toBe(true);
        for (const sheet of parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name))) {
          expect({ part: sheet.name, verifies: passwordVerifies(PASSWORD, xmlAttributes(sheet.text, 'sheetProtection') ?? {}) }).toEqual({ part: sheet.name, verifies: true });
        }
        // The grades are live formulas in the copy too.
        expect(parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')?.text).toMatch(/<f>[^<]+<\/f>/);
      }
      // Nothing stored in the page.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
      expect(stored.includes(PASSWORD)).toBe(false);

      // The same 100,000 rounds in the page, timed without the worker's cancel checks.
      const pageHashMs = await page.evaluate(async () => {
        const start = performance.now();
        let hash = new Uint8Array(await crypto.subtle.digest('SHA-512', new Uint8Array(40)));
        const round = new Uint8Array(68);
        const view = new DataView(round.buffer);
        for (let i = 0; i < 100_000; i++) {
          round.set(hash, 0);
          view.setUint32(64, i, true);
          hash = new Uint8Array(await crypto.subtle.digest('SHA-512', round));
        }
        return performance.now() - start;
      });
      console.log(`[copies ${locale}] ${owners.length} copies of ${rows.length} customers: password (100,000 SHA-512 rounds, worker) ${hashMs} ms; the same loop in the page ${Math.round(pageHashMs)} ms; writing and zipping the copies ${copiesMs} ms`);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);
});
