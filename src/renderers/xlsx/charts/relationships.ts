/**
 * Serialisers of the relationships the chart parts need (OPC, ECMA-376
 * Part 2 §9): the drawing's own rels part (drawing -> each chart), the
 * relationship a worksheet adds to its rels part (sheet -> drawing), and the
 * `<drawing r:id>` element the worksheet carries.
 */
import { attr, NS, REL_TYPES, XML_HEAD } from './xml';

/** `xl/drawings/_rels/drawingN.xml.rels`: one relationship per chart, `Target` relative to the drawing. */
export function drawingRelsXml(charts: readonly { readonly relId: string; readonly chartFile: string }[]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${NS.packageRel}">` +
    charts.map((c) => `<Relationship Id="${attr(c.relId)}" Type="${REL_TYPES.chart}" Target="../charts/${attr(c.chartFile)}"/>`).join('') +
    '</Relationships>'
  );
}

/** The worksheet's relationship to its drawing, for `xl/worksheets/_rels/sheetN.xml.rels`. */
export function sheetDrawingRelationship(relId: string, drawingFile: string): string {
  return `<Relationship Id="${attr(relId)}" Type="${REL_TYPES.drawing}" Target="../drawings/${attr(drawingFile)}"/>`;
}

/** A whole worksheet rels part holding `relationships` (when the sheet had none). */
export function relsPartXml(relationships: readonly string[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS.packageRel}">${relationships.join('')}</Relationships>`;
}

/** Adds relationships to an existing rels part, before its closing tag. */
export function withRelationships(relsXml: string, relationships: readonly string[]): string {
  const end = relsXml.lastIndexOf('</Relationships>');
  if (end < 0) throw new RangeError('Not a relationships part: no </Relationships>.');
  return relsXml.slice(0, end) + relationships.join('') + relsXml.slice(end);
}

/** The worksheet's `<drawing r:id>` element (the `r` prefix bound on the worksheet root). */
export function drawingElement(relId: string): string {
  return `<drawing r:id="${attr(relId)}"/>`;
}

/**
 * Elements that follow `drawing` in CT_Worksheet's sequence: the element goes
 * before the first of these, or before `</worksheet>`.
 */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst'];

/** Inserts `<drawing r:id>` at its place in a worksheet part written by another writer (exceljs). */
export function withDrawingElement(sheetXml: string, relId: string): string {
  if (/<drawing\s/.test(sheetXml)) throw new RangeError('The worksheet already has a drawing.');
  let at = sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new RangeError('Not a worksheet part: no </worksheet>.');
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && i < at) at = i;
  }
  const xml = sheetXml.slice(0, at) + drawingElement(relId) + sheetXml.slice(at);
  // The r: prefix must be declared on the root; exceljs declares it, a bare writer may not.
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (root && !root[0].includes(`xmlns:r="${NS.officeRel}"`)) {
    return xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.officeRel}"`);
  }
  return xml;
}
