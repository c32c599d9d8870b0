/**
 * GRADING.md §3-§7: as-of date, recency, R/F/M scores from PERCENTILE.INC
 * breakpoints, the 8-class segment, the tier (manual override first) and the
 * lifecycle stage.
 *
 * Cost: O(n) on average, O(n log n) at worst — one pass to fill three Float64Array
 * metric columns, selection (introselect, as LibreOffice's nth_element) of the
 * few order statistics the breakpoints need, one pass to score. No per-customer
 * allocation besides the output objects.
 *
 * "Scored" customers are those with frequency >= 1 (GRADING.md §4). A
 * customer with purchases but no last purchase date cannot get a recency; the
 * import skips such rows, and if one reaches the grading anyway it is reported
 * ('orders-without-last-purchase') and left unscored.
 */
import type { DayNumber } from '../dates';
import { formatIsoDay, todayLocal } from '../dates';
import type { AsOfSetting, GradingSettings, TierDefinition } from '../settings';
import type { Breakpoints, CustomerRecord, GradedCustomer, GradingResult, Issue, LifecycleKey, SegmentKey } from '../types';
import { GradingError } from './errors';
import { gradingIssue } from './messages';
import { approxEqual, percentilesInPlace } from './percentile';
import { validateSettings } from './settingsValidation';

export interface GradeOptions {
  /** Today's date where the job runs (for the `today` as-of mode and `auto` with no purchase). Default: the local date. */
  readonly today?: DayNumber;
  /** Called now and then with the number of customers graded so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How many customers between two progress reports. */
const PROGRESS_EVERY = 65_536;
/**
 * Rows graded per call of the per-row loop: a small function called many
 * times gets optimised whole by V8 early in the first run, instead of only
 * through on-stack replacement of one long loop. Divides PROGRESS_EVERY.
 */
const ROWS_PER_CHUNK = 8_192;

/** What pass 1 found out about a customer. */
const STATUS_PROSPECT = 0; // frequency < 1: not scored (GRADING.md §4)
const STATUS_SCORED = 1;
const STATUS_NO_LAST_PURCHASE = 2; // orders but no last purchase date: reported, not scored

/**
 * 2^-40: a value more than |b| * 2^-40 above a breakpoint b exceeds it for
 * certain (approxEqual's widest tolerance is |b| * 2^-44, and the rounding of
 * b + |b| * 2^-40 and of x - b costs at most a few units of 2^-53), so only
 * values within that sliver of b need the full approxEqual test.
 */
const SURELY_ABOVE = 1 / 1_099_511_627_776;

/**
 * The as-of date (GRADING.md §3). `auto` is the day after the latest
 * purchase in the data: the latest last-purchase date of the customers with
 * at least one purchase (a prospect's date is not a purchase); with no
 * purchase at all it is `today`.
 */
export function resolveAsOf(setting: AsOfSetting, records: readonly CustomerRecord[], today: DayNumber): DayNumber {
  switch (setting.mode) {
    case 'fixed':
      return setting.day;
    case 'today':
      return today;
    case 'auto': {
      let latest = Number.NEGATIVE_INFINITY;
      for (const record of records) {
        const last = record.lastPurchase;
        if (record.frequency >= 1 && last !== null && last > latest) latest = last;
      }
      return latest === Number.NEGATIVE_INFINITY ? today : ((latest + 1) as DayNumber);
    }
  }
}

/** Trimmed, NFKC-folded, lower-cased: how a typed tier name is compared with the tier list. */
export function normalizeTierName(text: string): string {
  return text.trim().normalize('NFKC').trim().toLowerCase();
}

/** Every name a tier answers to (key, English label, Chinese label), normalised, mapped to the tier key. */
function tierNameIndex(tiers: readonly TierDefinition[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const tier of tiers) {
    for (const name of [tier.key, tier.label.en, tier.label.zh]) {
      const normalized = normalizeTierName(name);
      // First tier in list order wins a (mis-configured) shared name; validateSettings reports it.
      if (normalized !== '' && !index.has(normalized)) index.set(normalized, tier.key);
    }
  }
  return index;
}

/** The four breakpoints of one metric (reorders the column: selection, not a full sort). */
function breakpointsOf(column: Float64Array, quantiles: readonly [number, number, number, number]): [number, number, number, number] {
  const [b1, b2, b3, b4] = percentilesInPlace(column, quantiles) as [number, number, number, number];
  return [b1, b2, b3, b4];
}

function checkFinite(value: number, what: string, record: CustomerRecord): void {
  if (!Number.isFinite(value)) {
    throw new GradingError('non-finite-value', `${what} of customer '${record.id}' (row ${record.sourceRow}) is not a finite number: ${value}`);
  }
}

/**
 * Passes 1 and 2 over flat columns. Both run chunk by chunk (ROWS_PER_CHUNK
 * rows a call), so V8 sees their loops called often and optimises them whole
 * during the first grading, instead of re-entering half-warm code next time.
 */
class RecordColumns {
  /** STATUS_* per customer (STATUS_SCORED here means "frequency >= 1 and a last purchase"). */
  readonly status: Uint8Array;
  /** Last purchase day of STATUS_SCORED customers; pass 2 turns it into recency days. */
  readonly lastOrRecency: Float64Array;
  /** The STATUS_SCORED customers' metrics, packed in row order (first `scoredCount` slots) for the breakpoints. */
  readonly packedRecency: Float64Array;
  readonly packedFrequency: Float64Array;
  readonly packedMonetary: Float64Array;
  /**
   * [0]: the latest last purchase over all records (for the `auto` as-of
   * date), -Infinity when none. A typed slot written inside the loop, because
   * a store after a hot loop has no type feedback yet when V8 compiles the loop.
   */
  readonly latestPurchase = new Float64Array([Number.NEGATIVE_INFINITY]);
  readonly overrides: OverrideResolver;

