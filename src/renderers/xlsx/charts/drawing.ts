/**
 * Serialiser of a sheet's drawing part, `xl/drawings/drawingN.xml`
 * (`xdr:wsDr`, ECMA-376 Part 1 §20.5): one `xdr:absoluteAnchor` per chart,
 * placed and sized in EMU from the plan's points (1 pt = 12,700 EMU), so a
 * 480 x 270 pt chart is exactly a quarter of a 960 x 540 pt slide whatever
 * the sheet's column widths and row heights. Each anchor holds a graphic
 * frame whose `c:chart` points (by relationship id) at the chart part.
 */
import type { ChartPlan } from '../../../plan/chartTypes';
import { attr, emu, NS, XML_HEAD } from './xml';

export interface DrawnChart {
  readonly chart: ChartPlan;
  /** Relationship id of the chart part in this drawing's rels. */
  readonly relId: string;
}

export function drawingXml(charts: readonly DrawnChart[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    // cNvPr ids are unique within the drawing; 1 is conventionally the drawing itself.
    const id = i + 2;
    return (
      `<xdr:absoluteAnchor><xdr:pos x="${emu(chart.left)}" y="${emu(chart.top)}"/><xdr:ext cx="${emu(chart.width)}" cy="${emu(chart.height)}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${attr(chart.name)}" descr="${attr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${attr(relId)}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor>'
    );
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRel}">${anchors.join('')}</xdr:wsDr>`;
}
