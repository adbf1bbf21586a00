// The channel's manifest: what version is on offer, which files make it (a full
// snapshot, and deltas from earlier versions), how big each is and its SHA-256,
// and Ed25519 signatures over the canonical bytes of all of that. The manifest
// is the only file a client trusts directly; every other file is trusted only
// through the size and hash the signed manifest states for it.
import { z } from 'zod';
import { CanonicalJsonError, canonicalBytes } from './canonical-json.ts';
import { SyncError } from './errors.ts';
import type { SecretKeyFile, TrustedKey } from './keys.ts';
import { signBytes, verifyBytes } from './keys.ts';

export const CHANNEL_FORMAT = 'reflens-channel';
export const CHANNEL_FORMAT_VERSION = 1;
/** A manifest lists a few dozen files at most; anything bigger is not one. */
export const MAX_MANIFEST_BYTES = 256 * 1024;
/** Deltas a publisher keeps; older installs take the snapshot. */
export const MAX_DELTAS = 64;

const relPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/, 'a relative path of plain names');

export const fileRefSchema = z
  .object({
    path: relPath,
    size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256'),
    records: z.number().int().min(0),
  })
  .strict();
export type FileRef = z.infer<typeof fileRefSchema>;

export const deltaRefSchema = fileRefSchema
  .extend({ from: z.number().int().positive(), to: z.number().int().positive() })
  .strict();
export type DeltaRef = z.infer<typeof deltaRefSchema>;

export const manifestBodySchema = z
  .object({
    format: z.literal(CHANNEL_FORMAT),
    formatVersion: z.literal(CHANNEL_FORMAT_VERSION),
    /** Dataset version on offer; a client never goes below what it has. */
    version: z.number().int().positive(),
    /** When it was published, UTC, to the second. */
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'YYYY-MM-DDTHH:MM:SSZ'),
    /** Oldest extension version that understands this dataset. */
    minExtensionVersion: z.string().regex(/^\d{1,5}(\.\d{1,5}){0,3}$/, 'a version like 0.1.0'),
    snapshot: fileRefSchema,
    deltas: z.array(deltaRefSchema).max(MAX_DELTAS),
  })
  .strict();
export type ManifestBody = z.infer<typeof manifestBodySchema>;

export const signatureSchema = z
  .object({ keyId: z.string().min(1).max(100), signature: z.string().max(200) })
  .strict();
export type ManifestSignature = z.infer<typeof signatureSchema>;

export type Manifest = ManifestBody & { signatures: ManifestSignature[] };

/** Signs a body with one or more keys (more than one while rotating keys). */
export function signManifest(body: ManifestBody, keys: readonly SecretKeyFile[]): Manifest {
  const checked = manifestBodySchema.parse(body);
  checkConsistency(checked);
  const bytes = canonicalBytes(checked);
  return {
    ...checked,
    signatures: keys.map((k) => ({ keyId: k.keyId, signature: signBytes(bytes, k.secretKey) })),
  };
}

