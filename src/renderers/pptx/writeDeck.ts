/**
 * The slide deck (issue 6 §3): a .pptx written with PptxGenJS from the
 * summary and the settings (never by reading a workbook back). Runs in Node
 * (the CLI) and in the browser (the task pane): PptxGenJS's own build for
 * each, output as bytes.
 *
 * Cost: independent of the number of customers (the summary has one row per
 * tier, segment, stage and owner); the owners chart shows at most
 * MAX_OWNER_BARS bars.
 */
import PptxGenJS from 'pptxgenjs';
import { makeContext, type DeckInput } from './context';
import { DECK_STRINGS } from './strings';
import { fontFor } from './theme';
import { addTitleSlide } from './slides/title';
import { addKpiSlide } from './slides/kpis';
import { addTierChartSlide } from './slides/tierChart';
import { addSegmentChartSlide } from './slides/segmentChart';
import { addLifecycleSlide } from './slides/lifecycle';
import { addOwnerChartSlide } from './slides/ownerChart';
import { addTierTableSlide } from './slides/tierTable';
import { addSegmentTableSlide } from './slides/segmentTable';
import { addRulesSlide } from './slides/rules';
import { addPredictionSlide, hasPredictionSlide } from './slides/prediction';
import { addMigrationSlide } from './slides/migration';
import { hasOwners } from '../../domain/summary/takeaways';
import { pick } from '../../i18n/locale';

export type { DeckInput } from './context';

/** The slides of a deck, in order: what the tests and the pane can name without opening the file. */
export type DeckSlideKind = 'title' | 'kpis' | 'tierChart' | 'migration' | 'segmentChart' | 'lifecycle' | 'ownerChart' | 'prediction' | 'tierTable' | 'segmentTable' | 'rules';

export function deckSlides(input: Pick<DeckInput, 'summary'> & Partial<Pick<DeckInput, 'prediction' | 'migration'>>): DeckSlideKind[] {
  return [
    'title', 'kpis', 'tierChart',
    // Issue 8 §2: only when the history has an earlier snapshot.
    ...(input.migration ? (['migration'] as const) : []),
    'segmentChart', 'lifecycle',
    ...(hasOwners(input.summary) ? (['ownerChart'] as const) : []),
    // Issue 9: only with a value prediction (predicted revenue and CLV).
    ...(hasPredictionSlide(input.prediction) ? (['prediction'] as const) : []),
    'tierTable', 'segmentTable', 'rules',
  ];
}

export async function writeDeck(input: DeckInput): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = pick(DECK_STRINGS.deckTitle, input.locale);
  pptx.subject = input.sourceName;
  pptx.company = 'Tierwise';
  pptx.author = 'Tierwise';
  pptx.theme = { headFontFace: fontFor(input.locale), bodyFontFace: fontFor(input.locale) };
  const ctx = makeContext(pptx, input);
  for (const kind of deckSlides(input)) {
    switch (kind) {
      case 'title': addTitleSlide(ctx); break;
      case 'kpis': addKpiSlide(ctx); break;
      case 'tierChart': addTierChartSlide(ctx); break;
      case 'migration': addMigrationSlide(ctx); break;
      case 'segmentChart': addSegmentChartSlide(ctx); break;
      case 'lifecycle': addLifecycleSlide(ctx); break;
      case 'ownerChart': addOwnerChartSlide(ctx); break;
      case 'prediction': if (hasPredictionSlide(input.prediction)) addPredictionSlide(ctx, input.prediction); break;
      case 'tierTable': addTierTableSlide(ctx); break;
      case 'segmentTable': addSegmentTableSlide(ctx); break;
      case 'rules': addRulesSlide(ctx); break;
    }
  }
  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  if (!(out instanceof Uint8Array)) throw new Error('PptxGenJS did not return bytes for outputType uint8array');
  return out;
}
