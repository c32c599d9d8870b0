/**
 * The preview's workbook: sheet tabs and a simple grid of the fake
 * workbook's cells, read through the same typed API the pane uses. The fake
 * calculates no formula, so a formula cell shows the value the grading core
 * computed for it (from the last plan's cached results), clearly marked,
 * with the formula in its tooltip.
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ymdFromDay, dayFromExcelSerial } from '../domain/dates';
import type { Locale } from '../i18n/locale';
import { text } from '../i18n/strings';
import type { CachedResult, PlanValue, TablePlan, WorkbookPlan } from '../plan/types';
import type { ExcelRun } from '../taskpane/workbookGateway';
import { columnLetter } from '../plan/a1';

/** Rows shown per sheet: a preview, not a spreadsheet engine. */
export const MAX_ROWS_SHOWN = 200;

export interface SheetView {
  readonly name: string;
  readonly totalRows: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormats: readonly (readonly unknown[])[];
}

export async function readSheetNames(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** Reads the first rows of a sheet: values, formulas and number formats. */
export async function readSheetView(run: ExcelRun, name: string, maxRows = MAX_ROWS_SHOWN): Promise<SheetView> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(false);
    used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    await context.sync();
    if (used.isNullObject) return { name, totalRows: 0, values: [], formulas: [], numberFormats: [] };
    const rows = Math.min(maxRows, used.rowIndex + used.rowCount);
    const columns = used.columnIndex + used.columnCount;
    const block = sheet.getRangeByIndexes(0, 0, rows, columns);
    block.load(['values', 'formulas', 'numberFormat']);
    await context.sync();
    return { name, totalRows: used.rowIndex + used.rowCount, values: block.values, formulas: block.formulas, numberFormats: block.numberFormat };
  });
}

/** Customer ID -> the core's computed values, per table, from the last plan. */
interface ComputedLookup {
  readonly table: TablePlan;
  readonly keyIndex: number;
  readonly byKey: ReadonlyMap<string, readonly CachedResult[]>;
}

function keyText(value: PlanValue | undefined): string | null {
  if (!value) return null;
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    default:
      return null;
  }
}

export function computedLookup(plan: WorkbookPlan | null, sheetName: string): ComputedLookup | null {
  if (!plan) return null;
  for (const table of plan.tables) {
    const sheet = plan.sheets.find((s) => s.key === table.sheet);
    if (!sheet || sheet.name !== sheetName || !table.cachedResults) continue;
    const keyIndex = table.columns.findIndex((c) => c.header === table.keyColumn || c.key === table.keyColumn);
    if (keyIndex < 0) continue;
    const byKey = new Map<string, readonly CachedResult[]>();
    table.rows.forEach((row, i) => {
      const key = keyText(row[keyIndex]);
      const cached = table.cachedResults?.[i];
      if (key !== null && cached) byKey.set(key, cached);
    });
    return { table, keyIndex, byKey };
  }
  return null;
}

/** "row:column" -> the core's value of a formula cell outside tables (the Settings sheet). */
export function cellResultLookup(plan: WorkbookPlan | null, sheetName: string): Map<string, CachedResult> {
  const results = new Map<string, CachedResult>();
  const sheet = plan?.sheets.find((s) => s.name === sheetName);
  for (const cell of sheet?.cells ?? []) {
    if (cell.cachedResult !== undefined) results.set(`${cell.row}:${cell.column}`, cell.cachedResult);
  }
  return results;
}

