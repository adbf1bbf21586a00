import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../lib/sync/canonical-json.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import { keyIdOf, parseSecretKeyFile, signBytes, toTrustedKeys, verifyBytes } from '../../lib/sync/keys.ts';
import {
  compareVersions,
  type ManifestBody,
  parseManifest,
  planUpdate,
  serializeManifest,
  signManifest,
} from '../../lib/sync/manifest.ts';
import { testKey, trusted } from './helpers.ts';

const A = testKey('a');
const B = testKey('b');
const STRANGER = testKey('stranger');

const sha = (c: string) => c.repeat(64);

function body(patch: Partial<ManifestBody> = {}): ManifestBody {
  return {
    format: 'reflens-channel',
    formatVersion: 1,
    version: 4,
    published: '2026-03-01T08:00:00Z',
    minExtensionVersion: '0.1.0',
    snapshot: { path: 'snapshot-v4.jsonl', size: 10_000, sha256: sha('a'), records: 100 },
    deltas: [
      { path: 'delta-v1-v2.jsonl', size: 900, sha256: sha('b'), records: 9, from: 1, to: 2 },
      { path: 'delta-v2-v3.jsonl', size: 800, sha256: sha('c'), records: 8, from: 2, to: 3 },
      { path: 'delta-v3-v4.jsonl', size: 700, sha256: sha('d'), records: 7, from: 3, to: 4 },
    ],
    ...patch,
  };
}

const text = (b: ManifestBody = body(), keys = [A]) => serializeManifest(signManifest(b, keys));

function refusal(t: string, keys = trusted(A)): SyncError {
  try {
    parseManifest(t, keys);
  } catch (err) {
    if (err instanceof SyncError) return err;
    throw err;
  }
  throw new Error('expected the manifest to be refused');
}

/** Edits the JSON text of a signed manifest without re-signing it. */
function tamper(edit: (m: Record<string, unknown>) => void, t = text()): string {
  const m = JSON.parse(t) as Record<string, unknown>;
  edit(m);
  return JSON.stringify(m);
}

describe('keys', () => {
  it('derives the id from the public key and rechecks a key file against its secret', () => {
    expect(A.keyId).toBe(keyIdOf(A.publicKey));
    expect(A.keyId).toMatch(/^ed25519-[0-9a-f]{16}$/);
    expect(parseSecretKeyFile(JSON.stringify(A)).keyId).toBe(A.keyId);
    expect(() => parseSecretKeyFile(JSON.stringify({ ...A, publicKey: B.publicKey }))).toThrow(
      /does not match/,
    );
    expect(() => parseSecretKeyFile('{}')).toThrow(/not a reflens-channel-secret-key/);
    expect(toTrustedKeys([A.publicKey.toUpperCase()])[0]?.keyId).toBe(A.keyId);
    expect(() => toTrustedKeys(['abc'])).toThrow(/64 hex/);
  });

  it('verifies only the exact bytes with the right key', () => {
    const m = new TextEncoder().encode('x');
    const sig = signManifest(body(), [A]).signatures[0]?.signature ?? '';
    expect(verifyBytes(m, sig, A.publicKey)).toBe(false);
    expect(verifyBytes(m, 'zz', A.publicKey)).toBe(false);
  });
});

