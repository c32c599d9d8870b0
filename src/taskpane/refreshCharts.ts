/**
 * Refresh charts (issue 6 §3, UX.md screen 6): Tierwise's charts drawn
 * again from the last build's plan, in the tier colours the Settings sheet
 * holds now (a colour typed there recolours the charts without a rebuild).
 * The charts' numbers are live (bound to the Summary sheet's ranges), so
 * only their colours and their presence need the pane; the user's own
 * charts are never touched (applyCharts replaces `Tierwise_*` only).
 *
 * Round trips: readTierColours' one or two, then applyCharts' CHART_SYNCS
 * (3): at most {@link REFRESH_CHARTS_MAX_SYNCS}, whatever the row count.
 */
import type { GradingSettings } from '../domain/settings';
import type { CustomerSummary } from '../domain/summary/types';
import type { Localized } from '../i18n/locale';
import { withCharts } from '../plan/charts';
import type { TierColour } from '../plan/parts/common';
import type { WorkbookPlan } from '../plan/types';
import { applyCharts, CHART_SYNCS, type ApplyChartsResult } from '../renderers/excel/charts';
import { readTierColours } from '../renderers/excel/readSettings';

export const REFRESH_CHARTS_MAX_SYNCS = 2 + CHART_SYNCS;

/** What a refresh draws from: the plan and summary of the last build, and the settings it was built with. */
export interface ChartsSource {
  readonly plan: WorkbookPlan;
  readonly summary: CustomerSummary;
  readonly settings: GradingSettings;
}

/** The settings with each tier's colour replaced by the one read (matched by tier key; tiers not read keep theirs). */
export function withTierColours(settings: GradingSettings, colours: readonly TierColour[]): GradingSettings {
  const byKey = new Map(colours.map((c) => [c.key, c.color] as const));
  return { ...settings, tiers: settings.tiers.map((tier) => ({ ...tier, color: byKey.get(tier.key) ?? tier.color })) };
}

/** The plan's charts in the given settings' tier colours (the same builder a build uses, so they cannot drift). */
export function recolouredPlan(source: ChartsSource, colours: readonly TierColour[]): WorkbookPlan {
  const layout = source.plan.summaryLayout;
  if (!layout) throw new RangeError('The build has no Summary sheet layout: build again to make the charts.');
  return withCharts(source.plan, layout, source.summary, withTierColours(source.settings, colours));
}

export interface RefreshChartsResult extends ApplyChartsResult {
  /** Tier colours used, in tier order. */
  readonly colours: readonly TierColour[];
  /** Settings cells that held no colour (their previous colour was kept). */
  readonly colourProblems: readonly Localized[];
  /** Syncs in all (reading the colours included). */
  readonly totalSyncs: number;
}

/** Reads the Settings sheet's tier colours and redraws Tierwise's charts in them. */
export async function refreshCharts(context: Excel.RequestContext, source: ChartsSource, onStep?: (step: 'colours' | 'charts') => void): Promise<RefreshChartsResult> {
  let syncs = 0;
  const counted = async (): Promise<void> => {
    await context.sync();
    syncs += 1;
  };
  // readTierColours syncs the context itself; count its syncs through a wrapper context.
  onStep?.('colours');
  const read = await readTierColours(countingContext(context, () => (syncs += 1)), source.settings);
  const colours = read?.colours ?? source.settings.tiers.map((t) => ({ key: t.key, color: t.color }));
  onStep?.('charts');
  const applied = await applyCharts(context, recolouredPlan(source, colours), { sync: counted });
  return { ...applied, colours, colourProblems: (read?.problems ?? []).map((p) => p.message), totalSyncs: syncs };
}

/** The same context, its sync counted. */
function countingContext(context: Excel.RequestContext, onSync: () => void): Excel.RequestContext {
  return new Proxy(context, {
    get(target, property) {
      if (property === 'sync') {
        return async () => {
          await target.sync();
          onSync();
        };
      }
      return Reflect.get(target, property, target) as unknown;
    },
  });
}
