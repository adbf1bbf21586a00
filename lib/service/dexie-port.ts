// The database side of the data service (DatabasePort, see data-service.ts),
// on the Dexie store. The background passes IndexedDB in; tests pass fake-indexeddb.
import type { Dataset, DocumentEntry, OrganizationEntry, PersonEntry } from '../dataset/schema.ts';
import { gazetteerFromDataset } from '../detect/index.ts';
import type { GazetteerPayload } from '../protocol.ts';
import { DexieStore } from '../store/dexie-store.ts';
import { importSnapshot } from '../store/import-snapshot.ts';
import { kindOf } from '../store/terms.ts';
import type { DatabasePort } from './data-service.ts';

export interface DexiePortDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  /**
   * Asks the browser to keep the data when space runs low (navigator.storage.persist).
   * Without it an evicted database means a fresh import at the next start.
   */
  persist?: () => Promise<boolean>;
  /** Database name; tests use their own. */
  name?: string;
  /** Entries per import transaction. */
  chunkSize?: number;
  log?(message: string): void;
}

export interface DexiePort extends DatabasePort {
  /** The store itself: sync stages its updates through it (DatasetWriter). */
  readonly store: DexieStore;
}

export function createDexiePort(deps: DexiePortDeps): DexiePort {
  const log = deps.log ?? (() => {});
  const store = new DexieStore({
    indexedDB: deps.indexedDB,
    IDBKeyRange: deps.IDBKeyRange,
    ...(deps.name ? { name: deps.name } : {}),
    log,
  });
  let opened: Promise<void> | null = null;
  const ready = () => {
    opened ??= store.open().catch((err: unknown) => {
      opened = null; // a later call may succeed (the database was blocked by another context)
      throw err;
    });
    return opened;
  };
  let persisted: Promise<void> | null = null;
  const askPersistence = () => {
    persisted ??= (async () => {
      if (!deps.persist) return;
      const granted = await deps.persist().catch(() => false);
      log(
        granted ? 'storage is persistent' : 'storage may be evicted under pressure (persistence not granted)',
      );
    })();
    return persisted;
  };

  return {
    store,
    async installedVersion() {
      await ready();
      return store.activeVersion();
    },
    reader() {
      return store;
    },
    async importDataset(d: Dataset, onProgress: (done: number, total: number) => void) {
      await ready();
      await askPersistence();
      await importSnapshot(store, d, {
        onProgress,
        ...(deps.chunkSize ? { chunkSize: deps.chunkSize } : {}),
      });
    },
    async gazetteer(): Promise<GazetteerPayload> {
      await ready();
      const { version, meta, entries } = await store.gazetteerEntries();
      const partial: Dataset = {
        meta,
        documents: entries.filter((e) => kindOf(e) === 'document') as DocumentEntry[],
        persons: entries.filter((e) => kindOf(e) === 'person') as PersonEntry[],
        organizations: entries.filter(
          (e) => kindOf(e) === 'organization' || kindOf(e) === 'place',
        ) as OrganizationEntry[],
      };
      // The same builder the bundle uses, so the content script gets the same lists either way.
      const g = gazetteerFromDataset(partial);
      return { version, persons: g.persons, organizations: g.organizations, lawNames: g.lawNames ?? [] };
    },
    async counts() {
      await ready();
      const c = await store.counts();
      return c
        ? { documents: c.document, persons: c.person, organizations: c.organization + c.place }
        : { documents: 0, persons: 0, organizations: 0 };
    },
    async meta() {
      await ready();
      const m = await store.datasetMeta();
      return m ? { version: m.version, built: m.built } : null;
    },
    async clearDataset() {
      await ready();
      await store.clearDataset();
    },
  };
}
