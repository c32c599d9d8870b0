/**
 * Plan cells shared between rows. A plan holds one value object per cell, and
 * at 100,000 customers those objects are most of what a build allocates and
 * keeps: every one survives to the end, so the garbage collector copies each
 * one (bench/join.ts: the plan took 530 ms for the log alone and 800 ms for
 * the log joined to an archive, most of it collection). Plan values are
 * immutable, so a value that repeats (a date, a count, an owner, a region,
 * 是/否) can be one object for every row that holds it.
 *
 * Memory is bounded: days and small integers are few; a column's texts are
 * shared only while the column has at most TEXTS_PER_COLUMN distinct ones
 * (a name or phone column stops sharing after that many rows, at the cost of
 * that many lookups).
 */
import type { DayNumber } from '../../domain/dates';
import type { PlanValue } from '../types';
import { checkSourceCellText } from './common';

/** Integers 0..SMALL_INTEGERS-1 are shared (order counts, satisfaction, scores). */
const SMALL_INTEGERS = 1024;
/** A column shares its texts while it has at most this many distinct ones. */
export const TEXTS_PER_COLUMN = 512;

/** Days and small integers, shared by every column of one build. */
export class SharedValues {
  private readonly days = new Map<number, PlanValue>();
  private readonly integers: (PlanValue | undefined)[] = new Array<PlanValue | undefined>(SMALL_INTEGERS);

  date(day: DayNumber): PlanValue {
    let cell = this.days.get(day);
    if (cell === undefined) {
      cell = { kind: 'date', day };
      this.days.set(day, cell);
    }
    return cell;
  }

  number(value: number): PlanValue {
    // -0 is not shared: Object.is(-0, 0) is false, and a shared 0 would turn it into +0.
    if (!(value >= 0 && value < SMALL_INTEGERS && Number.isInteger(value) && !Object.is(value, -0))) return { kind: 'number', value };
    let cell = this.integers[value];
    if (cell === undefined) {
      cell = { kind: 'number', value };
      this.integers[value] = cell;
    }
    return cell;
  }
}

/** One column's texts, shared while the column has few distinct ones. */
export class ColumnTexts {
  private texts: Map<string, PlanValue> | null = new Map();

  /** `header`: the column's, named when a text is refused (checkSourceCellText). */
  constructor(private readonly header: string) {}

  /** The cell for `text`, checked the first time it is seen (a shared text was checked once, for every row). */
  text(text: string, sourceRow: number): PlanValue {
    const texts = this.texts;
    if (texts === null) {
      checkSourceCellText(text, sourceRow, this.header);
      return { kind: 'text', text };
    }
    let cell = texts.get(text);
    if (cell === undefined) {
      checkSourceCellText(text, sourceRow, this.header);
      cell = { kind: 'text', text };
      if (texts.size < TEXTS_PER_COLUMN) texts.set(text, cell);
      else this.texts = null;
    }
    return cell;
  }
}
