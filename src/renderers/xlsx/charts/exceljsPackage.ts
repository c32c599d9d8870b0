/**
 * Adds a plan's charts to a package exceljs wrote (exceljs writes no
 * charts): the chart, drawing and rels parts, the `<drawing>` element and
 * relationship of each sheet with charts, and the content-type entries.
 * Sheets are found by name through `xl/workbook.xml` and its rels, so the
 * result does not depend on how exceljs numbers its parts.
 */
import JSZip from 'jszip';
import type { WorkbookPlan } from '../../../plan/types';
import { XlsxWriteError } from '../planGeometry';
import { withChartContentTypes } from './contentTypes';
import { chartPackage } from './package';
import { relsPartXml, sheetDrawingRelationship, withDrawingElement, withRelationships } from './relationships';

function decodeXmlAttr(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}

/** Worksheet part paths by sheet name, from the workbook part and its rels. */
function worksheetPaths(workbookXml: string, workbookRels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of workbookRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*\/>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) paths.set(decodeXmlAttr(name), path);
  }
  return paths;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new XlsxWriteError('invalid-plan', `The package has no part ${path}.`);
  return file.async('string');
}

/** Highest N of the package's `prefixN.xml` parts (0 when none). */
function highestPart(zip: JSZip, folder: string, prefix: string): number {
  let max = 0;
  const pattern = new RegExp(`^${folder}/${prefix}(\\d+)\\.xml$`);
  zip.forEach((path) => {
    const n = Number(pattern.exec(path)?.[1] ?? 0);
    if (n > max) max = n;
  });
  return max;
}

/** No folder entries: exceljs writes none, and an OPC package has no use for them. */
const FILE_OPTIONS = { createFolders: false } as const;

export async function addChartsToXlsx(bytes: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  if (plan.charts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const pkg = chartPackage(plan, { firstDrawing: highestPart(zip, 'xl/drawings', 'drawing') + 1, firstChart: highestPart(zip, 'xl/charts', 'chart') + 1 });
  const paths = worksheetPaths(await text(zip, 'xl/workbook.xml'), await text(zip, 'xl/_rels/workbook.xml.rels'));
  for (const entry of pkg.sheets) {
    const sheetName = plan.sheets.find((s) => s.key === entry.sheet)?.name ?? '';
    const sheetPath = paths.get(sheetName);
    if (!sheetPath) throw new XlsxWriteError('unknown-sheet', `exceljs wrote no worksheet named "${sheetName}" for its charts.`);
    zip.file(sheetPath, withDrawingElement(await text(zip, sheetPath), entry.relId), FILE_OPTIONS);
    const slash = sheetPath.lastIndexOf('/');
    const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const relationship = sheetDrawingRelationship(entry.relId, entry.drawingFile);
    const existing = zip.file(relsPath);
    zip.file(relsPath, existing ? withRelationships(await existing.async('string'), [relationship]) : relsPartXml([relationship]), FILE_OPTIONS);
  }
  for (const part of pkg.parts) zip.file(part.path, part.xml, FILE_OPTIONS);
  zip.file('[Content_Types].xml', withChartContentTypes(await text(zip, '[Content_Types].xml'), pkg.partNames), FILE_OPTIONS);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
