/**
 * The task pane's build progress (the Building screen): each stage's share of
 * the progress bar, and the words for the step under way.
 */
import type { BuildProgress } from '../worker/client';
import type { PaneText } from './i18n';
import type { PlanWriteProgress } from './planWriter';

/** Share of the progress bar for each stage of a build (the rest is writing). */
export const STAGE_SPAN: Readonly<Record<BuildProgress['stage'], readonly [number, number]>> = {
  import: [0, 0.15],
  aggregate: [0.15, 0.2],
  grade: [0.2, 0.3],
  plan: [0.3, 0.35],
  transfer: [0.35, 0.4],
};
export const WRITE_SPAN: readonly [number, number] = [0.4, 1];

export function stageText(text: PaneText, progress: BuildProgress): string {
  const values = { done: text.number(progress.done), total: text.number(progress.total) };
  switch (progress.stage) {
    case 'import':
      return text.t('buildingImporting', values);
    case 'aggregate':
      return text.t('buildingAggregating', values);
    case 'grade':
      return text.t('buildingGrading', values);
    case 'plan':
      return text.t('buildingPlanning');
    case 'transfer':
      return text.t('buildingTransferring', values);
  }
}

export function writeText(text: PaneText, progress: PlanWriteProgress): string {
  if (progress.kind === 'rows') {
    return text.t('buildingWriting', { from: text.number(progress.from), to: text.number(progress.to), total: text.number(progress.total) });
  }
  return text.l(progress.step);
}

export interface BuildView {
  readonly stepText: (text: PaneText) => string;
  readonly fraction: number | null;
}
