import { describe, expect, it } from 'vitest';
import { symbolKey } from '../../lib/dataset/keys.ts';
import {
  type LearnedRow,
  learnable,
  learnableRefs,
  learnInputOf,
  MAX_LEARN_PER_PAGE,
  pageKey,
  withLearned,
  withoutPage,
} from '../../lib/learned/learned-cards.ts';
import type { CardData, DocRefQuery, LookupQuery } from '../../lib/protocol.ts';

const ref = (over: Partial<DocRefQuery>): DocRefQuery => ({
  docType: 'Nghị định',
  number: '77',
  symbol: null,
  year: null,
  issuer: null,
  date: null,
  ...over,
});

const row = (over: Partial<LearnedRow>): LearnedRow => ({
  symbolKey: symbolKey('77/2025/NĐ-CP'),
  symbol: '77/2025/NĐ-CP',
  docType: 'Nghị định',
  number: '77',
  issuer: 'Chính phủ',
  issuedDate: '2025-04-01',
  subject: 'về quản lý thử nghiệm',
  pages: [{ url: 'https://a.example/bai-1', seen: '2025-04-03' }],
  ...over,
});

function source(rows: LearnedRow[]) {
  return {
    bySymbol: async (k: string) => rows.filter((r) => r.symbolKey === k),
    all: async () => rows,
  };
}

const query = (r: DocRefQuery, text = 'Nghị định 77'): LookupQuery => ({ kind: 'document', ref: r, text });
const none: CardData = { kind: 'none', text: 'Nghị định 77' };

describe('learnable: only full citations are remembered', () => {
  it.each([
    ['number, symbol and date', ref({ symbol: '2025/NĐ-CP', date: '2025-04-01' }), true],
    ['number, symbol and issuer', ref({ symbol: '2025/QĐ-UBND', issuer: 'UBND tỉnh Núi Cao' }), true],
    ['number and symbol only', ref({ symbol: '2025/NĐ-CP' }), false],
    ['an issuer the symbol already says', ref({ symbol: '2025/NĐ-CP', issuer: 'Chính phủ' }), false],
    ['a Party symbol and its issuer', ref({ number: '99', symbol: 'NQ/TU', issuer: 'Tỉnh ủy X' }), true],
    ['number and date, no symbol', ref({ date: '2025-04-01' }), false],
    ['named document, no number', ref({ number: null, symbol: '2025/QH15', date: '2025-04-01' }), false],
  ])('%s → %s', (_, r, want) => {
    expect(learnable(r)).toBe(want);
  });

  it('builds the store input with the full symbol and a page URL without query or fragment', () => {
    const input = learnInputOf(
      ref({ symbol: '2025/NĐ-CP', date: '2025-04-01', subject: 'về x' }),
      'https://a.example/bai-1?utm_source=x#doan-2',
      '2025-04-03',
    );
    expect(input).toEqual({
      symbol: '77/2025/NĐ-CP',
      docType: 'Nghị định',
      number: '77',
      issuer: null,
      issuedDate: '2025-04-01',
      subject: 'về x',
      pageUrl: 'https://a.example/bai-1',
      seen: '2025-04-03',
    });
    expect(learnInputOf(ref({ symbol: '2025/NĐ-CP' }), 'https://a.example/', '2025-04-03')).toBeNull();
    expect(pageKey('not a url')).toBe('not a url');
  });

  it('joins Party symbols with a dash', () => {
    const input = learnInputOf(
      ref({ docType: 'Nghị quyết', number: '99', symbol: 'NQ/TU', issuer: 'Tỉnh ủy X' }),
      'https://a.example/',
      '2025-01-01',
    );
    expect(input?.symbol).toBe('99-NQ/TU');
  });
});

describe('learnableRefs: what the background offers to remember after reading a page', () => {
  const doc = (r: DocRefQuery) => ({ kind: 'document', ref: { ...r, name: 'not a query field' } });

  it('keeps full citations once each, as queries, and nothing else', () => {
    const full = ref({ symbol: '2025/NĐ-CP', date: '2025-04-01', subject: 'về x' });
    const got = learnableRefs([
      doc(full),
      { kind: 'person' },
      doc(ref({ symbol: '2025/NĐ-CP' })), // no date, no issuer: says nothing new
      doc(full), // the same citation again
      doc(ref({ number: '12', symbol: 'NQ/TW', issuer: 'Bộ Chính trị' })),
    ]);
    expect(got).toEqual([
      { ...full, subject: 'về x' },
      { ...ref({ number: '12', symbol: 'NQ/TW', issuer: 'Bộ Chính trị' }), subject: null },
    ]);
  });

  it('stops at the per-page bound', () => {
    const many = Array.from({ length: MAX_LEARN_PER_PAGE + 20 }, (_, i) =>
      doc(ref({ number: String(i + 1), symbol: '2025/NĐ-CP', date: '2025-04-01' })),
    );
    expect(learnableRefs(many)).toHaveLength(MAX_LEARN_PER_PAGE);
  });
});

