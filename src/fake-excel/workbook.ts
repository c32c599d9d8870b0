/**
 * The roots a batch starts from: the request context, its workbook and the
 * application (calculation and screen updating).
 */
import { FakeExcelError } from './errors';
import type { FakeContextCore } from './context';
import { capturedWhenRun, expose, FakeClientObject, registeredPart } from './client';
import { FakeRange, type Resolved } from './range';
import { FakeWorksheet, FakeWorksheetCollection } from './worksheets';
import { FakeTableCollection } from './tables';
import { FakeNamedItemCollection } from './names';

export class FakeApplication
  extends FakeClientObject
  implements Pick<Excel.Application, 'calculationMode' | 'calculate' | 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync' | 'load'>
{
  protected readonly scalarProperties = ['calculationMode'];
  protected snapshot(): unknown {
    return this.model.calculationMode;
  }
  get calculationMode(): Excel.Application['calculationMode'] {
    return this.read('calculationMode') as Excel.Application['calculationMode'];
  }
  set calculationMode(value: Excel.Application['calculationMode']) {
    this.queue(value, 0, () => {
      this.model.calculationMode = value;
    });
  }
  /** Recalculation is recorded, not performed: the fake has no formula engine. */
  calculate(calculationType: Excel.CalculationType | 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.queue({ calculate: calculationType }, 0, () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.core.enqueue(0, 0, (record) => {
      record.calculationSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.core.enqueue(0, 0, (record) => {
      record.screenUpdatingSuspended = true;
    });
  }
  load(propertyNames?: unknown): Excel.Application {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeWorkbook
  extends FakeClientObject
  implements Pick<Excel.Workbook, 'worksheets' | 'tables' | 'names' | 'application' | 'protection' | 'getSelectedRange'>
{
  protected readonly scalarProperties: readonly string[] = [];
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'The fake workbook has no loadable scalar properties.');
  }
  get worksheets(): Excel.WorksheetCollection {
    return expose(new FakeWorksheetCollection(this.core));
  }
  get tables(): Excel.TableCollection {
    return expose(new FakeTableCollection(this.core, null));
  }
  get names(): Excel.NamedItemCollection {
    return expose(new FakeNamedItemCollection(this.core));
  }
  get application(): Excel.Application {
    return expose(new FakeApplication(this.core));
  }
  /** Workbook.protection (ExcelApi 1.7): structure protection, in protection.ts. */
  get protection(): Excel.WorkbookProtection {
    return expose(registeredPart('workbookProtection')(this.core));
  }
  /** Workbook.getSelectedRange: the active sheet's selection (A1 until a Range.select()), as of this call in the batch. */
  getSelectedRange(): Excel.Range {
    const selected = capturedWhenRun(this.core, (): Resolved | null => {
      const sheet = this.model.activeSheet();
      return sheet ? { sheet, rect: this.model.selectionOf(sheet) } : null;
    });
    const resolve = (): Resolved => {
      const found = selected();
      if (!found) throw new FakeExcelError('ItemNotFound', 'The workbook has no sheet, so nothing is selected.');
      return found;
    };
    const sheetProxy = new FakeWorksheet(this.core, () => selected()?.sheet ?? null, '(of the selection)');
    return expose(new FakeRange(this.core, resolve, () => sheetProxy));
  }
}

/** Context methods Tierwise uses, typed against Excel.RequestContext. */
export class FakeRequestContext implements Pick<Excel.RequestContext, 'workbook' | 'application' | 'sync'> {
  readonly workbook: Excel.Workbook;
  readonly application: Excel.Application;
  constructor(private readonly core: FakeContextCore) {
    this.workbook = expose(new FakeWorkbook(core));
    this.application = expose(new FakeApplication(core));
  }
  async sync<T>(passThroughValue?: T): Promise<T> {
    await this.core.sync();
    return passThroughValue as T;
  }
}