  constructor(n: number, tiers: readonly TierDefinition[]) {
    this.status = new Uint8Array(n);
    this.lastOrRecency = new Float64Array(n);
    this.packedRecency = new Float64Array(n);
    this.packedFrequency = new Float64Array(n);
    this.packedMonetary = new Float64Array(n);
    this.overrides = new OverrideResolver(tiers, n);
  }

  /**
   * Pass 1 over records[from..to): checks the metrics are finite (throws on
   * the first bad one, frequency before monetary), classifies each customer,
   * packs the scored customers' frequency and monetary, and resolves manual
   * tier overrides (overrides that name no tier go to `tierIssues`).
   * `scoredCount` customers were packed before; returns the new count.
   */
  readRows(records: readonly CustomerRecord[], from: number, to: number, scoredCount: number, tierIssues: Issue[]): number {
    const { status, lastOrRecency, packedFrequency, packedMonetary, overrides, latestPurchase } = this;
    let latest = latestPurchase[0] as number;
    for (let i = from; i < to; i++) {
      const record = records[i] as CustomerRecord;
      const frequency = record.frequency;
      const monetary = record.monetary;
      if (!Number.isFinite(frequency)) checkFinite(frequency, 'frequency', record);
      if (!Number.isFinite(monetary)) checkFinite(monetary, 'monetary', record);
      const last = record.lastPurchase;
      // A prospect (frequency < 1) keeps status STATUS_PROSPECT (0), even with a purchase date,
      // and that date does not move the auto as-of date: it is not a purchase.
      if (frequency >= 1) {
        if (last === null) {
          status[i] = STATUS_NO_LAST_PURCHASE;
        } else {
          if (last > latest) {
            latest = last;
            latestPurchase[0] = last;
          }
          status[i] = STATUS_SCORED;
          lastOrRecency[i] = last;
          packedFrequency[scoredCount] = frequency;
          packedMonetary[scoredCount] = monetary;
          scoredCount++;
        }
      }
      const override = record.tierOverride;
      if (override !== null) overrides.resolve(i, override, record.sourceRow, tierIssues);
    }
    return scoredCount;
  }

