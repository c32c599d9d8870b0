/**
 * The role profiles block of the Settings sheet: written by the plan, read
 * back with problems naming the cell; a round trip gives the profiles back
 * (fast-check), in both languages, and through the fake Excel.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createFakeExcel } from '../../../src/fake-excel';
import { DEFAULT_ROLE_PROFILES, ROLE_ORDER, type RoleProfile } from '../../../src/domain/roles';
import type { Locale } from '../../../src/i18n/locale';
import {
  buildRolesBlock,
  describeRoleProfile,
  EDITABLE_CANDIDATES,
  MASKABLE_FIELDS,
  roleProfilesFromBlock,
  ROLE_SETTING_KEYS,
  withRolesBlock,
} from '../../../src/plan/rolesBlock';
import type { PlanCell } from '../../../src/plan/types';
import { applyPlan } from '../../../src/renderers/excel/applyPlan';
import { readRoleProfiles } from '../../../src/renderers/excel/readSettings';
import { makeSamplePlan } from '../excel/samplePlan';

/** The values a sheet would return for the RoleProfiles name (rows x 6 columns). */
function gridOf(cells: readonly PlanCell[], firstRow: number): unknown[][] {
  const grid: unknown[][] = ROLE_SETTING_KEYS.map(() => ['', '', '', '', '', '']);
  for (const c of cells) {
    const r = c.row - firstRow;
    if (r < 0 || r >= grid.length || c.column > 5) continue;
    const row = grid[r];
    if (row && c.value?.kind === 'text') row[c.column] = c.value.text;
  }
  return grid;
}

const comparable = (p: RoleProfile): unknown => ({
  key: p.key,
  editsSettings: p.editsSettings,
  allowSortAndFilter: p.allowSortAndFilter,
  editableColumns: [...p.editableColumns].sort(),
  maskedFields: [...p.maskedFields].sort(),
});

const profileArb = (key: RoleProfile['key']): fc.Arbitrary<RoleProfile> =>
  fc
    .record({
      editsSettings: fc.boolean(),
      allowSortAndFilter: fc.boolean(),
      editableColumns: fc.subarray([...EDITABLE_CANDIDATES]),
      maskedFields: fc.subarray([...MASKABLE_FIELDS]),
    })
    .map((data) => ({ ...(DEFAULT_ROLE_PROFILES.find((p) => p.key === key) as RoleProfile), ...data }));

