/**
 * Export chart images (issue 6 §3, UX.md screen 6): every Tierwise chart
 * (`Tierwise_*`, on whichever sheet) rendered by Excel with
 * `Chart.getImage()` (ExcelApi 1.2, below the manifest's 1.8: no run-time
 * check needed), its format found from the bytes' signature, never assumed
 * (Microsoft documents "a base64-encoded image", not which format; PNG is
 * what hosts return so far — the real-Excel checklist checks it per
 * platform). One image is saved as it is; several go into one .zip.
 *
 * Round trips: exactly {@link CHART_IMAGE_SYNCS}, whatever the number of
 * charts: (1) the sheets' names; (2) every sheet's chart names; (3) one
 * getImage per Tierwise chart, all in one batch.
 */
import JSZip from 'jszip';
import { isTierwiseChartName } from '../plan/charts';

export const CHART_IMAGE_SYNCS = 3;

/** Each Office.js member readChartImages calls, with its requirement set as @types/office-js tags it (a unit test checks the d.ts); all at or below the manifest's ExcelApi 1.8. */
export const CHART_IMAGE_API: readonly { readonly member: string; readonly set: string }[] = [
  { member: 'WorksheetCollection.items', set: '1.1' },
  { member: 'Worksheet.name', set: '1.1' },
  { member: 'Worksheet.charts', set: '1.1' },
  { member: 'ChartCollection.items', set: '1.1' },
  { member: 'Chart.name', set: '1.1' },
  { member: 'Chart.getImage', set: '1.2' },
];

export type ImageFormat = 'png' | 'jpeg';

export const IMAGE_MIME: Readonly<Record<ImageFormat, string>> = { png: 'image/png', jpeg: 'image/jpeg' };
export const ZIP_MIME = 'application/zip';

/** PNG starts 89 50 4E 47 0D 0A 1A 0A (PNG spec §5.2); JPEG with FF D8 FF (SOI and the next marker's FF). Null otherwise. */
export function imageFormatOf(bytes: Uint8Array): ImageFormat | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Decodes Office.js' base64 (a `data:` prefix, if a host adds one, and whitespace are dropped). */
export function base64ToBytes(base64: string): Uint8Array {
  const body = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes are not an image format the pane knows: says what arrived (the first bytes in hex). */
export class UnknownImageFormatError extends Error {
  readonly code = 'unknownImageFormat' as const;
  constructor(
    readonly chart: string,
    readonly head: string,
  ) {
    super(`Excel returned an image of chart ${chart} in a format the pane does not know (first bytes ${head}); expected PNG or JPEG.`);
    this.name = 'UnknownImageFormatError';
  }
}

export interface ChartImage {
  /** The chart's name (`Tierwise_tierCustomers`). */
  readonly chart: string;
  readonly sheet: string;
  readonly format: ImageFormat;
  readonly bytes: Uint8Array;
}

function hexHead(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Images of every Tierwise chart in the workbook, in sheet then chart order; the user's charts are not read. */
export async function readChartImages(context: Excel.RequestContext): Promise<ChartImage[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const perSheet = sheets.items.map((sheet) => ({ sheet: sheet.name, charts: sheet.charts.load('items/name') }));
  await context.sync();
  const requests = perSheet.flatMap(({ sheet, charts }) =>
    charts.items.filter((chart) => isTierwiseChartName(chart.name)).map((chart) => ({ sheet, chart: chart.name, image: chart.getImage() })),
  );
  await context.sync();
  return requests.map(({ sheet, chart, image }) => {
    const bytes = base64ToBytes(image.value);
    const format = imageFormatOf(bytes);
    if (format === null) throw new UnknownImageFormatError(chart, hexHead(bytes));
    return { sheet, chart, format, bytes };
  });
}

/** `Tierwise_tierCustomers` -> `tierCustomers.png`. */
export function imageFileName(image: ChartImage): string {
  return `${image.chart.replace(/^Tierwise_/, '')}.${image.format === 'jpeg' ? 'jpg' : 'png'}`;
}

/** What to save: one image as itself, several as one zip (`tierwise-charts-<stamp>.zip`). Throws on none. */
export async function chartImagesFile(images: readonly ChartImage[], stamp: string): Promise<{ bytes: Uint8Array; fileName: string; mime: string }> {
  const [first] = images;
  if (!first) throw new RangeError('No Tierwise charts to export.');
  if (images.length === 1) return { bytes: first.bytes, fileName: `tierwise-${imageFileName(first)}`, mime: IMAGE_MIME[first.format] };
  const zip = new JSZip();
  // Two charts may share a name (Excel allows it, e.g. a Tierwise chart copied by hand): number the later ones.
  const used = new Map<string, number>();
  for (const image of images) {
    const name = imageFileName(image);
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    zip.file(seen === 0 ? name : name.replace(/(\.\w+)$/, `-${seen + 1}$1`), image.bytes);
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return { bytes, fileName: `tierwise-charts-${stamp}.zip`, mime: ZIP_MIME };
}
