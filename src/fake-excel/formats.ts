/**
 * Range.format: direct formats (fill, font, locked) laid over a range as
 * layers, column widths and row heights.
 */
import { FakeExcelError } from './errors';
import { intersects } from './address';
import type { FakeContextCore } from './context';
import type { FormatLayer } from './model';
import { expose, FakeClientObject } from './client';
import type { FakeRange } from './range';

export class FakeRangeFormat
  extends FakeClientObject
  implements Pick<Excel.RangeFormat, 'fill' | 'font' | 'protection' | 'columnWidth' | 'rowHeight' | 'load'>
{
  protected readonly scalarProperties = ['columnWidth', 'rowHeight'];
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core);
  }
  rangeOf(): FakeRange {
    return this.range;
  }
  protected snapshot(property: string): unknown {
    const { sheet, rect } = this.range.resolve();
    if (property === 'columnWidth') return sheet.columnWidths.get(rect.c0) ?? DEFAULT_COLUMN_WIDTH_POINTS;
    return sheet.rowHeights.get(rect.r0) ?? DEFAULT_ROW_HEIGHT_POINTS;
  }
  /**
   * Adds a direct-format layer over the range. Excel: formatting locked cells
   * of a protected sheet fails unless the protection allows formatting cells
   * (allowFormatCells), and locking or unlocking cells of a protected sheet
   * always fails (the Locked setting "has no effect until you protect the
   * worksheet" and cannot change while it is protected; "Lock or unlock
   * specific areas of a protected worksheet",
   * https://support.microsoft.com/office/lock-or-unlock-specific-areas-of-a-protected-worksheet-75481b72-db8a-4267-8c43-042a5f2cd93a).
   */
  layer(props: Omit<FormatLayer, 'rect'>): void {
    this.queue(props, 0, () => {
      const { sheet, rect } = this.range.resolve();
      if (props.locked !== undefined && sheet.protection.protected) {
        throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}"): locking or unlocking cells refused.`);
      }
      if (sheet.protection.options.allowFormatCells !== true) sheet.assertWritable(rect, 'format');
      sheet.formatLayers.push({ ...props, rect });
    });
  }
  get fill(): Excel.RangeFill {
    return expose(new FakeRangeFill(this.core, this));
  }
  get font(): Excel.RangeFont {
    return expose(new FakeRangeFont(this.core, this));
  }
  get protection(): Excel.FormatProtection {
    return expose(new FakeFormatProtection(this.core, this));
  }
  get columnWidth(): number {
    return this.read('columnWidth') as number;
  }
  /** Points, as Excel's RangeFormat.columnWidth. */
  set columnWidth(points: number) {
    this.queue(points, 0, () => {
      const { sheet, rect } = this.range.resolve();
      sheet.assertWritable(rect, 'column width');
      for (let c = rect.c0; c <= rect.c1; c += 1) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight') as number;
  }
  set rowHeight(points: number) {
    this.queue(points, 0, () => {
      const { sheet, rect } = this.range.resolve();
      sheet.assertWritable(rect, 'row height');
      for (let r = rect.r0; r <= rect.r1; r += 1) sheet.rowHeights.set(r, points);
    });
  }
  load(propertyNames?: unknown): Excel.RangeFormat {
    this.queueLoad(propertyNames);
    return expose(this);
  }
}

/** Excel's default column width, 8.43 characters of Calibri 11 = 48 points; default row height 15 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;
export const DEFAULT_ROW_HEIGHT_POINTS = 15;

abstract class FakeFormatPart extends FakeClientObject {
  protected readonly scalarProperties: readonly string[] = [];
  constructor(
    core: FakeContextCore,
    protected readonly owner: FakeRangeFormat,
  ) {
    super(core);
  }
  protected snapshot(): unknown {
    throw new FakeExcelError('InvalidArgument', 'The fake does not read back direct formats; inspect the model.');
  }
}

export class FakeRangeFill extends FakeFormatPart implements Pick<Excel.RangeFill, 'color' | 'clear'> {
  get color(): string {
    return this.read('color') as string;
  }
  set color(value: string) {
    this.owner.layer({ fill: value });
  }
  clear(): void {
    this.owner.layer({ fill: null });
  }
}

export class FakeRangeFont extends FakeFormatPart implements Pick<Excel.RangeFont, 'color' | 'bold' | 'italic' | 'size' | 'name'> {
  get color(): string {
    return this.read('color') as string;
  }
  set color(value: string) {
    this.owner.layer({ fontColor: value });
  }
  get bold(): boolean {
    return this.read('bold') as boolean;
  }
  set bold(value: boolean) {
    this.owner.layer({ bold: value });
  }
  get italic(): boolean {
    return this.read('italic') as boolean;
  }
  set italic(value: boolean) {
    this.owner.layer({ italic: value });
  }
  get size(): number {
    return this.read('size') as number;
  }
  set size(value: number) {
    this.owner.layer({ fontSize: value });
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(value: string) {
    this.owner.layer({ fontName: value });
  }
}

/** Range.format.protection (ExcelApi 1.2): `locked` per cell, true by default as in Excel; it reads null when the range is mixed. */
export class FakeFormatProtection extends FakeFormatPart implements Pick<Excel.FormatProtection, 'locked' | 'load'> {
  protected override readonly scalarProperties: readonly string[] = ['locked'];
  protected override snapshot(): unknown {
    const { sheet, rect } = this.owner.rangeOf().resolve();
    const anyLocked = sheet.hasLockedCell(rect);
    if (!anyLocked) return false;
    // Locked somewhere: all locked unless some cell was unlocked.
    for (const layer of sheet.formatLayers) {
      if (layer.locked === false && intersects(layer.rect, rect)) {
        for (let r = rect.r0; r <= rect.r1; r += 1) {
          for (let c = rect.c0; c <= rect.c1; c += 1) if (sheet.cellFormat(r, c).locked === false) return null;
        }
      }
    }
    return true;
  }
  load(propertyNames?: unknown): Excel.FormatProtection {
    this.queueLoad(propertyNames);
    return expose(this);
  }
  get locked(): boolean {
    return this.read('locked') as boolean;
  }
  set locked(value: boolean) {
    this.owner.layer({ locked: value });
  }
}
