/**
 * Per-rep copies from the pane (issue 7 §3), the whole pane over the typed
 * fake Excel with the grading worker in-process: build the owners fixture,
 * Protect -> Copies, then every copy as one zip (unzipped with JSZip, each
 * copy opened with exceljs and searched part by part), one owner's copy,
 * Cancel, and the password: it protects every sheet and the structure of
 * each copy, and afterwards is nowhere in the fake workbook, localStorage,
 * sessionStorage or cookies, nor in any file. On a Mac the screen says it
 * cannot download and gives the command line. In English and Chinese.
 *
 * jsdom has no WebCrypto digest: `crypto.subtle` is Node's (the same W3C
 * API the browser worker uses).
 */
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { webcrypto } from 'node:crypto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import { addSheetWithValues, createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import type { Locale } from '../../src/i18n/locale';
import { App, type AppHost } from '../../src/taskpane/App';
import type { HostPlatform } from '../../src/taskpane/deckDelivery';
import { createPaneText } from '../../src/taskpane/i18n';
import { createPlanWriter } from '../../src/taskpane/planWriter';
import { createWorkbookGateway } from '../../src/taskpane/workbookGateway';
import { COPIES_COMMAND } from '../../src/taskpane/screens/RepCopiesScreen';
import { createInProcessPort } from '../../src/worker/inProcessPort';
import { dayFromYmd, type DayNumber } from '../../src/domain/dates';
import { maskAddress, maskIdNumber } from '../../src/domain/masking';
import { browserPlacesHolding, placesHolding } from '../support/passwordSearch';
import { passwordVerifies, xmlAttributes } from '../support/ecmaProtection';
import { fixtureRows } from '../support/ownersFixture';
import { forbiddenInCopy, leaks, ownerOfRow, zipParts } from '../support/copySearch';

jest.setTimeout(120_000);

const TODAY = dayFromYmd(2024, 7, 2);
const PASSWORD = 'Rep-copies 2024 密码';
const rows = fixtureRows();
const HEADERS = Object.keys(rows[0] as Record<string, string>);
const ID_PATTERN = /^CU\d{4}X\d{2}$/;

/** The copies' file names in the fixture's order of first appearance, and their owners ('' = none). */
const EXPECTED_FILES: Readonly<Record<Locale, Record<string, string>>> = {
  en: { 'A_B_ Sales.xlsx': 'A?B: Sales', '_CON.xlsx': 'CON', 'Li Lei.xlsx': 'Li Lei', '王芳.xlsx': '王芳', 'A_B_ Sales (2).xlsx': 'A/B: Sales', 'no-owner.xlsx': '' },
  'zh-CN': { 'A_B_ Sales.xlsx': 'A?B: Sales', '_CON.xlsx': 'CON', 'Li Lei.xlsx': 'Li Lei', '王芳.xlsx': '王芳', 'A_B_ Sales (2).xlsx': 'A/B: Sales', '无负责人.xlsx': '' },
};

beforeAll(() => {
  if (globalThis.crypto?.subtle === undefined) Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
});

/** What the pane handed to the download: blob URLs' contents and the anchors clicked. */
const saved: { blobs: Blob[]; names: string[] } = { blobs: [], names: [] };
let mounted: FakeExcel | null = null;

beforeAll(() => {
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      saved.blobs.push(blob);
      return `blob:test/${saved.blobs.length}`;
    },
    revokeObjectURL: () => undefined,
  });
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    saved.names.push(this.download);
  };
});

afterEach(() => {
  if (mounted) {
    expect(placesHolding(mounted.model, PASSWORD)).toEqual([]);
    expect(browserPlacesHolding(PASSWORD)).toEqual([]);
  }
  mounted = null;
  saved.blobs = [];
  saved.names = [];
  cleanup();
});

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

