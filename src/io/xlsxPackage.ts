/**
 * The parts of an .xlsx package read one at a time (issue 8 §2): the zip
 * is opened with JSZip, the small parts (workbook.xml, its relationships)
 * are read whole, and a sheet or shared-strings part is decompressed as a
 * stream and fed in chunks to an XmlChunkParser (src/io/sheetXmlStream.ts)
 * — never one string of the whole part. Node only (the CLI).
 */
import JSZip from 'jszip';
import { attributeOf, decodeXmlText, sharedStringsCollector, type XmlChunkParser } from './sheetXmlStream';

export interface XlsxSheetEntry {
  readonly name: string;
  /** The part's path inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  readonly path: string;
}

export interface XlsxPackage {
  readonly sheets: readonly XlsxSheetEntry[];
  /** Defined names (workbook scope) and their formula text, e.g. `AsOfDate` → `Settings!$B$2`. */
  readonly definedNames: ReadonlyMap<string, string>;
  /** Feeds a part to a parser in chunks; resolves when the part has been read. */
  streamPart(path: string, parser: XmlChunkParser): Promise<void>;
  /** The shared strings (empty when the package has none). */
  sharedStrings(): Promise<string[]>;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** Opens an .xlsx package. @throws Error when the bytes are not a zip or have no workbook part. */
export async function openXlsxPackage(bytes: Uint8Array): Promise<XlsxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookFile = zip.file('xl/workbook.xml');
  if (workbookFile === null) throw new Error('the package has no xl/workbook.xml part');
  const workbookXml = await workbookFile.async('string');
  const relsFile = zip.file('xl/_rels/workbook.xml.rels');
  const relsXml = relsFile === null ? '' : await relsFile.async('string');

  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attributeOf(match[0], 'Id');
    const target = attributeOf(match[0], 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, resolveTarget(target));
  }
  const sheets: XlsxSheetEntry[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attributeOf(match[0], 'name');
    const rid = attributeOf(match[0], 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(match[0])?.[1];
    const path = rid === undefined ? undefined : targets.get(rid);
    if (name !== undefined && path !== undefined) sheets.push({ name, path });
  }
  const definedNames = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const tag = match[1] ?? '';
    const name = attributeOf(tag, 'name');
    if (name === undefined || attributeOf(tag, 'localSheetId') !== undefined) continue;
    definedNames.set(name, decodeXmlText(match[2] ?? '').trim());
  }

  const streamPart = (path: string, parser: XmlChunkParser): Promise<void> => {
    const file = zip.file(path);
    if (file === null) return Promise.reject(new Error(`the package has no ${path} part`));
    const decoder = new TextDecoder('utf-8');
    return new Promise<void>((resolve, reject) => {
      let failed = false;
      const stream = file.nodeStream('nodebuffer');
      stream.on('data', (chunk: Uint8Array) => {
        if (failed) return;
        try {
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          failed = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      stream.on('error', (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
      stream.on('end', () => {
        if (failed) return;
        try {
          parser.write(decoder.decode());
          parser.end();
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  };

  const sharedStrings = async (): Promise<string[]> => {
    const target = [...targets.values()].find((t) => /sharedStrings\.xml$/i.test(t));
    const path = target ?? (zip.file('xl/sharedStrings.xml') === null ? undefined : 'xl/sharedStrings.xml');
    if (path === undefined || zip.file(path) === null) return [];
    const { parser, strings } = sharedStringsCollector();
    await streamPart(path, parser);
    return strings;
  };

  return { sheets, definedNames, streamPart, sharedStrings };
}
