/**
 * Protection by role over the fake Excel (which enforces Excel's protection
 * rules): apply, remove, wrong password, already protected, rebuild while
 * protected; after each, the password is nowhere in the workbook.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { createFakeExcel, type FakeExcel, FakeExcelError } from '../../../src/fake-excel';
import { DEFAULT_ROLE_PROFILES, type RoleKey, type RoleProfile } from '../../../src/domain/roles';
import { withRolesBlock } from '../../../src/plan/rolesBlock';
import { parseProtectionRecord, PROTECTION_RECORD_NAME } from '../../../src/plan/protection';
import { applyPlan, MANAGED_SHEETS_NAME } from '../../../src/renderers/excel/applyPlan';
import {
  applyProtection,
  ProtectionError,
  readProtectionStatus,
  rebuildWhileProtected,
  removeProtection,
} from '../../../src/renderers/excel/protection';
import { placesHolding } from '../../support/passwordSearch';
import { CUSTOMERS_SHEET, makeSamplePlan, SETTINGS_SHEET } from './samplePlan';

const PASSWORD = 'Tw-7!q9Zr2';
const NOW = () => new Date('2026-12-02T01:30:00.000Z');
const profile = (key: RoleKey): RoleProfile => DEFAULT_ROLE_PROFILES.find((p) => p.key === key) as RoleProfile;

let current: FakeExcel | null = null;
afterEach(() => {
  // The password never reaches any storage of the workbook.
  if (current) expect(placesHolding(current.model, PASSWORD)).toEqual([]);
  current = null;
});

async function built(customers = 5): Promise<FakeExcel> {
  const fake = createFakeExcel();
  current = fake;
  await fake.run((context) => applyPlan(context, withRolesBlock(makeSamplePlan({ customers }))));
  return fake;
}

async function failure(promise: Promise<unknown>): Promise<ProtectionError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ProtectionError);
  return caught as ProtectionError;
}

/** Writes one value through the API, as a user's edit would; returns the error code or 'ok'. */
async function edit(fake: FakeExcel, sheet: string, address: string, value: string): Promise<string> {
  try {
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
      await context.sync();
    });
    return 'ok';
  } catch (error) {
    if (error instanceof FakeExcelError) return error.code;
    throw error;
  }
}

