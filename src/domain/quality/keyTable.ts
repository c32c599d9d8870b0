/**
 * An open-addressing hash table from normalised keys to the first customer
 * holding them, in typed arrays: the probable-duplicate search hashes up to
 * five keys per customer, and a JavaScript Map of fresh strings cost about
 * 0.6 µs per lookup there (bench/quality.ts), most of the checks' time. FNV-1a
 * over the UTF-16 code units; linear probing; sized once (no rehash).
 */
export class KeyTable {
  /** Per slot, interleaved: [2s] the head index (-1: empty), [2s+1] its key's hash (one cache line per probe, not two). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The key each customer index was inserted with (heads only are compared). */
  private readonly keys: (string | undefined)[];
  /** A pair key's second part (headOrInsertPair), by customer index. */
  private seconds: (string | undefined)[] | undefined;

  /** `capacity`: the most keys that will be inserted (the number of customers). */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
    this.keys = new Array<string | undefined>(capacity);
  }

  /** The first index inserted with `key`; when there is none, `index` becomes it and -1 is returned. */
  headOrInsert(key: string, index: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    let slot = hash & this.mask;
    for (;;) {
      const head = this.slots[slot * 2]!;
      if (head === -1) {
        this.slots[slot * 2] = index;
        this.slots[slot * 2 + 1] = hash;
        this.keys[index] = key;
        return -1;
      }
      if (this.slots[slot * 2 + 1] === hash && this.keys[head] === key) return head;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * headOrInsert for the key `first` + U+0000 + `second`, without building that string (name and
   * region: a concatenation per customer, flattened again to hash it, was a tenth of the checks' time).
   * Use one kind of key per table.
   */
  headOrInsertPair(first: string, second: string, index: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < first.length; i++) hash = Math.imul(hash ^ first.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash, 0x01000193);
    for (let i = 0; i < second.length; i++) hash = Math.imul(hash ^ second.charCodeAt(i), 0x01000193);
    const seconds = (this.seconds ??= new Array<string | undefined>(this.keys.length));
    let slot = hash & this.mask;
    for (;;) {
      const head = this.slots[slot * 2]!;
      if (head === -1) {
        this.slots[slot * 2] = index;
        this.slots[slot * 2 + 1] = hash;
        this.keys[index] = first;
        seconds[index] = second;
        return -1;
      }
      if (this.slots[slot * 2 + 1] === hash && this.keys[head] === first && seconds[head] === second) return head;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The key a head index was inserted with (a pair's two parts joined by U+0000). */
  keyOf(head: number): string {
    const first = this.keys[head] ?? '';
    return this.seconds === undefined ? first : `${first}\u0000${this.seconds[head] ?? ''}`;
  }
}
