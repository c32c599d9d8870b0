/**
 * The History sheet through the Office.js renderer (issue 8 §2) over the fake
 * Excel: first build, same-date and later-date rebuilds, refusals, protection,
 * the pane's read-back, and builds failing at every sync and at every
 * operation: no snapshot duplicated or lost, earlier groups unchanged.
 */
import { describe, expect, test } from '@jest/globals';
import { createFakeExcel, FakeWorkbookModel, type FakeExcel } from '../../../src/fake-excel';
import { applyPlan, MANAGED_SHEETS_NAME, type ApplyOptions } from '../../../src/renderers/excel/applyPlan';
import { BuildInterruptedError } from '../../../src/renderers/excel/errors';
import { readHistory } from '../../../src/renderers/excel/readHistory';
import { applyProtection, rebuildWhileProtected } from '../../../src/renderers/excel/protection';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { excelSerialFromDay, type DayNumber } from '../../../src/domain/dates';
import type { HistoryPlan, WorkbookPlan } from '../../../src/plan/types';
import { makeSamplePlan, sampleCustomer } from './samplePlan';
import { HISTORY_TEXT } from '../../../src/plan/historyStrings';

// The plan's own name ("History" is reserved by Excel): a test on another name would hide a reader looking for the wrong sheet.
const HISTORY = HISTORY_TEXT.sheetName.en;
const TIERS = ['Gold', 'Silver', 'Bronze'];
const D1 = 19_500 as DayNumber;
const D2 = 19_530 as DayNumber;
const D3 = 19_560 as DayNumber;

/** The plan's History part for customers `indexes` as of `asOf`; `version` shifts their grades. */
export function historyPlanFor(indexes: readonly number[], asOf: DayNumber, version = 1): HistoryPlan {
  const ids = indexes.map((i) => sampleCustomer(i).id);
  return {
    sheet: 'history',
    sheetName: HISTORY,
    title: 'Grade history',
    note: 'One row per customer; one group of columns per build.',
    asOfLabel: 'As of',
    idHeader: 'Customer ID',
    fieldHeaders: ['Tier', 'Segment', 'Lifecycle', 'R', 'F', 'M', 'Spend'],
    current: {
      asOf,
      ids,
      tier: indexes.map((i) => TIERS[(i + version) % 3] ?? null),
      // Formula-like and numeric-looking labels: must land as text.
      segment: indexes.map((i) => (i % 5 === 0 ? '=SUM(A1)' : i % 5 === 1 ? '00123' : `Seg ${(i + version) % 4}`)),
      lifecycle: indexes.map((i) => (i % 7 === 0 ? null : 'Active')),
      r: indexes.map((i) => ((i + version) % 5) + 1),
      f: indexes.map((i) => ((i * 3 + version) % 5) + 1),
      m: indexes.map((i) => (i % 11 === 0 ? null : ((i * 7 + version) % 5) + 1)),
      spend: indexes.map((i) => Math.round(i * 123.456 + version) / 1000),
    },
    earlier: { ids: [], snapshots: [] },
  };
}

const BLANK_ROW = 'null,null,null,null,null,null,null';
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);
function planWith(indexes: readonly number[], asOf: DayNumber, version = 1): WorkbookPlan {
  return { ...makeSamplePlan({ indexes, version }), history: historyPlanFor(indexes, asOf, version) };
}

/** What the sheet holds, as the commit rule reads it: IDs, and for each dated group its date and cells. */
function readBack(m: FakeWorkbookModel): { ids: string[]; groups: { asOf: number; cells: string }[] } {
  const sheet = m.sheet(HISTORY);
  if (!sheet) return { ids: [], groups: [] };
  const { lastRow, lastColumn } = sheet.usedExtent();
  const ids: string[] = [];
  for (let r = 3; r <= lastRow; r += 1) ids.push(String(sheet.value(r, 0) ?? ''));
  const groups: { asOf: number; cells: string }[] = [];
  for (let c = 1; c <= lastColumn; c += 7) {
    const date = sheet.value(1, c);
    if (typeof date !== 'number') continue;
    const rows: string[] = [];
    // A blank cell reads '' or null (never written, or written blank): the same for the history.
    for (let r = 3; r <= lastRow; r += 1) rows.push(range(c, 7).map((k) => JSON.stringify(sheet.value(r, k) === '' ? null : (sheet.value(r, k) ?? null))).join(','));
    groups.push({ asOf: date, cells: rows.join('\n') });
  }
  return { ids, groups };
}