describe('applyProtection', () => {
  test('manager: tier override and notes editable, everything else locked; options from the profile; structure protected; record written; 3 syncs', async () => {
    const fake = await built();
    const before = fake.stats().syncs;
    const result = await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD, { now: NOW }));
    expect(fake.stats().syncs - before).toBe(3);
    expect(result.plan.unlocked.map((c) => c.header)).toEqual(['Tier override', 'Notes']);
    const customers = fake.model.sheet(CUSTOMERS_SHEET);
    expect(customers?.protection.protected).toBe(true);
    expect(customers?.protection.options).toMatchObject({ allowSort: true, allowAutoFilter: true, allowFormatCells: false, allowInsertRows: false, selectionMode: 'Normal' });
    expect(fake.model.sheet(SETTINGS_SHEET)?.protection.protected).toBe(true);
    expect(fake.model.structure.protected).toBe(true);
    // Columns J (Tier override) and K (Notes) take edits; Name (B), a formula column (I) and the header row do not.
    expect(await edit(fake, CUSTOMERS_SHEET, 'K2', 'call back Monday')).toBe('ok');
    expect(await edit(fake, CUSTOMERS_SHEET, 'J3', 'A')).toBe('ok');
    expect(await edit(fake, CUSTOMERS_SHEET, 'B2', 'Renamed')).toBe('AccessDenied');
    expect(await edit(fake, CUSTOMERS_SHEET, 'I2', 'A')).toBe('AccessDenied');
    expect(await edit(fake, CUSTOMERS_SHEET, 'K1', 'Header')).toBe('AccessDenied');
    expect(await edit(fake, SETTINGS_SHEET, 'B3', '1')).toBe('AccessDenied');
    // The record says which profile and when, nothing else.
    expect(parseProtectionRecord(fake.model.names.get(PROTECTION_RECORD_NAME.toLowerCase())?.formula)).toEqual({ profile: 'manager', appliedAt: '2026-12-02T01:30:00.000Z' });
    expect(fake.model.names.get(PROTECTION_RECORD_NAME.toLowerCase())?.visible).toBe(false);
  });

  test('a table cannot grow and managed sheets cannot be deleted or renamed while protected', async () => {
    const fake = await built();
    await fake.run((context) => applyProtection(context, profile('salesRep'), PASSWORD));
    await expect(
      fake.run(async (context) => {
        context.workbook.tables.getItem('Customers').rows.add(undefined, [['C99', 'New', '', 1, 1, '', '', '', '', '', '']]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(SETTINGS_SHEET).delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    // Sales rep: phone (F) editable; sorting the whole table fails (locked cells), sorting only an unlocked column works.
    expect(await edit(fake, CUSTOMERS_SHEET, 'F2', '13800000000')).toBe('ok');
    await expect(
      fake.run(async (context) => {
        context.workbook.tables.getItem('Customers').getDataBodyRange().sort.apply([{ key: 4, ascending: false }]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('admin: Settings stays editable; viewer: nothing in the table is', async () => {
    const fake = await built();
    await fake.run((context) => applyProtection(context, profile('admin'), PASSWORD));
    expect(fake.model.sheet(SETTINGS_SHEET)?.protection.protected).toBe(false);
    expect(await edit(fake, SETTINGS_SHEET, 'B3', '1')).toBe('ok');
    await fake.run((context) => removeProtection(context, PASSWORD));
    await fake.run((context) => applyProtection(context, profile('viewer'), PASSWORD));
    for (const cell of ['B2', 'F2', 'J2', 'K2']) expect(await edit(fake, CUSTOMERS_SHEET, cell, 'x')).toBe('AccessDenied');
  });

  test('every managed sheet is locked, Summary and Charts included when the registry lists them', async () => {
    const fake = await built();
    fake.model.addSheet('Summary');
    fake.model.addSheet('Charts');
    const registry = fake.model.names.get(MANAGED_SHEETS_NAME.toLowerCase());
    if (registry) registry.formula = '="Customers|Settings|Summary|Charts"';
    await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD));
    expect(fake.model.sheets.map((s) => [s.name, s.protection.protected])).toEqual([
      ['Customers', true],
      ['Settings', true],
      ['Summary', true],
      ['Charts', true],
    ]);
    const status = await fake.run((context) => readProtectionStatus(context));
    expect(status.sheets.map((s) => s.name)).toEqual(['Customers', 'Settings', 'Summary', 'Charts']);
    expect(status.record?.profile).toBe('manager');
  });

  test('already protected: refused with nothing changed, in both languages', async () => {
    const fake = await built();
    await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD, { now: NOW }));
    const names = JSON.stringify([...fake.model.names.values()]);
    const error = await failure(fake.run((context) => applyProtection(context, profile('viewer'), PASSWORD)));
    expect(error.code).toBe('alreadyProtected');
    expect(error.description.en).toContain('Remove protection first');
    expect(error.description.zh).toContain('请先撤消保护');
    expect(JSON.stringify([...fake.model.names.values()])).toBe(names);
  });

  test('a workbook without the grading table is refused', async () => {
    const fake = createFakeExcel();
    fake.model.addSheet('Sheet1');
    const error = await failure(fake.run((context) => applyProtection(context, profile('manager'))));
    expect(error.code).toBe('notBuilt');
  });
});

describe('the password search', () => {
  test('finds a password written into a cell, a name comment or a header, so the checks after each test can fail', async () => {
    const fake = await built();
    fake.model.sheet(SETTINGS_SHEET)?.setConstant(30, 3, `pw: ${PASSWORD}`);
    fake.model.names.set('leak', { name: 'leak', formula: '=1', comment: PASSWORD, visible: false });
    expect(placesHolding(fake.model, PASSWORD)).toEqual(['Settings!R31C4', 'name leak']);
    current = null;
  });
});

describe('removeProtection', () => {
  test('with the right password: every sheet and the structure unprotected, the record deleted', async () => {
    const fake = await built();
    await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD));
    const result = await fake.run((context) => removeProtection(context, PASSWORD));
    expect(result.unprotectedSheets).toEqual(['Customers', 'Settings']);
    expect(result.record?.profile).toBe('manager');
    expect(fake.model.sheets.every((s) => !s.protection.protected)).toBe(true);
    expect(fake.model.structure.protected).toBe(false);
    expect(fake.model.names.has(PROTECTION_RECORD_NAME.toLowerCase())).toBe(false);
    expect(await edit(fake, CUSTOMERS_SHEET, 'B2', 'Renamed')).toBe('ok');
  });

  test('with a wrong password: wrongPassword, nothing changed, the message says what to do', async () => {
    const fake = await built();
    await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD));
    const error = await failure(fake.run((context) => removeProtection(context, 'guess')));
    expect(error.code).toBe('wrongPassword');
    expect(error.description.en).toMatch(/nothing was changed.*case-sensitive/);
    expect(error.description.zh).toContain('区分大小写');
    expect(error.message).not.toContain('guess');
    expect(fake.model.sheets.every((s) => s.protection.protected)).toBe(true);
    expect(fake.model.structure.protected).toBe(true);
  });

  test('without a password when none was set', async () => {
    const fake = await built();
    await fake.run((context) => applyProtection(context, profile('manager')));
    await fake.run((context) => removeProtection(context));
    expect(fake.model.sheets.every((s) => !s.protection.protected)).toBe(true);
  });
});

