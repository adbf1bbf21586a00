// The IndexedDB layout (Dexie) and its version scheme. Read this before
// writing to the database from anywhere else.
//
// Multi-version rows. Every row of `entries` and `terms` carries
//   from: the first dataset version it belongs to
//   to:   the first version it no longer belongs to (OPEN_END = still current)
// and `meta.active` records { version, floor }. A reader at the active version V
// sees exactly the rows with floor ≤ from ≤ V < to. So:
// - staging version T (> V) writes rows with from = T: invisible to readers at V;
// - a delta marks the rows it replaces or removes with to = T: still visible at V
//   (V < T), invisible at T;
// - a snapshot sets its floor to T instead, hiding every older row at T without
//   touching it;
// - commit writes meta.active = { version: T, floor } in one small transaction:
//   the switch is atomic, and readers never see a mix;
// - abort (or the leftovers of a worker killed mid-staging) deletes rows with
//   from > V and puts to back to OPEN_END where V < to < OPEN_END;
// - garbage collection after a commit deletes rows with to ≤ V or from < floor,
//   which no reader at V can see.
// Each staging chunk is its own short transaction, so lookups interleave with an import.
import { Dexie, type Table } from 'dexie';
import type { DatasetMeta } from '../dataset/schema.ts';
import type { Entry } from './reader.ts';
import type { EntryKind, TermRow } from './terms.ts';

/** `to` of a row that is still current. */
export const OPEN_END = Number.MAX_SAFE_INTEGER;

export type KindCounts = Record<EntryKind, number>;
export const zeroCounts = (): KindCounts => ({ document: 0, person: 0, organization: 0, place: 0 });

export interface Versioned {
  id: string;
  from: number;
  to: number;
}

export interface EntryRow extends Versioned {
  entry: Entry;
}

export type IndexRow = Versioned & TermRow;

export interface ActiveRow {
  key: 'active';
  version: number;
  floor: number;
  counts: KindCounts;
  /** Old rows of a previous version may remain: collect them (again) on the next start. */
  gcPending: boolean;
}

export interface DatasetMetaRow {
  key: 'dataset';
  meta: DatasetMeta;
}

export interface StagingRow {
  key: 'staging';
  /** Identifies one staging; a StagedVersion whose token is gone was aborted or superseded. */
  token: string;
  target: number;
  base: 'snapshot' | 'delta';
  floor: number;
  counts: KindCounts;
  /** Whatever the writer recorded with its last chunk (JSON-like), to resume after a restart. */
  checkpoint: unknown;
}

export type MetaRow = ActiveRow | DatasetMetaRow | StagingRow;

/** A document the content script read on a page and the dataset lacks. */
export interface LearnedDocument {
  /** symbolKey + "@" + issued date (or ""): one row per document identity. */
  key: string;
  symbolKey: string;
  symbol: string;
  docType: string;
  number: string | null;
  issuer: string | null;
  issuedDate: string | null;
  subject: string | null;
  /** Pages it was seen on, newest first, at most MAX_LEARNED_PAGES. */
  pages: { url: string; seen: string }[];
}

export const MAX_LEARNED_PAGES = 10;

export class RefLensDatabase extends Dexie {
  entries!: Table<EntryRow, [string, number]>;
  terms!: Table<IndexRow, [string, number]>;
  meta!: Table<MetaRow, string>;
  learned!: Table<LearnedDocument, string>;

  constructor(name: string, deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
    this.version(1).stores({
      entries: '[id+from], from, to',
      // k: every lookup and search key (lib/store/terms.ts); g: rows the detector's name lists come from.
      terms: '[id+from], from, to, *k, g',
      meta: 'key',
      learned: 'key, symbolKey',
    });
  }
}
