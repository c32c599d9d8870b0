// Which code `bin/tierwise.cjs` runs: the esbuild bundle of the CLI
// (dist-cli/tierwise.cjs, written by `npm run build:cli`) when it was built from
// exactly the sources on disk, otherwise the TypeScript sources through tsx.
// The bundle's manifest (dist-cli/manifest.json) holds the SHA-256 of every
// file esbuild read to build it, of the build script and tsconfig.json, and of
// the bundle itself: one changed, added-to-the-bundle or missing byte makes the
// bundle stale, so an old bundle can never run in place of newer sources.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE_DIR = path.join(ROOT, 'dist-cli');
const MANIFEST = 'manifest.json';
const BUNDLE = 'tierwise.cjs';

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The bundle to run, or why not: { bundle: absolute path } or { stale: reason }.
 * `root` is the directory the manifest's paths are relative to.
 */
function bundleState(dir = BUNDLE_DIR, root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch (error) {
    if (error && error.code === 'ENOENT') return { stale: 'no bundle built' };
    return { stale: `unreadable manifest: ${error && error.message}` };
  }
  if (!manifest || manifest.version !== 1 || typeof manifest.files !== 'object' || manifest.files === null) {
    return { stale: 'manifest of another format' };
  }
  const bundle = path.join(dir, BUNDLE);
  const expected = { ...manifest.files };
  for (const [relative, hash] of Object.entries(expected)) {
    const file = path.resolve(root, relative);
    let actual;
    try {
      actual = sha256(file);
    } catch (error) {
      if (error && error.code === 'ENOENT') return { stale: `${relative} is gone` };
      throw error;
    }
    if (actual !== hash) return { stale: `${relative} changed since the bundle was built` };
  }
  let bundleHash;
  try {
    bundleHash = sha256(bundle);
  } catch (error) {
    if (error && error.code === 'ENOENT') return { stale: 'the bundle file is missing' };
    throw error;
  }
  if (bundleHash !== manifest.bundle) return { stale: 'the bundle file is not the one the manifest describes' };
  return { bundle };
}

/**
 * The CLI module ({ main, installSignalCleanup }) to run. TIERWISE_CLI=tsx
 * forces the sources; TIERWISE_CLI=bundle insists on a fresh bundle (an error
 * names why there is none), for benchmarks that must measure the bundle.
 */
function loadCli(env = process.env) {
  const choice = env.TIERWISE_CLI || 'auto';
  if (choice !== 'auto' && choice !== 'tsx' && choice !== 'bundle') {
    throw new Error(`TIERWISE_CLI must be auto, tsx or bundle, not ${JSON.stringify(choice)}`);
  }
  if (choice !== 'tsx') {
    const state = bundleState();
    if (state.bundle) {
      // Stack traces name the TypeScript sources (dist-cli/tierwise.cjs.map), as under tsx.
      process.setSourceMapsEnabled(true);
      return require(state.bundle);
    }
    if (choice === 'bundle') throw new Error(`TIERWISE_CLI=bundle but the CLI bundle cannot run: ${state.stale} (npm run build:cli)`);
  }
  const { register } = require('tsx/cjs/api');
  register();
  return require(path.join(ROOT, 'src', 'cli', 'entry.ts'));
}

module.exports = { bundleState, loadCli, BUNDLE_DIR, BUNDLE, MANIFEST };