describe('withoutPage: the card on the page that taught a document', () => {
  const card: CardData = {
    kind: 'document-from-page',
    text: 'Nghị định 77/2025/NĐ-CP',
    ref: ref({ symbol: '2025/NĐ-CP' }),
    seenOn: [
      { url: 'https://a.example/bai-1', seen: '2025-04-03' },
      { url: 'https://b.example/bai-2', seen: '2025-04-04' },
    ],
  };

  it('does not list the asking page (query and fragment ignored), and drops an empty list', () => {
    const here = withoutPage(card, 'https://a.example/bai-1?utm=x#p2');
    expect(here.kind === 'document-from-page' && here.seenOn).toEqual([
      { url: 'https://b.example/bai-2', seen: '2025-04-04' },
    ]);
    const only = withoutPage(here, 'https://b.example/bai-2');
    expect(only.kind === 'document-from-page' && 'seenOn' in only).toBe(false);
  });
});

describe('withLearned: a short form elsewhere shows what the first page said', () => {
  const cases: [string, DocRefQuery, LearnedRow[], Partial<DocRefQuery> | null][] = [
    [
      'type and number, one remembered',
      ref({}),
      [row({})],
      { symbol: '2025/NĐ-CP', issuer: 'Chính phủ', date: '2025-04-01' },
    ],
    [
      'full symbol',
      ref({ symbol: '2025/NĐ-CP' }),
      [row({})],
      { date: '2025-04-01', subject: 'về quản lý thử nghiệm' },
    ],
    ['symbol in another spelling', ref({ symbol: '2025/nđ – cp' }), [row({})], { issuer: 'Chính phủ' }],
    ['year agrees', ref({ year: 2025 }), [row({})], { year: 2025 }],
    ['year disagrees', ref({ year: 2024 }), [row({})], null],
    ['issued date disagrees', ref({ date: '2025-05-05' }), [row({})], null],
    ['another type with the same number', ref({ docType: 'Thông tư' }), [row({})], null],
    [
      'two documents share the number: ambiguous, no guess',
      ref({}),
      [
        row({}),
        row({ symbolKey: symbolKey('77/2024/NĐ-CP'), symbol: '77/2024/NĐ-CP', issuedDate: '2024-06-01' }),
      ],
      null,
    ],
    [
      'one document remembered from two pages, one without its date: merged',
      ref({}),
      [
        row({ issuedDate: null, issuer: null, pages: [{ url: 'https://b.example/', seen: '2025-05-01' }] }),
        row({}),
      ],
      { issuer: 'Chính phủ', date: '2025-04-01' },
    ],
    ['nothing remembered', ref({}), [], null],
  ];

  it.each(cases)('%s', async (_, r, rows, want) => {
    const card = await withLearned(none, query(r), source(rows));
    if (want === null) {
      expect(card).toBe(none);
      return;
    }
    expect(card.kind).toBe('document-from-page');
    if (card.kind !== 'document-from-page') return;
    expect(card.ref).toMatchObject(want);
    expect(card.text).toBe('Nghị định 77');
    expect(card.seenOn?.length).toBeGreaterThan(0);
  });

  it('lists the pages newest first, each once', async () => {
    const rows = [
      row({ issuedDate: null, pages: [{ url: 'https://b.example/', seen: '2025-05-01' }] }),
      row({
        pages: [
          { url: 'https://a.example/bai-1', seen: '2025-04-03' },
          { url: 'https://b.example/', seen: '2025-04-02' },
        ],
      }),
    ];
    const card = await withLearned(none, query(ref({})), source(rows));
    expect(card.kind === 'document-from-page' && card.seenOn).toEqual([
      { url: 'https://b.example/', seen: '2025-05-01' },
      { url: 'https://a.example/bai-1', seen: '2025-04-03' },
    ]);
  });

  it('leaves dataset answers and other kinds alone', async () => {
    const person: CardData = { kind: 'person-from-page', name: 'X', titles: [] };
    expect(await withLearned(person, query(ref({})), source([row({})]))).toBe(person);
    const q: LookupQuery = { kind: 'person', name: 'X', titles: [], entity: null };
    expect(await withLearned(none, q, source([row({})]))).toBe(none);
  });
});
