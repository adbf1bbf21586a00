// The IndexedDB store on fake-indexeddb: versions become visible atomically,
// staging never shows through, interrupted work is cleaned up or resumed, a
// full disk loses nothing, and answers equal the in-memory reader's.
import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docKey, nameKey, symbolKey } from '../../lib/dataset/keys.ts';
import type { Dataset, DocumentEntry, PersonEntry } from '../../lib/dataset/schema.ts';
import { OPEN_END } from '../../lib/store/dexie-schema.ts';
import { DexieStore, NoDatasetError, StagingLostError } from '../../lib/store/dexie-store.ts';
import { importSnapshot } from '../../lib/store/import-snapshot.ts';
import { MemoryReader } from '../../lib/store/memory-reader.ts';
import { StoreFullError } from '../../lib/store/quota.ts';
import type { ReferenceReader } from '../../lib/store/reader.ts';
import { termsOf } from '../../lib/store/terms.ts';
import { fixtureDataset } from '../search/fixture.ts';

let n = 0;
const open: DexieStore[] = [];
async function newStore(name = `store-test-${n++}`): Promise<DexieStore> {
  const store = new DexieStore({ indexedDB, IDBKeyRange, name, cleanupChunk: 7 });
  await store.open();
  open.push(store);
  return store;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  vi.restoreAllMocks();
});

const v3 = fixtureDataset();
const entriesOf = (d: Dataset) => [...d.documents, ...d.persons, ...d.organizations];
const total = entriesOf(v3).length;

/** Version 5 of the fixture: one document changed, one person gone, one document added. */
function v5(): Dataset {
  const d = structuredClone(v3);
  d.meta.version = 5;
  const nd = d.documents.find((x) => x.id === 'doc:168/2024/NĐ-CP') as DocumentEntry;
  nd.summary = 'changed in version 5';
  d.persons = d.persons.filter((p) => p.id !== 'person:to-lam-thu');
  d.documents.push({ ...nd, id: 'doc:999/2099/NĐ-CP', number: '999', symbol: '999/2099/NĐ-CP', aliases: [] });
  return d;
}

/** Everything a card or the popup can ask, answered by `r`, in a comparable form. */
async function everything(r: ReferenceReader, d: Dataset) {
  const all = entriesOf(d);
  const ids = (m: Map<string, { id: string }[]>) =>
    Object.fromEntries([...m].map(([k, v]) => [k, v.map((e) => e.id).sort()]).sort());
  const docs = d.documents;
  return {
    byId: Object.fromEntries([...(await r.getByIds([...all.map((e) => e.id), 'nope']))].sort()),
    byKey: ids(await r.documentsByKeys(docs.flatMap((x) => (x.number ? [docKey(x.type, x.number)] : [])))),
    bySymbol: ids(await r.documentsBySymbols(docs.flatMap((x) => (x.symbol ? [symbolKey(x.symbol)] : [])))),
    persons: ids(await r.personsByNames(d.persons.flatMap((p) => [p.name, ...p.aliases].map(nameKey)))),
    orgs: ids(
      await r.organizationsByNames(
        d.organizations.flatMap((o) => [o.name, ...o.aliases, ...o.abbreviations].map(nameKey)),
      ),
    ),
    search: await r.search('nghi dinh', { limit: 50, today: '2026-01-01' }),
  };
}