describe('rebuildWhileProtected', () => {
  test('unprotects, rebuilds (new customers appended, notes kept), reprotects with the same profile and password', async () => {
    const fake = await built(5);
    await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD, { now: NOW }));
    expect(await edit(fake, CUSTOMERS_SHEET, 'K2', 'keep me')).toBe('ok');
    const result = await fake.run((context) => rebuildWhileProtected(context, PASSWORD, () => applyPlan(context, withRolesBlock(makeSamplePlan({ customers: 8 }))), { now: NOW }));
    expect(result.table.appended).toBe(3);
    expect(fake.model.table('Customers')?.bodyRows).toBe(8);
    expect(fake.model.sheet(CUSTOMERS_SHEET)?.value(1, 10)).toBe('keep me');
    expect(fake.model.sheets.every((s) => s.protection.protected)).toBe(true);
    expect(fake.model.structure.protected).toBe(true);
    const status = await fake.run((context) => readProtectionStatus(context));
    expect(status.record?.profile).toBe('manager');
    // The new rows' notes are editable too (the unlock covers the grown column).
    expect(await edit(fake, CUSTOMERS_SHEET, 'K9', 'new one')).toBe('ok');
    expect(await edit(fake, CUSTOMERS_SHEET, 'B9', 'x')).toBe('AccessDenied');
    // Same password: removing with it works.
    await fake.run((context) => removeProtection(context, PASSWORD));
  });

  test('a wrong password stops before anything is rebuilt', async () => {
    const fake = await built(5);
    await fake.run((context) => applyProtection(context, profile('manager'), PASSWORD));
    let rebuilt = false;
    const error = await failure(
      fake.run((context) =>
        rebuildWhileProtected(context, 'nope', async () => {
          rebuilt = true;
        }),
      ),
    );
    expect([error.code, rebuilt]).toEqual(['wrongPassword', false]);
    expect(fake.model.sheets.every((s) => s.protection.protected)).toBe(true);
  });

  test('a rebuild that fails still gets its protection back, and the failure is reported', async () => {
    const fake = await built(5);
    await fake.run((context) => applyProtection(context, profile('salesRep'), PASSWORD));
    await expect(
      fake.run((context) =>
        rebuildWhileProtected(context, PASSWORD, async () => {
          throw new Error('source unreadable');
        }),
      ),
    ).rejects.toThrow('source unreadable');
    expect(fake.model.sheets.every((s) => s.protection.protected)).toBe(true);
    expect((await fake.run((context) => readProtectionStatus(context))).record?.profile).toBe('salesRep');
  });

  test('the profile reapplied is the one the roles block holds after the rebuild (an admin edit counts)', async () => {
    const fake = await built(5);
    await fake.run((context) => applyProtection(context, profile('viewer'), PASSWORD));
    // The plan of the rebuild carries a viewer who may edit notes (as read back from the sheet).
    const edited = DEFAULT_ROLE_PROFILES.map((p) => (p.key === 'viewer' ? { ...p, editableColumns: ['notes' as const] } : p));
    await fake.run((context) => rebuildWhileProtected(context, PASSWORD, () => applyPlan(context, withRolesBlock(makeSamplePlan({ customers: 5 }), edited))));
    expect(await edit(fake, CUSTOMERS_SHEET, 'K2', 'now allowed')).toBe('ok');
    expect(await edit(fake, CUSTOMERS_SHEET, 'J2', 'A')).toBe('AccessDenied');
  });

  test('protection set outside Tierwise (no record) is not guessed at', async () => {
    const fake = await built(5);
    // Review > Protect Sheet, by hand: the sheet is protected but there is no Tierwise record.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(CUSTOMERS_SHEET).protection.protect();
      await context.sync();
    });
    const error = await failure(fake.run((context) => rebuildWhileProtected(context, PASSWORD, async () => undefined)));
    expect(error.code).toBe('protectedOutsideTierwise');
  });

  test('an unprotected workbook is simply rebuilt', async () => {
    const fake = await built(5);
    const result = await fake.run((context) => rebuildWhileProtected(context, undefined, () => applyPlan(context, withRolesBlock(makeSamplePlan({ customers: 6 })))));
    expect(result.table.appended).toBe(1);
    expect(fake.model.sheets.some((s) => s.protection.protected)).toBe(false);
  });
});