  /**
   * Pass 2 over rows [from..to) (typed arrays; a record is read only to word
   * an issue): recency days in place of the last purchase day, packed in the
   * same order as pass 1's columns, and the recency issues in row order.
   * `count` recency values were packed before; returns the new count.
   */
  recencyRows(records: readonly CustomerRecord[], asOf: DayNumber, from: number, to: number, count: number, issues: Issue[]): number {
    const { status, lastOrRecency, packedRecency } = this;
    for (let i = from; i < to; i++) {
      const s = status[i];
      if (s === STATUS_SCORED) {
        const last = lastOrRecency[i] as number;
        let days = asOf - last;
        if (days < 0) {
          issues.push(gradingIssue('purchase-after-as-of', 'warning', (records[i] as CustomerRecord).sourceRow, null, formatIsoDay(last as DayNumber)));
          days = 0;
        }
        lastOrRecency[i] = days;
        packedRecency[count++] = days;
      } else if (s === STATUS_NO_LAST_PURCHASE) {
        const record = records[i] as CustomerRecord;
        issues.push(gradingIssue('orders-without-last-purchase', 'warning', record.sourceRow, null, String(record.frequency)));
      }
    }
    return count;
  }
}

/** Manual tier overrides (GRADING.md §6 rule 1), matched by normalised name, each distinct text normalised once. */
class OverrideResolver {
  /** Tier index + 1 per customer, 0 for none; allocated at the first override. */
  tierPlusOne: Int32Array | null = null;
  private readonly names: Map<string, string>;
  private readonly indexOfKey = new Map<string, number>();
  private readonly cache = new Map<string, number>();

  constructor(
    tiers: readonly TierDefinition[],
    private readonly n: number,
  ) {
    this.names = tierNameIndex(tiers);
    tiers.forEach((tier, t) => {
      if (!this.indexOfKey.has(tier.key)) this.indexOfKey.set(tier.key, t);
    });
  }

  resolve(i: number, override: string, sourceRow: number, tierIssues: Issue[]): void {
    if (override.trim() === '') return; // a blank override is no override
    let tierPlusOne = this.cache.get(override);
    if (tierPlusOne === undefined) {
      const key = this.names.get(normalizeTierName(override));
      tierPlusOne = key === undefined ? 0 : (this.indexOfKey.get(key) as number) + 1;
      this.cache.set(override, tierPlusOne);
    }
    if (tierPlusOne === 0) tierIssues.push(gradingIssue('unknown-tier', 'warning', sourceRow, null, override));
    this.tierPlusOne ??= new Int32Array(this.n);
    this.tierPlusOne[i] = tierPlusOne;
  }
}

/** Offsets of the metrics in RowGrader.cuts: 4 breakpoints then their 4 "surely above" bounds. */
const CUTS_RECENCY = 0;
const CUTS_FREQUENCY = 8;
const CUTS_MONETARY = 16;

/**
 * bin(x) = 1 + #{k : x > b_k}, right-closed, `>` with the spreadsheet's
 * tolerance (`exceeds`). cuts[at..at+3] are b1..b4 and cuts[at+4..at+7] the
 * bounds above which x exceeds b_k for certain (see SURELY_ABOVE); between a
 * breakpoint and its bound the exact approxEqual test decides.
 */
function binOf4(x: number, cuts: Float64Array, at: number): number {
  const b1 = cuts[at] as number;
  const b2 = cuts[at + 1] as number;
  const b3 = cuts[at + 2] as number;
  const b4 = cuts[at + 3] as number;
  return (
    1 +
    (x > b1 && (x > (cuts[at + 4] as number) || !approxEqual(x, b1)) ? 1 : 0) +
    (x > b2 && (x > (cuts[at + 5] as number) || !approxEqual(x, b2)) ? 1 : 0) +
    (x > b3 && (x > (cuts[at + 6] as number) || !approxEqual(x, b3)) ? 1 : 0) +
    (x > b4 && (x > (cuts[at + 7] as number) || !approxEqual(x, b4)) ? 1 : 0)
  );
}

/** The rules of GRADING.md §4-§7 compiled once into tables, applied row by row (pass 3). */
class RowGrader {
  /** Breakpoints and bounds per metric, see binOf4. */
  private readonly cuts = new Float64Array(24);
  /** Segment by (R high ? 4 : 0) + (F high ? 2 : 0) + (M high ? 1 : 0). */
  private readonly segmentBySlot: (SegmentKey | null)[] = [null, null, null, null, null, null, null, null];
  /**
   * The first tier rule, other than `new` rules, that applies: by R+F+M
   * (0..15; only 3..15 occur) for scored customers, then for unscored
   * prospects (slot 16) and unscored non-prospects (slot 17).
   */
  private readonly baseTier = new Int32Array(18);
  /** The `new` rules in list order: their tier index and window in days. */
  private readonly newRuleTier: Int32Array;
  private readonly newRuleWithin: Float64Array;
  private readonly tierKeys: readonly string[];
  private readonly cut: number;
  private readonly churnedAfterDays: number;
  private readonly atRiskAfterDays: number;
  private readonly newWithinDays: number;

