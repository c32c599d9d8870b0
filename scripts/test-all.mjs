// The whole test suite, as `npm test` runs it: type check, lint, the manifest
// (when the schemas are at hand), the production build the browser tests
// serve, the CLI bundle the command-line tests run (bin/tierwise.cjs), then every Jest project (unit, dom, integration: LibreOffice parity,
// CLI, headless Chromium). Ends with one line `N passed, N failed`, counting
// each Jest test and each check above as one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extraJestArgs = process.argv.slice(2);

let passed = 0;
let failed = 0;
const failures = [];

function step(label, command, args, env = {}) {
  const started = Date.now();
  process.stderr.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  process.stderr.write(`== ${label}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal ?? run.error?.message})`} in ${seconds} s\n`);
  return ok;
}

function check(label, command, args, env) {
  if (step(label, command, args, env)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint', bin('eslint'), ['.', '--max-warnings=0']);
const schemaDir = process.env.TIERWISE_SCHEMAS ?? path.resolve(root, '..', 'shared', 'schemas');
if (existsSync(path.join(schemaDir, 'OfficeAppManifestV1_1.xsd'))) {
  check('manifest schema', 'node', ['scripts/validate-manifest.mjs'], { TIERWISE_SCHEMAS: schemaDir });
} else {
  process.stderr.write(`\n== manifest schema: not checked (no schemas at ${schemaDir}; set TIERWISE_SCHEMAS)\n`);
}
check('build', bin('webpack'), ['--mode', 'production']);
check('CLI bundle', 'node', ['scripts/build-cli.mjs']);

mkdirSync('.tmp', { recursive: true });
const resultsFile = path.join(root, '.tmp', 'jest-results.json');
step('jest', bin('jest'), ['--ci', '--json', `--outputFile=${resultsFile}`, ...extraJestArgs]);
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load runs no test: count it as a failure, not as nothing.
  for (const suite of results.testResults) {
    if (suite.status === 'failed' && suite.assertionResults.length === 0) {
      failed++;
      failures.push(`suite did not run: ${path.relative(root, suite.name)}`);
    }
    for (const t of suite.assertionResults) {
      if (t.status === 'failed') failures.push(`${path.relative(root, suite.name)} > ${t.fullName}`);
    }
  }
  if (results.numPendingTests > 0 || results.numTodoTests > 0) {
    failed++;
    failures.push(`${results.numPendingTests} skipped and ${results.numTodoTests} todo tests: the suite allows none`);
  }
} else {
  failed++;
  failures.push('jest produced no results file');
}

if (failures.length > 0) {
  process.stderr.write(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