function formatNumber(value: number, format: string): string {
  if (/[yd]/i.test(format) && !/^General$/i.test(format) && value > 0 && value < 2_958_466) {
    const { year, month, day } = ymdFromDay(dayFromExcelSerial(value));
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function display(value: unknown, format: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return formatNumber(value, typeof format === 'string' ? format : 'General');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  scroller: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: 'collapse', fontSize: '12px', fontVariantNumeric: 'tabular-nums' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    textAlign: 'right',
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '1px 6px',
    whiteSpace: 'nowrap',
    maxWidth: '12em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  computed: { backgroundColor: '#EEF4FB', color: '#1F4E79', fontStyle: 'italic' },
  legend: { fontSize: '12px', color: tokens.colorNeutralForeground3, padding: '4px 0', display: 'flex', gap: '12px', alignItems: 'center' },
  swatch: { display: 'inline-block', width: '12px', height: '12px', backgroundColor: '#EEF4FB', border: '1px solid #1F4E79', marginRight: '4px' },
});

export interface WorkbookViewProps {
  readonly run: ExcelRun;
  readonly locale: Locale;
  readonly plan: WorkbookPlan | null;
  /** Changes whenever the workbook may have changed (after a build). */
  readonly version: number;
}

export function WorkbookView({ run, locale, plan, version }: WorkbookViewProps): JSX.Element {
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<SheetView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    readSheetNames(run)
      .then((found) => {
        setNames(found);
        setSelected((current) => (current && found.includes(current) ? current : (found[0] ?? null)));
      })
      .catch((thrown: unknown) => setFailure(String(thrown)));
  }, [run, version]);

  // After a build, show the sheet it wrote.
  useEffect(() => {
    const customers = plan?.sheets.find((s) => s.key === 'customers')?.name;
    if (customers) setSelected(customers);
  }, [plan]);

  useEffect(() => {
    if (!selected) return;
    readSheetView(run, selected)
      .then(setView)
      .catch((thrown: unknown) => setFailure(String(thrown)));
  }, [run, selected, version]);

  // After a build, bring the computed columns (the grades) into view: they sit right of the input columns.
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const scroller = scrollerRef.current;
    const firstComputed = scroller?.querySelector<HTMLElement>('td[data-formula]');
    if (scroller && firstComputed) scroller.scrollLeft = Math.max(0, firstComputed.offsetLeft - scroller.clientWidth / 3);
  }, [view, plan]);

  const lookup = view ? computedLookup(plan, view.name) : null;
  const cellResults = view ? cellResultLookup(plan, view.name) : new Map<string, CachedResult>();
  const width = view ? Math.max(0, ...view.values.map((r) => r.length)) : 0;

  return (
    <section className={styles.root} aria-label={text('previewWorkbook', locale)} data-testid="preview-workbook">
      <TabList
        size="small"
        selectedValue={selected ?? ''}
        onTabSelect={(_event, data) => setSelected(String(data.value))}
        aria-label={text('previewSheetTabs', locale)}
      >
        {names.map((name) => (
          <Tab key={name} value={name} data-sheet={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.legend}>
        <span>
          <span className={styles.swatch} aria-hidden="true" />
          {text('previewComputedMark', locale)}
        </span>
        {view && view.totalRows > view.values.length ? (
          <span>{text('previewRowsShown', locale, { shown: view.values.length, total: view.totalRows })}</span>
        ) : null}
      </div>
      {failure ? <pre role="alert">{failure}</pre> : null}
      <div className={styles.scroller} ref={scrollerRef}>
        {view && view.values.length > 0 ? (
          <table className={styles.table} data-testid="preview-grid" data-sheet={view.name}>
            <thead>
              <tr>
                <th className={styles.corner} />
                {Array.from({ length: width }, (_v, c) => (
                  <th key={c} className={styles.colHead} scope="col">
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.values.map((row, r) => {
                const keyColumn = lookup ? lookup.table.column + lookup.keyIndex : -1;
                const cached = lookup && r > lookup.table.row ? lookup.byKey.get(display(row[keyColumn], 'General')) : undefined;
                return (
                  <tr key={r}>
                    <th className={styles.rowHead} scope="row">
                      {r + 1}
                    </th>
                    {Array.from({ length: width }, (_v, c) => {
                      const formula = view.formulas[r]?.[c];
                      // The fake calculates nothing: a real formula reads back as '' in values, while text that merely starts with '=' reads back as itself.
                      const isFormula = typeof formula === 'string' && formula.startsWith('=') && row[c] !== formula;
                      if (isFormula) {
                        const columnIndex = lookup ? c - lookup.table.column : -1;
                        const computed = cached && columnIndex >= 0 ? cached[columnIndex] : cellResults.get(`${r}:${c}`);
                        const shown = computed !== undefined && computed !== null ? display(computed, view.numberFormats[r]?.[c]) : formula;
                        return (
                          <td
                            key={c}
                            className={`${styles.cell} ${styles.computed}`}
                            title={text('previewFormulaLabel', locale, { formula })}
                            data-formula={formula}
                          >
                            {shown}
                          </td>
                        );
                      }
                      return (
                        <td key={c} className={styles.cell}>
                          {display(row[c], view.numberFormats[r]?.[c])}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p>{text('previewEmptySheet', locale)}</p>
        )}
      </div>
    </section>
  );
}
