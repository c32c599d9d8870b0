import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { writeRepCopies, zipRepCopies } from '../../../src/renderers/xlsx/repCopiesXlsx';
import { gradeOwnersFixture } from '../../support/ownersFixture';

const salesRep = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;

// Each copy is a whole workbook (table, Settings, Summary, Charts) with a 100,000-spin password hash: seconds, not milliseconds.
describe('writeRepCopies and zipRepCopies', () => {
  it('all copies as one zip (JSZip): one entry per copy, bytes as written, names safe and unique', async () => {
    const output = await gradeOwnersFixture('en');
    const files = await writeRepCopies({ master: output.planInput, profile: salesRep });
    expect(files.map((f) => [f.owner, f.fileName, f.customers])).toEqual([
      ['A?B: Sales', 'A_B_ Sales.xlsx', 6],
      ['CON', '_CON.xlsx', 6],
      ['Li Lei', 'Li Lei.xlsx', 6],
      ['王芳', '王芳.xlsx', 6],
      ['A/B: Sales', 'A_B_ Sales (2).xlsx', 6],
      [null, 'no-owner.xlsx', 6],
    ]);
    const zip = await JSZip.loadAsync(await zipRepCopies(files));
    expect(Object.keys(zip.files).sort()).toEqual(files.map((f) => f.fileName).sort());
    for (const file of files) {
      const entry = zip.file(file.fileName);
      expect(Buffer.from((await entry?.async('uint8array')) ?? [])).toEqual(Buffer.from(file.bytes));
      // every entry is itself a readable .xlsx package
      expect(Object.keys((await JSZip.loadAsync(file.bytes)).files)).toContain('xl/workbook.xml');
    }
  }, 30_000);

  it('one owner\'s copy alone, or the no-owner copy; an unknown owner is refused', async () => {
    const output = await gradeOwnersFixture('zh-CN');
    const input = { master: output.planInput, profile: salesRep };
    expect((await writeRepCopies(input, { only: { owner: '王芳' } })).map((f) => f.fileName)).toEqual(['王芳.xlsx']);
    expect((await writeRepCopies(input, { only: { owner: null } })).map((f) => f.fileName)).toEqual(['无负责人.xlsx']);
    await expect(writeRepCopies(input, { only: { owner: 'Nobody' } })).rejects.toThrow('No customers have the owner "Nobody"');
  }, 30_000);
});
