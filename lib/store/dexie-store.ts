// The dataset in IndexedDB, owned by the background: one object that both reads
// (ReferenceReader, at the active version) and writes (DatasetWriter, staging a
// new version beside it). The version scheme is described in dexie-schema.ts.
// IndexedDB is passed in, never taken from globals: tests use fake-indexeddb.
import type { Collection } from 'dexie';
import { symbolKey } from '../dataset/keys.ts';
import type { DatasetMeta, DocumentEntry, OrganizationEntry, PersonEntry } from '../dataset/schema.ts';
import type { SearchResponse } from '../protocol.ts';
import { type SearchOptions, search, type TermIndex } from '../search/search.ts';
import {
  type ActiveRow,
  type DatasetMetaRow,
  type EntryRow,
  type IndexRow,
  type KindCounts,
  type LearnedDocument,
  MAX_LEARNED_PAGES,
  OPEN_END,
  RefLensDatabase,
  type StagingRow,
  zeroCounts,
} from './dexie-schema.ts';
import { isQuotaError, StoreFullError } from './quota.ts';
import type { BatchReader, Entry, ReferenceReader } from './reader.ts';
import {
  dateBound,
  type EntryKind,
  kindOf,
  type NearDate,
  RANK_SEP,
  STATUS_CLASSES,
  type TermRow,
  termsOf,
} from './terms.ts';
import type { DatasetWriter, StagedVersion } from './writer.ts';

export interface DexieStoreDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  /** Database name; tests and benchmarks use their own. */
  name?: string;
  /** Rows deleted or reset per transaction by cleanup and garbage collection. */
  cleanupChunk?: number;
  log?(message: string): void;
}

export class NoDatasetError extends Error {
  override name = 'NoDatasetError';
  constructor() {
    super('The database holds no complete dataset yet.');
  }
}

/** A StagedVersion used after it was committed, aborted, or replaced by a newer staging. */
export class StagingLostError extends Error {
  override name = 'StagingLostError';
}

interface Snapshot {
  version: number;
  floor: number;
}

const visible = (row: { from: number; to: number }, s: Snapshot) =>
  row.from >= s.floor && row.from <= s.version && row.to > s.version;

type Range = [string, number];

/** Reads at one version, inside the transaction it was made in. */
class PinnedReader implements BatchReader, TermIndex {
  private readonly db: RefLensDatabase;
  private readonly at: Snapshot;

  constructor(db: RefLensDatabase, at: Snapshot) {
    this.db = db;
    this.at = at;
  }

  get version(): number {
    return this.at.version;
  }

  private range(id: string): [Range, Range] {
    return [
      [id, this.at.floor],
      [id, this.at.version],
    ];
  }

  private async visibleIndexRows(collection: Collection<IndexRow, [string, number]>): Promise<IndexRow[]> {
    return (await collection.toArray()).filter((r) => visible(r, this.at));
  }

  private async entriesOf(rows: readonly IndexRow[]): Promise<Map<string, Entry>> {
    const found = await this.db.entries.bulkGet(rows.map((r) => [r.id, r.from] as [string, number]));
    const out = new Map<string, Entry>();
    for (const row of found) if (row) out.set(row.id, row.entry);
    return out;
  }

  async getByIds(ids: readonly string[]): Promise<Map<string, Entry>> {
    const lists = await Promise.all(
      [...new Set(ids)].map((id) => {
        const [lo, hi] = this.range(id);
        return this.db.entries.where('[id+from]').between(lo, hi, true, true).toArray();
      }),
    );
    const out = new Map<string, Entry>();
    for (const list of lists) for (const row of list) if (visible(row, this.at)) out.set(row.id, row.entry);
    return out;
  }

  /** Visible entries behind index primary keys, first occurrence of each id, in the given order. */
  private async visibleEntries(keys: readonly [string, number][]): Promise<Entry[]> {
    const rows = await this.db.entries.bulkGet(keys as [string, number][]);
    const out = new Map<string, Entry>();
    for (const row of rows) if (row && visible(row, this.at) && !out.has(row.id)) out.set(row.id, row.entry);
    return [...out.values()];
  }

