import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { gazetteerFromDataset } from '../../lib/detect/index.ts';
import { createDataService } from '../../lib/service/data-service.ts';
import { createDexiePort } from '../../lib/service/dexie-port.ts';
import { MemoryReader } from '../../lib/store/memory-reader.ts';
import { fixtureDataset, realDataset } from '../search/fixture.ts';

let n = 0;
const port = (persist?: () => Promise<boolean>) =>
  createDexiePort({
    indexedDB,
    IDBKeyRange,
    name: `port-test-${n++}`,
    chunkSize: 6,
    ...(persist ? { persist } : {}),
  });

/** What the background builds from the bundle in memory. */
function bundleGazetteer(d: Dataset) {
  const g = gazetteerFromDataset(d);
  return {
    version: d.meta.version,
    persons: g.persons,
    organizations: g.organizations,
    lawNames: g.lawNames ?? [],
  };
}

const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const normalized = (g: ReturnType<typeof bundleGazetteer>) => ({
  ...g,
  persons: sortById(g.persons),
  organizations: sortById(g.organizations),
  lawNames: [...g.lawNames].sort(),
});

describe('createDexiePort', () => {
  it('imports with progress, asks once for persistent storage, and reports version, counts, metadata', async () => {
    const persist = vi.fn(async () => true);
    const p = port(persist);
    const d = fixtureDataset();
    expect(await p.installedVersion()).toBeNull();
    const progress: [number, number][] = [];
    await p.importDataset(d, (done, total) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([23, 23]);
    expect(progress.map(([done]) => done)).toEqual([0, 6, 12, 18, 23]);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await p.installedVersion()).toBe(3);
    expect(await p.counts()).toEqual({ documents: 11, persons: 4, organizations: 8 });
    expect(await p.meta()).toEqual({ version: 3, built: '2026-01-01' });
    p.store.close();
  });

  it('still imports when persistence is refused or the API fails', async () => {
    const p = port(async () => {
      throw new Error('no storage manager');
    });
    await p.importDataset(fixtureDataset(), () => {});
    expect(await p.installedVersion()).toBe(3);
    p.store.close();
  });

  it.each([
    ['fixture', fixtureDataset()],
    ['real dataset', realDataset()],
  ])('gives the detector the same name lists as the bundle does (%s)', async (_name, d) => {
    if (!d) return; // the real dataset is not built: nothing to compare
    const p = port();
    await p.importDataset(d, () => {});
    expect(normalized(await p.gazetteer())).toEqual(normalized(bundleGazetteer(d)));
    p.store.close();
  });

  it('lets the data service move from the bundle to the database once the import is done', async () => {
    const p = port();
    const d = fixtureDataset();
    const service = createDataService({
      loadBundle: async () => d,
      bundledVersion: d.meta.version,
      database: p,
      memoryReader: (x) => new MemoryReader(x),
      gazetteerOf: bundleGazetteer,
    });
    const first = await service.reader();
    expect(first).toBeInstanceOf(MemoryReader);
    await service.ensureBundleImported();
    const status = await service.status();
    expect(status).toMatchObject({ source: 'database', importState: 'done', version: 3, error: null });
    expect(await service.reader()).toBe(p.store);
    expect(
      (await (await service.reader()).search('bca', { limit: 1, today: '2026-01-01' })).results[0]?.id,
    ).toBe('org:bo-cong-an');
    p.store.close();
  });
});
