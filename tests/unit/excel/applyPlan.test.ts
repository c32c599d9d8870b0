/**
 * The Office.js renderer against the typed fake Excel: the workbook it
 * builds, its round trips and request sizes, failures at every sync,
 * cancellation, and rebuilds that keep what users typed.
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, FakeWorkbookModel, hasStructuredReference, type FakeExcel, type FakeSheet } from '../../../src/fake-excel';
import { applyPlan, MANAGED_SHEETS_NAME, widthToPoints, type ApplyOptions } from '../../../src/renderers/excel/applyPlan';
import { BuildInterruptedError } from '../../../src/renderers/excel/errors';
import { STRINGS } from '../../../src/i18n/strings';
import { describeError } from '../../../src/taskpane/errors';
import { gradeGrid } from '../../../src/pipeline/gradeGrid';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { dayFromYmd } from '../../../src/domain/dates';
import type { WorkbookPlan } from '../../../src/plan/types';
import { CUSTOMERS_SHEET, makeSamplePlan, sampleCustomer, SAMPLE_COLUMNS, SETTINGS_SHEET } from './samplePlan';
import { CHART_SYNCS } from '../../../src/renderers/excel/charts';
import { chartsOnSheet } from '../../../src/fake-excel/charts';

const HEADERS = SAMPLE_COLUMNS.map((c) => c.header);
const col = (header: string): number => HEADERS.indexOf(header);
const LIMIT = 5_000_000;

/** A workbook with the user's own source sheet and another sheet of theirs. */
function userWorkbook(): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  const data = model.addSheet('Data');
  data.setConstant(0, 0, 'ID');
  data.setConstant(0, 1, 'Name');
  data.setConstant(0, 2, 'Spend');
  for (let r = 1; r <= 20; r += 1) {
    data.setConstant(r, 0, `C${String(r).padStart(6, '0')}`);
    data.setConstant(r, 1, r === 3 ? '=HYPERLINK("x")' : `Name ${r}`);
    data.setConstant(r, 2, r * 10.5);
  }
  data.setFormulaRaw(21, 2, '=SUM(C2:C21)');
  data.setNumberFormat(1, 2, '0.00');
  const mine = model.addSheet('My notes');
  mine.setConstant(0, 0, 'do not touch');
  return model;
}

/** Everything observable about a sheet, as JSON (format layers excluded: reruns re-apply them). */
function sheetSnapshot(sheet: FakeSheet | undefined): string {
  if (!sheet) return 'missing';
  const { lastRow, lastColumn } = sheet.usedExtent();
  const cells: unknown[] = [];
  for (let r = 0; r <= lastRow; r += 1) {
    for (let c = 0; c <= lastColumn; c += 1) cells.push([sheet.formula(r, c), sheet.numberFormat(r, c)]);
  }
  return JSON.stringify({
    name: sheet.name,
    cells,
    validations: sheet.validations,
    conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest),
    widths: [...sheet.columnWidths],
    freeze: sheet.freeze,
    tab: sheet.tabColor,
    protection: sheet.protection,
  });
}

function workbookSnapshot(model: FakeWorkbookModel): string {
  return JSON.stringify({
    sheets: model.sheets.map((s) => sheetSnapshot(s)),
    names: [...model.names.values()],
    tables: model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, columns: t.columns, rows: t.bodyRows, style: t.style })),
  });
}

/** The table whose header row starts at A1 of the Customers sheet, whatever its name (a stopped build may leave Excel's default name). */
function tableAtArea(model: FakeWorkbookModel) {
  return model.tables.find((t) => t.sheet.name === CUSTOMERS_SHEET && t.headerRow === 0 && t.firstColumn === 0);
}

/** The Customers table body as records by header, read from the model. */
function tableRecords(model: FakeWorkbookModel): Record<string, unknown>[] {
  const table = model.table('Customers') ?? tableAtArea(model);
  if (!table) return [];
  const out: Record<string, unknown>[] = [];
  for (let r = table.firstBodyRow; r <= table.lastBodyRow; r += 1) {
    const record: Record<string, unknown> = {};
    table.columns.forEach((c, i) => (record[c.name] = table.sheet.formula(r, table.firstColumn + i)));
    out.push(record);
  }
  return out;
}

/**
 * The invariants a build keeps even when it stops: the user's sheets are
 * untouched; the table, if any, has unique non-blank keys; every row is one
 * whole customer from one data version; notes typed by the user are intact.
 */
function expectConsistent(model: FakeWorkbookModel, before: { data: string; mine: string }, notes: Record<string, string> = {}, versions = [1, 2]): void {
  expect(sheetSnapshot(model.sheet('Data'))).toBe(before.data);
  expect(sheetSnapshot(model.sheet('My notes'))).toBe(before.mine);
  const rows = tableRecords(model);
  const keys = rows.map((r) => r['Customer ID']);
  expect(new Set(keys).size).toBe(keys.length);
  for (const row of rows) {
    const id = String(row['Customer ID']);
    expect(id).toMatch(/^C\d{6}$/);
    const index = Number(id.slice(1));
    const matches = versions.filter((v) => {
      const c = sampleCustomer(index, v);
      return row['Orders'] === c.orders && row['Spend'] === c.spend && row['Phone'] === c.phone;
    });
    expect(matches.length).toBeGreaterThan(0);
    if (notes[id] !== undefined) expect(row['Notes']).toBe(notes[id]);
  }
}

async function build(fake: FakeExcel, plan: WorkbookPlan, options: ApplyOptions = {}) {
  return applyPlan(fake.context, plan, options);
}

async function expectInterrupted(promise: Promise<unknown>): Promise<BuildInterruptedError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BuildInterruptedError);
  return caught as BuildInterruptedError;
}

