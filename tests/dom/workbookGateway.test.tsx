/**
 * The workbook gateway over the typed fake Excel (through the preview's
 * round-trip layer; the fake models the active sheet and the used range): reads come back exactly,
 * from row 1 so issue rows are sheet rows, in a bounded number of syncs
 * (one to size, one per block), and managed sheets are recognised by the
 * renderer's registry, not by their names.
 */
import { describe, expect, it } from '@jest/globals';
import { createFakeExcel } from '../../src/fake-excel';
import { withHostUi } from '../../src/preview/hostUi';
import { applyPlan } from '../../src/renderers/excel/applyPlan';
import { createWorkbookGateway, isManagedSheet, readBlockRows, addressOf } from '../../src/taskpane/workbookGateway';
import { columnLetter } from '../../src/plan/a1';
import { CUSTOMERS_SHEET, makeSamplePlan, SETTINGS_SHEET } from '../unit/excel/samplePlan';

async function workbookWith(rows: number, columns: number) {
  const fake = createFakeExcel();
  const run = withHostUi(fake);
  const values = Array.from({ length: rows }, (_v, r) => Array.from({ length: columns }, (_w, c) => (r === 0 ? `H${c}` : r * columns + c)));
  await run(async (context) => {
    context.workbook.worksheets.add('Data');
    context.workbook.worksheets.add('客户档案');
    await context.sync();
    // Data starts in row 3, column B, under an empty area, like a titled report.
    const block = 10_000;
    const data = context.workbook.worksheets.getItem('Data');
    for (let start = 0; start < rows; start += block) {
      data.getRangeByIndexes(2 + start, 1, Math.min(block, rows - start), columns).values = values.slice(start, start + block);
      await context.sync();
    }
  });
  return { fake, run, values };
}

describe('workbook gateway', () => {
  it('reads a sheet from A1, in blocks, with one sync per block plus a constant', async () => {
    const rows = 45_000;
    const columns = 5;
    const { fake, run, values } = await workbookWith(rows, columns);
    const gateway = createWorkbookGateway(run);
    const before = fake.stats().syncs;
    const progress: number[] = [];
    const snapshot = await gateway.read({ kind: 'sheet', name: 'Data' }, (p) => progress.push(p.rowsRead));
    const syncs = fake.stats().syncs - before;
    const blocks = Math.ceil((rows + 2) / readBlockRows(columns + 1));
    expect(syncs).toBe(2 + blocks);
    expect(snapshot.firstRow).toBe(1);
    expect(snapshot.address).toBe(`A1:${columnLetter(columns)}${rows + 2}`);
    expect(snapshot.values[0]).toEqual([null, null, null, null, null, null]);
    expect(snapshot.values[2]).toEqual([null, ...values[0]!]);
    expect(snapshot.values[rows + 1]).toEqual([null, ...values[rows - 1]!]);
    expect(progress[progress.length - 1]).toBe(rows + 2);
    expect(fake.stats().maxResponseBytes).toBeLessThan(5_000_000);
  }, 60_000);

  it('lists sheets and the active one; a sheet merely named like a managed one is not managed', async () => {
    const { run } = await workbookWith(3, 2);
    const overview = await createWorkbookGateway(run).overview();
    expect(overview.sheetNames).toEqual(['Data', '客户档案']);
    expect(overview.activeSheet).toBe('Data');
    expect(overview.managedSheets).toEqual([]);
  });

  it('regression: a user sheet named Customers is a data sheet until a build registers the managed sheets', async () => {
    const fake = createFakeExcel();
    const run = withHostUi(fake);
    await run(async (context) => {
      context.workbook.worksheets.add('Customers').getRange('A1:B2').values = [
        ['ID', 'Spend'],
        ['K1', 10],
      ];
      context.workbook.worksheets.add('Settings');
      await context.sync();
    });
    const gateway = createWorkbookGateway(run);
    const before = await gateway.overview();
    expect(before.managedSheets).toEqual([]);
    expect(isManagedSheet(before, 'Customers')).toBe(false);
    const snapshot = await gateway.read({ kind: 'sheet', name: 'Customers' });
    expect(snapshot.values).toEqual([
      ['ID', 'Spend'],
      ['K1', 10],
    ]);

    // After a build into another workbook holding only the user's data, the registered sheets are recognised, in either case.
    const built = createFakeExcel();
    const builtRun = withHostUi(built);
    await builtRun(async (context) => {
      context.workbook.worksheets.add('Data');
      await context.sync();
      await applyPlan(context, makeSamplePlan({ customers: 3 }));
    });
    const after = await createWorkbookGateway(builtRun).overview();
    expect(after.managedSheets).toEqual([CUSTOMERS_SHEET, SETTINGS_SHEET]);
    expect(isManagedSheet(after, CUSTOMERS_SHEET.toUpperCase())).toBe(true);
    expect(isManagedSheet(after, 'Data')).toBe(false);
  });

  it('an empty sheet reads as no values; a missing sheet is a typed error', async () => {
    const { run } = await workbookWith(3, 2);
    const gateway = createWorkbookGateway(run);
    await expect(gateway.read({ kind: 'sheet', name: '客户档案' })).resolves.toMatchObject({ values: [], address: '' });
    await expect(gateway.read({ kind: 'sheet', name: 'Nope' })).rejects.toMatchObject({ code: 'sheet-not-found' });
  });

  it.each([
    [0, 0, 1, 1, 'A1'],
    [2, 1, 3, 2, 'B3:C5'],
    [0, 25, 1, 2, 'Z1:AA1'],
  ])('addressOf(%i, %i, %i, %i) = %s', (top, left, rows, cols, address) => {
    expect(addressOf(top, left, rows, cols)).toBe(address);
  });
});
