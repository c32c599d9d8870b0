// Bundles the command line (src/cli/entry.ts) with esbuild into
// dist-cli/tierwise.cjs (CommonJS, Node 20, with a source map), so the CLI
// starts without compiling TypeScript and its calls between modules are plain
// calls (tsx's CommonJS output reads every imported function through a getter).
// npm packages stay external: they load from node_modules as they do under tsx.
// Writes dist-cli/manifest.json last: the SHA-256 of every input and of the
// bundle, which bin/cli-bundle.cjs checks before running the bundle.
//
//   node scripts/build-cli.mjs [--outdir <dir>]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex >= 0 ? path.resolve(process.argv[outIndex + 1] ?? '') : path.join(root, 'dist-cli');
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const staging = `${outdir}.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/entry.ts'],
  outfile: path.join(staging, 'tierwise.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  packages: 'external',
  tsconfig: 'tsconfig.json',
  metafile: true,
  logLevel: 'warning',
});
const files = {};
for (const input of [...Object.keys(result.metafile.inputs), 'tsconfig.json', 'scripts/build-cli.mjs', 'bin/cli-bundle.cjs']) {
  files[input] = sha256(path.resolve(root, input));
}
const manifest = { version: 1, bundle: sha256(path.join(staging, 'tierwise.cjs')), files };
// The manifest goes in after the bundle and its map: a reader never pairs a new manifest with an old bundle.
mkdirSync(outdir, { recursive: true });
rmSync(path.join(outdir, 'manifest.json'), { force: true });
renameSync(path.join(staging, 'tierwise.cjs.map'), path.join(outdir, 'tierwise.cjs.map'));
renameSync(path.join(staging, 'tierwise.cjs'), path.join(outdir, 'tierwise.cjs'));
writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
renameSync(path.join(staging, 'manifest.json'), path.join(outdir, 'manifest.json'));
rmSync(staging, { recursive: true, force: true });
process.stderr.write(`CLI bundle: ${path.relative(root, path.join(outdir, 'tierwise.cjs'))} from ${Object.keys(result.metafile.inputs).length} source files\n`);