export function serializeManifest(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

function firstIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`)
    .join('; ');
}

function checkConsistency(b: ManifestBody): void {
  const paths = new Set<string>([b.snapshot.path]);
  const edges = new Set<string>();
  for (const d of b.deltas) {
    if (!(d.from < d.to && d.to <= b.version)) {
      throw new SyncError(
        'manifest-invalid',
        {},
        `delta ${d.path} goes from ${d.from} to ${d.to}, outside 1..${b.version}`,
      );
    }
    if (paths.has(d.path)) throw new SyncError('manifest-invalid', {}, `file ${d.path} is listed twice`);
    paths.add(d.path);
    const edge = `${d.from}>${d.to}`;
    if (edges.has(edge)) throw new SyncError('manifest-invalid', {}, `two deltas from ${d.from} to ${d.to}`);
    edges.add(edge);
  }
}

/**
 * Manifest text → a manifest signed by a trusted key, or a SyncError saying
 * exactly which check failed. The signature is checked over the canonical form
 * of everything except `signatures`, before the shape is trusted for anything.
 */
export function parseManifest(text: string, trusted: readonly TrustedKey[]): Manifest {
  if (text.length > MAX_MANIFEST_BYTES) {
    throw new SyncError(
      'too-large',
      { size: text.length, cap: MAX_MANIFEST_BYTES },
      'manifest over the size cap',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SyncError('manifest-invalid', {}, `not JSON: ${(err as Error).message.slice(0, 120)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SyncError('manifest-invalid', {}, 'not a JSON object');
  }
  const rec = raw as Record<string, unknown>;
  if (rec.format !== CHANNEL_FORMAT || rec.formatVersion !== CHANNEL_FORMAT_VERSION) {
    const format = `${String(rec.format).slice(0, 40)} ${String(rec.formatVersion).slice(0, 10)}`;
    throw new SyncError('unknown-format', { format }, `manifest format ${format}`);
  }
  const { signatures, ...body } = rec;
  const sigs = z.array(signatureSchema).max(8).safeParse(signatures);
  if (!sigs.success || sigs.data.length === 0)
    throw new SyncError('unsigned', {}, 'the manifest carries no signature');
  if (trusted.length === 0) throw new SyncError('no-trusted-keys', {}, 'this build trusts no channel key');
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(body);
  } catch (err) {
    if (err instanceof CanonicalJsonError) throw new SyncError('manifest-invalid', {}, err.message);
    throw err;
  }
  const known = sigs.data.filter((s) => trusted.some((k) => k.keyId === s.keyId));
  if (known.length === 0) {
    const keyId = sigs.data.map((s) => s.keyId.slice(0, 40)).join(', ');
    throw new SyncError(
      'untrusted-key',
      { keyId },
      `signed only by keys this build does not trust: ${keyId}`,
    );
  }
  const valid = known.some((s) => {
    const key = trusted.find((k) => k.keyId === s.keyId);
    return key !== undefined && verifyBytes(bytes, s.signature, key.publicKey);
  });
  if (!valid) throw new SyncError('bad-signature', {}, 'the signature does not match the manifest');
  const parsed = manifestBodySchema.safeParse(body);
  if (!parsed.success) throw new SyncError('manifest-invalid', {}, firstIssues(parsed.error));
  checkConsistency(parsed.data);
  return { ...parsed.data, signatures: sigs.data };
}

/** Dotted numeric versions: "0.10.0" > "0.9.3"; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export type UpdatePlan =
  | { kind: 'up-to-date'; version: number }
  | { kind: 'snapshot'; target: number; files: [FileRef] }
  | { kind: 'delta'; target: number; from: number; files: DeltaRef[] };

/**
 * What to download to get from `installed` to the manifest's version: the
 * cheapest chain of deltas (by bytes) when one exists and is smaller than the
 * snapshot, else the snapshot. Downgrades and version checks are the caller's.
 */
export function planUpdate(m: ManifestBody, installed: number | null): UpdatePlan {
  if (installed !== null && installed === m.version) return { kind: 'up-to-date', version: installed };
  const snapshot: UpdatePlan = { kind: 'snapshot', target: m.version, files: [m.snapshot] };
  if (installed === null || installed > m.version) return snapshot;
  // Versions are few (≤ MAX_DELTAS edges): a plain Dijkstra over them is plenty.
  const best = new Map<number, { cost: number; via: DeltaRef[] }>([[installed, { cost: 0, via: [] }]]);
  const done = new Set<number>();
  for (;;) {
    let cur: number | null = null;
    for (const [v, e] of best) {
      if (!done.has(v) && (cur === null || e.cost < (best.get(cur)?.cost ?? Infinity))) cur = v;
    }
    if (cur === null) break;
    done.add(cur);
    const here = best.get(cur);
    if (!here) break;
    for (const d of m.deltas) {
      if (d.from !== cur) continue;
      const cost = here.cost + d.size;
      const prev = best.get(d.to);
      if (!prev || cost < prev.cost) best.set(d.to, { cost, via: [...here.via, d] });
    }
  }
  const chain = best.get(m.version);
  if (chain && chain.via.length > 0 && chain.cost < m.snapshot.size) {
    return { kind: 'delta', target: m.version, from: installed, files: chain.via };
  }
  return snapshot;
}
