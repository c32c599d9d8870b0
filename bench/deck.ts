/**
 * Issue 6 §4: writing the slide deck for n customers (summarise + writeDeck,
 * everything `--deck` adds to a graded job) against writing their .xlsx,
 * measured in the same run. Goal <= 0.1x. The deck itself does not grow with
 * n (one row per tier, segment, stage and owner); only summarise does.
 */
import { summarise } from '../src/domain/summary';
import type { GradingSettings } from '../src/domain/settings';
import type { GradingResult } from '../src/domain/types';
import { deckSlides, writeDeck } from '../src/renderers/pptx/writeDeck';

export interface DeckBench {
  /** Best of the runs, milliseconds: summarise + writeDeck. */
  readonly ms: number;
  /** Of which summarise, best run, milliseconds. */
  readonly summariseMs: number;
  readonly bytes: number;
  readonly slides: number;
}

export async function benchDeck(result: GradingResult, settings: GradingSettings, runs = 3): Promise<DeckBench> {
  let best = Infinity;
  let bestSummarise = Infinity;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const summary = summarise(result, settings);
    const summarised = process.hrtime.bigint();
    const deck = await writeDeck({ summary, settings, locale: 'zh-CN', asOf: result.asOf, breakpoints: result.breakpoints, sourceName: 'bench.csv' });
    const end = process.hrtime.bigint();
    best = Math.min(best, Number(end - start) / 1e6);
    bestSummarise = Math.min(bestSummarise, Number(summarised - start) / 1e6);
    bytes = deck.byteLength;
  }
  return { ms: best, summariseMs: bestSummarise, bytes, slides: deckSlides({ summary: summarise(result, settings) }).length };
}
