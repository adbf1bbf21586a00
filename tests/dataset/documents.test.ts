import { describe, expect, it } from 'vitest';
import type { CensusLaw, CuratedRecord } from '../../lib/dataset/documents.ts';
import { buildDocuments, documentId } from '../../lib/dataset/documents.ts';

const curated = (over: Partial<CuratedRecord>): CuratedRecord => ({
  docType: 'Nghị quyết',
  number: '1',
  symbol: '1-NQ/TW',
  issuer: 'Bộ Chính trị',
  signer: null,
  issuedDate: '2020-01-02',
  effectiveDate: null,
  status: null,
  title: 'về thử nghiệm',
  aliases: [],
  relations: [],
  evidence: [
    {
      url: 'https://example.org/1',
      quote: 'Nghị quyết số 1-NQ/TW ngày 2/1/2020',
      supports: ['docType', 'number', 'symbol', 'issuer', 'issuedDate', 'title'],
    },
  ],
  ...over,
});

const census = (over: Partial<CensusLaw>): CensusLaw => ({
  id: 'x',
  title: 'Luật Thử nghiệm 2020',
  short_name: 'Luật TN 2020',
  official_number: '5/2020/QH14',
  type: 'law',
  status: 'in_force',
  issued_date: '2020-06-01',
  in_force_date: '2021-01-01',
  url: 'https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Luat-thu-nghiem-2020-5-2020-QH14-123.aspx',
  ...over,
});

const SRC = { file: 'census.json', retrieved: '2026-02-28' };

describe('documentId', () => {
  it.each([
    ['Nghị định', '168/2024/NĐ-CP', '2024-12-26', 'doc:168/2024/NĐ-CP'],
    ['Nghị quyết', '57-NQ/TW', '2024-12-22', 'doc:57-NQ/TW@2024-12-22'],
    ['Nghị quyết', '111/NQ-CP', '2024-07-22', 'doc:111/NQ-CP@2024-07-22'],
    ['Chỉ thị', '03-CT/TW', null, 'doc:03-CT/TW'],
    ['Hiến pháp', null, '2013-11-28', 'doc:hien-phap@2013-11-28'],
  ] as [string, string | null, string | null, string][])('%s %s %s → %s', (type, symbol, date, id) => {
    expect(documentId(type, symbol, date)).toBe(id);
  });
});

describe('buildDocuments', () => {
  it('maps curated fields and turns a null status into unknown', () => {
    const { documents } = buildDocuments([curated({ issuer: 'Bộ Chính trị, Ban Bí thư' })], [], SRC);
    expect(documents[0]).toMatchObject({
      id: 'doc:1-NQ/TW@2020-01-02',
      type: 'Nghị quyết',
      issuers: ['Bộ Chính trị', 'Ban Bí thư'],
      status: 'unknown',
    });
    expect(documents[0]?.sources[0]?.supports).toEqual([
      'type',
      'number',
      'symbol',
      'issuers',
      'issuedDate',
      'title',
    ]);
  });

  it('never takes a census status, and drops malformed census URLs', () => {
    const { documents } = buildDocuments(
      [],
      [census({ url: 'https://thuvienphapluat.vn/van-ban/X/Luat-16tried.aspx' })],
      SRC,
    );
    expect(documents[0]?.status).toBe('unknown');
    expect(documents[0]?.sources).toEqual([{ file: 'census.json', retrieved: '2026-02-28' }]);
    expect(documents[0]?.effectiveDate).toBe('2021-01-01');
  });

  it('merges a census law into the curated record with its symbol, filling only empty fields', () => {
    const c = curated({
      docType: 'Luật',
      number: '5',
      symbol: '5/2020/QH14',
      issuer: 'Quốc hội',
      issuedDate: '2020-06-02',
    });
    const { documents, warnings } = buildDocuments([c], [census({})], SRC);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.issuedDate).toBe('2020-06-02');
    expect(documents[0]?.effectiveDate).toBe('2021-01-01');
    expect(documents[0]?.sources.at(-1)?.supports).toEqual(['effectiveDate']);
    expect(warnings.some((w) => w.includes('issuedDate'))).toBe(true);
  });

  it('leaves out a census row other sources contradict, and says why', () => {
    const c = curated({
      docType: 'Luật',
      number: '5',
      symbol: '5/2020/QH14',
      issuer: 'Quốc hội',
      title: null,
    });
    const row = census({ id: 'wrong-number' });
    const { documents, warnings } = buildDocuments(
      [c],
      [row, census({ id: 'other', official_number: '6/2020/QH14' })],
      SRC,
      {
        'wrong-number': 'its number belongs to another law',
      },
    );
    const five = documents.find((d) => d.symbol === '5/2020/QH14');
    // The census would have lent its title and dates to the curated record.
    expect(five?.title).toBeNull();
    expect(five?.effectiveDate).toBeNull();
    expect(five?.sources.every((s) => s.file !== 'census.json')).toBe(true);
    expect(documents.some((d) => d.symbol === '6/2020/QH14')).toBe(true);
    expect(warnings).toContain(
      'census wrong-number: left out, contradicted by other sources: its number belongs to another law',
    );
  });

  it('resolves relations by symbol and drops the unresolvable ones', () => {
    const a = curated({});
    const b = curated({
      number: '2',
      symbol: '2-NQ/TW',
      relations: [
        { type: 'replaces', symbol: '1-NQ/TW' },
        { type: 'replaces', symbol: '99-NQ/TW' },
      ],
      evidence: [
        {
          url: 'https://example.org/2',
          quote: 'thay thế Nghị quyết 1-NQ/TW',
          supports: ['docType', 'relations'],
        },
      ],
    });
    const { documents, warnings } = buildDocuments([a, b], [], SRC);
    const two = documents.find((d) => d.symbol === '2-NQ/TW');
    expect(two?.relations).toEqual([{ type: 'replaces', target: 'doc:1-NQ/TW@2020-01-02' }]);
    expect(warnings.some((w) => w.includes('99-NQ/TW'))).toBe(true);
    const one = documents.find((d) => d.symbol === '1-NQ/TW');
    expect(one?.relations).toEqual([{ type: 'replacedBy', target: 'doc:2-NQ/TW@2020-01-02' }]);
    expect(one?.sources.at(-1)).toEqual({
      url: 'https://example.org/2',
      quote: 'thay thế Nghị quyết 1-NQ/TW',
      supports: ['relations'],
    });
  });
});
