// "Re-import the bundled dataset" from the options page, on the real Dexie store
// (fake-indexeddb): whatever the database holds — a newer synced version, a
// half-written staging — is replaced by the bundle; page-learned documents stay;
// answers keep coming from the bundle meanwhile.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../lib/dataset/schema.ts';
import { gazetteerFromDataset } from '../lib/detect/index.ts';
import { createDataService } from '../lib/service/data-service.ts';
import { createDexiePort } from '../lib/service/dexie-port.ts';
import { importSnapshot } from '../lib/store/import-snapshot.ts';
import { MemoryReader } from '../lib/store/memory-reader.ts';
import { fixtureDataset } from './search/fixture.ts';

let n = 0;

function setup(bundle: Dataset) {
  const port = createDexiePort({ indexedDB, IDBKeyRange, name: `reimport-test-${n++}`, chunkSize: 5 });
  // Holds the database's clearing until the test lets it go, to look at the service in between.
  let release = () => {};
  let gate: Promise<void> = Promise.resolve();
  const hold = () => {
    gate = new Promise((ok) => {
      release = ok;
    });
    return () => release();
  };
  const service = createDataService({
    loadBundle: async () => bundle,
    bundledVersion: bundle.meta.version,
    database: {
      ...port,
      async clearDataset() {
        await gate;
        await port.clearDataset();
      },
    },
    memoryReader: (d) => new MemoryReader(d),
    gazetteerOf: (d) => {
      const g = gazetteerFromDataset(d);
      return {
        version: d.meta.version,
        persons: g.persons,
        organizations: g.organizations,
        lawNames: g.lawNames ?? [],
      };
    },
  });
  return { port, service, hold };
}

/** A later version as a sync would bring it: one document dropped, so the difference shows. */
function newer(d: Dataset): Dataset {
  return { ...d, meta: { ...d.meta, version: d.meta.version + 5 }, documents: d.documents.slice(1) };
}

const LEARNED = {
  symbol: '77/2031/NĐ-CP',
  docType: 'Nghị định',
  number: '77',
  issuer: 'Chính phủ',
  issuedDate: '2031-01-02',
  subject: 'a test-only document no dataset has',
  pageUrl: 'https://example.vn/a',
  seen: '2031-02-03',
};

describe('re-importing the bundled dataset', () => {
  it('replaces a newer synced version with the bundle and keeps page-learned documents', async () => {
    const bundle = fixtureDataset();
    const { port, service, hold } = setup(bundle);
    await service.ensureBundleImported();
    const synced = newer(bundle);
    await importSnapshot(port.store, synced);
    service.datasetChanged();
    expect(await port.store.learn(LEARNED)).toBe(true);
    expect(await service.status()).toMatchObject({ version: synced.meta.version, source: 'database' });
    const dropped = bundle.documents[0]?.id ?? '';
    expect((await port.store.getByIds([dropped])).size).toBe(0);

    const letGo = hold();
    const running = service.reimportBundle();
    expect((await service.status()).importState).toBe('importing');
    await new Promise((r) => setTimeout(r, 10));
    // The bundle answers while the database is emptied and refilled.
    expect(await service.status()).toMatchObject({
      source: 'bundle',
      version: bundle.meta.version,
      importState: 'importing',
    });
    expect(await service.reader()).toBeInstanceOf(MemoryReader);
    letGo();
    await running;

    expect(await service.status()).toMatchObject({
      version: bundle.meta.version,
      source: 'database',
      importState: 'done',
      error: null,
      counts: { documents: bundle.documents.length, persons: bundle.persons.length },
    });
    expect(await service.reader()).toBe(port.store);
    expect((await port.store.getByIds([dropped])).size).toBe(1);
    expect((await port.store.exportLearned()).documents.map((d) => d.symbol)).toEqual([LEARNED.symbol]);
    port.store.close();
  });

  it('repairs the same version, and drops a staging a killed worker left behind', async () => {
    const bundle = fixtureDataset();
    const { port, service } = setup(bundle);
    await service.ensureBundleImported();
    // A sync that died halfway through staging the next version.
    const staged = await port.store.stage(bundle.meta.version + 1, 'snapshot');
    await staged.put(bundle.documents.slice(0, 2), 2);

    await service.reimportBundle();
    expect(await port.installedVersion()).toBe(bundle.meta.version);
    expect(await port.store.resume(bundle.meta.version + 1)).toBeNull();
    expect(await port.counts()).toEqual({
      documents: bundle.documents.length,
      persons: bundle.persons.length,
      organizations: bundle.organizations.length,
    });
    // The next sync can stage on top again.
    const next = newer(bundle);
    await importSnapshot(port.store, next);
    expect(await port.installedVersion()).toBe(next.meta.version);
    port.store.close();
  });

  it('reports a bundle that cannot be read, and keeps answering from what it had', async () => {
    const bundle = fixtureDataset();
    const { port, service } = setup(bundle);
    await service.ensureBundleImported();
    // A worker started afresh whose bundle file cannot be read (say, a damaged install).
    const fresh = createDataService({
      loadBundle: async () => {
        throw new Error('The bundled dataset is missing from the extension (HTTP 404).');
      },
      bundledVersion: bundle.meta.version,
      database: port,
      memoryReader: (d) => new MemoryReader(d),
      gazetteerOf: () => ({ version: 0, persons: [], organizations: [], lawNames: [] }),
    });
    await fresh.reimportBundle();
    expect(await fresh.status()).toMatchObject({
      importState: 'failed',
      error: 'The bundled dataset is missing from the extension (HTTP 404).',
      source: 'database',
      version: bundle.meta.version,
    });
    expect(await fresh.reader()).toBe(port.store);
    port.store.close();
  });
});
