/**
 * Serialiser of the chart parts' entries in `[Content_Types].xml` (OPC,
 * ECMA-376 Part 2 §10.1.2): an `Override` per drawing and per chart part.
 */
import { attr, CONTENT_TYPES } from './xml';

export interface ChartPartNames {
  /** Part names with a leading slash: `/xl/drawings/drawing1.xml`. */
  readonly drawings: readonly string[];
  readonly charts: readonly string[];
}

export function chartContentTypeOverrides(parts: ChartPartNames): string {
  return (
    parts.drawings.map((p) => `<Override PartName="${attr(p)}" ContentType="${CONTENT_TYPES.drawing}"/>`).join('') +
    parts.charts.map((p) => `<Override PartName="${attr(p)}" ContentType="${CONTENT_TYPES.chart}"/>`).join('')
  );
}

/** Adds the overrides to an existing `[Content_Types].xml`, skipping part names it already lists. */
export function withChartContentTypes(contentTypesXml: string, parts: ChartPartNames): string {
  const missing: ChartPartNames = {
    drawings: parts.drawings.filter((p) => !contentTypesXml.includes(`PartName="${p}"`)),
    charts: parts.charts.filter((p) => !contentTypesXml.includes(`PartName="${p}"`)),
  };
  const end = contentTypesXml.lastIndexOf('</Types>');
  if (end < 0) throw new RangeError('Not a content types part: no </Types>.');
  return contentTypesXml.slice(0, end) + chartContentTypeOverrides(missing) + contentTypesXml.slice(end);
}