describe('applyPlan: the workbook it builds', () => {
  test('a full plan: sheets, table, formulas, formats, names, validations and conditional formats', async () => {
    const model = userWorkbook();
    const before = { data: sheetSnapshot(model.sheet('Data')), mine: sheetSnapshot(model.sheet('My notes')) };
    const fake = createFakeExcel({ model });
    const result = await build(fake, makeSamplePlan({ customers: 30 }), { supports: () => true });

    expect(result.sheetsCreated).toEqual([CUSTOMERS_SHEET, SETTINGS_SHEET]);
    expect(result.table).toMatchObject({ created: true, appended: 30, updated: 0 });
    expect(result.warnings).toEqual([]);
    expectConsistent(model, before, {}, [1]);

    const table = model.table('Customers');
    expect(table?.columns.map((c) => c.name)).toEqual(HEADERS);
    expect(table?.bodyRows).toBe(30);
    expect(table?.style).toBe('TableStyleMedium2');
    // Computed columns are calculated columns holding the plan's formulas, as formulas (not text).
    for (const c of SAMPLE_COLUMNS) expect(table?.columns[col(c.header)]?.calculatedFormula ?? null).toBe(c.role === 'computed' ? c.formula : null);
    const sheet = model.sheet(CUSTOMERS_SHEET);
    expect(sheet?.isFormula(1, col('Tier'))).toBe(true);
    expect(sheet?.numberFormat(1, col('Tier'))).toBe('@');
    // Text stays text: formula-like names, "TRUE", leading zeros, a leading apostrophe.
    const names = tableRecords(model).map((r) => r['Name']);
    expect(names.slice(1, 7)).toEqual(['=HYPERLINK("http://x")', '北京星辰贸易有限公司', '+86 sales desk', "'quoted", 'TRUE', '-dash']);
    expect(tableRecords(model)[0]?.['Phone']).toBe('013800000000');
    expect(sheet?.isFormula(2, col('Name'))).toBe(false);
    expect(sheet?.numberFormat(1, col('Customer ID'))).toBe('@');
    expect(sheet?.numberFormat(1, col('Last order'))).toBe('yyyy-mm-dd');
    expect(sheet?.value(2, col('Last order'))).toBe(19_002 + 25_569);
    expect(sheet?.value(1, col('Spend'))).toBe(-120.5);
    expect(sheet?.freeze).toEqual({ rows: 1, columns: 1 });
    expect(sheet?.tabColor).toBe('#1F4E79');
    expect(sheet?.columnWidths.get(col('Notes'))).toBe(widthToPoints(30));

    // Names point at Settings cells; the registry of managed sheets is hidden.
    expect(model.names.get('asofdate')?.formula).toBe("='Settings'!$B$3");
    expect(model.names.get(MANAGED_SHEETS_NAME.toLowerCase())).toMatchObject({ formula: '="Customers|Settings"', visible: false });
    const settings = model.sheet(SETTINGS_SHEET);
    expect(settings?.formula(3, 1)).toBe('=PERCENTILE.INC(Customers[Recency (days)],0.2)');
    expect(settings?.numberFormat(2, 1)).toBe('yyyy-mm-dd');
    expect(settings?.cellFormat(0, 0)).toMatchObject({ bold: true, fontSize: 14 });

    // Validations and conditional formats: A1 ranges over whole table columns, no structured references, lists point at names.
    const body = (header: string) => ({ r0: 1, c0: col(header), r1: 30, c1: col(header) });
    expect(sheet?.validations.map((v) => [v.rect, Object.keys(v.rule)[0]])).toEqual([
      [body('Tier override'), 'list'],
      [body('Orders'), 'wholeNumber'],
      [body('Last order'), 'date'],
    ]);
    expect(sheet?.validations[0]?.rule.list?.source).toBe('=TierNames');
    expect(sheet?.validations[0]?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: 'Tier' });
    expect(settings?.validations).toHaveLength(1);
    expect(sheet?.conditionalFormats.map((f) => [f.type, f.rect])).toEqual([
      ['Custom', body('Tier')],
      ['IconSet', body('R')],
      ['ColorScale', body('Spend')],
      ['DataBar', body('Orders')],
    ]);
    const formulas = [
      ...(sheet?.validations ?? []).flatMap((v) => Object.values(v.rule).flatMap((r) => Object.values(r as object))),
      ...(sheet?.conditionalFormats ?? []).map((f) => f.formula),
    ].filter((f): f is string => typeof f === 'string');
    for (const f of formulas) expect(hasStructuredReference(f)).toBe(false);

    // Every writing sync suspended calculation; screen updating too (ExcelApi 1.9 supported here).
    const requests = fake.stats().requests;
    expect(requests).toHaveLength(result.syncs);
    expect(requests.slice(1, -1).every((r) => r.calculationSuspended && r.screenUpdatingSuspended)).toBe(true);
  });

  test('without ExcelApi 1.9 screen updating is never suspended and the result warns, in English and Chinese', async () => {
    const fake = createFakeExcel({ model: userWorkbook() });
    const calls: string[] = [];
    const result = await build(fake, makeSamplePlan({ customers: 5 }), { supports: (set, version) => (calls.push(`${set} ${version}`), false) });
    expect(calls).toEqual(['ExcelApi 1.9']);
    expect(fake.stats().requests.some((r) => r.screenUpdatingSuspended)).toBe(false);
    expect(fake.stats().requests.filter((r) => r.calculationSuspended)).toHaveLength(result.syncs - 2);
    expect(result.warnings[0]?.zh).toContain('ExcelApi 1.9');
  });

  test('the user source sheet and other sheets are byte-identical after a build and a rebuild', async () => {
    const model = userWorkbook();
    const before = workbookSnapshot(model);
    const fake = createFakeExcel({ model });
    await build(fake, makeSamplePlan({ customers: 12 }));
    await build(fake, makeSamplePlan({ customers: 15, version: 2 }));
    const after = JSON.parse(workbookSnapshot(model)) as { sheets: string[] };
    const original = JSON.parse(before) as { sheets: string[] };
    expect(after.sheets.slice(0, 2)).toEqual(original.sheets);
  });

  test('a sheet of the user that has a managed name stops the build before anything is written', async () => {
    const model = userWorkbook();
    model.addSheet(CUSTOMERS_SHEET).setConstant(0, 0, 'my own list');
    const before = workbookSnapshot(model);
    const fake = createFakeExcel({ model });
    const error = await expectInterrupted(build(fake, makeSamplePlan({ customers: 3 })));
    expect([error.code, error.reason]).toEqual(['failed', 'sheetNameTaken']);
    expect(error.description.en).toContain('Nothing was written');
    expect(error.description.zh).toContain('工作簿未作任何更改');
    expect(workbookSnapshot(model)).toBe(before);
  });

  test('a protected managed sheet stops a rebuild before anything is written, saying what to do', async () => {
    const model = userWorkbook();
    const fake = createFakeExcel({ model });
    await build(fake, makeSamplePlan({ customers: 3 }));
    fake.context.workbook.worksheets.getItem(SETTINGS_SHEET).protection.protect();
    await fake.context.sync();
    const before = workbookSnapshot(model);
    const error = await expectInterrupted(build(fake, makeSamplePlan({ customers: 4, version: 2 })));
    expect([error.code, error.reason]).toEqual(['failed', 'sheetProtected']);
    expect(error.description.zh).toContain('撤消');
    expect(workbookSnapshot(model)).toBe(before);
  });
});

