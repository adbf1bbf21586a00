import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../lib/text/normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['NBSP between type and number', 'Nghị định\u00a0168', 'Nghị định 168'],
    ['dash family in a symbol', '12‐NQ/TW 12–NQ/TW 12—NQ/TW 12−NQ/TW', '12-NQ/TW 12-NQ/TW 12-NQ/TW 12-NQ/TW'],
    ['fullwidth slash', '168／2024', '168/2024'],
    ['decomposed diacritics (NFD)', 'Nghi\u0323 quye\u0302\u0301t', 'Nghị quyết'],
    ['zero-width characters and soft hyphens', 'Tô\u200b Lâm Nghị\u00ad quyết\ufeff', 'Tô Lâm Nghị quyết'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps offsets back to the original when the length changed', () => {
    const src = 'x Nghi\u0323 quye\u0302\u0301t\u200b số 12 y';
    const n = normalizeText(src);
    const start = n.text.indexOf('Nghị');
    const end = n.text.indexOf('12') + 2;
    const s = n.startToOriginal(start);
    const e = n.endToOriginal(end);
    expect(
      src
        .slice(s, e)
        .normalize('NFC')
        .replace(/\u200b/g, ''),
    ).toBe('Nghị quyết số 12');
    expect(src.slice(e)).toBe(' y');
  });

  it('keeps offsets unchanged (no map) when nothing changes length', () => {
    const n = normalizeText('Nghị quyết\u00a012');
    expect(n.startToOriginal(5)).toBe(5);
    expect(n.endToOriginal(13)).toBe(13);
  });
});
