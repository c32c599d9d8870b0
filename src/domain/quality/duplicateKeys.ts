/**
 * The probable-duplicate search of one key kind (mobile, email, USCC,
 * resident ID, name + region): customers are linked into chains of those
 * sharing a normalised key, in customer order, by an open-addressing hash
 * table in typed arrays. Linear in the customers; no pair is compared.
 *
 * Layout, chosen for speed at 100k customers (bench/quality.ts): each
 * slot holds two int32s, [head + 1 (0: empty), hash], sized once at 1.25
 * slots per customer or more, rounded up to a power of two (no rehash): at
 * 100k customers 131,072 slots of 8 bytes, a table that stays in cache. (Four
 * int32s per slot at twice the size, 4 MB, measured ~15% slower for the whole
 * checks.) A key's text or number is only compared when its full 32-bit hash
 * matches; a chain's last member and count are kept by head in the link's
 * working memory, read only when a key repeats.
 */

/** FNV-1a over the UTF-16 code units. */
export function textHash(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** textHash of the text with ASCII A-Z folded to a-z (emails compare case-folded). */
export function foldedTextHash(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
  }
  return hash;
}

/** textHash of `first` + U+0000 + `second`, without building that string. */
export function pairHash(first: string, second: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < first.length; i++) hash = Math.imul(hash ^ first.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash, 0x01000193);
  for (let i = 0; i < second.length; i++) hash = Math.imul(hash ^ second.charCodeAt(i), 0x01000193);
  return hash;
}

