// Issue 6's examples, over the fixture, through both stores: the bundle in
// memory and the IndexedDB store (fake-indexeddb). One table, two readers, so
// "same code path" is checked rather than assumed.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, DocumentEntry } from '../../lib/dataset/schema.ts';
import type { SearchResponse } from '../../lib/protocol.ts';
import { DexieStore } from '../../lib/store/dexie-store.ts';
import { importSnapshot } from '../../lib/store/import-snapshot.ts';
import { MemoryReader } from '../../lib/store/memory-reader.ts';
import type { ReferenceReader } from '../../lib/store/reader.ts';
import { fixtureDataset, REAL_DATASET, realDataset } from './fixture.ts';

const TODAY = '2026-01-01';
let dbs = 0;

async function dexieReader(d: Dataset): Promise<{ reader: ReferenceReader; close(): void }> {
  const store = new DexieStore({ indexedDB, IDBKeyRange, name: `search-test-${dbs++}` });
  await store.open();
  await importSnapshot(store, d, { chunkSize: 5 });
  return { reader: store, close: () => store.close() };
}

const ids = (r: SearchResponse) => r.results.map((x) => x.id);

/** Query → the ids the results must start with, in order. */
const FIXTURE_EXAMPLES: [string, string[]][] = [
  ['to lam', ['person:to-lam']],
  ['Tô Lâm', ['person:to-lam']],
  ['TÔ LÂM', ['person:to-lam']],
  ['to la', ['person:to-lam']], // prefix: holding a post now beats the namesake who does not
  ['nd 168', ['doc:168/2024/NĐ-CP']],
  ['NĐ 168', ['doc:168/2024/NĐ-CP']],
  ['168/2024', ['doc:168/2024/NĐ-CP']],
  ['nghi dinh 168', ['doc:168/2024/NĐ-CP']],
  ['Nghị định số 168/2024/NĐ-CP', ['doc:168/2024/NĐ-CP']],
  ['nd 16', ['doc:168/2024/NĐ-CP']], // prefix of the number, in force first
  ['12-nq', ['doc:12-NQ/TW@2022-03-16', 'doc:12-NQ/TW@2012-01-16', 'doc:12-NQ/ĐUCA']],
  ['nq 12', ['doc:12-NQ/TW@2022-03-16', 'doc:12-NQ/TW@2012-01-16', 'doc:12-NQ/ĐUCA']],
  ['bca', ['org:bo-cong-an']],
  ['BCA', ['org:bo-cong-an']],
  ['luat dat dai', ['doc:31/2024/QH15', 'doc:45/2013/QH13']],
  ['Luật Đất đai', ['doc:31/2024/QH15', 'doc:45/2013/QH13']],
  ['luat dat dai 2013', ['doc:45/2013/QH13']],
  ['ha giang', ['place:ha-giang@pre-2025', 'place:tuyen-quang@2025']],
  ['Hà Giang', ['place:ha-giang@pre-2025', 'place:tuyen-quang@2025']],
  // tone placement: the fixture writes "Hòa", "Thuỷ"
  ['khanh hoà', ['place:khanh-hoa']],
  ['Khánh Hòa', ['place:khanh-hoa']],
  ['nguyen thi thuy', ['person:nguyen-thi-thuy-thu']],
  ['Nguyễn Thị Thủy', ['person:nguyen-thi-thuy-thu']],
];

const readers: [string, (d: Dataset) => Promise<{ reader: ReferenceReader; close(): void }>][] = [
  ['memory', async (d) => ({ reader: new MemoryReader(d), close() {} })],
  ['IndexedDB', dexieReader],
];

describe.each(readers)('search over the fixture (%s)', (_name, make) => {
  let reader: ReferenceReader;
  let close = () => {};
  beforeAll(async () => {
    ({ reader, close } = await make(fixtureDataset()));
  });
  afterAll(() => close());

  it.each(FIXTURE_EXAMPLES)('%s', async (query, first) => {
    const res = await reader.search(query, { limit: 10, today: TODAY });
    expect(ids(res).slice(0, first.length)).toEqual(first);
  });

  it('12-nq returns every 12-NQ/… document and nothing numbered otherwise', async () => {
    const res = await reader.search('12-nq', { limit: 10, today: TODAY });
    expect(ids(res)).toEqual(['doc:12-NQ/TW@2022-03-16', 'doc:12-NQ/TW@2012-01-16', 'doc:12-NQ/ĐUCA']);
    expect(res.counts).toEqual({ document: 3, person: 0, organization: 0, place: 0 });
  });

  it('nq 12 puts every Nghị quyết 12 before Nghị quyết 120', async () => {
    const res = await reader.search('nq 12', { limit: 10, today: TODAY });
    expect(ids(res)[3]).toBe('doc:120-NQ/TW@2099');
  });

  it('ha giang: the province, what it merged into (marked), then weaker matches; counts per kind', async () => {
    const res = await reader.search('ha giang', { limit: 10, today: TODAY });
    expect(ids(res)).toEqual([
      'place:ha-giang@pre-2025',
      'place:tuyen-quang@2025',
      'org:cong-an-tinh-ha-giang',
    ]);
    expect(res.results[1]?.mergedFrom).toBe('Tỉnh Hà Giang');
    expect(res.results[0]?.current).toBe(false);
    expect(res.results[1]?.current).toBe(true);
    expect(res.counts).toEqual({ document: 0, person: 0, organization: 1, place: 2 });
  });

  it('a person result says the post held today', async () => {
    const res = await reader.search('to lam', { limit: 10, today: TODAY });
    expect(res.results[0]).toMatchObject({ kind: 'person', detail: 'Tổng Bí thư', current: true });
    const earlier = await reader.search('to lam', { limit: 10, today: '2020-01-01' });
    expect(earlier.results[0]).toMatchObject({ detail: 'Bộ trưởng Bộ Công an', current: true });
  });

  it('a document result carries its date and status', async () => {
    const res = await reader.search('luat dat dai', { limit: 10, today: TODAY });
    expect(res.results[0]).toMatchObject({
      date: '2024-01-18',
      status: 'in_force',
      current: true,
      detail: 'Luật Đất đai',
    });
  });

  it('honours the limit and counts beyond it', async () => {
    const res = await reader.search('thu', { limit: 2, today: TODAY });
    expect(res.results).toHaveLength(2);
    const total = Object.values(res.counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2);
  });

  it.each(['', '   ', '!!!', 'zzqx'])('answers %j with nothing', async (query) => {
    const res = await reader.search(query, { limit: 10, today: TODAY });
    expect(res.results).toEqual([]);
  });
});