async function builtPane(locale: Locale, platform: HostPlatform = 'web'): Promise<FakeExcel> {
  const fake = createFakeExcel();
  mounted = fake;
  addSheetWithValues(fake.model, 'Data', [HEADERS, ...rows.map((r) => HEADERS.map((h) => r[h] ?? ''))]);
  const run = withHostUi(fake);
  const host: AppHost = {
    gateway: createWorkbookGateway(run),
    writer: createPlanWriter(run),
    createWorkerPort: createInProcessPort,
    initialLocale: locale,
    theme: webLightTheme,
    today: () => TODAY as DayNumber,
    platform,
  };
  render(<App host={host} />);
  const text = createPaneText(locale);
  const use = await waitFor(
    () => {
      const button = screen.getByTestId('screen-start').querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!button || button.disabled) throw new Error('not ready');
      return button;
    },
    { timeout: 10_000 },
  );
  fireEvent.click(use);
  fireEvent.click(await screen.findByRole('button', { name: text.t('next') }));
  await screen.findByTestId('screen-rules');
  fireEvent.click(screen.getByRole('button', { name: text.t('rulesBuild') }));
  await screen.findByTestId('screen-done', undefined, { timeout: 20_000 });
  fireEvent.click(screen.getByRole('button', { name: text.t('protectOpen') }));
  await screen.findByTestId('protect-status');
  fireEvent.click(screen.getByRole('button', { name: text.t('copiesOpen') }));
  await screen.findByTestId('screen-copies');
  await waitFor(
    () => {
      if (screen.queryByTestId('copies-no-build') || screen.queryByTestId('error-panel')) throw new Error(screen.getByTestId('screen-copies').textContent ?? '');
      if (!screen.queryByTestId('copies-form') && !screen.queryByTestId('copies-blocked')) throw new Error('loading');
    },
    { timeout: 10_000 },
  );
  return fake;
}

/** Every text value of the first (Customers) sheet of a copy, as exceljs reads it. */
async function customerSheetTexts(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('copy without sheets');
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? ''))));
  return out;
}

/** Checks one copy of `owner`: its IDs only, masked fields masked, nothing of the others anywhere, protection (with the password, or without one). */
async function checkCopy(name: string, owner: string, bytes: Uint8Array, password: string | null): Promise<void> {
  const mine = rows.filter((r) => ownerOfRow(r) === owner);
  const texts = await customerSheetTexts(bytes);
  expect({ name, ids: texts.filter((t) => ID_PATTERN.test(t)).sort() }).toEqual({ name, ids: mine.map((r) => r['客户编号']).sort() });
  for (const r of mine) {
    if (r['身份证号'] && r['身份证号'] !== 'unknown-id') expect(texts).toContain(maskIdNumber(r['身份证号']));
    if (r['地址']) expect(texts).toContain(maskAddress(r['地址']));
  }
  const parts = await zipParts(bytes);
  expect({ name, leaks: leaks(parts, forbiddenInCopy(rows, owner)) }).toEqual({ name, leaks: [] });
  expect(leaks(parts, new Set([PASSWORD]))).toEqual([]);
  const workbookXml = parts.find((p) => p.name === 'xl/workbook.xml')?.text ?? '';
  const wbAttrs = xmlAttributes(workbookXml, 'workbookProtection');
  expect(wbAttrs?.lockStructure).toBe('1');
  const sheets = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
  expect(sheets.length).toBeGreaterThanOrEqual(2);
  for (const sheet of sheets) {
    const attrs = xmlAttributes(sheet.text, 'sheetProtection');
    expect({ part: sheet.name, sheet: attrs?.sheet }).toEqual({ part: sheet.name, sheet: '1' });
    if (password === null) expect(attrs?.hashValue).toBeUndefined();
    else expect(passwordVerifies(password, attrs ?? {})).toBe(true);
  }
  if (password === null) expect(wbAttrs?.workbookHashValue).toBeUndefined();
  else {
    expect(passwordVerifies(password, wbAttrs ?? {}, 'workbook')).toBe(true);
    expect(passwordVerifies('wrong', wbAttrs ?? {}, 'workbook')).toBe(false);
  }
}

