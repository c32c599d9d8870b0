/**
 * A map from (x, tx, T) triples of whole numbers in [0, 2^31) to a slot
 * number, by open addressing over typed arrays: no per-entry allocation and
 * no boxed number keys (a Map of 1M numeric keys was most of the prediction
 * time). The caller chooses each new triple's slot.
 */
export class TripleCache {
  private keys = new Int32Array(0);
  private slots = new Int32Array(0);
  private mask = 0;
  size = 0;

  constructor(expected: number) {
    this.allocate(Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, expected) * 2))));
  }

  /** Whether a triple can be a key here. */
  static accepts(x: number, tx: number, T: number): boolean {
    return Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(T) && x >= 0 && tx >= 0 && T >= 0 && x < 2 ** 31 && tx < 2 ** 31 && T < 2 ** 31;
  }

  /** The triple's slot, or -1 after registering it with `newSlot` (>= 0). */
  lookupOrAdd(x: number, tx: number, T: number, newSlot: number): number {
    if (2 * (this.size + 1) > this.slots.length) this.rehash();
    const mask = this.mask;
    const keys = this.keys;
    // Combine, then murmur3's fmix32 so every input bit reaches the low bits the mask keeps.
    let h = Math.imul(Math.imul(x, 0x9e3779b1) ^ tx, 0x85ebca77) ^ T;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let at = h & mask;
    for (;;) {
      const slot = this.slots[at] as number;
      if (slot < 0) {
        keys[3 * at] = x;
        keys[3 * at + 1] = tx;
        keys[3 * at + 2] = T;
        this.slots[at] = newSlot;
        this.size++;
        return -1;
      }
      if (keys[3 * at] === x && keys[3 * at + 1] === tx && keys[3 * at + 2] === T) return slot;
      at = (at + 1) & mask;
    }
  }

  private allocate(capacity: number): void {
    this.keys = new Int32Array(3 * capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.allocate(oldSlots.length * 2);
    this.size = 0;
    for (let i = 0; i < oldSlots.length; i++) {
      const slot = oldSlots[i] as number;
      if (slot >= 0) this.lookupOrAdd(oldKeys[3 * i] as number, oldKeys[3 * i + 1] as number, oldKeys[3 * i + 2] as number, slot);
    }
  }
}
