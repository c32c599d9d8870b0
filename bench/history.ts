/**
 * Issue 8 §3 figure: a rebuild through the Office.js renderer (fake Excel)
 * that adds the 24th snapshot to the History sheet of n customers, against
 * the same rebuild without history (the Customers table write alone), in the
 * same run. Figures: the largest request (goal <= 5 MB), the syncs the
 * history adds (goal: a constant plus one per block: both printed), and the
 * time of the history part as a ratio to the table rebuild.
 *
 * The 23 earlier snapshots: their date cells are set on the sheet (so the
 * renderer places the new group 24th, at columns 162-168), their other cells
 * are not filled — the renderer neither reads nor writes them (it reads the
 * date row and the ID column only), and 16 million fake cells would only
 * measure the fake's memory.
 *
 *   node bin/run-ts.cjs bench/history.ts [--quick]
 */
import { createFakeExcel, FakeWorkbookModel } from '../src/fake-excel';
import { applyPlan } from '../src/renderers/excel/applyPlan';
import { readHistory } from '../src/renderers/excel/readHistory';
import { buildWorkbookPlan } from '../src/plan/buildPlan';
import { gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { dayFromYmd, excelSerialFromDay, type DayNumber } from '../src/domain/dates';
import { pick } from '../src/i18n/locale';
import type { GradingResult } from '../src/domain/types';
import type { HistoryPlan, WorkbookPlan } from '../src/plan/types';
import { HISTORY_LAYOUT } from '../src/domain/history/types';
import { HISTORY_TEXT } from '../src/plan/historyStrings';
import { syntheticCustomers } from './synthetic';

export interface HistoryFigure {
  readonly figure: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
}

const TODAY = dayFromYmd(2025, 1, 1);
const SNAPSHOTS_BEFORE = 23;
/** The product's sheet name ("History" itself is a name Excel reserves, and the fake Excel refuses it). */
const HISTORY_SHEET = pick(HISTORY_TEXT.sheetName, 'en');

function historyPlanOf(result: GradingResult, asOf: DayNumber): HistoryPlan {
  const tierLabel = new Map(DEFAULT_SETTINGS.tiers.map((t) => [t.key, pick(t.label, 'en')]));
  const cs = result.customers;
  return {
    sheet: 'history',
    sheetName: HISTORY_SHEET,
    title: 'Grade history',
    note: 'One row per customer, one group of columns per build.',
    asOfLabel: 'As of',
    idHeader: 'Customer ID',
    fieldHeaders: ['Tier', 'Segment', 'Lifecycle', 'R', 'F', 'M', 'Spend'],
    current: {
      asOf,
      ids: cs.map((c) => c.record.id),
      tier: cs.map((c) => tierLabel.get(c.tier) ?? c.tier),
      segment: cs.map((c) => c.segment),
      lifecycle: cs.map((c) => c.lifecycle),
      r: cs.map((c) => c.r),
      f: cs.map((c) => c.f),
      m: cs.map((c) => c.m),
      spend: cs.map((c) => c.record.monetary),
    },
    earlier: { ids: [], snapshots: [] },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function benchHistory(n: number): Promise<HistoryFigure[]> {
  const records = syntheticCustomers(n, 8);
  const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY });
  const plan: WorkbookPlan = buildWorkbookPlan({ result, settings: DEFAULT_SETTINGS, locale: 'en', profileFields: ['customerId', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'], carriedHeaders: [] });
  const first = (result.asOf - 24 * 30) as DayNumber;
  const withHistory = (asOf: DayNumber): WorkbookPlan => ({ ...plan, history: historyPlanOf(result, asOf) });

  // Baseline: the same workbook rebuilt without history (the Customers table's update, Settings, formats).
  const plain = new FakeWorkbookModel();
  await createFakeExcel({ model: plain }).run((context) => applyPlan(context, plan, { supports: () => true }));
  const baselineFake = createFakeExcel({ model: plain });
  const baseline = await timed(() => baselineFake.run((context) => applyPlan(context, plan, { supports: () => true })));

  // The history workbook: built once (snapshot 1), then 22 more snapshot dates set, then the 24th build measured.
  const model = new FakeWorkbookModel();
  await createFakeExcel({ model }).run((context) => applyPlan(context, withHistory(first), { supports: () => true }));
  const sheet = model.sheet(HISTORY_SHEET);
  if (!sheet) throw new Error('the first build made no History sheet');
  for (let g = 1; g < SNAPSHOTS_BEFORE; g += 1) {
    sheet.setConstant(HISTORY_LAYOUT.dateRow, HISTORY_LAYOUT.firstGroupColumn + g * HISTORY_LAYOUT.groupWidth, excelSerialFromDay((first + g * 30) as DayNumber));
  }
  const fake = createFakeExcel({ model });
  const rebuilt = await timed(() => fake.run((context) => applyPlan(context, withHistory(result.asOf), { supports: () => true })));
  const stats = fake.stats();
  const h = rebuilt.value.history;
  if (!h || h.group !== SNAPSHOTS_BEFORE) throw new Error(`the 24th snapshot went to group ${String(h?.group)}`);
  const historySyncs = stats.syncs - baselineFake.stats().syncs;
  // The pane's read before the next build: the previous tiers of the 24th snapshot.
  const reader = createFakeExcel({ model });
  const read = await timed(() => reader.run((context) => readHistory(context, (result.asOf + 30) as DayNumber)));
  if (read.value?.input.previousTier.size !== n) throw new Error('the pane did not read every previous tier');
  const historyMs = rebuilt.ms - baseline.ms;
  const mb = (b: number): string => `${(b / 1e6).toFixed(2)} MB`;
  const label = n.toLocaleString('en');
  return [
    {
      figure: `rebuild adding the 24th snapshot to ${label} customers (fake Excel): largest request`,
      measured: mb(stats.maxRequestBytes),
      baseline: `the same rebuild without history: ${mb(baselineFake.stats().maxRequestBytes)}`,
      ratio: `${(stats.maxRequestBytes / 5_000_000).toFixed(2)} of 5 MB`,
      goal: '<= 5 MB',
    },
    {
      figure: `  syncs: ${stats.syncs} (the history adds ${historySyncs} = 2 reads + ${h.blocks} write blocks + 1 date commit)`,
      measured: `${stats.syncs} syncs`,
      baseline: `without history: ${baselineFake.stats().syncs} syncs`,
      ratio: `+${historySyncs}`,
      goal: 'constant + 1 per block',
    },
    {
      figure: '  time of the history part (rebuild with history minus without)',
      measured: `${historyMs.toFixed(0)} ms`,
      baseline: `the rebuild without history (Customers table update): ${baseline.ms.toFixed(0)} ms`,
      ratio: `${(historyMs / baseline.ms).toFixed(2)}x`,
      goal: 'report',
    },
    {
      figure: `  the pane's read of the previous tiers before the next build (${label} IDs + 1 tier column)`,
      measured: `${reader.stats().syncs} syncs, ${read.ms.toFixed(0)} ms`,
      baseline: `largest response ${mb(reader.stats().maxResponseBytes)}`,
      ratio: `${(reader.stats().maxResponseBytes / 5_000_000).toFixed(2)} of 5 MB`,
      goal: '<= 5 MB',
    },
  ];
}

if (process.argv[1]?.endsWith('history.ts')) {
  const n = process.argv.includes('--quick') ? 20_000 : 100_000;
  benchHistory(n)
    .then((rows) => {
      for (const r of rows) process.stdout.write(`${r.figure}\n    ${r.measured} | ${r.baseline} | ${r.ratio} | goal ${r.goal}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
