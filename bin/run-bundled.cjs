#!/usr/bin/env node
// Runs a TypeScript entry point from an esbuild bundle of it, the way the
// product runs: the CLI from its esbuild bundle (scripts/build-cli.mjs), the
// pane from webpack's. `npm run bench` uses it so its figures measure that
// code. Under bin/run-ts.cjs (tsx), every call of a function imported from
// another module goes through a getter on the exports object; in a hot loop
// that is a cost the shipped code does not have (bench/quality.ts measured
// the checks 2.3x slower under tsx than bundled on 2026-12-03).
//
// The bundle is written beside the entry (so `__dirname` is the entry's
// folder, as under tsx), loaded, and deleted at once; npm packages stay
// external and load from node_modules.
//
//   node bin/run-bundled.cjs <file.ts> [args...]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { buildSync } = require('esbuild');

const [, , entry, ...rest] = process.argv;
if (!entry) {
  process.stderr.write('usage: run-bundled <file.ts> [args...]\n');
  process.exit(2);
}
const source = path.resolve(process.cwd(), entry);
const outfile = path.join(path.dirname(source), `.${path.basename(source, path.extname(source))}.${process.pid}.bundled.cjs`);
buildSync({
  absWorkingDir: path.resolve(__dirname, '..'),
  entryPoints: [source],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  sourcemap: 'inline',
  sourcesContent: false,
  logLevel: 'warning',
});
// The entry's own path, as under tsx: benches check argv[1] to know they were run directly.
process.argv = [process.argv[0], source, ...rest];
try {
  require(outfile);
} finally {
  fs.rmSync(outfile, { force: true });
}