describe('DexieStore: import and read', () => {
  it('has no dataset until a version is committed', async () => {
    const store = await newStore();
    expect(await store.activeVersion()).toBeNull();
    expect(await store.datasetMeta()).toBeNull();
    await expect(store.getByIds(['person:to-lam'])).rejects.toBeInstanceOf(NoDatasetError);
  });

  it('imports a snapshot in chunks with progress, and answers exactly as the memory reader does', async () => {
    const store = await newStore();
    const progress: number[] = [];
    await importSnapshot(store, v3, { chunkSize: 4, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([0, 4, 8, 12, 16, 20, 23]);
    expect(await store.activeVersion()).toBe(3);
    expect(await store.datasetMeta()).toEqual(v3.meta);
    expect(await store.counts()).toEqual({ document: 11, person: 4, organization: 4, place: 4 });
    expect(await everything(store, v3)).toEqual(await everything(new MemoryReader(v3), v3));
  });

  it('answers a batch from one transaction at one version', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const spy = vi.spyOn(store.db, 'transaction');
    const got = await store.batch(async (r) => {
      const a = await r.getByIds(['person:to-lam']);
      const b = await r.documentsBySymbols(['12-nq/tw']);
      const c = await r.search('bca', { limit: 5, today: '2026-01-01' });
      return { version: r.version, a: a.size, b: b.get('12-nq/tw')?.length, c: c.results[0]?.id };
    });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(got).toEqual({ version: 3, a: 1, b: 2, c: 'org:bo-cong-an' });
  });

  it('lists the entries the detector needs (persons, bodies, places, laws) and nothing else', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const { version, entries } = await store.gazetteerEntries();
    expect(version).toBe(3);
    const laws = v3.documents.filter((x) => x.type === 'Luật').map((x) => x.id);
    const want = [...v3.persons, ...v3.organizations].map((x) => x.id).concat(laws);
    expect(entries.map((e) => e.id).sort()).toEqual(want.sort());
  });
});

