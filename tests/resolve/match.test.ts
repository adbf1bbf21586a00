// From what an article says to dataset entries: Party numbers restart every term.
import { describe, expect, it } from 'vitest';
import { type DocRef, sameIssuer } from '../../lib/detect/doc-ref.ts';
import { createDocumentIndex, matchDocument } from '../../lib/resolve/match.ts';
import { gazetteer } from '../fixtures/detect/gazetteer.ts';

const find = createDocumentIndex(gazetteer.documents);
const ref = (r: Partial<DocRef>): DocRef => ({
  docType: 'Nghị quyết',
  number: '18',
  symbol: null,
  year: null,
  issuer: null,
  date: null,
  subject: null,
  ...r,
});
const match = (r: Partial<DocRef>, date: string | null = '2023-06-01') =>
  matchDocument(ref(r), find(ref(r)), date);

describe('matchDocument', () => {
  it('names one entry when the date settles a restarted Party number', () => {
    expect(match({ symbol: 'NQ/TW', date: '2017-10-25' }).entity).toBe('d:18-NQ/TW@2017');
    expect(match({ symbol: 'NQ/TW', year: 2022 }).entity).toBe('d:18-NQ/TW@2022');
  });

  it('uses the Party term the text gives', () => {
    expect(match({ symbol: 'NQ/TW', term: 'XII' }).entity).toBe('d:18-NQ/TW@2017');
  });

  it('uses the subject the text gives', () => {
    expect(
      match({ symbol: 'NQ/TW', subject: 'về tiếp tục đổi mới, hoàn thiện thể chế, chính sách về đất đai' })
        .entity,
    ).toBe('d:18-NQ/TW@2022');
  });

  it('lists both, most recent before the article first, when nothing settles it', () => {
    const m = match({ symbol: 'NQ/TW' });
    expect(m.entity).toBeNull();
    expect(m.candidates).toEqual(['d:18-NQ/TW@2022', 'd:18-NQ/TW@2017']);
  });

  it('never offers a document issued after the article first', () => {
    expect(match({ symbol: 'NQ/TW' }, '2020-01-01').candidates[0]).toBe('d:18-NQ/TW@2017');
  });

  it('refuses an entry whose symbol or issuer contradicts the text', () => {
    expect(match({ number: '12', symbol: 'NQ/ĐUCA' }).candidates).toEqual([]);
    expect(match({ number: '12', issuer: 'Đảng ủy Công an Trung ương' }).candidates).toEqual([]);
  });

  it('matches State symbols and named laws', () => {
    expect(
      matchDocument(
        ref({ docType: 'Nghị định', number: '168', symbol: '2024/NĐ-CP' }),
        find(ref({ docType: 'Nghị định', number: '168' })),
        null,
      ).entity,
    ).toBe('d:168/2024/NĐ-CP');
    const land = ref({ docType: 'Luật', number: null, name: 'Luật Đất đai' });
    expect(matchDocument(land, find(land), '2025-01-01').candidates[0]).toBe('d:31/2024/QH15');
    const land2013 = { ...land, year: 2013 };
    expect(matchDocument(land2013, find(land2013), '2025-01-01').entity).toBe('d:45/2013/QH13');
  });
});

describe('matchDocument with a year for a symbol', () => {
  it('reads "Nghị định 168/2024" as number and year', () => {
    const r = ref({ docType: 'Nghị định', number: '168', symbol: '2024' });
    expect(matchDocument(r, find(r), null).entity).toBe('d:168/2024/NĐ-CP');
    const wrongYear = ref({ docType: 'Nghị định', number: '168', symbol: '2023' });
    expect(matchDocument(wrongYear, find(wrongYear), null).candidates).toEqual([]);
  });
});

describe('sameIssuer', () => {
  it.each([
    ['UBND tỉnh', 'Ủy ban nhân dân tỉnh', true],
    ['UBND TP. Hồ Chí Minh', 'Ủy ban nhân dân thành phố Hồ Chí Minh', true],
    ['Ban Chấp hành Trung ương', 'BCH TW', true],
    ['Bộ Chính trị', 'Ban Bí thư', false],
    ['UBND tỉnh', 'HĐND tỉnh', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameIssuer(a, b)).toBe(same);
  });
});
