#!/usr/bin/env node
// The `tierwise` command. The CLI is TypeScript; tsx compiles it on the fly
// (cached), so `npx tierwise` works straight after `npm ci`.
'use strict';
const path = require('node:path');
const { register } = require('tsx/cjs/api');
register();
// Ctrl-C / SIGTERM / SIGHUP remove any temporary output file before exiting (src/cli/safeOutput.ts).
require(path.join(__dirname, '..', 'src', 'cli', 'safeOutput.ts')).installSignalCleanup();
require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'))
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
