/**
 * Protection inside the .xlsx files (issue 7 §3): both writers write sheet
 * protection, unlocked cells for the profile's editable columns and
 * workbook structure protection, with a password verifier that checks out
 * by ECMA-376's algorithm, implemented in tests/support independently of
 * the writer.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { buildRepCopyPlan, groupByOwner } from '../../../src/plan/repCopies';
import type { WorkbookPlan } from '../../../src/plan/types';
import { writeWorkbookXlsx } from '../../../src/renderers/xlsx/writeXlsx';
import { protectionVerifier } from '../../../src/renderers/xlsx/protectionHash';
import { gradeOwnersFixture } from '../../support/ownersFixture';
import { passwordVerifies, xmlAttributes } from '../../support/ecmaProtection';

const salesRep = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;

const verifies = passwordVerifies;
const attributesOf = xmlAttributes;

async function copyPlan(): Promise<WorkbookPlan> {
  const output = await gradeOwnersFixture('en');
  const group = groupByOwner(output.grading.customers)[0];
  if (!group) throw new Error('no group');
  return buildRepCopyPlan({ master: output.planInput, profile: salesRep }, group);
}

describe.each(['exceljs', 'streaming'] as const)('protection written by the %s writer', (engine) => {
  it('sheets and structure protected; the verifier checks out for the password and not for another; editable columns unlocked', async () => {
    const plan = await copyPlan();
    // A low spin count keeps the test fast; the algorithm is the same at 100,000.
    const verifier = protectionVerifier('s3cret-密码', { spinCount: 1000 });
    const bytes = await writeWorkbookXlsx(plan, { engine, protection: { verifier } });
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
    const wbAttrs = attributesOf(workbookXml ?? '', 'workbookProtection');
    expect(wbAttrs).toMatchObject({ lockStructure: '1', workbookSpinCount: '1000' });
    expect(verifies('s3cret-密码', wbAttrs ?? {}, 'workbook')).toBe(true);
    expect(verifies('s3cret', wbAttrs ?? {}, 'workbook')).toBe(false);
    expect((workbookXml ?? '').indexOf('<workbookProtection')).toBeLessThan((workbookXml ?? '').indexOf('<sheets>'));

    for (const sheet of [1, 2]) {
      const xml = (await zip.file(`xl/worksheets/sheet${sheet}.xml`)?.async('string')) ?? '';
      const attrs = attributesOf(xml, 'sheetProtection');
      expect(attrs).toMatchObject({ sheet: '1', objects: '1', scenarios: '1' });
      expect(verifies('s3cret-密码', attrs ?? {})).toBe(true);
      expect(verifies('wrong', attrs ?? {})).toBe(false);
      // sort="0" / autoFilter="0" allow them: on Customers both, on Settings the filter only
      expect(attrs?.autoFilter).toBe('0');
      expect(attrs?.sort).toBe(sheet === 1 ? '0' : undefined);
      expect(xml.indexOf('<sheetProtection')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    }
    // No password, no hint of one, anywhere in the package.
    for (const entry of Object.values(zip.files).filter((f) => !f.dir)) {
      expect(await entry.async('string')).not.toContain('s3cret');
    }

    // Read back with exceljs: protection on; the editable columns' cells unlocked, formulas and IDs locked.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const table = plan.tables[0];
    if (!table) throw new Error('no table');
    const columnOf = (key: string): number => table.columns.findIndex((c) => c.key === key) + 1;
    for (let r = 2; r <= table.rows.length + 1; r++) {
      for (const key of ['phone', 'email', 'notes']) expect(ws.getCell(r, columnOf(key)).protection?.locked).toBe(false);
      for (const key of ['customerId', 'idNumber', 'tier', 'r']) expect(ws.getCell(r, columnOf(key)).protection?.locked).not.toBe(false);
    }
  });

  it('without a password: protected, and no verifier is written', async () => {
    const plan = await copyPlan();
    const zip = await JSZip.loadAsync(await writeWorkbookXlsx(plan, { engine }));
    const attrs = attributesOf((await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '', 'sheetProtection');
    expect(attrs).toMatchObject({ sheet: '1' });
    expect(attrs?.hashValue).toBeUndefined();
    expect(attributesOf((await zip.file('xl/workbook.xml')?.async('string')) ?? '', 'workbookProtection')).toEqual({ lockStructure: '1' });
  });
});

describe('protectionVerifier', () => {
  it('a fresh salt each time, Excel\'s 100,000 rounds by default', () => {
    const a = protectionVerifier('x', { spinCount: 10 });
    const b = protectionVerifier('x', { spinCount: 10 });
    expect(a.saltValue).not.toBe(b.saltValue);
    expect(Buffer.from(a.saltValue, 'base64')).toHaveLength(16);
    expect(protectionVerifier('x', { saltValue: a.saltValue, spinCount: 10 }).hashValue).toBe(a.hashValue);
    const full = protectionVerifier('x');
    expect(full.spinCount).toBe(100_000);
    expect(verifies('x', { ...full, spinCount: String(full.spinCount) })).toBe(true);
  });
});
