/**
 * The chart parts of a plan as one package fragment: every chart part, one
 * drawing (and its rels) per sheet that has charts, the relationship and
 * `<drawing>` element each such sheet needs, and the content-type entries.
 * Both .xlsx writers add this fragment: the streaming writer while it
 * writes, the exceljs writer by post-processing exceljs's zip (exceljs
 * writes no charts).
 */
import type { SheetKey, WorkbookPlan } from '../../../plan/types';
import type { ChartPlan } from '../../../plan/chartTypes';
import { XlsxWriteError } from '../planGeometry';
import { chartSpaceXml } from './chartSpace';
import type { ChartPartNames } from './contentTypes';
import { drawingXml } from './drawing';
import { drawingRelsXml } from './relationships';

/** The id of the worksheet -> drawing relationship: fixed, and unlike any id exceljs or the streaming writer use. */
export const SHEET_DRAWING_REL_ID = 'rIdTierwiseDrawing';

export interface ChartPackageSheet {
  readonly sheet: SheetKey;
  /** File name in `xl/drawings/`. */
  readonly drawingFile: string;
  readonly relId: string;
}

export interface ChartPackage {
  /** Parts to add, by path inside the package (no leading slash). */
  readonly parts: readonly { readonly path: string; readonly xml: string }[];
  readonly sheets: readonly ChartPackageSheet[];
  readonly partNames: ChartPartNames;
}

export interface ChartPackageOptions {
  /** Number of the first drawing / chart part (to avoid parts a writer already has). @default 1 */
  readonly firstDrawing?: number;
  readonly firstChart?: number;
}

export function chartPackage(plan: WorkbookPlan, options: ChartPackageOptions = {}): ChartPackage {
  const names = new Map(plan.sheets.map((s) => [s.key, s.name] as const));
  const sheetName = (key: SheetKey): string => {
    const name = names.get(key);
    if (name === undefined) throw new XlsxWriteError('unknown-sheet', `A chart refers to sheet "${key}", which the plan does not define.`);
    return name;
  };
  const bySheet = new Map<SheetKey, ChartPlan[]>();
  for (const chart of plan.charts) {
    sheetName(chart.sheet);
    bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  }
  const parts: { path: string; xml: string }[] = [];
  const sheets: ChartPackageSheet[] = [];
  const partNames = { drawings: [] as string[], charts: [] as string[] };
  let drawingNumber = options.firstDrawing ?? 1;
  let chartNumber = options.firstChart ?? 1;
  // Sheets in plan order, so the same plan gives the same part numbers.
  for (const sheet of plan.sheets) {
    const charts = bySheet.get(sheet.key);
    if (!charts) continue;
    const drawn = charts.map((chart, i) => ({ chart, relId: `rId${i + 1}`, chartFile: `chart${chartNumber + i}.xml` }));
    chartNumber += charts.length;
    for (const d of drawn) {
      parts.push({ path: `xl/charts/${d.chartFile}`, xml: chartSpaceXml(d.chart, { locale: plan.locale, sheetName }) });
      partNames.charts.push(`/xl/charts/${d.chartFile}`);
    }
    const drawingFile = `drawing${drawingNumber++}.xml`;
    parts.push({ path: `xl/drawings/${drawingFile}`, xml: drawingXml(drawn) });
    parts.push({ path: `xl/drawings/_rels/${drawingFile}.rels`, xml: drawingRelsXml(drawn) });
    partNames.drawings.push(`/xl/drawings/${drawingFile}`);
    sheets.push({ sheet: sheet.key, drawingFile, relId: SHEET_DRAWING_REL_ID });
  }
  return { parts, sheets, partNames };
}