  private async entriesByKeys<T extends Entry>(
    prefix: string,
    keys: readonly string[],
    keep: (kind: EntryKind) => boolean,
  ): Promise<Map<string, T[]>> {
    const perKey = await Promise.all(
      keys.map(async (key) => {
        // d: and s: keys carry their tie order after RANK_SEP (terms.ts): an exact key is that range.
        // Primary keys only: the entries are read once, not the index rows with their key lists.
        const where = this.db.terms.where('k');
        const collection =
          prefix === 'n:' ? where.equals(prefix + key) : where.startsWith(prefix + key + RANK_SEP);
        const entries = await this.visibleEntries((await collection.primaryKeys()) as [string, number][]);
        return [key, entries.filter((e) => keep(kindOf(e))) as T[]] as const;
      }),
    );
    const out = new Map<string, T[]>();
    for (const [key, list] of perKey) if (list.length > 0) out.set(key, list);
    return out;
  }

  async documentsNear(by: 'key' | 'symbol', key: string, near: NearDate): Promise<DocumentEntry[]> {
    const base = `${by === 'key' ? 'd:' : 's:'}${key}${RANK_SEP}`;
    const bound = dateBound(near.date);
    const where = () => this.db.terms.where('k');
    // Two short range reads per status class, in the order selectNear (terms.ts) describes.
    const lists = await Promise.all(
      STATUS_CLASSES.flatMap((c) => [
        where()
          .between(base + c + bound, `${base}${c}\uffff`, true, true)
          .limit(near.before)
          .primaryKeys(),
        where()
          .between(base + c, base + c + bound, true, false)
          .reverse()
          .limit(near.after)
          .primaryKeys(),
      ]),
    );
    return (await this.visibleEntries(lists.flat() as [string, number][])) as DocumentEntry[];
  }

  documentsByKeys(keys: readonly string[]): Promise<Map<string, DocumentEntry[]>> {
    return this.entriesByKeys('d:', keys, () => true);
  }

  documentsBySymbols(keys: readonly string[]): Promise<Map<string, DocumentEntry[]>> {
    return this.entriesByKeys('s:', keys, () => true);
  }

  personsByNames(keys: readonly string[]): Promise<Map<string, PersonEntry[]>> {
    return this.entriesByKeys('n:', keys, (k) => k === 'person');
  }

  organizationsByNames(keys: readonly string[]): Promise<Map<string, OrganizationEntry[]>> {
    return this.entriesByKeys('n:', keys, (k) => k === 'organization' || k === 'place');
  }

  search(query: string, opts: SearchOptions): Promise<SearchResponse> {
    return search(this, query, opts);
  }

  batch<T>(fn: (reader: BatchReader) => Promise<T>): Promise<T> {
    return fn(this);
  }

  // --- TermIndex: bounded reads for search ---

  async withKeys(keys: readonly string[], cap: number): Promise<{ rows: TermRow[]; capped: boolean }> {
    const lists = await Promise.all(
      keys.map((k) =>
        this.db.terms
          .where('k')
          .equals(k)
          .limit(cap + 1)
          .toArray(),
      ),
    );
    const rows: TermRow[] = [];
    let read = 0;
    for (const list of lists) {
      for (const row of list) {
        if (read++ >= cap) return { rows, capped: true };
        if (visible(row, this.at)) rows.push(row);
      }
    }
    return { rows, capped: false };
  }

  async withPrefix(prefix: string, cap: number): Promise<{ rows: TermRow[]; capped: boolean }> {
    const list = await this.db.terms
      .where('k')
      .startsWith(prefix)
      .limit(cap + 1)
      .toArray();
    return { rows: list.slice(0, cap).filter((r) => visible(r, this.at)), capped: list.length > cap };
  }

  async countUpTo(key: string, prefix: boolean, cap: number): Promise<number> {
    const where = this.db.terms.where('k');
    return (await (prefix ? where.startsWith(key) : where.equals(key)).limit(cap).primaryKeys()).length;
  }

  async byIds(ids: readonly string[]): Promise<TermRow[]> {
    const lists = await Promise.all(
      ids.map((id) => {
        const [lo, hi] = this.range(id);
        return this.db.terms.where('[id+from]').between(lo, hi, true, true).toArray();
      }),
    );
    return lists.flat().filter((r) => visible(r, this.at));
  }

