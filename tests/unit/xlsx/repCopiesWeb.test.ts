/**
 * The pane's per-rep copies in the worker (src/worker/copies.ts,
 * repCopiesWeb.ts) against the CLI's (repCopiesXlsx.ts): the same copies
 * with the same names and the same customers; then the engine's protocol:
 * no build yet, a cancel stops the worker (no file is posted after it), and
 * no response carries the password.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../../src/domain/roles';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { parseIsoDay, type DayNumber } from '../../../src/domain/dates';
import { readInputFile } from '../../../src/io/readFile';
import { writeRepCopies } from '../../../src/renderers/xlsx/repCopiesXlsx';
import { repCopyEntries, writeRepCopiesWeb, RepCopiesStopped } from '../../../src/renderers/xlsx/repCopiesWeb';
import { createGradeEngine } from '../../../src/worker/engine';
import type { WorkerRequest, WorkerResponse } from '../../../src/worker/protocol';
import { gradeOwnersFixture, OWNERS_CSV } from '../../support/ownersFixture';
import { zipParts } from '../../support/copySearch';

const SALES_REP = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;
const PASSWORD = 'Worker-only 密码 42';

/** The customer IDs (CU....X..) anywhere in a copy's package (shared or inline strings), sorted. */
async function idsIn(bytes: Uint8Array): Promise<string[]> {
  const parts = await zipParts(bytes);
  return [...new Set(parts.flatMap((p) => p.text.match(/CU\d{4}X\d{2}/g) ?? []))].sort();
}

describe('writeRepCopiesWeb', () => {
  it('gives the CLI\'s copies: the same file names, owners and customers', async () => {
    const output = await gradeOwnersFixture('zh-CN');
    const input = { master: output.planInput, profile: SALES_REP };
    const cli = await writeRepCopies(input);
    const web = await writeRepCopiesWeb(input);
    expect(web.kind).toBe('zip');
    expect(web.copies.map((c) => [c.fileName, c.owner, c.customers])).toEqual(cli.map((c) => [c.fileName, c.owner, c.customers]));
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(web.bytes);
    for (const file of cli) {
      const bytes = await zip.file(file.fileName)?.async('uint8array');
      if (!bytes) throw new Error(`${file.fileName} missing`);
      expect({ file: file.fileName, ids: await idsIn(bytes) }).toEqual({ file: file.fileName, ids: await idsIn(file.bytes) });
    }
  });

  it('one owner: that copy alone, as .xlsx; an unknown owner is refused; a stop is seen between copies', async () => {
    const output = await gradeOwnersFixture('en');
    const input = { master: output.planInput, profile: SALES_REP };
    const one = await writeRepCopiesWeb(input, { only: { owner: null } });
    expect(one).toMatchObject({ kind: 'xlsx', fileName: 'no-owner.xlsx', copies: [{ owner: null, customers: 6 }] });
    await expect(writeRepCopiesWeb(input, { only: { owner: 'Nobody' } })).rejects.toBeInstanceOf(RangeError);
    const seen: number[] = [];
    await expect(writeRepCopiesWeb(input, { onCopy: (index) => seen.push(index), shouldStop: () => seen.length >= 2 })).rejects.toBeInstanceOf(RepCopiesStopped);
    expect(seen).toEqual([0, 1]);
    expect(repCopyEntries(output.planInput)).toHaveLength(6);
  });
});

describe('the engine\'s copies', () => {
  async function engineWithBuild(): Promise<{ send: (request: WorkerRequest) => Promise<void>; responses: WorkerResponse[] }> {
    const responses: WorkerResponse[] = [];
    const engine = createGradeEngine((r) => responses.push(r));
    const input = await readInputFile(new Uint8Array(readFileSync(OWNERS_CSV)), 'customers-owners.csv', { encoding: 'auto' });
    const send = (request: WorkerRequest): Promise<void> => engine.handle(request);
    await send({ type: 'copy-owners', requestId: 1 });
    expect(responses.pop()).toEqual({ type: 'copy-owners', requestId: 1, copies: null });
    await send({ type: 'copies', requestId: 2, profile: SALES_REP });
    expect(responses.pop()).toMatchObject({ type: 'error', requestId: 2, error: { name: 'NoBuildForCopies', userMessage: { en: expect.stringContaining('build the grading table first') } } });
    await send({ type: 'grid', requestId: 3, reset: true, rows: input.grid });
    await send({
      type: 'build',
      requestId: 4,
      options: undefined,
      settings: { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: parseIsoDay('2024-07-01') as DayNumber } },
      locale: 'zh-CN',
      today: parseIsoDay('2024-07-02') as DayNumber,
    });
    expect(responses.some((r) => r.type === 'build-done')).toBe(true);
    responses.length = 0;
    return { send, responses };
  }

  it('lists the owners of the last build, makes the copies, and no response holds the password', async () => {
    const { send, responses } = await engineWithBuild();
    await send({ type: 'copy-owners', requestId: 5 });
    const owners = responses.pop();
    expect(owners?.type === 'copy-owners' ? owners.copies?.map((c) => c.owner) : null).toEqual(['A?B: Sales', 'CON', 'Li Lei', '王芳', 'A/B: Sales', null]);
    await send({ type: 'copies', requestId: 6, profile: SALES_REP, only: { owner: '王芳' }, password: PASSWORD });
    const steps = responses.filter((r) => r.type === 'copy-progress').map((r) => (r.type === 'copy-progress' ? r.step : null));
    expect(steps).toEqual([{ phase: 'password' }, { phase: 'copy', index: 0, total: 1, owner: '王芳' }]);
    const done = responses.find((r) => r.type === 'copies-done');
    expect(done).toMatchObject({ fileName: '王芳.xlsx', kind: 'xlsx' });
    const bytes = done?.type === 'copies-done' ? done.bytes : new Uint8Array();
    for (const part of await zipParts(bytes)) expect(part.text.includes(PASSWORD)).toBe(false);
    expect(JSON.stringify(responses.map((r) => (r.type === 'copies-done' ? { ...r, bytes: null } : r))).includes(PASSWORD)).toBe(false);
  }, 60_000);

  it('a cancel during the password stops the worker: `cancelled`, and no file after it', async () => {
    const { send, responses } = await engineWithBuild();
    const running = send({ type: 'copies', requestId: 7, profile: SALES_REP, password: PASSWORD });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await send({ type: 'cancel', requestId: 7 });
    await running;
    expect(responses.map((r) => r.type)).toEqual(['copy-progress', 'cancelled']);
  }, 60_000);

  it('a new grid drops the last build: no copies of data that was replaced', async () => {
    const { send, responses } = await engineWithBuild();
    await send({ type: 'grid', requestId: 8, reset: true, rows: [['ID'], ['1']] });
    await send({ type: 'copy-owners', requestId: 9 });
    expect(responses.pop()).toEqual({ type: 'copy-owners', requestId: 9, copies: null });
  });
});