/** The cells of the dated group of `asOf`, keyed by customer ID (row order independent). */
function groupById(m: FakeWorkbookModel, asOf: DayNumber): Map<string, string> {
  const back = readBack(m);
  const group = back.groups.find((g) => g.asOf === excelSerialFromDay(asOf));
  const out = new Map<string, string>();
  // Rows blank in the group are customers not in that build: left out, so a group compares whatever rows were appended since.
  group?.cells.split('\n').forEach((row, i) => {
    if (row !== BLANK_ROW) out.set(back.ids[i] ?? '', row);
  });
  return out;
}

async function build(fake: FakeExcel, plan: WorkbookPlan, options: ApplyOptions = {}) {
  return fake.run((context) => applyPlan(context, plan, options));
}

async function interrupted(promise: Promise<unknown>): Promise<BuildInterruptedError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BuildInterruptedError);
  return caught as BuildInterruptedError;
}

describe('History sheet: first build and rebuilds', () => {
  test('first build: the sheet, its labels, frozen panes, formats, one group, IDs and text as text; registered as managed', async () => {
    const fake = createFakeExcel();
    const result = await build(fake, planWith(range(0, 12), D1));
    const sheet = fake.model.sheet(HISTORY);
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(result.sheetsCreated).toContain(HISTORY);
    expect(result.history).toMatchObject({ group: 0, replaced: false, appendedIds: 12, blocks: 1 });
    expect([sheet.value(0, 0), sheet.value(1, 0), sheet.value(2, 0), sheet.value(2, 1), sheet.value(2, 7)]).toEqual(['Grade history', 'As of', 'Customer ID', 'Tier', 'Spend']);
    expect(sheet.value(1, 1)).toBe(excelSerialFromDay(D1));
    expect(sheet.numberFormat(1, 1)).toBe('yyyy-mm-dd');
    expect(sheet.value(3, 0)).toBe('C000000');
    expect(sheet.numberFormat(3, 0)).toBe('@');
    // Customer 0: segment '=SUM(A1)' stays text, never a formula; customer 1's '00123' stays text.
    expect(sheet.isFormula(3, 2)).toBe(false);
    expect(sheet.value(3, 2)).toBe('=SUM(A1)');
    expect(sheet.value(4, 2)).toBe('00123');
    expect(sheet.numberFormat(3, 7)).toBe('#,##0.00');
    expect(sheet.numberFormat(3, 4)).toBe('0');
    expect(typeof sheet.value(3, 4)).toBe('number');
    expect([null, '']).toContain(sheet.value(3, 3)); // customer 0 has no lifecycle: blank
    expect(sheet.freeze).toEqual({ rows: 3, columns: 1 });
    const registry = fake.model.names.get(MANAGED_SHEETS_NAME.toLowerCase());
    expect(String(registry?.formula)).toContain(HISTORY);
  });

  test('same date: the group is replaced in place, no new group; later date: a new group, the earlier untouched; new IDs appended, absent blanked', async () => {
    const fake = createFakeExcel();
    await build(fake, planWith(range(0, 10), D1));
    const first = readBack(fake.model).groups[0];
    const again = await build(fake, planWith(range(0, 10), D1, 2));
    expect(again.history).toMatchObject({ group: 0, replaced: true, appendedIds: 0 });
    let back = readBack(fake.model);
    expect(back.groups.map((g) => g.asOf)).toEqual([excelSerialFromDay(D1)]);
    expect(back.groups[0]?.cells).not.toBe(first?.cells);
    const replaced = back.groups[0]?.cells;
    // Later date, customers 5..14: 5 new, 0..4 absent.
    const later = await build(fake, planWith(range(5, 10), D2, 3));
    expect(later.history).toMatchObject({ group: 1, replaced: false, appendedIds: 5 });
    back = readBack(fake.model);
    expect(back.ids).toEqual(range(0, 15).map((i) => sampleCustomer(i).id));
    expect(back.groups.map((g) => g.asOf)).toEqual([excelSerialFromDay(D1), excelSerialFromDay(D2)]);
    // The earlier group: same cells for its rows, blank in the appended rows.
    expect(back.groups[0]?.cells.split('\n').slice(0, 10).join('\n')).toBe(replaced);
    const g2 = groupById(fake.model, D2);
    expect(g2.has('C000000')).toBe(false);
    expect(g2.has('C000014')).toBe(true);
    expect(back.groups[1]?.cells.split('\n')[0]).toBe(BLANK_ROW);
  });

  test('an earlier as-of date is refused before anything is written, in both languages', async () => {
    const fake = createFakeExcel();
    await build(fake, planWith(range(0, 5), D2));
    const before = readBack(fake.model);
    const error = await interrupted(build(fake, planWith(range(0, 6), D1)));
    expect(error.reason).toBe('historyRefused');
    expect(error.description.en).toContain('before the latest snapshot');
    expect(error.description.zh).toContain('早于');
    expect(error.description.en).toContain('Nothing was written');
    expect(readBack(fake.model)).toEqual(before);
    expect(fake.model.table('Customers')?.bodyRows).toBe(5);
  });

  test('Excel reserves the sheet name "History": the fake refuses it, and the plan never uses it', () => {
    expect(() => new FakeWorkbookModel().addSheet('History')).toThrow(/reserved/);
    expect([HISTORY_TEXT.sheetName.en, HISTORY_TEXT.sheetName.zh].map((n) => n.toLowerCase())).not.toContain('history');
  });

  test("a user's own History sheet is never written", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet(HISTORY).setConstant(0, 0, 'mine');
    const error = await interrupted(build(createFakeExcel({ model }), planWith(range(0, 3), D1)));
    expect(error.reason).toBe('sheetNameTaken');
    expect(model.sheet(HISTORY)?.value(0, 0)).toBe('mine');
  });

  test('syncs: a constant number plus one per block, for the history as for the table', async () => {
    const fake = createFakeExcel();
    await build(fake, planWith(range(0, 100), D1), { blockRows: 40 });
    const fresh = createFakeExcel({ model: fake.model });
    const result = await build(fresh, planWith(range(0, 130), D2), { blockRows: 40 });
    // History: 130 rows in blocks of 40 = 4 blocks, + the date sync, + 2 reads (probe and IDs).
    expect(result.history?.blocks).toBe(4);
    const without = createFakeExcel();
    await build(without, makeSamplePlan({ customers: 100 }), { blockRows: 40 });
    const baseline = createFakeExcel({ model: without.model });
    await build(baseline, makeSamplePlan({ indexes: range(0, 130) }), { blockRows: 40 });
    expect(fresh.stats().syncs - baseline.stats().syncs).toBe(4 + 1 + 2);
  });

  test('the pane reads the previous tiers from the latest snapshot before its as-of date', async () => {
    const fake = createFakeExcel();
    await build(fake, planWith(range(0, 6), D1));
    await build(fake, planWith(range(2, 6), D2, 2));
    const none = await fake.run((context) => readHistory(context, D1));
    expect(none?.input.previousAsOf).toBeNull();
    expect(none?.snapshotDates).toEqual([D1, D2]);
    const mid = await fake.run((context) => readHistory(context, D2));
    expect(mid?.input.previousAsOf).toBe(D1);
    expect(mid?.input.previousTier.get('C000001')).toBe(TIERS[2]);
    expect(mid?.input.previousTier.has('C000007')).toBe(false);
    const late = createFakeExcel({ model: fake.model });
    const read = await late.run((context) => readHistory(context, D3));
    expect(read?.input.previousAsOf).toBe(D2);
    expect(read?.input.previousTier.get('C000007')).toBe(TIERS[(7 + 2) % 3]);
    expect(read?.input.previousTier.has('C000000')).toBe(false); // not in the D2 build
    expect(late.stats().syncs).toBe(3);
    expect(await createFakeExcel().run((context) => readHistory(context, D1))).toBeNull();
  });

  // Regression: the pane read 100,000 rows per sync; long IDs (e-mail-like, 200 characters) took a response over Excel's 5 MB and every build failed.
  test('the pane reads long IDs in blocks sized to stay under the 5 MB response limit', async () => {
    const fake = createFakeExcel();
    await build(fake, planWith(range(0, 6), D1));
    const sheet = fake.model.sheet(HISTORY);
    if (!sheet) throw new Error('no history sheet');
    const rows = 30_000;
    const longId = (i: number): string => `${'x'.repeat(190)}-${String(i).padStart(8, '0')}`;
    for (let i = 0; i < rows; i++) {
      sheet.setConstant(3 + i, 0, longId(i));
      sheet.setConstant(3 + i, 1, TIERS[i % 3]!);
    }
    const late = createFakeExcel({ model: fake.model });
    const read = await late.run((context) => readHistory(context, D2));
    expect(read?.input.previousTier.size).toBe(rows);
    expect(read?.input.previousTier.get(longId(rows - 1))).toBe(TIERS[(rows - 1) % 3]);
  });

  test('protection locks the History sheet; a rebuild while protected adds its snapshot and protects it again', async () => {
    const fake = createFakeExcel();
    await build(fake, planWith(range(0, 5), D1));
    const manager = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'manager') as RoleProfile;
    await fake.run((context) => applyProtection(context, manager, 'pw-1'));
    expect(fake.model.sheet(HISTORY)?.protection.protected).toBe(true);
    const refused = await interrupted(build(fake, planWith(range(0, 5), D2)));
    expect(refused.reason).toBe('sheetProtected');
    await fake.run((context) => rebuildWhileProtected(context, 'pw-1', () => applyPlan(context, planWith(range(0, 5), D2))));
    expect(readBack(fake.model).groups.length).toBe(2);
    expect(fake.model.sheet(HISTORY)?.protection.protected).toBe(true);
  });
});

