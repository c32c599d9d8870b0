/**
 * Shared pieces of the browser tests: a tiny static server for dist/, the
 * Chromium launch, and the English strings a Chinese screen must not show.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ISSUE_GROUP_LABELS, STRINGS } from '../../../src/i18n/strings';
import type { Localized } from '../../../src/i18n/locale';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

/** Throws a clear message when the bundle the tests serve is missing. */
export function assertDistBuilt(): void {
  const preview = path.join(DIST, 'preview.html');
  if (!existsSync(preview)) {
    throw new Error(`dist/preview.html not found: run \`npm run build\` before the browser tests (looked in ${DIST}).`);
  }
}

/** Serves dist/ on a random localhost port. */
export async function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`not found: ${url.pathname}`);
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
}

/**
 * English texts that have a Chinese translation and more than two words:
 * each whole string, or each fragment between `{placeholders}`. Texts that
 * are the same in both languages (bilingual by design) are left out.
 */
export function englishPhrases(): string[] {
  const all: Localized[] = [...Object.values(STRINGS), ...Object.values(ISSUE_GROUP_LABELS)];
  const phrases = new Set<string>();
  for (const entry of all) {
    if (entry.en === entry.zh) continue;
    for (const fragment of entry.en.split(/\{\w+\}/)) {
      const trimmed = fragment.trim().replace(/^[,.:;()]+|[,.:;()]+$/g, '').trim();
      if (wordCount(trimmed) > 2) phrases.add(trimmed);
    }
  }
  return [...phrases];
}

/** The served dist/ and the browser of one test file. */
export interface BrowserSession {
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>` of the dist/ server. */
  readonly origin: string;
}

/**
 * Serves dist/ and launches Chromium for the calling test file (registers its
 * beforeAll/afterAll); the returned accessors are valid inside tests.
 */
export function useBrowserSession(): BrowserSession {
  let server: Server | undefined;
  let origin: string | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    assertDistBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ server, origin } = await serveDist());
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('The browser session is used outside a test (before beforeAll ran).');
      return browser;
    },
    get origin(): string {
      if (origin === undefined) throw new Error('The browser session is used outside a test (before beforeAll ran).');
      return origin;
    },
  };
}
