/**
 * Range.dataValidation: one rule per cell, with Excel's limits on formulas,
 * list sources and alert and prompt texts.
 */
import { FakeExcelError } from './errors';
import { intersects, qualifiedAddress } from './address';
import type { FakeContextCore } from './context';
import type { ValidationEntry } from './model';
import { expose, FakeClientObject } from './client';
import { assertTextLimit, assertValidationFormula, MAX_VALIDATION_FORMULA } from './rules';
// A runtime import in a cycle (range.ts creates FakeDataValidation): both
// modules use the other's class only inside methods, never while loading.
import { FakeRange } from './range';

/**
 * Excel's limits on validation messages (MS-OI29500 2.1.613, dataValidation:
 * "Office limits the length of the value of the errorTitle attribute to 32
 * characters", error message 224 (the fake allows 225 as Excel's dialog does),
 * prompt 255, promptTitle 32;
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64).
 */
export const MAX_ALERT_TITLE = 32;
export const MAX_ALERT_MESSAGE = 225;
export const MAX_PROMPT_MESSAGE = 255;

function sourceFormula(source: unknown): unknown {
  if (source instanceof FakeRange) {
    const { sheet, rect } = source.resolve();
    return `=${qualifiedAddress(sheet.name, { r0: rect.r0, c0: rect.c0, r1: rect.r1, c1: rect.c1 }).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  }
  return source;
}

export class FakeDataValidation
  extends FakeClientObject
  implements Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt' | 'ignoreBlanks' | 'clear' | 'load'>
{
  protected readonly scalarProperties = ['rule', 'errorAlert', 'prompt', 'ignoreBlanks'];
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core);
  }
  private entries(): ValidationEntry[] {
    const { sheet, rect } = this.range.resolve();
    return sheet.validations.filter((v) => intersects(v.rect, rect));
  }
  protected snapshot(property: string): unknown {
    const first = this.entries()[0];
    if (property === 'rule') return first?.rule ?? {};
    if (property === 'errorAlert') return first?.errorAlert ?? null;
    if (property === 'prompt') return first?.prompt ?? null;
    return first?.ignoreBlanks ?? true;
  }
  get rule(): Excel.DataValidationRule {
    return this.read('rule') as Excel.DataValidationRule;
  }
  set rule(rule: Excel.DataValidationRule) {
    // Resolve Range sources now: the request carries their address.
    const plain: Record<string, unknown> = {};
    for (const [kind, body] of Object.entries(rule)) {
      if (body === undefined) continue;
      const copy: Record<string, unknown> = { ...(body as object) };
      for (const key of ['source', 'formula1', 'formula2']) if (key in copy && copy[key] instanceof FakeRange) copy[key] = sourceFormula(copy[key]);
      plain[kind] = copy;
    }
    this.queue(plain, 0, () => {
      const kinds = Object.keys(plain);
      if (kinds.length !== 1) throw new FakeExcelError('InvalidArgument', 'A data validation rule has exactly one type.');
      const kind = kinds[0] ?? '';
      const body = plain[kind] as Record<string, unknown>;
      if (kind === 'list') {
        const source = body.source;
        if (typeof source !== 'string') throw new FakeExcelError('InvalidArgument', 'A list source must be a string or a Range.');
        if (!source.startsWith('=') && source.length > MAX_VALIDATION_FORMULA) {
          throw new FakeExcelError('InvalidArgument', `An inline list source is limited to ${MAX_VALIDATION_FORMULA} characters; got ${source.length}. Point the list at a range.`);
        }
        assertValidationFormula(source, 'A list source');
      } else if (kind === 'custom') {
        assertValidationFormula(body.formula, 'A custom validation formula');
      } else if (['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(kind)) {
        assertValidationFormula(body.formula1, 'formula1');
        assertValidationFormula(body.formula2, 'formula2');
      } else {
        throw new FakeExcelError('InvalidArgument', `Unknown data validation type ${kind}.`);
      }
      const { sheet, rect } = this.range.resolve();
      sheet.assertWritable(rect, 'data validation');
      sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
      sheet.validations.push({ rect, rule: plain as Excel.DataValidationRule, errorAlert: null, prompt: null, ignoreBlanks: true });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert') as Excel.DataValidationErrorAlert;
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.queue(alert, 0, () => {
      assertTextLimit(alert.title, MAX_ALERT_TITLE, 'An error alert title');
      assertTextLimit(alert.message, MAX_ALERT_MESSAGE, 'An error alert message');
      for (const v of this.entries()) v.errorAlert = { ...alert };
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt') as Excel.DataValidationPrompt;
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.queue(prompt, 0, () => {
      assertTextLimit(prompt.title, MAX_ALERT_TITLE, 'A prompt title');
      assertTextLimit(prompt.message, MAX_PROMPT_MESSAGE, 'A prompt message');
      for (const v of this.entries()) v.prompt = { ...prompt };
    });
  }
  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks') as boolean;
  }
  set ignoreBlanks(value: boolean) {
    this.queue(value, 0, () => {
      for (const v of this.entries()) v.ignoreBlanks = value;
    });
  }
  clear(): void {
    this.queue({ clear: true }, 0, () => {
      const { sheet, rect } = this.range.resolve();
      sheet.assertWritable(rect, 'data validation');
      sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
    });
  }
  load(propertyNames?: unknown): Excel.DataValidation {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}