describe('DexieStore: versions', () => {
  it('a snapshot staged over a version stays invisible until commit, then replaces it whole', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const before = await everything(store, v3);
    const next = v5();
    const staged = await store.stage(5, 'snapshot');
    await staged.put(entriesOf(next).slice(0, 10));
    await staged.put(entriesOf(next).slice(10));
    expect(await everything(store, v3)).toEqual(before);
    expect(await store.activeVersion()).toBe(3);
    await staged.commit(next.meta);
    expect(await store.activeVersion()).toBe(5);
    expect(await everything(store, next)).toEqual(await everything(new MemoryReader(next), next));
    expect((await store.getByIds(['person:to-lam-thu'])).size).toBe(0);
    // Garbage collection left exactly the new version's rows.
    expect(await store.db.terms.count()).toBe(entriesOf(next).length);
    expect(await store.db.entries.count()).toBe(entriesOf(next).length);
    expect(await store.counts()).toEqual({ document: 12, person: 3, organization: 4, place: 4 });
  });

  it('a delta changes only what it names, and counts follow', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const next = v5();
    const staged = await store.stage(5, 'delta');
    const changed = next.documents.filter(
      (x) => x.id === 'doc:168/2024/NĐ-CP' || x.id === 'doc:999/2099/NĐ-CP',
    );
    await staged.put(changed);
    await staged.remove(['person:to-lam-thu', 'person:nobody']);
    // Still version 3 for readers, row for row.
    expect(await everything(store, v3)).toEqual(await everything(new MemoryReader(v3), v3));
    await staged.commit(next.meta);
    expect(await everything(store, next)).toEqual(await everything(new MemoryReader(next), next));
    expect(await store.counts()).toEqual({ document: 12, person: 3, organization: 4, place: 4 });
    expect(await store.db.terms.count()).toBe(entriesOf(next).length);
  });

  it('putting an id twice, or putting then removing it, in one staging counts once', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const staged = await store.stage(4, 'delta');
    const p = v3.persons[0] as PersonEntry;
    await staged.put([p, { ...p, aliases: ['A'] }]);
    await staged.put([{ ...p, aliases: ['B'] }]);
    const d = v3.documents[0] as DocumentEntry;
    await staged.put([d]);
    await staged.remove([d.id]);
    await staged.commit({ ...v3.meta, version: 4 });
    expect(await store.counts()).toEqual({ document: 10, person: 4, organization: 4, place: 4 });
    expect(((await store.getByIds([p.id])).get(p.id) as PersonEntry).aliases).toEqual(['B']);
    expect((await store.getByIds([d.id])).size).toBe(0);
  });

  it('abort puts everything back as it was', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const rows = await store.db.terms.toArray();
    const staged = await store.stage(4, 'delta');
    await staged.put(v3.documents.slice(0, 3));
    await staged.remove(['person:to-lam']);
    await staged.abort();
    expect(await store.db.terms.toArray()).toEqual(rows);
    expect(await store.db.meta.get('staging')).toBeUndefined();
    expect(await store.activeVersion()).toBe(3);
    await expect(staged.put(v3.documents.slice(0, 1))).rejects.toBeInstanceOf(StagingLostError);
  });

  it('refuses a version that is not newer, a delta over nothing, and metadata of another version', async () => {
    const empty = await newStore();
    await expect(empty.stage(1, 'delta')).rejects.toThrow(/needs a dataset/);
    const store = await newStore();
    await importSnapshot(store, v3);
    await expect(store.stage(3, 'snapshot')).rejects.toThrow(/not newer than the active version 3/);
    await expect(store.stage(2, 'delta')).rejects.toThrow(RangeError);
    const staged = await store.stage(4, 'delta');
    await expect(staged.commit({ ...v3.meta, version: 6 })).rejects.toThrow(/version 4 was staged/);
    expect(await store.activeVersion()).toBe(3);
  });

  it('a newer staging supersedes an older one, whose handle then fails', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const first = await store.stage(4, 'delta');
    await first.put(v3.documents.slice(0, 2));
    const second = await store.stage(5, 'delta');
    await expect(first.put(v3.documents.slice(0, 1))).rejects.toBeInstanceOf(StagingLostError);
    await expect(first.commit({ ...v3.meta, version: 4 })).rejects.toBeInstanceOf(StagingLostError);
    await second.commit({ ...v3.meta, version: 5 });
    expect(await store.activeVersion()).toBe(5);
    expect(await store.db.terms.count()).toBe(total);
  });

  it('after a worker is killed mid-staging, a new start reads the old version and a new staging cleans up', async () => {
    const name = `killed-${n++}`;
    const store = await newStore(name);
    await importSnapshot(store, v3);
    const staged = await store.stage(4, 'delta');
    await staged.put(v3.documents.slice(0, 5));
    await staged.remove(['person:to-lam']);
    store.close(); // the worker dies: no abort, no commit

    const again = await newStore(name);
    expect(await again.activeVersion()).toBe(3);
    expect(await everything(again, v3)).toEqual(await everything(new MemoryReader(v3), v3));
    const fresh = await again.stage(4, 'delta');
    expect(fresh.checkpoint).toBeNull();
    expect(await again.db.terms.where('from').above(3).count()).toBe(0);
    expect(await again.db.terms.where('to').below(OPEN_END).count()).toBe(0);
  });

  it('resumes an interrupted import from its last checkpoint', async () => {
    const name = `resume-${n++}`;
    const store = await newStore(name);
    await importSnapshot(store, v3);
    const next = v5();
    const all = entriesOf(next);
    const staged = await store.stage(5, 'snapshot');
    await staged.put(all.slice(0, 8), 8);
    store.close();

    const again = await newStore(name);
    expect(await again.resume(4)).toBeNull();
    const resumed = await again.resume(5);
    expect(resumed?.checkpoint).toBe(8);
    const puts: number[] = [];
    const real = again.writeChunk.bind(again);
    vi.spyOn(again, 'writeChunk').mockImplementation((token, entries, remove, cp) => {
      puts.push(entries.length);
      return real(token, entries, remove, cp);
    });
    await importSnapshot(again, next, { chunkSize: 100 });
    expect(puts).toEqual([all.length - 8]); // only what was missing
    expect(await everything(again, next)).toEqual(await everything(new MemoryReader(next), next));
  });
});

describe('DexieStore: a full disk', () => {
  it('turns QuotaExceededError into plain words and keeps the old version', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const rows = await store.db.terms.count();
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts > 30) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const err = await importSnapshot(store, v5(), { chunkSize: 5 }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(err).toBeInstanceOf(StoreFullError);
    expect((err as Error).message).toMatch(
      /^The browser has no room left for RefLens's data: free disk space/,
    );
    expect(await store.activeVersion()).toBe(3);
    expect(await everything(store, v3)).toEqual(await everything(new MemoryReader(v3), v3));
    expect(await store.db.terms.count()).toBe(rows); // what was staged was freed
  });
});

