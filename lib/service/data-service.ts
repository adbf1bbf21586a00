// Decides where answers come from: the database once it holds a complete
// dataset, the bundle in memory until then. The import runs beside lookups and
// never in front of them (the jpdict-idb lesson): a hover must not wait for IndexedDB.
import type { Dataset } from '../dataset/schema.ts';
import type { DatasetStatus, GazetteerPayload } from '../protocol.ts';
import type { ReferenceReader } from '../store/reader.ts';

export interface DatabasePort {
  /** Version of the complete dataset in the database, or null when there is none. */
  installedVersion(): Promise<number | null>;
  reader(): ReferenceReader;
  importDataset(d: Dataset, onProgress: (done: number, total: number) => void): Promise<void>;
  /** The names the content script detects, read from the database. */
  gazetteer(): Promise<GazetteerPayload>;
  counts(): Promise<DatasetStatus['counts']>;
  meta(): Promise<{ version: number; built: string } | null>;
  /** Drops every dataset version (page-learned documents stay), so the bundle can be imported afresh. */
  clearDataset(): Promise<void>;
}

export interface DataServiceDeps {
  /** The dataset shipped with the extension, validated; rejects with a readable message when it is bad. */
  loadBundle(): Promise<Dataset>;
  /** Version of the bundle, known at build time without reading it. */
  bundledVersion: number | null;
  database: DatabasePort;
  memoryReader(d: Dataset): ReferenceReader;
  gazetteerOf(d: Dataset): GazetteerPayload;
  log?(message: string): void;
}

export interface DataService {
  /** The reader to answer from now; waits only for start-up, never for an import. */
  reader(): Promise<ReferenceReader>;
  gazetteer(): Promise<GazetteerPayload>;
  status(): Promise<DatasetStatus>;
  /** Import the bundle if the database lacks it or holds an older version (install, update, repair). */
  ensureBundleImported(): Promise<void>;
  /**
   * The database committed a new version (a sync): answer from it from now on,
   * and rebuild the detector's name lists from it on the next request.
   */
  datasetChanged(): void;
  /**
   * Replaces whatever the database holds (an older import, synced versions, a
   * damaged copy) with the bundled dataset; answers come from the bundle in
   * memory meanwhile. Failures are reported through status(), like an import's.
   */
  reimportBundle(): Promise<void>;
}

function countsOf(d: Dataset): DatasetStatus['counts'] {
  return { documents: d.documents.length, persons: d.persons.length, organizations: d.organizations.length };
}

export function createDataService(deps: DataServiceDeps): DataService {
  let current: { reader: ReferenceReader; source: 'bundle' | 'database' } | null = null;
  let gazetteer: GazetteerPayload | null = null;
  let bundle: Promise<Dataset> | null = null;
  let importing: Promise<void> | null = null;
  const state: Pick<DatasetStatus, 'importState' | 'error' | 'errorCode' | 'importProgress'> = {
    importState: 'idle',
    error: null,
    errorCode: null,
    importProgress: null,
  };
  const log = deps.log ?? (() => {});

  const loadBundle = () => {
    bundle ??= deps.loadBundle().catch((err: unknown) => {
      bundle = null; // let a later call try again rather than caching the failure forever
      throw err;
    });
    return bundle;
  };

  const useBundle = async (): Promise<void> => {
    const d = await loadBundle();
    if (!current) {
      current = { reader: deps.memoryReader(d), source: 'bundle' };
      gazetteer = deps.gazetteerOf(d);
    }
  };

  const runImport = async (d: Dataset): Promise<void> => {
    state.importState = 'importing';
    state.error = null;
    state.errorCode = null;
    try {
      await deps.database.importDataset(d, (done, total) => {
        state.importProgress = { done, total };
      });
      current = { reader: deps.database.reader(), source: 'database' };
      gazetteer = null;
      state.importState = 'done';
      state.importProgress = null;
      log(`dataset ${d.meta.version} imported`);
    } catch (err) {
      state.importState = 'failed';
      state.error = err instanceof Error ? err.message : String(err);
      state.errorCode = (err as { code?: unknown } | null)?.code === 'quota' ? 'quota' : null;
      log(`import failed: ${state.error}`);
    }
  };

  const ensureBundleImported = async (): Promise<void> => {
    if (importing) return importing;
    importing = (async () => {
      const installed = await deps.database.installedVersion().catch(() => null);
      if (installed !== null && deps.bundledVersion !== null && installed >= deps.bundledVersion) return;
      const d = await loadBundle();
      if (installed !== null && installed >= d.meta.version) return;
      if (!current || current.source === 'bundle') await useBundle();
      await runImport(d);
    })().finally(() => {
      importing = null;
    });
    return importing;
  };

  const ready: Promise<void> = (async () => {
    let installed: number | null = null;
    try {
      installed = await deps.database.installedVersion();
    } catch (err) {
      // A broken or unavailable database must not take the cards down: the bundle still answers.
      state.error = err instanceof Error ? err.message : String(err);
    }
    if (installed !== null) {
      current = { reader: deps.database.reader(), source: 'database' };
      state.importState = 'done';
    } else {
      await useBundle();
    }
    if (installed === null || (deps.bundledVersion !== null && installed < deps.bundledVersion)) {
      void ensureBundleImported();
    }
  })().catch((err: unknown) => {
    state.importState = 'failed';
    state.error = err instanceof Error ? err.message : String(err);
  });

  return {
    async reader() {
      await ready;
      if (!current) throw new Error(state.error ?? 'RefLens has no dataset to answer from.');
      return current.reader;
    },
    async gazetteer() {
      await ready;
      if (gazetteer) return gazetteer;
      if (current?.source === 'database') {
        gazetteer = await deps.database.gazetteer();
        return gazetteer;
      }
      await useBundle();
      if (!gazetteer) throw new Error(state.error ?? 'RefLens has no dataset to answer from.');
      return gazetteer;
    },
    async status() {
      await ready;
      let version: number | null = null;
      let built: string | null = null;
      let counts: DatasetStatus['counts'] = { documents: 0, persons: 0, organizations: 0 };
      // One source for the whole answer: an import may switch `current` while this awaits.
      const source = current?.source ?? 'none';
      if (source === 'database') {
        const meta = await deps.database.meta().catch(() => null);
        version = meta?.version ?? null;
        built = meta?.built ?? null;
        counts = await deps.database.counts().catch(() => counts);
      } else if (source === 'bundle' && bundle) {
        const d = await bundle;
        version = d.meta.version;
        built = d.meta.built;
        counts = countsOf(d);
      }
      return { version, built, counts, source, ...state };
    },
    ensureBundleImported,
    async reimportBundle() {
      // Said at once, so a status asked right after the click already shows it.
      state.importState = 'importing';
      state.error = null;
      state.errorCode = null;
      await ready;
      // Never beside another import: both write through the same staging.
      while (importing) await importing.catch(() => {});
      importing = (async () => {
        state.importState = 'importing';
        let d: Dataset;
        try {
          d = await loadBundle();
          current = { reader: deps.memoryReader(d), source: 'bundle' };
          gazetteer = deps.gazetteerOf(d);
          await deps.database.clearDataset();
        } catch (err) {
          state.importState = 'failed';
          state.error = err instanceof Error ? err.message : String(err);
          state.errorCode = null;
          log(`re-import failed: ${state.error}`);
          return;
        }
        await runImport(d);
      })().finally(() => {
        importing = null;
      });
      return importing;
    },
    datasetChanged() {
      current = { reader: deps.database.reader(), source: 'database' };
      gazetteer = null;
    },
  };
}
