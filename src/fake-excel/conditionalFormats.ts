/**
 * Range.conditionalFormats: Custom, IconSet, ColorScale and DataBar formats
 * and the sub-objects that edit them, checked to be of the right kind.
 */
import { FakeExcelError } from './errors';
import { intersects } from './address';
import type { FakeContextCore } from './context';
import type { ConditionalFormatEntry, ConditionalFormatKind } from './model';
import { expose, FakeClientObject } from './client';
import { assertConditionFormula } from './rules';
import type { FakeRange } from './range';

export class FakeConditionalFormatCollection
  extends FakeClientObject
  implements Pick<Excel.ConditionalFormatCollection, 'add' | 'clearAll'>
{
  protected readonly scalarProperties: readonly string[] = [];
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core);
  }
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'Read conditional formats from the model.');
  }
  add(type: Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue'): Excel.ConditionalFormat {
    const kinds: readonly string[] = ['Custom', 'IconSet', 'ColorScale', 'DataBar'];
    const format = new FakeConditionalFormat(this.core);
    this.queue({ add: type }, 0, () => {
      if (!kinds.includes(type)) throw new FakeExcelError('InvalidArgument', `The fake supports Custom, IconSet, ColorScale and DataBar formats, not ${type}.`);
      const { sheet, rect } = this.range.resolve();
      sheet.assertWritable(rect, 'conditional format');
      const entry: ConditionalFormatEntry = {
        id: this.model.newConditionalFormatId(),
        rect,
        type: type as ConditionalFormatKind,
        formula: null,
        fill: null,
        fontColor: null,
        iconStyle: null,
        iconCriteria: null,
        colorCriteria: null,
        barColor: null,
      };
      sheet.conditionalFormats.push(entry);
      format.entry = entry;
    });
    return expose(format);
  }
  clearAll(): void {
    this.queue({ clearAll: true }, 0, () => {
      const { sheet, rect } = this.range.resolve();
      sheet.assertWritable(rect, 'conditional format');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect));
    });
  }
}

export class FakeConditionalFormat
  extends FakeClientObject
  implements Pick<Excel.ConditionalFormat, 'custom' | 'iconSet' | 'colorScale' | 'dataBar' | 'type' | 'load'>
{
  protected readonly scalarProperties = ['type'];
  entry: ConditionalFormatEntry | null = null;
  protected snapshot(): unknown {
    return this.target('Custom').type;
  }
  /** The entry, checked to be of the kind a sub-object edits (Excel returns errors for the wrong kind). */
  target(kind: ConditionalFormatKind): ConditionalFormatEntry {
    const entry = this.entry;
    if (!entry) throw new FakeExcelError('InvalidOperation', 'The conditional format was not created.');
    if (entry.type !== kind && kind !== 'Custom') throw new FakeExcelError('InvalidOperation', `This conditional format is ${entry.type}, not ${kind}.`);
    if (kind === 'Custom' && entry.type !== 'Custom') throw new FakeExcelError('InvalidOperation', `This conditional format is ${entry.type}, not Custom.`);
    return entry;
  }
  edit(kind: ConditionalFormatKind, payload: unknown, change: (entry: ConditionalFormatEntry) => void): void {
    this.queue(payload, 0, () => change(this.target(kind)));
  }
  get type(): Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue' {
    return this.read('type') as 'Custom';
  }
  get custom(): Excel.CustomConditionalFormat {
    return expose(new FakeCustomConditionalFormat(this.core, this));
  }
  get iconSet(): Excel.IconSetConditionalFormat {
    return expose(new FakeIconSetConditionalFormat(this.core, this));
  }
  get colorScale(): Excel.ColorScaleConditionalFormat {
    return expose(new FakeColorScaleConditionalFormat(this.core, this));
  }
  get dataBar(): Excel.DataBarConditionalFormat {
    return expose(new FakeDataBarConditionalFormat(this.core, this));
  }
  load(propertyNames?: unknown): Excel.ConditionalFormat {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

abstract class FakeConditionalPart extends FakeClientObject {
  protected readonly scalarProperties: readonly string[] = [];
  constructor(
    core: FakeContextCore,
    protected readonly owner: FakeConditionalFormat,
  ) {
    super(core);
  }
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'Read conditional formats from the model.');
  }
}