describe.each(['en', 'zh-CN'] as const)('%s: copies for the sales reps', (locale) => {
  const text = createPaneText(locale);

  it('every copy as one zip, with the password: only each owner\'s customers, masked, protected; the password is not kept', async () => {
    await builtPane(locale);
    expect(screen.getByTestId('copies-note').textContent).toContain(text.t('copiesHonestNote'));
    fireEvent.change(screen.getByTestId('copies-password'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByTestId('copies-all'));
    expect((screen.getByTestId('copies-password') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.getByTestId('copies-progress').textContent).toMatch(new RegExp(`${text.t('copiesHashing')}|${text.t('copiesProgress', { current: '\\d+', total: 6, owner: '.+' })}`)));
    const done = await screen.findByTestId('copies-saved', undefined, { timeout: 60_000 });
    expect(done.textContent).toContain(text.t('copiesSaved', { file: saved.names[0] ?? '?', count: 6 }));
    // the as-of date: the day after the latest purchase in the data (2024-06-08)
    expect(saved.names).toEqual([locale === 'en' ? 'tierwise-copies-2024-06-09.zip' : '客户分级-分发副本-2024-06-09.zip']);
    const zip = await zipParts(await blobBytes(saved.blobs[0] as Blob));
    expect(zip.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED_FILES[locale]).sort());
    const JSZip = (await import('jszip')).default;
    const archive = await JSZip.loadAsync(await blobBytes(saved.blobs[0] as Blob));
    for (const [name, owner] of Object.entries(EXPECTED_FILES[locale])) {
      const bytes = await archive.file(name)?.async('uint8array');
      if (!bytes) throw new Error(`${name} missing`);
      await checkCopy(name, owner, bytes, PASSWORD);
    }
    // The search can fail: Li Lei's copy holds what 王芳's must not.
    const liLei = await archive.file('Li Lei.xlsx')?.async('uint8array');
    expect(leaks(await zipParts(liLei as Uint8Array), forbiddenInCopy(rows, '王芳')).length).toBeGreaterThan(0);
  });

  it('one owner\'s copy, without a password: an .xlsx of that owner alone', async () => {
    await builtPane(locale);
    const select = screen.getByTestId('copies-owner') as HTMLSelectElement;
    const option = [...select.options].find((o) => o.textContent?.startsWith('王芳'));
    if (!option) throw new Error('no option for 王芳');
    expect(option.textContent).toBe(text.t('copiesOwnerOption', { owner: '王芳', count: rows.filter((r) => ownerOfRow(r) === '王芳').length }));
    expect([...select.options].map((o) => o.textContent)).toContain(text.t('copiesOwnerOption', { owner: text.t('copiesNoOwner'), count: rows.filter((r) => ownerOfRow(r) === '').length }));
    fireEvent.change(select, { target: { value: option.value } });
    fireEvent.click(screen.getByTestId('copies-one'));
    await screen.findByTestId('copies-saved', undefined, { timeout: 30_000 });
    expect(saved.names).toEqual(['王芳.xlsx']);
    await checkCopy('王芳.xlsx', '王芳', await blobBytes(saved.blobs[0] as Blob), null);
  });

  it('Cancel while the password is prepared: no file, the screen says so, and a new run works', async () => {
    await builtPane(locale);
    fireEvent.change(screen.getByTestId('copies-password'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByTestId('copies-all'));
    await waitFor(() => expect(screen.getByTestId('copies-progress').textContent).toBe(text.t('copiesHashing')));
    fireEvent.click(screen.getByTestId('copies-cancel'));
    expect((await screen.findByTestId('copies-cancelled')).textContent).toBe(text.t('copiesCancelled'));
    // The worker stops too: nothing arrives later.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(saved.names).toEqual([]);
    expect(screen.queryByTestId('copies-saved')).toBeNull();
    fireEvent.click(screen.getByTestId('copies-one'));
    await screen.findByTestId('copies-saved', undefined, { timeout: 30_000 });
    expect(saved.names).toHaveLength(1);
  });

  it('on a Mac: no buttons, the screen says it cannot download and gives the command line', async () => {
    await builtPane(locale, 'mac');
    const blocked = await screen.findByTestId('copies-blocked');
    expect(blocked.textContent).toContain(text.t('copiesCannotDownload'));
    expect(blocked.textContent).toContain(COPIES_COMMAND);
    expect(screen.queryByTestId('copies-all')).toBeNull();
  });
});
