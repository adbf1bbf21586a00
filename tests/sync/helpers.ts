// Shared by the sync unit tests: deterministic test keys, a small dataset and
// its next versions, channels written to a temp dir and served on 127.0.0.1,
// and the real IndexedDB store on fake-indexeddb behind a writer that can play
// a full disk or a worker stopped mid-apply.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { assembleDataset } from '../../lib/dataset/assemble.ts';
import type { JsonlFile } from '../../lib/dataset/jsonl.ts';
import type { Dataset } from '../../lib/dataset/schema.ts';
import type { Collection } from '../../lib/dataset/validate.ts';
import { validateDataset } from '../../lib/dataset/validate.ts';
import { DexieStore } from '../../lib/store/dexie-store.ts';
import { importSnapshot } from '../../lib/store/import-snapshot.ts';
import type { DatasetWriter, StagedVersion } from '../../lib/store/writer.ts';
import type { OnlinePort, TimerPort } from '../../lib/sync/download.ts';
import { sha256Hex } from '../../lib/sync/download.ts';
import { generateKeyPair, type SecretKeyFile, type TrustedKey } from '../../lib/sync/keys.ts';
import {
  type Manifest,
  type ManifestBody,
  serializeManifest,
  signManifest,
} from '../../lib/sync/manifest.ts';
import { MANIFEST_FILE, publishChannel } from '../../lib/sync/publish.ts';
import { collectionOfEntry } from '../../lib/sync/records.ts';
import type { SyncRunDeps } from '../../lib/sync/sync-run.ts';
import {
  type ChannelServer,
  type ChannelServerOptions,
  startChannelServer,
} from '../../tools/channel-server.ts';

/** Keys from fixed seeds: the same in every run, and trusted only where a test says so. */
export function testKey(name: string): SecretKeyFile {
  return generateKeyPair('2026-01-01', sha256(new TextEncoder().encode(`reflens test key ${name}`)));
}
export const trusted = (...keys: SecretKeyFile[]): TrustedKey[] =>
  keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey }));

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'dataset');

export function fixtureDataset(version = 1): Dataset {
  const files: JsonlFile[] = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => ({ path: `fixtures/${f}`, content: readFileSync(join(FIXTURES, f), 'utf8') }));
  const r = assembleDataset(files, version, '2026-01-01');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.dataset;
}

/** A copy of `ds` as version `version`, changed by `change`, and validated. */
export function nextVersion(ds: Dataset, version: number, change: (d: Dataset) => void): Dataset {
  const copy = structuredClone(ds);
  copy.meta = { ...copy.meta, version, built: `2026-01-0${Math.min(version, 9)}` };
  change(copy);
  const r = validateDataset(copy);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.dataset;
}

const TEST_SOURCE = [
  { file: 'tests/fixtures/dataset/README.txt', quote: 'Names and facts are invented for the tests' },
];

/** Adds `n` invented persons, so a snapshot outweighs a few deltas as it does with the real dataset. */
export function padded(ds: Dataset, n: number): Dataset {
  return nextVersion(ds, ds.meta.version, (d) => {
    for (let i = 0; i < n; i++) {
      d.persons.push({
        id: `person:test-filler-${String(i).padStart(3, '0')}`,
        name: `Người Thử ${i}`,
        aliases: [],
        birthYear: null,
        posts: [{ title: 'Chuyên viên Bộ Thử nghiệm', body: 'Bộ Thử nghiệm', start: null, end: null }],
        sources: TEST_SOURCE,
      });
    }
  });
}