describe('role profiles block', () => {
  test.each<Locale>(['en', 'zh-CN'])('%s: any profiles written by the plan read back the same (property)', (locale) => {
    fc.assert(
      fc.property(fc.tuple(...ROLE_ORDER.map(profileArb)), fc.integer({ min: 0, max: 500 }), (profiles, start) => {
        const block = buildRolesBlock(start, locale, profiles);
        const read = roleProfilesFromBlock(gridOf(block.cells, start + 2), `Settings!$A$${start + 3}`);
        expect(read.problems).toEqual([]);
        expect(read.profiles.map(comparable)).toEqual(profiles.map(comparable));
      }),
      { numRuns: 200 },
    );
  });

  test('the defaults are what the block writes when the plan has no profiles of its own', () => {
    const block = buildRolesBlock(0, 'en');
    const read = roleProfilesFromBlock(gridOf(block.cells, 2), 'Settings!$A$3');
    expect(read.profiles.map(comparable)).toEqual(DEFAULT_ROLE_PROFILES.map(comparable));
  });

  test('a cell that is not Yes/No is a problem naming the cell, in both languages; the default is kept', () => {
    const block = buildRolesBlock(38, 'en');
    const grid = gridOf(block.cells, 40);
    const sortRow = ROLE_SETTING_KEYS.indexOf('sortFilter');
    (grid[sortRow] as unknown[])[3] = 'maybe'; // manager, column D
    (grid[ROLE_SETTING_KEYS.indexOf('edit:phone')] as unknown[])[3] = '是'; // manager may now edit phones (Chinese Yes)
    const read = roleProfilesFromBlock(grid, 'Settings!$A$41');
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.cell).toBe(`Settings!D${41 + sortRow}`);
    expect(read.problems[0]?.message.en).toContain(`Settings!D${41 + sortRow}`);
    expect(read.problems[0]?.message.en).toContain('"maybe"');
    expect(read.problems[0]?.message.zh).toContain('不是“是”或“否”');
    const manager = read.profiles.find((p) => p.key === 'manager');
    expect(manager?.allowSortAndFilter).toBe(true);
    expect(manager?.editableColumns).toContain('phone');
    expect(manager?.description.en).toContain('Phone');
  });

  test('an unknown key in column A is reported and its row ignored; a missing block gives the defaults and says so', () => {
    const block = buildRolesBlock(0, 'zh-CN');
    const grid = gridOf(block.cells, 2);
    (grid[0] as unknown[])[0] = 'editsSettingz';
    const read = roleProfilesFromBlock(grid, 'Settings!$A$3');
    expect(read.problems.map((p) => p.cell)).toEqual(['Settings!A3']);
    expect(read.profiles.find((p) => p.key === 'admin')?.editsSettings).toBe(true);
    const missing = roleProfilesFromBlock(null, null);
    expect(missing.profiles.map(comparable)).toEqual(DEFAULT_ROLE_PROFILES.map(comparable));
    expect(missing.problems[0]?.message.zh).toContain('默认角色权限');
  });

  test('the description is made from the data, so it stays true after an edit', () => {
    const viewer = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'viewer') as RoleProfile;
    expect(describeRoleProfile(viewer).en).toContain('Can edit nothing');
    expect(describeRoleProfile({ ...viewer, editableColumns: ['notes'] }).zh).toContain('备注');
  });

  test('withRolesBlock replaces an existing block instead of adding a second one', () => {
    const once = withRolesBlock(makeSamplePlan());
    const twice = withRolesBlock(once, DEFAULT_ROLE_PROFILES.map((p) => ({ ...p, allowSortAndFilter: false })));
    expect(twice.names.filter((n) => n.name === 'RoleProfiles')).toHaveLength(1);
    expect(twice.names.find((n) => n.name === 'RoleProfiles')?.address).toBe(once.names.find((n) => n.name === 'RoleProfiles')?.address);
    expect(twice.validations).toHaveLength(once.validations.length);
    const settings = (p: typeof once) => p.sheets.find((s) => s.key === 'settings')?.cells.length;
    expect(settings(twice)).toBe(settings(once));
  });

  test('through the fake Excel: the built block reads back, and an admin edit in the sheet survives a rebuild', async () => {
    const fake = createFakeExcel();
    const plan = withRolesBlock(makeSamplePlan());
    await fake.run((context) => applyPlan(context, plan));
    const first = await fake.run((context) => readRoleProfiles(context));
    expect(first.problems).toEqual([]);
    expect(first.profiles.map(comparable)).toEqual(DEFAULT_ROLE_PROFILES.map(comparable));
    // The admin lets the viewer edit notes: row edit:notes, column F (viewer).
    const address = plan.names.find((n) => n.name === 'RoleProfiles')?.address ?? '';
    const top = Number(/\$(\d+)/.exec(address)?.[1]);
    fake.model.sheet('Settings')?.setConstant(top - 1 + ROLE_SETTING_KEYS.indexOf('edit:notes'), 5, 'Yes');
    const edited = await fake.run((context) => readRoleProfiles(context));
    expect(edited.profiles.find((p) => p.key === 'viewer')?.editableColumns).toEqual(['notes']);
    // A rebuild with the profiles read back writes the edit again.
    await fake.run((context) => applyPlan(context, withRolesBlock(plan, edited.profiles)));
    const after = await fake.run((context) => readRoleProfiles(context));
    expect(after.profiles.find((p) => p.key === 'viewer')?.editableColumns).toEqual(['notes']);
  });
});