/** A non-negative integer below 2^53 mixed to 32 bits (murmur3's finaliser over its two halves). */
export function numberHash(value: number): number {
  let hash = (value >>> 0) ^ Math.imul(Math.floor(value / 4294967296), 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** True when the two texts are equal with ASCII A-Z folded to a-z. */
export function foldedEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

const SLOT = 2;
/** Slots per customer, at least (rounded up to a power of two): load 0.4-0.8; a smaller table stays in cache. */
const LOAD = 1.25;

/** first[i] of a customer whose key is recorded and not yet linked. */
const RECORDED = -2;

/** Working memory of DuplicateKeys.link, for up to `capacity` customers. */
export interface LinkScratch {
  readonly slots: Int32Array;
  readonly lastOf: Int32Array;
  readonly countOf: Int32Array;
}

export function newLinkScratch(capacity: number): LinkScratch {
  let size = 16;
  while (size < capacity * LOAD) size *= 2;
  return { slots: new Int32Array(size * SLOT), lastOf: new Int32Array(capacity), countOf: new Int32Array(capacity) };
}

/** How a kind's keys compare: exactly, with ASCII case folded (emails), as a pair of texts (name + region), as numbers (mobiles). */
export type KeyComparison = 'text' | 'folded' | 'pair' | 'number';

/**
 * One key kind's keys, recorded per customer as the checks read them
 * (sequential writes), then linked by `link` in one pass over this kind
 * alone: with only one table in use at a time it stays in cache (linking
 * all five kinds customer by customer, five tables in use at once, measured
 * 127 ms for the whole checks against 85 ms).
 */
export class DuplicateKeys {
  /** After `link`: the first customer holding i's key (i itself when i starts the chain), -1 when i has no key. */
  readonly first: Int32Array;
  /** The next customer with i's key, -1 at the chain's end. */
  readonly next: Int32Array;
  /** i's position in its chain (0 = the first). */
  readonly rank: Int32Array;
  private readonly comparison: KeyComparison;
  private readonly capacity: number;
  /** By customer: its key's hash (first[i] is RECORDED once a key is recorded, until linked); released by `link`. */
  private hashes: Int32Array;
  /** By customer: the key's text (a pair's first part). */
  private readonly texts: (string | undefined)[];
  /** By customer: a pair key's second part. */
  private readonly seconds: (string | undefined)[];
  /** By customer: the numeric key. */
  private readonly numbers: Float64Array;
  /** The heads of chains of two or more members, in slot order (after `link`). */
  private repeatedHeads: Int32Array = new Int32Array(0);
  private linked = false;

  /** `capacity`: the number of customers (at most one key each). */
  constructor(capacity: number, comparison: KeyComparison) {
    this.capacity = capacity;
    this.comparison = comparison;
    this.hashes = new Int32Array(capacity);
    this.texts = comparison === 'number' ? [] : new Array<string | undefined>(capacity);
    this.seconds = comparison === 'pair' ? new Array<string | undefined>(capacity) : [];
    this.numbers = new Float64Array(comparison === 'number' ? capacity : 0);
    this.first = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(capacity).fill(-1);
    this.rank = new Int32Array(capacity);
  }

  /** Records customer `index`'s text key ('text': hash = textHash(key); 'folded': foldedTextHash(key)). */
  setText(index: number, key: string, hash: number): void {
    if (this.linked) throw new Error('internal: a key recorded after linking');
    this.texts[index] = key;
    this.hashes[index] = hash;
    this.first[index] = RECORDED;
  }

  /** Records customer `index`'s key `first` + U+0000 + `second` ('pair'; hash = pairHash(first, second)). */
  setPair(index: number, first: string, second: string, hash: number): void {
    if (this.linked) throw new Error('internal: a key recorded after linking');
    this.texts[index] = first;
    this.seconds[index] = second;
    this.hashes[index] = hash;
    this.first[index] = RECORDED;
  }

  /** Records customer `index`'s numeric key ('number'; a non-negative integer below 2^53). */
  setNumber(index: number, value: number): void {
    if (this.linked) throw new Error('internal: a key recorded after linking');
    this.numbers[index] = value;
    this.hashes[index] = numberHash(value);
    this.first[index] = RECORDED;
  }

  private equal(head: number, index: number): boolean {
    switch (this.comparison) {
      case 'text':
        return this.texts[head] === this.texts[index];
      case 'folded':
        return foldedEquals(this.texts[head]!, this.texts[index]!);
      case 'pair':
        return this.texts[head] === this.texts[index] && this.seconds[head] === this.seconds[index];
      case 'number':
        return this.numbers[head] === this.numbers[index];
    }
  }

  /**
   * Links the recorded customers into chains, in customer order. Once. `scratch` is working memory
   * (newLinkScratch(capacity)), reused by the kinds one after another: fewer large allocations, fewer
   * garbage collections.
   */
  link(scratch: LinkScratch): void {
    if (this.linked) throw new Error('internal: duplicate keys linked twice');
    if (scratch.lastOf.length < this.capacity) throw new Error('internal: link scratch too small');
    this.linked = true;
    const { slots, lastOf, countOf } = scratch;
    slots.fill(0);
    const mask = slots.length / SLOT - 1;
    const { hashes, first, next, rank } = this;
    const repeated: number[] = [];
    for (let index = 0; index < this.capacity; index++) {
      if (first[index] !== RECORDED) continue;
      const hash = hashes[index]!;
      let slot = hash & mask;
      for (;;) {
        const base = slot * SLOT;
        const headPlusOne = slots[base]!;
        if (headPlusOne === 0) {
          slots[base] = index + 1;
          slots[base + 1] = hash;
          first[index] = index;
          lastOf[index] = index;
          countOf[index] = 1;
          break;
        }
        const head = headPlusOne - 1;
        if (slots[base + 1] === hash && this.equal(head, index)) {
          const count = countOf[head]!;
          if (count === 1) repeated.push(head);
          first[index] = head;
          rank[index] = count;
          next[lastOf[head]!] = index;
          lastOf[head] = index;
          countOf[head] = count + 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    this.repeatedHeads = Int32Array.from(repeated);
    // Only the chains and keys are read after linking (a result keeps them for its duplicate groups).
    this.hashes = new Int32Array(0);
  }

  /**
   * The heads of the chains whose members carry two or more different IDs
   * (`idOf`: a customer's ID; one ID listed twice is the import's duplicate
   * customer ID, not a probable duplicate), ascending.
   */
  groupHeads(idOf: (index: number) => string): Int32Array {
    if (!this.linked) throw new Error('internal: duplicate keys not linked');
    const heads: number[] = [];
    for (let h = 0; h < this.repeatedHeads.length; h++) {
      const head = this.repeatedHeads[h]!;
      const headId = idOf(head);
      for (let i = this.next[head]!; i !== -1; i = this.next[i]!) {
        if (idOf(i) !== headId) {
          heads.push(head);
          break;
        }
      }
    }
    return Int32Array.from(heads).sort();
  }

  /** A head's key text (a pair's two parts joined by U+0000); a numeric key as its digits. */
  keyText(head: number): string {
    if (this.comparison === 'number') return String(this.numbers[head]);
    const first = this.texts[head] ?? '';
    return this.comparison !== 'pair' ? first : `${first}\u0000${this.seconds[head] ?? ''}`;
  }

  /** The IDs of a chain's members, each once, in customer order. */
  chainIds(head: number, idOf: (index: number) => string): string[] {
    const ids: string[] = [];
    // Few members: a linear search beats hashing; a big group (5,000 namesakes) gets a Set.
    let seen: Set<string> | null = null;
    for (let i = head; i !== -1; i = this.next[i]!) {
      const id = idOf(i);
      if (seen === null ? ids.includes(id) : seen.has(id)) continue;
      ids.push(id);
      if (seen === null && ids.length > 16) seen = new Set(ids);
      else seen?.add(id);
    }
    return ids;
  }
}