export class FakeCustomConditionalFormat extends FakeConditionalPart implements Pick<Excel.CustomConditionalFormat, 'rule' | 'format'> {
  get rule(): Excel.ConditionalFormatRule {
    return expose(new FakeConditionalFormatRule(this.core, this.owner));
  }
  get format(): Excel.ConditionalRangeFormat {
    return expose(new FakeConditionalRangeFormat(this.core, this.owner));
  }
}

export class FakeConditionalFormatRule extends FakeConditionalPart implements Pick<Excel.ConditionalFormatRule, 'formula'> {
  get formula(): string {
    return this.read('formula') as string;
  }
  set formula(formula: string) {
    this.owner.edit('Custom', formula, (entry) => {
      assertConditionFormula(formula, 'A conditional format formula');
      if (formula.length > 8_192) throw new FakeExcelError('InvalidArgument', 'A formula is limited to 8,192 characters.');
      entry.formula = formula;
    });
  }
}

export class FakeConditionalRangeFormat extends FakeConditionalPart implements Pick<Excel.ConditionalRangeFormat, 'fill' | 'font'> {
  get fill(): Excel.ConditionalRangeFill {
    return expose(new FakeConditionalRangeFill(this.core, this.owner));
  }
  get font(): Excel.ConditionalRangeFont {
    return expose(new FakeConditionalRangeFont(this.core, this.owner));
  }
}

export class FakeConditionalRangeFill extends FakeConditionalPart implements Pick<Excel.ConditionalRangeFill, 'color'> {
  get color(): string {
    return this.read('color') as string;
  }
  set color(value: string) {
    this.owner.edit('Custom', value, (entry) => {
      entry.fill = value;
    });
  }
}

export class FakeConditionalRangeFont extends FakeConditionalPart implements Pick<Excel.ConditionalRangeFont, 'color'> {
  get color(): string {
    return this.read('color') as string;
  }
  set color(value: string) {
    this.owner.edit('Custom', value, (entry) => {
      entry.fontColor = value;
    });
  }
}

export class FakeIconSetConditionalFormat extends FakeConditionalPart implements Pick<Excel.IconSetConditionalFormat, 'style' | 'criteria'> {
  get style(): Excel.IconSetConditionalFormat['style'] {
    return this.read('style') as Excel.IconSetConditionalFormat['style'];
  }
  set style(value: Excel.IconSetConditionalFormat['style']) {
    this.owner.edit('IconSet', value, (entry) => {
      entry.iconStyle = value;
    });
  }
  get criteria(): Excel.ConditionalIconCriterion[] {
    return this.read('criteria') as Excel.ConditionalIconCriterion[];
  }
  set criteria(value: Excel.ConditionalIconCriterion[]) {
    this.owner.edit('IconSet', value, (entry) => {
      for (const c of value) if (typeof c.formula === 'string') assertConditionFormula(c.formula, 'An icon criterion formula');
      entry.iconCriteria = value.map((c) => ({ ...c }));
    });
  }
}

export class FakeColorScaleConditionalFormat extends FakeConditionalPart implements Pick<Excel.ColorScaleConditionalFormat, 'criteria'> {
  get criteria(): Excel.ConditionalColorScaleCriteria {
    return this.read('criteria') as Excel.ConditionalColorScaleCriteria;
  }
  set criteria(value: Excel.ConditionalColorScaleCriteria) {
    this.owner.edit('ColorScale', value, (entry) => {
      for (const c of [value.minimum, value.midpoint, value.maximum]) {
        if (c && typeof c.formula === 'string') assertConditionFormula(c.formula, 'A color scale formula');
      }
      entry.colorCriteria = JSON.parse(JSON.stringify(value)) as Excel.ConditionalColorScaleCriteria;
    });
  }
}

export class FakeDataBarConditionalFormat extends FakeConditionalPart implements Pick<Excel.DataBarConditionalFormat, 'positiveFormat'> {
  get positiveFormat(): Excel.ConditionalDataBarPositiveFormat {
    return expose(new FakeDataBarPositiveFormat(this.core, this.owner));
  }
}

export class FakeDataBarPositiveFormat extends FakeConditionalPart implements Pick<Excel.ConditionalDataBarPositiveFormat, 'fillColor'> {
  get fillColor(): string {
    return this.read('fillColor') as string;
  }
  set fillColor(value: string) {
    this.owner.edit('DataBar', value, (entry) => {
      entry.barColor = value;
    });
  }
}
