/**
 * The Columns screen with the real import analysis: choosing another column
 * in a field's dropdown changes the mapping (the analysis re-run with the
 * user's choice), and the confidence mark says the user chose it.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { analyzeGrid, type ImportOptions } from '../../src/domain/import';
import type { FieldKey, RawGrid } from '../../src/domain/types';
import type { Locale } from '../../src/i18n/locale';
import { TextProvider } from '../../src/taskpane/i18n';
import { ColumnsScreen } from '../../src/taskpane/screens/ColumnsScreen';
import type { ImportSummary } from '../../src/worker/protocol';

const GRID: RawGrid = [
  ['客户编号', '客户名称', '最近购买日期', '上次下单', '订单数', '消费总额', '行业'],
  ['KH001', '张三', '2025-03-01', '2025-02-01', 3, 1200.5, '零售'],
  ['KH002', '李四', '2025-01-15', '2024-12-30', 1, 300, '制造'],
];

const SUMMARY: ImportSummary = { kind: 'customers', rowsRead: 2, rowsSkipped: 0, customers: 2, issueGroups: [], latestPurchase: null };

function Harness({ locale, onMapping }: { locale: Locale; onMapping: (field: FieldKey, header: string) => void }): JSX.Element {
  const [options, setOptions] = useState<ImportOptions>({});
  const analysis = analyzeGrid(GRID, options);
  return (
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <ColumnsScreen
          analysis={analysis}
          summary={SUMMARY}
          options={options}
          firstRow={1}
          updating={false}
          onChangeKind={(kind) => setOptions({ ...options, kind, mapping: {} })}
          onChangeMapping={(field, header) => {
            onMapping(field, header);
            setOptions({ ...options, mapping: { ...(options.mapping ?? {}), [field]: header } });
          }}
          onChangeDayMonthOrder={(order) => setOptions({ ...options, dayMonthOrder: order })}
          onNext={() => undefined}
          onBack={() => undefined}
        />
      </TextProvider>
    </FluentProvider>
  );
}

function fieldRow(field: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!row) throw new Error(`no row for ${field}`);
  return row;
}

describe('Columns screen', () => {
  it('shows the detected column for each needed field, and unused columns as kept', () => {
    render(<Harness locale="en" onMapping={() => undefined} />);
    expect(within(fieldRow('customerId')).getByRole('combobox').textContent).toContain('客户编号');
    expect(within(fieldRow('lastPurchase')).getByRole('combobox').textContent).toContain('最近购买日期');
    expect(screen.getByTestId('kept-columns').textContent).toContain('行业');
  });

  it.each<[Locale, string]>([
    ['en', 'Chosen by you'],
    ['zh-CN', '手动选择'],
  ])('changing a dropdown changes the mapping (%s)', async (locale, chosenMark) => {
    const onMapping = jest.fn<(field: FieldKey, header: string) => void>();
    render(<Harness locale={locale} onMapping={onMapping} />);
    const combo = within(fieldRow('lastPurchase')).getByRole('combobox');
    fireEvent.click(combo);
    const option = await screen.findByRole('option', { name: /上次下单/ });
    fireEvent.click(option);
    expect(onMapping).toHaveBeenCalledWith('lastPurchase', '上次下单');
    await waitFor(() => expect(within(fieldRow('lastPurchase')).getByRole('combobox').textContent).toContain('上次下单'));
    expect(within(fieldRow('lastPurchase')).getByText(chosenMark)).toBeTruthy();
    // The column the field used before is now kept as is.
    expect(screen.getByTestId('kept-columns').textContent).toContain('最近购买日期');
  });

  it('warns and blocks Next when a needed field is set to not used', async () => {
    render(<Harness locale="en" onMapping={() => undefined} />);
    fireEvent.click(within(fieldRow('totalSpend')).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: '(not used)' }));
    await waitFor(() => expect(screen.getByTestId('missing-fields').textContent).toContain('Total spend'));
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
