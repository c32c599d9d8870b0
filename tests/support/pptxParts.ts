/**
 * Reads a .pptx back for tests: slide order, each slide's text, the parts a
 * slide references (charts, pictures) and every font size used.
 */
import JSZip from 'jszip';

export interface SlidePart {
  readonly path: string;
  readonly xml: string;
  /** The text of every `<a:t>` run, joined with spaces, XML entities decoded. */
  readonly text: string;
  /** Targets of the slide's relationships, as package paths (`../charts/x` and `/ppt/charts/x` both give `ppt/charts/x`). */
  readonly targets: readonly string[];
}

export interface DeckParts {
  readonly slides: readonly SlidePart[];
  readonly files: readonly string[];
  readonly read: (path: string) => Promise<string>;
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function runsText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? '')).join(' ');
}

export async function readDeck(bytes: Uint8Array): Promise<DeckParts> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (file === null) throw new Error(`${path} is not in the deck`);
    return file.async('string');
  };
  const presentation = await read('ppt/presentation.xml');
  const presentationRels = await read('ppt/_rels/presentation.xml.rels');
  const relTarget = new Map([...presentationRels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const order = [...presentation.matchAll(/<p:sldId [^>]*r:id="(rId\d+)"/g)].map((m) => relTarget.get(m[1] ?? '') ?? '');
  const slides: SlidePart[] = [];
  for (const target of order) {
    const path = `ppt/${target}`;
    const xml = await read(path);
    const relsPath = path.replace('slides/', 'slides/_rels/') + '.rels';
    const rels = files.includes(relsPath) ? await read(relsPath) : '';
    const targets = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/^\.\.\//, 'ppt/').replace(/^\//, ''));
    slides.push({ path, xml, text: runsText(xml), targets });
  }
  return { slides, files, read };
}

/** Every `sz="..."` font size (hundredths of a point) in an XML part. */
export function fontSizes(xml: string): number[] {
  return [...xml.matchAll(/\ssz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
}
