import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../lib/dataset/schema.ts';
import { citationOf, citationOfRef } from '../../lib/format/citation.ts';

const doc = (over: Partial<DocumentEntry>): DocumentEntry => ({
  id: 'doc:x',
  type: 'Nghị quyết',
  number: '12',
  symbol: '12-NQ/TW',
  issuers: ['Bộ Chính trị'],
  signer: null,
  issuedDate: '2022-03-16',
  effectiveDate: null,
  status: 'unknown',
  statusDate: null,
  title: 'về đẩy mạnh xây dựng lực lượng Công an nhân dân',
  summary: null,
  aliases: [],
  relations: [],
  sources: [{ url: 'https://example.vn/' }],
  ...over,
});

describe('citationOf', () => {
  it.each([
    [
      'Party resolution with its subject',
      doc({}),
      'Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng Công an nhân dân',
    ],
    [
      'a law is cited by its name, without the year the symbol carries',
      doc({
        type: 'Luật',
        number: '31',
        symbol: '31/2024/QH15',
        issuers: ['Quốc hội'],
        issuedDate: '2024-01-18',
        title: 'Luật Đất đai 2024',
      }),
      'Luật Đất đai số 31/2024/QH15 ngày 18/1/2024 của Quốc hội',
    ],
    [
      'capitalised title stands apart',
      doc({
        type: 'Hướng dẫn',
        symbol: '03-HD/TW',
        title: 'Một số vấn đề cụ thể',
        issuers: ['Ban Bí thư'],
        issuedDate: null,
      }),
      'Hướng dẫn số 03-HD/TW của Ban Bí thư, Một số vấn đề cụ thể',
    ],
    [
      'no symbol: the number; no issuer, no title',
      doc({ type: 'Đề án', number: '06', symbol: null, issuers: [], issuedDate: null, title: null }),
      'Đề án số 06',
    ],
  ])('%s', (_, entry, want) => {
    expect(citationOf(entry)).toBe(want);
  });
});

describe('citationOfRef', () => {
  it.each([
    [
      'full citation from a page',
      {
        docType: 'Nghị định',
        number: '77',
        symbol: '2025/NĐ-CP',
        year: 2025,
        issuer: 'Chính phủ',
        date: '2025-04-01',
        subject: 'về quản lý',
      },
      'Nghị định 77/2025/NĐ-CP',
      'Nghị định số 77/2025/NĐ-CP ngày 1/4/2025 của Chính phủ về quản lý',
    ],
    [
      'Party symbol joined with a dash',
      {
        docType: 'Nghị quyết',
        number: '99',
        symbol: 'NQ/TU',
        year: null,
        issuer: 'Tỉnh ủy Nghệ An',
        date: null,
      },
      'NQ 99',
      'Nghị quyết số 99-NQ/TU của Tỉnh ủy Nghệ An',
    ],
    [
      'a bare short form is copied as the page has it',
      { docType: 'Nghị định', number: null, symbol: null, year: null, issuer: null, date: null },
      'Nghị định này',
      'Nghị định này',
    ],
  ])('%s', (_, ref, text, want) => {
    expect(citationOfRef(ref, text)).toBe(want);
  });
});
