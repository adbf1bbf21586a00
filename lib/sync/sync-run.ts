// One sync, start to end: manifest → signature → version checks → plan →
// download each file (size, hash) → validate every record → apply atomically.
// Every check runs before the first write, so a refusal costs nothing but the
// download. Throws a SyncError naming the check that failed.
import type { DatasetMeta } from '../dataset/schema.ts';
import type { Collection } from '../dataset/validate.ts';
import type { Entry } from '../store/reader.ts';
import type { DatasetWriter } from '../store/writer.ts';
import { applyUpdate } from './apply.ts';
import type { DownloadPorts } from './download.ts';
import { download, sha256Hex } from './download.ts';
import { SyncError, storeError } from './errors.ts';
import type { TrustedKey } from './keys.ts';
import type { DeltaRef, FileRef, Manifest } from './manifest.ts';
import { compareVersions, MAX_MANIFEST_BYTES, parseManifest, planUpdate } from './manifest.ts';
import { readRecordFile, referencedIds, validateDelta, validateSnapshot } from './records.ts';

export interface SyncLimits {
  /** Largest record file accepted, whatever the manifest says. */
  maxFileBytes: number;
  /** No byte for this long → the download is given up. */
  stallMs: number;
  /** Entries per store transaction while applying. */
  chunkSize: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  // The whole dataset is ~2 MB today; 64 MiB leaves room to grow and still stops a runaway file.
  maxFileBytes: 64 * 1024 * 1024,
  stallMs: 20_000,
  chunkSize: 100,
};

/** Verified files kept between runs, so a worker stopped after downloading does not download again. */
export interface FileCache {
  get(sha256: string): Promise<Uint8Array | null>;
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  clear(): Promise<void>;
}

export type SyncPhase = 'checking' | 'downloading' | 'verifying' | 'applying';

export interface SyncProgress {
  phase: SyncPhase;
  target: number | null;
  bytes: number;
  totalBytes: number;
  records: number;
  totalRecords: number;
}

export type SyncOutcome =
  | { kind: 'up-to-date'; version: number }
  | {
      kind: 'updated';
      from: number | null;
      to: number;
      via: 'snapshot' | 'delta';
      /** Bytes fetched over the network this run (cached files not counted). */
      downloaded: number;
      records: number;
      /** Operations a stopped run had already written, continued from (0 when it started fresh). */
      resumedAt: number;
    };

export interface SyncRunDeps extends DownloadPorts {
  writer: DatasetWriter;
  /** Where each id lives in the active version; ids absent from the map are not there. */
  baseCollections(ids: readonly string[]): Promise<Map<string, Collection>>;
  trustedKeys: readonly TrustedKey[];
  extensionVersion: string;
  files?: FileCache;
  /**
   * The browser's storage estimate (navigator.storage.estimate). An update that
   * cannot fit is refused before the first write rather than halfway through it.
   */
  storageEstimate?(): Promise<{ quota?: number; usage?: number }>;
  limits?: Partial<SyncLimits>;
  onProgress?(p: SyncProgress): void;
  /** Awaited when a phase starts (a journal records "applying" before the first write). */
  onPhase?(phase: SyncPhase, target: number | null): Promise<void> | void;
}

/** https anywhere; plain http only on this machine (for trying a channel out). */
export function checkChannelUrl(url: string): URL {
  const trimmed = url.trim();
  if (!trimmed) throw new SyncError('no-channel', {}, 'no channel URL is set');
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    throw new SyncError('bad-url', {}, `not a URL: ${trimmed.slice(0, 100)}`);
  }
  const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    throw new SyncError('bad-url', {}, `${u.protocol} is not allowed; use https`);
  }
  if (u.username || u.password) throw new SyncError('bad-url', {}, 'credentials in the URL are not allowed');
  return u;
}

interface Prepared {
  base: 'snapshot' | 'delta';
  puts: Entry[];
  removes: string[];
  meta: DatasetMeta;
}

