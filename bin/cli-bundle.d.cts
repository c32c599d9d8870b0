// Types of bin/cli-bundle.cjs (plain CommonJS, so the entry point runs before any compiler).
export type BundleState = { readonly bundle: string; readonly stale?: undefined } | { readonly bundle?: undefined; readonly stale: string };
export declare function bundleState(dir?: string, root?: string): BundleState;
export declare function loadCli(env?: NodeJS.ProcessEnv): { main(argv: readonly string[]): Promise<number>; installSignalCleanup(): void };
export declare const BUNDLE_DIR: string;
export declare const BUNDLE: string;
export declare const MANIFEST: string;