describe('applyPlan: round trips and request sizes', () => {
  test.each([
    [1_000, 1],
    [20_000, 1],
    [100_000, 5],
  ])('%i customers: a constant 4 syncs plus one per block (%i blocks), every request under 5 MB', async (customers, blocks) => {
    const fake = createFakeExcel({ model: userWorkbook() });
    const started = Date.now();
    const result = await build(fake, makeSamplePlan({ customers }));
    const ms = Date.now() - started;
    const stats = fake.stats();
    expect(result.writeBlocks).toBe(blocks);
    expect(stats.syncs).toBe(4 + blocks);
    expect(stats.syncs).toBe(result.syncs);
    expect(stats.maxRequestBytes).toBeLessThan(LIMIT);
    expect(stats.maxResponseBytes).toBeLessThan(LIMIT);
    expect(result.largestBlockRows).toBeLessThanOrEqual(20_000);
    if (customers >= 20_000) expect(result.largestBlockRows).toBeGreaterThanOrEqual(5_000);
    expect(model(fake).table('Customers')?.bodyRows).toBe(customers);
    if (customers === 100_000) {
      // Recorded for the report / benchmark doc.
      process.stdout.write(`100k build: syncs=${stats.syncs} maxRequestBytes=${stats.maxRequestBytes} blocks=${result.writeBlocks} ms=${ms}\n`);
    }
  }, 120_000);

  test('100k rebuild: constant syncs plus read blocks plus write blocks, all under 5 MB', async () => {
    const fake = createFakeExcel({ model: userWorkbook() });
    await build(fake, makeSamplePlan({ customers: 100_000 }));
    const first = fake.stats().syncs;
    const started = Date.now();
    const result = await build(fake, makeSamplePlan({ customers: 100_500, version: 2 }));
    const ms = Date.now() - started;
    const rebuildRequests = fake.stats().requests.slice(first);
    expect(rebuildRequests).toHaveLength(result.syncs);
    expect(result.syncs).toBe(5 + result.readBlocks + result.writeBlocks);
    expect(result.table).toMatchObject({ updated: 100_000, appended: 500, notInSource: 0 });
    expect(Math.max(...rebuildRequests.map((r) => r.requestBytes))).toBeLessThan(LIMIT);
    expect(Math.max(...rebuildRequests.map((r) => r.responseBytes))).toBeLessThan(LIMIT);
    expect(model(fake).table('Customers')?.bodyRows).toBe(100_500);
    process.stdout.write(
      `100k rebuild: syncs=${result.syncs} readBlocks=${result.readBlocks} writeBlocks=${result.writeBlocks} maxRequestBytes=${Math.max(...rebuildRequests.map((r) => r.requestBytes))} maxResponseBytes=${Math.max(...rebuildRequests.map((r) => r.responseBytes))} ms=${ms}\n`,
    );
  }, 180_000);

  test('wide rows make smaller blocks so a request stays under the limit (regression: block size from bytes, not rows)', async () => {
    const plan = makeSamplePlan({ customers: 3_000 });
    const table = plan.tables[0];
    if (!table) throw new Error('no table');
    const longNote = 'x'.repeat(3_000);
    const wide: WorkbookPlan = {
      ...plan,
      tables: [{ ...table, rows: table.rows.map((row) => row.map((v, i) => (i === col('Notes') ? { kind: 'text', text: longNote } : v))) }],
    };
    const fake = createFakeExcel({ model: userWorkbook() });
    const result = await build(fake, wide);
    expect(result.writeBlocks).toBeGreaterThan(1);
    expect(fake.stats().maxRequestBytes).toBeLessThan(LIMIT);
  });
});

function model(fake: FakeExcel): FakeWorkbookModel {
  return fake.model;
}

