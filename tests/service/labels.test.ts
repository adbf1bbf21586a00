import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../lib/dataset/schema.ts';
import { citedName, documentHeading } from '../../lib/service/labels.ts';

const entry = (over: Partial<DocumentEntry>) => ({ type: 'Nghị quyết', ...over }) as DocumentEntry;

describe('document names', () => {
  it('cite the type and the symbol the Vietnamese way', () => {
    expect(citedName('Quy định', '58-QĐ/TW')).toBe('Quy định số 58-QĐ/TW');
  });

  it('prefer the symbol, then the number, then the title', () => {
    expect(documentHeading(entry({ symbol: '12-NQ/TW', number: '12', title: 'Về …' }))).toBe(
      'Nghị quyết số 12-NQ/TW',
    );
    expect(documentHeading(entry({ symbol: null, number: '12', title: 'Về …' }))).toBe('Nghị quyết số 12');
    expect(documentHeading(entry({ symbol: null, number: null, title: 'Về tiếp tục đổi mới' }))).toBe(
      'Về tiếp tục đổi mới',
    );
    expect(documentHeading(entry({ symbol: null, number: null, title: null }))).toBe('Nghị quyết');
  });
});
