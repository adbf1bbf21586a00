import { describe, expect, it } from 'vitest';
import { foldHash } from '../../lib/text/chars.ts';
import { WordFlags } from '../../lib/text/word-flags.ts';

describe('WordFlags', () => {
  it('keeps each word’s flags, joined, through the table’s growth', () => {
    const table = new WordFlags();
    const expected = new Map<number, number>();
    let seed = 11;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x3fffffff;
      const key =
        i % 7 === 0 ? (expected.size > 0 ? ([...expected.keys()][i % expected.size] as number) : seed) : seed;
      const flags = 1 << (i % 4);
      table.add(key, flags);
      expected.set(key, (expected.get(key) ?? 0) | flags);
    }
    for (const [key, flags] of expected) expect(table.get(key)).toBe(flags);
    expect(table.get(foldHash('không có', 0, 8))).toBe(expected.get(foldHash('không có', 0, 8)) ?? 0);
  });

  it('says 0 for a word never added', () => {
    const table = new WordFlags();
    table.add(foldHash('Bộ', 0, 2), 1);
    expect(table.get(foldHash('Bộ', 0, 2))).toBe(1);
    expect(table.get(foldHash('bo', 0, 2))).toBe(1);
    expect(table.get(foldHash('Ban', 0, 3))).toBe(0);
  });
});
