// Short forms bind to the one compatible citation of the article, or say they are ambiguous.
import { describe, expect, it } from 'vitest';
import type { DocRef } from '../../lib/detect/doc-ref.ts';
import { resolveInArticle } from '../../lib/resolve/in-article.ts';

const ref = (r: Partial<DocRef>): DocRef => ({
  docType: 'Nghị quyết',
  number: '12',
  symbol: null,
  year: null,
  issuer: null,
  date: null,
  subject: null,
  ...r,
});
const strong = (r: Partial<DocRef>) => ({ ref: ref(r), weak: false });

describe('resolveInArticle', () => {
  it('binds a short form to the full citation before it', () => {
    const [, short] = resolveInArticle([
      strong({ symbol: 'NQ/TW', date: '2022-03-16', year: 2022, issuer: 'Bộ Chính trị' }),
      strong({}),
    ]);
    expect(short?.ref).toMatchObject({
      symbol: 'NQ/TW',
      year: 2022,
      issuer: 'Bộ Chính trị',
      date: '2022-03-16',
    });
    expect(short?.ambiguous).toBe(false);
  });

  it('binds a short form to the full citation after it', () => {
    const [short] = resolveInArticle([strong({}), strong({ symbol: 'NQ/TW', year: 2022 })]);
    expect(short?.ref).toMatchObject({ symbol: 'NQ/TW', year: 2022 });
  });

  it('completes the symbol a central Party issuer fixes', () => {
    const [r] = resolveInArticle([strong({ docType: 'Quy định', number: '58', issuer: 'Bộ Chính trị' })]);
    expect(r?.ref.symbol).toBe('QĐ/TW');
  });

  it('keeps look-alikes apart and calls the bare short form ambiguous', () => {
    const out = resolveInArticle([
      strong({ issuer: 'Bộ Chính trị' }),
      strong({ symbol: 'NQ/ĐUCA' }),
      strong({}),
      strong({ issuer: 'Bộ Chính trị' }),
    ]);
    expect(out[0]?.ref.symbol).toBe('NQ/TW');
    expect(out[1]?.ref.symbol).toBe('NQ/ĐUCA');
    expect(out[2]?.ambiguous).toBe(true);
    expect(out[2]?.ref).toMatchObject({ symbol: null, issuer: null, year: null });
    expect(out[2]?.alternatives.map((a) => a.symbol)).toEqual(['NQ/TW', 'NQ/ĐUCA']);
    expect(out[3]?.ref.symbol).toBe('NQ/TW');
  });

  it('does not bind across types (Kết luận 21 is not Nghị quyết 21)', () => {
    const out = resolveInArticle([
      strong({ docType: 'Kết luận', number: '21', symbol: 'KL/TW' }),
      strong({ number: '21' }),
    ]);
    expect(out[1]?.ref.symbol).toBeNull();
  });

  it('keeps citations of different years apart', () => {
    const out = resolveInArticle([
      strong({ symbol: 'NQ/TW', year: 2017 }),
      strong({ symbol: 'NQ/TW', year: 2022 }),
      strong({ year: 2022 }),
    ]);
    expect(out[2]?.ref.year).toBe(2022);
    expect(out[2]?.ambiguous).toBe(false);
  });

  it('drops a weak mention with nothing to bind to, keeps one that binds', () => {
    expect(resolveInArticle([{ ref: ref({}), weak: true }])[0]?.keep).toBe(false);
    const out = resolveInArticle([{ ref: ref({}), weak: true }, strong({ symbol: 'NQ/TW' })]);
    expect(out[0]?.keep).toBe(true);
    expect(out[0]?.ref.symbol).toBe('NQ/TW');
  });
});