export async function runSync(channelUrl: string, deps: SyncRunDeps): Promise<SyncOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const manifestUrl = checkChannelUrl(channelUrl);
  if (deps.trustedKeys.length === 0)
    throw new SyncError('no-trusted-keys', {}, 'this build trusts no channel key');
  if (!deps.online.isOnline()) throw new SyncError('offline', {}, 'the browser is offline');

  const progress: SyncProgress = {
    phase: 'checking',
    target: null,
    bytes: 0,
    totalBytes: 0,
    records: 0,
    totalRecords: 0,
  };
  const report = (patch: Partial<SyncProgress>) => {
    Object.assign(progress, patch);
    deps.onProgress?.({ ...progress });
  };
  await deps.onPhase?.('checking', null);
  report({});

  const m = await download(deps, {
    url: manifestUrl.href,
    maxBytes: MAX_MANIFEST_BYTES,
    stallMs: limits.stallMs,
    cache: 'no-cache',
  });
  let manifestText: string;
  try {
    manifestText = new TextDecoder('utf-8', { fatal: true }).decode(m.bytes);
  } catch {
    throw new SyncError('manifest-invalid', {}, 'the manifest is not UTF-8 text');
  }
  const manifest = parseManifest(manifestText, deps.trustedKeys);

  let installed: number | null;
  try {
    installed = await deps.writer.activeVersion();
  } catch (err) {
    throw storeError(err);
  }
  if (installed !== null && manifest.version < installed) {
    throw new SyncError(
      'downgrade',
      { installed, offered: manifest.version },
      'the channel offers an older version',
    );
  }
  const plan = planUpdate(manifest, installed);
  if (plan.kind === 'up-to-date') return { kind: 'up-to-date', version: plan.version };
  if (compareVersions(deps.extensionVersion, manifest.minExtensionVersion) < 0) {
    throw new SyncError(
      'extension-too-old',
      { required: manifest.minExtensionVersion, ours: deps.extensionVersion },
      `needs RefLens ${manifest.minExtensionVersion}`,
    );
  }
  const files: FileRef[] = plan.files;
  for (const f of files) {
    if (f.size > limits.maxFileBytes) {
      throw new SyncError(
        'too-large',
        { size: f.size, cap: limits.maxFileBytes },
        `${f.path} is over the size cap`,
      );
    }
  }

  // Download every file before touching the store.
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  await deps.onPhase?.('downloading', plan.target);
  report({ phase: 'downloading', target: plan.target, totalBytes });
  const bodies: Uint8Array[] = [];
  let downloaded = 0;
  let before = 0;
  for (const f of files) {
    const body =
      (await fromCache(deps.files, f)) ?? (await fetchFile(deps, manifestUrl, f, limits, before, report));
    if (body.fetched) downloaded += f.size;
    bodies.push(body.bytes);
    before += f.size;
    report({ bytes: before });
  }

  await deps.onPhase?.('verifying', plan.target);
  report({ phase: 'verifying' });
  const prepared =
    plan.kind === 'snapshot'
      ? prepareSnapshot(files[0] as FileRef, bodies[0] as Uint8Array, manifest)
      : await prepareDeltas(plan.files, bodies, deps);

  await checkRoom(deps, totalBytes);
  await deps.onPhase?.('applying', plan.target);
  const totalRecords = prepared.puts.length + prepared.removes.length;
  report({ phase: 'applying', records: 0, totalRecords });
  // The same files applied to the same base give the same operations in the same order, so this
  // names the update well enough for a restarted worker to continue its staging.
  const key = sha256Hex(
    new TextEncoder().encode(
      `${prepared.base}:${installed}:${plan.target}:${files.map((f) => f.sha256).join(',')}`,
    ),
  ).slice(0, 32);
  const resumedAt = await applyUpdate(
    deps.writer,
    {
      key,
      target: plan.target,
      base: prepared.base,
      expectBase: installed,
      puts: prepared.puts,
      removes: prepared.removes,
      meta: prepared.meta,
    },
    { chunkSize: limits.chunkSize, onRecords: (records) => report({ records }) },
  );
  await deps.files?.clear().catch(() => {});
  return {
    kind: 'updated',
    from: installed,
    to: plan.target,
    via: prepared.base,
    downloaded,
    records: totalRecords,
    resumedAt,
  };
}

