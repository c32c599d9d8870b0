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
import type { AsOfSetting, GradingSettings, TierDefinition, TierRule } from '../settings';
import type { Breakpoints, CustomerRecord, GradedCustomer, GradingResult, Issue, LifecycleKey, SegmentKey } from '../types';
import { GradingError } from './errors';
import { gradingIssue } from './messages';
import { exceeds, percentilesInPlace } from './percentile';
import { validateSettings } from './settingsValidation';

export interface GradeOptions {
  /** Today's date where the job runs (for the `today` as-of mode and `auto` with no purchase). Default: the local date. */
  readonly today?: DayNumber;
  /** Called now and then with the number of customers graded so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

const TIER_PROSPECT = 1;
const TIER_NEW = 2;
const TIER_SCORE = 3;
const TIER_FALLBACK = 4;
const TIER_KIND_CODES: Readonly<Record<TierRule['kind'], number>> = { prospect: TIER_PROSPECT, new: TIER_NEW, score: TIER_SCORE, fallback: TIER_FALLBACK };

/** How many customers between two progress reports. */
const PROGRESS_EVERY = 65_536;

/**
 * The as-of date (GRADING.md §3). `auto` is the day after the latest last
 * purchase date found in the records (any record that has one); with no
 * purchase date at all it is `today`.
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
        if (last !== null && last > latest) latest = last;
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

/** bin(x) = 1 + #{k : x > b_k}, right-closed (a value equal to a breakpoint stays in the lower bin). */
function bin(x: number, b: readonly [number, number, number, number]): number {
  return 1 + (exceeds(x, b[0]) ? 1 : 0) + (exceeds(x, b[1]) ? 1 : 0) + (exceeds(x, b[2]) ? 1 : 0) + (exceeds(x, b[3]) ? 1 : 0);
}

function checkFinite(value: number, what: string, record: CustomerRecord): void {
  if (!Number.isFinite(value)) {
    throw new GradingError('non-finite-value', `${what} of customer '${record.id}' (row ${record.sourceRow}) is not a finite number: ${value}`);
  }
}

/** Grades every customer (GRADING.md §3-§7). Data problems are returned as issues; invalid settings throw GradingError. */
export function gradeCustomers(records: readonly CustomerRecord[], settings: GradingSettings, options: GradeOptions = {}): GradingResult {
  const problems = validateSettings(settings);
  if (problems.length > 0) {
    throw new GradingError('invalid-settings', `Grading settings are not valid: ${problems.map((p) => p.message.en).join(' ')}`);
  }
  const today = options.today ?? todayLocal();
  const asOf = resolveAsOf(settings.asOf, records, today);
  const n = records.length;
  const onProgress = options.onProgress;
  const issues: Issue[] = [];

  // Pass 1: recency days, and which customers are scored. recency[i] is NaN when unknown (prospect).
  const recency = new Float64Array(n);
  const scored = new Uint8Array(n);
  let scoredCount = 0;
  for (let i = 0; i < n; i++) {
    const record = records[i] as CustomerRecord;
    checkFinite(record.frequency, 'frequency', record);
    checkFinite(record.monetary, 'monetary', record);
    recency[i] = Number.NaN;
    if (!(record.frequency >= 1)) continue; // a prospect: not scored, even with a purchase date
    const last = record.lastPurchase;
    if (last === null) {
      issues.push(gradingIssue('orders-without-last-purchase', 'warning', record.sourceRow, null, String(record.frequency)));
      continue;
    }
    let days = asOf - last;
    if (days < 0) {
      issues.push(gradingIssue('purchase-after-as-of', 'warning', record.sourceRow, null, formatIsoDay(last)));
      days = 0;
    }
    recency[i] = days;
    scored[i] = 1;
    scoredCount++;
  }

  // Breakpoints over the scored customers.
  let breakpoints: Breakpoints | null = null;
  if (scoredCount > 0) {
    const recencyValues = new Float64Array(scoredCount);
    const frequencyValues = new Float64Array(scoredCount);
    const monetaryValues = new Float64Array(scoredCount);
    for (let i = 0, j = 0; i < n; i++) {
      if (scored[i] !== 1) continue;
      const record = records[i] as CustomerRecord;
      recencyValues[j] = recency[i] as number;
      frequencyValues[j] = record.frequency;
      monetaryValues[j] = record.monetary;
      j++;
    }
    breakpoints = {
      recency: breakpointsOf(recencyValues, settings.quantiles),
      frequency: breakpointsOf(frequencyValues, settings.quantiles),
      monetary: breakpointsOf(monetaryValues, settings.quantiles),
    };
  }

  // Segment map as a table indexed by (R high, F high, M high) bits.
  const segmentTable: (SegmentKey | null)[] = [null, null, null, null, null, null, null, null];
  for (const segment of settings.segments) {
    const slot = (segment.rHigh ? 4 : 0) + (segment.fHigh ? 2 : 0) + (segment.mHigh ? 1 : 0);
    if (segmentTable[slot] === null) segmentTable[slot] = segment.key;
  }
  const cut = settings.highScoreCut;
  const tiers = settings.tiers;
  const tierNames = tierNameIndex(tiers);
  // The tier rules as flat columns: the loop below runs once per customer.
  const tierCount = tiers.length;
  const tierKeys = tiers.map((t) => t.key);
  const tierKinds = Uint8Array.from(tiers, (t) => TIER_KIND_CODES[t.rule.kind]);
  const tierThresholds = Float64Array.from(tiers, (t) => (t.rule.kind === 'new' ? t.rule.withinDays : t.rule.kind === 'score' ? t.rule.minScore : 0));
  const overrideCache = new Map<string, string | null>();
  const { churnedAfterDays, atRiskAfterDays, newWithinDays } = settings.lifecycle;

  // Pass 2: scores, segment, tier, lifecycle.
  const customers: GradedCustomer[] = new Array<GradedCustomer>(n);
  for (let i = 0; i < n; i++) {
    const record = records[i] as CustomerRecord;
    const isScored = scored[i] === 1;
    const isProspect = !(record.frequency >= 1);
    let r: number | null = null;
    let f: number | null = null;
    let m: number | null = null;
    let segment: SegmentKey | null = null;
    const recencyDays = isScored ? (recency[i] as number) : null;
    if (isScored && breakpoints !== null) {
      r = 6 - bin(recencyDays as number, breakpoints.recency);
      f = bin(record.frequency, breakpoints.frequency);
      m = bin(record.monetary, breakpoints.monetary);
      segment = segmentTable[(r >= cut ? 4 : 0) + (f >= cut ? 2 : 0) + (m >= cut ? 1 : 0)] ?? null;
    }
    const first = record.firstPurchase;
    const sinceFirst = first === null ? null : asOf - first;

    // Tier: a manual override that names a tier comes first.
    let tier: string | null = null;
    const override = record.tierOverride;
    if (override !== null && override.trim() !== '') {
      let match = overrideCache.get(override);
      if (match === undefined) {
        match = tierNames.get(normalizeTierName(override)) ?? null;
        overrideCache.set(override, match);
      }
      if (match === null) issues.push(gradingIssue('unknown-tier', 'warning', record.sourceRow, null, override));
      tier = match;
    }
    if (tier === null) {
      for (let t = 0; t < tierCount; t++) {
        const kind = tierKinds[t];
        const threshold = tierThresholds[t] as number;
        const applies =
          kind === TIER_FALLBACK ||
          (kind === TIER_PROSPECT && isProspect) ||
          (kind === TIER_NEW && sinceFirst !== null && sinceFirst <= threshold) ||
          (kind === TIER_SCORE && r !== null && f !== null && m !== null && r + f + m >= threshold);
        if (applies) {
          tier = tierKeys[t] as string;
          break;
        }
      }
    }

    let lifecycle: LifecycleKey;
    if (isProspect) lifecycle = 'potential';
    else if (recencyDays !== null && recencyDays > churnedAfterDays) lifecycle = 'churned';
    else if (recencyDays !== null && recencyDays > atRiskAfterDays) lifecycle = 'at-risk';
    else if (sinceFirst !== null && sinceFirst <= newWithinDays) lifecycle = 'new';
    else lifecycle = 'active';

    customers[i] = {
      record,
      recencyDays,
      r,
      f,
      m,
      segment,
      // validateSettings guarantees a last fallback tier, so a tier was found.
      tier: tier as string,
      lifecycle,
    };
    if (onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, n);
  }
  onProgress?.(n, n);

  // Issues in row order (a stable sort keeps a row's recency issue before its tier issue).
  issues.sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
  return { asOf, breakpoints, customers, issues };
}