describe.each(readers)('more exact matches than a keystroke reads (%s)', (_name, make) => {
  // 300 documents numbered 1 of one type, as a national base has for every issuer and year:
  // the first results must still be the best of all 300, not of the first rows read.
  const base = fixtureDataset();
  const template = base.documents[0] as DocumentEntry;
  const statuses = ['in_force', 'expired', 'unknown'] as const;
  const many: DocumentEntry[] = Array.from({ length: 300 }, (_, i) => ({
    ...template,
    id: `doc:many-${i}`,
    type: 'Quyết định',
    number: '1',
    symbol: `1/QĐ-THU${i}`,
    issuedDate: `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
    status: statuses[i % 3] as DocumentEntry['status'],
    aliases: [],
    title: null,
  }));
  const d: Dataset = { ...base, documents: [...base.documents, ...many] };
  const best = [...many]
    .sort((a, b) => {
      const rank = (x: DocumentEntry) => (x.status === 'in_force' ? 0 : x.status === 'expired' ? 2 : 1);
      return (
        rank(a) - rank(b) ||
        (b.issuedDate ?? '').localeCompare(a.issuedDate ?? '') ||
        a.id.localeCompare(b.id)
      );
    })
    .slice(0, 20);

  it('quyet dinh 1: in force first, newest first, and the counts say there are more', async () => {
    const { reader, close } = await make(d);
    try {
      const res = await reader.search('quyet dinh 1', { limit: 20, today: TODAY });
      expect(res.results.map((r) => r.date)).toEqual(best.map((x) => x.issuedDate));
      expect(res.results.every((r) => r.status === 'in_force')).toBe(true);
      expect(res.capped).toBe(true);
    } finally {
      close();
    }
  });
});

describe('memory and IndexedDB agree on every prefix of every example', () => {
  it('same results, same counts', async () => {
    const d = fixtureDataset();
    const memory = new MemoryReader(d);
    const { reader: db, close } = await dexieReader(d);
    try {
      for (const [query] of FIXTURE_EXAMPLES) {
        for (let n = 1; n <= query.length; n++) {
          const q = query.slice(0, n);
          const [a, b] = await Promise.all([
            memory.search(q, { limit: 20, today: TODAY }),
            db.search(q, { limit: 20, today: TODAY }),
          ]);
          expect(b, q).toEqual(a);
        }
      }
    } finally {
      close();
    }
  });
});

const real = realDataset();
describe.skipIf(!real)('search over the real built dataset', () => {
  if (!real) {
    console.warn(
      `Skipping the real-dataset search test: ${REAL_DATASET} is missing (run npm run dataset:build).`,
    );
    return;
  }
  const reader = new MemoryReader(real);
  const first = async (q: string) => (await reader.search(q, { limit: 20, today: TODAY })).results;

  it.each([
    ['to lam', 'person:to-lam'],
    ['nd 168', 'doc:168/2024/NĐ-CP'],
    ['168/2024', 'doc:168/2024/NĐ-CP'],
    ['nghi dinh 168', 'doc:168/2024/NĐ-CP'],
    ['bca', 'org:bo-cong-an'],
    ['luat dat dai', 'doc:31/2024/QH15'],
    ['ha giang', 'place:ha-giang@pre-2025'],
  ])('%s → %s first', async (q, id) => {
    expect((await first(q))[0]?.id).toBe(id);
  });

  it.each(['12-nq', 'nq 12'])('%s → every 12-NQ/… document, newest first', async (q) => {
    const want = real.documents
      .filter((d) => d.symbol?.startsWith('12-NQ/'))
      .sort((a, b) => (b.issuedDate ?? '').localeCompare(a.issuedDate ?? ''));
    expect(want.length).toBeGreaterThan(0);
    const got = (await first(q)).filter((r) => want.some((w) => w.id === r.id)).map((r) => r.id);
    expect(got).toEqual(want.map((d) => d.id));
    expect((await first(q))[0]?.id).toBe(want[0]?.id);
  });

  it('luat dat dai: the 2024 law before any older Luật Đất đai', async () => {
    const res = (await first('luat dat dai')).filter(
      (r) => r.kind === 'document' && r.detail === 'Luật Đất đai',
    );
    expect(res[0]?.id).toBe('doc:31/2024/QH15');
  });

  it('ha giang → then the province it merged into', async () => {
    const res = await first('ha giang');
    expect(res[1]).toMatchObject({ id: 'place:tuyen-quang@2025', mergedFrom: 'Tỉnh Hà Giang' });
  });
});