describe('applyPlan: failures and cancellation leave the workbook consistent', () => {
  // 100 customers in blocks of 40: 3 write blocks.
  const options: ApplyOptions = { blockRows: 40 };

  test('first build failing at every sync in turn: consistent, says what was written, and a rerun gives the clean result', async () => {
    const clean = createFakeExcel({ model: userWorkbook() });
    await build(clean, makeSamplePlan({ customers: 100 }), options);
    const total = clean.stats().syncs;
    expect(total).toBe(7);
    for (let failAt = 1; failAt <= total; failAt += 1) {
      const model_ = userWorkbook();
      const before = { data: sheetSnapshot(model_.sheet('Data')), mine: sheetSnapshot(model_.sheet('My notes')) };
      const failing = createFakeExcel({ model: model_, failAtSync: failAt });
      const error = await expectInterrupted(build(failing, makeSamplePlan({ customers: 100 }), options));
      expect(error.code).toBe('failed');
      expect(error.reason).toBe('excel');
      expect(error.description.en).toContain('GeneralException');
      expect(error.description.zh).toContain('中止');
      expectConsistent(model_, before, {}, [1]);
      // What the message says depends on where the build stopped.
      const said = error.description.en;
      if (failAt === 1) expect(said).toContain('Nothing was written');
      if (failAt === 2) expect(said).toContain('may have been created');
      if (failAt >= 3 && failAt <= 5) expect(said).toContain(`${(failAt - 3) * 40} of 100 new rows added`);
      if (failAt === 6) expect(said).toContain('100 of 100 new rows added');
      if (failAt === 6) expect(said).toContain('Settings, formulas and formats were not written');
      if (failAt === 7) expect(said).toContain('Settings, formulas and formats were written');
      if (failAt === 7) expect(said).toContain('Validations and conditional formats were not written');
      expect(error.written.stoppedIn).toBe(['inspect', 'prepare', 'write', 'write', 'write', 'format', 'validate'][failAt - 1]);
      const appended = tableRecords(model_).length;
      expect(appended).toBe(error.written.rowsAppended);
      await build(createFakeExcel({ model: model_ }), makeSamplePlan({ customers: 100 }), options);
      expect(workbookSnapshot(model_)).toBe(workbookSnapshot(clean.model));
    }
  }, 60_000);

  test('rebuild failing at every sync in turn: user notes and columns intact, no duplicates, rerun completes', async () => {
    const prepare = () => builtWithNotes(options);
    const plan = makeSamplePlan({ customers: 130, version: 2 });
    const reference = await prepare();
    const referenceFake = createFakeExcel({ model: reference.model });
    await build(referenceFake, plan, options);
    const total = referenceFake.stats().syncs;
    for (let failAt = 1; failAt <= total; failAt += 1) {
      const { model: m, notes } = await prepare();
      const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
      const error = await expectInterrupted(build(createFakeExcel({ model: m, failAtSync: failAt }), plan, options));
      expect(error.code).toBe('failed');
      expectConsistent(m, before, notes);
      expect(tableRecords(m).length).toBe(100 + error.written.rowsAppended);
      await build(createFakeExcel({ model: m }), plan, options);
      expectConsistent(m, before, notes, [2]);
      expect(workbookSnapshot(m)).toBe(workbookSnapshot(reference.model));
    }
  }, 60_000);

  /**
   * Excel runs a batch's operations in order and stops at the one that fails,
   * keeping the ones before it: a build can stop half-way through any sync,
   * a row-writing block included (after `tables.add` or `rows.add` and before
   * the block's formulas, say). The tests below stop a build at every
   * operation in turn and check the message against what the workbook then holds.
   */
  /** Where two workbook snapshots first differ, with a little context either side (the whole snapshot is too long to print). */
  const firstDifference = (actual: string, expected: string): string | null => {
    if (actual === expected) return null;
    let i = 0;
    while (i < actual.length && actual[i] === expected[i]) i += 1;
    return `at ${i}: got …${actual.slice(Math.max(0, i - 150), i + 150)}… expected …${expected.slice(Math.max(0, i - 150), i + 150)}…`;
  };
  /** Existing rows (the first `existingRows` of the table) that hold version-2 data: rewritten by the rebuild. */
  const rowsHoldingVersion2 = (m: FakeWorkbookModel, existingRows: number): number =>
    tableRecords(m)
      .slice(0, existingRows)
      .filter((row) => row['Orders'] === sampleCustomer(Number(String(row['Customer ID']).slice(1)), 2).orders).length;
  /**
   * The message is exact: "nothing was written" only when the workbook is byte-identical to before; the
   * table exists when the message says so; its rows are the existing ones plus those it says were added;
   * the existing rows it says were updated are exactly those holding the new data.
   */
  const expectSaysExactlyWhatWasWritten = (failAt: number, error: BuildInterruptedError, m: FakeWorkbookModel, existingRows: number, untouched: string): void => {
    const said = error.description.en;
    const w = error.written;
    expect([failAt, said]).toEqual([failAt, expect.stringContaining('GeneralException')]);
    expect(error.description.zh).toContain('中止');
    expect([failAt, w.rowsMaybeAppended ?? 0]).toEqual([failAt, 0]);
    if (w.stoppedIn === 'inspect') expect([failAt, said]).toEqual([failAt, expect.stringContaining('Nothing was written')]);
    if (said.includes('Nothing was written')) {
      expect([failAt, firstDifference(workbookSnapshot(m), untouched)]).toEqual([failAt, null]);
    } else {
      expect([failAt, said]).toEqual([failAt, expect.stringContaining(`${w.rowsUpdated} of ${w.rowsToUpdate} existing rows updated, ${w.rowsAppended} of ${w.rowsToAppend} new rows added`)]);
    }
    if (w.stoppedIn === 'prepare') expect(said).toContain('may have been created');
    // Before the inspection the renderer has not looked; a message saying nothing was written does not mention the table.
    if (!said.includes('Nothing was written')) expect([failAt, 'table exists', w.tableExists]).toEqual([failAt, 'table exists', tableAtArea(m) !== undefined]);
    expect([failAt, 'rows', tableRecords(m).length]).toEqual([failAt, 'rows', existingRows + w.rowsAppended]);
    expect([failAt, 'updated', rowsHoldingVersion2(m, existingRows)]).toEqual([failAt, 'updated', w.rowsUpdated]);
    if (w.stoppedIn === 'format' || w.stoppedIn === 'validate') expect(w.stepsDone).toContain('write');
    if (w.stoppedIn === 'validate') expect(said).toContain('Settings, formulas and formats were written');
  };

  test('first build failing at every operation in turn, row-writing blocks included (partial batches): consistent, says exactly what was written, a rerun gives the clean result', async () => {
    const plan = makeSamplePlan({ customers: 100 });
    const clean = createFakeExcel({ model: userWorkbook() });
    await build(clean, plan, options);
    const total = clean.stats().operationsRun;
    // 7 syncs (3 of them write blocks) and every operation in them.
    expect([clean.stats().syncs, total]).toEqual([7, expect.any(Number)]);
    expect(total).toBeGreaterThan(100);
    const cleanSnapshot = workbookSnapshot(clean.model);
    const leftUnnamed: number[] = [];
    for (let failAt = 1; failAt <= total; failAt += 1) {
      const m = userWorkbook();
      const untouched = workbookSnapshot(m);
      const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
      const failing = createFakeExcel({ model: m, failAtOperation: failAt });
      const error = await expectInterrupted(build(failing, plan, options));
      expect([failAt, error.code, error.reason]).toEqual([failAt, 'failed', 'excel']);
      expect(failing.stats().requests.some((r) => r.failedAtOperation !== null)).toBe(true);
      expectConsistent(m, before, {}, [1]);
      expectSaysExactlyWhatWasWritten(failAt, error, m, 0, untouched);
      if (tableAtArea(m) && tableAtArea(m)?.name !== 'Customers') leftUnnamed.push(failAt);
      await build(createFakeExcel({ model: m }), plan, options);
      expect([failAt, firstDifference(workbookSnapshot(m), cleanSnapshot)]).toEqual([failAt, null]);
    }
    // The one stop between `tables.add` and naming the table (regression: the rerun refused it as renamed).
    expect(leftUnnamed).toHaveLength(1);
  }, 120_000);

  test('rebuild failing at every operation in turn, row-writing blocks included (partial batches): user notes intact, no duplicates, says exactly what was written, rerun completes', async () => {
    const prepare = () => builtWithNotes(options);
    const plan = makeSamplePlan({ customers: 130, version: 2 });
    const reference = await prepare();
    const referenceFake = createFakeExcel({ model: reference.model });
    await build(referenceFake, plan, options);
    const total = referenceFake.stats().operationsRun;
    expect(referenceFake.stats().syncs).toBeGreaterThan(5);
    const referenceSnapshot = workbookSnapshot(reference.model);
    for (let failAt = 1; failAt <= total; failAt += 1) {
      const { model: m, notes } = await prepare();
      const untouched = workbookSnapshot(m);
      const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
      const error = await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: failAt }), plan, options));
      expect([failAt, error.code, error.reason]).toEqual([failAt, 'failed', 'excel']);
      expectConsistent(m, before, notes);
      expectSaysExactlyWhatWasWritten(failAt, error, m, 100, untouched);
      await build(createFakeExcel({ model: m }), plan, options);
      expectConsistent(m, before, notes, [2]);
      expect([failAt, firstDifference(workbookSnapshot(m), referenceSnapshot)]).toEqual([failAt, null]);
    }
  }, 120_000);

  /** The operation numbers, in a first build of `plan`, at which a stop leaves the table's cells without a table, and a table not yet named. */
  const stopsAroundTablesAdd = async (plan: WorkbookPlan): Promise<{ cellsOnly: number; unnamed: number }> => {
    const clean = createFakeExcel({ model: userWorkbook() });
    await build(clean, plan, options);
    let cellsOnly = 0;
    for (let failAt = 1; failAt <= clean.stats().operationsRun; failAt += 1) {
      const m = userWorkbook();
      await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: failAt }), plan, options));
      const table = tableAtArea(m);
      if (!table && m.sheet(CUSTOMERS_SHEET)?.value(1, 0) !== undefined && m.sheet(CUSTOMERS_SHEET)?.value(1, 0) !== '') cellsOnly = failAt;
      if (table && table.name !== 'Customers') return { cellsOnly, unnamed: failAt };
    }
    throw new Error('no stop left an unnamed table');
  };

  test('regression: a first build stopped right after tables.add (table under Excel\'s default name, marker set) is finished by the rerun, not refused as renamed', async () => {
    const plan = makeSamplePlan({ customers: 100 });
    const clean = createFakeExcel({ model: userWorkbook() });
    await build(clean, plan, options);
    const { unnamed } = await stopsAroundTablesAdd(plan);
    const m = userWorkbook();
    const error = await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: unnamed }), plan, options));
    expect(tableAtArea(m)?.name).toMatch(/^Table\d+$/);
    expect(m.names.get('tierwise_pendingtable')).toMatchObject({ formula: "='Customers'!$A$1", visible: false });
    // Exact: the table exists with the first block's 40 rows.
    expect(error.written).toMatchObject({ tableExists: true, rowsAppended: 40, rowsToAppend: 100 });
    expect(error.description.en).toContain('0 of 0 existing rows updated, 40 of 100 new rows added.');
    const result = await build(createFakeExcel({ model: m }), plan, options);
    expect(result.table).toMatchObject({ name: 'Customers', created: true, updated: 40, appended: 60 });
    expect(m.names.has('tierwise_pendingtable')).toBe(false);
    expect(firstDifference(workbookSnapshot(m), workbookSnapshot(clean.model))).toBeNull();
  }, 60_000);

  test.each([
    ['a table not yet named (the rerun names it)', 'unnamed'],
    ['cells without a table (the rerun makes the table again)', 'cellsOnly'],
  ] as const)('the rerun after a first build stopped leaving %s, itself failing at every operation in turn: consistent, exact message, a last run gives the clean result', async (_, which) => {
    const plan = makeSamplePlan({ customers: 100 });
    const clean = createFakeExcel({ model: userWorkbook() });
    await build(clean, plan, options);
    const cleanSnapshot = workbookSnapshot(clean.model);
    const stops = await stopsAroundTablesAdd(plan);
    const leftBy = async (): Promise<FakeWorkbookModel> => {
      const m = userWorkbook();
      await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: stops[which] }), plan, options));
      return m;
    };
    const probe = await leftBy();
    const rerun = createFakeExcel({ model: probe });
    await build(rerun, plan, options);
    const total = rerun.stats().operationsRun;
    expect(firstDifference(workbookSnapshot(probe), cleanSnapshot)).toBeNull();
    for (let failAt = 1; failAt <= total; failAt += 1) {
      const m = await leftBy();
      const untouched = workbookSnapshot(m);
      const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
      const error = await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: failAt }), plan, options));
      expect([failAt, error.reason]).toEqual([failAt, 'excel']);
      expectConsistent(m, before, {}, [1]);
      const w = error.written;
      expect([failAt, w.rowsMaybeAppended ?? 0]).toEqual([failAt, 0]);
      if (error.description.en.includes('Nothing was written')) {
        expect([failAt, firstDifference(workbookSnapshot(m), untouched)]).toEqual([failAt, null]);
      } else {
        expect(error.description.en).toContain(`${w.rowsUpdated} of ${w.rowsToUpdate} existing rows updated, ${w.rowsAppended} of ${w.rowsToAppend} new rows added`);
        // The first block's 40 rows were there before this run (in a table or as cells): existing rows, never added again.
        expect([failAt, w.tableExists, tableRecords(m).length]).toEqual([failAt, tableAtArea(m) !== undefined, w.tableExists ? 40 + w.rowsAppended : 0]);
      }
      await build(createFakeExcel({ model: m }), plan, options);
      expect([failAt, firstDifference(workbookSnapshot(m), cleanSnapshot)]).toEqual([failAt, null]);
    }
  }, 120_000);

  test('a write that fails after rows.add, and the recount after it failing too, says how many more rows may be there; the rerun adds none twice', async () => {
    const plan = makeSamplePlan({ customers: 100 });
    const clean = createFakeExcel({ model: userWorkbook() });
    await build(clean, plan, options);
    // The second write block's operations: find the one right after rows.add (the first that leaves 80 rows).
    let afterRowsAdd = 0;
    for (let failAt = 1; failAt <= clean.stats().operationsRun && afterRowsAdd === 0; failAt += 1) {
      const m = userWorkbook();
      await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: failAt }), plan, options));
      if (tableRecords(m).length === 80) afterRowsAdd = failAt;
    }
    expect(afterRowsAdd).toBeGreaterThan(0);
    const m = userWorkbook();
    // The write fails at afterRowsAdd; the recount's first operation (the next one run) fails as well.
    const error = await expectInterrupted(build(createFakeExcel({ model: m, failAtOperation: [afterRowsAdd, afterRowsAdd + 1] }), plan, options));
    expect(tableRecords(m)).toHaveLength(80);
    expect(error.written).toMatchObject({ rowsAppended: 40, rowsMaybeAppended: 40, tableExists: true });
    expect(error.description.en).toContain('40 of 100 new rows added');
    expect(error.description.en).toContain('Up to 40 more new rows may have been added just before the stop');
    expect(error.description.zh).toContain('至多 40 行');
    expect(error.cause).toBeInstanceOf(AggregateError);
    await build(createFakeExcel({ model: m }), plan, options);
    expect(firstDifference(workbookSnapshot(m), workbookSnapshot(clean.model))).toBeNull();
  }, 60_000);

  test('cancelling between blocks stops before the next sync and reports what was written', async () => {
    const m = userWorkbook();
    const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
    const controller = new AbortController();
    const steps: string[] = [];
    const fake = createFakeExcel({ model: m });
    const error = await expectInterrupted(
      build(fake, makeSamplePlan({ customers: 100 }), {
        ...options,
        signal: controller.signal,
        onProgress: (p) => {
          steps.push(`${p.step}:${p.done}/${p.total}`);
          if (p.step === 'write' && p.done === 3) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(error.written).toMatchObject({ rowsAppended: 40, rowsToAppend: 100, tableExists: true, formatsApplied: false });
    expect(error.description.en).toContain('40 of 100 new rows added');
    expect(error.description.zh).toContain('已新增 100 行中的 40 行');
    expect(fake.stats().syncs).toBe(3);
    // The total is an estimate until the existing table has been inspected, then exact.
    expect(steps).toEqual(['inspect:1/5', 'prepare:2/7', 'write:3/7']);
    expectConsistent(m, before, {}, [1]);
    const result = await build(createFakeExcel({ model: m }), makeSamplePlan({ customers: 100 }), options);
    expect(result.table).toMatchObject({ updated: 40, appended: 60 });
  });
});

/** Types notes and a tier override into the table as a user would (through the API), returning the notes by customer ID. */
/** The user's workbook after a first build of 100 customers, with notes typed on customers 3, 41 and 99. */
async function builtWithNotes(options: ApplyOptions): Promise<{ model: FakeWorkbookModel; notes: Record<string, string> }> {
  const model = userWorkbook();
  const fake = createFakeExcel({ model });
  await build(fake, makeSamplePlan({ customers: 100 }), options);
  const notes = await typeNotes(fake, [3, 41, 99]);
  return { model, notes };
}

async function typeNotes(fake: FakeExcel, indexes: readonly number[]): Promise<Record<string, string>> {
  const sheet = fake.context.workbook.worksheets.getItem(CUSTOMERS_SHEET);
  const notes: Record<string, string> = {};
  for (const i of indexes) {
    const id = `C${String(i).padStart(6, '0')}`;
    notes[id] = i === 41 ? '=not a formula' : `called ${id}`;
    sheet.getRangeByIndexes(1 + i, col('Notes'), 1, 1).values = [[i === 41 ? "'=not a formula" : notes[id]]];
    sheet.getRangeByIndexes(1 + i, col('Tier override'), 1, 1).values = [['A']];
  }
  await fake.context.sync();
  return notes;
}

describe('applyPlan: rebuilds are updates', () => {
  test('edits in user-entry columns and a column the user added survive two rebuilds; new customers are appended once', async () => {
    const m = userWorkbook();
    const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
    const fake = createFakeExcel({ model: m });
    await build(fake, makeSamplePlan({ customers: 60 }));
    const notes = await typeNotes(fake, [0, 7, 41, 59]);
    // The user adds a column of their own to the table, with a formula.
    const table = fake.context.workbook.tables.getItem('Customers');
    const added = table.columns.add(undefined, undefined, 'Follow-up');
    // The new column inherits the text format of its neighbour (Notes); a formula typed into it would be text.
    (added.getDataBodyRange() as unknown as { numberFormat: unknown }).numberFormat = 'General';
    (added.getDataBodyRange() as unknown as { formulas: unknown }).formulas = '=[@Orders]*2';
    await fake.context.sync();

    const second = await build(fake, makeSamplePlan({ customers: 60, version: 2 }));
    expect(second.table).toMatchObject({ updated: 60, appended: 0, notInSource: 0, userColumns: ['Follow-up'] });
    expectConsistent(m, before, notes, [2]);
    const third = await build(fake, makeSamplePlan({ from: 30, customers: 60, version: 2 }));
    expect(third.table).toMatchObject({ updated: 30, appended: 30, notInSource: 30 });
    expect(third.table.notInSourceKeys[0]).toBe('C000000');
    expectConsistent(m, before, notes, [2]);

    const rows = tableRecords(m);
    expect(rows).toHaveLength(90);
    expect(rows.map((r) => r['Customer ID'])).toEqual(Array.from({ length: 90 }, (_, i) => `C${String(i).padStart(6, '0')}`));
    expect(rows[7]?.['Tier override']).toBe('A');
    expect(rows[41]?.['Notes']).toBe('=not a formula');
    expect(m.sheet(CUSTOMERS_SHEET)?.isFormula(42, col('Notes'))).toBe(false);
    // The user's own column keeps its formula in old rows; being a calculated column, Excel extends it to the
    // appended rows ("Use calculated columns in an Excel table", support.microsoft.com) — the renderer never writes it.
    const followUp = m.table('Customers')?.columns.findIndex((c) => c.name === 'Follow-up') ?? -1;
    expect(m.sheet(CUSTOMERS_SHEET)?.isFormula(1, followUp)).toBe(true);
    expect(m.sheet(CUSTOMERS_SHEET)?.formula(1, followUp)).toBe('=[@Orders]*2');
    expect(m.sheet(CUSTOMERS_SHEET)?.formula(89, followUp)).toBe('=[@Orders]*2');
    expect(m.table('Customers')?.columns[followUp]?.calculatedFormula).toBe('=[@Orders]*2');
    // Computed columns are still calculated columns over all 90 rows.
    expect(m.table('Customers')?.columns[col('R')]?.calculatedFormula).toBe(SAMPLE_COLUMNS[col('R')]?.formula);
    expect(m.sheet(CUSTOMERS_SHEET)?.validations[0]?.rect.r1).toBe(90);
  });

  test('a managed sheet whose table was deleted gets a fresh table without leftovers of the old one', async () => {
    const m = userWorkbook();
    const fake = createFakeExcel({ model: m });
    await build(fake, makeSamplePlan({ customers: 50 }));
    // Excel's Table.delete removes the table and its cells; the fake's keeps the cells (that is Convert to Range), so clear them.
    fake.context.workbook.tables.getItem('Customers').delete();
    fake.context.workbook.worksheets.getItem(CUSTOMERS_SHEET).getRange('A:AZ').clear('Contents');
    await fake.context.sync();
    const result = await build(fake, makeSamplePlan({ customers: 20, version: 2 }));
    expect(result.table).toMatchObject({ created: true, appended: 20 });
    expect(m.table('Customers')?.bodyRows).toBe(20);
    expect(m.sheet(CUSTOMERS_SHEET)?.usedExtent().lastRow).toBe(20);
  });

  /** A 30-customer build with an override and notes typed (rows 0 and 7), as a user leaves it. */
  const builtWithNotes = async (): Promise<{ m: FakeWorkbookModel; fake: FakeExcel; notes: Record<string, string> }> => {
    const m = userWorkbook();
    const fake = createFakeExcel({ model: m });
    await build(fake, makeSamplePlan({ customers: 30 }));
    const notes = await typeNotes(fake, [0, 7]);
    return { m, fake, notes };
  };

  test('regression: a rebuild after Convert to Range (table object gone, cells kept) makes the table again over them, keeping overrides and notes, as a rebuild of the intact table would', async () => {
    const intact = await builtWithNotes();
    await build(intact.fake, makeSamplePlan({ customers: 40, version: 2 }));
    const { m, fake, notes } = await builtWithNotes();
    const before = { data: sheetSnapshot(m.sheet('Data')), mine: sheetSnapshot(m.sheet('My notes')) };
    // The fake's Table.delete keeps the cells: that is Excel's "Convert to Range".
    fake.context.workbook.tables.getItem('Customers').delete();
    await fake.context.sync();
    expect(m.table('Customers')).toBeUndefined();
    const result = await build(fake, makeSamplePlan({ customers: 40, version: 2 }));
    expect(result.table).toMatchObject({ created: true, updated: 30, appended: 10, unkeyed: 0 });
    expect(m.table('Customers')?.bodyRows).toBe(40);
    expectConsistent(m, before, notes, [2]);
    expect(tableRecords(m)[7]?.['Tier override']).toBe('A');
    expect(m.sheet(CUSTOMERS_SHEET)?.usedExtent().lastRow).toBe(40);
    expect(workbookSnapshot(m)).toBe(workbookSnapshot(intact.m));
  });

  test('a managed area without a table whose header row lacks the key column still refuses, cells byte-identical', async () => {
    const { m, fake } = await builtWithNotes();
    fake.context.workbook.tables.getItem('Customers').delete();
    fake.context.workbook.worksheets.getItem(CUSTOMERS_SHEET).getRangeByIndexes(0, col('Customer ID'), 1, 1).values = [['Client']];
    await fake.context.sync();
    const before = workbookSnapshot(m);
    const error = await expectInterrupted(build(fake, makeSamplePlan({ customers: 30, version: 2 })));
    expect(error.reason).toBe('tableMissing');
    expect(error.description.en).toContain('Nothing was written to the workbook.');
    expect(workbookSnapshot(m)).toBe(before);
  });

  test.each([
    [
      'renamed',
      (fake: FakeExcel) => {
        fake.context.workbook.tables.getItem('Customers').name = 'MyCustomers';
      },
    ],
  ])('regression: a rebuild after the Customers table was %s refuses and keeps every override and note', async (_, change) => {
    const m = userWorkbook();
    const fake = createFakeExcel({ model: m });
    await build(fake, makeSamplePlan({ customers: 30 }));
    const notes = await typeNotes(fake, [0, 7]);
    change(fake);
    await fake.context.sync();
    const before = workbookSnapshot(m);
    const error = await expectInterrupted(build(fake, makeSamplePlan({ customers: 30, version: 2 })));
    expect(error.code).toBe('failed');
    expect(error.reason).toBe('tableMissing');
    expect(error.written.stepsDone).not.toContain('prepare');
    expect(error.description.en).toContain('converted to a range or renamed');
    expect(error.description.en).toContain('Insert > Table');
    expect(error.description.en).toContain('Nothing was written to the workbook.');
    expect(error.description.zh).toContain('已转换为区域或被重命名');
    expect(error.description.zh).toContain('工作簿未作任何更改。');
    expect(workbookSnapshot(m)).toBe(before);
    // The pane explains it as a missing table, not as a failed write to retry.
    expect(describeError(error)).toMatchObject({ what: STRINGS.errorTableMissingWhat, todo: STRINGS.errorTableMissingDo, note: error.description });
    const sheet = m.sheet(CUSTOMERS_SHEET);
    expect(sheet?.formula(1 + 7, col('Notes'))).toBe(notes['C000007']);
    expect(sheet?.formula(1 + 7, col('Tier override'))).toBe('A');
  });

  test('a rebuild in another language (headers renamed) refuses instead of duplicating every row', async () => {
    const m = userWorkbook();
    const fake = createFakeExcel({ model: m });
    await build(fake, makeSamplePlan({ customers: 5 }));
    const plan = makeSamplePlan({ customers: 5 });
    const table = plan.tables[0];
    if (!table) throw new Error('no table');
    const renamed: WorkbookPlan = { ...plan, tables: [{ ...table, columns: table.columns.map((c) => ({ ...c, header: `${c.header} (zh)` })) }] };
    const before = workbookSnapshot(m);
    const error = await expectInterrupted(build(fake, renamed));
    expect(error.reason).toBe('cannotMerge');
    expect(workbookSnapshot(m)).toBe(before);
  });
});

describe('applyPlan with the real plan builder', () => {
  test('a graded grid from the pipeline builds in the fake: every planned column, formula, name and validation lands', async () => {
    const grid = [
      ['Customer ID', 'Name', 'Last purchase', 'Orders', 'Total spend', 'Phone'],
      ['00123', '=cmd|x', '2024-01-05', '3', '1200.5', '13800000000'],
      ['00124', 'Beta', '2024-02-10', '1', '-120.5', '13900000000'],
      ['00125', 'Gamma', '2023-11-01', '12', '8800', '13700000000'],
      ['00126', 'Delta', '2024-03-01', '5', '300', '13600000000'],
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      const { plan } = gradeGrid(grid, { settings: DEFAULT_SETTINGS, locale, today: dayFromYmd(2024, 6, 30) });
      const m = userWorkbook();
      const fake = createFakeExcel({ model: m });
      const result = await build(fake, plan);
      const planTable = plan.tables[0];
      if (!planTable) throw new Error('no table');
      const table = m.table(planTable.name);
      expect(table?.columns.map((c) => c.name)).toEqual(planTable.columns.map((c) => c.header));
      expect(table?.bodyRows).toBe(planTable.rows.length);
      for (const [i, c] of planTable.columns.entries()) {
        expect(table?.columns[i]?.calculatedFormula ?? null).toBe(c.role === 'computed' ? c.formula : null);
      }
      for (const n of plan.names) expect(m.names.get(n.name.toLowerCase())?.formula).toContain(n.address);
      const customers = m.sheet(plan.sheets.find((s) => s.key === 'customers')?.name ?? '');
      const idColumn = planTable.columns.findIndex((c) => c.key === planTable.keyColumn || c.header === planTable.keyColumn);
      const ids = planTable.rows.map((_, r) => customers?.value(planTable.row + 1 + r, planTable.column + idColumn));
      expect(ids).toContain('00123');
      expect(customers?.numberFormat(planTable.row + 1, planTable.column + idColumn)).toBe('@');
      const allValidations = m.sheets.flatMap((s) => s.validations);
      expect(allValidations).toHaveLength(plan.validations.length);
      expect(m.sheets.flatMap((s) => s.conditionalFormats)).toHaveLength(plan.conditionalFormats.length);
      // 5 for the sheets, table and formats, then the charts' constant CHART_SYNCS.
      expect(result.syncs).toBe(5 + CHART_SYNCS);
      expect(chartsOnSheet(m, plan.sheets.find((s) => s.key === 'charts')?.name ?? '')).toHaveLength(plan.charts.length);
      // Rebuilding the same plan changes nothing and adds no row.
      const snapshot = workbookSnapshot(m);
      const again = await build(fake, plan);
      expect(again.table).toMatchObject({ updated: planTable.rows.length, appended: 0 });
      expect(workbookSnapshot(m)).toBe(snapshot);
    }
  });
});

describe('a rebuild in the other display language', () => {
  const grid = [
    ['Customer ID', 'Name', 'Last purchase', 'Orders', 'Total spend'],
    ['00123', 'Alpha', '2024-01-05', '3', '1200.5'],
    ['00124', 'Beta', '2024-02-10', '1', '120.5'],
  ];
  test.each([
    ['en', 'zh-CN', 'English', 'Customers'],
    ['zh-CN', 'en', '中文', '客户档案'],
  ] as const)('regression (built in %s, rebuilt in %s: "a table named Customers already exists", advice to delete it): refused before anything is written, naming the language to switch to', async (first, second, language, sheet) => {
    const today = dayFromYmd(2024, 6, 30);
    const m = userWorkbook();
    const fake = createFakeExcel({ model: m });
    await build(fake, gradeGrid(grid, { settings: DEFAULT_SETTINGS, locale: first, today }).plan);
    const before = workbookSnapshot(m);
    const sheetsBefore = m.sheets.map((s) => s.name);
    const error = await expectInterrupted(build(fake, gradeGrid(grid, { settings: DEFAULT_SETTINGS, locale: second, today }).plan));
    expect([error.code, error.reason]).toEqual(['failed', 'builtInOtherLanguage']);
    expect(error.description.en).toContain('Nothing was written');
    const text = second === 'en' ? error.description.en : error.description.zh;
    expect(text).toContain(sheet);
    expect(error.description.en + error.description.zh).toContain(language === 'English' ? 'English' : 'Chinese');
    expect(error.description.en).not.toContain('delete');
    expect(describeError(error).what).toBe(STRINGS.errorOtherLanguageWhat);
    expect(m.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(workbookSnapshot(m)).toBe(before);
  });
});
