/** Small builders for grading tests. */
import type { DayNumber } from '../../../src/domain/dates';
import { dayFromYmd } from '../../../src/domain/dates';
import type { CustomerRecord } from '../../../src/domain/types';

export const D = (iso: string): DayNumber => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y as number, m as number, d as number);
};

export interface RecordSpec {
  readonly id: string;
  readonly row?: number;
  /** Days before the as-of date of the last purchase (converted with `asOf`), or null. */
  readonly last?: DayNumber | null;
  readonly first?: DayNumber | null;
  readonly freq?: number;
  readonly mon?: number;
  readonly override?: string | null;
}

let nextRow = 2;

export function rec(spec: RecordSpec): CustomerRecord {
  return {
    id: spec.id,
    sourceRow: spec.row ?? nextRow++,
    firstPurchase: spec.first ?? null,
    lastPurchase: spec.last ?? null,
    frequency: spec.freq ?? 0,
    monetary: spec.mon ?? 0,
    tierOverride: spec.override ?? null,
    profile: {},
    carried: {},
  };
}

/** A day `n` days before `day`. */
export const before = (day: DayNumber, n: number): DayNumber => (day - n) as DayNumber;
