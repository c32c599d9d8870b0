/**
 * The copies screen alone, with a fake grading client (the whole flow is in
 * repCopies.test.tsx): no build yet, a very large copy's warning, and the
 * request it sends (the sales-rep role from the workbook, the owner chosen,
 * the password once, then cleared). In English and Chinese.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../../src/i18n/locale';
import { createFakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import { createPaneText, TextProvider } from '../../src/taskpane/i18n';
import { RepCopiesScreen, type CopiesClient } from '../../src/taskpane/screens/RepCopiesScreen';
import type { CopiesRequest } from '../../src/worker/client';
import type { RepCopyEntry } from '../../src/renderers/xlsx/repCopiesWeb';

afterEach(() => cleanup());

function fakeClient(copies: readonly RepCopyEntry[] | null, requests: CopiesRequest[]): CopiesClient {
  return {
    copyOwners: async () => copies,
    makeCopies: async (request, onStep) => {
      requests.push(request);
      onStep({ phase: 'copy', index: 0, total: 1, owner: request.only?.owner ?? null });
      return { kind: 'done', fileName: 'x.xlsx', fileKind: 'xlsx', bytes: new Uint8Array([1]), copies: [] };
    },
  };
}

function renderScreen(locale: Locale, client: CopiesClient): void {
  const run = withHostUi(createFakeExcel());
  const env = {
    document: { body: document.body, createElement: ((tag: string) => Object.assign(document.createElement(tag), { click: () => undefined })) as Document['createElement'] },
    createObjectURL: () => 'blob:x',
    revokeObjectURL: () => undefined,
    msSaveOrOpenBlob: null,
    setTimeout: () => undefined,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <RepCopiesScreen client={client} run={run} platform="web" environment={env} onBack={() => undefined} />
      </TextProvider>
    </FluentProvider>,
  );
}

describe.each(['en', 'zh-CN'] as const)('%s: the copies screen', (locale) => {
  const text = createPaneText(locale);

  it('says to build first when the worker has no build', async () => {
    renderScreen(locale, fakeClient(null, []));
    expect((await screen.findByTestId('copies-no-build')).textContent).toBe(text.t('copiesNoBuild'));
    expect(screen.queryByTestId('copies-all')).toBeNull();
  });

  it('warns about a very large copy, sends the chosen owner and the password once, then clears it', async () => {
    const requests: CopiesRequest[] = [];
    renderScreen(locale, fakeClient([{ owner: '王芳', fileName: '王芳.xlsx', customers: 12_000 }, { owner: null, fileName: 'n.xlsx', customers: 3 }], requests));
    expect((await screen.findByTestId('copies-large')).textContent).toContain(text.t('copiesLarge', { owners: '王芳', rows: 10_000 }));
    fireEvent.change(screen.getByTestId('copies-owner'), { target: { value: (screen.getByTestId('copies-owner') as HTMLSelectElement).options[1]?.value } });
    fireEvent.change(screen.getByTestId('copies-password'), { target: { value: 'once-only-7Q!' } });
    fireEvent.click(screen.getByTestId('copies-one'));
    await screen.findByTestId('copies-saved');
    expect(requests).toEqual([expect.objectContaining({ only: { owner: null }, password: 'once-only-7Q!', profile: expect.objectContaining({ key: 'salesRep' }) })]);
    expect((screen.getByTestId('copies-password') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('copies-all'));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]).not.toHaveProperty('password');
    expect(requests[1]).not.toHaveProperty('only');
  });
});
