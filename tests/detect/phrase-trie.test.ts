import { describe, expect, it } from 'vitest';
import { PhraseTrie } from '../../lib/detect/phrase-trie.ts';

function trie() {
  const t = new PhraseTrie<string>((p) => p);
  t.add('Bộ Công an', 'bca');
  t.add('BCA', 'bca', true);
  t.add('Bộ Công an Việt Nam', 'bca');
  t.add('Ủy ban Kiểm tra Trung ương', 'ubkt');
  t.add('Tô Lâm', 'to-lam');
  t.add('Lê Minh', 'le-minh');
  t.add('Lệ Minh', 'le-minh-2');
  return t;
}

const ids = (t: PhraseTrie<string>, text: string) =>
  t.matchAt(text, 0).map((m) => [text.slice(m.start, m.end), m.payloads]);

describe('PhraseTrie', () => {
  it('returns every listed phrase the text spells, longest first', () => {
    expect(ids(trie(), 'Bộ Công an Việt Nam thông báo')).toEqual([
      ['Bộ Công an Việt Nam', ['bca']],
      ['Bộ Công an', ['bca']],
    ]);
  });

  it('matches whatever the tone placement', () => {
    expect(ids(trie(), 'Uỷ ban Kiểm tra Trung ương')).toEqual([['Uỷ ban Kiểm tra Trung ương', ['ubkt']]]);
  });

  it('matches abbreviations letter for letter only', () => {
    expect(ids(trie(), 'BCA cho biết')).toEqual([['BCA', ['bca']]]);
    expect(ids(trie(), 'Bca cho biết')).toEqual([]);
  });

  it('accepts text without diacritics only where one entity owns the folded form', () => {
    expect(ids(trie(), 'To Lam')).toEqual([['To Lam', ['to-lam']]]);
    // "Le Minh" could be Lê Minh or Lệ Minh: no guess.
    expect(ids(trie(), 'Le Minh')).toEqual([]);
  });

  it('does not confuse syllables that differ in a vowel mark', () => {
    expect(ids(trie(), 'Lệ Minh')).toEqual([['Lệ Minh', ['le-minh-2']]]);
  });

  it('matches whatever the case, and tells the same syllables apart in capitals too', () => {
    expect(ids(trie(), 'BỘ CÔNG AN')).toEqual([['BỘ CÔNG AN', ['bca']]]);
    expect(ids(trie(), 'bộ công an')).toEqual([['bộ công an', ['bca']]]);
    expect(ids(trie(), 'LỆ MINH')).toEqual([['LỆ MINH', ['le-minh-2']]]);
    expect(ids(trie(), 'UỶ BAN KIỂM TRA TRUNG ƯƠNG')).toEqual([['UỶ BAN KIỂM TRA TRUNG ƯƠNG', ['ubkt']]]);
  });

  it('longestAt and matchesAt say what matchAt says', () => {
    const t = trie();
    for (const text of [
      'Bộ Công an Việt Nam',
      'Bộ Công',
      'BCA',
      'Bca',
      'Le Minh',
      'To Lam',
      'bộ công an',
      'Lệ Minh',
    ]) {
      const all = t.matchAt(text, 0);
      expect(t.longestAt(text, 0), text).toEqual(all[0]);
      expect(t.matchesAt(text, 0), text).toBe(all.length > 0);
    }
  });
});