/** v2 of the fixture: a post changed, a document added that replaces one already there. */
export function fixtureV2(v1: Dataset = fixtureDataset()): Dataset {
  return nextVersion(v1, 2, (d) => {
    const person = d.persons[0];
    if (!person) throw new Error('fixture has no person');
    person.posts = [
      { title: 'Bộ trưởng Bộ Thử nghiệm', body: 'Bộ Thử nghiệm', start: '2016', end: '2025-02' },
      { title: 'Bộ trưởng Bộ Mới', body: 'Bộ Mới', start: '2025-03', end: null },
    ];
    d.documents.push({
      id: 'doc:3/2025/QH15',
      type: 'Luật',
      number: '3',
      symbol: '3/2025/QH15',
      issuers: ['Quốc hội'],
      signer: null,
      issuedDate: '2025-06-01',
      effectiveDate: null,
      status: 'unknown',
      statusDate: null,
      title: 'Luật Thử nghiệm (thay thế)',
      summary: null,
      aliases: [],
      relations: [{ type: 'replaces', target: 'doc:1/2020/QH14' }],
      sources: TEST_SOURCE,
    });
    const old = d.documents.find((x) => x.id === 'doc:1/2020/QH14');
    if (!old) throw new Error('fixture lacks doc:1/2020/QH14');
    old.relations = [{ type: 'replacedBy', target: 'doc:3/2025/QH15' }];
    old.sources = [
      ...old.sources,
      { ...TEST_SOURCE[0], supports: ['relations'] } as (typeof old.sources)[number],
    ];
  });
}

/** v3: an organization removed (and the references to it), another document added. */
export function fixtureV3(v2: Dataset = fixtureV2()): Dataset {
  return nextVersion(v2, 3, (d) => {
    d.organizations = d.organizations.filter((o) => o.id !== 'org:bo-thu-nghiem');
    for (const o of d.organizations) o.predecessors = o.predecessors.filter((p) => p !== 'org:bo-thu-nghiem');
    d.documents.push({
      id: 'doc:4/2026/QH15',
      type: 'Luật',
      number: '4',
      symbol: '4/2026/QH15',
      issuers: [],
      signer: null,
      issuedDate: null,
      effectiveDate: null,
      status: 'unknown',
      statusDate: null,
      title: null,
      summary: null,
      aliases: [],
      relations: [],
      sources: TEST_SOURCE,
    });
  });
}

export interface Channel {
  dir: string;
  files: Map<string, Uint8Array>;
}

/** Publishes `versions` in turn into one directory, each on top of the last (as --from does). */
export function publishVersions(versions: Dataset[], keys: SecretKeyFile[], dir = tempDir()): Channel {
  let files = new Map<string, Uint8Array>();
  for (const ds of versions) {
    const prev = files.get(MANIFEST_FILE);
    const before = files;
    const out = publishChannel({
      dataset: ds,
      published: '2026-01-01T00:00:00Z',
      minExtensionVersion: '0.1.0',
      keys,
      previous: prev
        ? {
            manifestText: new TextDecoder().decode(prev),
            read: (p) => {
              const b = before.get(p);
              if (!b) throw new Error(`no ${p}`);
              return b;
            },
          }
        : undefined,
    });
    files = out.files;
  }
  for (const [p, b] of files) writeFileSync(join(dir, p), b);
  return { dir, files };
}

export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;

/** Edits a channel's manifest and signs it again: a publisher that signed something wrong. */
export function resignManifest(dir: string, edit: (b: ManifestBody) => void, keys: SecretKeyFile[]): void {
  const { signatures: _s, ...body } = readManifest(dir);
  edit(body);
  writeFileSync(join(dir, MANIFEST_FILE), serializeManifest(signManifest(body, keys)));
}

/** Rewrites a record file and re-signs the manifest with its true size and hash: only the content is wrong. */
export function replaceRecordFile(
  dir: string,
  path: string,
  edit: (text: string) => string,
  keys: SecretKeyFile[],
): void {
  const text = edit(readFileSync(join(dir, path), 'utf8'));
  writeFileSync(join(dir, path), text);
  const bytes = new TextEncoder().encode(text);
  resignManifest(
    dir,
    (b) => {
      for (const f of [b.snapshot, ...b.deltas]) {
        if (f.path === path) Object.assign(f, { size: bytes.byteLength, sha256: sha256Hex(bytes) });
      }
    },
    keys,
  );
}

const dirs: string[] = [];
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'reflens-sync-'));
  dirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function serve(dir: string, o: ChannelServerOptions = {}): Promise<ChannelServer> {
  return startChannelServer(dir, o);
}

export const realTimers: TimerPort = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class FakeOnline implements OnlinePort {
  online = true;
  private waiters: (() => void)[] = [];
  isOnline(): boolean {
    return this.online;
  }
  waitForOnline(): Promise<void> {
    if (this.online) return Promise.resolve();
    return new Promise((ok) => this.waiters.push(ok));
  }
  set(on: boolean): void {
    this.online = on;
    if (on) for (const w of this.waiters.splice(0)) w();
  }
}

