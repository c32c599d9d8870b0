#!/usr/bin/env node
// The `tierwise` command. The CLI is TypeScript: it runs from its esbuild
// bundle (`npm run build:cli`) when that was built from the sources on disk,
// otherwise tsx compiles the sources on the fly (cached), so `npx tierwise`
// works straight after `npm ci` (bin/cli-bundle.cjs decides which).
'use strict';
const { loadCli } = require('./cli-bundle.cjs');
const cli = loadCli();
// Ctrl-C / SIGTERM / SIGHUP remove any temporary output file before exiting (src/cli/safeOutput.ts).
cli.installSignalCleanup();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