describe('parseManifest', () => {
  it('accepts a manifest signed by a trusted key, whatever its formatting', () => {
    const m = parseManifest(text(), trusted(A));
    expect(m.version).toBe(4);
    expect(m.deltas).toHaveLength(3);
    const compact = JSON.stringify(JSON.parse(text()));
    expect(parseManifest(compact, trusted(A)).version).toBe(4);
  });

  it('accepts a manifest signed by old and new keys during a rotation, by either', () => {
    const t = text(body(), [A, B]);
    expect(parseManifest(t, trusted(A)).signatures).toHaveLength(2);
    expect(parseManifest(t, trusted(B)).version).toBe(4);
  });

  it.each<[string, () => string, string]>([
    [
      'version raised after signing',
      () =>
        tamper((m) => {
          m.version = 5;
        }),
      'bad-signature',
    ],
    [
      'hash changed after signing',
      () =>
        tamper((m) => {
          (m.snapshot as { sha256: string }).sha256 = sha('e');
        }),
      'bad-signature',
    ],
    [
      'a delta dropped after signing',
      () => tamper((m) => void (m.deltas as unknown[]).pop()),
      'bad-signature',
    ],
    [
      'a field added after signing',
      () =>
        tamper((m) => {
          m.extra = 1;
        }),
      'bad-signature',
    ],
    [
      'signature bytes flipped',
      () =>
        tamper((m) => {
          const s = (m.signatures as { signature: string }[])[0] as { signature: string };
          s.signature = (s.signature[0] === '0' ? '1' : '0') + s.signature.slice(1);
        }),
      'bad-signature',
    ],
    [
      'signature claimed for a trusted key by a stranger',
      () =>
        tamper(
          (m) => {
            for (const s of m.signatures as { keyId: string }[]) s.keyId = A.keyId;
          },
          text(body(), [STRANGER]),
        ),
      'bad-signature',
    ],
    ['no signatures field', () => tamper((m) => void delete m.signatures), 'unsigned'],
    [
      'empty signatures',
      () =>
        tamper((m) => {
          m.signatures = [];
        }),
      'unsigned',
    ],
    ['signed by an unknown key', () => text(body(), [STRANGER]), 'untrusted-key'],
    [
      'another format',
      () =>
        tamper((m) => {
          m.format = 'something-else';
        }),
      'unknown-format',
    ],
    [
      'a newer format version',
      () =>
        tamper((m) => {
          m.formatVersion = 2;
        }),
      'unknown-format',
    ],
    ['not JSON', () => '{"format": "reflens-channel"', 'manifest-invalid'],
    ['an array', () => '[1,2]', 'manifest-invalid'],
    ['over the size cap', () => `${' '.repeat(300 * 1024)}{}`, 'too-large'],
    [
      'a fraction in a signed field',
      () =>
        tamper((m) => {
          m.version = 4.5;
        }),
      'manifest-invalid',
    ],
  ])('refuses %s (%s)', (_label, make, code) => {
    expect(refusal(make()).code).toBe(code);
  });

  it.each<[string, Partial<ManifestBody>]>([
    [
      'a path that climbs out',
      { snapshot: { path: '../etc/passwd', size: 1, sha256: sha('a'), records: 1 } },
    ],
    [
      'an absolute URL as path',
      { snapshot: { path: 'https://evil.example/x', size: 1, sha256: sha('a'), records: 1 } },
    ],
    ['an uppercase hash', { snapshot: { path: 's.jsonl', size: 1, sha256: sha('A'), records: 1 } }],
    [
      'a delta going backwards',
      { deltas: [{ path: 'd.jsonl', size: 1, sha256: sha('b'), records: 0, from: 3, to: 2 }] },
    ],
    [
      'a delta past the version',
      { deltas: [{ path: 'd.jsonl', size: 1, sha256: sha('b'), records: 0, from: 3, to: 9 }] },
    ],
    ['a published date without zone', { published: '2026-03-01T08:00:00' }],
    ['a size of zero', { snapshot: { path: 's.jsonl', size: 0, sha256: sha('a'), records: 0 } }],
  ])('refuses a signed manifest with %s', (_label, patch) => {
    // The publisher refuses to sign it; signed by hand with a trusted key, the reader still refuses it.
    const b = body(patch);
    expect(() => text(b)).toThrow();
    const t = JSON.stringify({
      ...b,
      signatures: [{ keyId: A.keyId, signature: signBytes(canonicalBytes(b), A.secretKey) }],
    });
    expect(refusal(t).code).toBe('manifest-invalid');
  });

  it('says the build trusts no key rather than calling a good manifest bad', () => {
    expect(refusal(text(), []).code).toBe('no-trusted-keys');
  });
});

describe('planUpdate', () => {
  const m = body();
  it.each<[string, number | null, ManifestBody, string, string[]]>([
    ['nothing installed takes the snapshot', null, m, 'snapshot', ['snapshot-v4.jsonl']],
    ['the same version is up to date', 4, m, 'up-to-date', []],
    ['v3 takes one delta', 3, m, 'delta', ['delta-v3-v4.jsonl']],
    [
      'v1 takes the chain in order',
      1,
      m,
      'delta',
      ['delta-v1-v2.jsonl', 'delta-v2-v3.jsonl', 'delta-v3-v4.jsonl'],
    ],
    [
      'a version older than every delta takes the snapshot',
      1,
      body({ deltas: m.deltas.slice(1) }),
      'snapshot',
      ['snapshot-v4.jsonl'],
    ],
    [
      'a chain bigger than the snapshot loses to it',
      1,
      body({ snapshot: { path: 'snapshot-v4.jsonl', size: 2000, sha256: sha('a'), records: 1 } }),
      'snapshot',
      ['snapshot-v4.jsonl'],
    ],
    [
      'a shortcut delta beats the long chain',
      1,
      body({
        deltas: [
          ...m.deltas,
          { path: 'delta-v1-v4.jsonl', size: 1500, sha256: sha('f'), records: 15, from: 1, to: 4 },
        ],
      }),
      'delta',
      ['delta-v1-v4.jsonl'],
    ],
    [
      'a gap in the chain takes the snapshot',
      2,
      body({ deltas: [m.deltas[0], m.deltas[2]].filter((d) => d !== undefined) }),
      'snapshot',
      ['snapshot-v4.jsonl'],
    ],
  ])('%s', (_label, installed, manifest, kind, paths) => {
    const plan = planUpdate(manifest, installed);
    expect(plan.kind).toBe(kind);
    expect(plan.kind === 'up-to-date' ? [] : plan.files.map((f) => f.path)).toEqual(paths);
  });
});

describe('compareVersions', () => {
  it.each([
    ['0.1.0', '0.1.0', 0],
    ['0.10.0', '0.9.3', 1],
    ['0.1', '0.1.0', 0],
    ['1.0.0', '1.0.1', -1],
    ['2', '10', -1],
  ])('%s vs %s', (a, b, r) => {
    expect(compareVersions(a, b)).toBe(r);
  });
});
