/**
 * Calculated table columns for exceljs.
 *
 * In the file format, a table column whose cells share one formula carries a
 * `<calculatedColumnFormula>` child; Excel then fills that formula into every
 * row added to the table (the behaviour users expect from a table). exceljs
 * 4.4 neither reads nor writes that element, so this module teaches its
 * table-column serialiser to write it when a column model has a
 * `calculatedColumnFormula` property (file syntax, no leading `=`).
 *
 * exceljs 4.4 also cannot READ such a column: the unknown child element ends
 * the column early and loading throws "Cannot set properties of undefined
 * (setting 'filterButton')" — for our files and for any user workbook whose
 * table has a calculated column. The patch teaches the parser to read the
 * element into `model.calculatedColumnFormula`.
 *
 * The patch is additive: columns without the element are written and read
 * exactly as before. It is installed once per process.
 */
// exceljs ships no types for its internal serialisers; the shapes used here are
// declared locally and checked by the unit test that reads the written XML.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require('exceljs/lib/xlsx/xform/table/table-column-xform.js') as TableColumnXformClass;

interface XmlStream {
  openNode(name: string, attributes?: Record<string, string | undefined>): void;
  leafNode(name: string, attributes: Record<string, string> | undefined, text: string): void;
  closeNode(): void;
}

interface TableColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

interface XmlNode {
  name: string;
}

interface TableColumnXformInstance {
  model: TableColumnModel;
  __formulaText?: string[] | undefined;
}

interface TableColumnXformClass {
  prototype: {
    render(xmlStream: XmlStream, model: TableColumnModel): boolean;
    parseOpen(node: XmlNode): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
    __tierwiseCalculated?: boolean;
  };
}

const FORMULA_TAG = 'calculatedColumnFormula';

export function installCalculatedColumnSupport(): void {
  const proto = TableColumnXform.prototype;
  if (proto.__tierwiseCalculated) return;
  const original = proto.render;
  proto.render = function render(this: unknown, xmlStream: XmlStream, model: TableColumnModel): boolean {
    if (model.calculatedColumnFormula === undefined) return original.call(this, xmlStream, model);
    xmlStream.openNode('tableColumn', {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    });
    xmlStream.leafNode('calculatedColumnFormula', undefined, model.calculatedColumnFormula);
    xmlStream.closeNode();
    return true;
  };
  const originalOpen = proto.parseOpen;
  const originalText = proto.parseText;
  const originalClose = proto.parseClose;
  proto.parseOpen = function parseOpen(this: TableColumnXformInstance, node: XmlNode): boolean {
    if (node.name === FORMULA_TAG) {
      this.__formulaText = [];
      return true;
    }
    return originalOpen.call(this, node);
  };
  proto.parseText = function parseText(this: TableColumnXformInstance, text: string): void {
    if (this.__formulaText !== undefined) this.__formulaText.push(text);
    else originalText.call(this, text);
  };
  proto.parseClose = function parseClose(this: TableColumnXformInstance, name: string): boolean {
    if (name === FORMULA_TAG) {
      this.model.calculatedColumnFormula = (this.__formulaText ?? []).join('');
      this.__formulaText = undefined;
      return true; // the tableColumn element is still open
    }
    return originalClose.call(this, name);
  };
  proto.__tierwiseCalculated = true;
}