  constructor(
    settings: GradingSettings,
    breakpoints: Breakpoints | null,
    private readonly asOf: number,
    private readonly columns: RecordColumns,
  ) {
    if (breakpoints !== null) {
      const metrics = [breakpoints.recency, breakpoints.frequency, breakpoints.monetary];
      metrics.forEach((b, metric) => {
        for (let k = 0; k < 4; k++) {
          const value = b[k] as number;
          this.cuts[metric * 8 + k] = value;
          this.cuts[metric * 8 + 4 + k] = value + Math.abs(value) * SURELY_ABOVE;
        }
      });
    }
    for (const segment of settings.segments) {
      const slot = (segment.rHigh ? 4 : 0) + (segment.fHigh ? 2 : 0) + (segment.mHigh ? 1 : 0);
      if (this.segmentBySlot[slot] === null) this.segmentBySlot[slot] = segment.key;
    }
    const tiers = settings.tiers;
    this.tierKeys = tiers.map((t) => t.key);
    const firstApplying = (isProspect: boolean, sum: number | null): number => {
      const found = tiers.findIndex(
        ({ rule }) => rule.kind === 'fallback' || (rule.kind === 'prospect' && isProspect) || (rule.kind === 'score' && sum !== null && sum >= rule.minScore),
      );
      // validateSettings guarantees a fallback tier, so one always applies.
      return found;
    };
    for (let sum = 0; sum <= 15; sum++) this.baseTier[sum] = firstApplying(false, sum);
    this.baseTier[16] = firstApplying(true, null);
    this.baseTier[17] = firstApplying(false, null);
    const newRules = tiers.flatMap((t, index) => (t.rule.kind === 'new' ? [{ index, within: t.rule.withinDays }] : []));
    this.newRuleTier = Int32Array.from(newRules, (r) => r.index);
    this.newRuleWithin = Float64Array.from(newRules, (r) => r.within);
    this.cut = settings.highScoreCut;
    ({ churnedAfterDays: this.churnedAfterDays, atRiskAfterDays: this.atRiskAfterDays, newWithinDays: this.newWithinDays } = settings.lifecycle);
  }

