#!/usr/bin/env node
// Runs a TypeScript entry point with tsx's loader, so the command line works
// right after `npm ci` without a separate compile step.
'use strict';
const path = require('node:path');
const { register } = require('tsx/cjs/api');
register();
const [, , entry, ...rest] = process.argv;
if (!entry) {
  process.stderr.write('usage: run-ts <file.ts> [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...rest];
require(path.resolve(process.cwd(), entry));
