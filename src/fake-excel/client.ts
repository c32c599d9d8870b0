/**
 * The base of every proxy object of the fake Excel (see api.ts): the one
 * cast to Excel types, load() / read() bookkeeping, queued writes, and the
 * registry through which protection.ts adds parts to the classes.
 */
import { FakeExcelError } from './errors';
import { jsonBytes, type FakeContextCore, type FakeRequestRecord } from './context';
import type { FakeWorkbookModel } from './model';
import type { FakeRange } from './range';

/**
 * The single cast between the fake and the Excel types. Every fake class
 * implements the subset of its Excel counterpart that Tierwise calls (checked
 * by `implements Pick<...>`); callers hold it as the Excel type.
 */
export function expose<T>(fake: object): T {
  return fake as unknown as T;
}

/**
 * The inverse of {@link expose}: an Excel-typed argument (a Range passed to
 * `names.add`, `tables.add`, `freezeAt`) back to the fake object it is,
 * checked at run time.
 */
export function unwrap<T>(value: unknown, kind: abstract new (...args: never[]) => T): T {
  if (value instanceof kind) return value;
  throw new FakeExcelError('InvalidArgument', `Expected a ${kind.name} of this fake workbook.`);
}

/** A load request's property names: `'values, text'`, `['values']`, `{ select: 'values' }`, or `{ values: true }`. */
function loadNames(spec: unknown): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  if (typeof spec === 'object') {
    const select = (spec as { select?: unknown }).select;
    if (typeof select === 'string') return loadNames(select);
    return Object.entries(spec as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k);
  }
  throw new FakeExcelError('InvalidArgument', `Unsupported load() argument: ${String(spec)}.`);
}

export abstract class FakeClientObject {
  private readonly loaded = new Map<string, unknown>();
  /** True for objects from `...OrNullObject` methods: a missing item loads as a null object instead of failing. */
  private nullable = false;

  constructor(protected readonly core: FakeContextCore) {}

  asNullable(): this {
    this.nullable = true;
    return this;
  }

  protected get model(): FakeWorkbookModel {
    return this.core.model;
  }

  /** Properties `load()` without arguments fetches. */
  protected abstract readonly scalarProperties: readonly string[];

  /** Whether the object exists (false for a missing `...OrNullObject`). Called while a batch runs. */
  protected exists(): boolean {
    return true;
  }

  /** One property's value, read from the model while a batch runs. */
  protected abstract snapshot(property: string, record: FakeRequestRecord): unknown;

  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }

  /** Marks properties as loaded (objects a collection load returns arrive with their scalars). */
  preload(values: Record<string, unknown>): void {
    this.loaded.set('isNullObject', false);
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected read(property: string): unknown {
    if (!this.loaded.has(property)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(property);
  }

  protected queueLoad(spec: unknown): void {
    const requested = loadNames(spec) ?? [...this.scalarProperties];
    for (const name of requested) {
      if (name !== 'items' && !name.startsWith('items/') && !this.scalarProperties.includes(name)) {
        throw new FakeExcelError('InvalidArgument', `The fake does not know the property '${name}' of ${this.constructor.name}.`);
      }
    }
    this.core.enqueue(jsonBytes(requested), 0, (record) => {
      const exists = this.exists();
      if (!exists && !this.nullable) {
        throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (${this.constructor.name}).`);
      }
      this.loaded.set('isNullObject', !exists);
      if (!exists) return;
      for (const name of requested) {
        const value = this.snapshot(name, record);
        this.loaded.set(name.split('/')[0] ?? name, value);
        record.responseBytes += name.startsWith('items') ? 32 : jsonBytes(value);
      }
    });
  }

  /** Queues a write; `apply` runs at the next sync. */
  protected queue(payload: unknown, cellsWritten: number, apply: () => void): void {
    this.core.enqueue(jsonBytes(payload), cellsWritten, () => apply());
  }
}

/**
 * Parts of the fake written in their own files (protection.ts: Range.sort,
 * Workbook.protection) that extend the classes of range.ts and workbook.ts:
 * they import those (through api.ts) and would form a cycle if those
 * imported them, so they register a factory here when index.ts loads them.
 */
export const fakeParts: {
  rangeSort?: (core: FakeContextCore, range: FakeRange) => object;
  workbookProtection?: (core: FakeContextCore) => object;
} = {};

export function registeredPart<K extends keyof typeof fakeParts>(key: K): NonNullable<(typeof fakeParts)[K]> {
  const factory = fakeParts[key];
  if (!factory) throw new FakeExcelError('GeneralException', `The fake's ${key} is not loaded: import the fake through src/fake-excel (index.ts).`);
  return factory as NonNullable<(typeof fakeParts)[K]>;
}


/**
 * A value read from the model at this point of the batch: Excel evaluates
 * `getActiveWorksheet()` / `getSelectedRange()` when the host runs that
 * command, so commands queued later (activate, select) do not change what it
 * refers to. The capture is queued as a zero-byte operation in order.
 */
export function capturedWhenRun<T>(core: FakeContextCore, read: () => T | null): () => T | null {
  let captured: { readonly value: T | null } | null = null;
  core.enqueue(0, 0, () => {
    captured = { value: read() };
  });
  return () => (captured === null ? read() : captured.value);
}
