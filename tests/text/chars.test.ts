import { describe, expect, it } from 'vitest';
import {
  foldHash,
  foldWord,
  isPlainAscii,
  isSpaceCode,
  LOWER_CODE,
  TABLE_SIZE,
  toneKey,
} from '../../lib/text/chars.ts';

describe('tone placement and folding', () => {
  it.each([
    ['hoà', 'hòa'],
    ['uỷ', 'ủy'],
    ['thuỷ', 'thủy'],
    ['Khoá', 'khóa'],
    ['Uỷ', 'ủy'],
  ])('%s and %s are one syllable', (a, b) => {
    expect(toneKey(a)).toBe(toneKey(b));
    expect(foldHash(a, 0, a.length)).toBe(foldHash(b, 0, b.length));
  });

  it.each([
    ['Lê', 'Lệ'],
    ['Mai', 'Mại'],
    ['an', 'ân'],
  ])('%s and %s stay different syllables', (a, b) => {
    expect(toneKey(a)).not.toBe(toneKey(b));
  });

  it('folds away every diacritic and đ', () => {
    expect(foldWord('Đảng')).toBe('dang');
    expect(foldHash('Đảng', 0, 4)).toBe(foldHash('dang', 0, 4));
    expect(isPlainAscii('To Lam')).toBe(true);
    expect(isPlainAscii('Tô Lâm')).toBe(false);
  });
});

describe('per-character tables', () => {
  it('isSpaceCode is what \\s matches', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it("LOWER_CODE is a character's lower case wherever that is one code unit of its own", () => {
    for (let c = 1; c < TABLE_SIZE; c++) {
      const l = LOWER_CODE[c] as number;
      if (l !== 0) expect(String.fromCharCode(c).toLowerCase()).toBe(String.fromCharCode(l));
    }
    // Σ lower-cases by its place in the word; İ to two code units.
    expect(LOWER_CODE[0x3a3]).toBe(0);
    expect(LOWER_CODE[0x130]).toBe(0);
  });
});