  /** Grades records[from..to) into out[from..to). */
  gradeRows(records: readonly CustomerRecord[], out: GradedCustomer[], from: number, to: number): void {
    const { lastOrRecency, status } = this.columns;
    const overrideTier = this.columns.overrides.tierPlusOne;
    const { cuts, segmentBySlot, baseTier, newRuleTier, newRuleWithin, tierKeys, cut, asOf, churnedAfterDays, atRiskAfterDays, newWithinDays } = this;
    const newRuleCount = newRuleTier.length;
    for (let i = from; i < to; i++) {
      const record = records[i] as CustomerRecord;
      const s = status[i];
      const first = record.firstPurchase;
      const sinceFirst = first === null ? Number.NaN : asOf - first; // NaN compares false, as null does in GRADING.md §6-§7
      let recencyDays: number | null = null;
      let r: number | null = null;
      let f: number | null = null;
      let m: number | null = null;
      let segment: SegmentKey | null = null;
      let tier: number;
      let lifecycle: LifecycleKey;
      if (s === STATUS_SCORED) {
        const days = lastOrRecency[i] as number;
        const rs = 6 - binOf4(days, cuts, CUTS_RECENCY);
        const fs = binOf4(record.frequency, cuts, CUTS_FREQUENCY);
        const ms = binOf4(record.monetary, cuts, CUTS_MONETARY);
        recencyDays = days;
        r = rs;
        f = fs;
        m = ms;
        segment = segmentBySlot[(rs >= cut ? 4 : 0) + (fs >= cut ? 2 : 0) + (ms >= cut ? 1 : 0)] ?? null;
        tier = baseTier[rs + fs + ms] as number;
        if (days > churnedAfterDays) lifecycle = 'churned';
        else if (days > atRiskAfterDays) lifecycle = 'at-risk';
        else lifecycle = sinceFirst <= newWithinDays ? 'new' : 'active';
      } else if (s === STATUS_PROSPECT) {
        tier = baseTier[16] as number;
        lifecycle = 'potential';
      } else {
        tier = baseTier[17] as number;
        lifecycle = sinceFirst <= newWithinDays ? 'new' : 'active';
      }
      // A `new` rule listed before the rule found above applies first (tiers are tried in list order).
      for (let k = 0; k < newRuleCount; k++) {
        const newTier = newRuleTier[k] as number;
        if (newTier >= tier) break;
        if (sinceFirst <= (newRuleWithin[k] as number)) {
          tier = newTier;
          break;
        }
      }
      if (overrideTier !== null) {
        const manual = overrideTier[i] as number;
        if (manual !== 0) tier = manual - 1;
      }
      // An object literal (one fixed shape), not a class: V8 tracks a literal's allocation
      // site and, seeing every object survive, allocates them straight in the old
      // generation (measured: a class constructor is slower at 1M customers).
      out[i] = { record, recencyDays, r, f, m, segment, tier: tierKeys[tier] as string, lifecycle };
    }
  }
}

/** Grades every customer (GRADING.md §3-§7). Data problems are returned as issues; invalid settings throw GradingError. */
export function gradeCustomers(records: readonly CustomerRecord[], settings: GradingSettings, options: GradeOptions = {}): GradingResult {
  const problems = validateSettings(settings);
  if (problems.length > 0) {
    throw new GradingError('invalid-settings', `Grading settings are not valid: ${problems.map((p) => p.message.en).join(' ')}`);
  }
  const today = options.today ?? todayLocal();
  const n = records.length;
  const onProgress = options.onProgress;

  // Pass 1: records -> columns; the unknown-tier issues come after the recency issues of pass 2 (see the sort below).
  const tierIssues: Issue[] = [];
  const columns = new RecordColumns(n, settings.tiers);
  let scoredCount = 0;
  for (let from = 0; from < n; from += ROWS_PER_CHUNK) scoredCount = columns.readRows(records, from, Math.min(from + ROWS_PER_CHUNK, n), scoredCount, tierIssues);
  // The same as resolveAsOf(settings.asOf, records, today), from the maximum pass 1 already took.
  let asOf: DayNumber;
  if (settings.asOf.mode === 'auto') {
    const latest = columns.latestPurchase[0] as number;
    asOf = latest === Number.NEGATIVE_INFINITY ? today : ((latest + 1) as DayNumber);
  } else {
    asOf = resolveAsOf(settings.asOf, records, today);
  }

  // Pass 2: recency, and the breakpoints over the scored customers.
  const issues: Issue[] = [];
  for (let from = 0, packed = 0; from < n; from += ROWS_PER_CHUNK) packed = columns.recencyRows(records, asOf, from, Math.min(from + ROWS_PER_CHUNK, n), packed, issues);
  for (const issue of tierIssues) issues.push(issue);
  let breakpoints: Breakpoints | null = null;
  if (scoredCount > 0) {
    breakpoints = {
      recency: breakpointsOf(columns.packedRecency.subarray(0, scoredCount), settings.quantiles),
      frequency: breakpointsOf(columns.packedFrequency.subarray(0, scoredCount), settings.quantiles),
      monetary: breakpointsOf(columns.packedMonetary.subarray(0, scoredCount), settings.quantiles),
    };
  }

  // Pass 3: scores, segment, tier, lifecycle; one fixed-shape object per customer.
  const grader = new RowGrader(settings, breakpoints, asOf, columns);
  // One null stored first gives the array its final element kind (any value) before the
  // row loop stores objects: a first store that changes the kind would make V8 discard
  // the loop's optimised code on every call. (Cheaper than fill(null): one store, not n.)
  // Every slot, this one included, is overwritten below.
  const customers = new Array<GradedCustomer | null>(n) as GradedCustomer[];
  if (n > 0) (customers as (GradedCustomer | null)[])[0] = null;
  for (let from = 0; from < n; from += ROWS_PER_CHUNK) {
    const to = Math.min(from + ROWS_PER_CHUNK, n);
    grader.gradeRows(records, customers, from, to);
    if (onProgress !== undefined && to % PROGRESS_EVERY === 0) onProgress(to, n);
  }
  onProgress?.(n, n);

  // Issues in row order; the sort is stable, so within a row the recency issue stays before the tier issue.
  issues.sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
  return { asOf, breakpoints, customers, issues };
}
