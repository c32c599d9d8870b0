/**
 * What bin/tierwise.cjs runs, from the sources (tsx) or bundled (esbuild,
 * scripts/build-cli.mjs): the command and its signal cleanup, one module
 * instance of each so the cleanup sees the files the command writes.
 */
export { main } from './main';
export { installSignalCleanup } from './safeOutput';