describe('DexieStore: lookups are never blocked by an import', () => {
  it('answers between the chunks of a long import, from the old version', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    // A bigger version 6: the fixture plus 3,000 generated persons.
    const big = structuredClone(v3);
    big.meta.version = 6;
    const p = v3.persons[0] as PersonEntry;
    for (let i = 0; i < 3000; i++) big.persons.push({ ...p, id: `person:gen-${i}`, name: `Người Thử ${i}` });
    let importDone = false;
    const importing = importSnapshot(store, big, { chunkSize: 100 }).then(() => {
      importDone = true;
    });
    const answeredDuring: number[] = [];
    while (!importDone) {
      const v = await store.batch(async (r) => {
        const got = await r.getByIds(['person:gen-1', 'person:to-lam']);
        // One version per batch: never the new entry with the old version, or the reverse.
        expect(got.has('person:gen-1')).toBe(r.version === 6);
        return r.version;
      });
      if (!importDone) answeredDuring.push(v);
    }
    await importing;
    // Many answers from version 3 while chunks were written; version 6 only once committed
    // (the commit resolves after garbage collection, so a few may come from 6), never back.
    expect(answeredDuring.filter((v) => v === 3).length).toBeGreaterThan(5);
    expect(answeredDuring).toEqual([...answeredDuring].sort((a, b) => a - b));
    expect(new Set(answeredDuring).size).toBeLessThanOrEqual(2);
    expect(await store.activeVersion()).toBe(6);
  });
});

describe('DexieStore: learned documents', () => {
  const seen = {
    symbol: '77/2025/NĐ-CP',
    docType: 'Nghị định',
    number: '77',
    issuer: 'Chính phủ',
    issuedDate: null,
    subject: 'về một việc thử',
    pageUrl: 'https://example.vn/a',
    seen: '2026-01-02',
  };

  it('keeps what a page cited, per document, with the pages it was seen on; exports and clears', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    expect(await store.learn(seen)).toBe(true);
    expect(
      await store.learn({ ...seen, pageUrl: 'https://example.vn/b', seen: '2026-01-03', subject: null }),
    ).toBe(true);
    const [doc] = await store.learnedBySymbol(symbolKey('77/2025/NĐ-CP'));
    expect(doc?.pages).toEqual([
      { url: 'https://example.vn/b', seen: '2026-01-03' },
      { url: 'https://example.vn/a', seen: '2026-01-02' },
    ]);
    expect(doc?.subject).toBe('về một việc thử');
    const exported = await store.exportLearned();
    expect(exported).toMatchObject({ format: 'reflens-learned', formatVersion: 1 });
    expect(exported.documents).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    await store.clearLearned();
    expect((await store.exportLearned()).documents).toEqual([]);
  });

  it('does not learn what the dataset has', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    expect(await store.learn({ ...seen, symbol: '168/2024/NĐ-CP', issuedDate: '2024-12-26' })).toBe(false);
  });

  it('survives updates that lack the document, and goes when one brings it', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    await store.learn(seen);
    // A Party symbol reused in another term is another document: kept.
    await store.learn({ ...seen, symbol: '12-NQ/TW', issuedDate: '2032-05-01' });
    const v4 = structuredClone(v3);
    v4.meta.version = 4;
    await importSnapshot(store, v4);
    expect((await store.exportLearned()).documents).toHaveLength(2);
    const v7 = structuredClone(v3);
    v7.meta.version = 7;
    const nd = v3.documents[0] as DocumentEntry;
    v7.documents.push({
      ...nd,
      id: 'doc:77/2025/NĐ-CP',
      number: '77',
      symbol: '77/2025/NĐ-CP',
      issuedDate: '2025-04-01',
    });
    await importSnapshot(store, v7);
    expect((await store.exportLearned()).documents.map((d) => d.symbol)).toEqual(['12-NQ/TW']);
  });
});

describe('term rows', () => {
  it('are stored exactly as termsOf computes them', async () => {
    const store = await newStore();
    await importSnapshot(store, v3);
    const row = await store.db.terms.get(['person:to-lam', 3]);
    expect(row).toEqual({ ...termsOf(v3.persons[0] as PersonEntry), from: 3, to: OPEN_END });
  });
});