/**
 * Rows in IndexedDB take about three times the bytes of the JSON they came from
 * (entry rows plus lookup-term rows, and the old version stays until the commit).
 */
export const ROOM_FACTOR = 3;

async function checkRoom(deps: SyncRunDeps, bytes: number): Promise<void> {
  const est = await deps.storageEstimate?.().catch(() => null);
  if (!est || typeof est.quota !== 'number' || typeof est.usage !== 'number') return;
  const free = Math.max(0, est.quota - est.usage);
  const need = bytes * ROOM_FACTOR;
  if (free < need) {
    throw new SyncError(
      'quota',
      { size: need, free },
      `needs about ${need} bytes, the browser allows ${free} more`,
    );
  }
}

async function fromCache(
  cache: FileCache | undefined,
  f: FileRef,
): Promise<{ bytes: Uint8Array; fetched: false } | null> {
  const bytes = await cache?.get(f.sha256).catch(() => null);
  // A cached file is checked again: storage can be damaged like anything else.
  if (!bytes || bytes.byteLength !== f.size || sha256Hex(bytes) !== f.sha256) return null;
  return { bytes, fetched: false };
}

async function fetchFile(
  deps: SyncRunDeps,
  manifestUrl: URL,
  f: FileRef,
  limits: SyncLimits,
  before: number,
  report: (p: Partial<SyncProgress>) => void,
): Promise<{ bytes: Uint8Array; fetched: true }> {
  const got = await download(deps, {
    url: new URL(f.path, manifestUrl).href,
    expectedSize: f.size,
    maxBytes: limits.maxFileBytes,
    stallMs: limits.stallMs,
    onBytes: (n) => report({ bytes: before + n }),
  });
  if (got.sha256 !== f.sha256) {
    throw new SyncError('hash-mismatch', { file: f.path }, `${f.path}: SHA-256 ${got.sha256} ≠ ${f.sha256}`);
  }
  // Keeping it is only an optimisation; a full disk here must not fail the sync.
  await deps.files?.put(f.sha256, got.bytes).catch(() => {});
  return { bytes: got.bytes, fetched: true };
}

function prepareSnapshot(f: FileRef, bytes: Uint8Array, m: Manifest): Prepared {
  const raw = readRecordFile(
    bytes,
    { type: 'snapshot', version: m.version, from: null, records: f.records },
    f.path,
  );
  const ds = validateSnapshot(raw, f.path);
  return {
    base: 'snapshot',
    puts: [...ds.documents, ...ds.persons, ...ds.organizations],
    removes: [],
    meta: ds.meta,
  };
}

async function prepareDeltas(files: DeltaRef[], bodies: Uint8Array[], deps: SyncRunDeps): Promise<Prepared> {
  // The chain's net effect, so each delta is validated against the version before it.
  const net = new Map<string, { collection: Collection; entry: Entry } | null>();
  let meta: DatasetMeta | null = null;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as DeltaRef;
    const raw = readRecordFile(
      bodies[i] as Uint8Array,
      { type: 'delta', version: f.to, from: f.from, records: f.records },
      f.path,
    );
    const lookups = referencedIds(raw).filter((id) => !net.has(id));
    let base: Map<string, Collection>;
    try {
      base = lookups.length > 0 ? await deps.baseCollections(lookups) : new Map();
    } catch (err) {
      throw storeError(err);
    }
    const ops = validateDelta(raw, f.path, (id) => (net.has(id) ? net.get(id)?.collection : base.get(id)));
    for (const op of ops) net.set(op.op === 'put' ? op.entry.id : op.id, op.op === 'put' ? op : null);
    meta = raw.header.meta;
  }
  if (!meta) throw new SyncError('manifest-invalid', {}, 'an empty delta chain');
  const puts: Entry[] = [];
  const removes: string[] = [];
  for (const [id, v] of net) {
    if (v) puts.push(v.entry);
    else removes.push(id);
  }
  return { base: 'delta', puts, removes, meta };
}