describe('History sheet: failures at every sync and every operation lose or duplicate no snapshot', () => {
  const options: ApplyOptions = { blockRows: 40 };
  const dates = (m: FakeWorkbookModel): number[] => readBack(m).groups.map((g) => g.asOf);

  test('first build failing at every sync: at most the one snapshot, whole; a rerun gives the clean history', async () => {
    const plan = planWith(range(0, 100), D1);
    const clean = createFakeExcel();
    await build(clean, plan, options);
    const total = clean.stats().syncs;
    const cleanGroup = groupById(clean.model, D1);
    for (let failAt = 1; failAt <= total; failAt += 1) {
      const model = new FakeWorkbookModel();
      const error = await interrupted(build(createFakeExcel({ model, failAtSync: failAt }), plan, options));
      expect([failAt, error.code]).toEqual([failAt, 'failed']);
      const after = dates(model);
      expect([failAt, after.length <= 1]).toEqual([failAt, true]);
      if (after.length === 1) expect(groupById(model, D1)).toEqual(cleanGroup);
      await build(createFakeExcel({ model }), plan, options);
      expect([failAt, dates(model)]).toEqual([failAt, [excelSerialFromDay(D1)]]);
      expect(groupById(model, D1)).toEqual(cleanGroup);
      expect(new Set(readBack(model).ids).size).toBe(100);
    }
  }, 60_000);

  const rebuildCase = async (failure: { failAtSync?: number; failAtOperation?: number }, asOf: DayNumber) => {
    const model = new FakeWorkbookModel();
    await build(createFakeExcel({ model }), planWith(range(0, 100), D1), options);
    const earlier = groupById(model, D1);
    const plan = planWith(range(50, 80), asOf, 2);
    const error = await interrupted(build(createFakeExcel({ model, ...failure }), plan, options));
    return { model, earlier, plan, error };
  };

  test('rebuild with a later date failing at every sync and every operation: the earlier snapshot unchanged, the new one whole or absent; rerun: one group per date', async () => {
    const reference = new FakeWorkbookModel();
    await build(createFakeExcel({ model: reference }), planWith(range(0, 100), D1), options);
    const counting = createFakeExcel({ model: reference });
    await build(counting, planWith(range(50, 80), D2, 2), options);
    const newGroup = groupById(reference, D2);
    const { syncs, operationsRun: operations } = counting.stats();
    const failures = [
      ...range(1, syncs).map((n) => ({ failAtSync: n })),
      // Every operation would be thousands of builds; a stride through all of them, plus the last ten.
      ...range(1, operations).filter((n) => n % 7 === 1 || n > operations - 10).map((n) => ({ failAtOperation: n })),
    ];
    for (const failure of failures) {
      const { model, earlier, plan, error } = await rebuildCase(failure, D2);
      const after = dates(model);
      // The message says whether the snapshot was recorded, and it is exactly what the sheet shows.
      if (!error.description.en.includes('Nothing was written')) {
        const recorded = after.includes(excelSerialFromDay(D2));
        expect([failure, error.description.en.includes(recorded ? 'snapshot was recorded' : 'snapshot was not recorded')]).toEqual([failure, true]);
        expect(error.description.zh).toContain(recorded ? '本次快照已记录' : '本次快照未记录');
      }
      expect([failure, after.filter((d) => d === excelSerialFromDay(D1)).length]).toEqual([failure, 1]);
      expect(groupById(model, D1)).toEqual(earlier);
      if (after.includes(excelSerialFromDay(D2))) expect([failure, groupById(model, D2)]).toEqual([failure, newGroup]);
      await build(createFakeExcel({ model }), plan, options);
      expect([failure, dates(model)]).toEqual([failure, [excelSerialFromDay(D1), excelSerialFromDay(D2)]]);
      expect(groupById(model, D1)).toEqual(earlier);
      expect(groupById(model, D2)).toEqual(newGroup);
      expect(new Set(readBack(model).ids).size).toBe(readBack(model).ids.length);
      expect(readBack(model).ids.length).toBe(130);
    }
  }, 120_000);

  test('same-date rebuild failing at every sync: the snapshot is the old one, whole, or absent until the rerun — never half', async () => {
    const reference = new FakeWorkbookModel();
    await build(createFakeExcel({ model: reference }), planWith(range(0, 100), D1), options);
    const old = groupById(reference, D1);
    const counting = createFakeExcel({ model: reference });
    await build(counting, planWith(range(50, 80), D1, 2), options);
    const replaced = groupById(reference, D1);
    for (let failAt = 1; failAt <= counting.stats().syncs; failAt += 1) {
      const { model, plan } = await rebuildCase({ failAtSync: failAt }, D1);
      const after = dates(model);
      expect([failAt, after.length <= 1]).toEqual([failAt, true]);
      if (after.length === 1) expect([failAt, [old, replaced].some((g) => JSON.stringify([...g]) === JSON.stringify([...groupById(model, D1)]))]).toEqual([failAt, true]);
      await build(createFakeExcel({ model }), plan, options);
      expect([failAt, dates(model)]).toEqual([failAt, [excelSerialFromDay(D1)]]);
      expect(groupById(model, D1)).toEqual(replaced);
    }
  }, 60_000);
});
