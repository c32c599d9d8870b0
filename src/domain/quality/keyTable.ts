/**
 * An open-addressing hash table from normalised keys to the first customer
 * holding them, in typed arrays: the probable-duplicate search hashes up to
 * five keys per customer, and a JavaScript Map of fresh strings cost about
 * 0.6 µs per lookup there (bench/quality.ts), most of the checks' time. FNV-1a
 * over the UTF-16 code units; linear probing; sized once (no rehash).
 */
export class KeyTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;
  /** The key each customer index was inserted with (heads only are compared). */
  private readonly keys: (string | undefined)[];

  /** `capacity`: the most keys that will be inserted (the number of customers). */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Array<string | undefined>(capacity);
  }

  /** The first index inserted with `key`; when there is none, `index` becomes it and -1 is returned. */
  headOrInsert(key: string, index: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    let slot = hash & this.mask;
    for (;;) {
      const head = this.slots[slot]!;
      if (head === -1) {
        this.slots[slot] = index;
        this.hashes[slot] = hash;
        this.keys[index] = key;
        return -1;
      }
      if (this.hashes[slot] === hash && this.keys[head] === key) return head;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The key a head index was inserted with. */
  keyOf(head: number): string {
    return this.keys[head] ?? '';
  }
}
