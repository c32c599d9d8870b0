// Validates manifest.xml offline against Microsoft's add-in manifest XSDs
// with xmllint (the official `office-addin-manifest validate` needs an online
// service). The schemas are not part of this repository: pass their folder as
// TIERWISE_SCHEMAS, or keep the workspace's ../shared/schemas beside the repo.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = process.env.TIERWISE_SCHEMAS ?? path.resolve(root, '..', 'shared', 'schemas');
const schema = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');
if (!existsSync(schema)) {
  console.error(`Manifest schemas not found at ${schemaDir}. Set TIERWISE_SCHEMAS to the folder holding OfficeAppManifestV1_1.xsd.`);
  process.exit(2);
}
const run = spawnSync('xmllint', ['--noout', '--schema', schema, path.join(root, 'manifest.xml')], { encoding: 'utf8' });
if (run.error) {
  console.error(`xmllint could not run (${run.error.message}). Install it: apt-get install -y libxml2-utils`);
  process.exit(2);
}
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exit(run.status ?? 1);
