// Recent card answers, so the same mention hovered twice (or on every page of a
// site: "Bộ Công an", "Tô Lâm") costs no database read. Answers belong to one
// dataset version: the first request that sees another version empties the cache.

export class AnswerCache<V> {
  private readonly max: number;
  private readonly map = new Map<string, V>();
  private version: number | null = null;

  constructor(max: number) {
    if (!(max > 0)) throw new RangeError('The cache needs room for at least one answer.');
    this.max = max;
  }

  /** Makes the cache answer for `version`, dropping everything if it held another. */
  useVersion(version: number): void {
    if (version !== this.version) {
      this.map.clear();
      this.version = version;
    }
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