  /** Persons, bodies, places and laws: what the detector's name lists are built from. */
  async gazetteerEntries(): Promise<Entry[]> {
    const rows = await this.visibleIndexRows(this.db.terms.where('g').equals(1));
    return [...(await this.entriesOf(rows)).values()];
  }
}

/** A learned document as the content script reports it. */
export interface LearnedInput {
  symbol: string;
  docType: string;
  number: string | null;
  issuer: string | null;
  issuedDate: string | null;
  subject: string | null;
  pageUrl: string;
  /** YYYY-MM-DD */
  seen: string;
}

export interface LearnedExport {
  format: 'reflens-learned';
  formatVersion: 1;
  documents: Omit<LearnedDocument, 'key'>[];
}

const sameDate = (a: string | null, b: string | null) => a === null || b === null || a === b;

let tokens = 0;
const newToken = () =>
  `${Date.now().toString(36)}-${(tokens++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class DexieStore implements ReferenceReader, DatasetWriter {
  readonly db: RefLensDatabase;
  private readonly chunk: number;
  private readonly log: (m: string) => void;
  private readonly commitListeners = new Set<(version: number) => void>();
  private gcRunning: Promise<void> | null = null;

  constructor(deps: DexieStoreDeps) {
    this.db = new RefLensDatabase(deps.name ?? 'reflens', deps);
    // Small: every cleanup transaction holds readers back until it ends, and a hover must not
    // wait long behind one (2,000 rows per transaction cost lookups up to 2 s after a sync).
    this.chunk = deps.cleanupChunk ?? 250;
    this.log = deps.log ?? (() => {});
  }

  /** Opens the database and finishes a garbage collection a previous run left pending. */
  async open(): Promise<void> {
    await this.db.open();
    const active = await this.activeRow();
    if (active?.gcPending)
      void this.collectGarbage().catch((e: unknown) => this.log(`cleanup failed: ${String(e)}`));
  }

  close(): void {
    this.db.close();
  }

  /** Called after each commit with the new version (the background drops cached answers). */
  onCommit(listener: (version: number) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private async activeRow(): Promise<ActiveRow | undefined> {
    return (await this.db.meta.get('active')) as ActiveRow | undefined;
  }

  // --- reading ---

  batch<T>(fn: (reader: BatchReader) => Promise<T>): Promise<T> {
    const { db } = this;
    return db.transaction('r', [db.meta, db.entries, db.terms], async () => {
      const active = (await db.meta.get('active')) as ActiveRow | undefined;
      if (!active) throw new NoDatasetError();
      return fn(new PinnedReader(db, { version: active.version, floor: active.floor }));
    });
  }

  getByIds(ids: readonly string[]) {
    return this.batch((r) => r.getByIds(ids));
  }
  documentsByKeys(keys: readonly string[]) {
    return this.batch((r) => r.documentsByKeys(keys));
  }
  documentsBySymbols(keys: readonly string[]) {
    return this.batch((r) => r.documentsBySymbols(keys));
  }
  documentsNear(by: 'key' | 'symbol', key: string, near: NearDate) {
    return this.batch((r) => r.documentsNear(by, key, near));
  }
  personsByNames(keys: readonly string[]) {
    return this.batch((r) => r.personsByNames(keys));
  }
  organizationsByNames(keys: readonly string[]) {
    return this.batch((r) => r.organizationsByNames(keys));
  }
  search(query: string, opts: SearchOptions) {
    return this.batch((r) => r.search(query, opts));
  }

  /** Persons, bodies, places and laws of the active version, with its metadata, read in one transaction. */
  gazetteerEntries(): Promise<{ version: number; meta: DatasetMeta; entries: Entry[] }> {
    return this.batch(async (r) => {
      const row = (await this.db.meta.get('dataset')) as DatasetMetaRow | undefined;
      if (!row) throw new NoDatasetError();
      return { version: r.version, meta: row.meta, entries: await (r as PinnedReader).gazetteerEntries() };
    });
  }

  async counts(): Promise<KindCounts | null> {
    return (await this.activeRow())?.counts ?? null;
  }

  async datasetMeta(): Promise<DatasetMeta | null> {
    const { db } = this;
    return db.transaction('r', db.meta, async () => {
      const active = await db.meta.get('active');
      const row = (await db.meta.get('dataset')) as DatasetMetaRow | undefined;
      return active && row ? row.meta : null;
    });
  }

  // --- writing ---

  async activeVersion(): Promise<number | null> {
    return (await this.activeRow())?.version ?? null;
  }

  private async write<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await what();
    } catch (err) {
      if (isQuotaError(err)) throw new StoreFullError(err);
      throw err;
    }
  }

  /** Deletes rows of any unfinished staging and reopens the rows it had closed. */
  private async discardStaged(): Promise<void> {
    const { db } = this;
    await this.write(() => db.transaction('rw', db.meta, () => db.meta.delete('staging')));
    const active = (await this.activeRow())?.version ?? 0;
    for (;;) {
      const done = await this.write(() =>
        db.transaction('rw', db.entries, db.terms, async () => {
          const keys = await db.terms.where('from').above(active).limit(this.chunk).primaryKeys();
          const entryKeys = await db.entries.where('from').above(active).limit(this.chunk).primaryKeys();
          await db.terms.bulkDelete(keys);
          await db.entries.bulkDelete(entryKeys);
          return keys.length === 0 && entryKeys.length === 0;
        }),
      );
      if (done) break;
    }
    for (;;) {
      const done = await this.write(() =>
        db.transaction('rw', db.entries, db.terms, async () => {
          const reopen = <T extends { to: number }>(rows: (T | undefined)[]) =>
            rows.flatMap((r) => (r ? [{ ...r, to: OPEN_END }] : []));
          const closed = (t: typeof db.terms | typeof db.entries) =>
            t
              .where('to')
              .between(active + 1, OPEN_END, true, false)
              .limit(this.chunk)
              .primaryKeys();
          const termKeys = await closed(db.terms);
          const entryKeys = await closed(db.entries);
          await db.terms.bulkPut(reopen(await db.terms.bulkGet(termKeys)));
          await db.entries.bulkPut(reopen(await db.entries.bulkGet(entryKeys)));
          return termKeys.length === 0 && entryKeys.length === 0;
        }),
      );
      if (done) break;
    }
  }

  async stage(target: number, base: 'snapshot' | 'delta'): Promise<StagedVersion> {
    if (!Number.isSafeInteger(target) || target <= 0)
      throw new RangeError(`Not a dataset version: ${target}.`);
    await this.discardStaged();
    const { db } = this;
    const token = newToken();
    const staging = await this.write(() =>
      db.transaction('rw', db.meta, async () => {
        const active = (await db.meta.get('active')) as ActiveRow | undefined;
        if (active && target <= active.version) {
          throw new RangeError(`Version ${target} is not newer than the active version ${active.version}.`);
        }
        if (base === 'delta' && !active)
          throw new Error('A delta needs a dataset to apply to; the database holds none.');
        const row: StagingRow = {
          key: 'staging',
          token,
          target,
          base,
          floor: base === 'snapshot' || !active ? target : active.floor,
          counts: base === 'delta' && active ? { ...active.counts } : zeroCounts(),
          checkpoint: null,
        };
        await db.meta.put(row);
        return row;
      }),
    );
    return new Staging(this, staging);
  }

  /**
   * The staging of `target` a previous run left unfinished, to continue from its
   * last checkpoint; null when there is none (then `stage` starts afresh).
   */
  async resume(target: number): Promise<StagedVersion | null> {
    const row = (await this.db.meta.get('staging')) as StagingRow | undefined;
    if (!row || row.target !== target) return null;
    const active = await this.activeVersion();
    if (active !== null && active >= target) return null;
    return new Staging(this, row);
  }

  /** @internal Staging calls these; they run inside its transactions. */
  async checkStaging(token: string): Promise<{ staging: StagingRow; active: ActiveRow | undefined }> {
    const staging = (await this.db.meta.get('staging')) as StagingRow | undefined;
    if (!staging || staging.token !== token) {
      throw new StagingLostError('This staged version was committed, aborted or replaced by a newer one.');
    }
    return { staging, active: (await this.db.meta.get('active')) as ActiveRow | undefined };
  }

  async writeChunk(
    token: string,
    entries: readonly Entry[],
    remove: readonly string[],
    checkpoint: unknown,
  ): Promise<void> {
    const { db } = this;
    try {
      await db.transaction('rw', db.meta, db.entries, db.terms, async () => {
        const { staging, active } = await this.checkStaging(token);
        const target = staging.target;
        const counts = { ...staging.counts };
        // Last one wins when a chunk names an id twice.
        const put = [...new Map(entries.map((e) => [e.id, e])).values()];
        const ids = [...new Set([...put.map((e) => e.id), ...remove])];
        // Rows already staged for these ids (an entry put twice, or put then removed).
        const staged = await db.terms.bulkGet(ids.map((id) => [id, target] as [string, number]));
        const stagedById = new Map<string, IndexRow>();
        for (const row of staged) if (row) stagedById.set(row.id, row);
        for (const row of stagedById.values()) counts[row.kind]--;
        // A delta closes the active row of each id it touches for the first time.
        if (staging.base === 'delta' && active) {
          const at = { version: active.version, floor: active.floor };
          for (const id of ids) {
            if (stagedById.has(id)) continue;
            const rows = await db.terms
              .where('[id+from]')
              .between([id, at.floor], [id, at.version], true, true)
              .toArray();
            const current = rows.find((r) => visible(r, at));
            if (!current) continue;
            counts[current.kind]--;
            await db.terms.update([id, current.from], { to: target });
            await db.entries.update([id, current.from], { to: target });
          }
        }
        const removed = remove
          .filter((id) => stagedById.has(id))
          .map((id) => [id, target] as [string, number]);
        await db.terms.bulkDelete(removed);
        await db.entries.bulkDelete(removed);
        const termRows: IndexRow[] = [];
        const entryRows: EntryRow[] = [];
        for (const entry of put) {
          const terms = termsOf(entry);
          counts[terms.kind]++;
          termRows.push({ ...terms, from: target, to: OPEN_END });
          entryRows.push({ id: entry.id, from: target, to: OPEN_END, entry });
        }
        await db.terms.bulkPut(termRows);
        await db.entries.bulkPut(entryRows);
        await db.meta.put({
          ...staging,
          counts,
          checkpoint: checkpoint === undefined ? staging.checkpoint : checkpoint,
        });
      });
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      // Free what this staging took, so the browser has room again; the active version never changed.
      await this.discardStaged().catch(() => {});
      throw new StoreFullError(err);
    }
  }

  async commitStaging(token: string, meta: DatasetMeta): Promise<void> {
    const { db } = this;
    const version = await this.write(() =>
      db.transaction('rw', db.meta, async () => {
        const { staging } = await this.checkStaging(token);
        if (meta.version !== staging.target) {
          throw new RangeError(
            `The metadata says version ${meta.version}, but version ${staging.target} was staged.`,
          );
        }
        const active: ActiveRow = {
          key: 'active',
          version: staging.target,
          floor: staging.floor,
          counts: staging.counts,
          gcPending: true,
        };
        await db.meta.bulkPut([active, { key: 'dataset', meta }]);
        await db.meta.delete('staging');
        return staging.target;
      }),
    );
    for (const listener of this.commitListeners) listener(version);
    await this.collectGarbage().catch((e: unknown) => this.log(`cleanup after commit failed: ${String(e)}`));
  }

  async abortStaging(token: string): Promise<void> {
    const row = (await this.db.meta.get('staging')) as StagingRow | undefined;
    if (!row || row.token !== token) return;
    await this.discardStaged();
  }

  /**
   * Deletes rows no reader at the active version can see, then learned documents
   * the active version now holds. Chunked; safe to interrupt and run again.
   */
  collectGarbage(): Promise<void> {
    this.gcRunning ??= this.runGarbageCollection().finally(() => {
      this.gcRunning = null;
    });
    return this.gcRunning;
  }

  private async runGarbageCollection(): Promise<void> {
    const { db } = this;
    const active = await this.activeRow();
    if (!active) return;
    for (;;) {
      const n = await db.transaction('rw', db.entries, db.terms, async () => {
        let deleted = 0;
        for (const table of [db.terms, db.entries] as const) {
          const stale = [
            ...(await table.where('to').belowOrEqual(active.version).limit(this.chunk).primaryKeys()),
            ...(await table.where('from').below(active.floor).limit(this.chunk).primaryKeys()),
          ];
          deleted += stale.length;
          await table.bulkDelete(stale);
        }
        return deleted;
      });
      if (n === 0) break;
      // Let lookups queued meanwhile run before the next chunk takes the tables again.
      await new Promise((resume) => setTimeout(resume, 0));
    }
    await this.dropLearnedNowKnown();
    await db.transaction('rw', db.meta, async () => {
      const now = (await db.meta.get('active')) as ActiveRow | undefined;
      if (now && now.version === active.version) await db.meta.put({ ...now, gcPending: false });
    });
  }

  // --- learned documents ---

  private async knownInActive(
    docs: readonly Pick<LearnedDocument, 'symbolKey' | 'issuedDate'>[],
  ): Promise<boolean[]> {
    const active = await this.activeRow();
    if (!active || docs.length === 0) return docs.map(() => false);
    return this.batch(async (r) => {
      const bySymbol = await r.documentsBySymbols(docs.map((d) => d.symbolKey));
      return docs.map((d) =>
        (bySymbol.get(d.symbolKey) ?? []).some((e) => sameDate(e.issuedDate, d.issuedDate)),
      );
    });
  }

  private async dropLearnedNowKnown(): Promise<void> {
    const all = await this.db.learned.toArray();
    const known = await this.knownInActive(all);
    const drop = all.filter((_, i) => known[i]).map((d) => d.key);
    if (drop.length > 0) await this.db.learned.bulkDelete(drop);
  }

  /**
   * Keeps a document a page cited that the dataset lacks. Survives dataset
   * updates until one brings the same document (same symbol; same issued date
   * where both have one). Returns false when the dataset already has it.
   */
  async learn(input: LearnedInput): Promise<boolean> {
    const sk = symbolKey(input.symbol);
    if ((await this.knownInActive([{ symbolKey: sk, issuedDate: input.issuedDate }]))[0]) return false;
    const key = `${sk}@${input.issuedDate ?? ''}`;
    const { db } = this;
    await this.write(() =>
      db.transaction('rw', db.learned, async () => {
        const old = await db.learned.get(key);
        const pages = [
          { url: input.pageUrl, seen: input.seen },
          ...(old?.pages ?? []).filter((p) => p.url !== input.pageUrl),
        ].slice(0, MAX_LEARNED_PAGES);
        await db.learned.put({
          key,
          symbolKey: sk,
          symbol: input.symbol,
          docType: input.docType,
          number: input.number,
          issuer: input.issuer ?? old?.issuer ?? null,
          issuedDate: input.issuedDate,
          subject: input.subject ?? old?.subject ?? null,
          pages,
        });
      }),
    );
    return true;
  }

  /** Learned documents with this symbol key (any issued date). */
  learnedBySymbol(key: string): Promise<LearnedDocument[]> {
    return this.db.learned.where('symbolKey').equals(key).toArray();
  }

  async exportLearned(): Promise<LearnedExport> {
    const documents = (await this.db.learned.toArray()).map(({ key: _key, ...rest }) => rest);
    return { format: 'reflens-learned', formatVersion: 1, documents };
  }

  async clearLearned(): Promise<void> {
    await this.db.learned.clear();
  }

  /**
   * Drops every version, any staging and the dataset metadata in one
   * transaction (page-learned documents stay): the re-import of the bundle
   * starts from an empty store, whatever version it held.
   */
  async clearDataset(): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.entries, db.terms, db.meta], async () => {
      await Promise.all([db.entries.clear(), db.terms.clear(), db.meta.clear()]);
    });
  }
}

class Staging implements StagedVersion {
  readonly target: number;
  /** The checkpoint recorded with the last chunk written before a restart (null when fresh). */
  readonly checkpoint: unknown;
  private readonly token: string;
  private readonly store: DexieStore;

  constructor(store: DexieStore, row: StagingRow) {
    this.store = store;
    this.target = row.target;
    this.token = row.token;
    this.checkpoint = row.checkpoint;
  }

  put(entries: readonly Entry[], checkpoint?: unknown): Promise<void> {
    return this.store.writeChunk(this.token, entries, [], checkpoint);
  }

  remove(ids: readonly string[], checkpoint?: unknown): Promise<void> {
    return this.store.writeChunk(this.token, [], ids, checkpoint);
  }

  commit(meta: DatasetMeta): Promise<void> {
    return this.store.commitStaging(this.token, meta);
  }

  abort(): Promise<void> {
    return this.store.abortStaging(this.token);
  }
}
