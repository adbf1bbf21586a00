import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import type { LookupQuery } from '../../lib/protocol.ts';
import { AnswerCache } from '../../lib/service/answer-cache.ts';
import { lookup, lookupMany, MAX_LOOKUPS_PER_REQUEST } from '../../lib/service/lookup.ts';
import { DexieStore } from '../../lib/store/dexie-store.ts';
import { importSnapshot } from '../../lib/store/import-snapshot.ts';
import { MemoryReader } from '../../lib/store/memory-reader.ts';
import { fixtureDataset } from '../search/fixture.ts';

const TODAY = '2026-01-01';
const d = fixtureDataset();

/** What an article's mentions look like once detected: documents, persons, bodies, places. */
const PAGE: LookupQuery[] = [
  {
    kind: 'document',
    text: 'Nghị định 168/2024/NĐ-CP',
    ref: { docType: 'Nghị định', number: '168', symbol: '2024/NĐ-CP', year: 2024, issuer: null, date: null },
  },
  {
    kind: 'document',
    text: 'Nghị quyết số 12-NQ/TW',
    ref: {
      docType: 'Nghị quyết',
      number: '12',
      symbol: 'NQ/TW',
      year: null,
      issuer: null,
      date: '2022-03-16',
    },
  },
  { kind: 'person', name: 'Tô Lâm', titles: ['Tổng Bí thư'], entity: null },
  { kind: 'organization', name: 'Bộ Công an', entity: null },
  { kind: 'place', name: 'Hà Giang', entity: null },
  { kind: 'id', id: 'doc:31/2024/QH15' },
  { kind: 'person', name: 'Không Có Ai', titles: [], entity: null },
];
const forty = Array.from({ length: 40 }, (_, i) => PAGE[i % PAGE.length] as LookupQuery);

const stores: DexieStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  vi.restoreAllMocks();
});

async function dexie(data: Dataset): Promise<DexieStore> {
  const s = new DexieStore({ indexedDB, IDBKeyRange, name: `many-${stores.length}-${Math.random()}` });
  stores.push(s);
  await importSnapshot(s, data);
  return s;
}

describe('lookupMany', () => {
  it('answers like one lookup per query, in order', async () => {
    const reader = new MemoryReader(d);
    const one = await Promise.all(PAGE.map((query) => lookup(reader, { query, date: '2025-01-10' }, TODAY)));
    const many = await lookupMany(reader, { queries: PAGE, date: '2025-01-10' }, TODAY);
    expect(many).toEqual(one);
    expect(many.map((c) => c.kind)).toEqual([
      'document',
      'document',
      'person',
      'organization',
      'organization',
      'document',
      'person-from-page',
    ]);
  });

  it('costs one read-only transaction in IndexedDB for a page of 40 mentions, with the same answers', async () => {
    const store = await dexie(d);
    const spy = vi.spyOn(store.db, 'transaction');
    const got = await lookupMany(store, { queries: forty, date: null }, TODAY);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe('r');
    expect(got).toEqual(await lookupMany(new MemoryReader(d), { queries: forty, date: null }, TODAY));
  });

  it('serves repeats from the cache, and forgets it all when the version changes', async () => {
    const reader = new MemoryReader(d);
    const cache = new AnswerCache<Awaited<ReturnType<typeof lookup>>>(100);
    const first = await lookupMany(reader, { queries: PAGE, date: null }, TODAY, cache);
    const reads = [
      vi.spyOn(reader, 'getByIds'),
      vi.spyOn(reader, 'personsByNames'),
      vi.spyOn(reader, 'documentsByKeys'),
      vi.spyOn(reader, 'organizationsByNames'),
    ];
    expect(await lookupMany(reader, { queries: PAGE, date: null }, TODAY, cache)).toEqual(first);
    for (const r of reads) expect(r).not.toHaveBeenCalled();
    // Another article date is another answer (the post held then).
    await lookupMany(reader, { queries: PAGE.slice(2, 3), date: '2020-01-01' }, TODAY, cache);
    expect(reads[1]).toHaveBeenCalledTimes(1);

    const next = structuredClone(d);
    next.meta.version = 4;
    const person = next.persons.find((p) => p.id === 'person:to-lam');
    if (person) person.posts = [];
    const newer = new MemoryReader(next);
    const [, , card] = await lookupMany(newer, { queries: PAGE, date: null }, TODAY, cache);
    expect(card).toMatchObject({ kind: 'person', postsOnDate: [] });
  });

  it('refuses an oversized request plainly', async () => {
    const queries = Array.from({ length: MAX_LOOKUPS_PER_REQUEST + 1 }, () => PAGE[0] as LookupQuery);
    await expect(lookupMany(new MemoryReader(d), { queries, date: null }, TODAY)).rejects.toThrow(
      /At most 500/,
    );
  });
});

describe('AnswerCache', () => {
  it('evicts the least recently used answer', () => {
    const c = new AnswerCache<number>(2);
    c.useVersion(1);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([1, undefined, 3]);
  });

  it('empties on a new version only', () => {
    const c = new AnswerCache<number>(5);
    c.useVersion(1);
    c.set('a', 1);
    c.useVersion(1);
    expect(c.size).toBe(1);
    c.useVersion(2);
    expect(c.size).toBe(0);
  });
});
