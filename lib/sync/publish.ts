// The publisher's side of a channel, pure: a validated dataset (and optionally
// the previous channel) in, the files of the new channel out. The previous
// channel's snapshot is the base of the new delta, and its deltas are kept, so
// a client on any version still listed reaches the new one by a chain.
import type { Dataset } from '../dataset/schema.ts';
import { diffDatasets, snapshotOps } from './diff.ts';
import { sha256Hex } from './download.ts';
import type { SecretKeyFile, TrustedKey } from './keys.ts';
import {
  CHANNEL_FORMAT,
  CHANNEL_FORMAT_VERSION,
  type DeltaRef,
  MAX_DELTAS,
  type Manifest,
  parseManifest,
  signManifest,
} from './manifest.ts';
import { readRecordFile, serializeRecords, validateSnapshot } from './records.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface PublishInput {
  dataset: Dataset;
  /** YYYY-MM-DDTHH:MM:SSZ */
  published: string;
  minExtensionVersion: string;
  keys: readonly SecretKeyFile[];
  previous?: {
    manifestText: string;
    /** Reads a file of the previous channel by its manifest path. */
    read(path: string): Uint8Array;
    /** Keys the previous manifest may be signed with besides `keys` (the old key, after a rotation). */
    trust?: readonly TrustedKey[];
  };
  maxDeltas?: number;
}

export interface PublishOutput {
  manifest: Manifest;
  /** Path → bytes, manifest.json included. */
  files: Map<string, Uint8Array>;
  delta: { from: number; to: number; puts: number; removes: number } | null;
  dropped: string[];
}

const encoder = new TextEncoder();

export function snapshotPath(version: number): string {
  return `snapshot-v${version}.jsonl`;
}

export function deltaPath(from: number, to: number): string {
  return `delta-v${from}-v${to}.jsonl`;
}

function checkedRead(
  read: (path: string) => Uint8Array,
  f: { path: string; size: number; sha256: string },
): Uint8Array {
  const bytes = read(f.path);
  if (bytes.byteLength !== f.size || sha256Hex(bytes) !== f.sha256) {
    throw new Error(`previous channel: ${f.path} does not match the size and SHA-256 its manifest states`);
  }
  return bytes;
}

export function publishChannel(input: PublishInput): PublishOutput {
  if (input.keys.length === 0) throw new Error('at least one signing key is needed');
  const ds = input.dataset;
  const version = ds.meta.version;
  const files = new Map<string, Uint8Array>();

  const snapOps = snapshotOps(ds);
  const snapText = serializeRecords(
    {
      format: 'reflens-records',
      formatVersion: 1,
      type: 'snapshot',
      version,
      from: null,
      records: 0,
      meta: ds.meta,
    },
    snapOps,
  );
  const snapBytes = encoder.encode(snapText);
  const snapshot = {
    path: snapshotPath(version),
    size: snapBytes.byteLength,
    sha256: sha256Hex(snapBytes),
    records: snapOps.length,
  };
  files.set(snapshot.path, snapBytes);

  let deltas: DeltaRef[] = [];
  let delta: PublishOutput['delta'] = null;
  const dropped: string[] = [];
  const previous = input.previous;
  if (previous) {
    const trust = [
      ...input.keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey })),
      ...(previous.trust ?? []),
    ];
    const prev = parseManifest(previous.manifestText, trust);
    if (version <= prev.version) {
      throw new Error(
        `the dataset is version ${version}, the previous channel already has ${prev.version}: bump assets/data/VERSION`,
      );
    }
    const prevBytes = checkedRead(previous.read, prev.snapshot);
    const prevRaw = readRecordFile(
      prevBytes,
      { type: 'snapshot', version: prev.version, from: null, records: prev.snapshot.records },
      prev.snapshot.path,
    );
    const prevDs = validateSnapshot(prevRaw, prev.snapshot.path);
    const ops = diffDatasets(prevDs, ds);
    const text = serializeRecords(
      {
        format: 'reflens-records',
        formatVersion: 1,
        type: 'delta',
        version,
        from: prev.version,
        records: 0,
        meta: ds.meta,
      },
      ops,
    );
    const bytes = encoder.encode(text);
    const ref: DeltaRef = {
      path: deltaPath(prev.version, version),
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      records: ops.length,
      from: prev.version,
      to: version,
    };
    files.set(ref.path, bytes);
    const puts = ops.filter((o) => o.op === 'put').length;
    delta = { from: prev.version, to: version, puts, removes: ops.length - puts };
    // Older deltas keep their files; the newest ones are kept when there are too many.
    const kept = [...prev.deltas].sort((a, b) => b.to - a.to || b.from - a.from);
    const limit = Math.max(0, (input.maxDeltas ?? MAX_DELTAS) - 1);
    for (const d of kept.slice(limit)) dropped.push(d.path);
    deltas = kept.slice(0, limit).map((d) => {
      files.set(d.path, checkedRead(previous.read, d));
      return d;
    });
    deltas.push(ref);
    deltas.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  const manifest = signManifest(
    {
      format: CHANNEL_FORMAT,
      formatVersion: CHANNEL_FORMAT_VERSION,
      version,
      published: input.published,
      minExtensionVersion: input.minExtensionVersion,
      snapshot,
      deltas,
    },
    input.keys,
  );
  files.set(MANIFEST_FILE, encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return { manifest, files, delta, dropped };
}
