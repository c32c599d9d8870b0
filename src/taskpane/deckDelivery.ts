/**
 * Getting a file (the slide deck) out of the task pane. What works depends
 * on the web view the host runs the pane in; found in office-js issues:
 *
 * - Excel on the web: an ordinary browser tab; Blob + `<a download>` works.
 * - Excel on Windows with WebView2 (Microsoft 365, Office 2021+): the same
 *   works, and the download bar shows inside the pane (office-js #1793;
 *   reports in #3385 and #4681 that the code that fails on Mac works on
 *   Windows).
 * - Excel on Windows with the legacy EdgeHTML or IE web view (Office
 *   2016/2019 without WebView2): blob URLs are blocked (office-js #1511),
 *   but `navigator.msSaveOrOpenBlob` exists there and opens the save dialog.
 * - Excel on Mac (WKWebView) and iPad: add-ins cannot download files, by
 *   design (office-js #2700, #3385, #4681); `Office.context.ui.openBrowserWindow`
 *   refuses blob and file URLs (office-js #3). No route: the pane says so and
 *   points to the command line.
 *
 * The per-platform check is on docs/real-excel-checklist.md.
 */

/** Where the pane runs, from `Office.context.diagnostics.platform` (or the preview). */
export type HostPlatform = 'web' | 'windows' | 'mac' | 'ios' | 'android' | 'preview' | 'unknown';

/** Maps Office.PlatformType (`PC`, `OfficeOnline`, `Mac`, `iOS`, `Android`, `Universal`) to ours. */
export function platformFromOffice(platform: string | null | undefined): HostPlatform {
  switch (platform) {
    case 'OfficeOnline':
      return 'web';
    case 'PC':
    case 'Universal':
      return 'windows';
    case 'Mac':
      return 'mac';
    case 'iOS':
      return 'ios';
    case 'Android':
      return 'android';
    default:
      return 'unknown';
  }
}

export type DeliveryRoute = 'anchor' | 'msSaveBlob' | 'none';

/** The parts of the browser the delivery uses (a test hands in its own). */
export interface SaveEnvironment {
  readonly document: Pick<Document, 'createElement' | 'body'>;
  readonly createObjectURL: (blob: Blob) => string;
  readonly revokeObjectURL: (url: string) => void;
  /** EdgeHTML / IE only. */
  readonly msSaveOrOpenBlob: ((blob: Blob, fileName: string) => boolean) | null;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
}

export function browserEnvironment(): SaveEnvironment {
  const legacy = (window.navigator as Navigator & { msSaveOrOpenBlob?: (blob: Blob, fileName: string) => boolean }).msSaveOrOpenBlob;
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    msSaveOrOpenBlob: typeof legacy === 'function' ? legacy.bind(window.navigator) : null,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  };
}

export function deliveryRoute(platform: HostPlatform, env: SaveEnvironment): DeliveryRoute {
  if (platform === 'mac' || platform === 'ios' || platform === 'android') return 'none';
  if (env.msSaveOrOpenBlob !== null) return 'msSaveBlob';
  const anchor = env.document.createElement('a');
  return 'download' in anchor ? 'anchor' : 'none';
}

/**
 * Revoking a blob URL at once can cancel a download still starting; a
 * minute later the file has long been handed over.
 */
const REVOKE_AFTER_MS = 60_000;

export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Hands the bytes to the web view's download by the route given; false when there is none. */
export function saveFile(bytes: Uint8Array, fileName: string, mime: string, route: DeliveryRoute, env: SaveEnvironment): boolean {
  if (route === 'none') return false;
  // A copy into a plain ArrayBuffer: a Uint8Array over a larger or shared buffer would save the wrong bytes.
  const blob = new Blob([bytes.slice().buffer], { type: mime });
  if (route === 'msSaveBlob' && env.msSaveOrOpenBlob !== null) return env.msSaveOrOpenBlob(blob, fileName);
  const url = env.createObjectURL(blob);
  const anchor = env.document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  env.document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  env.setTimeout(() => env.revokeObjectURL(url), REVOKE_AFTER_MS);
  return true;
}
