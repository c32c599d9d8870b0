/**
 * The esbuild bundle of the CLI (scripts/build-cli.mjs) against the TypeScript
 * sources it is built from: the build's manifest names the real sources (so
 * bin/tierwise.cjs would run it), and the bundle's demo writes the same reports
 * as the sources run through tsx (TIERWISE_CLI=tsx).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleState, BUNDLE, MANIFEST } from '../../../bin/cli-bundle.cjs';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
let work: string;
let outdir: string;

beforeAll(() => {
  // Inside the project (its .tmp/), so the bundle finds the project's package.json and samples as dist-cli/ does.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(path.join(ROOT, '.tmp', 'cli-bundle-'));
  outdir = path.join(work, 'dist-cli');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs'), '--outdir', outdir], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-cli exited ${build.status}: ${build.stderr}`);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the CLI bundle', () => {
  it('is fresh against the sources it was built from, which include every CLI module', () => {
    expect(bundleState(outdir, ROOT)).toEqual({ bundle: path.join(outdir, BUNDLE) });
    const manifest = JSON.parse(readFileSync(path.join(outdir, MANIFEST), 'utf8')) as { files: Record<string, string> };
    for (const source of ['src/cli/main.ts', 'src/cli/safeOutput.ts', 'src/io/streamCsv.ts', 'src/domain/import/values.ts', 'tsconfig.json']) {
      expect(Object.keys(manifest.files)).toContain(source);
    }
  });

  it('writes the same demo reports as the sources run through tsx', () => {
    const viaBundle = path.join(work, 'bundle');
    const viaTsx = path.join(work, 'tsx');
    mkdirSync(viaBundle);
    mkdirSync(viaTsx);
    const env = { PATH: process.env.PATH, LANG: 'C' };
    const script = `require(${JSON.stringify(path.join(outdir, BUNDLE))}).main(['demo']).then((code) => { process.exitCode = code; })`;
    const bundled = spawnSync(process.execPath, ['-e', script], { cwd: viaBundle, env, encoding: 'utf8' });
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    const sources = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tierwise.cjs'), 'demo'], { cwd: viaTsx, env: { ...env, TIERWISE_CLI: 'tsx' }, encoding: 'utf8' });
    expect(sources.status).toBe(0);
    expect(bundled.stdout.replaceAll(viaBundle, '<out>')).toBe(sources.stdout.replaceAll(viaTsx, '<out>'));
    for (const report of ['customers-report.json', 'orders-report.json']) {
      expect(readFileSync(path.join(viaBundle, 'out', report), 'utf8')).toBe(readFileSync(path.join(viaTsx, 'out', report), 'utf8'));
    }
  });
});
