/**
 * Defined names: the workbook's name collection, one named item, and the
 * range a name refers to.
 */
import { FakeExcelError } from './errors';
import { parseAddress, qualifiedAddress } from './address';
import type { FakeContextCore } from './context';
import type { NameEntry } from './model';
import { expose, FakeClientObject, unwrap } from './client';
import { assertTextLimit, assertValidName } from './rules';
import { FakeRange, type Resolved } from './range';
import { FakeWorksheet } from './worksheets';

/**
 * The range a defined name refers to (`NamedItem.getRangeOrNullObject`): a
 * null object when the name is missing, is not a plain `=Sheet!A1:B2`
 * reference (a constant or a formula), or its sheet is gone.
 */
class FakeNamedRange extends FakeRange {
  constructor(
    core: FakeContextCore,
    private readonly target: () => Resolved | null,
    sheetProxy: () => FakeWorksheet,
  ) {
    super(
      core,
      () => {
        const found = target();
        if (!found) throw new FakeExcelError('ItemNotFound', "The requested resource doesn't exist: the name refers to no range.");
        return found;
      },
      sheetProxy,
    );
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
}

export class FakeNamedItem
  extends FakeClientObject
  implements Pick<Excel.NamedItem, 'name' | 'formula' | 'comment' | 'visible' | 'delete' | 'load' | 'getRangeOrNullObject'>
{
  protected readonly scalarProperties = ['name', 'formula', 'comment', 'visible'];
  constructor(
    core: FakeContextCore,
    private readonly key: string,
  ) {
    super(core);
  }
  protected override exists(): boolean {
    return this.model.names.has(this.key.toLowerCase());
  }
  private entry(): NameEntry {
    const e = this.model.names.get(this.key.toLowerCase());
    if (!e) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: name "${this.key}".`);
    return e;
  }
  protected snapshot(property: string): unknown {
    const e = this.entry();
    if (property === 'name') return e.name;
    if (property === 'formula') return e.formula;
    if (property === 'visible') return e.visible;
    return e.comment;
  }
  get name(): string {
    return this.read('name') as string;
  }
  // Excel's d.ts types NamedItem.formula as any; unknown is assignable and keeps the fake free of `any`.
  get formula(): unknown {
    return this.read('formula');
  }
  set formula(value: unknown) {
    this.queue(value, 0, () => {
      if (typeof value !== 'string') throw new FakeExcelError('InvalidArgument', 'A name formula must be a string.');
      this.entry().formula = value.startsWith('=') ? value : `=${value}`;
    });
  }
  get comment(): string {
    return this.read('comment') as string;
  }
  set comment(value: string) {
    this.queue(value, 0, () => {
      this.entry().comment = value;
    });
  }
  get visible(): boolean {
    return this.read('visible') as boolean;
  }
  set visible(value: boolean) {
    this.queue(value, 0, () => {
      this.entry().visible = value;
    });
  }
  delete(): void {
    this.queue({ delete: this.key }, 0, () => {
      this.entry();
      this.model.names.delete(this.key.toLowerCase());
    });
  }
  getRangeOrNullObject(): Excel.Range {
    const target = (): Resolved | null => {
      const entry = this.model.names.get(this.key.toLowerCase());
      if (!entry) return null;
      let parsed: ReturnType<typeof parseAddress>;
      try {
        parsed = parseAddress(entry.formula.replace(/^=/, ''));
      } catch (error) {
        // Not a reference (e.g. `=0.5` or `=TODAY()`): Excel answers with a null object.
        if (error instanceof FakeExcelError) return null;
        throw error;
      }
      const sheet = parsed.sheet === null ? undefined : this.model.sheet(parsed.sheet);
      return sheet ? { sheet, rect: parsed.rect } : null;
    };
    const sheetProxy = new FakeWorksheet(this.core, () => target()?.sheet ?? null, `of name "${this.key}"`);
    return expose(new FakeNamedRange(this.core, target, () => sheetProxy).asNullable());
  }
  load(propertyNames?: unknown): Excel.NamedItem {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

export class FakeNamedItemCollection
  extends FakeClientObject
  implements Pick<Excel.NamedItemCollection, 'add' | 'getItem' | 'getItemOrNullObject'>
{
  protected readonly scalarProperties: readonly string[] = [];
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'Load names one by one.');
  }
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const ref = typeof reference === 'string' ? reference : 'range';
    this.queue({ name, reference: ref, comment: comment ?? null }, 0, () => {
      assertValidName(name, 'defined');
      // Name Manager: a comment holds at most 255 characters.
      assertTextLimit(comment, 255, 'A name comment');
      this.model.assertNameFree(name);
      let formula: string;
      if (typeof reference === 'string') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
      } else {
        const { sheet, rect } = unwrap(reference, FakeRange).resolve();
        formula = `=${qualifiedAddress(sheet.name, rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      this.model.names.set(name.toLowerCase(), { name, formula, comment: comment ?? '', visible: true });
    });
    return expose(new FakeNamedItem(this.core, name));
  }
  getItem(name: string): Excel.NamedItem {
    return expose(new FakeNamedItem(this.core, name));
  }
  getItemOrNullObject(name: string): Excel.NamedItem {
    return expose(new FakeNamedItem(this.core, name).asNullable());
  }
}
