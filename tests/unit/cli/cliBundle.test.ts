/**
 * bin/cli-bundle.cjs: the CLI bundle runs only when it was built from exactly
 * the files on disk. A bundle older than one source must never run in its place
 * (it would silently grade with old code); each way of going stale is checked.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleState, BUNDLE, MANIFEST } from '../../../bin/cli-bundle.cjs';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let root: string;
let dir: string;

/** A project with two sources, and a bundle whose manifest describes them. */
function built(): void {
  writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 2;\n');
  writeFileSync(path.join(dir, BUNDLE), 'exports.a = 1; exports.b = 2;\n');
  const manifest = {
    version: 1,
    bundle: sha256('exports.a = 1; exports.b = 2;\n'),
    files: { 'src/a.ts': sha256('export const a = 1;\n'), 'src/b.ts': sha256('export const b = 2;\n') },
  };
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'tierwise-bundle-'));
  dir = path.join(root, 'dist-cli');
  mkdirSync(path.join(root, 'src'));
  mkdirSync(dir);
  built();
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('bundleState', () => {
  it('runs a bundle built from the files on disk', () => {
    expect(bundleState(dir, root)).toEqual({ bundle: path.join(dir, BUNDLE) });
  });

  it('refuses a bundle older than an edited source (same size, one byte changed)', () => {
    writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 3;\n');
    expect(bundleState(dir, root)).toEqual({ stale: 'src/b.ts changed since the bundle was built' });
  });

  it('refuses a bundle one of whose sources was deleted', () => {
    unlinkSync(path.join(root, 'src', 'a.ts'));
    expect(bundleState(dir, root)).toEqual({ stale: 'src/a.ts is gone' });
  });

  it('refuses a bundle file the manifest does not describe (a build cut short)', () => {
    writeFileSync(path.join(dir, BUNDLE), 'exports.a = 1;\n');
    expect(bundleState(dir, root).stale).toBe('the bundle file is not the one the manifest describes');
    unlinkSync(path.join(dir, BUNDLE));
    expect(bundleState(dir, root).stale).toBe('the bundle file is missing');
  });

  it('runs the sources when there is no bundle or its manifest cannot be read', () => {
    writeFileSync(path.join(dir, MANIFEST), '{"version":1,');
    expect(bundleState(dir, root).stale).toMatch(/^unreadable manifest: /);
    writeFileSync(path.join(dir, MANIFEST), '{"version":2,"files":{}}');
    expect(bundleState(dir, root).stale).toBe('manifest of another format');
    unlinkSync(path.join(dir, MANIFEST));
    expect(bundleState(dir, root).stale).toBe('no bundle built');
  });
});
