/**
 * Part of the Office.js renderer (see ../applyPlan.ts): data validations.
 */
import type { ValidationPlan } from '../../../plan/types';

export function validationRule(rule: ValidationPlan['rule']): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.source } };
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation =
        rule.max === null
          ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
          : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
      return rule.kind === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'date':
      return { date: { formula1: '=DATE(1900,1,1)', formula2: rule.notAfterFormula, operator: 'Between' } };
    case 'textLength':
      return { textLength: { formula1: 0, formula2: rule.max, operator: 'Between' } };
    case 'custom':
      return { custom: { formula: rule.formula } };
  }
}

/** Queues one validation on `range`, replacing whatever validation it had. */
export function queueValidation(range: Excel.Range, v: ValidationPlan): void {
  range.dataValidation.clear();
  range.dataValidation.rule = validationRule(v.rule);
  range.dataValidation.ignoreBlanks = v.allowBlank;
  range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.errorMessage };
  range.dataValidation.prompt = v.prompt === null ? { showPrompt: false, title: '', message: '' } : { showPrompt: true, title: '', message: v.prompt };
}
