/**
 * "Use the selection" with one cell selected: users click one cell inside
 * their data, so the gateway reads that sheet's used range (from A1, so
 * issue rows are sheet rows) and the Start screen's "found" line says so, in
 * English and Chinese. A selection of several cells is still read as selected.
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import { analyzeGrid } from '../../src/domain/import';
import type { Locale } from '../../src/i18n/locale';
import { withHostUi } from '../../src/preview/hostUi';
import { TextProvider } from '../../src/taskpane/i18n';
import { StartScreen } from '../../src/taskpane/screens/StartScreen';
import { createWorkbookGateway, type SourceSnapshot } from '../../src/taskpane/workbookGateway';
import type { ImportSummary } from '../../src/worker/protocol';

const HEADER = ['Customer ID', 'Name', 'Last order', 'Orders', 'Spend'];

/** "Notes" first (active), then "Orders" with a title in A1 and the data in B3:F7. */
function workbook(): FakeExcel {
  const fake = createFakeExcel();
  fake.model.addSheet('Notes').setConstant(0, 0, 'my notes');
  const orders = fake.model.addSheet('Orders');
  orders.setConstant(0, 0, 'Customer list');
  HEADER.forEach((h, c) => orders.setConstant(2, 1 + c, h));
  for (let i = 1; i <= 4; i += 1) {
    const row = [`C00${i}`, `Name ${i}`, '2025-03-01', i, i * 100];
    row.forEach((v, c) => orders.setConstant(2 + i, 1 + c, v));
  }
  return fake;
}

async function selectAndRead(fake: FakeExcel, address: string): Promise<SourceSnapshot> {
  const run = withHostUi(fake);
  await run(async (context) => {
    context.workbook.worksheets.getItem('Orders').getRange(address).select();
    await context.sync();
  });
  return createWorkbookGateway(run).read({ kind: 'selection' });
}

function renderFound(snapshot: SourceSnapshot, locale: Locale): string {
  const analysis = analyzeGrid(snapshot.values, {});
  const summary: ImportSummary = { kind: 'customers', rowsRead: 4, rowsSkipped: 0, customers: 4, issueGroups: [], latestPurchase: null };
  const noop = (): void => undefined;
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <StartScreen
          status="ready"
          overview={{ sheetNames: ['Notes', 'Orders'], activeSheet: 'Orders', managedSheets: [] }}
          readProgress={null}
          snapshot={snapshot}
          analysis={analysis}
          summary={summary}
          problem={null}
          onUse={noop}
          onPickSheet={noop}
          onUseSelection={noop}
          onOpenTable={noop}
          onReread={noop}
        />
      </TextProvider>
    </FluentProvider>,
  );
  return screen.getByTestId('found-summary').textContent ?? '';
}

describe('use the selection with one cell selected', () => {
  it('reads the sheet of that cell from A1 (its used range) and remembers the cell', async () => {
    const fake = workbook();
    const snapshot = await selectAndRead(fake, 'D5');
    expect(snapshot).toMatchObject({ source: { kind: 'selection' }, sheetName: 'Orders', selectedCell: 'D5', firstRow: 1, address: 'A1:F7' });
    expect(snapshot.values).toHaveLength(7);
    expect(snapshot.values[2]).toEqual([null, ...HEADER]);
    expect(snapshot.values[6]?.[1]).toBe('C004');
  });

  it('a selection of several cells is read as selected, without a selected cell', async () => {
    const snapshot = await selectAndRead(workbook(), 'B3:F5');
    expect(snapshot).toMatchObject({ sheetName: 'Orders', address: 'B3:F5', firstRow: 3 });
    expect(snapshot.selectedCell).toBeUndefined();
    expect(snapshot.values).toEqual([
      HEADER,
      ['C001', 'Name 1', '2025-03-01', 1, 100],
      ['C002', 'Name 2', '2025-03-01', 2, 200],
    ]);
  });

  it('one cell on a blank sheet reads as no values, still naming the cell', async () => {
    const fake = workbook();
    fake.model.addSheet('Blank');
    const run = withHostUi(fake);
    await run(async (context) => {
      context.workbook.worksheets.getItem('Blank').getRange('B2').select();
      await context.sync();
    });
    const snapshot = await createWorkbookGateway(run).read({ kind: 'selection' });
    expect(snapshot).toMatchObject({ sheetName: 'Blank', selectedCell: 'B2', values: [], address: '' });
  });

  it.each([
    ['en', "Sheet 'Orders': only cell D5 was selected, so all of the sheet's data was read"],
    ['zh-CN', '工作表“Orders”：只选中了单元格 D5，因此读取了该工作表的全部数据'],
  ] as const)('the Start screen says so (%s)', async (locale, expected) => {
    const snapshot = await selectAndRead(workbook(), 'D5');
    expect(renderFound(snapshot, locale)).toContain(expected);
  });

  it.each([
    ['en', "Selection B3:F5 on sheet 'Orders'"],
    ['zh-CN', '工作表“Orders”中的选区 B3:F5'],
  ] as const)('a real selection keeps its own wording (%s)', async (locale, expected) => {
    const snapshot = await selectAndRead(workbook(), 'B3:F5');
    expect(renderFound(snapshot, locale)).toContain(expected);
  });
});
