/**
 * Part of the Office.js renderer (see ../applyPlan.ts): conditional formats.
 */
import type { ConditionalFormatPlan, PlanTarget } from '../../../plan/types';

export const ICON_STYLES: Record<Extract<ConditionalFormatPlan, { kind: 'iconSet' }>['style'], Excel.IconSet> = {
  threeArrows: 'ThreeArrows' as Excel.IconSet,
  threeTrafficLights: 'ThreeTrafficLights1' as Excel.IconSet,
  threeSymbols: 'ThreeSymbols' as Excel.IconSet,
};

export function addConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  switch (cf.kind) {
    case 'expression': {
      const format = range.conditionalFormats.add('Custom');
      format.custom.rule.formula = cf.formula;
      format.custom.format.fill.color = cf.fill;
      if (cf.fontColor !== null) format.custom.format.font.color = cf.fontColor;
      return;
    }
    case 'iconSet': {
      const format = range.conditionalFormats.add('IconSet');
      format.iconSet.style = ICON_STYLES[cf.style];
      // The first criterion's type, operator and formula are ignored by Excel (d.ts: IconSetConditionalFormat.criteria).
      format.iconSet.criteria = [
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=0' },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${cf.lowAtLeast}` },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${cf.highAtLeast}` },
      ];
      return;
    }
    case 'colorScale': {
      const format = range.conditionalFormats.add('ColorScale');
      format.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: cf.minColor },
        midpoint: { type: 'Percentile', formula: '50', color: cf.midColor },
        maximum: { type: 'HighestValue', color: cf.maxColor },
      };
      return;
    }
    case 'dataBar': {
      const format = range.conditionalFormats.add('DataBar');
      format.dataBar.positiveFormat.fillColor = cf.color;
      return;
    }
  }
}

/**
 * Queues the conditional formats: each target's existing formats are cleared
 * once (so a rebuild replaces, never stacks, them: new tier colours included),
 * then the plan's are added in order.
 */
export function queueConditionalFormats(formats: readonly ConditionalFormatPlan[], targetRange: (target: PlanTarget) => Excel.Range): void {
  const cleared = new Set<string>();
  for (const cf of formats) {
    const key = JSON.stringify(cf.target);
    const range = targetRange(cf.target);
    if (!cleared.has(key)) {
      range.conditionalFormats.clearAll();
      cleared.add(key);
    }
    addConditionalFormat(range, cf);
  }
}
