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
 * The patch is additive: columns without the property are written exactly as
 * before, and parsing is untouched. It is installed once per process.
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

interface TableColumnXformClass {
  prototype: { render(xmlStream: XmlStream, model: TableColumnModel): boolean; __tierwiseCalculated?: boolean };
}

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
  proto.__tierwiseCalculated = true;
}
