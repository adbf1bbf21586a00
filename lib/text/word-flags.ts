// Folded word hashes (foldHash) mapped to a few flag bits, for the detector's per-word
// questions ("can a body start with this word?"). Asked for every capitalised word of a
// page, so it is an open-addressing table over typed arrays: a look-up is a few array
// reads where a Map or Set would hash the key again and chase a bucket.

export class WordFlags {
  private keys = new Int32Array(64).fill(-1);
  private flags = new Uint8Array(64);
  /** log2 of the table's size. */
  private bits = 6;
  private count = 0;

  /** Adds `flags` (bits of 1–128) to the word's. */
  add(key: number, flags: number): void {
    // At most half full, so probes stay short.
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = this.slot(key);
    for (;;) {
      const k = this.keys[i] as number;
      if (k === key) {
        this.flags[i] = (this.flags[i] as number) | flags;
        return;
      }
      if (k === -1) break;
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.flags[i] = flags;
    this.count++;
  }

  /** The word's flags; 0 for a word never added. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key) return this.flags[i] as number;
      if (k === -1) return 0;
    }
  }

  /** Where a key's probe starts: the high bits of a multiplicative hash. */
  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private grow(): void {
    const keys = this.keys;
    const flags = this.flags;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.flags = new Uint8Array(keys.length * 2);
    this.bits++;
    this.count = 0;
    for (let i = 0; i < keys.length; i++)
      if ((keys[i] as number) !== -1) this.add(keys[i] as number, flags[i] as number);
  }
}
