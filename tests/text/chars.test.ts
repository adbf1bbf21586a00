import { describe, expect, it } from 'vitest';
import { foldHash, foldWord, isPlainAscii, toneKey } from '../../lib/text/chars.ts';

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
