/**
 * The Protect screen and the protected rebuild, the whole pane over the
 * typed fake Excel (which enforces Excel's protection rules): apply, remove,
 * wrong password, already protected, rebuild while protected. After each
 * test the password is searched for in the fake workbook (every cell, name,
 * table, validation) and in jsdom's localStorage, sessionStorage and
 * cookies: it is never there.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { addSheetWithValues, createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import type { Locale } from '../../src/i18n/locale';
import { App, type AppHost } from '../../src/taskpane/App';
import { createPaneText } from '../../src/taskpane/i18n';
import { createPlanWriter } from '../../src/taskpane/planWriter';
import { createWorkbookGateway } from '../../src/taskpane/workbookGateway';
import { createInProcessPort } from '../../src/worker/inProcessPort';
import { dayFromYmd, type DayNumber } from '../../src/domain/dates';
import { parseProtectionRecord, PROTECTION_RECORD_NAME } from '../../src/plan/protection';
import { browserPlacesHolding, placesHolding } from '../support/passwordSearch';

const TODAY = dayFromYmd(2024, 7, 1);
const PASSWORD = 'Pz-41!kQ_hetw';

function customerRows(count: number): (string | number)[][] {
  const rows: (string | number)[][] = [['Customer ID', 'Name', 'First purchase', 'Last purchase', 'Orders', 'Spend']];
  for (let i = 1; i <= count; i++) {
    const last = `2024-${String(1 + ((i * 7) % 6)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
    rows.push([`C${String(i).padStart(3, '0')}`, `Customer ${i}`, '2020-01-15', last, 1 + ((i * 13) % 17), 50 * (1 + ((i * 29) % 37))]);
  }
  return rows;
}

let mounted: FakeExcel | null = null;
const secrets = new Set<string>();

afterEach(() => {
  if (mounted) {
    for (const secret of secrets) {
      expect(placesHolding(mounted.model, secret)).toEqual([]);
      expect(browserPlacesHolding(secret)).toEqual([]);
    }
  }
  mounted = null;
  secrets.clear();
  cleanup();
});

async function builtPane(locale: Locale, count = 30): Promise<FakeExcel> {
  const fake = createFakeExcel();
  mounted = fake;
  secrets.add(PASSWORD);
  addSheetWithValues(fake.model, 'Data', customerRows(count));
  const run = withHostUi(fake);
  const host: AppHost = {
    gateway: createWorkbookGateway(run),
    writer: createPlanWriter(run),
    createWorkerPort: createInProcessPort,
    initialLocale: locale,
    theme: webLightTheme,
    today: () => TODAY as DayNumber,
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
  await screen.findByTestId('screen-done', undefined, { timeout: 10_000 });
  return fake;
}

async function openProtect(locale: Locale): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: createPaneText(locale).t('protectOpen') }));
  await screen.findByTestId('protect-status');
}

function setInput(testId: string, value: string): void {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
}

async function applyRole(locale: Locale, roleKey: string, password: string): Promise<void> {
  const text = createPaneText(locale);
  const radio = document.querySelector<HTMLInputElement>(`[data-role="${roleKey}"] input, input[data-role="${roleKey}"]`);
  if (!radio) throw new Error(`no radio ${roleKey}`);
  fireEvent.click(radio);
  setInput('protect-password', password);
  fireEvent.click(screen.getByRole('button', { name: text.t('protectApply') }));
  await screen.findByTestId('protect-done', undefined, { timeout: 10_000 });
}

function sheetStatus(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const li of screen.getByTestId('protect-status').querySelectorAll('li[data-sheet]')) out[li.getAttribute('data-sheet') ?? ''] = li.getAttribute('data-protected') ?? '';
  return out;
}

describe('the storage search', () => {
  it('finds a secret in localStorage or sessionStorage, so the checks after each test can fail', () => {
    localStorage.setItem('tierwise', JSON.stringify({ pw: 'leaky-secret' }));
    sessionStorage.setItem('leaky-secret', '1');
    expect(browserPlacesHolding('leaky-secret')).toEqual(['localStorage:tierwise', 'sessionStorage:leaky-secret']);
    localStorage.clear();
    sessionStorage.clear();
  });
});

describe('Protect screen', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: apply a role with a password, see each sheet protected, remove with the password',
    async (locale) => {
      const text = createPaneText(locale);
      const fake = await builtPane(locale);
      await openProtect(locale);
      expect(screen.getByTestId('protect-not-security').textContent).toContain(text.t('protectNotSecurity'));
      expect(screen.getByTestId('protect-limits').textContent).toContain(text.t('protectLimitAddCustomers'));
      fireEvent.click(document.querySelector('[data-role="manager"] input, input[data-role="manager"]') as HTMLElement);
      expect(screen.getByTestId('protect-description').textContent).toContain(locale === 'en' ? 'Tier override' : '手动等级');
      await applyRole(locale, 'manager', PASSWORD);
      await waitFor(() => expect(Object.values(sheetStatus()).every((v) => v === 'true')).toBe(true));
      expect(screen.getByTestId('protect-record').textContent).toContain(locale === 'en' ? 'Manager' : '经理');
      expect(fake.model.sheets.filter((s) => s.name !== 'Data').every((s) => s.protection.protected)).toBe(true);
      expect(fake.model.sheet('Data')?.protection.protected).toBe(false); // the user's source sheet is never touched
      expect(parseProtectionRecord(fake.model.names.get(PROTECTION_RECORD_NAME.toLowerCase())?.formula)?.profile).toBe('manager');

      setInput('protect-remove-password', PASSWORD);
      fireEvent.click(within(screen.getByTestId('protect-remove-form')).getByRole('button', { name: text.t('protectRemove') }));
      await waitFor(() => expect(screen.getByTestId('protect-done').textContent).toContain(text.t('protectRemoved')));
      expect(Object.values(sheetStatus()).every((v) => v === 'false')).toBe(true);
      expect(fake.model.sheets.every((s) => !s.protection.protected) && !fake.model.structure.protected).toBe(true);
    },
    30_000,
  );

  it('a wrong password is refused with what to do, and the workbook stays protected', async () => {
    const fake = await builtPane('zh-CN');
    await openProtect('zh-CN');
    await applyRole('zh-CN', 'salesRep', PASSWORD);
    secrets.add('wrong-guess-123');
    setInput('protect-remove-password', 'wrong-guess-123');
    fireEvent.click(within(screen.getByTestId('protect-remove-form')).getByRole('button', { name: createPaneText('zh-CN').t('protectRemove') }));
    const problem = await screen.findByTestId('protect-problem');
    expect(problem.textContent).toContain('区分大小写');
    expect(problem.textContent).not.toContain('wrong-guess-123');
    expect(fake.model.sheets.filter((s) => s.name !== 'Data').every((s) => s.protection.protected)).toBe(true);
  }, 30_000);

  it('already protected (in Excel, after the screen was read): Apply is refused, nothing changes', async () => {
    const fake = await builtPane('en');
    await openProtect('en');
    // Someone protects the Customers sheet by hand meanwhile.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Customers').protection.protect();
      await context.sync();
    });
    fireEvent.click(document.querySelector('input[data-role="viewer"], [data-role="viewer"] input') as HTMLElement);
    setInput('protect-password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Apply protection' }));
    const problem = await screen.findByTestId('protect-problem');
    expect(problem.textContent).toContain('Remove protection first');
    expect(fake.model.sheet('Settings')?.protection.protected).toBe(false);
    expect(fake.model.structure.protected).toBe(false);
  }, 30_000);

  it('a generated password is shown once, is strong, and protects; it is gone after Apply', async () => {
    const fake = await builtPane('en');
    await openProtect('en');
    fireEvent.click(screen.getByRole('button', { name: 'Generate a password' }));
    const generated = screen.getByTestId('protect-generated-value').textContent ?? '';
    secrets.add(generated);
    expect(generated).toHaveLength(16);
    expect((screen.getByTestId('protect-password') as HTMLInputElement).value).toBe(generated);
    expect(screen.getByText('Strong.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply protection' }));
    await screen.findByTestId('protect-done', undefined, { timeout: 10_000 });
    expect(screen.queryByTestId('protect-generated')).toBeNull();
    expect(document.body.textContent).not.toContain(generated);
    // It really is the password: a wrong one fails, it works.
    setInput('protect-remove-password', generated);
    fireEvent.click(within(screen.getByTestId('protect-remove-form')).getByRole('button', { name: 'Remove protection' }));
    await waitFor(() => expect(fake.model.structure.protected).toBe(false), { timeout: 10_000 });
  }, 30_000);
});

describe('rebuild while protected', () => {
  it('asks for the password once, rebuilds with new customers, and protects again for the same role', async () => {
    const fake = await builtPane('en', 30);
    await openProtect('en');
    await applyRole('en', 'manager', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByTestId('screen-done');
    // New customers in the source: they can only be added by rebuilding.
    const data = fake.model.sheet('Data');
    customerRows(34).slice(31).forEach((row, i) => row.forEach((v, c) => data?.setConstant(31 + i, c, v)));

    fireEvent.click(screen.getByRole('button', { name: 'Rebuild' }));
    await screen.findByTestId('screen-rebuild-password', undefined, { timeout: 10_000 });
    expect(fake.model.table('Customers')?.bodyRows).toBe(30); // nothing written yet
    secrets.add('not-it-999');
    setInput('rebuild-password', 'not-it-999');
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild and protect again' }));
    const problem = await screen.findByTestId('rebuild-password-problem', undefined, { timeout: 10_000 });
    expect(problem.textContent).toContain('nothing was changed');
    expect(fake.model.table('Customers')?.bodyRows).toBe(30);

    setInput('rebuild-password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild and protect again' }));
    await screen.findByTestId('screen-done', undefined, { timeout: 15_000 });
    expect(fake.model.table('Customers')?.bodyRows).toBe(34); // C031-C034 appended
    expect(fake.model.sheets.filter((s) => s.name !== 'Data').every((s) => s.protection.protected)).toBe(true);
    expect(fake.model.structure.protected).toBe(true);
    expect(parseProtectionRecord(fake.model.names.get(PROTECTION_RECORD_NAME.toLowerCase())?.formula)?.profile).toBe('manager');
    // Same password still removes it.
    await openProtect('en');
    setInput('protect-remove-password', PASSWORD);
    fireEvent.click(within(screen.getByTestId('protect-remove-form')).getByRole('button', { name: 'Remove protection' }));
    await waitFor(() => expect(fake.model.structure.protected).toBe(false), { timeout: 10_000 });
  }, 45_000);
});