let stores = 0;

/** The real IndexedDB store (lib/store/dexie-store.ts) on fake-indexeddb, holding `ds` when given. */
export async function openStore(ds?: Dataset, name = `reflens-sync-test-${stores++}`): Promise<DexieStore> {
  const store = new DexieStore({ indexedDB, IDBKeyRange, name });
  await store.open();
  if (ds) await importSnapshot(store, ds);
  return store;
}

/**
 * The real store behind the writer contract, with faults a browser causes:
 * `failPutAt` makes that put call fail with the browser's QuotaExceededError;
 * `hangPutAt` never settles it (the worker was stopped there).
 */
export class FaultyWriter implements DatasetWriter {
  readonly store: DexieStore;
  putCalls = 0;
  failPutAt: number | null = null;
  hangPutAt: number | null = null;
  commits = 0;
  constructor(store: DexieStore, faults: { failPutAt?: number; hangPutAt?: number } = {}) {
    this.store = store;
    this.failPutAt = faults.failPutAt ?? null;
    this.hangPutAt = faults.hangPutAt ?? null;
  }
  activeVersion(): Promise<number | null> {
    return this.store.activeVersion();
  }
  async stage(target: number, base: 'snapshot' | 'delta'): Promise<StagedVersion> {
    return this.wrap(await this.store.stage(target, base));
  }
  async resume(target: number): Promise<StagedVersion | null> {
    const s = await this.store.resume(target);
    return s && this.wrap(s);
  }
  private wrap(s: StagedVersion): StagedVersion {
    return {
      target: s.target,
      checkpoint: s.checkpoint,
      put: async (entries, checkpoint) => {
        this.putCalls++;
        if (this.putCalls === this.failPutAt)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        if (this.putCalls === this.hangPutAt) await new Promise(() => {});
        return s.put(entries, checkpoint);
      },
      remove: (ids, checkpoint) => s.remove(ids, checkpoint),
      commit: async (meta) => {
        await s.commit(meta);
        this.commits++;
      },
      abort: () => s.abort(),
    };
  }
  baseCollections(ids: readonly string[]): Promise<Map<string, Collection>> {
    return baseCollectionsOf(this.store, ids);
  }
}

export async function baseCollectionsOf(
  store: DexieStore,
  ids: readonly string[],
): Promise<Map<string, Collection>> {
  const found = await store.getByIds(ids);
  return new Map([...found].map(([id, e]) => [id, collectionOfEntry(e)]));
}

const allIds = (sets: Dataset[]) => [
  ...new Set(sets.flatMap((d) => [...d.documents, ...d.persons, ...d.organizations].map((e) => e.id))),
];

/**
 * What readers of `store` see, over the ids of `universe`: the version, its
 * metadata and every entry by id. Equal for two stores = same data for any reader.
 */
export async function seen(store: DexieStore, universe: Dataset[]) {
  const version = await store.activeVersion();
  if (version === null) return { version, meta: null, entries: {} };
  const meta = await store.datasetMeta();
  const found = await store.getByIds(allIds(universe));
  return { version, meta, entries: Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** What a reader of a store holding exactly `ds` would see (for comparing with `seen`). */
export function expectedView(ds: Dataset) {
  const entries = [...ds.documents, ...ds.persons, ...ds.organizations].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  return {
    version: ds.meta.version,
    meta: ds.meta,
    entries: Object.fromEntries(entries.map((e) => [e.id, e])),
  };
}

/** A dataset in the canonical order a build produces, for comparing with what a store shows. */
export function sorted(ds: Dataset): Dataset {
  const by = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    meta: ds.meta,
    documents: [...ds.documents].sort(by),
    persons: [...ds.persons].sort(by),
    organizations: [...ds.organizations].sort(by),
  };
}

export function runDeps(
  writer: FaultyWriter,
  keys: TrustedKey[],
  extra: Partial<SyncRunDeps> = {},
): SyncRunDeps {
  return {
    fetch: (url, init) => fetch(url, init),
    timers: realTimers,
    online: new FakeOnline(),
    writer,
    baseCollections: (ids) => writer.baseCollections(ids),
    trustedKeys: keys,
    extensionVersion: '0.1.0',
    ...extra,
  };
}
